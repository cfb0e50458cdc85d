"""State of one site build: the glossary, each language's annotator and who uses which term.

Plain Python, owned by the plugin instance (mkdocs serve makes a new one per rebuild).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bilingual_glossary.data.loader import load_glossary
from bilingual_glossary.data.model import LANGS, Glossary
from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.placeholders import Placeholders
from bilingual_glossary.templating import Templates
from bilingual_glossary.ui import DEFAULTS, UiText


@dataclass(frozen=True)
class PageRef:
    title: str
    url: str  # site-relative, e.g. "pods/" or "en/pods/"
    order: int = 0  # position in the navigation; pages outside it come last


@dataclass
class BuildSession:
    glossary: Glossary
    annotators: dict[str, Annotator]  # one compiled annotator per language
    # lang -> term id -> pages that use the term
    usage: dict[str, dict[str, list[PageRef]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    # errors raised inside macros, reported by the plugin without a traceback
    macro_errors: list[str] = field(default_factory=list)
    # the macros' and the glossary directive's HTML, until Markdown has rendered the page
    placeholders: Placeholders = field(default_factory=Placeholders)
    _recorded: set[tuple[str, str, str]] = field(default_factory=set)
    # the interface words (ui.ui_table) and the entry and tooltip templates of this build
    ui: UiText = field(default_factory=lambda: DEFAULTS)
    templates: Templates | None = None

    def record_usage(self, lang: str, page: PageRef, term_ids: set[str] | frozenset[str]) -> None:
        for term_id in sorted(term_ids):
            key = (lang, term_id, page.url)
            if key not in self._recorded:  # a set: a list scan per term grows with the site
                self._recorded.add(key)
                self.usage[lang][term_id].append(page)

    def annotator(self, lang: str) -> Annotator:
        return self.annotators[lang]

    def has_text(self, lang: str) -> bool:
        """Whether the glossary has text in `lang` (a page in another language is left alone)."""
        return lang in self.annotators


class GlossaryCache:
    """mkdocs-static-i18n runs on_config once per language: reuse an unchanged glossary."""

    def __init__(self) -> None:
        self._signature: tuple | None = None
        self._glossary: Glossary | None = None
        self._annotators: dict[str, Annotator] = {}

    def session(self, glossary_dir: Path, langs: tuple[str, ...] = LANGS) -> BuildSession:
        """A new build's state. The glossary and its compiled annotators (about 20 ms) are
        reused while the folder is unchanged; raises GlossaryError on any problem in either."""
        glossary = self.load(glossary_dir, langs)
        if not self._annotators or next(iter(self._annotators.values())).glossary is not glossary:
            self._annotators = {lang: Annotator(glossary, lang) for lang in glossary.langs}
        return BuildSession(glossary, dict(self._annotators))

    def load(self, glossary_dir: Path, langs: tuple[str, ...] = LANGS) -> Glossary:
        """The glossary in `glossary_dir` with text in `langs`; raises GlossaryError on any
        problem."""
        signature = (langs, _folder_signature(glossary_dir))
        if signature[1] is None or signature != self._signature or self._glossary is None:
            self._glossary = load_glossary(glossary_dir, langs)
            self._signature = signature
        return self._glossary


def _folder_signature(glossary_dir: Path) -> tuple | None:
    if not glossary_dir.is_dir():
        return None
    return (str(glossary_dir), *((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                                 for p in sorted(glossary_dir.iterdir())))
