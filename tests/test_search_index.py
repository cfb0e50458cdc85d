"""One search index per language (bilingual_glossary/search_index.py, the plugin's
search_per_language option) and the pages that load it (overrides/main.html, block config)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bilingual_glossary.config import GlossaryConfig
from bilingual_glossary.data.errors import GlossaryError
from bilingual_glossary.search_index import split_search_index
from conftest import ROOT
from site_html import search_indexes, site_pages

CONFIG = {"lang": ["ko", "en"], "separator": "[\\s]+", "pipeline": [" "]}


def _write_index(site: Path, docs: list[dict]) -> None:
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(
        json.dumps({"config": CONFIG, "docs": docs}), encoding="utf-8")


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_each_language_gets_its_entries_relative_to_its_root(tmp_path: Path) -> None:
    _write_index(tmp_path, [
        {"location": "", "title": "쿠버네티스 입문", "text": "파드"},
        {"location": "pods/#pod", "title": "파드", "text": "파드는"},
        {"location": "en/", "title": "Kubernetes Primer", "text": "Pod"},
        {"location": "en/pods/#pod", "title": "Pod", "text": "A Pod", "boost": 2},
        {"location": "english-notes/", "title": "한국어 페이지", "text": "en/ is not a prefix"},
    ])
    assert split_search_index(tmp_path, ["/en/"]) == {"": 3, "en/": 2}
    ko, en = _read(tmp_path / "search/search_index.json"), _read(
        tmp_path / "en/search/search_index.json")
    assert ko["config"] == en["config"] == CONFIG
    assert [d["location"] for d in ko["docs"]] == ["", "pods/#pod", "english-notes/"]
    assert en["docs"] == [{"location": "", "title": "Kubernetes Primer", "text": "Pod"},
                          {"location": "pods/#pod", "title": "Pod", "text": "A Pod",
                           "boost": 2}]
    # Hangul as UTF-8: the index is half the size it would be with \\uXXXX escapes
    assert "파드" in (tmp_path / "search/search_index.json").read_text(encoding="utf-8")


def test_a_site_without_an_index_is_left_alone(tmp_path: Path) -> None:
    assert split_search_index(tmp_path, ["en/"]) == {}
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", ["{not json", '{"docs": 3}', '{"config": {}}'])
def test_an_index_that_cannot_be_split_fails_with_one_clear_message(tmp_path: Path,
                                                                    content: str) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        split_search_index(tmp_path, ["en/"])
    message = caught.value.report()
    assert "search/search_index.json" in message and "Fix:" in message
    assert not (tmp_path / "en").exists()


def test_the_option_is_off_unless_a_site_turns_it_on() -> None:
    config = GlossaryConfig()
    config.load_dict({})
    assert config.validate() == ([], []) and config["search_per_language"] is False
    assert re.search(r"^\s+search_per_language: true$",
                     (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


# --- the built site -----------------------------------------------------------------------

def test_the_built_site_has_one_index_per_language(site_dir: Path) -> None:
    indexes = search_indexes(site_dir)
    assert set(indexes) == {"", "en/"}
    ko = [d["location"] for d in indexes[""]["docs"]]
    en = [d["location"] for d in indexes["en/"]["docs"]]
    assert "pods/#pod" in ko and not [loc for loc in ko if loc.startswith("en/")]
    assert "pods/#pod" in en and "" in en and not [loc for loc in en if loc.startswith("en/")]
    titles = {d["location"]: d["title"] for d in indexes["en/"]["docs"]}
    assert titles["pods/#pod"] == "Pod"  # the English entries, not the Korean ones
    # the worker shim that filtered one shared index is gone, from the theme and the site
    assert not list((ROOT / "overrides").rglob("search-language.js"))
    assert not list(site_dir.rglob("search-language.js"))


def test_every_page_loads_the_index_of_its_own_language(site_dir: Path) -> None:
    """Material 9.8.1 fetches search/search_index.json relative to __config's base: the
    base of every page is its language's root. A Material upgrade that writes its config
    block differently leaves the English base at the site root, and this fails."""
    checked = 0
    for page in site_pages(site_dir):
        html = (site_dir / page.rel).read_text(encoding="utf-8")
        found = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                          html, re.S)
        if not found:
            continue
        url = "http://site/" + page.rel.removesuffix("index.html")
        base = urljoin(url, json.loads(found.group(1))["base"])
        expected = "http://site/en/" if page.rel.startswith("en/") else "http://site/"
        assert base.rstrip("/") + "/" == expected, page.rel
        index = urljoin(base.rstrip("/") + "/", "search/search_index.json")
        assert (site_dir / index.removeprefix("http://site/")).is_file(), page.rel
        checked += 1
    assert checked >= 10
