"""glossary.csv: one row per term, for spreadsheets.

UTF-8 with a byte-order mark (without one, Excel reads the file in the system's code page and
Hangul turns to mojibake), CRLF line ends and quoting as RFC 4180. A cell that a spreadsheet
would read as a formula (it starts with = + - @, a tab or a carriage return) gets a leading
apostrophe, as OWASP's "CSV Injection" advises: the file is made for translators to open.
"""

from __future__ import annotations

import csv
import io

from bilingual_glossary.data.model import Glossary

LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """`text` as a spreadsheet shows it, never as a formula it runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def header(langs: tuple[str, ...]) -> tuple[str, ...]:
    """id, term_<lang>..., short_<lang>..., aliases_<lang>..., tags: a column per language."""
    return ("id", *(f"{field}_{lang}" for field in ("term", "short", "aliases") for lang in langs),
            "tags")


def build_csv(glossary: Glossary) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    langs = glossary.langs
    writer.writerow(header(langs))
    for term in glossary:
        texts = [term.text[lang] for lang in langs]
        writer.writerow(cell(value) for value in (
            term.id, *(t.term for t in texts), *(t.short for t in texts),
            *(LIST_SEPARATOR.join(t.aliases) for t in texts),
            LIST_SEPARATOR.join(dict.fromkeys(term.tags)),
        ))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
