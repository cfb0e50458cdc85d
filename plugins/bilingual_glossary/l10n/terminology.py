"""Terminology lint: spellings the glossary marks to avoid (`avoid:`), written in prose.

A hit reads `docs/pods.md:42: 포드 -> 파드`: the file, the line, the spelling as written and
the preferred name. Code (fenced and inline), Jinja, HTML tags, link targets, front matter
other than the title and description, blockquotes and text in quotation marks are exempt,
and a page may allow spellings with front matter `glossary_allow: [포드]`.

Spellings are compared literally, ignoring case only: `avoid` may hold a spacing variant of
the term (로드밸런싱 beside 로드 밸런싱), so the preferred spacing must never match. As for
tooltips, a case_sensitive term's spellings count only as written, and its not_after and
not_before words rule a mention out (마이크로 서비스).
Boundaries follow the tooltip matcher: a Korean spelling must not follow Hangul and may take
the endings of its table (포드는, 포드들이) but not run on into another word (포드캐스트); a
Latin one must be a whole word (its English plural counts too).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import yaml

from bilingual_glossary.data.model import Glossary, Term
from bilingual_glossary.data.names import words_key
from bilingual_glossary.l10n.markdown import Line, front_matter_text, prose_text, scan
from bilingual_glossary.matching.endings import HANGUL, korean_end
from bilingual_glossary.matching.exclusions import MentionRules
from bilingual_glossary.matching.matcher import english_plurals

ALLOW_KEY = "glossary_allow"
PROSE_META = ("title", "description")  # front matter keys a reader sees
_HANGUL_CHAR = re.compile(f"[{HANGUL}]")
_META_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:(.*)$")


@dataclass(frozen=True)
class Hit:
    where: str  # docs/pods.md:42 or glossary/pod.yml: ko.long
    found: str  # the spelling as written
    preferred: str
    term: Term = field(repr=False)
    allowable: bool = True  # a page can allow it; a glossary text cannot

    def __str__(self) -> str:
        allow = (f", or allow it on this page with front matter {ALLOW_KEY}: [{self.found}]"
                 if self.allowable else "")
        return (f"{self.where}: {self.found} -> {self.preferred} ({self.term.source} lists "
                f"'{self.found}' under avoid. Fix: write {self.preferred}, put the spelling "
                f"in quotation marks if the text is about it{allow}.)")


class AvoidedSpellings:
    """Every `avoid` spelling of one language, compiled into one regex."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang = lang
        self._owners: dict[str, Term] = {}  # casefolded spelling (or plural) -> term
        self._rules: dict[str, MentionRules] = {}  # term id -> its not_after/not_before
        # spellings grouped by their boundaries (and case rule), so each boundary, above all
        # the long Korean endings lookahead, is written once: one lookahead per spelling made
        # a 240 kB regex that took 2 s to compile
        groups: dict[tuple[str, str, bool], list[str]] = {}
        for term in glossary:
            text = term.text[lang]
            if text.avoid and (text.not_after or text.not_before):
                self._rules[term.id] = MentionRules(
                    not_after=tuple(words_key(w) for w in text.not_after),
                    not_before=tuple(words_key(w) for w in text.not_before))
            for spelling in text.avoid:
                forms = [spelling] + (english_plurals(spelling) if lang != "ko" else [])
                for form in forms:
                    key = _key(form)
                    if key and key not in self._owners:
                        self._owners[key] = term
                        before, body, after = _pattern(form)
                        # a case_sensitive term: only the spelling as written, as in tooltips
                        groups.setdefault((before, after, text.case_sensitive), []).append(body)
        patterns = []
        for (before, after, exact), bodies in groups.items():
            bodies.sort(key=len, reverse=True)  # the longest spelling wins
            # a lookahead on the first letters first: one class test rejects most positions,
            # where the alternation would try every spelling there
            firsts = sorted({c for body in bodies for c in _first_letters(body)})
            start = f"(?=[{''.join(re.escape(c) for c in firsts)}])"
            pattern = f"{start}{before}(?:{'|'.join(bodies)}){after}"
            patterns.append(f"(?-i:{pattern})" if exact else pattern)
        self._regex = re.compile("|".join(patterns), re.I) if patterns else None

    def __bool__(self) -> bool:
        return self._regex is not None

    def anywhere(self, text: str) -> bool:
        """Whether `text` holds a spelling at all (code and quotations included): a clean page,
        the usual case, costs one search, and so does each line of a page that is not."""
        return self._regex is not None and self._regex.search(text) is not None

    def find(self, text: str, allow: Iterable[str] = ()) -> Iterator[tuple[str, Term]]:
        """(spelling as written, its term) for each avoided spelling in `text`."""
        if self._regex is None:
            return
        allowed = {_key(a) for a in allow}
        for match in self._regex.finditer(text):
            key = _key(match.group(0))
            if key in allowed:
                continue
            term = self._owners.get(key)
            rules = self._rules.get(term.id) if term is not None else None
            if rules is not None and not rules.accepts(text, match.start(), match.end(),
                                                       html=False):
                continue  # not this term here (마이크로 서비스): the matcher skips it too
            if term is not None:
                yield " ".join(match.group(0).split()), term


def _first_letters(body: str) -> set[str]:
    """The first letter of an escaped spelling, in both cases (the regex ignores case)."""
    first = body[1] if body.startswith("\\") else body[0]
    return {first, first.upper(), first.lower()}


def _key(spelling: str) -> str:
    """Case folded, runs of spaces as one: the spacing itself is kept."""
    return " ".join(spelling.split()).casefold()


def _pattern(spelling: str) -> tuple[str, str, str]:
    """(what may come before, the spelling, what may come after) as regex pieces."""
    words = " ".join(spelling.split()).split(" ")
    body = r"[ \t]+".join(re.escape(w) for w in words)
    if _HANGUL_CHAR.match(spelling[0]):
        before = f"(?<![{HANGUL}])"
    else:
        before = r"(?<![A-Za-z0-9_])(?<![A-Za-z0-9][-.])"
    if _HANGUL_CHAR.match(spelling[-1]):
        after = korean_end()  # the matcher's own endings table
    else:
        after = r"(?![A-Za-z0-9_])(?![-.][A-Za-z0-9])"
    return before, body, after


def allowed_spellings(value: object) -> tuple[str, ...]:
    """A page's `glossary_allow` front matter; ValueError with the fix if it is malformed."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"front matter '{ALLOW_KEY}' must be a list of spellings. Fix: write "
                         f"{ALLOW_KEY}: [포드], or remove it.")
    return tuple(v.strip() for v in value)


def lint_page(source: str, label: str, avoided: AvoidedSpellings,
              allow: Iterable[str] = ()) -> list[Hit]:
    """Hits in a page's Markdown source; `label` is the file as messages name it."""
    if not avoided.anywhere(source):
        return []
    allow = tuple(allow)
    hits: list[Hit] = []
    lines = scan(source)
    for line, text in _prose_lines(lines, avoided.anywhere):
        for found, term in avoided.find(text, allow):
            hits.append(Hit(f"{label}:{line.number}", found, term.name(avoided.lang), term))
    return hits


def page_allow(source: str) -> tuple[str, ...]:
    """`glossary_allow` from a page's front matter (for the CLI; the build reads page.meta)."""
    body = front_matter_text(scan(source))
    if not body.strip():
        return ()
    try:
        meta = yaml.safe_load(body)
    except yaml.YAMLError:
        return ()  # mkdocs reports broken front matter itself
    return allowed_spellings(meta.get(ALLOW_KEY)) if isinstance(meta, dict) else ()


def _prose_lines(lines: list[Line], candidate: Callable[[str], bool]
                 ) -> Iterator[tuple[Line, str]]:
    """Prose lines outside quotations, and the title and description in the front matter;
    only lines that are `candidate`s get masked (most lines of a page hold no spelling)."""
    key = None
    for line in lines:
        if line.kind == "front_matter":
            match = _META_KEY.match(line.text)
            if match:
                key = match.group(1)
                value = match.group(2)
                start = len(line.text) - len(value)
            elif line.text[:1] in (" ", "\t"):
                value, start = line.text, 0  # a folded or indented value goes on
            else:
                key = None
                continue
            if key in PROSE_META:
                # YAML quoting is not a quotation: drop the quote characters
                value = value.replace('"', " ").replace("'", " ")
                yield line, " " * start + value
            continue
        if line.kind == "prose" and candidate(line.text):
            text = prose_text(line)
            if text.strip():
                yield line, text


def lint_glossary(glossary: Glossary, avoided: AvoidedSpellings) -> list[Hit]:
    """Hits in the glossary's own short and long texts of the spellings' language."""
    if not avoided:
        return []
    hits: list[Hit] = []
    lang = avoided.lang
    for term in glossary:
        text = term.text[lang]
        for key, value in (("short", text.short), ("long", text.long)):
            for line in scan(value):
                for found, owner in avoided.find(prose_text(line)):
                    hits.append(Hit(f"{term.source}: {lang}.{key}", found,
                                    owner.name(lang), owner, allowable=False))
    return hits
