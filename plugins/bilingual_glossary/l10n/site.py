"""What the build shows and checks: the outdated notice and badge, and the terminology lint.

SiteL10n is the per-build state the plugin keeps on its instance: the record, and the compiled
spellings and outdated entries of the current glossary. The plugin hands it plain values
(paths, languages, URLs); nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from html import escape
from pathlib import Path

from bilingual_glossary.data.model import LANGS, Glossary
from bilingual_glossary.l10n.freshness import (
    read_source,
    relative_label,
    term_translations,
    translation_langs,
)
from bilingual_glossary.l10n.record import Record, fingerprint
from bilingual_glossary.l10n.terminology import AvoidedSpellings, Hit, lint_glossary, lint_page
from bilingual_glossary.languages import without_language_suffix
from bilingual_glossary.ui import DEFAULTS, UiText

NOTICE_CLASS = "translation-outdated"
BADGE_CLASS = "translation-outdated-badge"
_BADGE = re.compile(r"<!--glossary-badge:([a-z0-9-]+)-->")
_LEADING_H1 = re.compile(r"^\s*<h1\b.*?</h1>", re.S)

# Each notice is written in the language of the page it appears on; {source} is the source
# language's name in that language.
UI = DEFAULTS  # the notice and badge texts live in the plugin's one table (ui.py)
LANG_NAMES: dict[str, dict[str, str]] = {
    "en": {"ko": "Korean", "en": "English"},
    "ko": {"ko": "한국어", "en": "영어"},
}


def notice_html(lang: str, source_lang: str, source_href: str, table: UiText = UI) -> str:
    """The notice at the top of an outdated page, in the page's language."""
    ui = table[lang]
    source = LANG_NAMES[lang][source_lang]
    return (f'<div class="admonition warning {NOTICE_CLASS}" role="note" lang="{lang}"'
            f' data-search-exclude>'
            f'<p class="admonition-title">{escape(ui["notice_title"])}</p>'
            f'<p>{escape(ui["notice_text"].format(source=source))} '
            f'<a href="{escape(source_href, quote=True)}" hreflang="{source_lang}">'
            f'{escape(ui["notice_link"].format(source=source))}</a></p></div>')


def add_notice(content: str, notice: str) -> str:
    """After the page's h1 when it starts with one (the title stays first), else on top."""
    heading = _LEADING_H1.match(content)
    if heading:
        return content[:heading.end()] + notice + content[heading.end():]
    return notice + content


def fill_badges(html: str, lang: str, source_lang: str, outdated: Collection[str],
                source_glossary_href: str | None, table: UiText = UI) -> str:
    """Replace each entry's badge placeholder: a badge for outdated entries, else nothing."""
    ui = table.get(lang)

    def badge(match: re.Match[str]) -> str:
        term_id = match.group(1)
        if ui is None or term_id not in outdated:
            return ""
        source = LANG_NAMES[lang][source_lang]
        label = escape(ui["badge_label"].format(source=source), quote=True)
        text = escape(ui["badge"])
        if source_glossary_href is None:
            return f' <span class="{BADGE_CLASS}" title="{label}">{text}</span>'
        href = escape(f"{source_glossary_href}#{term_id}", quote=True)
        return (f' <a class="{BADGE_CLASS}" href="{href}" hreflang="{source_lang}"'
                f' title="{label}" aria-label="{label}">{text}</a>')

    return _BADGE.sub(badge, html)


class SiteL10n:
    """One build's view of translations and terminology."""

    def __init__(self, root: Path, docs_dir: Path, record_dir: Path, source_lang: str,
                 langs: Sequence[str] = LANGS) -> None:
        self.root = root
        self.docs_dir = docs_dir
        self.source_lang = source_lang
        self.langs = tuple(langs)  # the site's, the source language first
        self.record_dir = record_dir
        self._docs_label = relative_label(docs_dir, root)  # once: resolve() costs syscalls
        # None: the project keeps no record, so nothing is shown as outdated
        self.record = Record.load(record_dir, relative_label(record_dir, root) + "/lock.json")
        self._glossary: Glossary | None = None
        self._spellings: dict[str, AvoidedSpellings] = {}
        self._outdated_terms: dict[str, frozenset[str]] = {}

    def _use(self, glossary: Glossary) -> None:
        if glossary is not self._glossary:  # a new glossary (serve rebuilt): compile again
            self._glossary = glossary
            self._spellings.clear()
            self._outdated_terms.clear()

    def spellings(self, glossary: Glossary, lang: str) -> AvoidedSpellings:
        self._use(glossary)
        if lang not in self._spellings:
            self._spellings[lang] = AvoidedSpellings(glossary, lang)
        return self._spellings[lang]

    # --- terminology ---------------------------------------------------------------------

    def page_label(self, src_uri: str) -> str:
        """docs/pods.md: the page as messages and the record name it."""
        return f"{self._docs_label}/{src_uri}"

    def lint_page(self, glossary: Glossary, src_uri: str, lang: str, source: str,
                  allow: Collection[str]) -> list[Hit]:
        return lint_page(source, self.page_label(src_uri), self.spellings(glossary, lang), allow)

    def lint_glossary(self, glossary: Glossary, lang: str) -> list[Hit]:
        return lint_glossary(glossary, self.spellings(glossary, lang))

    # --- freshness -----------------------------------------------------------------------

    def page_outdated(self, src_uri: str, lang: str) -> bool:
        """Whether a translated page's source changed since the translation was marked."""
        if self.record is None or lang == self.source_lang:
            return False
        entry = self.record.entries.get(self.page_label(src_uri))
        source = self.docs_dir / without_language_suffix(src_uri, self.langs)
        if not source.is_file():
            return False  # no source to be behind (the structure check reports it)
        return entry is None or entry.sha256 != fingerprint(read_source(source))

    def outdated_terms(self, glossary: Glossary, lang: str) -> frozenset[str]:
        self._use(glossary)
        if self.record is None or lang not in translation_langs(self.source_lang, self.langs):
            return frozenset()
        if lang not in self._outdated_terms:
            record = self.record
            self._outdated_terms[lang] = frozenset(
                t.label for t in term_translations(glossary, self.source_lang)
                if t.lang == lang and (record.entries.get(t.key) is None
                                       or record.entries[t.key].sha256
                                       != fingerprint(t.source_text)))
        return self._outdated_terms[lang]
