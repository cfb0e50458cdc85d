"""The reader keeps their place and their words (issue 21), in Chromium with a Korean font, at
390 and 1280 px: the language switcher keeps the section, the 404 page leads to the same
address in the other language, a Korean name stays with its English name, search ranks the
page about Pod/Service/Deployment first from each language's own index, and the header fits
the site's name."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from bilingual_glossary.typography import keep_glosses
from conftest import PUBLISHED_PREFIX
from site_html import source_page_urls

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)
KOREAN_PAGES = [url for url in source_page_urls() if not url.startswith("en/")]
SWITCH_KEY = "site.language-switch"  # overrides/assets/javascripts/language-switch.js


TAB_HEIGHT = 800  # the tabs fixture (conftest.py): its window height


def _path(page, site_url: str) -> str:
    return page.url.removeprefix(site_url).split("#")[0]


def _hash(page) -> str:
    return urlsplit(page.url).fragment


def _header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def _top_of(page, element_id: str) -> float:
    return page.evaluate("id => document.getElementById(id).getBoundingClientRect().top",
                         element_id)


def _switch_language(page, lang: str) -> None:
    """Opens the language menu as a reader does (hover on a wide screen, a tap on a phone)
    and follows the other language's link."""
    button = page.locator(".md-select > button")
    if page.viewport_size["width"] >= 1220:
        button.hover()
    else:
        button.click()
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang='{lang}']").click()
    page.wait_for_load_state("load")


def _assert_at_section(page, element_id: str) -> None:
    """The section's heading is just under the header, as after following a link to it."""
    assert _hash(page) == element_id, page.url
    top, header = _top_of(page, element_id), _header_bottom(page)
    assert header - 2 <= top <= header + 120, (element_id, top, header)


# --- 1. the switcher keeps the place --------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("start", "lang", "twin", "section"), [
    ("glossary/#pod", "en", "en/glossary/", "pod"),  # a glossary entry, deep down a long page
    ("en/glossary/#service", "ko", "glossary/", "service"),
    ("en/pods/#multi-container", "ko", "pods/", "multi-container"),
])
def test_switching_keeps_the_section_the_reader_was_sent_to(tabs, site_url: str, width: int,
                                                             start: str, lang: str, twin: str,
                                                             section: str) -> None:
    page = tabs(width)
    page.goto(site_url + start, wait_until="load")
    assert page.evaluate("scrollY") > 0
    _switch_language(page, lang)
    assert page.get_attribute("html", "lang") == lang
    assert _path(page, site_url) == twin
    _assert_at_section(page, section)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("start", "lang"), [("pods/", "en"), ("en/cluster/", "ko")])
def test_switching_keeps_the_section_the_reader_scrolled_to(tabs, site_url: str, width: int,
                                                            start: str, lang: str) -> None:
    """No # in the address: the section is the last heading above the top of the window."""
    page = tabs(width)
    page.goto(site_url + start, wait_until="load")
    ids = page.eval_on_selector_all("article :is(h2, h3)[id]", "hs => hs.map(h => h.id)")
    target = ids[len(ids) // 2]
    # the section's heading just under the header, 20 px scrolled into the section
    page.evaluate("id => { const h = document.getElementById(id); h.scrollIntoView();"
                  " scrollBy(0, h.getBoundingClientRect().top"
                  " - document.querySelector('.md-header').getBoundingClientRect().bottom"
                  " + 20); }", target)
    assert -30 < _top_of(page, target) - _header_bottom(page) < -10
    page.wait_for_timeout(100)
    _switch_language(page, lang)
    _assert_at_section(page, target)


@pytest.mark.parametrize("width", WIDTHS)
def test_switching_at_the_top_stays_at_the_top(tabs, site_url: str, width: int) -> None:
    page = tabs(width)
    page.goto(site_url + "cluster/", wait_until="load")
    _switch_language(page, "en")
    assert _path(page, site_url) == "en/cluster/"
    assert page.evaluate("scrollY") < 200


@pytest.mark.parametrize(("saved", "expected"), [
    (["not-in-this-page", "workloads", "pod"], "workloads"),  # the nearest earlier id it has
    (["not-in-this-page", "nor-this"], ""),  # none: the top, without a dangling #
])
def test_a_section_the_twin_lacks_falls_back(tabs, site_url: str, saved: list[str],
                                             expected: str) -> None:
    """What the switch stored for the twin: the section, then the ones before it."""
    page = tabs(390)
    page.goto(site_url + "en/", wait_until="load")
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)",
                  [SWITCH_KEY, json.dumps({"path": urlsplit(site_url).path + "en/pods/",
                                           "ids": saved})])
    page.goto(site_url + "en/pods/#" + saved[0], wait_until="load")
    page.wait_for_timeout(200)
    if expected:
        _assert_at_section(page, expected)
    else:
        assert _hash(page) == "" and page.evaluate("scrollY") == 0, page.url
    assert page.evaluate("key => sessionStorage.getItem(key)", SWITCH_KEY) is None


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", ["", "pods/", "en/", "en/glossary/"])
def test_the_menu_marks_the_current_language(tabs, site_url: str, width: int,
                                             url: str) -> None:
    page = tabs(width)
    page.goto(site_url + url, wait_until="load")
    lang = page.get_attribute("html", "lang")
    marked = page.eval_on_selector_all(
        ".md-select__link[aria-current]",
        "links => links.map(a => [a.hreflang, getComputedStyle(a, '::before').content,"
        " getComputedStyle(a).fontWeight])")
    assert [m[0] for m in marked] == [lang]
    assert "✓" in marked[0][1] and int(marked[0][2]) >= 700
    other = page.eval_on_selector_all(".md-select__link:not([aria-current])",
                                      "links => links.map(a => a.hreflang)")
    assert other and lang not in other


SITEMAP_WITH_A_KOREAN_ONLY_PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.org{prefix}only-korean/</loc></url>
<url><loc>https://example.org{prefix}en/pods/</loc></url>
</urlset>"""


@pytest.mark.expect_console(r"404")
@pytest.mark.parametrize("width", WIDTHS)
def test_404_leads_to_the_same_address_in_the_other_language(make_page, prefixed_site_url: str,
                                                             width: int) -> None:
    page = make_page(locale="ko-KR", viewport={"width": width, "height": 800})
    links = "ls => ls.map(a => [a.closest('[lang]').lang, a.pathname, a.textContent.trim()])"
    # nothing at this address in either language: both homes
    page.goto(prefixed_site_url + "en/pods/nope/", wait_until="networkidle")
    assert page.eval_on_selector_all("a[data-site-twin]", links) == [
        ["ko", PUBLISHED_PREFIX, "한국어 홈으로 가기"],
        ["en", PUBLISHED_PREFIX + "en/", "Go to the English home page"]]
    # a page that exists in Korean only (the sitemap says so): the Korean button leads to it,
    # and an address that is itself English (en/pods/) is never taken for a Korean one
    page.route("**/sitemap.xml", lambda route: route.fulfill(
        content_type="application/xml",
        body=SITEMAP_WITH_A_KOREAN_ONLY_PAGE.format(prefix=PUBLISHED_PREFIX)))
    page.goto(prefixed_site_url + "en/only-korean/", wait_until="networkidle")
    assert page.eval_on_selector_all("a[data-site-twin]", links) == [
        ["ko", PUBLISHED_PREFIX + "only-korean/", "이 페이지를 한국어로 보기"],
        ["en", PUBLISHED_PREFIX + "en/", "Go to the English home page"]]
    page.goto(prefixed_site_url + "en/en/pods/", wait_until="networkidle")
    assert page.eval_on_selector_all("a[data-site-twin]", links)[0][1] == PUBLISHED_PREFIX
    page.goto(prefixed_site_url + "only-korean/x/", wait_until="networkidle")
    assert page.eval_on_selector_all("a[data-site-twin]", links)[1][1] == PUBLISHED_PREFIX + "en/"


# --- 2. a Korean name stays with its English name ------------------------------------------

# Every "한글(English)조사" unit in the text of `root` (names linked or not), with where it
# breaks: "name/(" (before the bracket), "inside" (in the brackets) or "particle" (after ")").
# Each comes with whether the whole unit is narrower than its block's column.
GLOSS_UNITS = r"""(root) => {
    // a word joiner (U+2060) may sit between the name and "(": it is part of the unit
    const UNIT = /[\uAC00-\uD7A3]+\u2060?\([A-Za-z][A-Za-z0-9 .\-]*\)[\uAC00-\uD7A3]*/g;
    const blocks = new Map();
    const blockOf = (el) => {
        for (let e = el; e && e !== root; e = e.parentElement) {
            const d = getComputedStyle(e).display;
            if (d !== "inline" && d !== "contents" && d !== "inline-block") return e;
        }
        return root;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => n.parentElement.closest("svg, script, style, template, pre, code")
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const block = blockOf(node.parentElement);
        if (!blocks.has(block)) blocks.set(block, {text: "", at: []});
        const entry = blocks.get(block);
        for (let i = 0; i < node.data.length; i++) entry.at.push([node, i]);
        entry.text += node.data;
    }
    const range = document.createRange();
    const rect = (entry, i) => {
        const [node, offset] = entry.at[i];
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getClientRects()[0];
    };
    const units = [];
    for (const [block, entry] of blocks) {
        const style = getComputedStyle(block);
        const column = block.clientWidth - parseFloat(style.paddingLeft)
            - parseFloat(style.paddingRight);
        for (const m of entry.text.matchAll(UNIT)) {
            const first = m.index, open = m.index + m[0].indexOf("("),
                  close = m.index + m[0].lastIndexOf(")"), last = m.index + m[0].length - 1;
            const name = open - 1 - (entry.text[open - 1] === "\u2060" ? 1 : 0);
            const r = [first, name, open, close, last].map(i => rect(entry, i));
            if (r.some(x => !x || x.width === 0)) continue;  // not shown
            const line = (a, b) => Math.abs(a.top - b.top) < a.height / 2;
            const width = (r[1].right - r[0].left) + (r[4].right - r[2].left);
            units.push({text: m[0], fits: width <= column + 0.5,
                        breaks: [line(r[1], r[2]) ? "" : "name/(",
                                 line(r[2], r[3]) ? "" : "inside",
                                 line(r[3], r[4]) ? "" : "particle"].filter(Boolean)});
        }
    }
    return units;
}"""


def _load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", KOREAN_PAGES)
def test_a_korean_name_stays_with_its_english_name(tabs, site_url: str, url: str,
                                                   width: int) -> None:
    page = tabs(width)
    _load(page, site_url + url)
    units = page.evaluate(GLOSS_UNITS, page.query_selector("article"))
    bad = [(u["text"], u["breaks"]) for u in units
           if u["breaks"] and (u["fits"] or u["breaks"] != ["name/("])]
    assert bad == [], f"/{url} at {width} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


UNITS_PROBE = """
<p id="gloss-probe" style="width: 288px">가나다라마바사 아자차카타파하 가나다라마바사
서비스(Service)에는 퍼시스턴트볼륨클레임(PersistentVolumeClaim)에서는
<a href="#">디플로이먼트</a>(Deployment)를 쓴다.</p>"""


def test_a_unit_wider_than_the_column_breaks_before_the_bracket_only(tabs,
                                                                     site_url: str) -> None:
    """The plugin's markup on text the page does not hold, at a 320 px phone's column (288
    px): the long unit breaks once, before "(", and the short ones move to a line whole. The
    same text without the plugin's markup splits them (so the measure can fail)."""
    page = tabs(390)
    _load(page, site_url + "pods/")
    page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', "
                  "html)", keep_glosses(UNITS_PROBE))
    units = page.evaluate(GLOSS_UNITS, page.query_selector("#gloss-probe"))
    by_text = {u["text"]: u for u in units}
    long_unit = by_text["퍼시스턴트볼륨클레임(PersistentVolumeClaim)에서는"]
    assert not long_unit["fits"] and long_unit["breaks"] == ["name/("]
    assert by_text["서비스(Service)에는"]["breaks"] == []
    assert by_text["디플로이먼트(Deployment)를"]["breaks"] == []
    page.evaluate("html => { document.getElementById('gloss-probe').remove();"
                  " document.querySelector('article').insertAdjacentHTML('beforeend', html); }",
                  UNITS_PROBE)
    plain = page.evaluate(GLOSS_UNITS, page.query_selector("#gloss-probe"))
    assert any(u["breaks"] for u in plain), "the raw text never breaks: the probe proves nothing"
    page.evaluate("document.getElementById('gloss-probe').remove()")


# --- 4 and 5. search: its own language's index, the page about the thing first ---------------

def _search(page, query: str) -> list[tuple[str, bool]]:
    """Types a query into Material's search (keyup, as a reader does); the results' paths
    (with #) and whether each is shown or folded under "more"."""
    box = page.locator("input.md-search__input")
    if page.viewport_size["width"] < 960:  # a phone opens search with the header's button
        page.locator(".md-header [for=__search]").first.click()
    else:
        box.click()
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return [tuple(x) for x in page.eval_on_selector_all(
        ".md-search-result__item a.md-search-result__link",
        "links => links.map(a => [a.pathname + a.hash, !a.closest('details')])")]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("query", ["Pod", "Service", "Deployment", "pod"])
def test_search_puts_the_page_about_the_thing_first(make_page, site_url: str, width: int,
                                                    query: str) -> None:
    page = make_page(locale="ko-KR", viewport={"width": width, "height": 800})
    page.goto(site_url + "kubernetes/", wait_until="load")
    root = urlsplit(site_url).path
    found = _search(page, query)
    paths = [path.removeprefix(root) for path, _ in found]
    assert not [p for p in paths if p.startswith("en/")], paths  # the reader's language only
    # the pods page's group comes first: above every glossary entry and code sample
    assert paths[0] == "pods/", paths
    assert paths.index("pods/") < min(i for i, p in enumerate(paths)
                                      if p.startswith(("glossary/", "contributing/"))), paths


@pytest.mark.parametrize(("start", "index", "other"), [
    ("pods/", "search/search_index.json", "en/search/search_index.json"),
    ("en/pods/", "en/search/search_index.json", "search/search_index.json"),
])
def test_each_language_downloads_only_its_own_index(make_page, site_url: str, start: str,
                                                    index: str, other: str) -> None:
    page = make_page(locale="ko-KR", viewport={"width": 390, "height": 800})
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url.removeprefix(site_url)))
    page.goto(site_url + start, wait_until="networkidle")
    found = _search(page, "Pod")
    assert index in fetched and other not in fetched
    assert not any("search-language" in url for url in fetched)
    lang_root = urlsplit(site_url).path + start.removesuffix("pods/")
    assert found and all(path.startswith(lang_root) for path, _ in found), found
    if start.startswith("en/"):
        assert found[0][0] == lang_root + "pods/"


# --- 11. the header fits the site's name ----------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", ["", "en/", "en/glossary/", "glossary/"])
def test_the_header_fits_the_site_name(tabs, site_url: str, width: int, url: str) -> None:
    page = tabs(width)
    _load(page, site_url + url)
    title = page.evaluate("""() => {
        const t = document.querySelector('.md-header__topic:first-child .md-ellipsis');
        const buttons = [...document.querySelectorAll('.md-header__inner label.md-header__button,'
            + ' .md-header__option button')].filter(b => b.offsetWidth > 0);
        return {text: t.textContent.trim(), scroll: t.scrollWidth, client: t.clientWidth,
                buttons: buttons.map(b => b.getBoundingClientRect().width)};
    }""")
    assert title["text"] in ("쿠버네티스 입문", "Kubernetes Primer")
    assert title["scroll"] <= title["client"], title
    assert all(width >= 36 for width in title["buttons"]), title  # targets stay large
