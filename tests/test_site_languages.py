"""Both languages: every page has its twin, the right <html lang>, a language switcher that
leads to the twin, and interface text (palette toggle, search) in its own language."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from site_html import (
    DEFAULT_LANG,
    NOT_FOUND_PAGE,
    OTHER_LANGS,
    SiteIndex,
    config_languages,
    content_pages,
    parse_html,
    site_pages,
)

# Interface strings that must follow the page's language (Material's ko/en translations and the
# palette toggle names set per language in mkdocs.yml).
UI_TEXT = {
    "ko": ['aria-label="어두운 테마로 전환"', 'placeholder="검색"', 'aria-label="검색"'],
    "en": ['aria-label="Switch to dark mode"', 'placeholder="Search"', 'aria-label="Search"'],
}


@pytest.fixture(scope="module")
def pages(site_dir: Path):
    return content_pages(site_pages(site_dir))


def test_the_site_is_built_in_korean_and_english() -> None:
    assert config_languages() == [DEFAULT_LANG, *OTHER_LANGS]


def test_every_page_has_its_twin_in_the_other_language(pages) -> None:
    urls = {page.url for page in pages}
    missing = [f"{page.rel} ({page.lang}) has no twin at /{page.twin_url}"
               for page in pages if page.twin_url not in urls]
    assert not missing, "\n".join(missing)
    assert sum(page.lang == "ko" for page in pages) == sum(page.lang == "en" for page in pages)
    assert len(pages) >= 4


def test_every_page_declares_its_language(site_dir: Path, pages) -> None:
    wrong = []
    for page in pages:
        lang = parse_html((site_dir / page.rel).read_text(encoding="utf-8")).lang
        if lang != page.lang:
            wrong.append(f"{page.rel}: <html lang=\"{lang}\">, expected \"{page.lang}\"")
    assert not wrong, "\n".join(wrong)


def test_the_language_switcher_leads_to_the_twin(site_dir: Path, pages) -> None:
    index = SiteIndex(site_dir)
    wrong = []
    for page in pages:
        switcher = index.parsed(page.rel).switcher
        expected = {page.lang: page.url, ("en" if page.lang == "ko" else "ko"): page.twin_url}
        if set(switcher) != set(expected):
            wrong.append(f"{page.rel}: switcher languages {sorted(switcher)}")
            continue
        for lang, url in expected.items():
            target, _, problem = index.resolve(page.rel, switcher[lang])
            want = posixpath.join(url, "index.html")
            if problem or target != want:
                wrong.append(f"{page.rel}: {lang} link \"{switcher[lang]}\" leads to "
                             f"{target or problem}, expected {want}")
    assert not wrong, "\n".join(wrong)


def test_interface_text_is_in_the_page_language(site_dir: Path, pages) -> None:
    wrong = []
    for page in pages:
        html = (site_dir / page.rel).read_text(encoding="utf-8")
        wrong += [f"{page.rel}: missing {text}" for text in UI_TEXT[page.lang] if text not in html]
    assert not wrong, "\n".join(wrong)


def test_material_features_and_edit_links(site_dir: Path, pages) -> None:
    wrong = []
    for page in pages:
        html = (site_dir / page.rel).read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S)[1])
        features = set(config["features"])
        if not {"content.tooltips", "content.code.copy", "content.action.edit"} <= features:
            wrong.append(f"{page.rel}: features {sorted(features)}")
        if "navigation.instant" in features:  # it breaks static-i18n's language switcher
            wrong.append(f"{page.rel}: navigation.instant is on")
        source = "index" if page.url in {"", "en/"} else page.url.split("/")[-2]
        suffix = ".en.md" if page.lang == "en" else ".md"
        edit = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', html)
        if not edit or not edit[1].endswith(f"/edit/main/docs/{source}{suffix}"):
            wrong.append(f"{page.rel}: edit link {edit[1] if edit else None}")
    assert not wrong, "\n".join(wrong)


def test_the_404_page_serves_both_languages(site_dir: Path) -> None:
    html = (site_dir / NOT_FOUND_PAGE).read_text(encoding="utf-8")
    parsed = parse_html(html)
    assert parsed.lang == "ko"
    assert '<section lang="en"' in html
    assert "페이지를 찾을 수 없음" in html and "Page not found" in html
    homes = {link.value for link in parsed.links if link.tag == "a"}
    assert any(href.endswith("/en/") for href in homes), homes
    assert any(not href.endswith("/en/") and href.endswith("/") for href in homes), homes


def test_the_404_page_speaks_to_the_reader_in_haeyo_and_labels_in_nouns(site_dir: Path) -> None:
    """Korean interface register (issue 21): the heading and the title are labels with a noun
    ending, the sentence to the reader is 해요체, and nothing is 해라체 or 합쇼체."""
    html = (site_dir / NOT_FOUND_PAGE).read_text(encoding="utf-8")
    korean = html[html.index('<section lang="ko"'):html.index('<section lang="en"')]
    assert "<title>페이지를 찾을 수 없음 · Page not found</title>" in html
    assert "<h2>페이지를 찾을 수 없음</h2>" in korean
    sentences = re.findall(r"<p>([^<]*[가-힣][^<]*)</p>", korean)
    assert sentences and all(s.rstrip().endswith("요.") for s in sentences), sentences
    text = re.sub(r"<script\b.*?</script>|<[^>]+>", " ", korean, flags=re.S)
    assert not re.search(r"[가-힣](?:다|니다|습니다)[.!?]?(?=\s|$)", text), text

