"""Contributor CLI (stub: check only, for now)."""

from __future__ import annotations

import sys
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.loader import load_glossary

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["check"]:
        try:
            glossary = load_glossary(ROOT / "glossary")
        except GlossaryError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        print(f"glossary OK: {len(glossary)} terms")
        return 0
    print("usage: python -m glossary check|coverage|new ID", file=sys.stderr)
    return 2
