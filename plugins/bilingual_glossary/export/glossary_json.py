"""glossary.json: every term in each of the site's languages, its relations and its address.

The format is described by glossary.schema.json beside this file (published at the site root
next to glossary.json); FORMAT_VERSION changes whenever a field changes meaning or goes away.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bilingual_glossary.data.model import Glossary, Term
from bilingual_glossary.export.addresses import SiteAddresses

FORMAT_VERSION = 1
SCHEMA_NAME = "glossary.schema.json"
SCHEMA_PATH = Path(__file__).with_name(SCHEMA_NAME)


def glossary_data(glossary: Glossary, addresses: SiteAddresses) -> dict[str, Any]:
    """The document as plain data, terms in id order."""
    return {
        # where the schema is published: beside this file on the site
        "$schema": (addresses.site_url or "") + SCHEMA_NAME,
        "format_version": FORMAT_VERSION,
        "languages": list(glossary.langs),
        "site_url": addresses.site_url,
        "tags": {tag: {lang: names[lang] for lang in glossary.langs}
                 for tag, names in glossary.tags.items()},
        "terms": [_term(term, glossary.langs, addresses) for term in glossary],
    }


def _term(term: Term, langs: tuple[str, ...], addresses: SiteAddresses) -> dict[str, Any]:
    data: dict[str, Any] = {"id": term.id}
    for lang in langs:
        text = term.text[lang]
        data[lang] = {
            "term": text.term,
            "aliases": list(text.aliases),
            "avoid": list(text.avoid),
            "short": text.short,
            "long": text.long,  # Markdown source, "" when the entry has none
            "url": addresses.entry(term.id, lang),  # None: no glossary page in lang
            # per language, as in the model: a term-level `docs:` in the YAML file is already
            # copied into each language that names no page of its own
            "docs": text.docs,
        }
    data["part_of"] = term.part_of
    data["kind_of"] = term.kind_of
    # the loader allows a repeated id in these lists; the format lists each once
    data["related"] = list(dict.fromkeys(term.related))
    data["tags"] = list(dict.fromkeys(term.tags))
    return data


def build_json(glossary: Glossary, addresses: SiteAddresses) -> bytes:
    """UTF-8 JSON, Hangul as is, two-space indents, a final newline."""
    text = json.dumps(glossary_data(glossary, addresses), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def schema_bytes() -> bytes:
    return SCHEMA_PATH.read_bytes()
