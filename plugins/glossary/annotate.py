"""Annotate glossary terms in a page's rendered HTML, and say which terms the page uses.

The adapters call this module; it joins the pieces: html_scan finds the names outside code,
links and the like (one regex pass over the page), matcher knows the names, and markup
writes the links and the tooltips.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from glossary.html_scan import (
    ANNOTATION_CLASS,
    Mode,
    decode_text,
    has_unusual_references,
    scan,
    scanner,
    text_segments,
)
from glossary.markup import annotated_ids, annotation_start, term_link, tooltips_html
from glossary.matcher import Matcher
from glossary.model import Glossary

__all__ = ["Annotated", "Annotator", "annotated_ids", "term_link", "tooltips_html"]


@dataclass(frozen=True)
class Annotated:
    html: str
    used: frozenset[str]  # every term id that occurs on the page, annotated or not


class Annotator:
    """One per language per build: the regexes are compiled here, once."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.glossary = glossary
        self.lang = lang
        self.matcher = Matcher.for_glossary(glossary, lang)
        self._scanner = scanner(self.matcher.before, self.matcher.html_names)
        self._scanner_any_case = scanner(self.matcher.before, self.matcher.html_names,
                                         any_case=True)
        self._starts: dict[str, dict[str, str]] = {}  # glossary href -> id -> link start tag

    def annotate(self, html: str, glossary_href: str, every: bool = False) -> Annotated:
        """Link the first occurrence of each term (every occurrence if `every`).

        Each link wraps an unchanged slice of the input, so the visible text stays the same.
        Terms in headings and link text count as used but are not linked.
        """
        existing: set[str] = set()
        done: set[str] = set()  # terms already linked on this page
        if not every and ANNOTATION_CLASS in html:
            done |= annotated_ids(html)  # an author's term() link counts as the first
        used: set[str] = set()
        starts = self._starts.setdefault(glossary_href, {})
        pieces: list[str] = []
        copied = 0  # html[:copied] is already in pieces
        for first, last, mode, term_id in self._names(html, existing):
            used.add(term_id)
            if mode is not Mode.ANNOTATE or (term_id in done and not every):
                continue
            if term_id not in starts:
                starts[term_id] = annotation_start(term_id, glossary_href)
            pieces += (html[copied:first], starts[term_id], html[first:last], "</a>")
            copied = last
            done.add(term_id)
        used |= existing
        if not pieces:
            return Annotated(html, frozenset(used))
        pieces.append(html[copied:])
        return Annotated("".join(pieces), frozenset(used))

    def _names(self, html: str, existing: set[str]) -> Iterator[tuple[int, int, Mode, str]]:
        """(start, end, mode, term id) of each name in the page, in order."""
        if has_unusual_references(html):
            yield from self._names_decoded(html, existing)
            return
        # the scanner consumes the character before a name: a name may start the page
        source = ">" + html
        lowered = source.lower()
        page_scanner = self._scanner
        if len(lowered) != len(source):  # a rare letter whose lower case is longer
            lowered, page_scanner = source, self._scanner_any_case
        for first, last, mode, term_id in scan(source, lowered, page_scanner,
                                               self.matcher.lookup, existing):
            yield first - 1, last - 1, mode, term_id

    def _names_decoded(self, html: str, existing: set[str]
                       ) -> Iterator[tuple[int, int, Mode, str]]:
        """The slow path: text run by text run, matching on decoded text (&#54028; is 파)."""
        for start, end, mode in text_segments(html, existing):
            text, offsets = decode_text(html[start:end])
            for first, last, term_id in self.matcher.spans(text):
                if offsets is not None:
                    first, last = offsets[first], offsets[last]
                    if first < 0 or last < 0:
                        continue  # it would split a reference such as &#54028;
                yield start + first, start + last, mode, term_id
