"""The Content-Security-Policy (csp.py, `csp: true` in mkdocs.yml) in headless Chromium:
every page works with no violation, and the review's payloads written into a page are blocked
(../shared/review/security.md, D1, D5, D23)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import _serve, build_site, copy_project
from site_html import site_pages

pytestmark = pytest.mark.browser

# every violation the page reports, from before its first script runs
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
    `${e.violatedDirective} ${e.blockedURI} ${(e.sample || "").slice(0, 60)}`));
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_every_page_carries_the_policy(site_dir: Path) -> None:
    for page in site_pages(site_dir):
        html = (site_dir / page.rel).read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert head.count('http-equiv="Content-Security-Policy"') == 1, page.rel
        # before the first script, so it covers every one
        assert head.index("Content-Security-Policy") < head.index("<script"), page.rel


def test_no_page_reports_a_violation_in_normal_use(make_page, site_url: str,
                                                   site_dir: Path) -> None:
    page = make_page(locale="ko-KR")
    page.add_init_script(RECORD_VIOLATIONS)
    checked = 0
    for site_page in site_pages(site_dir):
        page.goto(site_url + site_page.url, wait_until="networkidle")
        term = page.locator("a.glossary-term").first
        if term.count():
            term.hover()  # the tooltip script
        if page.locator("#glossary-filter-input").count():
            page.fill("#glossary-filter-input", "파드")  # the filter script
        assert violations(page) == [], site_page.rel
        checked += 1
    assert checked >= 15
    # site search runs in a worker and fetches the index: allowed by 'self'
    page.goto(site_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("파드")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert violations(page) == []


PAYLOADS = """

<script>window.__pwned = "script in Markdown";</script>

<img id="onerror-img" src="missing.png" onerror="window.__pwned = 'onerror'">

<a id="js-link" href="javascript:window.__pwned='javascript link'">link</a>

<span id="hover-me" onmouseover="window.__pwned = 'hover'">hover</span>

<img id="outside-img" src="https://evil.test/pixel.png" alt="">
"""


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("poisoned") / "project")
    for name in ("pods.md", "pods.en.md"):
        path = project / "docs" / name
        path.write_text(path.read_text(encoding="utf-8") + PAYLOADS, encoding="utf-8")
    site = tmp_path_factory.mktemp("poisoned-site")
    result = build_site(site, project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    with _serve(site, "/") as url:
        yield url


@pytest.mark.expect_console(r"Content Security Policy", r"missing\.png")
def test_payloads_written_into_a_page_are_blocked(make_page, poisoned_site: str) -> None:
    page = make_page(locale="ko-KR")
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(poisoned_site + "pods/", wait_until="networkidle")
    page.hover("#hover-me")
    page.click("#js-link")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    found = " | ".join(violations(page))
    assert "script-src" in found and "inline" in found, found  # the <script> and handlers
    assert "img-src https://evil.test/pixel.png" in found, found
    assert page.watch.outside_requests == []  # blocked by the policy, before any request
    # the page's own scripts still run: the tooltip works
    term = page.locator("a.glossary-term").first
    term.hover()  # it opens once the mouse has rested on the term (glossary-tooltip.js)
    page.wait_for_selector(".glossary-tooltip:visible, [role=tooltip]:visible", timeout=5000)


def test_a_malformed_fragment_does_not_stop_the_glossary_filter(watched_page,
                                                                site_url: str) -> None:
    """D16: #%E0%A4%A made decodeURIComponent throw before the filter was wired up."""
    page = watched_page
    page.goto(site_url + "en/glossary/#%E0%A4%A", wait_until="networkidle")
    page.wait_for_selector(".glossary-page[data-filter-ready]", state="attached")
    total = page.locator(".glossary-entry").count()
    page.fill("#glossary-filter-input", "Pod")
    shown = page.eval_on_selector_all(
        ".glossary-entry", "els => els.filter(e => e.offsetParent !== null).length")
    assert 0 < shown < total, (shown, total)
