#!/usr/bin/env python3
"""Precision and recall of the term matcher on the marked corpus, per category of sentence.

    python bench/matching_report.py [--glossary glossary] [--corpus tests/corpus] [--html]

The tuning corpus (tests/corpus/ko.yml and en.yml) is prose written like the Kubernetes docs,
with every mention of a glossary term marked as [[파드|pod]]; the held-out corpus
(tests/corpus/held-out/) holds marked excerpts of kubernetes.io pages that no rule is tuned on,
reported apart. The matcher runs with this site's
glossary, so its exclusions (not_after, not_before), action terms and letter-case decisions
count. A found mention is right only with the mark's start, end and term id. With --html the
sentences go through the page path (each escaped into a <p>, every mention linked) instead of
plain text; the two must agree, and tests/test_prose_corpus.py checks that they do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bilingual_glossary import GlossaryError, load_glossary
from bilingual_glossary.evaluation import (
    CorpusError,
    found_in_html,
    load_corpus,
    report,
    score,
)
from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.matching.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--html", action="store_true", help="match through the page path")
    args = parser.parse_args(argv)
    try:
        glossary = load_glossary(args.glossary)
        path = "page (HTML)" if args.html else "plain text"
        for corpus, held_out in ((args.corpus, False), (args.corpus / "held-out", True)):
            for lang in ("ko", "en"):
                # the held-out corpus: excerpts of real pages, one page per category
                cases = load_corpus(corpus / f"{lang}.yml", glossary.terms, pages=held_out)
                if args.html:
                    annotator = Annotator(glossary, lang)
                    scores = score(cases, lambda text, a=annotator: found_in_html(a, text))
                else:
                    scores = score(cases, Matcher.for_glossary(glossary, lang).spans)
                what = (f"held-out, {len(cases)} pages of kubernetes.io" if held_out
                        else f"tuning, {len(cases)} sentences")
                print(report(scores, f"{lang} ({what}), {path}"))
                print()
    except (GlossaryError, CorpusError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
