"""Where each glossary entry lives on the site: the one rule for the exports' URLs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bilingual_glossary.data.model import DEFAULT_LANG, LANGS


@dataclass(frozen=True)
class SiteAddresses:
    """The site's address (or None) and each language's glossary page, relative to the root."""

    site_url: str | None  # "https://example.org/docs/", always with a trailing slash
    glossary_pages: Mapping[str, str]  # lang -> "glossary/", "en/glossary/"

    @property
    def absolute(self) -> bool:
        return self.site_url is not None

    def page(self, lang: str) -> str:
        """The glossary page in `lang`: absolute with site_url, else relative to the root."""
        return (self.site_url or "") + self.glossary_pages[lang]

    def entry(self, term_id: str, lang: str) -> str:
        """An entry's address: its heading on the glossary page carries the term id."""
        return f"{self.page(lang)}#{term_id}"


def normalize_site_url(site_url: str | None) -> str | None:
    """'' and None mean no site_url; a directory URL ends with '/', as MkDocs makes it."""
    if not site_url or not site_url.strip():
        return None
    site_url = site_url.strip()
    return site_url if site_url.endswith("/") else site_url + "/"


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown page: glossary.md -> glossary/ (or glossary.html);
    an index.md or README.md stands for its folder."""
    path = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    folder, _, stem = path.rpartition("/")
    folder = f"{folder}/" if folder else ""
    if stem in ("index", "README"):
        return folder if use_directory_urls else f"{folder}index.html"
    return f"{folder}{stem}/" if use_directory_urls else f"{folder}{stem}.html"


def default_glossary_pages(glossary_page: str, default_lang: str = DEFAULT_LANG,
                           use_directory_urls: bool = True,
                           langs: tuple[str, ...] = LANGS) -> dict[str, str]:
    """mkdocs-static-i18n's layout: the default language at the root, the others under
    <lang>/ (the same for its suffix and folder structures)."""
    url = page_url(glossary_page, use_directory_urls)
    return {lang: url if lang == default_lang else f"{lang}/{url}" for lang in langs}


def site_addresses(site_url: str | None, glossary_page: str, default_lang: str = DEFAULT_LANG,
                   use_directory_urls: bool = True, known: Mapping[str, str] | None = None,
                   langs: tuple[str, ...] = LANGS) -> SiteAddresses:
    """The glossary pages' real URLs where the build knows them (`known`, lang -> URL), the
    static-i18n rule for the rest: the CLI, which builds nothing, uses the rule alone."""
    pages = default_glossary_pages(glossary_page, default_lang, use_directory_urls, langs)
    pages.update({lang: url for lang, url in (known or {}).items() if lang in pages})
    return SiteAddresses(normalize_site_url(site_url), pages)
