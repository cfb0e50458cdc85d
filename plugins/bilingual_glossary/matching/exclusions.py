"""What the glossary says about one term's mentions, checked on each match of that term.

A glossary file may say, per language:
- `not_after: [마이크로, 웹]`: a name right after one of these words is not this term
  (마이크로 서비스, 아마존 웹 서비스);
- `not_before: [중단]`: a name right before one of these is not this term (서비스 중단);
- `case_sensitive: true`: only the names as written count (Service, Services), not the
  everyday lower-case word (service).

Words are compared without spaces, hyphens or letter case, so `아마존 웹` also stops
아마존웹 서비스 and 아마존-웹 서비스, and a line break between the words changes nothing.
`not_before` is compared right after the name, before any particle: `가 중단` stops
서비스가 중단된다. In HTML, formatting tags around the neighbouring word are ignored
(<strong>마이크로</strong> 서비스), while any other tag ends the neighbourhood.

A term whose name is also an everyday word has a `sense` (data/sense.py). Its mentions are
judged by sense, in this order:
1. the name followed by the term's name in another language in parentheses (서비스(Service))
   is the object;
2. so is the name right after one of `object_after` (NodePort 서비스);
3. after `not_after` or `everyday_after` (원격 서비스) it is the everyday word;
4. with `latin_name: everyday`, right after a word in Latin letters with a capital, not in
   code, it names a product or component (Konnectivity 서비스, AWS 서비스); a word in lower
   case only may be an object's own name (nginx 서비스, `my-svc` 서비스);
5. and no mention counts on a page that shows none of `shown_by` (MentionRules.shown_on).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping

from bilingual_glossary.data.model import Glossary
from bilingual_glossary.data.names import name_key, words_key
from bilingual_glossary.matching.html_scan import Tag, tag_at, tag_start

_WINDOW = 200  # raw characters on each side to look at: room for tags around 30 letters
_IGNORED = re.compile(r"[\s\-\u2010\u2011]+")  # as in words_key
# formatting tags vanish; any other tag (a paragraph, a list item, a cell, code) ends the
# neighbourhood. Tags are read by html_scan's tokenizer, the package's one tag grammar.
_FORMATTING = frozenset({"a", "abbr", "b", "bdi", "cite", "dfn", "em", "i", "ins", "mark", "q",
                         "s", "small", "span", "strong", "sub", "sup", "u"})


class MentionRules:
    """One term's rules in one language, ready to check matches against."""

    __slots__ = ("_after_last", "_before_first", "_object_last", "_shown_by_html", "confirmed_by",
                 "latin_everyday",
                 "not_after", "not_before", "object_after", "shown_by", "spellings")

    def __init__(self, not_after: tuple[str, ...] = (), not_before: tuple[str, ...] = (),
                 spellings: frozenset[str] | None = None, object_after: tuple[str, ...] = (),
                 latin_everyday: bool = False, confirmed_by: frozenset[str] = frozenset(),
                 shown_by: tuple[str, ...] = ()) -> None:
        self.not_after = not_after  # compared as words_key gives them
        self.not_before = not_before
        self.spellings = spellings  # case_sensitive: the names as written, without whitespace
        # sense (data/sense.py): words that make a mention the object, and name_key()s of the
        # names that confirm it in parentheses; the page words are kept as written
        self.object_after = object_after
        self.latin_everyday = latin_everyday
        self.confirmed_by = confirmed_by
        self.shown_by = shown_by
        self._shown_by_html = tuple(html_lib.escape(word, quote=False) for word in shown_by)
        self._object_last = frozenset(w[-1] for w in object_after)
        # The character next to a name settles most matches at once: the neighbourhood is
        # read only when that character could end a not_after word (or start a not_before
        # one), or is markup. Frequent terms (클러스터, Kubernetes) then cost next to nothing.
        self._after_last = frozenset(w[-1] for w in not_after) | _MARKUP
        self._before_first = frozenset(w[0] for w in not_before) | _MARKUP

    def accepts(self, text: str, start: int, end: int, html: bool) -> bool:
        """Whether text[start:end] is a mention of the term; `html` if text is raw HTML."""
        if self.spellings is not None:
            found = text[start:end]
            if found not in self.spellings:  # most often it is there as it stands: Service
                if html and "&" in found:
                    found = html_lib.unescape(found)
                if _IGNORED.sub("", found) not in self.spellings:
                    return False
        if self.confirmed_by and self._confirmed(text, end, html):
            return True
        if self.object_after or self.latin_everyday:  # a term with a sense
            if self._may_decide_before(_neighbour(text, start, -1, html)):
                plain = _side(text, start, -1, html)
                before = words_key(plain)
                if self.object_after and before.endswith(self.object_after):
                    return True
                if before.endswith(self.not_after) and self.not_after:
                    return False
                if self.latin_everyday and _latin_word_before(plain):
                    return False
        elif self.not_after and _neighbour(text, start, -1, html) in self._after_last:
            before = words_key(_side(text, start, -1, html))
            if before.endswith(self.not_after):
                return False
        if self.not_before and _neighbour(text, end, 1, html) in self._before_first:
            after = words_key(_side(text, end, 1, html))
            if after.startswith(self.not_before):
                return False
        return True


    def _may_decide_before(self, letter: str) -> bool:
        """Whether the letter before a name could end a word that decides its sense."""
        return letter in self._after_last or letter in self._object_last or (
            self.latin_everyday and letter in _LATIN_WORD_CHARS)

    def _confirmed(self, text: str, end: int, html: bool) -> bool:
        """Whether the name is followed by another name of the term in parentheses."""
        if text.find("(", end, end + 8) < 0:
            return False
        m = _PARENTHESES.match(_side(text, end, 1, html))
        return m is not None and name_key(m.group(1)) in self.confirmed_by

    def shown_on(self, page: str, html: bool) -> bool:
        """Whether the page (text or raw HTML) shows one of the words of `shown_by`."""
        if not self.shown_by:
            return True
        return any(word in page for word in (self._shown_by_html if html else self.shown_by))


_PARENTHESES = re.compile(r"[\s\xa0]*[(（]([^()（）]{1,60})[)）]")
_MARKUP = frozenset("<>&;")  # a tag or a character reference: read the neighbourhood
_LATIN_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-")


def _latin_word_before(plain: str) -> bool:
    """Whether the reader's text before a name ends with a product's or component's name in
    Latin letters, then spaces: `Konnectivity `, `AWS ` yes. A word in lower case only may be
    the name of an object (object names are often lower case: `nginx 서비스` is the Service
    named nginx), and code (a backtick, or a tag, which ends the text read), quotes, Hangul are not
    names of this kind."""
    text = plain.rstrip(" \t\n\r\f\v\xa0")
    end = len(text)
    start = end
    while start > 0 and text[start - 1] in _LATIN_WORD_CHARS:
        start -= 1
    word = text[start:end]
    if not any(c.isupper() for c in word):
        return False
    return start == 0 or text[start - 1] in " \t\n\r\f\v\xa0(,;:/"


_GAP = frozenset(" \t\n\r\f\v\xa0-\u2010\u2011")  # what words_key drops, mostly


def _neighbour(text: str, pos: int, step: int, html: bool) -> str:
    """The first letter before (step -1) or after (step 1) pos, case folded, looking through
    gaps and, in HTML, formatting tags; "" where a paragraph or the text ends; "<" when only
    the full comparison can tell (a character reference, a rare space, the window's edge)."""
    i = pos - 1 if step < 0 else pos
    stop = max(-1, pos - _WINDOW) if step < 0 else min(len(text), pos + _WINDOW)
    while i != stop:
        char = text[i]
        if char in _GAP:
            i += step
            continue
        if html and char == (">" if step < 0 else "<"):
            tag = _tag(text, i, step, stop)
            if tag is None:
                return "<"  # text, or a tag the window cuts: let the full reading decide
            if tag.name not in _FORMATTING:
                return ""  # any other tag ends the neighbourhood, as in _side
            i = tag.start - 1 if step < 0 else tag.end
            if (i - stop) * step >= 0:
                break  # the tag reaches past the window
            continue
        if char in _MARKUP or char.isspace():
            return "<"
        folded = char.casefold()
        return folded[-1] if step < 0 else folded[0]
    return "" if stop in (-1, len(text)) else "<"


def _tag(text: str, at: int, step: int, stop: int) -> Tag | None:
    """The tag whose '<' (step 1) or final '>' (step -1) is at `at`, within the window."""
    if step > 0:
        tag = tag_at(text, at)
        return tag if tag is not None and tag.end <= stop else None
    start = tag_start(text, at, stop + 1)
    return tag_at(text, start) if start >= 0 else None


def _side(text: str, pos: int, step: int, html: bool) -> str:
    """The text before (step -1) or after (step 1) pos as a reader sees it, in reading
    order: up to _WINDOW raw characters, and in HTML up to the first tag other than a
    formatting one (which vanishes), with character references decoded."""
    if step < 0:
        lowest = max(0, pos - _WINDOW)
        if not html:
            return text[lowest:pos]
        pieces: list[str] = []
        i = pos
        while i > lowest:
            gt = text.rfind(">", lowest, i)
            if gt < 0:
                pieces.append(text[lowest:i])
                break
            pieces.append(text[gt + 1:i])
            tag = _tag(text, gt, -1, lowest - 1)
            if tag is None:
                pieces.append(">")  # a '>' in the text itself
                i = gt
                continue
            if tag.name not in _FORMATTING:
                break
            i = tag.start
        plain = "".join(reversed(pieces))
    else:
        highest = min(len(text), pos + _WINDOW)
        if not html:
            return text[pos:highest]
        pieces = []
        i = pos
        while i < highest:
            lt = text.find("<", i, highest)
            pieces.append(text[i:lt if lt >= 0 else highest])
            if lt < 0:
                break
            tag = _tag(text, lt, 1, highest)
            if tag is None:
                if tag_at(text, lt) is not None:
                    break  # a tag the window cuts
                pieces.append("<")
                i = lt + 1
                continue
            if tag.name not in _FORMATTING:
                break
            i = tag.end
        plain = "".join(pieces)
    return html_lib.unescape(plain) if "&" in plain else plain


def rules_for_glossary(glossary: Glossary, lang: str, names: Mapping[str, str]
                       ) -> dict[str, MentionRules]:
    """The rules of every term that has any in `lang`. `names` maps each matched name
    (plurals included) to its term id: a case-sensitive term accepts exactly those."""
    rules: dict[str, MentionRules] = {}
    for term in glossary:
        text = term.text[lang]
        sense = text.sense
        if not (text.not_after or text.not_before or text.case_sensitive or sense):
            continue
        spellings = None
        if text.case_sensitive:
            spellings = frozenset(_IGNORED.sub("", name) for name, owner in names.items()
                                  if owner == term.id)
        everyday = sense.everyday_after if sense else ()
        rules[term.id] = MentionRules(
            not_after=tuple(words_key(w) for w in (*text.not_after, *everyday)),
            not_before=tuple(words_key(w) for w in text.not_before),
            spellings=spellings,
        )
        if sense:
            rules[term.id] = MentionRules(
                not_after=rules[term.id].not_after, not_before=rules[term.id].not_before,
                spellings=spellings,
                object_after=tuple(words_key(w) for w in sense.object_after),
                latin_everyday=sense.latin_name == "everyday",
                confirmed_by=frozenset(name_key(name) for other, other_text in term.text.items()
                                       if other != lang for name in other_text.names),
                shown_by=sense.shown_by,
            )
    return rules
