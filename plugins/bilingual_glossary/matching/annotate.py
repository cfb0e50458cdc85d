"""Annotate glossary terms in a page's rendered HTML, and say which terms the page uses.

The plugin (plugin.py) calls this module; it joins the pieces: html_scan finds the names
outside code, links and the like (one regex pass over the page), matcher knows the names, and
markup writes the links and the tooltips.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from bilingual_glossary.data.model import Glossary
from bilingual_glossary.matching.exclusions import MentionRules
from bilingual_glossary.matching.html_scan import (
    ANNOTATION_CLASS,
    Mode,
    Places,
    decode_text,
    has_unusual_references,
    scan,
    scanner,
    text_segments,
)
from bilingual_glossary.matching.matcher import Matcher
from bilingual_glossary.matching.policy import CALM, NO_LIMITS, MarkPolicy, PagePlaces
from bilingual_glossary.tooltips.markup import (
    annotated_ids,
    annotation_start,
    term_link,
    tooltip_table,
    tooltips_html,
)

__all__ = ["Annotated", "Annotator", "annotated_ids", "term_link", "tooltips_html"]

_PLAIN = MentionRules()  # a term without rules of its own


@dataclass(frozen=True)
class Annotated:
    html: str
    used: frozenset[str]  # every term id that occurs on the page, annotated or not
    linked: frozenset[str] = frozenset()  # ids with an annotation in html: its tooltips


class Annotator:
    """One per language per build: the regexes are compiled here, once."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.glossary = glossary
        self.lang = lang
        self.matcher = Matcher.for_glossary(glossary, lang)
        self._scanner = scanner(self.matcher.html_before, self.matcher.html_names)
        self._scanner_any_case: re.Pattern[str] | None = None  # compiled if ever needed
        self._starts: dict[str, dict[str, str]] = {}  # glossary href -> id -> link start tag
        self._place_runs: dict[str, bool] = {}  # the page policy's tag runs (PagePlaces)

    @cached_property
    def tooltips(self) -> dict[str, str]:
        """Term id -> its hidden tooltip, rendered on first use: the plugin renders its own
        from the site's templates, and only the Markdown extension reads these."""
        return tooltip_table(self.glossary, self.lang)

    def annotate(self, html: str, glossary_href: str, every: bool = False,
                 policy: MarkPolicy = CALM) -> Annotated:
        """Link the first occurrence of each term (every occurrence if `every`).

        Each link wraps an unchanged slice of the input, so the visible text stays the same.
        Terms in headings and link text count as used but are not linked. Without `every`,
        `policy` may leave a first occurrence for a later one (policy.py).
        """
        existing: set[str] = set()
        block, in_block = -1, 0  # the block of the last mark, and its marks so far
        # an author's term() links: each counts as the first occurrence of its term
        authored = annotated_ids(html) if ANNOTATION_CLASS in html else set()
        done = set() if every else set(authored)  # terms already linked on this page
        # The scanner consumes the character before a name, so a name may not start the
        # text: scan a copy that starts with '>' and work in its offsets.
        source = ">" + html
        lowered = source.lower()
        # which block and sections each candidate mark is in (policy.py), noted by the scan
        state = None if every or policy == NO_LIMITS else PagePlaces(source, self._place_runs)
        offsets = state.places.offsets if state else []  # block and heading tags so far
        used: set[str] = set()
        starts = self._starts.setdefault(glossary_href, {})
        seen = self.matcher.seen
        lookup = self.matcher.lookup
        rules = self.matcher.rules  # the glossary's own: not_after, case_sensitive ...
        # terms with a sense whose object the page has not shown yet (exclusions.py): their
        # marks are tentative until the page mentions a term without one, and else undone.
        # None until the first mention: the page is searched for the objects only when a
        # term with a sense comes before any other.
        unshown: set[str] | None = None if self.matcher.has_sense else set()
        tentative: list[tuple[str, int]] = []  # (term id, index of its start tag in pieces)
        finished: set[str] = set()  # terms marked here and counted in `used`
        annotate = Mode.ANNOTATE
        pieces: list[str] = []
        copied = 1  # source[1:copied] is already in pieces
        for m, mode in self._names(source, existing, lowered, state and state.places):
            found = m.group("name")
            term_id = seen.get(found) or lookup(found)
            if term_id is None:
                continue
            if term_id in finished and not unshown:
                continue  # marked and counted already: a later mention changes nothing
            if term_id in rules:
                first, last = m.span("name")
                if not rules[term_id].accepts(source, first, last, True):
                    continue  # judged on the HTML around the name, on either path
            if unshown is None or unshown:
                has_sense = bool(rules.get(term_id, _PLAIN).shown_by)
                if unshown is None:
                    unshown = self.matcher.unshown(html, True) if has_sense else set()
                elif term_id not in unshown and not has_sense:
                    unshown = set()  # the page speaks of the objects: every sense is shown
            used.add(term_id)
            if term_id in done and not every:
                finished.add(term_id)  # the author's term() link: counted now
                continue
            if mode is not annotate:
                continue
            if state is not None:
                if len(offsets) != block:  # a new block: a new heading, maybe
                    block, in_block = len(offsets), 0
                    state.read_headings()
                if not policy.allows(term_id, state, in_block):
                    continue  # marked at a later mention, if there is one
                in_block += 1
            if term_id not in starts:
                starts[term_id] = annotation_start(term_id, glossary_href)
            first, last = m.span("name")
            if unshown and term_id in unshown:
                tentative.append((term_id, len(pieces) + 1))
            pieces += (source[copied:first], starts[term_id], source[first:last], "</a>")
            copied = last
            done.add(term_id)
            if not every:
                finished.add(term_id)
        if unshown:
            for term_id, index in tentative:
                if term_id in unshown:
                    pieces[index] = pieces[index + 2] = ""
            used -= unshown
            done -= unshown - authored
        used |= existing
        linked = frozenset(done | authored)
        if not pieces:
            return Annotated(html, frozenset(used), linked)
        pieces.append(source[copied:])
        return Annotated("".join(pieces), frozenset(used), linked)

    def _names(self, source: str, existing: set[str], lowered: str | None = None,
               places: Places | None = None) -> Iterator[tuple[NameMatch, Mode]]:
        """Each name in the page, in order, and its mode (`lowered`: source.lower())."""
        if has_unusual_references(source):
            return self._names_decoded(source, existing, places)
        if lowered is None:
            lowered = source.lower()
        page_scanner = self._scanner
        if len(lowered) != len(source):  # a rare letter whose lower case is longer
            if self._scanner_any_case is None:
                self._scanner_any_case = scanner(self.matcher.html_before,
                                                 self.matcher.html_names, any_case=True)
            lowered, page_scanner = source, self._scanner_any_case
        return scan(source, lowered, page_scanner, existing, places)

    def _names_decoded(self, source: str, existing: set[str], places: Places | None = None
                       ) -> Iterator[tuple[NameMatch, Mode]]:
        """The slow path: text run by text run, matching on decoded text (&#54028; is 파)."""
        for start, end, mode in text_segments(source, existing, places):
            text, offsets = decode_text(source[start:end])
            # the glossary's rules are judged in annotate(), on the HTML around the name:
            # this text run alone may not hold the neighbouring word (<em>웹</em> 서비스)
            for first, last, _ in self.matcher.spans(text, rules=False):
                found = text[first:last]
                if offsets is not None:
                    first, last = offsets[first], offsets[last]
                    if first < 0 or last < 0:
                        continue  # it would split a reference such as &#54028;
                yield DecodedName(start + first, start + last, found), mode


class NameMatch(Protocol):
    """A name found in a page: a match of the scanner (group "name") or a DecodedName."""

    def group(self, name: str, /) -> str: ...

    def span(self, name: str, /) -> tuple[int, int]: ...


@dataclass(frozen=True, slots=True)
class DecodedName:
    """A name found on the slow path, read like a scanner match."""

    start: int  # offsets in the page's HTML
    end: int
    text: str  # as decoded, e.g. 파드 for &#54028;드

    def group(self, _name: str) -> str:
        return self.text

    def span(self, _name: str) -> tuple[int, int]:
        return self.start, self.end
