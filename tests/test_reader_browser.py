"""What a reader sees (issue 13), in Chromium with a Korean font: no line break inside a Korean
word, tooltips that never cover their term, a dark tooltip set apart from the page, search in
the reader's language, the switch for term marks, and the 404 page's palette and search."""

from __future__ import annotations

import re
import subprocess
from urllib.parse import quote

import pytest
from bilingual_glossary.data.loader import load_glossary
from conftest import PUBLISHED_PREFIX, ROOT
from site_html import source_page_urls

pytestmark = pytest.mark.browser

PAGES = source_page_urls()
KOREAN_PAGES = [url for url in PAGES if not url.startswith("en/")]
ENGLISH_PAGES = [url for url in PAGES if url.startswith("en/")]
GLOSSARY = load_glossary(ROOT / "glossary")

# Mid-word breaks in an element's text: two letters or digits with nothing between them, at
# least one of them Hangul, in the same block, drawn on different lines. Text in generated
# content (a list's separator) or a block boundary between them separates them. Returns
# {hangul: how many Hangul letters were looked at, breaks: ["클러/스터", ...]}.
WORD_BREAKS = r"""(root) => {
    const HANGUL = /[\uAC00-\uD7A3\u3131-\u318E]/;
    const LETTER = /[\p{L}\p{N}]/u;
    const displays = new Map();
    const blockOf = (el) => {
        for (let e = el; e && e !== root; e = e.parentElement) {
            if (!displays.has(e)) displays.set(e, getComputedStyle(e).display);
            const d = displays.get(e);
            if (d !== "inline" && d !== "contents") return e;
        }
        return root;
    };
    const generated = (el, which) => {
        const content = getComputedStyle(el, which).content;
        return content !== "none" && content !== "normal";
    };
    const separated = (from, to) => {
        for (let e = from.parentElement; e && !e.contains(to); e = e.parentElement) {
            if (generated(e, "::after")) return true;
        }
        for (let e = to.parentElement; e && !e.contains(from); e = e.parentElement) {
            if (generated(e, "::before")) return true;
        }
        return false;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => n.parentElement.closest("svg, script, style, template")
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const range = document.createRange();
    const breaks = [];
    let hangul = 0;
    let prev = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const block = blockOf(node.parentElement);
        if (prev && (prev.block !== block || separated(prev.node, node))) prev = null;
        const text = node.data;
        for (let i = 0; i < text.length; i++) {
            const ch = text[i];
            if (!LETTER.test(ch)) { prev = null; continue; }
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect || rect.width === 0) { prev = null; continue; }
            if (HANGUL.test(ch)) hangul++;
            if (prev && (HANGUL.test(prev.ch) || HANGUL.test(ch))
                    && rect.top >= prev.top + prev.height / 2) {
                breaks.push(prev.node.data.slice(Math.max(0, prev.i - 6), prev.i + 1) + "/"
                            + text.slice(i, i + 6));
            }
            prev = {ch, top: rect.top, height: rect.height, block, node, i};
        }
    }
    return {hangul, breaks};
}"""

TERM_RECTS = """a => [...a.getClientRects()].filter(r => r.width > 0 && r.height > 0)
    .map(r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom}))"""
TIP_RECT = """t => { const r = t.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }"""


def _overlaps(a: dict, b: dict) -> bool:
    return (a["left"] < b["right"] and b["left"] < a["right"]
            and a["top"] < b["bottom"] and b["top"] < a["bottom"])


# --- colours (WCAG 2 relative luminance and contrast) -------------------------------------------

def _rgba(css: str) -> tuple[float, float, float, float]:
    match = re.fullmatch(r"rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)", css)
    assert match, f"not an rgb() colour: {css}"
    r, g, b, a = match.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


def _over(top: str, below: tuple[float, float, float]) -> tuple[float, float, float]:
    """The colour `top` (maybe translucent) drawn over the opaque colour `below`."""
    r, g, b, a = _rgba(top)
    return tuple(a * c + (1 - a) * d for c, d in zip((r, g, b), below, strict=True))


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_matches_known_values() -> None:
    assert _contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert _contrast((117, 117, 117), (255, 255, 255)) == pytest.approx(4.6, abs=0.05)
    assert _over("rgba(0, 0, 0, 0.5)", (255, 255, 255)) == (127.5, 127.5, 127.5)


# --- 1. Korean line breaking -------------------------------------------------------------------

def test_a_korean_font_is_installed() -> None:
    """Without one every Hangul letter is an empty box of one width, and the line breaks
    measured below are not the ones a reader sees (make test installs fonts-noto-cjk)."""
    fonts = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True)
    assert fonts.stdout.strip(), "no Korean font: apt-get install fonts-noto-cjk"


def _load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("url", KOREAN_PAGES)
def test_no_line_break_inside_a_korean_word(tabs, site_url: str, url: str, width: int) -> None:
    page = tabs(width)
    _load(page, site_url + url)
    result = page.evaluate(WORD_BREAKS, page.query_selector("article"))
    assert result["hangul"] > 50, f"/{url}: hardly any Korean text was looked at"
    assert result["breaks"] == [], f"/{url} at {width} px breaks inside words"
    # English and URLs still break somewhere: nothing sticks out of a phone's screen
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_english_pages_fit_a_phone(tabs, site_url: str, url: str) -> None:
    page = tabs(390)
    _load(page, site_url + url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"/{url} overflows"


PROBE = """
<div id="probe-split" style="width: 8em">가나다라마 <a href="#" style="word-break: break-word"
  >클러스터에서</a></div>
<div id="probe-kept" style="width: 8em">가나다라마 <a href="#">클러스터에서</a></div>
<div id="probe-elements" style="width: 20em">
  <p><a href="#">클러스터</a> <strong>워커 노드</strong> <code>컨테이너</code> <em>파드</em>
     <kbd>키</kbd> <mark>스테이트풀셋</mark></p>
  <table><tbody><tr><td><a href="#">노드</a></td><td>파드</td></tr></tbody></table>
  <ul><li><a href="#">컨테이너</a>를</li></ul>
</div>"""


def test_korean_elements_keep_their_words_whole(tabs, site_url: str) -> None:
    """The computed style, not the stylesheet: Material's own word-break on links, code, kbd,
    mark and table links must lose to keep-all in Korean text. A link with Material's
    `word-break: break-word` written on it splits the word (so the detector can fail); the
    same link without it moves to the next line whole."""
    page = tabs(390)
    _load(page, site_url + "pods/")
    page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', "
                  "html)", PROBE)
    split = page.evaluate(WORD_BREAKS, page.query_selector("#probe-split"))
    assert split["hangul"] == 11 and len(split["breaks"]) == 1, split
    kept = page.evaluate(WORD_BREAKS, page.query_selector("#probe-kept"))
    assert kept == {"hangul": 11, "breaks": []}
    styles = page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('#probe-elements *'),
         document.querySelector('article a.glossary-term')]
        .map(e => [e.tagName + (e.className ? '.' + e.className : ''),
                   getComputedStyle(e).wordBreak]))""")
    assert "A.glossary-term" in styles and "TD" in styles and "CODE" in styles, styles
    assert {tag: value for tag, value in styles.items() if value != "keep-all"} == {}


# --- 2. Tooltip placement and the dark tooltip ---------------------------------------------

FIND_WRAPPED = """() => [...document.querySelectorAll('article a.glossary-term')]
    .findIndex(a => [...a.getClientRects()].filter(r => r.width > 0).length === 2)"""


@pytest.fixture(scope="module")
def wrapped_term(tabs, site_url: str) -> tuple[str, int, int]:
    """(page, width, index): a Korean page and a phone width where one of its terms is drawn
    on two lines. The pages' text changes, so this looks for one instead of naming it."""
    for width in (390, 360, 375, 414, 340, 320):
        page = tabs(width)
        for url in KOREAN_PAGES:
            _load(page, site_url + url)
            index = page.evaluate(FIND_WRAPPED)
            if index >= 0:
                return url, width, index
    pytest.fail("no Korean page has a term that wraps at any phone width")


def _open_on_line(page, term, tip, line: int, y: float, how: str) -> tuple[list, dict]:
    """Scrolls the term's first line to y, points at the middle of line `line` (tap or
    hover), and returns the term's line boxes and the open tooltip's box."""
    page.evaluate("([a, y]) => window.scrollBy(0, a.getBoundingClientRect().top - y)",
                  [term.element_handle(), y])
    rects = term.evaluate(TERM_RECTS)
    assert len(rects) == 2, rects
    box = rects[line]
    x, y = (box["left"] + box["right"]) / 2, (box["top"] + box["bottom"]) / 2
    if how == "tap":
        page.touchscreen.tap(x, y)
    else:
        page.mouse.move(x, y)
    tip.wait_for(state="visible")
    return rects, tip.evaluate(TIP_RECT)


def _close(page, tip, how: str) -> None:
    if how == "tap":
        page.locator("article h1").first.tap()
    else:
        page.mouse.move(1, 1)
    tip.wait_for(state="hidden")


@pytest.mark.parametrize("how", ["tap", "hover"])
def test_the_tooltip_never_covers_its_term(browser, site_url: str, wrapped_term, how) -> None:
    url, width, index = wrapped_term
    height = 740
    context = browser.new_context(locale="ko-KR", viewport={"width": width, "height": height},
                                  has_touch=how == "tap", is_mobile=how == "tap")
    try:
        page = context.new_page()
        _load(page, site_url + url)
        term = page.locator("article a.glossary-term").nth(index)
        tip = page.locator("#" + term.get_attribute("aria-describedby"))
        middle = height / 2

        # the second line: below it, right against it
        rects, box = _open_on_line(page, term, tip, 1, middle, how)
        assert not any(_overlaps(box, r) for r in rects), (rects, box)
        assert 0 <= box["top"] - rects[1]["bottom"] <= 12, (rects, box)
        _close(page, tip, how)

        # the first line: below it would cover the second line, so above it
        rects, box = _open_on_line(page, term, tip, 0, middle, how)
        assert not any(_overlaps(box, r) for r in rects), (rects, box)
        assert 0 <= rects[0]["top"] - box["bottom"] <= 12, (rects, box)
        _close(page, tip, how)

        # near the bottom of the screen: no room below, so it flips above the whole term
        rects, box = _open_on_line(page, term, tip, 1, height - 80, how)
        assert not any(_overlaps(box, r) for r in rects), (rects, box)
        assert box["bottom"] <= rects[0]["top"], (rects, box)
        assert box["top"] >= 0 and box["left"] >= 0 and box["right"] <= width, box
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_tooltip_stands_out_from_the_page(tabs, site_url: str, scheme: str) -> None:
    page = tabs(1280)
    _load(page, site_url + "pods/")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    term = page.locator("article a.glossary-term").first
    term.hover()
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    tip.wait_for(state="visible")
    colors = tip.evaluate("""t => ({
        page: getComputedStyle(document.body).backgroundColor,
        background: getComputedStyle(t).backgroundColor,
        border: getComputedStyle(t).borderTopColor,
        borderWidth: getComputedStyle(t).borderTopWidth,
        text: getComputedStyle(t).color})""")
    page_rgb = _rgba(colors["page"])[:3]
    assert _rgba(colors["page"])[3] == 1.0, colors
    tip_rgb = _over(colors["background"], page_rgb)
    border_rgb = _over(colors["border"], tip_rgb)
    assert float(colors["borderWidth"].removesuffix("px")) >= 1, colors
    assert _contrast(border_rgb, page_rgb) >= 3.0, colors
    assert _contrast(_over(colors["text"], tip_rgb), tip_rgb) >= 4.5, colors
    if scheme == "slate":  # raised: a lighter surface than the page
        assert _luminance(tip_rgb) > _luminance(page_rgb) * 1.3, colors
    page.mouse.move(1, 1)
    tip.wait_for(state="hidden")


# --- 3. Search in the reader's language -------------------------------------------------------

def _search(page, query: str) -> list[str]:
    """Types a query into Material's search; the result pages' paths from the site root,
    without query or fragment. Material queries on keyup (or focus), not on the input event
    that fill() sends: End sends the keyup, so the one query is the whole text."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    links = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                      "links => links.map(a => a.pathname)")
    return [link.removeprefix("/") for link in links]


def test_korean_pages_find_korean_pages_only(watched_page, site_url: str) -> None:
    page = watched_page
    page.goto(site_url + "cluster/", wait_until="load")
    found = _search(page, "파드")
    assert "pods/" in found, found
    assert [path for path in found if path.startswith("en/")] == [], found


def test_english_pages_find_english_pages_only(watched_page, site_url: str) -> None:
    page = watched_page
    page.goto(site_url + "en/", wait_until="load")
    found = _search(page, "pod")
    assert "en/pods/" in found, found
    assert [path for path in found if not path.startswith("en/")] == [], found


def _an_alias(lang: str) -> tuple[str, str]:
    """(term id, alias): the first term, by id, with a one-word alias in `lang` that its own
    name does not contain, so only the alias can find it."""
    for term in sorted(GLOSSARY, key=lambda t: t.id):
        text = term.text[lang]
        for alias in text.aliases:
            if " " not in alias and alias.casefold() not in text.term.casefold():
                return term.id, alias
    pytest.fail(f"no term has a one-word alias in {lang}")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_glossary_entries_are_found_by_their_aliases(watched_page, site_url: str,
                                                     lang: str) -> None:
    term_id, alias = _an_alias(lang)
    prefix = "" if lang == "ko" else "en/"
    page = watched_page
    page.goto(site_url + prefix + "kubernetes/", wait_until="load")
    _search(page, alias)
    found = page.eval_on_selector_all(".md-search-result__item a",
                                      "links => links.map(a => a.pathname + a.hash)")
    assert f"/{prefix}glossary/#{term_id}" in found, (alias, found)
    assert all(path.startswith("/en/") == (lang == "en") for path in found), found


def test_the_other_language_is_one_link_away(watched_page, site_url: str) -> None:
    page = watched_page
    page.goto(site_url + "pods/", wait_until="load")
    other = page.locator(".site-search-other a")
    assert not other.is_visible()
    assert "en/" not in {path[:3] for path in _search(page, "Pod")}
    assert other.is_visible() and other.inner_text() == "영어 페이지에서 찾기"
    assert other.get_attribute("href") == site_url + "en/?q=Pod"
    with page.expect_navigation():
        other.click()
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    found = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                      "links => links.map(a => a.pathname)")
    assert "/en/pods/" in found and all(path.startswith("/en/") for path in found), found


# --- 6. The reader's switch for term marks ----------------------------------------------------

NEXT_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
MARKS = """a => { const s = getComputedStyle(a), p = getComputedStyle(a.parentElement);
    return {line: s.textDecorationLine, style: s.textDecorationStyle, color: s.color,
            parentLine: p.textDecorationLine, parentColor: p.color}; }"""


def test_the_switch_turns_term_marks_off_everywhere(watched_page, site_url: str) -> None:
    page = watched_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "pods/", wait_until="load")
    switch = page.get_by_role("button", name="용어 표시")
    assert page.locator("button.glossary-toggle").count() == 1
    assert switch.get_attribute("aria-pressed") == "true"
    term = page.locator("article p a.glossary-term").first
    on = term.evaluate(MARKS)
    assert (on["line"], on["style"]) == ("underline", "dotted"), on

    switch.click()
    assert switch.get_attribute("aria-pressed") == "false"
    off = term.evaluate(MARKS)
    assert off["line"] == off["parentLine"] == "none", off
    assert off["color"] == off["parentColor"], off
    # The tooltip opens once the mouse has rested on a term for 350 ms (glossary-tooltip.js
    # SHOW_DELAY): wait past that. Playwright's click() returns after any navigation it
    # started, so after two animation frames that has happened or never will.
    term.hover()
    page.wait_for_timeout(700)
    assert page.locator(".glossary-tip:visible").count() == 0
    term.click()  # reads as plain text: nothing happens
    page.evaluate(NEXT_FRAMES)
    assert page.url == site_url + "pods/"

    # kept on another page, in the other language, labelled in that language
    page.goto(site_url + "en/pods/", wait_until="load")
    switch = page.get_by_role("button", name="Term marks")
    assert switch.get_attribute("aria-pressed") == "false"
    term = page.locator("article p a.glossary-term").first
    assert term.evaluate(MARKS)["line"] == "none"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert term.evaluate(MARKS)["line"] == "underline"
    term.hover()
    page.locator("#" + term.get_attribute("aria-describedby")).wait_for(state="visible")
    # with the marks off, the terms carried no description for screen readers either
    assert page.locator("article a.glossary-term[data-glossary-describedby]").count() == 0

    page.goto(site_url + "pods/", wait_until="load")
    assert page.get_by_role("button", name="용어 표시").get_attribute("aria-pressed") == "true"


def test_marks_off_holds_without_the_tooltip_script(watched_page, site_url: str) -> None:
    """The choice is applied by the plugin's script in <head>, before the page is drawn, not
    only by the tooltip script at the end of <body>: with that script served empty, a page
    still opens with its marks off."""
    page = watched_page
    page.goto(site_url + "pods/", wait_until="load")
    page.get_by_role("button", name="용어 표시").click()
    page.route("**/glossary-tooltip.js", lambda route: route.fulfill(
        body="", content_type="text/javascript"))
    page.goto(site_url + "cluster/", wait_until="load")
    # the script did not run: the switch keeps its place but is not shown
    assert not page.locator("button.glossary-toggle").is_visible()
    term = page.locator("article p a.glossary-term").first
    assert term.evaluate(MARKS)["line"] == "none"


# --- 7. The 404 page -----------------------------------------------------------------------------

def _expect_404(page, address: str) -> None:
    page.watch.expect(rf"^HTTP 404 {re.escape(address)}$")
    page.watch.expect(rf"^console error from {re.escape(address)}: .*404")


def _background_luminance(page) -> float:
    return _luminance(_rgba(page.evaluate("getComputedStyle(document.body).backgroundColor"))[:3])


@pytest.mark.parametrize("javascript", [True, False])
def test_404_follows_the_system_palette(make_page, prefixed_site_url: str,
                                        javascript: bool) -> None:
    for scheme in ("dark", "light"):
        page = make_page(color_scheme=scheme, java_script_enabled=javascript)
        address = prefixed_site_url + f"en/{scheme}/nope/"
        _expect_404(page, address)
        page.goto(address, wait_until="load")
        luminance = _background_luminance(page)
        if scheme == "dark":
            assert luminance < 0.05, luminance
        else:
            assert luminance > 0.9, luminance
        # and the text on it stays readable
        text = page.evaluate("getComputedStyle(document.querySelector('h2')).color")
        page_rgb = _rgba(page.evaluate("getComputedStyle(document.body).backgroundColor"))[:3]
        assert _contrast(_over(text, page_rgb), page_rgb) >= 4.5, (scheme, text)


def test_404_follows_the_palette_the_reader_chose(make_page, site_url: str) -> None:
    page = make_page(color_scheme="dark", locale="ko-KR")
    page.goto(site_url + "pods/", wait_until="load")
    page.locator("label[title='밝은 테마로 전환']").click()
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    address = site_url + "pods/nope/"
    _expect_404(page, address)
    page.goto(address, wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert _background_luminance(page) > 0.9


def test_404_search_runs_on_the_right_home(make_page, prefixed_site_url: str) -> None:
    page = make_page(locale="ko-KR")
    address = prefixed_site_url + "en/pods/nope/"
    _expect_404(page, address)
    page.goto(address, wait_until="load")
    actions = page.eval_on_selector_all("form.site-404__search", "forms => forms.map(f => "
                                        "f.action)")
    assert actions == [prefixed_site_url, prefixed_site_url + "en/"]
    page.get_by_label("Search this site").fill("Pod")
    with page.expect_navigation():
        page.get_by_label("Search this site").press("Enter")
    assert page.url == prefixed_site_url + "en/?q=Pod"
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    found = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                      "links => links.map(a => a.pathname)")
    assert PUBLISHED_PREFIX + "en/pods/" in found, found


def test_404_search_without_javascript(make_page, prefixed_site_url: str) -> None:
    page = make_page(java_script_enabled=False)
    address = prefixed_site_url + "a/b/"
    _expect_404(page, address)
    page.goto(address, wait_until="load")
    actions = page.eval_on_selector_all("form.site-404__search",
                                        "forms => forms.map(f => f.getAttribute('action'))")
    assert actions == [PUBLISHED_PREFIX, PUBLISHED_PREFIX + "en/"]
    page.get_by_label("이 사이트에서 찾기").fill("파드")
    with page.expect_navigation():
        page.get_by_label("이 사이트에서 찾기").press("Enter")
    assert page.url == prefixed_site_url + "?q=" + quote("파드")
