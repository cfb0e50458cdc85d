"""axe-core on every page of the built site, in both languages and both palettes: no critical
or serious violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from site_html import NOT_FOUND_PAGE, site_pages

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"critical", "serious"}
# The reader's system preference -> the Material scheme the page must then show.
PALETTES = {"light": "default", "dark": "slate"}

RUN_AXE = """async () => {
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary),
    }));
}"""


@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_no_serious_axe_violation_on_any_page(browser, site_url: str, site_dir: Path,
                                              palette: str) -> None:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (make test does)"
    scheme = PALETTES[palette]
    # Reduced motion: Material then skips its colour transitions, so axe never measures a colour
    # half-way through one.
    context = browser.new_context(color_scheme=palette, reduced_motion="reduce")
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(site_url) else route.abort())
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    urls = [p.url for p in site_pages(site_dir) if p.rel != NOT_FOUND_PAGE]
    urls.append("en/no-such-page/")  # the 404 page, served at a missing path
    problems = []
    try:
        for url in urls:
            page.goto(site_url + url, wait_until="load")
            shown = page.get_attribute("body", "data-md-color-scheme")
            if shown != scheme:
                problems.append(f"/{url}: palette {shown!r}, expected {scheme!r}")
            for violation in page.evaluate(RUN_AXE):
                if violation["impact"] in BLOCKING:
                    nodes = "\n      ".join(violation["nodes"])
                    problems.append(f"/{url} [{palette}] {violation['impact']} "
                                    f"{violation['id']}: {violation['help']}\n      {nodes}")
    finally:
        context.close()
    assert len(urls) >= 5
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
