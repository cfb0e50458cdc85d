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

from bilingual_glossary.data.model import Glossary, Term
from bilingual_glossary.data.names import words_key
from bilingual_glossary.data.safe_yaml import YamlProblem, load_yaml
from bilingual_glossary.l10n.markdown import Line, front_matter_text, prose_text, scan
from bilingual_glossary.matching.endings import HANGUL, korean_end
from bilingual_glossary.matching.exclusions import MentionRules
from bilingual_glossary.matching.matcher import english_plurals
from bilingual_glossary.page_source import FRONT_MATTER_DEPTH

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
        # Spellings grouped by their boundaries, so each boundary (above all the long Korean
        # endings lookahead) is written once: one lookahead per spelling made a 240 kB regex
        # that took 2 s to compile. The regex starts by consuming a class of first letters and
        # has no re.I (letter case is spelled out as [pP] classes), so `re` skips to candidate
        # letters in C instead of trying every spelling at every position (1 ms a page).
        groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
        firsts: set[str] = set()
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
                        # a case_sensitive term: only the spelling as written, as in tooltips
                        exact = text.case_sensitive
                        written = " ".join(form.split())
                        head = written[0]
                        firsts.update({head} if exact else {head.lower(), head.upper()})
                        groups.setdefault(_boundaries(written), []).extend(
                            (written, rest) for rest in _after_first_letter(written, exact))
        alternatives = []
        for (before, after), spellings in groups.items():
            spellings.sort(key=lambda item: len(item[0]), reverse=True)  # the longest wins
            alternatives.append(f"{before}(?:{'|'.join(rest for _, rest in spellings)}){after}")
        first_letters = "".join(re.escape(c) for c in sorted(firsts))
        self._regex = (re.compile(f"[{first_letters}](?:{'|'.join(alternatives)})")
                       if alternatives else None)

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


def _key(spelling: str) -> str:
    """Case folded, runs of spaces as one: the spacing itself is kept."""
    return " ".join(spelling.split()).casefold()


def _letters(text: str, exact: bool) -> str:
    """`text` as a regex: a space as any run of spaces or tabs, each letter in either case
    unless `exact` ([pP], so the regex needs no re.I)."""
    out: list[str] = []
    for char in text:
        lower, upper = char.lower(), char.upper()
        if char == " ":
            out.append(r"[ \t]+")
        elif not exact and lower != upper and len(lower) == len(upper) == 1:
            out.append(f"[{re.escape(lower)}{re.escape(upper)}]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _after_first_letter(spelling: str, exact: bool) -> list[str]:
    """The spelling after its first letter (which the regex has consumed), checking that
    letter with a lookbehind placed after the second one: an alternative that starts with a
    plain letter is skipped at once by `re` when that letter does not match (a [uU] class is
    not, so a cased second letter makes two alternatives)."""
    head, rest = _letters(spelling[0], exact), spelling[1:]
    if not rest or rest[0] == " ":  # a variable-width run of spaces: check the head first
        return [f"(?<={head}){_letters(rest, exact)}"]
    second = rest[0]
    cases = [second] if exact else sorted({second.lower(), second.upper()})
    if any(len(c) != 1 for c in cases):
        cases = [second]
    return [f"{re.escape(c)}(?<={head}.){_letters(rest[1:], exact)}" for c in cases]


def _boundaries(spelling: str) -> tuple[str, str]:
    """What may come before and after a spelling, as regex pieces. The regex has consumed the
    spelling's first letter when `before` is tested, hence the extra `.` in the lookbehinds."""
    if _HANGUL_CHAR.match(spelling[0]):
        before = f"(?<![{HANGUL}].)"
    else:
        before = r"(?<![A-Za-z0-9_].)(?<![A-Za-z0-9][-.].)"
    if _HANGUL_CHAR.match(spelling[-1]):
        after = korean_end()  # the matcher's own endings table
    else:
        after = r"(?![A-Za-z0-9_])(?![-.][A-Za-z0-9])"
    return before, after


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
        meta = load_yaml(body, max_depth=FRONT_MATTER_DEPTH)
    except YamlProblem:
        return ()  # the build reports it (page_source.py)
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
