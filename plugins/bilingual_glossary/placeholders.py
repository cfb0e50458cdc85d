"""HTML that Markdown never reads: a page gets a token, and the HTML replaces it afterwards.

The diagrams and the glossary are finished, escaped HTML. Written into a page's Markdown,
Markdown would parse them again (a term name such as `*x*{: onclick=…}` would become markup),
and a `<figure>` in a list item would leave the item. So the macros and the glossary directive
put a token there, made of letters and digits only (nothing Markdown can change), and the
plugin swaps the HTML in once Markdown has rendered the page.
"""

from __future__ import annotations

import re
import secrets
from html import escape
from html.parser import HTMLParser

_PREFIX = "bilingualglossary"


class Placeholders:
    """The HTML waiting for one build's pages, by token."""

    def __init__(self) -> None:
        # a fresh nonce per build: a page cannot spell a token to pull in another's HTML
        self._prefix = f"{_PREFIX}{secrets.token_hex(6)}x"
        self._html: dict[str, tuple[str, bool]] = {}
        # `<p>` Markdown put around a token alone in its paragraph, or none
        self._token = re.compile(f"<p>({self._prefix}[0-9]++x)</p>|({self._prefix}[0-9]++x)")

    def hold(self, html: str, block: bool = False) -> str:
        """A token for `html`; a block (a figure, the glossary) drops the paragraph around it."""
        token = f"{self._prefix}{len(self._html)}x"  # the x ends it: 1x0 is not 10x
        self._html[token] = (html, block)
        return token

    def has(self, text: str) -> bool:
        return self._prefix in text

    def restore(self, html: str) -> tuple[str, str]:
        """The page with every token replaced, and the HTML that went in (for its anchors)."""
        if self._prefix not in html:
            return html, ""
        inserted: list[str] = []

        def swap(m: re.Match[str]) -> str:
            token = m.group(1) or m.group(2)
            held = self._html.get(token)
            if held is None:  # not one of ours (a copy of a token from another build)
                return m.group()
            content, block = held
            inserted.append(content)
            if m.group(1) and not block:
                return f"<p>{content}</p>"
            return content

        return self._token.sub(swap, html), "".join(inserted)


    def restore_text(self, text: str) -> str:
        """A table of contents' title (HTML text) with each token replaced by its HTML's
        text, escaped again: the theme prints a title as it is."""
        if self._prefix not in text:
            return text

        def text_of(m: re.Match[str]) -> str:
            held = self._html.get(m.group(1) or m.group(2))
            return escape(_text_of(held[0]), quote=False) if held else m.group()

        return self._token.sub(text_of, text)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


def anchor_ids(html: str) -> set[str]:
    """The ids in a piece of HTML: links to them from other pages are valid."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return parser.ids
