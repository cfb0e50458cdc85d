"""The reader's switch for term marks: a button before the page's first <h1> and a small
script in the <head> of each page with marked terms (the plugin adds both where it adds
tooltips).

The button is in the page from the start, so nothing moves when the scripts arrive (it came
from glossary-tooltip.js before, and pushed the pods page down 42 px on a phone: a layout
shift of 0.16). It stays invisible, its space kept, until glossary-tooltip.js wires it up and
keeps the reader's choice in localStorage, at the end of <body>. The head script runs before
the first paint, so a reader who turned the marks off never sees them flash on.
It also tells the tooltip script that the plugin is on for this page (class `glossary-marks`):
with annotation disabled, or on a page without marked terms, there is nothing to switch,
and no button. The button's words come from the tooltips' container (markup.tooltips_html).

The names below must match glossary-tooltip.js (OFF_CLASS, STORAGE_NAME) and its stylesheet.
"""

from __future__ import annotations

from html import escape

from bilingual_glossary.html_page import add_to_head

MARKS_CLASS = "glossary-marks"
MARKS_OFF_CLASS = "glossary-marks-off"
# Stored under the site root that Material's own scripts use (__md_scope, the same for every
# language), so the choice holds across pages and languages.
STORAGE_NAME = ".__glossary_marks"

HEAD_SCRIPT = (
    "<script>(function(){var c=document.documentElement.classList;"
    f'c.add("{MARKS_CLASS}");'
    "try{var s=window.__md_scope;"
    f'if(localStorage.getItem((s&&s.pathname?s.pathname:"/")+"{STORAGE_NAME}")==="off")'
    f'c.add("{MARKS_OFF_CLASS}")'
    "}catch(e){}})()</script>"
)


ICON = ('<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
        '<path d="M11 3h2l5.2 13h-2.3l-1.3-3.4H9.4L8.1 16H5.8Zm-.8 7.6h3.6L12 5.9Z"/>'
        '<path class="glossary-toggle__marks" '
        'd="M3 19h3v2H3Zm5 0h3v2H8Zm5 0h3v2h-3Zm5 0h3v2h-3Z"/>'
        '<path class="glossary-toggle__off" d="M3.7 2.3 21.7 20.3 20.3 21.7 2.3 3.7Z"/></svg>')


def switch_button(label: str, title: str) -> str:
    """The switch's markup; the tooltip script sets aria-pressed and the title as it goes."""
    return (f'<button type="button" class="glossary-toggle" aria-pressed="true" '
            f'title="{escape(title)}">{ICON}'
            f'<span class="glossary-toggle__label">{escape(label)}</span></button>')


def add_switch_script(html: str) -> str:
    """The page with the switch's head script just before </head> (unchanged without one)."""
    return add_to_head(html, HEAD_SCRIPT)


def add_button(html: str, label: str, title: str, start: int = 0) -> str | None:
    """`html` with the button just before its first <h1> from `start` on, or None without
    one. The plugin puts it into the page's content, whose title comes early: finding the
    title in the whole finished page took longer than adding the tooltips."""
    heading = html.find("<h1", start)
    if heading < 0:
        return None
    return html[:heading] + switch_button(label, title) + html[heading:]


def add_button_to_page(html: str, label: str, title: str) -> str:
    """A finished page with the button just before the first <h1> of its <body>: in
    Material, after the page's actions (edit this page), which float right beside the title.
    Unchanged without one."""
    body = html.find("<body")
    with_button = add_button(html, label, title, body) if body >= 0 else None
    return html if with_button is None else with_button
