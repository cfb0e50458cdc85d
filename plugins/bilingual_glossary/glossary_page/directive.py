"""Where the glossary goes on its page: the directive `<!-- bilingual-glossary -->`.

An HTML comment, like Material's `<!-- material/tags -->`, so the page needs no macro plugin.
The `{{ glossary_page() }}` macro writes the same directive, so this is the one place that
puts the glossary on a page. The HTML goes in as a placeholder token (placeholders.py):
Markdown never reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

DIRECTIVE = "<!-- bilingual-glossary -->"
_DIRECTIVE = re.compile(r"<!--[ \t]*bilingual-glossary[ \t]*-->")
_MACRO = re.compile(r"\{\{-?\s*glossary_page\s*\(")


def holds_glossary(markdown: str) -> bool:
    """Whether a page's Markdown asks for the glossary (the directive or the macro)."""
    return bool(_DIRECTIVE.search(markdown) or _MACRO.search(markdown))


def fill_directive(markdown: str, label: str, html: Callable[[], str],
                   hold: Callable[[str, bool], str], macros_on: bool) -> str:
    """The glossary page's Markdown with its directive replaced by the glossary.

    `label` names the page in messages; `html()` renders the glossary, `hold(html, block)`
    returns its token. Raises ValueError with one line when the page shows no glossary, or
    shows it twice.
    """
    found = _DIRECTIVE.findall(markdown)
    if len(found) == 1:
        return _DIRECTIVE.sub(lambda _: f"\n\n{hold(html(), True)}\n\n", markdown, count=1)
    if found:
        raise ValueError(f"{label}: shows the glossary {len(found)} times. Fix: keep one "
                         f"{DIRECTIVE} (or one {{{{ glossary_page() }}}}).")
    if not macros_on and _MACRO.search(markdown):
        raise ValueError(f"{label}: {{{{ glossary_page() }}}} stays text without the "
                         f"mkdocs-macros plugin. Fix: write {DIRECTIVE} in its place.")
    raise ValueError(f"{label}: is the glossary page (the plugin's glossary_page option) but "
                     f"holds no glossary. Fix: add a line {DIRECTIVE} where the entries go.")
