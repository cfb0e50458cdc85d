"""The site as GitHub Pages serves it: under /k8s-reference/, with the root 404.html for any
missing path. Every page loads with its stylesheets and scripts, and the 404 page works at
any depth, with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from conftest import PUBLISHED_PREFIX
from site_html import source_page_urls

pytestmark = pytest.mark.browser

INDIGO = "rgb(64, 81, 181)"  # Material's indigo header: its stylesheets loaded and apply

LOADED = """() => {
    const fetched = {};
    for (const entry of performance.getEntriesByType('resource')) {
        fetched[entry.name] = entry.responseStatus;
    }
    const rules = {};
    for (const sheet of document.styleSheets) {
        if (sheet.href) rules[sheet.href] = sheet.cssRules.length;
    }
    return {
        stylesheets: [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href),
        scripts: [...document.querySelectorAll('script[src]')].map(s => s.src),
        fetched, rules,
        material: typeof window.document$ !== 'undefined',
        header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
    };
}"""


@pytest.fixture(scope="module")
def prefixed_tab(browser, prefixed_site_url: str):
    """One tab for all the page loads below (each load is its own test case)."""
    context = browser.new_context(locale="ko-KR")
    yield context.new_page()
    context.close()


def test_the_server_uses_the_published_prefix(prefixed_site_url: str) -> None:
    assert PUBLISHED_PREFIX == "/k8s-reference/"
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/k8s-reference/", prefixed_site_url)


@pytest.mark.parametrize("url", source_page_urls())
def test_page_loads_under_the_prefix_with_its_css_and_js(prefixed_tab, prefixed_site_url: str,
                                                         url: str) -> None:
    page = prefixed_tab
    response = page.goto(prefixed_site_url + url, wait_until="load")
    assert response.status == 200
    info = page.evaluate(LOADED)
    assert info["header"] == INDIGO, "Material's stylesheet did not apply"
    assert info["material"], "Material's bundle did not run"
    assert len(info["stylesheets"]) >= 3 and len(info["scripts"]) >= 2, info
    for href in info["stylesheets"]:
        assert href.startswith(prefixed_site_url), f"{href} is outside the site"
        assert info["rules"].get(href, 0) > 0, f"{href}: not loaded, or empty"
    for src in info["scripts"]:
        assert src.startswith(prefixed_site_url), f"{src} is outside the site"
        assert info["fetched"].get(src) == 200, f"{src}: {info['fetched'].get(src)}"
    # the glossary's own assets, on every page
    names = " ".join(info["stylesheets"] + info["scripts"])
    for asset in ("glossary-tooltip.css", "hierarchy.css", "glossary-tooltip.js"):
        assert asset in names, f"{asset} is not on /{url}"


@pytest.mark.parametrize("missing", ["nope/", "a/b/c/"])
def test_404_page_under_the_prefix_at_any_depth(make_page, prefixed_site_url: str,
                                                missing: str) -> None:
    page = make_page(locale="ko-KR")
    address = prefixed_site_url + missing
    page.watch.expect(rf"^HTTP 404 {re.escape(address)}$")
    page.watch.expect(rf"^console error from {re.escape(address)}: .*404")
    response = page.goto(address, wait_until="networkidle")
    assert response.status == 404
    assert page.evaluate("window.__siteRoot") == {"published": PUBLISHED_PREFIX,
                                                  "root": PUBLISHED_PREFIX}
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header'))"
                         ".backgroundColor") == INDIGO
    sheets = page.evaluate("[...document.styleSheets].filter(s => s.href)"
                           ".map(s => [s.href, s.cssRules.length])")
    assert len(sheets) == 3, sheets
    assert all(href.startswith(prefixed_site_url) and rules > 0 for href, rules in sheets), sheets
    homes = page.eval_on_selector_all("a[data-site-root-link]", "links => links.map(a => a.href)")
    assert homes == [prefixed_site_url, prefixed_site_url + "en/"]
    with page.expect_navigation():
        page.locator("a[data-site-root-link]").nth(1).click()
    assert page.url == prefixed_site_url + "en/"
    assert page.get_attribute("html", "lang") == "en"


@pytest.mark.parametrize("missing", ["nope/", "en/a/b/"])
def test_404_page_without_javascript(make_page, prefixed_site_url: str, missing: str) -> None:
    """The <noscript> stylesheets and the static home links name the published paths."""
    page = make_page(java_script_enabled=False)
    address = prefixed_site_url + missing
    page.watch.expect(rf"^HTTP 404 {re.escape(address)}$")
    page.watch.expect(rf"^console error from {re.escape(address)}: .*404")
    response = page.goto(address, wait_until="load")
    assert response.status == 404
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header'))"
                         ".backgroundColor") == INDIGO, "the <noscript> stylesheets did not load"
    hrefs = page.eval_on_selector_all("a[data-site-root-link]",
                                      "links => links.map(a => a.getAttribute('href'))")
    assert hrefs == [PUBLISHED_PREFIX, PUBLISHED_PREFIX + "en/"]
    with page.expect_navigation():
        page.locator("a[data-site-root-link]").first.click()
    assert page.url == prefixed_site_url
    assert page.get_attribute("html", "lang") == "ko"
