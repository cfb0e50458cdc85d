"""One search index per language, from the one index a multilingual build leaves at the root.

mkdocs-static-i18n builds every language into one site and stacks all their pages into one
search/search_index.json at the root, which every page then downloads (both languages, to show
one). After its last pass, split_search_index() keeps the default language's entries at the
root and writes each other language's entries to <prefix>search/search_index.json (en/search/
...), with locations relative to that language's root ("en/pods/" becomes "pods/"), so a page
whose search base is its language's root (overrides/main.html) links its results right.

Plain files and values only: the plugin's on_post_build calls it with the language prefixes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from bilingual_glossary.data.errors import GlossaryError, Problem

INDEX = Path("search") / "search_index.json"


def split_search_index(site_dir: Path, prefixes: Sequence[str]) -> dict[str, int]:
    """Splits site_dir/search/search_index.json by the other languages' URL prefixes ("en/").

    Returns the number of entries per language root ("" for the default language). A site
    without the index (no search plugin) is left alone and returns {}.
    """
    root_index = site_dir / INDEX
    if not root_index.is_file():
        return {}
    label = INDEX.as_posix()
    try:
        data = json.loads(root_index.read_text(encoding="utf-8"))
        docs = data["docs"]
        if not isinstance(docs, list):
            raise TypeError("docs is not a list")
    except (ValueError, KeyError, TypeError) as exc:
        raise GlossaryError([Problem(label, "docs", f"cannot be split by language ({exc}).",
                                     "leave the search plugin's index as it writes it, or "
                                     "turn the glossary plugin's search_per_language off.")]
                            ) from None
    wanted = sorted({p.strip("/") + "/" for p in prefixes if p.strip("/")}, key=len,
                    reverse=True)  # the longest prefix wins: "en/" before "e/"
    parts: dict[str, list[dict]] = {"": [], **{prefix: [] for prefix in wanted}}
    for doc in docs:
        location = str(doc.get("location", "")) if isinstance(doc, dict) else ""
        prefix = next((p for p in wanted if location.startswith(p)), "")
        parts[prefix].append({**doc, "location": location[len(prefix):]} if prefix else doc)
    for prefix, entries in parts.items():
        target = site_dir / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        # Hangul as UTF-8, not \\uXXXX: half the bytes before gzip
        target.write_text(json.dumps({**data, "docs": entries}, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")
    return {prefix: len(entries) for prefix, entries in parts.items()}
