"""Find glossary names in text with one compiled regex per language.

The names (terms, aliases and, in English, their plurals) go into a character trie that is
written out as a single regex, so the engine follows one path from a word's start instead of
trying every name: a page costs one pass whatever the size of the glossary. Greedy optional
branches make the longest name win (마스터 노드 before 노드); if a longer name fails its
boundary check, backtracking falls back to the shorter one.

Boundaries:
- A name that starts with Hangul must not follow Hangul; one that starts with a Latin letter
  or digit must not follow a word character, nor a word joined to it by '-' or '.'.
- Korean: after the name come zero to three particles (파드는, 노드들이, 에서는), then
  anything but Hangul. So 클러스터링 and 컨테이너선 are not matches.
- English: the name (or its plural) must not be followed by a word character, nor by
  '-' or '.' and a word character (kube-proxy-config is one word).
Letters match in either case; a space inside a name matches any run of whitespace, or none
(rendered HTML may break a line anywhere).

Speed (see bench/annotation.py): the regex runs on lower-cased text, so every step of the
trie is a plain character, which the engine tests fastest. It consumes the character before
a name: starting with a character class lets the engine skip, in a C loop, every position
inside a word; a lookahead on the names' first characters then rejects most word starts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from bilingual_glossary.data.model import Glossary
from bilingual_glossary.data.names import name_key

HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
WORD = "a-z0-9_"  # Latin word characters, after lower-casing
# What an English name may follow: spaces and punctuation (ASCII, Latin-1, general, CJK and
# fullwidth), arrows, math and box drawing. Written as ranges rather than [^\w]: the regex
# engine tests ranges against every character of a page far faster than a Unicode category.
NON_WORD = ("\x00-/:-@\\[-^`{-\xa9\xab-\xb4\xb6-\xb9\xbb-\xbf\xd7\xf7"
            "\u2000-\u206f\u2190-\u23ff\u2500-\u27bf\u2e00-\u2e7f\u3000-\u303f"
            "\uff01-\uff0f")

# The particles of the issue, then a few more postpositions that are common in technical
# prose (파드처럼, 노드까지, 파드입니다). None of them turns 클러스터링, 컨테이너선 or
# 시크릿가든 into a match.
PARTICLES: tuple[str, ...] = (
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "으로", "로", "와", "과",
    "도", "만", "이란", "란", "이나", "나", "들",
    "처럼", "까지", "부터", "보다", "마다", "로서", "으로서", "로써", "으로써", "라는", "이라는",
    "라고", "이라고", "이다", "입니다", "인", "이며", "이고", "한테", "조차", "뿐",
)
MAX_PARTICLES = 3  # 들 + 에서 + 는

# A trie edge for the space inside a name: any run of whitespace, or none, so 워커 노드 also
# finds 워커노드 (Korean spacing varies) and API server finds apiserver.
_SPACE = " "
# how a character of a name may be written in HTML text (html.escape, &nbsp; ...)
_HTML_FORMS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': '(?:"|&quot;|&#34;)',
               "'": "(?:'|&#39;|&#x27;|&apos;)"}
_HTML_SPACE = r"(?:\s|&nbsp;|&#160;|&#xa0;)*"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term_id: str


def english_plurals(name: str) -> list[str]:
    """Regular plural of the last word: pods, ReplicaSets, worker nodes, ingresses, policies."""
    last = name.rsplit(" ", 1)[-1]
    if not last.isascii() or not last[-1:].isalpha():
        return []
    lower = last.lower()
    if re.search(r"[^aeiou]y$", lower):
        return [name[:-1] + ("IES" if last.isupper() else "ies")]
    suffix = "es" if re.search(r"(?:s|x|z|ch|sh)$", lower) else "s"
    return [name + suffix]


class Matcher:
    """All names of one language, compiled once; `find` scans a text in one pass."""

    def __init__(self, names: Mapping[str, str], lang: str) -> None:
        """`names` maps each name (term, alias or generated plural) to its term id."""
        self.lang = lang
        self._ids: dict[str, str] = {}
        for name, term_id in names.items():
            key = name_key(name)
            if key:
                # the first owner wins; the loader already rejects names shared by two terms
                self._ids.setdefault(key, term_id)
        self.seen: dict[str, str | None] = {}  # matched text -> id, skips name_key()
        korean = lang == "ko"
        trie = _trie(names)
        # the character a name must follow; the regex consumes it
        self.before = f"[^{HANGUL}]" if korean else f"[{NON_WORD}]"
        # group "name", for text and for raw HTML text (where & is &amp; and so on)
        self.text_names = _names_pattern(trie, korean, html_text=False)
        self.html_names = _names_pattern(trie, korean, html_text=True)
        self._regex: re.Pattern[str] | None = None  # compiled on first use
        self._regex_any_case: re.Pattern[str] | None = None

    @classmethod
    def for_glossary(cls, glossary: Glossary, lang: str) -> Matcher:
        names: dict[str, str] = {}
        for term in glossary:  # sorted by id, so the result is deterministic
            for name in term.text[lang].matched_names:
                names.setdefault(name, term.id)
                if lang != "ko":
                    for plural in english_plurals(name):
                        names.setdefault(plural, term.id)
        return cls(names, lang)

    def lookup(self, found: str) -> str | None:
        """Term id of a matched name as written in the text or in HTML (&nbsp; ...)."""
        try:
            return self.seen[found]
        except KeyError:
            term_id = self._ids.get(name_key(html.unescape(found) if "&" in found else found))
            if len(self.seen) < 10_000:
                self.seen[found] = term_id
            return term_id

    def find(self, text: str) -> Iterator[Match]:
        """Non-overlapping matches, left to right, longest name first."""
        for start, end, term_id in self.spans(text):
            yield Match(start, end, term_id)

    def spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Like find, as plain tuples."""
        padded = " " + text  # the regex consumes the character before a name: give one
        lowered = padded.lower()
        regex = self.regex
        if len(lowered) != len(padded):  # a rare letter whose lower case is longer
            lowered, regex = padded, self.regex_any_case()
        for m in regex.finditer(lowered):
            term_id = self.lookup(m.group("name"))
            if term_id is not None:
                yield m.start("name") - 1, m.end("name") - 1, term_id

    @property
    def regex(self) -> re.Pattern[str]:
        """For plain text; pages go through html_scan's scanner instead."""
        if self._regex is None:
            self._regex = re.compile(self.before + self.text_names)
        return self._regex

    def regex_any_case(self) -> re.Pattern[str]:
        if self._regex_any_case is None:
            self._regex_any_case = re.compile(self.regex.pattern, re.IGNORECASE)
        return self._regex_any_case

    def term_ids(self, text: str) -> set[str]:
        return {term_id for _, _, term_id in self.spans(text)}


# --- building the regex -------------------------------------------------------------------

_Trie = dict[str, "_Trie"]
_END = ""  # key that marks the end of a name in the trie


def _trie(names: Iterable[str]) -> _Trie:
    root: _Trie = {}
    for name in names:
        tokens = _tokens(name)
        if not tokens:
            continue
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[_END] = {}
    return root


def _tokens(name: str) -> list[str]:
    tokens: list[str] = []
    for char in name.strip().lower():
        if char.isspace():
            if tokens and tokens[-1] != _SPACE:
                tokens.append(_SPACE)
        else:
            tokens.append(char)
    return tokens


def _names_pattern(root: _Trie, korean: bool, html_text: bool) -> str:
    if not root:
        return "(?!)"  # an empty glossary matches nothing
    hangul = {t: child for t, child in root.items() if _is_hangul(t)}
    other = {t: child for t, child in root.items() if not _is_hangul(t)}
    firsts = "".join(_class_char(t, html_text) for t in sorted(root))
    names = []
    if hangul:
        names.append(_alternatives(hangul, html_text))
    if other:
        # in English the consumed character before the name is never a word character
        not_after_word = "(?<![\\w])" if korean else ""
        names.append(f"{not_after_word}(?<![{WORD}][-.]){_alternatives(other, html_text)}")
    end = _korean_end() if korean else _english_end()
    return f"(?=[{firsts}])(?P<name>{'|'.join(names)}){end}"


def _korean_end() -> str:
    particles = "|".join(sorted(PARTICLES, key=len, reverse=True))
    latin_end_ok = f"(?<=[{HANGUL}])|(?![{WORD}])(?![-.][{WORD}])"
    return f"(?:{latin_end_ok})(?=(?:{particles}){{0,{MAX_PARTICLES}}}(?![{HANGUL}]))"


def _english_end() -> str:
    return f"(?![\\w])(?![-.][{WORD}])"


def _is_hangul(char: str) -> bool:
    return re.match(f"[{HANGUL}]", char) is not None


def _class_char(token: str, html_text: bool) -> str:
    """The first character of a name as it appears in text or HTML, inside [...]."""
    if token == _SPACE:
        return r"\s"
    if html_text and token in _HTML_FORMS:
        return "&" + re.escape(token)
    return re.escape(token)


def _alternatives(node: _Trie, html_text: bool) -> str:
    """Regex for the names below `node`; the longer continuations are tried first."""
    branches = [_token(token, html_text) + _alternatives(child, html_text)
                for token, child in sorted(node.items()) if token != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if _END in node:
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body


def _token(token: str, html_text: bool) -> str:
    if token == _SPACE:
        return _HTML_SPACE if html_text else r"\s*"
    if html_text and token in _HTML_FORMS:
        return _HTML_FORMS[token]
    return re.escape(token)
