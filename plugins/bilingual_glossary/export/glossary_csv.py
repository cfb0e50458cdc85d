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

HEADER = ("id", "term_ko", "term_en", "short_ko", "short_en", "aliases_ko", "aliases_en",
          "tags")
LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """`text` as a spreadsheet shows it, never as a formula it runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def build_csv(glossary: Glossary) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for term in glossary:
        ko, en = term.text["ko"], term.text["en"]
        writer.writerow(cell(value) for value in (
            term.id, ko.term, en.term, ko.short, en.short,
            LIST_SEPARATOR.join(ko.aliases), LIST_SEPARATOR.join(en.aliases),
            LIST_SEPARATOR.join(dict.fromkeys(term.tags)),
        ))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
