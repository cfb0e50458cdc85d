"""What a reader gets on the glossary pages (issue 13): a filter form that is in place from
the first paint, 24px link targets, addresses that wrap at slashes, tag logic in words, a
letter index that keeps the filter, "used on" in navigation order, assets on these pages
only; Korean prose in 해라체, the interface in noun endings and 해요체 (issue 21)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml
from bilingual_glossary import load_glossary
from bilingual_glossary.diagrams.diagram import TEXT as DIAGRAM_TEXT
from bilingual_glossary.ui import DEFAULTS as UI
from site_html import site_pages

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = load_glossary(ROOT / "glossary")
ASSETS = ROOT / "plugins" / "bilingual_glossary" / "assets"
GLOSSARY_PAGES = {"ko": "glossary/", "en": "en/glossary/"}
PAGE_ONLY_ASSETS = ("glossary-filter.js", "glossary-page.css")
PHONE = {"width": 390, "height": 844}
MIN_TARGET_PX = 24


# --- register: prose in 해라체, the interface in noun endings and 해요체 ------------------------

def _has_final_bieup(syllable: str) -> bool:
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 == 17  # 합, 습, 입, 됩: final consonant ㅂ


_NIDA = re.compile(r"([가-힣])니(?:다|까)")
_POLITE = re.compile(r"(?:세요|십시오|[어아해에예]요)(?![가-힣])")
# 해라체 statements and commands end a sentence in 다 or 라 (한다, 없다, 보라)
_PLAIN = re.compile(r"[가-힣](?:다|라)(?=\s*(?:[.!?…”’\")]|$))", re.M)


def polite_endings(text: str) -> list[str]:
    """Sentence endings of 합니다체 (합니다, 있습니까) and 해요체 (하세요, 해요) in the text;
    해라체 (한다, 아니다, 보라) passes."""
    found = [m.group(0) for m in _NIDA.finditer(text) if _has_final_bieup(m.group(1))]
    return found + _POLITE.findall(text)


def formal_endings(text: str) -> list[str]:
    """합쇼체 endings (합니다, 있습니까): never right, in prose or in the interface."""
    return [m.group(0) for m in _NIDA.finditer(text) if _has_final_bieup(m.group(1))]


def plain_endings(text: str) -> list[str]:
    """해라체 sentence endings (한다., 없다, 보라): right in prose, wrong in the interface."""
    return _PLAIN.findall(text)


def interface_problems(text: str) -> list[str]:
    return formal_endings(text) + plain_endings(text)


def test_the_register_checks_tell_the_registers_apart() -> None:
    for polite in ("모았습니다.", "찾을 수 있습니다", "일치합니다", "해제해 보세요.", "됩니까?",
                   "없어요", "해요.", "용어예요"):
        assert polite_endings(polite), polite
    for plain in ("모았다.", "아니다.", "찾는다.", "일치한다", "풀어 보라.", "필요하다", "요약"):
        assert not polite_endings(plain), plain
    for wrong in ("모았다.", "일치하는 용어가 없다", "복사했다", "풀어 보라.", "모았습니다."):
        assert interface_problems(wrong), wrong
    for right in ("3개 일치", "찾을 수 없음", "복사됨", "검색어를 입력하세요", "모았어요. 찾아요.",
                  "가나다순으로", "용어 표시", "‘{letter}’ 보기"):
        assert not interface_problems(right), right


def _js_hangul_strings(path: Path) -> list[str]:
    return [s for s in re.findall(r'"((?:[^"\\\n]|\\.)*)"', path.read_text(encoding="utf-8"))
            if re.search("[가-힣]", s)]


def _material_korean_strings() -> dict[str, str]:
    text = (ROOT / "overrides" / "partials" / "languages" / "ko.html").read_text(encoding="utf-8")
    return dict(re.findall(r'"([a-z.]+)": "([^"]*)"', text))


def test_korean_interface_text_uses_noun_endings_or_haeyo() -> None:
    texts = {f"ui.py {key}": value for key, value in UI["ko"].items()}
    texts |= {f"diagram.py {key}": value for key, value in DIAGRAM_TEXT["ko"].items()}
    texts |= {f"ko.html {key}": value for key, value in _material_korean_strings().items()}
    for script in sorted(ASSETS.glob("*.js")):
        texts |= {f"{script.name} {s!r}": s for s in _js_hangul_strings(script)}
    assert len(texts) > 80
    assert UI["ko"]["status_none"] == "일치하는 용어 없음"
    assert _material_korean_strings()["clipboard.copied"] == "복사됨"
    problems = {where: interface_problems(text) for where, text in texts.items()
                if interface_problems(text)}
    assert not problems, problems


# Elements of a built page that are interface, not prose: read by the interface rule.
_INTERFACE = re.compile(
    r'<(form|nav|figcaption|summary|button|header|footer)\b[^>]*>.*?</\1>'
    r'|<p class="glossary-(?:lead|no-match)"[^>]*>.*?</p>'
    r'|<div class="admonition warning translation-outdated".*?</div>'
    r'|<a class="glossary-back".*?</a>|<h2 class="glossary-tips__heading">.*?</h2>', re.S)


def _text(html: str) -> str:
    html = re.sub(r"<script\b.*?</script>|<style\b.*?</style>|<svg\b.*?</svg>", " ", html,
                  flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def _prose_and_interface(html: str) -> tuple[str, str]:
    """A built page's prose (its article without interface parts) and its interface words
    (those parts, attribute labels, Material's translations)."""
    config = re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S)
    words = list(json.loads(config.group(1))["translations"].values()) if config else []
    labels = re.findall(r'(?:aria-label|title|placeholder|data-[a-z-]+)="([^"]*)"', html)
    article = re.search(r'<article class="md-content__inner.*</article>', html, re.S)
    body = article.group(0) if article else ""
    interface_parts = [m.group(0) for m in _INTERFACE.finditer(body)]
    prose = _text(_INTERFACE.sub(" ", body))
    interface = " / ".join([_text(" ".join(interface_parts)), *map(unescape, labels), *words])
    return prose, interface


def test_korean_pages_are_haera_and_their_interface_is_not(site_dir: Path) -> None:
    # the 404 page is interface only: noun endings and 해요체 (test_site_languages.py)
    pages = [p for p in site_pages(site_dir) if p.lang == "ko" and p.rel != "404.html"]
    assert len(pages) >= 7
    problems = {}
    for page in pages:
        html = (site_dir / page.rel).read_text(encoding="utf-8")
        assert '<script id="__config"' in html
        prose, interface = _prose_and_interface(html)
        assert len(prose) > 200, page.rel
        found = polite_endings(prose) + [f"interface: {e}" for e in interface_problems(interface)]
        if found:
            problems[page.rel] = found
    assert not problems, problems


# --- the built glossary pages ------------------------------------------------------------

def test_glossary_assets_load_on_the_glossary_pages_only(site_dir: Path) -> None:
    pages = site_pages(site_dir)
    assert len(pages) >= 14
    for page in pages:
        html = (site_dir / page.rel).read_text(encoding="utf-8")
        loads = set(re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="[^"]*?([\w-]+\.(?:js|css))"',
                               html))
        expected = page.url in GLOSSARY_PAGES.values()
        for asset in PAGE_ONLY_ASSETS:
            assert (asset in loads) == expected, f"{page.rel}: {asset} loaded: {not expected}"
        assert ("glossary-js" in html) == expected, page.rel
        if page.rel != "404.html":  # the site-wide script still loads everywhere else
            assert "glossary-tooltip.js" in loads, page.rel


def _navigation_sources() -> list[str]:
    """The nav's Markdown files in order, read from mkdocs.yml (its !ENV tags ignored)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def walk(item) -> list[str]:
        if isinstance(item, str):
            return [item]
        if isinstance(item, list):
            return [name for child in item for name in walk(child)]
        return [name for child in item.values() for name in walk(child)]

    return walk(config["nav"])


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_used_on_follows_the_navigation_and_leaves_out_contributing(site_dir: Path,
                                                                   lang: str) -> None:
    nav = _navigation_sources()
    assert nav[0] == "index.md" and "contributing.md" in nav
    prefix = "" if lang == "ko" else "en/"
    urls = [prefix + ("" if name == "index.md" else name.removesuffix(".md") + "/")
            for name in nav]
    contributing = (site_dir / prefix / "contributing" / "index.html").read_text("utf-8")
    assert 'class="glossary-term"' in contributing  # it does use terms, and is still left out
    glossary_url = "/" + GLOSSARY_PAGES[lang]
    html = (site_dir / GLOSSARY_PAGES[lang] / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<div class="glossary-fact-used-on">(.*?)</dd>', html)
    assert len(rows) > 20
    longest = 0
    for row in rows:
        pages = [urljoin(glossary_url, href).lstrip("/") for href in re.findall(r'href="([^"]*)"',
                                                                             row)]
        assert pages and all(page in urls for page in pages), pages
        assert not any(page.endswith("contributing/") for page in pages), pages
        positions = [urls.index(page) for page in pages]
        assert positions == sorted(positions), pages
        longest = max(longest, len(pages))
    assert longest >= 4  # an order worth checking: URL order would differ (cluster < index)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_docs_addresses_offer_breaks_after_slashes(site_dir: Path, lang: str) -> None:
    html = (site_dir / GLOSSARY_PAGES[lang] / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<div class="glossary-fact-docs">.*?<a href="([^"]*)"'
                       r'[^>]*>(.*?)</a>', html)
    assert len(links) > 20
    for href, label in links:
        parts = urlsplit(unescape(href))
        assert label.replace("<wbr>", "") == (parts.netloc + parts.path).rstrip("/")
        assert label.count("/<wbr>") == label.count("/"), label


# --- in the browser ----------------------------------------------------------------------

def _visible_terms(page) -> set[str]:
    return set(page.eval_on_selector_all(
        ".glossary-entry", "els => els.filter(e => e.offsetParent !== null)"
                           ".map(e => e.dataset.term)"))


def _open(page, site_url: str, lang: str = "ko", suffix: str = "") -> None:
    page.goto(site_url + GLOSSARY_PAGES[lang] + suffix)
    page.wait_for_selector(".glossary-page[data-filter-ready]", state="attached")


_LAYOUT = """() => {
    const box = el => { const r = el.getBoundingClientRect();
                        return [r.x, r.y + scrollY, r.width, r.height].map(Math.round); };
    return {form: box(document.querySelector('.glossary-filter')),
            index: box(document.querySelector('.glossary-index')),
            first: box(document.querySelector('.glossary-entry'))};
}"""


@pytest.mark.browser
def test_the_filter_form_is_in_place_before_its_script_runs(make_page, site_url: str) -> None:
    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True)
    for lang in GLOSSARY_PAGES:
        _open(page, site_url, lang)
        ready = page.evaluate(_LAYOUT)
        # the same page before the filter script has run (here: an empty script)
        page.route("**/glossary-filter.js", lambda route: route.fulfill(
            status=200, content_type="text/javascript", body=""))
        page.goto(site_url + GLOSSARY_PAGES[lang], wait_until="load")
        assert page.get_attribute(".glossary-page", "data-filter-ready") is None
        assert page.is_visible(".glossary-filter") and page.is_visible(".glossary-chip")
        assert page.evaluate(_LAYOUT) == ready, lang
        page.unroute("**/glossary-filter.js")
        assert ready["form"][3] > 100  # the form takes real room above the entries


_SMALL_TARGETS = """min => [...document.querySelectorAll(
        '.glossary-entry-facts a, .glossary-chip, .glossary-index a, .glossary-match input')]
    .filter(el => { const r = el.getBoundingClientRect();
                    return r.width < min || r.height < min; })
    .map(el => el.outerHTML.slice(0, 80))"""


@pytest.mark.browser
def test_links_and_controls_are_24px_targets_on_a_phone(make_page, site_url: str) -> None:
    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True)
    for lang in GLOSSARY_PAGES:
        _open(page, site_url, lang)
        count = page.eval_on_selector_all(".glossary-entry-facts a", "els => els.length")
        assert count > 100
        assert page.evaluate(_SMALL_TARGETS, MIN_TARGET_PX) == [], lang


_DOCS_WRAPS = """() => [...document.querySelectorAll('.glossary-fact-docs a')].map(a => {
    // the character before each line break: the first character of a new line sits lower
    const text = a.textContent, range = document.createRange();
    const chars = [];
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    let t;
    while ((t = walker.nextNode())) {
        for (let i = 0; i < t.length; i++) {
            range.setStart(t, i); range.setEnd(t, i + 1);
            chars.push([t.data[i], range.getBoundingClientRect().top]);
        }
    }
    const before = [];
    for (let i = 1; i < chars.length; i++) {
        if (chars[i][1] > chars[i - 1][1] + 2) before.push(chars[i - 1][0]);
    }
    const dd = a.closest('dd').getBoundingClientRect(), box = a.getBoundingClientRect();
    return {text, before, overflow: box.right > dd.right + 0.5};
})"""


@pytest.mark.browser
def test_docs_addresses_wrap_at_slashes_on_a_phone(make_page, site_url: str) -> None:
    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True)
    for lang in GLOSSARY_PAGES:
        _open(page, site_url, lang)
        links = page.evaluate(_DOCS_WRAPS)
        assert len(links) > 20
        wrapped = [link for link in links if "/" in link["before"]]
        assert wrapped, f"{lang}: no address is long enough to wrap at 390px"
        for link in links:
            # after a slash, or after a hyphen inside a segment (get-started): never mid-word
            assert set(link["before"]) <= {"/", "-"}, link
            assert not link["overflow"], link
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _tagged(tag: str) -> set[str]:
    return {t.id for t in GLOSSARY if tag in t.tags}


@pytest.mark.browser
def test_tag_chips_say_and_switch_all_or_any(watched_page, site_url: str) -> None:
    page = watched_page
    both = _tagged("workload") & _tagged("fundamental")
    either = _tagged("workload") | _tagged("fundamental")
    assert both and both != _tagged("workload") and either != _tagged("fundamental")
    _open(page, site_url, "ko")
    assert page.inner_text(".glossary-match").split() == [
        "고른", "태그를", "모두", "가진", "용어", "하나라도", "가진", "용어"]
    assert page.is_checked(".glossary-match input[value=all]")
    page.click('.glossary-chip[data-tag="workload"]')
    page.click('.glossary-chip[data-tag="fundamental"]')
    assert _visible_terms(page) == both
    page.get_by_label("하나라도 가진 용어").check()
    assert _visible_terms(page) == either
    assert parse_qs(urlsplit(page.url).query)["match"] == ["any"]
    page.reload()
    page.wait_for_selector(".glossary-page[data-filter-ready]", state="attached")
    assert page.is_checked(".glossary-match input[value=any]")
    assert _visible_terms(page) == either
    page.get_by_label("모두 가진 용어").check()
    assert _visible_terms(page) == both
    assert "match" not in parse_qs(urlsplit(page.url).query)
    _open(page, site_url, "en", "?tag=workload&tag=fundamental&match=any")
    assert page.inner_text(".glossary-match legend") == "Show terms with"
    assert page.is_checked(".glossary-match input[value=any]")
    assert _visible_terms(page) == either
    assert not page.watch.console_errors and not page.watch.outside_requests


@pytest.mark.browser
def test_a_greyed_out_letter_keeps_the_filter(watched_page, site_url: str) -> None:
    page = watched_page
    _open(page, site_url, "ko")
    page.fill("#glossary-filter-input", "포드")
    assert _visible_terms(page) == {"pod"}
    letter = page.locator('.glossary-index a[href="#group-nieun"]')
    assert "is-empty" in letter.get_attribute("class")
    letter.click()
    # nothing moved and nothing was dropped: the filter, the list and the address stay
    assert page.input_value("#glossary-filter-input") == "포드"
    assert _visible_terms(page) == {"pod"}
    assert urlsplit(page.url).fragment == ""
    note = page.locator(".glossary-index-note")
    assert note.locator(".glossary-index-note-text").inner_text() == \
        "‘ㄴ’에는 지금 필터에 맞는 용어가 없어요."
    assert note.get_attribute("aria-live") == "polite"
    # the reader decides: clear the filter and go to ㄴ
    note.get_by_role("button", name="필터를 지우고 ‘ㄴ’ 보기").click()
    page.wait_for_function("location.hash === '#group-nieun'")
    assert page.input_value("#glossary-filter-input") == ""
    assert len(_visible_terms(page)) == len(GLOSSARY)
    assert note.inner_text() == ""
    # a letter that has matches still jumps, and the keyboard works the same way
    page.fill("#glossary-filter-input", "포드")
    page.focus('.glossary-index a[href="#group-kieuk"]')
    page.keyboard.press("Enter")
    assert note.get_by_role("button").inner_text() == "필터를 지우고 ‘ㅋ’ 보기"
    page.click('.glossary-index a[href="#group-pieup"]')
    page.wait_for_function("location.hash === '#group-pieup'")
    assert note.inner_text() == "" and _visible_terms(page) == {"pod"}
    assert not page.watch.console_errors and not page.watch.outside_requests


def test_collapsed_explanations_stay_in_the_search_index(site_dir: Path) -> None:
    """Each long explanation sits in a <details> (collapsed on a phone): the site search still
    finds it, in its entry's own section."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = {doc["location"]: doc["text"] for doc in index["docs"]}
    html = (site_dir / "glossary" / "index.html").read_text(encoding="utf-8")
    checked = 0
    for term in GLOSSARY:
        long_text = term.text["ko"].long
        if not long_text.strip():
            continue
        assert f'<article class="glossary-entry" data-term="{term.id}"' in html
        def plain(text: str) -> str:  # without tags and Markdown marks
            return " ".join(re.sub(r"<[^>]+>|[`*_\[\]()]", " ", unescape(text)).split())

        probe = " ".join(plain(long_text).split()[:4])
        assert probe in plain(sections[f"glossary/#{term.id}"]), term.id
        checked += 1
    assert checked >= 1
