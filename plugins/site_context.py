"""What both adapters need to know about an MkDocs page: its language and its glossary URL."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

DEFAULT_LANG = "ko"
GLOSSARY_PAGE = "glossary/"


def page_lang(page) -> str:
    # mkdocs-static-i18n sets file.locale; the suffix (.en.md) is the fallback
    locale = getattr(page.file, "locale", None)
    if locale:
        return locale
    return "en" if page.file.src_uri.endswith(".en.md") else DEFAULT_LANG


def glossary_url(lang: str) -> str:
    return GLOSSARY_PAGE if lang == DEFAULT_LANG else f"{lang}/{GLOSSARY_PAGE}"


def glossary_href(page, lang: str) -> str:
    """Relative link from the page to its language's glossary page."""
    return get_relative_url(glossary_url(lang), page.url)


def is_glossary_page(page, lang: str) -> bool:
    return page.url == glossary_url(lang)
