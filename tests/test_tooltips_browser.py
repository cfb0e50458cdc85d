"""Glossary tooltips in Chromium: hover, focus, Esc, touch, both languages, contrast."""

from __future__ import annotations

import pytest
from bilingual_glossary.data.loader import load_glossary
from conftest import ROOT

pytestmark = pytest.mark.browser

GLOSSARY = load_glossary(ROOT / "glossary")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KO_PAGE = "pods/"
EN_PAGE = "en/pods/"
PREFERRED = "pod"


def first_term(page) -> tuple[object, str]:
    """The page's annotation of `pod` if it has one, else its first annotation."""
    terms = page.locator("article a.glossary-term")
    assert terms.count() > 0, "the page has no annotated term"
    preferred = page.locator(f'article a.glossary-term[data-term="{PREFERRED}"]')
    term = preferred.first if preferred.count() else terms.first
    return term, term.get_attribute("data-term")


def tooltip(page, term_id: str):
    return page.locator(f"#glossary-tip-{term_id}")


def test_hover_on_a_korean_page_shows_the_korean_definition_and_english_name(watched_page,
                                                                             site_url):
    watched_page.goto(site_url + KO_PAGE)
    term, term_id = first_term(watched_page)
    tip = tooltip(watched_page, term_id)
    assert tip.is_hidden()
    term.hover()
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert GLOSSARY[term_id].text["ko"].short in " ".join(text.split())
    assert f"({GLOSSARY[term_id].name('en')})" in text
    assert tip.get_attribute("role") == "tooltip"
    assert term.get_attribute("aria-describedby") == f"glossary-tip-{term_id}"
    assert term.get_attribute("title") is None  # Material would add a second tooltip
    # leaving the term hides it again
    watched_page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    assert watched_page.watch.console_errors == []
    assert watched_page.watch.outside_requests == []


def test_keyboard_focus_shows_it_and_esc_closes_it(watched_page, site_url):
    watched_page.goto(site_url + KO_PAGE)
    term, term_id = first_term(watched_page)
    tip = tooltip(watched_page, term_id)
    term.focus()
    tip.wait_for(state="visible")
    assert GLOSSARY[term_id].text["ko"].short in " ".join(tip.inner_text().split())
    watched_page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert watched_page.evaluate("document.activeElement.dataset.term") == term_id
    # Tab away and back: it shows again, and blur hides it
    watched_page.keyboard.press("Tab")
    tip.wait_for(state="hidden")
    watched_page.keyboard.press("Shift+Tab")
    tip.wait_for(state="visible")
    watched_page.keyboard.press("Tab")
    tip.wait_for(state="hidden")


def test_the_terms_are_reachable_with_the_tab_key(watched_page, site_url):
    watched_page.goto(site_url + KO_PAGE)
    seen = set()
    for _ in range(200):
        watched_page.keyboard.press("Tab")
        focused = watched_page.evaluate(
            "document.activeElement.classList.contains('glossary-term') && "
            "document.activeElement.dataset.term")
        if focused:
            seen.add(focused)
            visible = tooltip(watched_page, focused)
            visible.wait_for(state="visible")
            break
    assert seen, "Tab never reached an annotated term"


def test_an_english_page_shows_the_english_definition(watched_page, site_url):
    watched_page.goto(site_url + EN_PAGE)
    term, term_id = first_term(watched_page)
    assert "/en/glossary/" in term.evaluate("a => a.href")
    term.hover()
    tip = tooltip(watched_page, term_id)
    tip.wait_for(state="visible")
    text = " ".join(tip.inner_text().split())
    assert GLOSSARY[term_id].text["en"].short in text
    assert GLOSSARY[term_id].text["ko"].short not in text
    assert "(" + GLOSSARY[term_id].name("en") + ")" not in text


@pytest.fixture
def touch_page(browser, site_url):
    """A phone-sized touch page on the Korean page, scrolled to its first term."""
    context = browser.new_context(has_touch=True, is_mobile=True, locale="ko-KR",
                                  viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + KO_PAGE)
    term, term_id = first_term(page)
    term.scroll_into_view_if_needed()
    yield page, term, term_id
    context.close()


def test_touch_first_tap_shows_the_tooltip_second_tap_follows_the_link(touch_page, site_url):
    page, term, term_id = touch_page
    tip = tooltip(page, term_id)
    term.tap()
    tip.wait_for(state="visible")
    assert page.url == site_url + KO_PAGE
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    term.tap()
    page.wait_for_url(f"**/glossary/#{term_id}")


def test_touch_elsewhere_closes_the_tooltip(touch_page, site_url):
    page, term, term_id = touch_page
    term.tap()
    tip = tooltip(page, term_id)
    tip.wait_for(state="visible")
    page.locator("article h1").first.tap(position={"x": 4, "y": 4})  # its text, not its ¶ link
    tip.wait_for(state="hidden")
    assert page.url == site_url + KO_PAGE


# The contrast of every text element inside the open tooltip, measured from computed colours:
# the text's colour composited over the tooltip's own (composited) background. axe cannot judge
# text in an overlay (it files it `incomplete`), so it is measured here, independently.
TIP_CONTRAST = """(tip) => {
    const rgba = text => {
        const p = /^rgba?\\(([^)]*)\\)$/.exec(text)[1].split(/[\\s,\\/]+/).filter(Boolean)
            .map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
    const lum = rgb => rgb.map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    let bg = [255, 255, 255];
    const layers = [];
    for (let e = tip; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.unshift(c);
        if (c[3] === 1) break;
    }
    for (const c of layers) bg = over(c, bg);
    const texts = [tip, ...tip.querySelectorAll('*')].filter(el =>
        [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
    return texts.map(el => {
        const fg = over(rgba(getComputedStyle(el).color), bg);
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        return [el.className || el.tagName, (a + 0.05) / (b + 0.05)];
    });
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_tooltip_and_terms_meet_wcag_aa_contrast(watched_page, site_url, scheme: str):
    watched_page.goto(site_url + KO_PAGE)
    watched_page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    term, term_id = first_term(watched_page)
    term.hover()
    tip = tooltip(watched_page, term_id)
    tip.wait_for(state="visible")
    ratios = tip.evaluate(TIP_CONTRAST)
    # the name line and the definition, at least: two elements with text of their own
    assert len(ratios) >= 2, ratios
    low = [(name, round(ratio, 2)) for name, ratio in ratios if ratio < 4.5]
    assert not low, f"tooltip text below 4.5:1 in {scheme}: {low}"
    # the annotated terms in the article: axe decides those (they are not overlaid)
    watched_page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    # evaluated, not added as a <script>: the site's Content-Security-Policy blocks those
    watched_page.evaluate(AXE.read_text(encoding="utf-8"))
    result = watched_page.evaluate("""async () => {
        const r = await axe.run({include: [['article a.glossary-term']]},
                                {runOnly: ['color-contrast']});
        const count = list => list.reduce((n, v) => n + v.nodes.length, 0);
        return {violations: r.violations.map(v => v.nodes.map(n => n.failureSummary)),
                incomplete: count(r.incomplete), passes: count(r.passes),
                terms: document.querySelectorAll('article a.glossary-term').length};
    }""")
    assert result["violations"] == [] and result["incomplete"] == 0, result
    assert result["terms"] > 0 and result["passes"] == result["terms"], result


def _box(locator) -> dict[str, float]:
    return locator.evaluate("el => { const r = el.getBoundingClientRect(); "
                            "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};}")


@pytest.mark.parametrize("where", ["bottom", "top"])
def test_tooltip_opens_above_a_term_near_the_bottom_of_the_window(make_page, site_url, where):
    """Below the term when there is room, above it when the term is near the window's bottom;
    inside the window either way."""
    page = make_page(locale="ko-KR", viewport={"width": 1000, "height": 600})
    page.goto(site_url + KO_PAGE)
    first_term(page)  # the page has annotated terms
    # near the bottom: the last term, scrolled to 12 px above the window's bottom edge; near
    # the top: the first term, scrolled to just below Material's sticky header
    term = page.locator("article a.glossary-term").nth(-1 if where == "bottom" else 0)
    term_id = term.get_attribute("data-term")
    placed = term.evaluate("""(el, where) => {
        const top = el.getBoundingClientRect().top + scrollY;
        scrollTo(0, where === 'top' ? top - 120 : top - innerHeight + el.offsetHeight + 12);
        return {top: el.getBoundingClientRect().top, height: innerHeight};
    }""", where)
    # the setup is what it claims (the page was long enough to scroll the term there)
    if where == "bottom":
        assert placed["height"] - 60 < placed["top"] < placed["height"], placed
    else:
        assert 0 < placed["top"] <= 240, placed
    term.focus()
    tip = tooltip(page, term_id)
    tip.wait_for(state="visible")
    tip_box, term_box = _box(tip), _box(term)
    assert tip_box["top"] >= 0 and tip_box["bottom"] <= 600, (tip_box, term_box)
    if where == "bottom":
        assert tip_box["bottom"] <= term_box["top"], ("not above", tip_box, term_box)
    else:
        assert tip_box["top"] >= term_box["bottom"], ("not below", tip_box, term_box)


def test_tooltip_stays_open_while_the_pointer_moves_into_it(make_page, site_url):
    """The hide delay lets the pointer travel from the term into the tooltip. Timers run on
    Playwright's fake clock, so "stays open" is checked after time has provably passed, not
    after a guessed sleep."""
    page = make_page(locale="ko-KR", viewport={"width": 1000, "height": 800})
    page.clock.install()
    page.goto(site_url + KO_PAGE)
    term, term_id = first_term(page)
    term.scroll_into_view_if_needed()
    term.hover()
    tip = tooltip(page, term_id)
    tip.wait_for(state="visible")
    start, inside = _box(term), _box(tip)
    # from the term's middle into the tooltip's middle, through the gap between them
    page.mouse.move((inside["left"] + inside["right"]) / 2, (inside["top"] + inside["bottom"]) / 2,
                    steps=12)
    assert start["bottom"] <= inside["top"]  # it opened below: the pointer crossed the gap
    page.clock.run_for(5_000)
    assert tip.is_visible(), "the tooltip closed while the pointer was on it"
    # the control: leaving it for blank page closes it once the same time has passed
    page.mouse.move(5, 790)
    page.clock.run_for(5_000)
    tip.wait_for(state="hidden", timeout=2_000)
