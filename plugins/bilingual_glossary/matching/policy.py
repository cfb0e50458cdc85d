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

import re
from dataclasses import dataclass, field

from bilingual_glossary.matching.html_scan import attribute, tag_at

DEFAULT_PER_BLOCK = 3
# where marks are counted: a paragraph, a list item, a cell or a definition; and the headings
BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption"})
HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Where a block or a heading may start or end: a quick search, each hit then read by
# html_scan's tokenizer. Only the text between two candidate marks is searched, once.
_PLACE = re.compile(rf"</?(?:{'|'.join(sorted(BLOCKS | HEADINGS.keys()))})(?=[\s/>])", re.I)


@dataclass
class PagePlaces:
    """Where a name is on a page, read forward as the annotator goes: which block it is in
    (a counter that changes at every block or heading tag) and the ids of the headings whose
    sections it is in. Read only where a mark may go, so pages cost little more to scan."""

    html: str
    pos: int = 0  # html[:pos] is read
    block: int = 0
    sections: list[tuple[int, str]] = field(default_factory=list)  # (level, id), outermost first

    def advance(self, to: int) -> PagePlaces:
        html = self.html
        for m in _PLACE.finditer(html, self.pos, to):
            self.block += 1
            if html[m.start() + 1] not in "hH":
                continue  # a block's tag, or a heading's end
            tag = tag_at(html, m.start())
            if tag is None or tag.closing or tag.name not in HEADINGS:
                continue
            level = HEADINGS[tag.name]
            while self.sections and self.sections[-1][0] >= level:
                self.sections.pop()
            self.sections.append((level, attribute(html[tag.start:tag.end], "id") or ""))
        self.pos = max(self.pos, to)
        return self

    def in_section(self, term_id: str) -> bool:
        return bool(self.sections) and any(section_id == term_id
                                           for _, section_id in self.sections)


@dataclass(frozen=True)
class MarkPolicy:
    per_block: int = DEFAULT_PER_BLOCK  # 0: no limit
    own_section: bool = False  # True: mark a term inside its own section too

    def allows(self, term_id: str, state: PagePlaces, marks_in_block: int) -> bool:
        """Whether a first mention of `term_id` may be marked where `state` says it is."""
        if self.per_block and marks_in_block >= self.per_block:
            return False
        return self.own_section or not state.in_section(term_id)


CALM = MarkPolicy()  # the defaults
NO_LIMITS = MarkPolicy(per_block=0, own_section=True)
