"""Lighthouse (npm, pinned in package.json) in its default mobile run, offline, on Debian's
chromium: accessibility, best practices and SEO score 100 and the layout shift (CLS) stays
under 0.05 on both home pages, a concept page and both glossary pages.

Only the three categories plus the CLS audit run (`--only-audits` adds audits to
`--only-categories`), and the network-requests audit shows that the page loads nothing from
another host. The five pages run at the same time: most of a run is Lighthouse waiting for
the page to go quiet, so together they take about as long as two in a row.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

pytestmark = pytest.mark.browser

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ("", "en/", "pods/", "glossary/", "en/glossary/")
CATEGORIES = ("accessibility", "best-practices", "seo")
EXTRA_AUDITS = ("cumulative-layout-shift", "network-requests")
MAX_CLS = 0.05
RUN_TIMEOUT_S = 240


def _command(url: str, report: Path) -> list[str]:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, "--disable-default-apps",
                      "--disable-extensions"])
    return [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--only-audits={','.join(EXTRA_AUDITS)}",
            "--disable-full-page-screenshot", "--no-enable-error-reporting",
            f"--chrome-flags={flags}"]


@pytest.fixture(scope="module")
def reports(request: pytest.FixtureRequest, site_url: str,
            tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Path -> Lighthouse's JSON result (or {"error": ...} when the run itself failed), for
    the pages this session's test cases ask for (all five unless -k picks some)."""
    if not LIGHTHOUSE.exists():
        pytest.fail(f"{LIGHTHOUSE} is missing: run `npm ci` (make test does).")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does).")
    out = tmp_path_factory.mktemp("lighthouse")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    selected = {item.callspec.params["path"] for item in request.session.items
                if getattr(item, "originalname", "") == _CASE and hasattr(item, "callspec")}
    runs = {}
    for number, path in enumerate(p for p in PAGES if p in selected):
        report = out / f"page-{number}.json"
        runs[path] = (report, subprocess.Popen(
            _command(site_url + path, report), env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True))
    results: dict[str, dict] = {}
    for path, (report, process) in runs.items():
        try:
            _, stderr = process.communicate(timeout=RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            results[path] = {"error": f"no result after {RUN_TIMEOUT_S} s"}
            continue
        if process.returncode != 0 or not report.exists():
            results[path] = {"error": f"exit {process.returncode}: {stderr[-2000:]}"}
        else:
            results[path] = json.loads(report.read_text(encoding="utf-8"))
    return results


def _failed_audits(lhr: dict, category: str) -> list[str]:
    """The scored audits below 1 in a category, with the first few elements each names."""
    lines = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            nodes = [item["node"].get("snippet", "") for item in items[:3]
                     if isinstance(item.get("node"), dict)]
            lines.append(f"{category}: {audit['id']} ({audit['title']}) {' '.join(nodes)}")
    return lines


_CASE = "test_lighthouse_mobile_scores_and_layout_shift"


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_mobile_scores_and_layout_shift(reports, site_url: str, path: str) -> None:
    lhr = reports[path]
    assert "error" not in lhr, f"Lighthouse on /{path} failed: {lhr.get('error')}"
    assert lhr.get("runtimeError") is None, lhr["runtimeError"]
    assert lhr["configSettings"]["formFactor"] == "mobile"
    assert lhr["finalDisplayedUrl"] == site_url + path
    scores = {name: lhr["categories"][name]["score"] for name in CATEGORIES}
    failed = [line for name in CATEGORIES for line in _failed_audits(lhr, name)]
    assert scores == dict.fromkeys(CATEGORIES, 1), (
        f"/{path}: {scores}\n" + "\n".join(failed) + f"\nwarnings: {lhr.get('runWarnings')}")
    cls = lhr["audits"]["cumulative-layout-shift"]["numericValue"]
    assert cls < MAX_CLS, f"/{path}: cumulative layout shift {cls:.3f}"
    requests = [item["url"] for item in lhr["audits"]["network-requests"]["details"]["items"]]
    assert any(url == site_url + path for url in requests)
    outside = [url for url in requests if not url.startswith((site_url, "data:"))]
    assert not outside, f"/{path} loads from another host: {outside}"
