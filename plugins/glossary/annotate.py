"""Annotate glossary terms in rendered page HTML (stub: the tooltip issue fills this in)."""

from __future__ import annotations

from dataclasses import dataclass

from glossary.model import Glossary


@dataclass(frozen=True)
class Annotated:
    html: str
    used: frozenset[str]  # every term id that occurs on the page, annotated or not


class Annotator:
    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.glossary = glossary
        self.lang = lang

    def annotate(self, html: str, glossary_href: str, every: bool = False) -> Annotated:
        return Annotated(html, frozenset())


def term_link(glossary: Glossary, lang: str, term_id: str, glossary_href: str,
              text: str | None = None) -> str:
    """The markup of one annotation, for the term() macro."""
    return text or glossary[term_id].name(lang)


def tooltips_html(glossary: Glossary, lang: str, term_ids: frozenset[str] | set[str]) -> str:
    """Hidden tooltip elements for the terms a page uses, appended once per page."""
    return ""


def annotated_ids(html: str) -> set[str]:
    """Term ids of the annotations in a page's final HTML."""
    return set()
