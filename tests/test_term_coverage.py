"""Every term is used by at least one page in each language, unless it is standalone."""

from __future__ import annotations

from pathlib import Path

from bilingual_glossary import LANGS, load_glossary
from bilingual_glossary.cli.coverage import scan_docs

ROOT = Path(__file__).resolve().parent.parent


def test_every_term_is_used_in_each_language() -> None:
    glossary = load_glossary(ROOT / "glossary")
    coverage = scan_docs(glossary, ROOT / "docs")
    unused = {lang: coverage.unused(glossary, lang) for lang in LANGS}
    assert unused == {lang: [] for lang in LANGS}, (
        f"terms no page uses: {unused}; use them in a page, or give them `standalone: <reason>`")


def test_the_glossary_page_does_not_count_as_a_use() -> None:
    glossary = load_glossary(ROOT / "glossary")
    coverage = scan_docs(glossary, ROOT / "docs")
    for lang in LANGS:
        for pages in coverage.pages[lang].values():
            assert not any(p.startswith("glossary.") for p in pages)
