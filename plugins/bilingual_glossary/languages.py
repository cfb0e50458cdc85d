"""Which language a page is in, and what a language code means: the one rule, shared by the
plugin and the contributor CLI."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from bilingual_glossary.data.model import LANGS


def normalize_lang(code: object) -> str:
    """The glossary's language key of a locale: en_US, en-US and EN are all en.

    Every language code from outside (theme.language, static-i18n's locales, a page's locale)
    passes through here, so the glossary, its files and the site agree on one spelling.
    """
    return str(code).strip().replace("_", "-").split("-")[0].lower()


def site_languages(theme_lang: object, i18n_langs: Iterable[object] = ()) -> tuple[str, ...]:
    """A site's languages: the theme's (or static-i18n's default) first, then static-i18n's
    other languages, each once."""
    langs: list[str] = []
    for code in (theme_lang, *i18n_langs):
        lang = normalize_lang(code) if code else ""
        if lang and lang not in langs:
            langs.append(lang)
    return tuple(langs)


def _suffix(src_uri: str, langs: Collection[str]) -> str | None:
    """A page's language suffix as written (pods.en_US.md -> en_US), if it names one of
    `langs`."""
    parts = src_uri.rsplit("/", 1)[-1].split(".")
    return parts[-2] if len(parts) > 2 and normalize_lang(parts[-2]) in langs else None


def suffix_language(src_uri: str, langs: Collection[str] = LANGS) -> str | None:
    """The language named by a page's suffix (pods.en.md, pods.en_US.md -> en), or None."""
    suffix = _suffix(src_uri, langs)
    return normalize_lang(suffix) if suffix else None


def page_language(src_uri: str, default: str, locale: str | None = None,
                  langs: Collection[str] = LANGS) -> str:
    """mkdocs-static-i18n's locale when it set one, else the suffix, else the site's language."""
    if locale:
        return normalize_lang(locale)
    return suffix_language(src_uri, langs) or default


def without_language_suffix(src_uri: str, langs: Collection[str] = LANGS) -> str:
    """pods.en.md -> pods.md: the page whose translation this is."""
    suffix = _suffix(src_uri, langs)
    if suffix is None:
        return src_uri
    head, _, tail = src_uri.rpartition(f".{suffix}.")
    return f"{head}.{tail}"
