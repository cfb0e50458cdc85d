"""The reader's switch for term marks: the small script that goes in the <head> of each page
with marked terms (the plugin adds it where it adds tooltips).

glossary-tooltip.js adds the switch (button.glossary-toggle) and keeps the reader's choice in
localStorage; it runs at the end of <body>, after the page may have been painted. This script
runs before the first paint, so a reader who turned the marks off never sees them flash on.
It also tells the tooltip script that the plugin is on for this page (class `glossary-marks`):
with annotation disabled, or on a page without marked terms, there is nothing to switch,
and no button. The button's words come from the tooltips' container (markup.tooltips_html).

The names below must match glossary-tooltip.js (OFF_CLASS, STORAGE_NAME) and its stylesheet.
"""

from __future__ import annotations

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


def add_switch_script(html: str) -> str:
    """The page with the switch's head script just before </head> (unchanged without one)."""
    return add_to_head(html, HEAD_SCRIPT)
