"""The HTML the tooltips feature writes: annotation links and the hidden tooltip bodies.

Output contract (tests and the glossary page rely on it):
  <a class="glossary-term" data-term="pod" href="../glossary/#pod"
     aria-describedby="glossary-tip-pod">파드</a>
  <div class="glossary-tip" id="glossary-tip-pod" role="tooltip" hidden>…</div>
Every string that comes from the glossary is HTML-escaped here, and nowhere re-rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from html import escape

from bilingual_glossary.data.model import Glossary, Term
from bilingual_glossary.matching.html_scan import (
    ANNOTATION_CLASS,
    RAW_TEXT,
    annotation_term,
    scanner,
)
from bilingual_glossary.templating import TOOLTIP, Templates, default_templates

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


def tooltip_table(glossary: Glossary, lang: str, templates: Templates | None = None
                  ) -> dict[str, str]:
    """Every term's hidden tooltip in one language, from the tooltip template (the site's
    own, else the plugin's). The annotator keeps one per build: every page that uses a term
    repeats its tooltip."""
    templates = templates or default_templates()
    return {term.id: _tooltip_html(term, lang, templates) for term in glossary}


def _tooltip_html(term: Term, lang: str, templates: Templates) -> str:
    text = term.text[lang]
    original = ""
    if lang != ORIGINAL_LANG and ORIGINAL_LANG in term.text:
        original = term.text[ORIGINAL_LANG].term
        if original.casefold() == text.term.casefold():
            original = ""
    return templates.render(TOOLTIP, tip_id=f"{TIP_PREFIX}{term.id}", name=text.term,
                            short=text.short, original=original, original_lang=ORIGINAL_LANG)


# the words the tooltip script shows, from the interface table: data-* on the container
TIPS_UI = {"switch": "switch", "switch-on": "switch_on", "switch-off": "switch_off",
           "close": "tip_close", "open": "tip_open", "again": "tip_again"}


def tooltips_html(table: Mapping[str, str], term_ids: Iterable[str],
                  ui: Mapping[str, str] | None = None,
                  order: Callable[[str], object] | None = None) -> str:
    """Hidden tooltip elements for the terms a page uses, from a tooltip_table(), in one
    container ('' for none). With the page's interface words (`ui`, one language of
    ui.ui_table) it carries the script's labels and, for print, a heading: printed, the
    container is the page's list of the terms it uses, in `order` (a sort key of term ids;
    by id without one)."""
    tips = [table[tid] for tid in sorted(set(term_ids), key=order) if tid in table]
    if not tips:
        return ""
    if ui is None:
        return f'<div class="glossary-tips" data-glossary-tips>{"".join(tips)}</div>'
    start = _container_start(tuple(ui[key] for key in TIPS_UI.values()), ui["print_terms"])
    return f'{start}{"".join(tips)}</div>'


@lru_cache(maxsize=64)  # one language's words: the same on every page of it
def _container_start(labels: tuple[str, ...], print_terms: str) -> str:
    data = "".join(f' data-{name}="{escape(label, quote=True)}"'
                   for name, label in zip(TIPS_UI, labels, strict=True))
    heading = f'<h2 class="glossary-tips__heading">{escape(print_terms)}</h2>'
    return f'<div class="glossary-tips" data-glossary-tips{data}>{heading}'


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
