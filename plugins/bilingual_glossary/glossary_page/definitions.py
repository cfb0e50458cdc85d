"""Long definitions: Markdown from glossary data, rendered as inert HTML.

Definitions are data, not page source: raw HTML in them is shown as text, links may only
point at http(s) pages or at entries on the same page, images become their alt text (pages
load nothing from other hosts), and headings become bold paragraphs so an entry's outline
stays one heading. The result has no blank lines, so it can sit inside a raw HTML block.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.treeprocessors import Treeprocessor

_SAFE_HREF = re.compile(r"^(?:https?://|#[A-Za-z0-9_-]+$)", re.IGNORECASE)
_HEADINGS = {f"h{level}" for level in range(1, 7)}
_PRE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL)


class _DefangTree(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                href = element.get("href", "")
                if not _SAFE_HREF.match(href.strip()):
                    element.tag = "span"
                    element.attrib.clear()
                elif not href.startswith("#"):
                    element.set("rel", "noopener")
            elif element.tag == "img":
                alt = element.get("alt", "")
                element.tag = "span"
                element.attrib.clear()
                element.text = alt
            elif element.tag in _HEADINGS:
                strong = ET.Element("strong")
                strong.text, element.text = element.text, None
                strong[:] = list(element)
                element[:] = [strong]
                element.tag = "p"
                element.attrib.clear()


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    # No raw HTML: block HTML and inline tags stay text and get escaped by the serializer.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DefangTree(md), "defang", 0)
    return md


def render_long(text: str) -> str:
    """The long definition as HTML without blank lines ('' when there is none)."""
    if not text.strip():
        return ""
    html = _markdown().convert(text)
    return without_blank_lines(html)


def without_blank_lines(html: str) -> str:
    """Keep HTML one Markdown block: newlines inside <pre> become &#10;, blank lines go."""
    html = _PRE_BLOCK.sub(lambda m: m.group(0).replace("\n", "&#10;"), html)
    return "\n".join(line for line in html.splitlines() if line.strip())
