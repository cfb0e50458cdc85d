"""The glossary page (stub: the glossary-page issue fills this in)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from glossary.model import Glossary
from glossary.session import PageRef


def glossary_page_html(glossary: Glossary, lang: str) -> str:
    return ""


def fill_used_on(html: str, lang: str, usage: Mapping[str, Sequence[PageRef]],
                 page_url: str) -> str:
    return html
