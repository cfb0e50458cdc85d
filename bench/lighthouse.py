#!/usr/bin/env python3
"""Lighthouse 12.2.3 (package.json) mobile scores of the built site, served with gzip as GitHub
Pages serves it (issue 21: performance at least 90 on the home page, a concept page and both
glossary pages, the glossary's total blocking time under 200 ms, the other categories 100).

    python bench/lighthouse.py [--site DIR] [--runs 1] [--targets] [PATH ...]

Without --site it builds the site into a temporary folder first. Pages run one after another
(performance is timed: two at once would slow each other). It prints each page's four scores,
total blocking time, largest contentful paint and the bytes transferred; with --targets the
exit code is 1 when a page misses a goal. A figure for a report, not a test: the timing
depends on the machine.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync "
                "--disable-default-apps --disable-extensions")
PAGES = ("", "pods/", "glossary/", "en/glossary/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MIN_PERFORMANCE = 0.90
MAX_GLOSSARY_TBT_MS = 200
# what GitHub Pages compresses: text, not images or fonts
GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
              "image/svg+xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it; a missing path gets the
    root 404.html with status 404."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        squeeze = ("gzip" in self.headers.get("Accept-Encoding", "")
                   and ctype.startswith(GZIP_TYPES))
        if squeeze:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if "text" in ctype
                                                  or "json" in ctype else ""))
        if squeeze:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # not -q: it would hide the warnings that --strict counts
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                    str(ROOT / "mkdocs.yml"), "-d", str(dest)], cwd=ROOT, env=env, check=True,
                   capture_output=True)


def lighthouse(url: str, report: Path) -> dict:
    """One default mobile run (simulated slow 4G and a 4x slower CPU)."""
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json",
                    f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}",
                    "--disable-full-page-screenshot", "--no-enable-error-reporting",
                    f"--chrome-flags={CHROME_FLAGS}"],
                   env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300,
                   capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))


def figures(lhr: dict) -> dict[str, float]:
    audits = lhr["audits"]
    out = {name: lhr["categories"][name]["score"] * 100 for name in CATEGORIES}
    out["TBT ms"] = audits["total-blocking-time"]["numericValue"]
    out["LCP ms"] = audits["largest-contentful-paint"]["numericValue"]
    out["FCP ms"] = audits["first-contentful-paint"]["numericValue"]
    out["KB sent"] = audits["total-byte-weight"]["numericValue"] / 1000
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=list(PAGES))
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; medians shown")
    parser.add_argument("--targets", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` (make test does).")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        server, base = serve(site)
        missed = []
        try:
            print(f"{'page':16}" + "".join(f"{k:>16}" for k in (*CATEGORIES, "TBT ms",
                                                                "LCP ms", "FCP ms", "KB sent")))
            for path in args.paths:
                runs = [figures(lighthouse(base + path, Path(tmp) / f"lh-{n}.json"))
                        for n in range(args.runs)]
                median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(f"/{path:15}" + "".join(f"{value:16.0f}" for value in median.values()))
                if median["performance"] < MIN_PERFORMANCE * 100:
                    missed.append(f"/{path}: performance {median['performance']:.0f} < 90")
                if "glossary/" in path and median["TBT ms"] >= MAX_GLOSSARY_TBT_MS:
                    missed.append(f"/{path}: total blocking time {median['TBT ms']:.0f} ms")
                missed += [f"/{path}: {name} {median[name]:.0f} < 100"
                           for name in CATEGORIES[1:] if median[name] < 100]
        finally:
            server.shutdown()
    for line in missed:
        print("MISSED", line)
    return 1 if args.targets and missed else 0


if __name__ == "__main__":
    sys.exit(main())
