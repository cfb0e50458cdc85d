"""schema.org DefinedTermSet JSON-LD for a glossary page, so search engines see the terms."""

from __future__ import annotations

import json
from typing import Any

from bilingual_glossary.data.model import Glossary
from bilingual_glossary.export.addresses import SiteAddresses


def defined_term_set(glossary: Glossary, lang: str, addresses: SiteAddresses,
                     name: str) -> dict[str, Any]:
    """The page's terms in `lang`. Without site_url the addresses are relative to the page
    itself (JSON-LD resolves them against the document's URL)."""
    page = addresses.page(lang) if addresses.absolute else None
    set_id = page or "./"
    terms = []
    for term in glossary:
        text = term.text[lang]
        url = f"{page or ''}#{term.id}"
        item: dict[str, Any] = {
            "@type": "DefinedTerm",
            "@id": url,
            "url": url,
            "name": text.term,
            "description": text.short,
            # a plain address, as in schema.org's own examples: the page repeats this for
            # every term, so no {"@id": ...} wrapper (and no termCode: the @id ends in the id)
            "inDefinedTermSet": set_id,
        }
        if text.aliases:
            item["alternateName"] = list(text.aliases)
        terms.append(item)
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": set_id,
        "url": set_id,
        "name": name,
        "inLanguage": lang,
        "hasDefinedTerm": terms,
    }


def json_ld_script(data: dict[str, Any]) -> str:
    """A <script type="application/ld+json"> element. <, > and & become \\u escapes, so no
    text from the glossary can close the element or start a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # U+2028/2029 end a line in older JavaScript parsers that some tools still use
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>'

