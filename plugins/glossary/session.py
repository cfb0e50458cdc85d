"""State of one site build, shared by the macros and hooks adapters.

Plain Python: the adapters turn MkDocs objects into paths, languages and URLs before calling in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from glossary.loader import load_glossary
from glossary.model import Glossary


@dataclass(frozen=True)
class PageRef:
    title: str
    url: str  # site-relative, e.g. "pods/" or "en/pods/"


@dataclass
class BuildSession:
    """Loaded once per build (mkdocs serve makes a new one per rebuild)."""

    glossary: Glossary
    glossary_dir: Path
    tooltips_enabled: bool = True
    # lang -> term id -> pages that use the term
    usage: dict[str, dict[str, list[PageRef]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    # errors raised inside macros, reported by the hooks adapter without a traceback
    macro_errors: list[str] = field(default_factory=list)
    _annotators: dict[str, object] = field(default_factory=dict)
    _recorded: set[tuple[str, str, str]] = field(default_factory=set)

    def record_usage(self, lang: str, page: PageRef, term_ids: set[str] | frozenset[str]) -> None:
        for term_id in sorted(term_ids):
            key = (lang, term_id, page.url)
            if key not in self._recorded:  # a set: a list scan per term grows with the site
                self._recorded.add(key)
                self.usage[lang][term_id].append(page)

    def annotator(self, lang: str):
        """One compiled annotator per language per build."""
        from glossary.annotate import Annotator

        if lang not in self._annotators:
            self._annotators[lang] = Annotator(self.glossary, lang)
        return self._annotators[lang]


_current: BuildSession | None = None


_loaded: tuple[tuple, Glossary] | None = None


def _folder_signature(glossary_dir: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                 for p in sorted(Path(glossary_dir).iterdir()))


def _load_once(glossary_dir: Path) -> Glossary:
    """mkdocs-static-i18n runs on_config once per language: reuse an unchanged glossary."""
    global _loaded
    signature = (str(glossary_dir), _folder_signature(glossary_dir)) \
        if Path(glossary_dir).is_dir() else None
    if signature is None or _loaded is None or _loaded[0] != signature:
        glossary = load_glossary(glossary_dir)
        _loaded = (signature, glossary) if signature is not None else None
        return glossary
    return _loaded[1]


def start_session(glossary_dir: Path, tooltips_enabled: bool = True) -> BuildSession:
    """A new build's state; raises GlossaryError on any problem in the glossary."""
    global _current
    _current = BuildSession(_load_once(glossary_dir), Path(glossary_dir), tooltips_enabled)
    return _current


def current_session(glossary_dir: Path) -> BuildSession:
    """The running build's session; starts one if the macros plugin asks first."""
    if _current is None or _current.glossary_dir != Path(glossary_dir):
        return start_session(glossary_dir)
    return _current
