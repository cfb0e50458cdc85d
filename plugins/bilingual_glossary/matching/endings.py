"""The table of what may follow a Korean glossary name (korean_endings.yml), as regex pieces.

The matcher puts `korean_end()` and `action_end()` after its names, and everything else that
asks whether text names a term (the coverage report, the terminology lint) asks the matcher, so
a form added to the YAML file is understood everywhere at once.

Korean picks a particle by the sound before it (파드는 / 잡은, 노드로 / 시크릿으로), so each
group of forms carries a condition on the syllable before it. The condition is a negative
lookbehind on a character class built from the Unicode layout of Hangul syllables: a syllable's
final consonant is (code - 0xAC00) % 28, 0 for none and 8 for ㄹ. Characters that are not Hangul
syllables (a Latin name such as etcd, or a digit) satisfy every condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from bilingual_glossary.data.errors import GlossaryError, Problem

TABLE_FILE = "korean_endings.yml"
HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
CONDITIONS = ("any", "consonant", "vowel", "vowel_or_rieul", "consonant_but_rieul")
MAX_ENDINGS = 3  # 에서 + 는 + 도 at most; more would only let odd words through

_FIRST, _LAST, _BLOCK = 0xAC00, 0xD7A3, 28
_RIEUL = 8  # index of ㄹ among the final consonants


@dataclass(frozen=True)
class KoreanEndings:
    plural: tuple[str, ...]
    suffixes: tuple[str, ...]
    endings: tuple[tuple[str, tuple[str, ...]], ...]  # (condition, forms), as in the file
    action_verbs: tuple[str, ...]

    def all_forms(self) -> set[str]:
        forms = {*self.plural, *self.suffixes, *self.action_verbs}
        for _, group in self.endings:
            forms.update(group)
        return forms


class EndingsTableError(GlossaryError):
    """korean_endings.yml is malformed: one problem naming the key and the fix. A kind of
    GlossaryError, so the plugin and the CLI report it as they report glossary problems."""

    def __init__(self, label: str, field: str, message: str, fix: str) -> None:
        super().__init__([Problem(label, field, message, fix)])


_KEYS = ("plural", "suffixes", "endings", "action_verbs")


def parse_table(data: Any, label: str = TABLE_FILE) -> KoreanEndings:
    """Check the table's shape; one message naming the key and the fix if it is wrong."""
    if not isinstance(data, dict):
        raise EndingsTableError(label, "", "must map plural, suffixes, endings and "
                                "action_verbs.", "restore the file's four keys.")
    unknown = sorted(str(k) for k in data if k not in _KEYS)
    if unknown:
        raise EndingsTableError(label, ", ".join(unknown), "is not a known key.",
                                f"use {', '.join(_KEYS)}.")

    def forms(value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(
                isinstance(v, str) and v and re.fullmatch(f"[{HANGUL}]+", v) for v in value):
            raise EndingsTableError(label, where, "must be a list of Hangul forms.",
                                    "write e.g. `[은, 는]`, without spaces inside a form.")
        return tuple(value)

    groups = data.get("endings")
    if not isinstance(groups, dict):
        raise EndingsTableError(label, "endings", "must map conditions to forms.",
                                f"use the keys {', '.join(CONDITIONS)}.")
    for key in groups:
        if key not in CONDITIONS:
            raise EndingsTableError(label, f"endings.{key}", "is not a known condition.",
                                    f"use one of {', '.join(CONDITIONS)}.")
    return KoreanEndings(
        plural=forms(data.get("plural"), "plural"),
        suffixes=forms(data.get("suffixes"), "suffixes"),
        endings=tuple((str(key), forms(value, f"endings.{key}"))
                      for key, value in groups.items()),
        action_verbs=forms(data.get("action_verbs"), "action_verbs"),
    )


@cache
def korean_endings() -> KoreanEndings:
    """The packaged table, read once per process (it is data shipped with the plugin)."""
    text = resources.files(__package__).joinpath(TABLE_FILE).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise EndingsTableError(TABLE_FILE, f"line {mark.line + 1}" if mark else "",
                                f"is not valid YAML ({exc.problem or exc.context}).",
                                "fix the list there; each form is a bare Hangul word.") from None
    return parse_table(data)


# --- character classes for the conditions --------------------------------------------------

def _syllables(finals: set[int]) -> str:
    """A character class body: every syllable whose final-consonant index is in `finals`,
    written as ranges (consecutive finals of one initial+vowel block form one range)."""
    parts: list[str] = []
    for block in range(_FIRST, _LAST + 1, _BLOCK):
        run: list[int] = []
        for final in [*sorted(finals), None]:
            if final is not None and (not run or final == run[-1] + 1):
                run.append(final)
                continue
            if run:
                first, last = chr(block + run[0]), chr(block + run[-1])
                parts.append(first if first == last else f"{first}-{last}")
            run = [final] if final is not None else []
    return "".join(parts)


_CONSONANTS = set(range(1, _BLOCK))
# the syllables each condition rules out just before a form
_RULED_OUT = {
    "consonant": {0},
    "vowel": _CONSONANTS,
    "vowel_or_rieul": _CONSONANTS - {_RIEUL},
    "consonant_but_rieul": {0, _RIEUL},
}


@cache
def _condition(condition: str) -> str:
    if condition == "any":
        return ""
    return f"(?<![{_syllables(_RULED_OUT[condition])}])"


def _alternation(forms: tuple[str, ...] | list[str]) -> str:
    """The forms as a character trie (이(?:다|지만|며)?...): the engine follows one path
    instead of trying each form in turn, as the matcher does with names. Longer forms come
    first, though what matches never depends on the order: a lookahead checks the end."""
    root: dict[str, dict] = {}
    for form in set(forms):
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(root)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_regex(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def _group(condition: str, forms: tuple[str, ...]) -> str:
    # the cheap test first: does the next character start any form of this group?
    firsts = "".join(sorted({re.escape(f[0]) for f in forms}))
    return f"(?=[{firsts}]){_condition(condition)}{_alternation(forms)}"


@cache
def _tail(table: KoreanEndings) -> str:
    """plural? suffix? (ending){0,3}: everything that may sit between a name and a non-Hangul."""
    groups = [_group(key, forms) for key, forms in table.endings if forms]
    tail = ""
    if table.plural:
        tail += f"(?:{_alternation(table.plural)})?"
    if table.suffixes:
        tail += f"(?:{_alternation(table.suffixes)})?"
    if groups:
        tail += f"(?:{'|'.join(groups)}){{0,{MAX_ENDINGS}}}"
    return tail


def korean_end(table: KoreanEndings | None = None) -> str:
    """Lookahead after a Korean name: endings from the table, then no more Hangul."""
    # most often the name is followed by a space or punctuation: settle that first
    return f"(?:(?![{HANGUL}])|(?={_tail(table or korean_endings())}(?![{HANGUL}])))"


def action_end(table: KoreanEndings | None = None) -> str:
    """Lookahead after the name of an action term: a 하다/되다/시키다 verb starts here."""
    verbs = (table or korean_endings()).action_verbs
    return f"(?={_alternation(verbs)})" if verbs else "(?!)"
