"""Data types of a loaded, validated glossary, and the relations between terms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bilingual_glossary.data.sense import Sense

# The languages a glossary has when no site says otherwise (`check` without mkdocs.yml): a
# site's own languages come from its configuration (site_config.py, languages.py).
LANGS: tuple[str, ...] = ("ko", "en")


@dataclass(frozen=True)
class TermText:
    """One term in one language."""

    term: str
    aliases: tuple[str, ...]
    short: str
    long: str = ""
    avoid: tuple[str, ...] = ()  # spellings to avoid in pages; still matched for tooltips
    docs: str | None = None  # the official documentation page in this language
    # --- which mentions count (matching/exclusions.py) ---
    not_after: tuple[str, ...] = ()  # words right before a name that make it not this term
    not_before: tuple[str, ...] = ()  # words right after a name that make it not this term
    case_sensitive: bool = False  # only the names as written, not the lower-case everyday word
    sense: Sense | None = None  # an ambiguous name: how the object is told apart (data/sense.py)

    @property
    def names(self) -> tuple[str, ...]:
        """The names a reader may write: the term and its aliases."""
        return (self.term, *self.aliases)

    @property
    def matched_names(self) -> tuple[str, ...]:
        """Every spelling the matcher links, the ones to avoid included."""
        return (self.term, *self.aliases, *self.avoid)


@dataclass(frozen=True)
class Term:
    id: str
    text: Mapping[str, TermText]
    part_of: str | None = None
    kind_of: str | None = None
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    standalone: str | None = None
    inherit_parts: bool = True
    source: str = ""
    action: bool = False  # names an action: Korean 하다/되다 verbs count (롤백한다, 롤아웃된)

    def name(self, lang: str) -> str:
        return self.text[lang].term

    def docs(self, lang: str) -> str | None:
        return self.text[lang].docs


@dataclass(frozen=True)
class Glossary:
    """Terms keyed by id (sorted), plus the tag names in each language."""

    terms: Mapping[str, Term]
    tags: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # the languages every term has text in, the site's default language first
    langs: tuple[str, ...] = LANGS
    # files marked `draft: true`: left out of the glossary, one warning line each (loader.py)
    drafts: tuple[str, ...] = ()

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.terms

    def __getitem__(self, term_id: str) -> Term:
        return self.terms[term_id]

    def __iter__(self):
        return iter(self.terms.values())

    def __len__(self) -> int:
        return len(self.terms)

    def parts(self, term_id: str) -> list[Term]:
        """Terms whose part_of is term_id (direct parts only)."""
        return [t for t in self if t.part_of == term_id]

    def kinds(self, term_id: str) -> list[Term]:
        """Terms whose kind_of is term_id."""
        return [t for t in self if t.kind_of == term_id]

    def effective_parts(self, term_id: str) -> list[Term]:
        """Own parts, then those inherited from the base kind unless inherit_parts is false."""
        own = self.parts(term_id)
        term = self.terms[term_id]
        if term.kind_of and term.inherit_parts:
            seen = {t.id for t in own}
            own += [t for t in self.effective_parts(term.kind_of) if t.id not in seen]
        return own
