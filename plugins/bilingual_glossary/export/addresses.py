"""Where each glossary entry lives on the site: the one rule for the exports' URLs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bilingual_glossary.data.model import LANGS


@dataclass(frozen=True)
class SiteAddresses:
    """The site's address (or None) and the glossary page of each language that has one."""

    site_url: str | None  # "https://example.org/docs/", always with a trailing slash
    glossary_pages: Mapping[str, str]  # lang -> "glossary/", "en/glossary/", relative to root

    @property
    def absolute(self) -> bool:
        return self.site_url is not None

    def page(self, lang: str) -> str | None:
        """The glossary page in `lang`, absolute with site_url, else relative to the root;
        None when the site has no glossary page in that language."""
        url = self.glossary_pages.get(lang)
        return None if url is None else (self.site_url or "") + url

    def entry(self, term_id: str, lang: str) -> str | None:
        """An entry's address: its heading on the glossary page carries the term id."""
        page = self.page(lang)
        return None if page is None else f"{page}#{term_id}"


def normalize_site_url(site_url: str | None) -> str | None:
    """'' and None mean no site_url; a directory URL ends with '/', as MkDocs makes it."""
    if not site_url or not site_url.strip():
        return None
    site_url = site_url.strip()
    return site_url if site_url.endswith("/") else site_url + "/"


def site_addresses(site_url: str | None, glossary_pages: Mapping[str, str]) -> SiteAddresses:
    """Addresses for the glossary languages among `glossary_pages` (lang -> URL)."""
    pages = {lang: glossary_pages[lang] for lang in LANGS if lang in glossary_pages}
    return SiteAddresses(normalize_site_url(site_url), pages)


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown page: glossary.md -> glossary/ (or glossary.html);
    an index.md or README.md stands for its folder."""
    path = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    folder, _, stem = path.rpartition("/")
    folder = f"{folder}/" if folder else ""
    if stem in ("index", "README"):
        return folder if use_directory_urls else f"{folder}index.html"
    return f"{folder}{stem}/" if use_directory_urls else f"{folder}{stem}.html"


def i18n_glossary_pages(glossary_page: str, default_lang: str, langs: Iterable[str],
                        use_directory_urls: bool = True) -> dict[str, str]:
    """mkdocs-static-i18n's layout: the default language at the root, each other language
    under <lang>/ (the same for its suffix and folder structures)."""
    url = page_url(glossary_page, use_directory_urls)
    return {lang: url if lang == default_lang else f"{lang}/{url}" for lang in langs}
