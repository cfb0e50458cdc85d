"""Every term is used by at least one page in each language, unless it is standalone."""

from __future__ import annotations

from pathlib import Path

import pytest
from bilingual_glossary import load_glossary
from bilingual_glossary.cli.coverage import Coverage, scan_docs
from bilingual_glossary.data.model import Glossary
from bilingual_glossary.site_config import site_facts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site() -> tuple[Glossary, Coverage]:
    """The site as the coverage command reads it: languages and folders from mkdocs.yml."""
    facts = site_facts(ROOT / "mkdocs.yml")
    glossary = load_glossary(facts.glossary_dir, facts.langs)
    return glossary, scan_docs(glossary, facts.docs_dir, facts.default_lang, facts.page_langs)


def test_every_term_is_used_in_each_language(site) -> None:
    glossary, coverage = site
    unused = {lang: coverage.unused(glossary, lang) for lang in glossary.langs}
    assert unused == {lang: [] for lang in glossary.langs}, (
        f"terms no page uses: {unused}; use them in a page, or give them `standalone: <reason>`")


def test_the_glossary_page_does_not_count_as_a_use(site) -> None:
    glossary, coverage = site
    for lang in glossary.langs:
        for pages in coverage.pages[lang].values():
            assert not any(p.startswith("glossary.") for p in pages)
