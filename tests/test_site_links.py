"""Every internal link of the built site resolves, in both languages, and no page loads
anything from another host."""

from __future__ import annotations

from pathlib import Path

from site_html import broken_links, outside_loads, published_prefix, site_pages


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
           '<h2 id="here">x</h2><a href="#here">ok</a><a href="pods/#pod">ok</a>'
           '<a href="/site/pods/">ok</a><a href="https://example.org/">external</a>'
           '<a href="gone/">missing page</a><a href="pods/#nope">missing anchor</a>'
           '<a href="#nowhere">missing local anchor</a><img src="img/missing.png">'
           '<svg><a href="pods/#also-nope"><text>diagram</text></a></svg>'
           '<a href="/elsewhere/">outside the published site</a>')
    _write(tmp_path, "pods/index.html", '<h2 id="pod">Pod</h2><a name="legacy"></a>'
           '<a href="../#here">ok</a><a href="../index.html#legacy">wrong page</a>')
    problems = broken_links(tmp_path, "/site/")
    expected = ["gone/", "pods/#nope", "#nowhere", "img/missing.png", "pods/#also-nope",
                "/elsewhere/", "../index.html#legacy"]
    for href in expected:
        assert any(f'="{href}"' in problem for problem in problems), (href, problems)
    assert len(problems) == len(expected), problems


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
