"""glossary.csv: one row per term, for spreadsheets.

UTF-8 with a byte-order mark (without one, Excel reads the file in the system's code page and
Hangul turns to mojibake), CRLF line ends and quoting as RFC 4180.
"""

from __future__ import annotations

import csv
import io

from bilingual_glossary.data.model import Glossary

HEADER = ("id", "term_ko", "term_en", "short_ko", "short_en", "aliases_ko", "aliases_en",
          "tags")
LIST_SEPARATOR = "; "


def build_csv(glossary: Glossary) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for term in glossary:
        ko, en = term.text["ko"], term.text["en"]
        writer.writerow((
            term.id, ko.term, en.term, ko.short, en.short,
            LIST_SEPARATOR.join(ko.aliases), LIST_SEPARATOR.join(en.aliases),
            LIST_SEPARATOR.join(dict.fromkeys(term.tags)),
        ))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
