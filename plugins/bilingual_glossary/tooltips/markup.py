"""The HTML the tooltips feature writes: annotation links and the hidden tooltip bodies.

Output contract (tests and the glossary page rely on it):
  <a class="glossary-term" data-term="pod" href="../glossary/#pod"
     aria-describedby="glossary-tip-pod">파드</a>
  <div class="glossary-tip" id="glossary-tip-pod" role="tooltip" hidden>…</div>
Every string that comes from the glossary is HTML-escaped here, and nowhere re-rendered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from bilingual_glossary.data.model import Glossary, Term
from bilingual_glossary.matching.html_scan import (
    ANNOTATION_CLASS,
    RAW_TEXT,
    annotation_term,
    scanner,
)

TIP_PREFIX = "glossary-tip-"
ORIGINAL_LANG = "en"  # pages in other languages show the English name next to theirs
_TAGS = scanner("<", "(?!)")  # every tag and comment of a page; no names

def annotation_start(term_id: str, glossary_href: str) -> str:
    tid = escape(term_id)
    href = escape(f"{glossary_href}#{term_id}")
    return (f'<a class="{ANNOTATION_CLASS}" data-term="{tid}" href="{href}" '
            f'aria-describedby="{TIP_PREFIX}{tid}">')


def term_link(glossary: Glossary, lang: str, term_id: str, glossary_href: str,
              text: str | None = None) -> str:
    """One annotation: the term's name in `lang`, or the author's own text, escaped."""
    label = text if text else glossary[term_id].name(lang)
    return f"{annotation_start(term_id, glossary_href)}{escape(label)}</a>"


def tooltip_table(glossary: Glossary, lang: str) -> dict[str, str]:
    """Every term's hidden tooltip in one language. The annotator keeps one per build: every
    page that uses a term repeats its tooltip."""
    return {term.id: _tooltip_html(term, lang) for term in glossary}


def _tooltip_html(term: Term, lang: str) -> str:
    text = term.text[lang]
    title = f'<strong class="glossary-tip__name">{escape(text.term)}</strong>'
    if lang != ORIGINAL_LANG and ORIGINAL_LANG in term.text:
        original = term.text[ORIGINAL_LANG].term
        if original.casefold() != text.term.casefold():
            title += (f' <span class="glossary-tip__original" lang="{ORIGINAL_LANG}">'
                      f"({escape(original)})</span>")
    return (f'<div class="glossary-tip" id="{TIP_PREFIX}{escape(term.id)}" role="tooltip" hidden>'
            f'<p class="glossary-tip__title">{title}</p>'
            f'<p class="glossary-tip__short">{escape(text.short)}</p></div>')


def tooltips_html(table: Mapping[str, str], term_ids: Iterable[str]) -> str:
    """Hidden tooltip elements for the terms a page uses, from a tooltip_table(), in one
    container ('' for none)."""
    tips = [table[tid] for tid in sorted(set(term_ids)) if tid in table]
    if not tips:
        return ""
    return f'<div class="glossary-tips" data-glossary-tips>{"".join(tips)}</div>'


def annotated_ids(html: str) -> set[str]:
    """Term ids of the annotations (automatic or term() macro) in a page's HTML.

    Tags are read with the annotator's own grammar (html_scan.scanner, here with no names):
    '>' inside a quoted attribute and comments read the same way everywhere. Unlike the
    annotator, it looks inside no-glossary regions too: a term() link may stand there.
    """
    ids: set[str] = set()
    if ANNOTATION_CLASS not in html:
        return ids
    lowered = html.lower()
    pos = 0
    while (m := _TAGS.search(lowered, pos)) is not None:
        pos = m.end()
        name = m.group("open")
        if name == "a":
            term_id = annotation_term(html[m.start():m.end()])
            if term_id:
                ids.add(term_id)
        elif name in RAW_TEXT:  # script, style ...: their text holds no tags
            end = lowered.find(f"</{name}", pos)
            pos = end if end >= 0 else len(html)
    return ids
