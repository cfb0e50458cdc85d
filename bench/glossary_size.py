#!/usr/bin/env python3
"""The size of both glossary pages on a large generated site (issue 10: under 350 KB each).

    python bench/glossary_size.py [--pages 150] [--terms 150] [--limit 350000]

It writes the project that bench/annotation.py times (N pages per language, M terms), builds it
once with annotation on, and prints each glossary page's size in bytes, what its biggest parts
take (the JSON-LD in <head>, the "used on" rows), and whether it is under the limit. The exit
code is 1 when a page is over.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from annotation import build, make_project  # bench/ is the script's folder, so on sys.path

PAGES = {"ko": Path("glossary/index.html"), "en": Path("en/glossary/index.html")}
LIMIT = 350_000
_PARTS = {
    "JSON-LD": re.compile(r'<script type="application/ld\+json">.*?</script>', re.S),
    "used on": re.compile(r'<div class="glossary-fact-used-on">.*?</div>', re.S),
}


def page_sizes(site: Path) -> dict[str, tuple[int, dict[str, int]]]:
    """Per language: the page's bytes, and the bytes of each part in _PARTS."""
    sizes = {}
    for lang, path in PAGES.items():
        data = (site / path).read_bytes()
        text = data.decode("utf-8")
        parts = {name: sum(len(m.encode("utf-8")) for m in pattern.findall(text))
                 for name, pattern in _PARTS.items()}
        sizes[lang] = (len(data), parts)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=150, help="pages per language")
    parser.add_argument("--terms", type=int, default=150, help="glossary terms")
    parser.add_argument("--limit", type=int, default=LIMIT, help="bytes a page may have")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="glossary-size-") as tmp:
        project = Path(tmp)
        make_project(project, args.pages, args.terms)
        build(project, annotate=True)  # writes project/site-on
        sizes = page_sizes(project / "site-on")
    print(f"glossary pages, {args.pages} pages per language, {args.terms} terms:")
    over = False
    for lang, (size, parts) in sizes.items():
        verdict = "under" if size < args.limit else "OVER"
        over = over or size >= args.limit
        detail = ", ".join(f"{name} {bytes_:,}" for name, bytes_ in parts.items())
        print(f"  {PAGES[lang]}: {size:,} bytes, {verdict} {args.limit:,} ({detail})")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
