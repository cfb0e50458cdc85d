"""Hierarchy diagrams as inline SVG (stub: the diagram issue fills this in)."""

from __future__ import annotations

from glossary.model import Glossary


def hierarchy_svg(glossary: Glossary, root: str, lang: str, glossary_href: str,
                  depth: int | None = None, examples: int = 2) -> str:
    return ""


def chain_svg(glossary: Glossary, root: str, lang: str, glossary_href: str) -> str:
    return ""
