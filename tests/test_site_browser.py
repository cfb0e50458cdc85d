"""The built site in headless Chromium: Korean home, language switcher, search in both
languages, palette toggle, the 404 page, and no console errors or outside requests anywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from site_html import site_pages, source_page_urls

pytestmark = pytest.mark.browser

HANGUL = re.compile(r"[가-힣]")
# every page the Markdown sources make, worked out from the file names, not from the build
SOURCE_PAGES = source_page_urls()


def _path(url: str, site_url: str) -> str:
    """The URL's path from the site root, without query or fragment."""
    return url.removeprefix(site_url).split("?")[0].split("#")[0]


def _search(page, query: str) -> list[str]:
    """Type a query into Material's search; the result pages' URLs."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    # Material runs a query on keyup (or focus), not on the input event that fill() sends.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)")


def _assert_quiet(page) -> None:
    watch = page.watch
    assert not watch.console_errors, watch.console_errors
    assert not watch.failed_responses, watch.failed_responses
    assert not watch.outside_requests, watch.outside_requests


def test_home_renders_in_korean(watched_page, site_url: str) -> None:
    page = watched_page
    page.goto(site_url, wait_until="networkidle")
    assert page.get_attribute("html", "lang") == "ko"
    heading = page.locator("article h1").inner_text()
    assert HANGUL.search(heading), heading
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "검색"
    # The Korean text uses the Korean line breaking and a font stack with Hangul faces.
    style = page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('article p'));
        return {wordBreak: s.wordBreak, font: s.fontFamily};
    }""")
    assert style["wordBreak"] == "keep-all", style
    assert "Noto Sans CJK KR" in style["font"] and "Malgun Gothic" in style["font"], style
    _assert_quiet(page)


@pytest.mark.parametrize(("start", "lang", "twin", "twin_lang"), [
    ("pods/", "ko", "en/pods/", "en"),
    ("en/cluster/", "en", "cluster/", "ko"),
])
def test_language_switcher_leads_to_the_twin(watched_page, site_url: str, start: str,
                                             lang: str, twin: str, twin_lang: str) -> None:
    page = watched_page
    page.goto(site_url + start, wait_until="networkidle")
    assert page.get_attribute("html", "lang") == lang
    page.locator(".md-select > button").click()  # opens the language menu
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang='{twin_lang}']").click()
    assert _path(page.url, site_url) == twin
    assert page.get_attribute("html", "lang") == twin_lang
    _assert_quiet(page)


def test_searching_pa_deu_lists_the_pods_page(watched_page, site_url: str) -> None:
    page = watched_page
    page.goto(site_url + "cluster/", wait_until="networkidle")
    found = [_path(url, site_url) for url in _search(page, "파드")]
    assert "pods/" in found, found
    _assert_quiet(page)


def test_searching_pod_on_an_english_page_lists_the_english_pods_page(
        watched_page, site_url: str) -> None:
    page = watched_page
    page.goto(site_url + "en/", wait_until="networkidle")
    found = [_path(url, site_url) for url in _search(page, "Pod")]
    assert "en/pods/" in found, found
    assert page.locator(".md-search-result__meta").inner_text().endswith("matching documents")
    _assert_quiet(page)


def test_search_tokens_ignore_punctuation_and_korean_particles(
        watched_page, site_url: str, site_dir: Path) -> None:
    """Material's own search worker, with the site's search config, on a few made-up pages."""
    config = json.loads((site_dir / "search" / "search_index.json").read_text())["config"]
    docs = [
        {"location": "a/", "title": "A", "text": "<p>그리고 파드는 작은 단위다.</p>"},
        {"location": "b/", "title": "B", "text": "<p>컨테이너 묶음(파드를 말한다)</p>"},
        {"location": "c/", "title": "C", "text": "<p>노드와 컨테이너가 있다.</p>"},
        {"location": "d/", "title": "D", "text": "<p>A group of containers (Pod) runs.</p>"},
    ]
    page = watched_page
    page.goto(site_url, wait_until="networkidle")
    results = page.evaluate("""async ({config, docs, queries}) => {
        const script = JSON.parse(document.getElementById('__config').textContent).search;
        const worker = new Worker(script);
        const reply = message => new Promise(resolve => {
            worker.onmessage = event => resolve(event.data);
            worker.postMessage(message);
        });
        await reply({type: 0, data: {config, docs, options: {suggest: false}}});
        const found = {};
        for (const query of queries) {
            const result = await reply({type: 2, data: query});
            found[query] = result.data.items.map(group => group[0].location).sort();
        }
        worker.terminate();
        return found;
    }""", {"config": config, "docs": docs, "queries": ["파드", "파드를", "Pod", "노드"]})
    assert results == {"파드": ["a/", "b/"], "파드를": ["a/", "b/"], "Pod": ["d/"],
                       "노드": ["c/"]}, results


def test_palette_toggle_switches_and_remembers(watched_page, site_url: str) -> None:
    page = watched_page
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "pods/", wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.locator("label[title='어두운 테마로 전환']").click()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.goto(site_url + "en/pods/", wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert page.locator("label[title='Switch to light mode']").is_visible()
    _assert_quiet(page)


def test_code_blocks_get_a_copy_button(watched_page, site_url: str) -> None:
    page = watched_page
    page.goto(site_url + "en/contributing/", wait_until="load")
    assert page.locator("pre > code").count() > 0
    button = page.locator("pre button[data-md-type='copy']").first
    button.wait_for(state="attached")
    assert button.get_attribute("title") == "Copy to clipboard"


def test_every_page_is_quiet_and_stays_on_127_0_0_1(watched_page, site_url: str,
                                                     site_dir: Path) -> None:
    """Every built page at /, in one tab (the same under /k8s-reference/ is one test case per
    page in test_site_prefixed.py). The console is checked at teardown, as in every test."""
    page = watched_page
    pages = [p.url for p in site_pages(site_dir) if p.rel != "404.html"]
    assert sorted(pages) == sorted(SOURCE_PAGES), "a page is missing from the build, or extra"
    for url in pages:
        response = page.goto(site_url + url, wait_until="networkidle")
        assert response.status == 200, url
    _assert_quiet(page)


@pytest.mark.parametrize("missing", ["nope", "en/pods/nope/"])
def test_404_page_is_styled_and_links_both_homes(watched_page, site_url: str,
                                                 missing: str) -> None:
    page = watched_page
    # the missing page itself, and nothing else, may answer 404
    page.watch.expect(rf"^HTTP 404 {re.escape(site_url + missing)}$")
    page.watch.expect(rf"^console error from {re.escape(site_url + missing)}: .*404")
    response = page.goto(site_url + missing, wait_until="networkidle")
    assert response.status == 404
    header = page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(64, 81, 181)", "Material's stylesheet did not load"
    homes = page.eval_on_selector_all("a[data-site-root-link]", "links => links.map(a => a.href)")
    assert homes == [site_url, site_url + "en/"], homes
    watch = page.watch
    assert watch.failed_responses == [f"404 {site_url}{missing}"], watch.failed_responses
    assert not watch.outside_requests, watch.outside_requests
