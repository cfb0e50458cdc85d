"""Page policy for automatic marks in `annotate: first`: where a first mention is left unmarked.

Documentation written by hand places fewer tooltips than a matcher finds, where a reader
needs them.
Two rules keep a page calm, and a site tunes both (the plugin's `marks_per_block` and
`mark_own_section` options):
- a term is not marked inside the section about it: the heading whose id is the term's id,
  down to the next heading of the same or a higher level (the page explains it right there);
- a paragraph, list item or table cell gets at most `per_block` marks, in reading order.
A term skipped by either rule is marked at its next mention elsewhere on the page. Neither rule
applies to `annotate: all`, which marks every mention (matching is measured with it), nor to
the author's own term() links, which also do not count towards a block's marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilingual_glossary.matching.html_scan import Places, attribute, tag_at

DEFAULT_PER_BLOCK = 3
# where marks are counted: a paragraph, a list item, a cell or a definition; and the headings
BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption"})
HEADINGS = {f"h{level}": level for level in range(1, 7)}
PLACE_TAGS = frozenset(BLOCKS | HEADINGS.keys())


class PagePlaces:
    """Where the name the scan has just found is: which block it is in (the number of block
    and heading tags before it, len(places.offsets)) and the ids of the headings whose
    sections it is in (read_headings).

    The scan notes those tags as it reads them (`places`, html_scan.Places), so the page is
    not searched a second time: a search of its own took 0.3 G instructions over the 804
    pages of bench/annotation.py, a tenth of all annotation there (counted by valgrind)."""

    def __init__(self, html: str, runs: dict[str, bool] | None = None) -> None:
        self.html = html
        # `runs`: Places.runs, shared by the pages an annotator reads
        self.places = Places(PLACE_TAGS, [], {} if runs is None else runs)
        self._read = 0  # places already looked at for headings
        self._open: list[tuple[int, str]] = []  # (level, id) of the sections here
        self.section_ids: list[str] = []  # their ids, outermost first

    def read_headings(self) -> None:
        """Take in the headings the scan has passed since the last call: `section_ids` are
        then those of the place the scan is at. Only a new place can be a heading."""
        offsets, html = self.places.offsets, self.html
        changed = False
        for start in offsets[self._read:]:
            if html[start + 1] not in "hH":
                continue  # a block's tag, a heading's end, or a run of tags
            tag = tag_at(html, start)
            if tag is None or tag.closing or tag.name not in HEADINGS:
                continue
            level = HEADINGS[tag.name]
            while self._open and self._open[-1][0] >= level:
                self._open.pop()
            self._open.append((level, attribute(html[tag.start:tag.end], "id") or ""))
            changed = True
        self._read = len(offsets)
        if changed:
            self.section_ids = [section_id for _, section_id in self._open]


@dataclass(frozen=True)
class MarkPolicy:
    per_block: int = DEFAULT_PER_BLOCK  # 0: no limit
    own_section: bool = False  # True: mark a term inside its own section too

    def allows(self, term_id: str, state: PagePlaces, marks_in_block: int) -> bool:
        """Whether a first mention of `term_id` may be marked where `state` last was."""
        if self.per_block and marks_in_block >= self.per_block:
            return False
        return self.own_section or term_id not in state.section_ids


CALM = MarkPolicy()  # the defaults
NO_LIMITS = MarkPolicy(per_block=0, own_section=True)
