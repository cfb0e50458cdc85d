"""The glossary filter and the site search, in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from bilingual_glossary import load_glossary
from bilingual_glossary.data.hangul import compact, initials

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = load_glossary(ROOT / "glossary")
TOTAL = len(GLOSSARY)
FILTER = "#glossary-filter-input"
STATUS = ".glossary-status"

pytestmark = pytest.mark.browser


def visible_terms(page) -> set[str]:
    return set(page.eval_on_selector_all(
        ".glossary-entry", "els => els.filter(e => e.offsetParent !== null)"
                           ".map(e => e.dataset.term)"))


def open_glossary(page, site_url: str, lang: str = "ko", suffix: str = "") -> None:
    path = "glossary/" if lang == "ko" else "en/glossary/"
    page.goto(site_url + path + suffix)
    # the form shows from the first paint; the filter script marks the page once it is ready
    page.wait_for_selector(".glossary-page[data-filter-ready]", state="attached")


def type_filter(page, text: str) -> None:
    page.fill(FILTER, text)  # fires the input event, as typing does


def expected_for_initials(query: str) -> set[str]:
    """Terms with a name (either language, aliases and spellings to avoid too) whose initials
    contain the query."""
    return {t.id for t in GLOSSARY
            if any(query in initials(compact(name))
                   for lang in ("ko", "en") for name in t.text[lang].matched_names)}


def names_containing(text: str) -> set[str]:
    return {t.id for t in GLOSSARY
            if any(text in compact(n)
                   for lang in ("ko", "en") for n in t.text[lang].matched_names)}


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.evaluate("location.href")).query)


def test_initial_consonants_find_terms(watched_page, site_url) -> None:
    page = watched_page
    open_glossary(page, site_url)
    type_filter(page, "ㅍㄷ")
    assert "pod" in expected_for_initials("ㅍㄷ")
    assert visible_terms(page) == expected_for_initials("ㅍㄷ")
    assert "node" not in visible_terms(page)
    type_filter(page, "ㅋㄹㅅㅌ")
    assert visible_terms(page) == expected_for_initials("ㅋㄹㅅㅌ")
    assert "cluster" in visible_terms(page)
    # a syllable still being composed (팓 on the way to 파드) already finds 파드
    type_filter(page, "팓")
    assert "pod" in visible_terms(page)
    assert not page.watch.console_errors and not page.watch.outside_requests


def test_alias_finds_the_term(watched_page, site_url) -> None:
    page = watched_page
    open_glossary(page, site_url)
    type_filter(page, "포드")
    assert visible_terms(page) == {"pod"}
    type_filter(page, "부하분산")
    assert visible_terms(page) == {"load-balancing"}
    page.press(FILTER, "Enter")  # jumps to the first match
    page.wait_for_selector('.glossary-entry[data-term="load-balancing"].is-target')
    assert page.evaluate("location.hash") == "#load-balancing"


def test_the_other_languages_name_finds_the_term(watched_page, site_url) -> None:
    page = watched_page
    open_glossary(page, site_url, "ko")
    type_filter(page, "Pod")
    shown = visible_terms(page)
    assert "pod" in shown and "node" not in shown
    assert shown == names_containing("pod")
    open_glossary(page, site_url, "en")
    type_filter(page, "파드")
    shown = visible_terms(page)
    assert "pod" in shown and "node" not in shown
    assert shown == names_containing("파드")
    assert page.text_content("#pod") == "Pod¶"


def test_tag_chips_narrow_the_list(watched_page, site_url) -> None:
    page = watched_page
    open_glossary(page, site_url)
    chip = page.locator('.glossary-chip[data-tag="size-unit"]')
    assert chip.get_attribute("aria-pressed") == "false"
    chip.click()
    assert chip.get_attribute("aria-pressed") == "true"
    size_units = {t.id for t in GLOSSARY if "size-unit" in t.tags}
    assert visible_terms(page) == size_units
    assert query_of(page)["tag"] == ["size-unit"]
    # the query narrows further within the tag
    type_filter(page, "ㅍㄷ")
    assert visible_terms(page) == {"pod"}
    type_filter(page, "")
    chip.click()
    assert chip.get_attribute("aria-pressed") == "false"
    assert len(visible_terms(page)) == TOTAL
    assert "tag" not in query_of(page)


def test_empty_groups_hide_and_the_index_marks_them(watched_page, site_url) -> None:
    page = watched_page
    open_glossary(page, site_url)
    type_filter(page, "포드")
    shown_groups = page.eval_on_selector_all(
        ".glossary-group", "els => els.filter(e => !e.hidden).map(e => e.id)")
    assert shown_groups == ["group-pieup"]
    empty = page.eval_on_selector_all(".glossary-index a.is-empty", "els => els.length")
    links = page.eval_on_selector_all(".glossary-index a", "els => els.length")
    assert empty == links - 1


def test_query_lives_in_the_url(watched_page, site_url) -> None:
    page = watched_page
    open_glossary(page, site_url, "ko", "?q=" + quote("ㅍㄷ") + "&tag=workload")
    assert page.input_value(FILTER) == "ㅍㄷ"
    assert page.get_attribute('.glossary-chip[data-tag="workload"]', "aria-pressed") == "true"
    workloads = {t.id for t in GLOSSARY if "workload" in t.tags}
    assert "pod" in expected_for_initials("ㅍㄷ") & workloads
    assert visible_terms(page) == expected_for_initials("ㅍㄷ") & workloads
    # Material's own search also reads ?q=; on the glossary page it must stay closed. Its
    # result line fills in once its search worker is ready and ?q= has been handled: with the
    # placeholder when no query ran, with a count when one did.
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                ".translations['search.result.placeholder']")
    assert placeholder
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() === text",
        arg=placeholder, timeout=10_000)
    assert page.eval_on_selector("#__search", "el => el.checked") is False
    assert query_of(page) == {"q": ["ㅍㄷ"], "tag": ["workload"]}
    type_filter(page, "포드")
    assert query_of(page)["q"] == ["포드"]
    type_filter(page, "")
    assert "q" not in query_of(page)


def test_fragment_highlights_the_entry(watched_page, site_url) -> None:
    page = watched_page
    open_glossary(page, site_url, "ko", "#pod")
    assert page.eval_on_selector_all(".glossary-entry.is-target",
                                     "els => els.map(e => e.dataset.term)") == ["pod"]
    shadow = page.eval_on_selector('.glossary-entry[data-term="pod"]',
                                   "el => getComputedStyle(el).boxShadow")
    assert shadow != "none"
    assert page.eval_on_selector('.glossary-entry[data-term="node"]',
                                 "el => getComputedStyle(el).boxShadow") == "none"
    # a relation link to an entry the filter hides clears the filter and shows it
    type_filter(page, "ㅍㄷ")
    page.click('.glossary-entry[data-term="pod"] .glossary-fact-part_of a')
    page.wait_for_function("location.hash === '#node'")
    page.wait_for_selector('.glossary-entry[data-term="node"].is-target')
    assert page.input_value(FILTER) == ""
    assert len(visible_terms(page)) == TOTAL


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("ko", "포드", f"용어 {TOTAL}개 중 1개 일치"),
    ("ko", "없는말", "일치하는 용어 없음"),
    ("en", "Pod", None),
])
def test_live_region_counts_matches(watched_page, site_url, lang, query, expected) -> None:
    page = watched_page
    open_glossary(page, site_url, lang)
    status = page.locator(STATUS)
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content() == (f"용어 {TOTAL}개" if lang == "ko" else f"{TOTAL} terms")
    type_filter(page, query)
    count = len(visible_terms(page))
    if expected is None:  # counted from the glossary data, not from what the page shows
        matching = names_containing(query.casefold())
        assert len(matching) > 1 and count == len(matching), (count, sorted(matching))
        expected = f"{len(matching)} of {TOTAL} terms match"
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent === text",
                           arg=[STATUS, expected])
    assert page.is_visible(".glossary-no-match") == (count == 0)


def test_without_javascript_every_entry_shows(browser, site_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for path in ("glossary/", "en/glossary/"):
            page.goto(site_url + path + "?q=" + quote("ㅍㄷ"))
            assert len(visible_terms(page)) == TOTAL
            assert not page.is_visible(".glossary-filter")
            assert page.is_visible(".glossary-index")
    finally:
        context.close()


@pytest.mark.parametrize(("query", "location"), [
    ("부하분산", "glossary/#load-balancing"),
    ("포드", "glossary/#pod"),
    ("load balancer", "en/glossary/#load-balancing"),
])
def test_site_search_finds_glossary_entries_by_alias(watched_page, site_url, query,
                                                     location) -> None:
    page = watched_page
    # search lists the reader's language only (issue 13): search from that language's page
    page.goto(site_url + ("en/" if location.startswith("en/") else "") + "glossary/")
    page.keyboard.press("/")
    search = page.locator("input[data-md-component=search-query]")
    search.fill(query)
    search.dispatch_event("keyup")  # Material searches on keyup; fill() types without keys
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    found = {urlsplit(h).path.removeprefix("/") + "#" + urlsplit(h).fragment for h in hrefs}
    assert location in found, f"{query} -> {sorted(found)}"
    assert not page.watch.console_errors and not page.watch.outside_requests
