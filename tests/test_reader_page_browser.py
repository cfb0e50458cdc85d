"""Issue 21 items 3 and 6-10, issue 19 item 7, in Chromium: the phone glossary (collapsed
entries, the way back to the index), readable text, the term-mark switch, phone tooltips,
print, and tooltips on MkDocs' own theme. Limits are medians and per-element rules, so they
hold as the glossary grows."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
from bilingual_glossary.data.loader import load_glossary
from conftest import ROOT, _serve, build_site
from factory import make_glossary, term_yaml
from site_html import source_page_urls

pytestmark = pytest.mark.browser

GLOSSARY = load_glossary(ROOT / "glossary")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
GLOSSARY_PAGES = {"ko": "glossary/", "en": "en/glossary/"}
TERM_PAGES = {"ko": "pods/", "en": "en/pods/"}
COLLAPSED_MEDIAN_PX = 250

# Effective colours: the element's text colour over the first opaque background behind it.
CONTRAST_JS = """
(el) => {
  function rgba(value) {
    const m = value.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  }
  function background(node) {
    const layers = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  }
  function luminance(c) {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const bg = background(el);
  const fg = over(rgba(getComputedStyle(el).color), bg);
  const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
  return {ratio: (l1 + 0.05) / (l2 + 0.05), bgAlpha: rgba(getComputedStyle(el).backgroundColor)[3]};
}
"""

# Every visible text node's element in `root`: its font size, style and whether it has Hangul.
TEXT_STYLES_JS = """
(root) => {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || !el.getClientRects().length) continue;
    const s = getComputedStyle(el);
    if (s.visibility === "hidden") continue;
    // SVG text is scaled with its drawing: its size on screen is what counts
    const scale = el instanceof SVGElement && el.getScreenCTM() ? el.getScreenCTM().a : 1;
    out.push({text: n.textContent.trim().slice(0, 30),
              size: Math.round(parseFloat(s.fontSize) * scale * 10) / 10,
              style: s.fontStyle, hangul: /[\\uac00-\\ud7a3]/.test(n.textContent)});
  }
  return out;
}
"""


def open_page(make_page, site_url: str, path: str, viewport: dict, scheme: str = "light",
              touch: bool = False):
    page = make_page(viewport=viewport, color_scheme=scheme, has_touch=touch, is_mobile=touch,
                     locale="ko-KR")
    page.goto(site_url + path)
    page.wait_for_function("document.readyState === 'complete'")
    return page


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_phone_glossary_collapses_long_entries_and_keeps_their_text(make_page, site_url, lang):
    page = open_page(make_page, site_url, GLOSSARY_PAGES[lang], PHONE)
    heights = page.eval_on_selector_all(
        ".glossary-entry", "els => els.map(e => e.getBoundingClientRect().height)")
    assert len(heights) == len(GLOSSARY)
    assert statistics.median(heights) <= COLLAPSED_MEDIAN_PX, statistics.median(heights)
    details = page.locator("details.glossary-entry-more")
    assert details.count() > 0
    assert page.locator("details.glossary-entry-more[open]").count() == 0
    # the long text is still in the page (find-in-page, search) though not shown
    long_term = next(t for t in GLOSSARY if t.text[lang].long.strip())
    entry = page.locator(f'.glossary-entry[data-term="{long_term.id}"]')
    first_words = " ".join(long_term.text[lang].long.split()[:2]).strip("*`[")
    assert first_words[:6] in entry.locator(".glossary-entry-long").text_content()
    assert not entry.locator(".glossary-entry-long").is_visible()
    # it opens in place
    entry.locator("summary").click()
    assert entry.locator(".glossary-entry-long").is_visible()


def test_an_entry_named_by_a_link_or_picked_by_the_filter_shows_in_full(make_page, site_url):
    long_term = next(t for t in GLOSSARY if t.text["ko"].long.strip())
    page = open_page(make_page, site_url, f"glossary/#{long_term.id}", PHONE)
    entry = page.locator(f'.glossary-entry[data-term="{long_term.id}"]')
    assert entry.locator(".glossary-entry-long").is_visible()
    other = next(t for t in GLOSSARY if t.text["en"].long.strip() and t.id != long_term.id)
    page.fill("#glossary-filter-input", other.text["en"].term)
    picked = page.locator(f'.glossary-entry[data-term="{other.id}"]')
    picked.locator(".glossary-entry-long").wait_for(state="visible")
    # clearing the filter folds the entries up again
    page.fill("#glossary-filter-input", "")
    picked.locator(".glossary-entry-long").wait_for(state="hidden")


def test_wide_glossary_shows_every_entry_in_full(make_page, site_url):
    page = open_page(make_page, site_url, "glossary/", DESKTOP)
    total = page.locator("details.glossary-entry-more").count()
    assert total > 0
    assert page.locator("details.glossary-entry-more[open]").count() == total


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_after_scrolling_a_control_leads_back_to_the_index_and_filter(make_page, site_url,
                                                                       lang):
    page = open_page(make_page, site_url, GLOSSARY_PAGES[lang], PHONE, touch=True)
    back = page.locator(".glossary-back")
    assert back.is_hidden()
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    back.wait_for(state="visible")
    box = back.bounding_box()
    assert box["height"] >= 44 and box["y"] + box["height"] <= PHONE["height"]
    back.tap()
    page.wait_for_function(
        "document.querySelector('#glossary-filter-input').getBoundingClientRect().top >= 0"
        " && document.querySelector('.glossary-index').getBoundingClientRect().bottom"
        " <= window.innerHeight")
    back.wait_for(state="hidden")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_glossary_text_is_7_to_1_and_13px_and_hangul_is_never_slanted(make_page, site_url,
                                                                        scheme, viewport):
    page = open_page(make_page, site_url, "glossary/", viewport, scheme)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    body = (".glossary-lead, .glossary-entry-short, .glossary-entry-long p, "
            ".glossary-entry-other, .glossary-entry-aliases, .glossary-entry-facts dt, "
            ".glossary-entry-facts dd, .glossary-status, .glossary-filter-hint")
    low = []
    for handle in page.query_selector_all(body):
        ratio = handle.evaluate(CONTRAST_JS)["ratio"]
        if ratio < 7:
            low.append((handle.text_content()[:30], round(ratio, 2)))
    assert not low, low
    styles = page.eval_on_selector(".glossary-page", TEXT_STYLES_JS)
    assert len(styles) > 100
    small = [s for s in styles if s["size"] < 13]
    assert not small, small[:5]
    slanted = [s for s in styles if s["hangul"] and s["style"] != "normal"]
    assert not slanted, slanted[:5]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_no_page_has_text_under_13px_or_slanted_hangul(make_page, site_url, viewport):
    page = make_page(viewport=viewport, locale="ko-KR")
    urls = source_page_urls()
    assert len(urls) >= 14
    problems = {}
    for url in urls:
        page.goto(site_url + url)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        styles = page.eval_on_selector("body", TEXT_STYLES_JS)
        small = [s for s in styles if s["size"] < 13]
        slanted = [s for s in styles if s["hangul"] and s["style"] != "normal"]
        if small or slanted:
            problems[url] = (small + slanted)[:3]
        captions = page.eval_on_selector_all(
            "figcaption", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert all(size >= 13 for size in captions), (url, captions)
    assert not problems, problems


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_switch_has_a_visible_name_and_marks_off_silences_descriptions(make_page,
                                                                           site_url, lang):
    page = open_page(make_page, site_url, TERM_PAGES[lang], PHONE, touch=True)
    switch = page.locator("button.glossary-toggle")
    assert switch.count() == 1
    label = switch.inner_text().strip()
    assert label and switch.is_visible()
    assert switch.get_attribute("aria-pressed") == "true"
    described = page.locator("article a.glossary-term[aria-describedby]").count()
    assert described > 0
    switch.tap()
    assert switch.get_attribute("aria-pressed") == "false"
    assert page.locator("article a.glossary-term[aria-describedby]").count() == 0
    # the accessibility tree agrees: no term has a description any more
    term = page.locator("article a.glossary-term").first
    assert not page.evaluate(
        "el => el.ariaDescribedByElements && el.ariaDescribedByElements.length",
        term.element_handle())
    # it holds on the next page, and comes back when switched on
    page.reload()
    assert page.locator("article a.glossary-term[aria-describedby]").count() == 0
    page.locator("button.glossary-toggle").tap()
    assert page.locator("article a.glossary-term[aria-describedby]").count() == described


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_switch_is_absent_where_no_term_is_marked(make_page, site_url, lang):
    page = open_page(make_page, site_url, GLOSSARY_PAGES[lang], DESKTOP)
    assert page.locator("a.glossary-term").count() == 0
    assert page.locator("button.glossary-toggle").count() == 0


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_phone_tooltip_has_a_way_out_and_a_way_on(make_page, site_url, lang):
    page = open_page(make_page, site_url, TERM_PAGES[lang], PHONE, touch=True)
    term = page.locator("article a.glossary-term").first
    term_id = term.get_attribute("data-term")
    tip = page.locator(f"#glossary-tip-{term_id}")
    term.tap()
    tip.wait_for(state="visible")
    link = tip.locator("a.glossary-tip__open")
    close = tip.locator("button.glossary-tip__close")
    assert link.inner_text().strip() in ("용어집에서 보기", "Open in glossary")
    assert link.evaluate("a => a.href") == term.evaluate("a => a.href")
    assert tip.locator(".glossary-tip__again").inner_text().strip()
    for control in (link, close):
        assert control.bounding_box()["height"] >= 44
    close.tap()
    tip.wait_for(state="hidden")
    # first tap opens, the second follows the link, as the tooltip said
    term.tap()
    tip.wait_for(state="visible")
    url = page.url
    term.tap()
    page.wait_for_url(lambda u: u != url and f"#{term_id}" in u)


def test_the_glossary_link_in_a_phone_tooltip_leads_to_the_entry(make_page, site_url):
    page = open_page(make_page, site_url, "pods/", PHONE, touch=True)
    term = page.locator("article a.glossary-term").first
    term_id = term.get_attribute("data-term")
    term.tap()
    page.locator(f"#glossary-tip-{term_id} a.glossary-tip__open").tap()
    page.wait_for_url(re.compile(rf"glossary/#{term_id}$"))


def test_a_tooltip_waits_for_the_mouse_to_rest(make_page, site_url):
    page = open_page(make_page, site_url, "pods/", DESKTOP)
    term = page.locator("article a.glossary-term").first
    tip = page.locator(f"#glossary-tip-{term.get_attribute('data-term')}")
    box = term.bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(120)
    assert tip.is_hidden()  # passing over text opens nothing
    tip.wait_for(state="visible", timeout=2000)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_print_glossary_shows_entries_not_the_filter(make_page, site_url, lang):
    page = open_page(make_page, site_url, GLOSSARY_PAGES[lang], PHONE)
    page.emulate_media(media="print")
    for hidden in (".glossary-filter", ".glossary-index", ".glossary-back", "summary"):
        assert all(not e.is_visible() for e in page.query_selector_all(hidden)), hidden
    longs = page.locator(".glossary-entry-long")
    assert longs.count() > 0
    assert all(e.is_visible() for e in longs.element_handles())


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_printed_page_drops_marks_and_ends_with_its_terms(make_page, site_url, lang):
    page = open_page(make_page, site_url, TERM_PAGES[lang], DESKTOP)
    page.emulate_media(media="print")
    term = page.locator("article a.glossary-term").first
    decoration = term.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert decoration == "none"
    assert not page.locator("button.glossary-toggle").is_visible()
    captions = page.locator(".hierarchy__action")
    assert all(not e.is_visible() for e in captions.element_handles())
    heading = page.locator(".glossary-tips__heading")
    assert heading.is_visible()
    assert heading.inner_text().strip() in ("이 페이지의 용어", "Terms on this page")
    marked = {e.get_attribute("data-term")
              for e in page.locator("a.glossary-term").element_handles()}
    listed = page.locator(".glossary-tips .glossary-tip")
    assert {e.get_attribute("id").removeprefix("glossary-tip-")
            for e in listed.element_handles()} == marked
    assert all(e.is_visible() for e in listed.element_handles())
    first = listed.first
    term_id = first.get_attribute("id").removeprefix("glossary-tip-")
    assert GLOSSARY[term_id].text[lang].short in " ".join(first.inner_text().split())
    # the list comes after the article
    assert page.evaluate(
        "document.querySelector('article').compareDocumentPosition("
        "document.querySelector('.glossary-tips')) & Node.DOCUMENT_POSITION_FOLLOWING")
    page.emulate_media(media="screen")
    assert not heading.is_visible()


# --- any theme -----------------------------------------------------------------------------

THEME_SITE = """\
site_name: Theme check
theme:
  name: {theme}
  highlightjs: false
  language: ko
plugins:
  - macros
  - bilingual-glossary:
      exports: []
      structured_data: false
nav: [index.md, glossary.md]
"""


def _theme_site(tmp_path: Path, theme: str) -> Path:
    project = tmp_path / theme
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(THEME_SITE.replace("{theme}", theme), encoding="utf-8")
    (project / "docs" / "index.md").write_text(
        "# 시작\n\n파드는 노드에서 돈다. 긴 문단이 이어진다.\n", encoding="utf-8")
    (project / "docs" / "glossary.md").write_text("# 용어집\n\n{{ glossary_page() }}\n",
                                                  encoding="utf-8")
    make_glossary(project, {"pod.yml": term_yaml("파드", "Pod"),
                            "node.yml": term_yaml("노드", "Node")})
    return project


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tooltips_and_glossary_work_on_other_themes(make_page, tmp_path, theme, scheme):
    project = _theme_site(tmp_path, theme)
    site = tmp_path / "site"
    result = build_site(site, project)
    assert result.returncode == 0, result.stderr[-2000:]
    page = make_page(viewport=DESKTOP, color_scheme=scheme, locale="ko-KR")
    if theme == "mkdocs":  # the theme's own Bootstrap bundle, on every page: not ours
        page.watch.expect(r"reading 'backdrop'")
    with _serve(site, "/") as url:
        _check_theme_site(page, url)


def _check_theme_site(page, url: str) -> None:
    page.goto(url)
    term = page.locator("a.glossary-term").first
    term_id = term.get_attribute("data-term")
    tip = page.locator(f"#glossary-tip-{term_id}")
    assert term.evaluate("e => getComputedStyle(e).textDecorationStyle") == "dotted"
    term.focus()
    tip.wait_for(state="visible")
    colours = tip.evaluate(CONTRAST_JS)
    assert colours["bgAlpha"] == 1, "the tooltip's background must be opaque"
    assert colours["ratio"] >= 4.5, colours
    short = tip.locator(".glossary-tip__short")
    assert short.evaluate(CONTRAST_JS)["ratio"] >= 4.5
    assert float(short.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 13
    switch = page.locator("button.glossary-toggle")
    assert switch.count() == 1 and switch.is_visible() and switch.inner_text().strip()
    # the glossary page: its entries and filter work without Material
    page.goto(url + "glossary/")
    assert page.locator(".glossary-entry").count() == 2
    page.fill("#glossary-filter-input", "ㄴㄷ")
    page.locator('.glossary-entry[data-term="pod"]').wait_for(state="hidden")
    assert page.locator('.glossary-entry[data-term="node"]').is_visible()
