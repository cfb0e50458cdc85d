"""The glossary as data (issue 14): glossary.json and its schema, glossary.tbx, glossary.csv,
the CLI's export, DefinedTermSet JSON-LD on the glossary pages and link-preview tags.

The expected values come from the glossary's YAML files read here with plain PyYAML, or are
written out by hand, never from the export code itself.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bilingual_glossary.cli.main import main as cli_main
from bilingual_glossary.data.loader import load_glossary
from bilingual_glossary.export.addresses import (
    SiteAddresses,
    normalize_site_url,
    site_addresses,
)
from bilingual_glossary.export.files import MANIFEST
from bilingual_glossary.export.glossary_tbx import build_tbx
from bilingual_glossary.export.jsonld import defined_term_set, json_ld_script
from factory import TAGS, make_glossary, term_yaml
from mkdocs.exceptions import Abort, PluginError
from plugin_harness import configure, write_project
from site_html import SiteIndex, content_pages, site_pages

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://k8s-intro.github.io/k8s-reference/"  # mkdocs.yml's site_url
TBX_NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EXPORTS = ("glossary.json", "glossary.schema.json", "glossary.tbx", "glossary.csv")
OG_LOCALE = {"ko": "ko_KR", "en": "en_US"}
SITE_NAME = {"ko": "쿠버네티스 입문", "en": "Kubernetes Primer"}
GLOSSARY_PAGE = {"ko": "glossary/index.html", "en": "en/glossary/index.html"}


def _yaml_terms() -> dict[str, dict[str, Any]]:
    """The glossary as its files say, read independently of the plugin's loader."""
    terms = {}
    for path in sorted((ROOT / "glossary").glob("*.yml")):
        if not path.name.startswith("_"):
            terms[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(terms) >= 20, "the site's glossary should have its terms"
    return terms


def _flat(text: str) -> str:
    return " ".join(text.split())


def _names(data: dict[str, Any], lang: str, key: str) -> list[str]:
    value = data[lang].get(key) or []
    return [_flat(v) for v in ([value] if isinstance(value, str) else value)]


@pytest.fixture(scope="module")
def yaml_terms() -> dict[str, dict[str, Any]]:
    return _yaml_terms()


@pytest.fixture(scope="module")
def built_json(site_dir: Path) -> dict[str, Any]:
    return json.loads((site_dir / "glossary.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema(site_dir: Path) -> dict[str, Any]:
    return json.loads((site_dir / "glossary.schema.json").read_text(encoding="utf-8"))


# --- glossary.json ----------------------------------------------------------------------------

def test_the_files_are_written_once_at_the_site_root(site_dir: Path) -> None:
    for name in EXPORTS:
        assert (site_dir / name).is_file(), name
        assert not (site_dir / "en" / name).exists(), f"en/{name} (static-i18n's second pass)"


def test_glossary_json_follows_its_schema(built_json: dict[str, Any], schema) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(built_json)
    assert built_json["format_version"] == 1
    assert built_json["site_url"] == SITE_URL
    assert built_json["$schema"] == SITE_URL + "glossary.schema.json"


@pytest.mark.parametrize("break_it", [
    lambda doc: doc["terms"][0]["ko"].pop("term"),
    lambda doc: doc.update(format_version=2),
    lambda doc: doc["terms"][0]["en"].update(url=SITE_URL + "en/glossary/"),
    lambda doc: doc["terms"][0].update(part_of="Not An Id"),
    lambda doc: doc["terms"][0].update(colour="blue"),
], ids=["no-term", "other-version", "url-without-entry", "bad-id", "unknown-field"])
def test_the_schema_rejects_a_broken_document(built_json, schema, break_it) -> None:
    doc = copy.deepcopy(built_json)
    break_it(doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)


def test_glossary_json_holds_every_term_as_its_file_says(built_json, yaml_terms) -> None:
    terms = {t["id"]: t for t in built_json["terms"]}
    assert list(terms) == sorted(yaml_terms)
    for term_id, data in yaml_terms.items():
        out = terms[term_id]
        for lang, prefix in (("ko", ""), ("en", "en/")):
            assert out[lang]["term"] == _flat(data[lang]["term"])
            assert out[lang]["short"] == _flat(data[lang]["short"])
            assert out[lang]["aliases"] == _names(data, lang, "aliases")
            assert out[lang]["avoid"] == _names(data, lang, "avoid")
            assert out[lang]["url"] == f"{SITE_URL}{prefix}glossary/#{term_id}"
            assert out[lang]["docs"] == (data[lang].get("docs") or data.get("docs"))
        assert out["part_of"] == data.get("part_of")
        assert out["kind_of"] == data.get("kind_of")
        assert out["related"] == list(data.get("related") or [])
        assert out["tags"] == list(data.get("tags") or [])
    pod = terms["pod"]
    assert (pod["ko"]["term"], pod["en"]["term"], pod["part_of"]) == ("파드", "Pod", "node")
    assert "포드" in pod["ko"]["avoid"]


def test_every_entry_url_is_an_entry_on_the_glossary_page(built_json, site_dir: Path) -> None:
    index = SiteIndex(site_dir)
    anchors = {lang: index.parsed(rel).anchors for lang, rel in GLOSSARY_PAGE.items()}
    checked = 0
    for term in built_json["terms"]:
        for lang, rel in GLOSSARY_PAGE.items():
            page, _, fragment = term[lang]["url"].removeprefix(SITE_URL).partition("#")
            assert page + "index.html" == rel
            assert fragment in anchors[lang], term[lang]["url"]
            checked += 1
    assert checked == 2 * len(built_json["terms"]) > 0


# --- glossary.tbx -----------------------------------------------------------------------------

def _langsec_terms(lang_sec: ET.Element) -> list[tuple[str, str, str]]:
    """(term, administrative status, part of speech) of each termSec."""
    rows = []
    for term_sec in lang_sec.findall(f"{TBX_NS}termSec"):
        notes = {n.get("type"): n.text for n in term_sec.findall(f"{TBX_NS}termNote")}
        rows.append((term_sec.findtext(f"{TBX_NS}term"), notes.get("administrativeStatus"),
                     notes.get("partOfSpeech")))
    return rows


def test_glossary_tbx_is_tbx_basic_with_every_term(site_dir: Path, yaml_terms) -> None:
    raw = (site_dir / "glossary.tbx").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model ')
    assert b"<!DOCTYPE" not in raw  # nothing for a parser to fetch
    root = ET.fromstring(raw)
    assert root.tag == f"{TBX_NS}tbx"
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "ko")
    assert root.find(f"{TBX_NS}tbxHeader/{TBX_NS}fileDesc/{TBX_NS}sourceDesc/{TBX_NS}p") is not None
    entries = root.findall(f"{TBX_NS}text/{TBX_NS}body/{TBX_NS}conceptEntry")
    assert [e.get("id") for e in entries] == sorted(yaml_terms)
    for entry in entries:
        data = yaml_terms[entry.get("id")]
        lang_secs = entry.findall(f"{TBX_NS}langSec")
        assert [s.get(XML_LANG) for s in lang_secs] == ["ko", "en"]
        for lang_sec in lang_secs:
            lang = lang_sec.get(XML_LANG)
            definitions = [d.text for d in lang_sec.findall(f"{TBX_NS}descrip")
                           if d.get("type") == "definition"]
            assert definitions == [_flat(data[lang]["short"])]
            expected = ([(_flat(data[lang]["term"]), "preferredTerm-admn-sts", "noun")]
                        + [(a, "admittedTerm-admn-sts", "noun")
                           for a in _names(data, lang, "aliases")]
                        + [(a, "deprecatedTerm-admn-sts", "noun")
                           for a in _names(data, lang, "avoid")])
            assert _langsec_terms(lang_sec) == expected
    targets = {r.get("target") for e in entries for r in e.findall(f"{TBX_NS}ref")}
    assert targets and targets <= set(yaml_terms)  # cross-references name entries of the file


def test_tbx_escapes_markup_characters(tmp_path: Path) -> None:
    term = {lang: {"term": f"{lang} <b> & \"q\"", "aliases": ["a&b"],
                   "short": f'{lang}: A & B < C > D "E"'} for lang in ("ko", "en")}
    folder = make_glossary(tmp_path, {"amp.yml": yaml.safe_dump(term, allow_unicode=True)})
    addresses = SiteAddresses("https://example.org/a&b/", {"ko": "g/", "en": "en/g/"})
    raw = build_tbx(load_glossary(folder), addresses)
    assert b"<b>" not in raw and b"a&b" not in raw
    lang_secs = ET.fromstring(raw).findall(f".//{TBX_NS}langSec")
    assert len(lang_secs) == 2
    for lang, lang_sec in zip(("ko", "en"), lang_secs, strict=True):
        assert [t for t, _, _ in _langsec_terms(lang_sec)] == [f'{lang} <b> & "q"', "a&b"]
        assert lang_sec.findtext(f"{TBX_NS}descrip") == f'{lang}: A & B < C > D "E"'
    assert lang_secs[1].find(f"{TBX_NS}xref").get("target") == (
        "https://example.org/a&b/en/g/#amp")


# --- glossary.csv -----------------------------------------------------------------------------

def test_glossary_csv_has_a_bom_a_header_and_a_row_per_term(site_dir: Path, yaml_terms) -> None:
    raw = (site_dir / "glossary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["id", "term_ko", "term_en", "short_ko", "short_en", "aliases_ko",
                       "aliases_en", "tags"]
    body = {row[0]: row for row in rows[1:]}
    assert list(body) == sorted(yaml_terms)
    for term_id, data in yaml_terms.items():
        assert body[term_id] == [
            term_id, _flat(data["ko"]["term"]), _flat(data["en"]["term"]),
            _flat(data["ko"]["short"]), _flat(data["en"]["short"]),
            "; ".join(_names(data, "ko", "aliases")), "; ".join(_names(data, "en", "aliases")),
            "; ".join(data.get("tags") or []),
        ]
    assert body["pod"][1] == "파드"  # Hangul survives the round trip


# --- the CLI ----------------------------------------------------------------------------------

def test_cli_export_writes_the_built_files_byte_for_byte(site_dir: Path, tmp_path: Path,
                                                         capsys) -> None:
    out = tmp_path / "all"
    assert cli_main(["--root", str(ROOT), "export", "--format", "all", "--out", str(out)]) == 0
    # and the export's manifest (export/files.py), so that a second export may replace them
    assert sorted(p.name for p in out.iterdir()) == sorted((*EXPORTS, MANIFEST))
    for name in EXPORTS:
        assert (out / name).read_bytes() == (site_dir / name).read_bytes(), name
    assert f"wrote {out / 'glossary.tbx'}" in capsys.readouterr().out


def test_cli_export_one_format_and_another_site_url(tmp_path: Path) -> None:
    assert cli_main(["--root", str(ROOT), "export", "--format", "tbx", "--out",
                     str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "glossary.tbx"]
    assert cli_main(["--root", str(ROOT), "export", "--format", "json", "--site-url", "",
                     "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "glossary.json").read_text(encoding="utf-8"))
    pod = next(t for t in data["terms"] if t["id"] == "pod")
    assert data["site_url"] is None
    assert (pod["ko"]["url"], pod["en"]["url"]) == ("glossary/#pod", "en/glossary/#pod")


def test_cli_export_reports_a_bad_mkdocs_yml_in_one_line(tmp_path: Path, capsys) -> None:
    root = tmp_path / "project"
    make_glossary(root, {"pod.yml": term_yaml("파드", "Pod")})
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - bilingual-glossary:\n      used_on_limit: 0\n",
        encoding="utf-8")
    assert cli_main(["--root", str(root), "export", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{root / 'mkdocs.yml'}: ")
    assert "Traceback" not in err and not (tmp_path / "out").exists()


def test_cli_export_needs_the_sites_configuration(tmp_path: Path, capsys) -> None:
    make_glossary(tmp_path, {"pod.yml": term_yaml("파드", "Pod")})
    assert cli_main(["--root", str(tmp_path), "export", "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{tmp_path / 'mkdocs.yml'}: does not exist; this command reads the site's "
        "configuration. Fix: run it in the site's folder, or name that folder with --root.")


# Sites the CLI used to get wrong when it read mkdocs.yml by hand: the export must be the build.
I18N = """\
site_name: t
site_url: https://example.org/docs/
theme: {{name: mkdocs, language: ko}}
{extra}
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {{locale: ko, name: 한국어, default: true, build: true}}
        - {{locale: {en}, name: English, build: true{link}}}
  - bilingual-glossary
"""
EXPORT_SITES = {
    "no-theme-language": ("site_name: t\nsite_url: https://example.org/\ntheme: {name: mkdocs}\n"
                          "plugins: [bilingual-glossary]\n", "", {"en": "glossary/"}),
    "no-directory-urls": (I18N.format(extra="use_directory_urls: false", en="en", link=""), "en",
                          {"ko": "glossary.html", "en": "en/glossary.html"}),
    "static-i18n-link": (I18N.format(extra="", en="en", link=", link: /english/"), "en",
                         {"ko": "glossary/", "en": "en/glossary/"}),
    "locale-en_US": (I18N.format(extra="", en="en_US", link=""), "en_US",
                     {"ko": "glossary/", "en": "en_US/glossary/"}),
}


@pytest.mark.parametrize("name", list(EXPORT_SITES))
def test_cli_export_is_the_build_byte_for_byte(tmp_path: Path, name: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config, suffix, pages = EXPORT_SITES[name]
    glossary = "\n\n<!-- bilingual-glossary -->\n"
    docs = {"index.md": "# 홈\n", "glossary.md": "# 용어집" + glossary, "pods.md": "파드\n"}
    if suffix:
        docs |= {f"index.{suffix}.md": "# Home\n", f"glossary.{suffix}.md": "# Terms" + glossary,
                 f"pods.{suffix}.md": "A Pod.\n"}
    project = write_project(tmp_path / "p", config, docs,
                            {"pod.yml": term_yaml("파드", "Pod")})
    site_dir = tmp_path / "site"
    build(load_config(str(project), site_dir=str(site_dir)))
    out = tmp_path / "out"
    assert cli_main(["--root", str(project.parent), "export", "--out", str(out)]) == 0
    for export in EXPORTS:
        assert (out / export).read_bytes() == (site_dir / export).read_bytes(), export
    data = json.loads((site_dir / "glossary.json").read_bytes())
    site_url = data["site_url"]
    assert data["languages"] == list(pages)
    assert {lang: data["terms"][0][lang]["url"] for lang in pages} == {
        lang: f"{site_url}{url}#pod" for lang, url in pages.items()}
    for url in pages.values():  # each address is a page of the build
        assert (site_dir / (url + "index.html" if url.endswith("/") else url)).is_file()


def test_cli_export_refuses_a_site_url_that_is_no_address(tmp_path: Path, capsys) -> None:
    assert cli_main(["--root", str(ROOT), "export", "--site-url", "example.org",
                     "--out", str(tmp_path / "out")]) == 2
    assert "--site-url 'example.org' is not an address. Fix:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# --- JSON-LD ----------------------------------------------------------------------------------

class _Head(HTMLParser):
    """<html lang>, <meta>, <link rel=canonical>, <title> and JSON-LD scripts of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        elif tag == "meta" and ("property" in values or "name" in values):
            key = values.get("property") or values["name"]
            self.meta.setdefault(key, []).append(values.get("content", ""))
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld[-1] += data


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_glossary_pages_carry_a_defined_term_set(site_dir: Path, yaml_terms, lang: str) -> None:
    head = _head(site_dir / GLOSSARY_PAGE[lang])
    assert len(head.json_ld) == 1
    assert "<" not in head.json_ld[0]
    data = json.loads(head.json_ld[0])
    page = SITE_URL + GLOSSARY_PAGE[lang].removesuffix("index.html")
    assert (data["@context"], data["@type"], data["inLanguage"]) == (
        "https://schema.org", "DefinedTermSet", lang)
    assert data["@id"] == page
    terms = {t["@id"].removeprefix(f"{page}#"): t for t in data["hasDefinedTerm"]}
    assert sorted(terms) == sorted(yaml_terms)
    for term_id, item in terms.items():
        source = yaml_terms[term_id][lang]
        assert item["@type"] == "DefinedTerm"
        assert item["name"] == _flat(source["term"])
        assert item["description"] == _flat(source["short"])
        assert item.get("alternateName", []) == _names(yaml_terms[term_id], lang, "aliases")
        assert item["@id"] == item["url"] == f"{page}#{term_id}"
        assert item["inDefinedTermSet"] == page  # an address: schema.org's URL form
        # nothing beyond what issue 14 asks for: the page repeats each key for every term
        assert set(item) - {"alternateName"} == {"@type", "@id", "url", "name", "description",
                                                 "inDefinedTermSet"}


def test_json_ld_cannot_close_its_script_element(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, {"x.yml": term_yaml("엑스", "X </script><!-- &")})
    glossary = load_glossary(folder)
    addresses = SiteAddresses(None, {"ko": "g/", "en": "en/g/"})
    script = json_ld_script(defined_term_set(glossary, "en", addresses, "Terms"))
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    data = json.loads(body)
    assert data["hasDefinedTerm"][0]["name"] == "X </script><!-- &"
    # without site_url the addresses are relative to the glossary page itself
    assert data["@id"] == "./" and data["hasDefinedTerm"][0]["@id"] == "#x"


# --- link previews ----------------------------------------------------------------------------

def test_every_page_has_link_preview_tags_in_its_language(site_dir: Path) -> None:
    pages = content_pages(site_pages(site_dir))
    assert len(pages) == 2 * len(list((ROOT / "docs").glob("*.en.md"))) > 0
    for page in pages:
        head = _head(site_dir / page.rel)
        meta = {key: values for key, values in head.meta.items()
                if key.startswith(("og:", "twitter:"))}
        where = page.rel
        assert head.lang == page.lang, where
        assert meta["og:locale"] == [OG_LOCALE[page.lang]], where
        assert meta["og:locale:alternate"] == [v for k, v in OG_LOCALE.items()
                                               if k != page.lang], where
        assert meta["og:url"] == [head.canonical] == [SITE_URL + page.url], where
        assert meta["og:description"] == head.meta["description"], where
        assert meta["og:description"][0].strip(), where
        assert meta["og:site_name"] == [SITE_NAME[page.lang]], where
        assert len(meta["og:title"]) == 1 and meta["og:title"][0].strip(), where
        assert meta["og:type"] == ["website"], where
        assert meta["twitter:card"] == ["summary"], where
        # nothing to fetch: no preview image from anywhere
        assert not [k for k in meta if k.endswith(":image")], where


def test_a_page_title_becomes_the_preview_title(site_dir: Path) -> None:
    assert _head(site_dir / "en/pods/index.html").meta["og:title"] == ["Pods and containers"]
    assert _head(site_dir / "index.html").meta["og:title"] == ["쿠버네티스 입문"]


# --- discoverable -----------------------------------------------------------------------------

@pytest.mark.parametrize("rel", ["glossary/index.html", "en/glossary/index.html",
                                 "contributing/index.html", "en/contributing/index.html"])
def test_glossary_and_contributing_pages_link_the_files(site_dir: Path, rel: str) -> None:
    index = SiteIndex(site_dir)
    parsed = index.parsed(rel)
    assert "glossary-data" in parsed.anchors
    targets = {index.resolve(rel, link.value)[0] for link in parsed.links if link.tag == "a"}
    assert {"glossary.json", "glossary.tbx", "glossary.csv"} <= targets


# --- the plugin on another site ---------------------------------------------------------------

OTHER_SITE = """\
site_name: Other site
theme:
  name: mkdocs
  language: en
plugins:
  - macros:
      on_undefined: strict
  - bilingual-glossary:
      glossary_page: reference/terms.md
"""
OTHER_PAGES = {"index.md": "# Home\n\nA pod.\n",
               "reference/terms.md": "# Terms\n\n{{ glossary_page() }}\n"}
OTHER_GLOSSARY = {"_tags.yml": TAGS, "pod.yml": term_yaml("파드", "Pod")}


def _generated(site) -> dict[str, bytes]:
    return {f.src_uri: f.content_bytes for f in site.files if f.generated_by is not None
            and f.src_uri.startswith("glossary.")}


def test_a_site_without_site_url_gets_addresses_relative_to_its_root(tmp_path: Path) -> None:
    site = configure(write_project(tmp_path, OTHER_SITE, OTHER_PAGES, OTHER_GLOSSARY))
    files = _generated(site)
    assert sorted(files) == sorted(EXPORTS)
    data = json.loads(files["glossary.json"])
    assert data["site_url"] is None and data["$schema"] == "glossary.schema.json"
    assert data["terms"][0]["en"]["url"] == "reference/terms/#pod"
    # an English site: its glossary has English text only, whatever else the files hold
    assert data["languages"] == ["en"] and "ko" not in data["terms"][0]
    _, html = site.render("reference/terms.md")
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    assert (ld["inLanguage"], ld["name"], ld["hasDefinedTerm"][0]["url"]) == ("en", "Terms",
                                                                              "#pod")


def test_exports_and_structured_data_can_be_switched_off(tmp_path: Path) -> None:
    config = OTHER_SITE + "      exports: [csv]\n      structured_data: false\n"
    site = configure(write_project(tmp_path, config, OTHER_PAGES, OTHER_GLOSSARY))
    assert sorted(_generated(site)) == ["glossary.csv"]
    _, html = site.render("reference/terms.md")
    assert "application/ld+json" not in html


def test_an_unknown_export_format_is_a_config_error(tmp_path: Path, caplog) -> None:
    config = OTHER_SITE + "      exports: [xml]\n"
    with pytest.raises(Abort):
        configure(write_project(tmp_path, config, OTHER_PAGES, OTHER_GLOSSARY))
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "option 'exports'" in errors[0] and "'xml'" in errors[0]


def test_a_page_file_with_an_export_name_is_one_clear_error(tmp_path: Path) -> None:
    pages = {**OTHER_PAGES, "glossary.csv": "a,b\n"}
    with pytest.raises(PluginError) as info:
        configure(write_project(tmp_path, OTHER_SITE, pages, OTHER_GLOSSARY))
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'docs'}/glossary.csv has the name of a file")
    assert "Fix: rename or remove it" in message and "\n" not in message


# --- the address rule -------------------------------------------------------------------------

def test_site_url_is_normalized_like_mkdocs() -> None:
    assert normalize_site_url("https://example.org/docs") == "https://example.org/docs/"
    assert normalize_site_url(" ") is None and normalize_site_url(None) is None
    addresses = site_addresses("https://example.org", {"ko": "glossary/", "fr": "fr/g/"})
    assert addresses.entry("pod", "ko") == "https://example.org/glossary/#pod"
    assert addresses.entry("pod", "en") is None
    assert addresses.entry("pod", "fr") == "https://example.org/fr/g/#pod"
