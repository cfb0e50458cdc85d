"""Find glossary names in text with one compiled regex per language.

The names (terms, aliases and, in English, their plurals) go into a character trie that is
written out as a single regex, so the engine follows one path from a word's start instead of
trying every name: a page costs one pass whatever the size of the glossary. Greedy optional
branches make the longest name win (마스터 노드 before 노드); if a longer name fails its
boundary check, backtracking falls back to the shorter one.

Boundaries:
- A name that starts with Hangul must not follow Hangul; one that starts with a Latin letter
  or digit must not follow a word character, nor a word joined to it by '-' or '.'.
- Korean: after the name come the endings of the one table, korean_endings.yml (plural,
  suffix, particles and copula forms: 파드들에서는, 노드별로, 런타임이지만), then anything but
  Hangul. So 클러스터링 and 컨테이너선 are not matches. A term marked `action: true` may also
  be followed by a 하다/되다 verb (롤백한다, 롤아웃된); those names form a second, small trie.
- English: the name (or its plural) must not be followed by a word character, nor by
  '-' or '.' and a word character (kube-proxy-config is one word).
Letters match in either case; a space or a hyphen inside a name, or a CamelCase hump, matches
any run of whitespace or hyphens, or none (rendered HTML may break a line anywhere; 로드-밸런싱,
load-balancing and apiserver are common spellings).

Bounded work for any glossary: a gap is a run of whitespace or hyphens taken whole (a
possessive quantifier), and what follows a gap is always a character that cannot be in one,
as a hyphen in a name is a gap too. So no two parts of the regex share a run of characters,
and a page costs time in proportion to its length times the longest name, whatever the names
are (`a - - - b` once made the engine try every way to split 40 hyphens). On raw HTML a name
never starts inside a character reference (`amp` in &amp;, `34` in &#34;).

What the glossary says about single terms (`not_after`, `not_before`, `case_sensitive`) is
checked in Python on each match of such a term (exclusions.py): few terms have rules, and a
regex cannot look back over a variable run of spaces.

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
from bilingual_glossary.matching.endings import HANGUL, action_end, korean_end
from bilingual_glossary.matching.exclusions import MentionRules, rules_for_glossary

WORD = "a-z0-9_"  # Latin word characters, after lower-casing
# What an English name may follow: spaces and punctuation (ASCII, Latin-1, general, CJK and
# fullwidth), arrows, math and box drawing. Written as ranges rather than [^\w]: the regex
# engine tests ranges against every character of a page far faster than a Unicode category.
_NON_WORD_ABOVE_SLASH = (":-@\\[-^`{-\xa9\xab-\xb4\xb6-\xb9\xbb-\xbf\xd7\xf7"
                         "\u2000-\u206f\u2190-\u23ff\u2500-\u27bf\u2e00-\u2e7f"
                         "\u3000-\u303f\uff01-\uff0f")
NON_WORD = "\x00-/" + _NON_WORD_ABOVE_SLASH
_NON_WORD_HTML = "\x00-%'-/" + _NON_WORD_ABOVE_SLASH  # the same without '&' (0x26)

# A gap inside a name (a mark on a trie node): any run of whitespace or hyphens, or none, so
# 워커 노드 also finds 워커노드 (Korean spacing varies), 로드 밸런싱 finds 로드-밸런싱, and
# API server finds apiserver. A CamelCase hump gets one too (ServiceAccount, service account).
_SPACE = " "
_HANGUL_RUN = re.compile(f"[{HANGUL}]+")
_TEXT_SPACE = r"[\s\-]*+"
# how a character of a name may be written in HTML text (html.escape, &nbsp; ...)
_HTML_FORMS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': '(?:"|&quot;|&#34;)',
               "'": "(?:'|&#39;|&#x27;|&apos;)"}
_HTML_SPACE = r"(?:\s|&nbsp;|&#160;|&#xa0;|-)*+"
# on raw HTML, a name must not start inside a character reference (&amp; &#34;)
# (the character before it is never '&': html_before leaves it out, which costs the engine
# less than a look back at every word)
_NOT_IN_REFERENCE = "(?<!&#)"


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

    def __init__(self, names: Mapping[str, str], lang: str, actions: Iterable[str] = (),
                 rules: Mapping[str, MentionRules] | None = None) -> None:
        """`names` maps each name (term, alias or generated plural) to its term id.

        `actions` are the names that a 하다/되다 verb may follow (Korean only); `rules` maps a
        term id to what its glossary file says about mentions (exclusions, letter case).
        """
        self.lang = lang
        self.rules: dict[str, MentionRules] = dict(rules or {})
        self.has_sense = any(r.shown_by for r in self.rules.values())
        self._ids: dict[str, str] = {}
        for name, term_id in names.items():
            key = name_key(name)  # 로드-밸런싱 and 로드밸런싱 are 로드 밸런싱
            if key:
                # the first owner wins; the loader already rejects names shared by two terms
                self._ids.setdefault(key, term_id)
        self.seen: dict[str, str | None] = {}  # matched text -> id, skips name_key()
        korean = lang == "ko"
        trie = _trie(names)
        action_trie = _trie(actions) if korean else {}
        # the character a name must follow; the regex consumes it
        self.before = f"[^{HANGUL}]" if korean else f"[{NON_WORD}]"
        # the same on raw HTML, but never '&': a name does not start inside &amp;
        self.html_before = f"[^{HANGUL}&]" if korean else f"[{_NON_WORD_HTML}]"
        # group "name", for text and for raw HTML text (where & is &amp; and so on)
        self.text_names = _names_pattern(trie, action_trie, korean, html_text=False)
        self.html_names = _names_pattern(trie, action_trie, korean, html_text=True)
        self._regex: re.Pattern[str] | None = None  # compiled on first use
        self._regex_any_case: re.Pattern[str] | None = None

    @classmethod
    def for_glossary(cls, glossary: Glossary, lang: str) -> Matcher:
        names: dict[str, str] = {}
        for term in glossary:  # sorted by id, so the result is deterministic
            for name in term.text[lang].matched_names:
                names.setdefault(name, term.id)
                if lang == "en":  # other languages: the names as written
                    for plural in english_plurals(name):
                        names.setdefault(plural, term.id)
        actions = [name for name, term_id in names.items() if glossary[term_id].action]
        rules = rules_for_glossary(glossary, lang, names)
        return cls(names, lang, actions, rules)

    def lookup(self, found: str) -> str | None:
        """Term id of a matched name as written in the text or in HTML (&nbsp; ...)."""
        try:
            return self.seen[found]
        except KeyError:
            text = html.unescape(found) if "&" in found else found
            term_id = self._ids.get(name_key(text))
            if len(self.seen) < 10_000:
                self.seen[found] = term_id
            return term_id

    def find(self, text: str) -> Iterator[Match]:
        """Non-overlapping matches, left to right, longest name first."""
        for start, end, term_id in self.spans(text):
            yield Match(start, end, term_id)

    def spans(self, text: str, rules: bool = True, page: str | None = None
              ) -> Iterator[tuple[int, int, str]]:
        """Like find, as plain tuples; `rules=False` skips the glossary's per-term rules.

        `page` is the whole text `text` comes from (default: `text` itself): a term with a
        sense counts only where the page shows its object, by one of its `shown_by` words or
        by a mention of any term without a sense (exclusions.py).
        """
        padded = " " + text  # the regex consumes the character before a name: give one
        lowered = padded.lower()
        regex = self.regex
        if len(lowered) != len(padded):  # a rare letter whose lower case is longer
            lowered, regex = padded, self.regex_any_case()
        term_rules = self.rules if rules else {}
        unshown = self.unshown(text if page is None else page, False) if rules else set()
        held: list[tuple[int, int, str]] = []  # while a sense is not shown (as in annotate)
        for m in regex.finditer(lowered):
            term_id = self.lookup(m.group("name"))
            if term_id is None:
                continue
            start, end = m.start("name"), m.end("name")
            if term_id in term_rules and not term_rules[term_id].accepts(padded, start, end,
                                                                         False):
                continue
            if unshown and term_id not in unshown and not (
                    term_id in term_rules and term_rules[term_id].shown_by):
                unshown = set()
                yield from held
                held = []
            if unshown:
                held.append((start - 1, end - 1, term_id))
            else:
                yield start - 1, end - 1, term_id
        yield from (span for span in held if span[2] not in unshown)

    def unshown(self, page: str, html: bool) -> set[str]:
        """Terms with a sense whose object the page (text, or raw HTML) does not show."""
        return {term_id for term_id, rules in self.rules.items()
                if rules.shown_by and not rules.shown_on(page, html)}

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

    def term_of(self, phrase: str) -> str | None:
        """The term a whole phrase names (with a Korean ending or an English plural, as in a
        page), or None: coverage asks here rather than keep a rule of its own."""
        phrase = " ".join(phrase.split())
        for start, end, term_id in self.spans(phrase, rules=False):
            rest = phrase[end:]
            # after a Korean name the regex has already checked that an ending follows
            whole = start == 0 and (not rest or (self.lang == "ko"
                                                 and _HANGUL_RUN.fullmatch(rest) is not None))
            return term_id if whole else None
        return None


# --- building the regex -------------------------------------------------------------------

_Trie = dict[str, "_Trie"]
_END = ""  # key that marks the end of a name in the trie


def _trie(names: Iterable[str]) -> _Trie:
    """A trie of the names' characters. A gap in a name is not a step of its own but a mark
    on the node (key _SPACE): a gap may come before the next character. So two names that
    differ only in their gaps share one path, each node has one branch per character, and
    the regex's longest match is the longest name (a gap branch that may match nothing would
    otherwise take 워커노드 풀 as 워커 노드 and never try 워커노드 풀)."""
    root: _Trie = {}
    for name in names:
        tokens = _tokens(name)
        if not tokens:
            continue
        node = root
        for token in tokens:
            if token == _SPACE:
                node[_SPACE] = {}
            else:
                node = node.setdefault(token, {})
        node[_END] = {}
    return root


def _tokens(name: str) -> list[str]:
    """The trie steps of a name: lower-case characters and _SPACE (for a space or a hyphen in
    the name: any run of whitespace or hyphens, or none), so the matcher's rule is name_key's.

    A Latin name written in CamelCase also gets a _SPACE at each hump, so ServiceAccount
    finds service account and ConfigMap finds config map: the loader holds names that differ
    only in spacing to be one name, so a term cannot list both spellings.
    """
    tokens: list[str] = []
    previous = ""
    for char in name.strip():
        if char.isspace() or char == "-":  # a hyphen is a gap too: kube-proxy, kube proxy
            if tokens and tokens[-1] != _SPACE:
                tokens.append(_SPACE)
        else:
            if _is_hump(previous, char) and tokens[-1] != _SPACE:
                tokens.append(_SPACE)
            tokens.append(char.lower())
        previous = char
    return tokens


def _is_hump(previous: str, char: str) -> bool:
    return "a" <= previous <= "z" and "A" <= char <= "Z"


def _names_pattern(root: _Trie, actions: _Trie, korean: bool, html_text: bool) -> str:
    """Group "name": a name with its end check, or (Korean) an action name before a verb.

    The end checks are lookaheads inside the group, so the group spans the name alone and a
    longer name that fails its check falls back to a shorter one (런타임이지만 is still
    컨테이너 런타임, not 컨테이너).
    """
    if not root:
        return "(?!)"  # an empty glossary matches nothing
    firsts = "".join(_class_char(t, html_text) for t in sorted(root))
    end = _korean_end() if korean else _english_end()
    names = f"{_names(root, korean, html_text)}{end}"
    if actions:
        names += f"|{_names(actions, korean, html_text)}{_latin_end_ok()}{action_end()}"
    guard = _NOT_IN_REFERENCE if html_text else ""  # after the cheap test of the first letter
    return f"(?=[{firsts}]){guard}(?P<name>{names})"


def _names(root: _Trie, korean: bool, html_text: bool) -> str:
    hangul = {t: child for t, child in root.items() if _is_hangul(t)}
    other = {t: child for t, child in root.items() if not _is_hangul(t)}
    names = []
    if hangul:
        names.append(_alternatives(hangul, html_text))
    if other:
        # in English the consumed character before the name is never a word character
        not_after_word = "(?<![\\w])" if korean else ""
        names.append(f"{not_after_word}(?<![{WORD}][-.]){_alternatives(other, html_text)}")
    return f"(?:{'|'.join(names)})"


def _latin_end_ok() -> str:
    """A name that ends in a Latin letter or digit must end its word (etcdctl is not etcd)."""
    return f"(?:(?<=[{HANGUL}])|(?![{WORD}])(?![-.][{WORD}]))"


def _korean_end() -> str:
    return _latin_end_ok() + korean_end()


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
                for token, child in sorted(node.items()) if token not in (_END, _SPACE)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if _SPACE in node:  # a gap may come first, inside the optional part: never at a name's end
        body = _token(_SPACE, html_text) + body
        return f"(?:{body})?" if _END in node else body
    if _END in node:
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body


def _token(token: str, html_text: bool) -> str:
    if token == _SPACE:
        return _HTML_SPACE if html_text else _TEXT_SPACE
    if html_text and token in _HTML_FORMS:
        return _HTML_FORMS[token]
    return re.escape(token)
