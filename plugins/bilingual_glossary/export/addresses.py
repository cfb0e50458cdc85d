"""Where each glossary entry lives on the site: the one rule for the exports' URLs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


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
    """Addresses of the glossary pages in `glossary_pages` (lang -> URL, as MkDocs gave it)."""
    return SiteAddresses(normalize_site_url(site_url), dict(sorted(glossary_pages.items())))
