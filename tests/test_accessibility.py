"""axe-core on the built site: every page, and the states a page only reaches when the reader
acts (a tooltip open, the search dialog open with results, a glossary filter that matches
nothing), in both languages, both palettes, at phone (390 px) and desktop width.

A case fails on any critical or serious violation, and on any colour-contrast result axe
files as `incomplete` that an independent measurement (below) does not show readable: an
undecided contrast is not a pass. Every page and state is its own test case; the tabs
(one per palette and width) are shared, so a case costs one page load and one axe run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from site_html import source_page_urls

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"critical", "serious"}
# The reader's system preference -> the Material scheme the page must then show.
PALETTES = {"light": "default", "dark": "slate"}
WIDTHS = {"phone": 390, "desktop": 1280}
MISSING = "en/no-such-page/"  # served the 404 page
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# axe leaves colour contrast `incomplete` where it cannot tell the background: text under or
# inside an overlay (an open tooltip, the search dialog), text it finds too short (a single
# letter). Such a node is not a pass: it is measured again here, independently of axe, from
# the computed colours (the text's colour over the composited backgrounds of its ancestors),
# and fails below 4.5:1 (3:1 for large text) or when that cannot be measured either (a
# background image). Diagram labels sit under the diagram's transparent link layer and are
# measured box by box in test_diagram_site.py.
RUN_AXE = """async ({within, rules}) => {
    // resultTypes: passes come back with one node per rule, which keeps a run fast
    const options = {resultTypes: ['violations', 'incomplete']};
    if (rules) options.runOnly = {type: 'rule', values: rules};
    // a state is scanned in its own region (the page around it has its own test case)
    const result = await axe.run(within ? {include: [[within]]} : document, options);
    const describe = (v, nodes) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary),
    });
    const rgba = text => {
        const m = /^rgba?\\(([^)]*)\\)$/.exec(text);
        if (!m) return null;
        const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
    const backdrop = el => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.backgroundImage !== 'none') return null;
            const c = rgba(style.backgroundColor);
            if (!c) return null;
            if (c[3] > 0) layers.push(c);
            if (c[3] === 1) break;
        }
        return layers.reverse().reduce((bg, c) => over(c, bg), [255, 255, 255]);
    };
    const lum = rgb => rgb.map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const remeasure = n => {  // null when readable, else why not
        const el = document.querySelector(n.target[0]);
        if (!el) return 'not found again';
        if (el.closest('.hierarchy__drawing')) return null;
        const bg = backdrop(el), fg = rgba(getComputedStyle(el).color);
        if (!bg || !fg) return 'background cannot be measured either';
        const text = over(fg, bg);
        const [a, b] = [lum(text), lum(bg)].sort((x, y) => y - x);
        const ratio = (a + 0.05) / (b + 0.05);
        const style = getComputedStyle(el), size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && +style.fontWeight >= 700);
        return ratio >= (large ? 3 : 4.5) ? null : `measured ${ratio.toFixed(2)}:1`;
    };
    const undecided = [];
    for (const v of result.incomplete.filter(v => v.id === 'color-contrast')) {
        const nodes = v.nodes.map(n => ({...n, failureSummary: remeasure(n)}))
            .filter(n => n.failureSummary !== null);
        if (nodes.length) undecided.push(describe(v, nodes));
    }
    return {
        violations: result.violations.map(v => describe(v, v.nodes)),
        incomplete: undecided,
        // axe looked at the contrast of some text in the scanned region, whatever it decided
        checked: result.passes.concat(result.violations, result.incomplete)
            .filter(r => r.id === 'color-contrast').length,
    };
}"""


def _open_tooltip(page) -> str:
    term = page.locator("article a.glossary-term").first
    term.focus()
    tip = "#" + term.get_attribute("aria-describedby")
    page.locator(tip).wait_for(state="visible")
    return tip


def _open_search(page, query: str) -> str:
    # Material searches on keyup, once its worker has the index: a query typed before that
    # never shows results. Its result line shows the placeholder text when the worker is ready.
    page.wait_for_function(
        """() => document.querySelector('.md-search-result__meta').textContent.trim() ===
            JSON.parse(document.getElementById('__config').textContent)
                .translations['search.result.placeholder']""")
    page.keyboard.press("/")  # Material's shortcut
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    # fill() replaces the query Material kept from an earlier case in this tab; it sends no
    # keyup, so End follows (typing Hangul key by key can land out of order on a phone)
    box.fill(query)
    box.press("End")
    try:
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    except PlaywrightTimeout:
        pytest.fail(f"no search results for {query!r}: the box holds "
                    f"{page.input_value('input.md-search__input')!r}, the result line says "
                    f"{page.text_content('.md-search-result__meta').strip()!r}")
    return ".md-search__inner"  # the dialog: the query box and the results


def _filter_nothing(page) -> str:
    page.locator("#glossary-filter-input").fill("zzzqxj")
    page.locator(".glossary-no-match").wait_for(state="visible")
    return ".md-content"  # the filter, its status line, the message, the (hidden) entries


# state -> (page, action); the action returns the region the state opened, which axe scans
STATES = {
    "tooltip-ko": ("pods/", _open_tooltip),
    "tooltip-en": ("en/pods/", _open_tooltip),
    "search-ko": ("", lambda page: _open_search(page, "파드")),
    "search-en": ("en/", lambda page: _open_search(page, "Pod")),
    "no-match-ko": ("glossary/", _filter_nothing),
    "no-match-en": ("en/glossary/", _filter_nothing),
}


@pytest.fixture(scope="module")
def tabs(browser):
    """tabs(palette, width) -> a page with axe loaded, one per combination, reused."""
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (make test does)"
    made: dict[tuple[str, str], object] = {}

    def get(palette: str, width: str):
        if (palette, width) not in made:
            # Reduced motion: Material then skips its colour transitions, so axe never
            # measures a colour half-way through one.
            context = browser.new_context(
                color_scheme=palette, reduced_motion="reduce", locale="ko-KR",
                viewport={"width": WIDTHS[width], "height": 800})
            context.add_init_script(path=str(AXE))
            made[palette, width] = context.new_page()
        return made[palette, width]

    yield get
    for page in made.values():
        page.context.close()


def _problems(result: dict, where: str) -> list[str]:
    problems = []
    for violation in result["violations"]:
        if violation["impact"] in BLOCKING:
            problems.append(violation)
    problems += result["incomplete"]
    return [f"{where} {v['impact']} {v['id']}: {v['help']}\n      " + "\n      ".join(v["nodes"])
            for v in problems]


def _scan(page, site_url: str, url: str, palette: str, width: str, action=None) -> None:
    response = page.goto(site_url + url, wait_until="load")
    assert response.status == (404 if url == MISSING else 200)
    assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[palette]
    target = action(page) if action else None
    # Material's palettes change colours only: the dark scheme reruns the colour rules
    rules = COLOUR_RULES if palette == "dark" else None
    result = page.evaluate(RUN_AXE, {"within": target, "rules": rules})
    assert result["checked"] > 0, f"axe checked the contrast of no text in {target or url}"
    problems = _problems(result, f"/{url} [{palette}, {width}]")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("palette", sorted(PALETTES))
@pytest.mark.parametrize("url", [*source_page_urls(), MISSING])
def test_page_has_no_serious_axe_problem(tabs, site_url: str, url: str, palette: str,
                                         width: str) -> None:
    page = tabs(palette, width)
    if url == MISSING:
        page.watch.expect(rf"^HTTP 404 {re.escape(site_url + url)}$")
        page.watch.expect(rf"^console error from {re.escape(site_url + url)}: .*404")
    _scan(page, site_url, url, palette, width)


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("palette", sorted(PALETTES))
@pytest.mark.parametrize("state", sorted(STATES))
def test_state_has_no_serious_axe_problem(tabs, site_url: str, state: str, palette: str,
                                          width: str) -> None:
    url, action = STATES[state]
    _scan(tabs(palette, width), site_url, url, palette, width, action)


def test_every_built_page_is_scanned(site_dir: Path) -> None:
    """The page list above comes from docs/; the build must not have pages it misses."""
    built = sorted(p.relative_to(site_dir).as_posix()[: -len("index.html")]
                   for p in site_dir.rglob("index.html"))
    assert built == sorted(source_page_urls())
