"""Page policy for automatic marks in `annotate: first`: where a first mention is left unmarked.

kubernetes.io's authors place fewer tooltips than a matcher finds, where a reader needs them.
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

from bilingual_glossary.matching.html_scan import PageState

DEFAULT_PER_BLOCK = 3


@dataclass(frozen=True)
class MarkPolicy:
    per_block: int = DEFAULT_PER_BLOCK  # 0: no limit
    own_section: bool = False  # True: mark a term inside its own section too

    def allows(self, term_id: str, state: PageState, marks_in_block: int) -> bool:
        """Whether a first mention of `term_id` may be marked where `state` says it is."""
        if self.per_block and marks_in_block >= self.per_block:
            return False
        return self.own_section or not state.in_section(term_id)


CALM = MarkPolicy()  # the defaults
NO_LIMITS = MarkPolicy(per_block=0, own_section=True)
