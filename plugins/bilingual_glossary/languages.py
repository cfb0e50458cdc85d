"""Which language a page is in: the one rule, shared by the plugin and the contributor CLI."""

from __future__ import annotations

from bilingual_glossary.data.model import LANGS


def suffix_language(src_uri: str) -> str | None:
    """The language named by a page's suffix (pods.en.md -> en), or None."""
    parts = src_uri.rsplit("/", 1)[-1].split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGS else None


def page_language(src_uri: str, default: str, locale: str | None = None) -> str:
    """mkdocs-static-i18n's locale when it set one, else the suffix, else the site's language."""
    return locale or suffix_language(src_uri) or default


def without_language_suffix(src_uri: str) -> str:
    """pods.en.md -> pods.md: the page whose translation this is."""
    lang = suffix_language(src_uri)
    if lang is None:
        return src_uri
    head, _, tail = src_uri.rpartition(f".{lang}.")
    return f"{head}.{tail}"
