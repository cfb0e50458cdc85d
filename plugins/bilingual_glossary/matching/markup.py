"""The HTML the tooltips feature writes: annotation links and the hidden tooltip bodies.

Output contract (tests and the glossary page rely on it):
  <a class="glossary-term" data-term="pod" href="../glossary/#pod"
     aria-describedby="glossary-tip-pod">파드</a>
  <div class="glossary-tip" id="glossary-tip-pod" role="tooltip" hidden>…</div>
Every string that comes from the glossary is HTML-escaped here, and nowhere re-rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape

from bilingual_glossary.data.model import Glossary, Term
from bilingual_glossary.matching.html_scan import ANNOTATION_CLASS, annotation_term

TIP_PREFIX = "glossary-tip-"
ORIGINAL_LANG = "en"  # pages in other languages show the English name next to theirs

_A_START = re.compile(r"""<a\s(?:[^>"']++|"[^"]*+"|'[^']*+')*+>""", re.I)


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
    """Term ids of the annotations (automatic or term() macro) in a page's HTML."""
    ids = set()
    at = html.find(ANNOTATION_CLASS)
    while at >= 0:  # only the tags around each mention of the class: pages are long
        start = html.rfind("<", 0, at)
        m = _A_START.match(html, start) if start >= 0 else None
        if m is not None and m.end() > at:
            term_id = annotation_term(m.group())
            if term_id:
                ids.add(term_id)
            at = html.find(ANNOTATION_CLASS, m.end())
        else:
            at = html.find(ANNOTATION_CLASS, at + 1)
    return ids
