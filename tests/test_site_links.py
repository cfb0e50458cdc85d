"""Every internal link of the built site resolves, in both languages, and no page loads
anything from another host."""

from __future__ import annotations

import json
from pathlib import Path

from site_html import broken_links, outside_loads, published_prefix, search_docs, site_pages


def _write(root: Path, rel: str, html: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html lang=\"ko\"><body>{html}</body></html>",
                    encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    pages = site_pages(site_dir)
    assert {"index.html", "en/index.html", "404.html"} <= {p.rel for p in pages}
    problems = broken_links(site_dir, published_prefix())
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_no_page_loads_anything_from_another_host(site_dir: Path) -> None:
    problems = outside_loads(site_dir)
    assert not problems, "loads from another host:\n" + "\n".join(problems)


def test_the_checker_reports_every_broken_link_and_anchor(tmp_path: Path) -> None:
    _write(tmp_path, "index.html",
           '<meta name="viewport" content="width=device-width"><input name="query">'
           '<h2 id="here">x</h2><a href="#here">ok</a><a href="pods/#pod">ok</a>'
           '<a href="/site/pods/">ok</a><a href="https://example.org/">external</a>'
           '<a href="gone/">missing page</a><a href="pods/#nope">missing anchor</a>'
           '<a href="#nowhere">missing local anchor</a><img src="img/missing.png">'
           '<svg><a href="pods/#also-nope"><text>diagram</text></a></svg>'
           '<a href="/elsewhere/">outside the published site</a>'
           '<a href="#viewport">a meta name is no anchor</a><a href="#query">nor an input</a>'
           '<img src="img/ok.png" srcset="img/ok.png 1x, img/big.png 2x">'
           '<style>.a { background: url("img/ok.png") } .b { background: url(img/gone.png) }'
           '</style><div style="background-image: url(\'../outside.png\')"></div>'
           '<link rel="stylesheet" href="css/site.css">')
    _write(tmp_path, "pods/index.html", '<h2 id="pod">Pod</h2><a name="legacy"></a>'
           '<a href="../#here">ok</a><a href="../index.html#legacy">wrong page</a>')
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "ok.png").write_bytes(b"")
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text(
        '/* url(commented-out.png) */ @import "base.css";\n'
        '.c { background: url(../img/ok.png) } .d { background: url("../img/no.png") }\n'
        '.e { mask: url("data:image/svg+xml;charset=utf-8,<svg></svg>") }', encoding="utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"docs": [
        {"location": "", "title": "Home"}, {"location": "pods/#pod", "title": "Pod"},
        {"location": "pods/#gone", "title": "a heading no page has"},
        {"location": "nodes/", "title": "a page never built"}]}), encoding="utf-8")
    problems = broken_links(tmp_path, "/site/")
    assert sorted(problems) == sorted([
        'index.html: <a href="gone/"> -> missing file gone/index.html',
        'index.html: <a href="pods/#nope"> -> no id (or <a name>) "nope" in pods/index.html',
        'index.html: <a href="#nowhere"> -> no id (or <a name>) "nowhere" in index.html',
        'index.html: <img src="img/missing.png"> -> missing file img/missing.png',
        'index.html: <a href="pods/#also-nope"> -> no id (or <a name>) "also-nope" in '
        'pods/index.html',
        'index.html: <a href="/elsewhere/"> absolute path outside the published site /site/',
        'index.html: <a href="#viewport"> -> no id (or <a name>) "viewport" in index.html',
        'index.html: <a href="#query"> -> no id (or <a name>) "query" in index.html',
        'index.html: <img srcset="img/big.png"> -> missing file img/big.png',
        'index.html: inline CSS url(img/gone.png) -> missing file img/gone.png',
        'index.html: inline CSS url(../outside.png) points above the site root',
        'css/site.css: url(base.css) -> missing file css/base.css',
        'css/site.css: url(../img/no.png) -> missing file img/no.png',
        'pods/index.html: <a href="../index.html#legacy"> -> no id (or <a name>) "legacy" in '
        'index.html',
        'search/search_index.json: location "pods/#gone" -> no id (or <a name>) "gone" in '
        'pods/index.html',
        'search/search_index.json: location "nodes/" -> missing file nodes/index.html',
    ]), "\n".join(problems)


def test_the_search_index_is_checked_and_lists_every_page(site_dir: Path) -> None:
    """The real index: a location per page at least, and the checker read them all."""
    docs = search_docs(site_dir)
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert {"", "pods/", "en/", "en/pods/", "glossary/", "en/glossary/"} <= pages
    assert any("#" in doc["location"] for doc in docs), "no section entries at all"


def test_the_checker_reports_loads_from_other_hosts(tmp_path: Path) -> None:
    _write(tmp_path, "index.html",
           '<link rel="stylesheet" href="https://cdn.example.org/x.css">'
           '<link rel="canonical" href="https://example.org/">'
           '<a href="https://example.org/">a link is not a load</a>'
           '<img srcset="a.png 1x, //img.example.org/b.png 2x">'
           '<div style="background: url(\'https://example.org/bg.png\')"></div>'
           '<script id="__config" type="application/json">{"base": "https://x.example.org/"}'
           '</script>')
    (tmp_path / "site.css").write_text("@import url('https://fonts.example.org/f.css');")
    (tmp_path / "javascripts").mkdir()
    (tmp_path / "javascripts" / "tips.js").write_text("fetch('https://api.example.org/x')")
    problems = outside_loads(tmp_path)
    assert len(problems) == 6, problems
    assert any("cdn.example.org" in p for p in problems)
    assert any("img.example.org" in p for p in problems)
    assert any("bg.png" in p for p in problems)
    assert any(p.startswith("site.css") for p in problems)
    assert any(p.startswith("javascripts/tips.js") for p in problems)
    assert any("__config" in p for p in problems)
