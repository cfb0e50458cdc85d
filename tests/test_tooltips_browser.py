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
    page.locator("article h1").first.tap()
    tip.wait_for(state="hidden")
    assert page.url == site_url + KO_PAGE


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_tooltip_and_terms_meet_wcag_aa_contrast(watched_page, site_url, scheme: str):
    watched_page.goto(site_url + KO_PAGE)
    watched_page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    term, term_id = first_term(watched_page)
    term.hover()
    tooltip(watched_page, term_id).wait_for(state="visible")
    watched_page.add_script_tag(path=str(AXE))
    result = watched_page.evaluate("""async (id) => {
        const r = await axe.run(
            {include: [['#glossary-tip-' + id], ['article a.glossary-term']]},
            {runOnly: ['color-contrast']});
        return {violations: r.violations.map(v => v.nodes.map(n => n.failureSummary)),
                passes: r.passes.reduce((n, v) => n + v.nodes.length, 0)};
    }""", term_id)
    assert result["violations"] == []
    assert result["passes"] > 0
