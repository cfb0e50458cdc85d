"""A page's Markdown source as the project reads it: UTF-8, with front matter that is read
within bounds and whose title cannot become markup.

MkDocs drops front matter it cannot parse without a word (the `---` block then shows as page
text), parses an alias bomb or a 100,000-deep list as readily as a title (mkdocs-macros then
prints the whole structure and runs out of memory), and Material prints `page.title` unescaped
in the header, the navigation and the footer of every page. The plugin checks each page's
front matter here before MkDocs and mkdocs-macros read it (plugin.py, on_page_read_source).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bilingual_glossary.data.errors import GlossaryError, Problem
from bilingual_glossary.data.safe_yaml import YamlProblem, load_yaml

FRONT_MATTER_DEPTH = 10  # Material's own keys (hide: [..], search: {boost: ..}) need two
TITLE_MARKUP = "<>&"  # Material prints page titles as HTML: none of these may reach it


def read_page(path: Path, label: str) -> str:
    """A page's Markdown; a page that is not UTF-8 is one clear problem, not a traceback."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start:exc.start + 1].hex()
        raise GlossaryError([Problem(label, "", f"is not UTF-8 text (byte 0x{byte} at offset "
                                     f"{exc.start}).", "save the page as UTF-8.")]) from None


def front_matter(text: str, label: str, first_line: int = 2) -> dict[str, Any]:
    """The front matter's data; GlossaryError naming the file's line and the fix when it is
    broken, too large or deep, uses aliases, is not a mapping, or has a title with markup.
    `first_line` is the file's line number of the YAML's first line (after `---`)."""
    try:
        data = load_yaml(text, max_depth=FRONT_MATTER_DEPTH)
    except YamlProblem as exc:
        where = f"line {exc.line + first_line - 1}" if exc.line else ""
        raise GlossaryError([Problem(label, where, f"front matter: {exc.message}",
                                     exc.fix)]) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GlossaryError([Problem(label, f"line {first_line}", "front matter is not a "
                                     "list of `key: value` lines, so MkDocs would show it as "
                                     "page text.", "write e.g. `title: ...`, or start the page "
                                     "with something other than ---.")])
    for key in ("title", "description"):  # printed on the page, in lists and in <meta>
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise GlossaryError([Problem(label, key, f"must be text, not {_kind(value)}.",
                                         f"write one line of text after `{key}:`; quote it "
                                         "if it looks like a number or a list.")])
    title = data.get("title")
    if isinstance(title, str) and any(ch in title for ch in TITLE_MARKUP):
        raise GlossaryError([Problem(label, "title", f"'{title}' has one of < > &; the theme "
                                     "prints page titles as HTML in its header, navigation "
                                     "and footer.", "write the title without < > & "
                                     "(e.g. 'and' for &).")])
    return data



def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value),
                                                                       "a number or date")


def unclosed_front_matter(source: str, label: str) -> None:
    """GlossaryError for a page that opens front matter (a first line of ---) and never
    closes it with a line of --- or ...: MkDocs would show the block as page text."""
    first = source.split("\n", 1)[0]
    if first.rstrip(" \t") == "---":
        raise GlossaryError([Problem(label, "line 1", "front matter starts here but no line "
                                     "of --- closes it, so MkDocs would show it as page text.",
                                     "end the front matter with a line of --- (to open the "
                                     "page with a horizontal rule, write *** instead).")])
