"""The matcher on prose written like the Kubernetes docs (tests/corpus/*.yml), with the site's
real glossary: its exclusions, action terms and letter-case decisions are part of what is
tested. Every sentence must come out exactly as marked, through plain text and through the
page (HTML) path alike. `make match-report` prints the same measurement as a table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bilingual_glossary import load_glossary
from bilingual_glossary.evaluation import (
    Case,
    CorpusError,
    found_in_html,
    found_in_text,
    load_corpus,
    parse_marked,
    report,
    score,
)
from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.matching.matcher import Matcher
from conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
GLOSSARY = load_glossary(ROOT / "glossary")
CASES = {lang: load_corpus(CORPUS / f"{lang}.yml", GLOSSARY.terms) for lang in ("ko", "en")}
MATCHERS = {lang: Matcher.for_glossary(GLOSSARY, lang) for lang in CASES}
ANNOTATORS = {lang: Annotator(GLOSSARY, lang) for lang in CASES}
ALL = [(lang, case) for lang, cases in CASES.items() for case in cases]


def _sentence_lines(path: Path) -> dict[tuple[str, int], int]:
    """(category, n) -> the line of the n-th sentence of the category in a corpus file."""
    lines: dict[tuple[str, int], int] = {}
    root = yaml.compose(path.read_text(encoding="utf-8"))
    for key, value in getattr(root, "value", None) or []:
        for number, item in enumerate(getattr(value, "value", None) or [], start=1):
            lines[(str(key.value), number)] = item.start_mark.line + 1
    return lines


LINES = {lang: _sentence_lines(CORPUS / f"{lang}.yml") for lang in CASES}


def _agrees(lang: str, case: Case, found: tuple) -> None:
    """Fails, in plain words, when the glossary and a marked sentence disagree: a corpus test
    depends on the glossary on purpose, so a new term or alias can change what is right."""
    if case.show(found) == case.show(case.expected):
        return
    number = int(case.where.rpartition("#")[2])
    where = f"tests/corpus/{lang}.yml:{LINES[lang].get((case.category, number), '?')}"

    def names(spans) -> list[str]:
        return [f"'{case.text[a:b]}' as {tid} ({_source(tid)})" for a, b, tid in sorted(spans)]

    extra, missing = set(found) - set(case.expected), set(case.expected) - set(found)
    lines = [f"{where} ({case.category} #{number}): the glossary and the marked sentence "
             "disagree.",
             f"  marked in the corpus: {case.show(case.expected)}",
             f"  found by the matcher: {case.show(found)}"]
    if extra:
        lines.append("  found but not marked: " + "; ".join(names(extra)))
    if missing:
        lines.append("  marked but not found: " + "; ".join(names(missing)))
    lines += [
        "What to do:",
        f"  - If you added or renamed a term or alias on purpose and this mention is that term, "
        f"the sentence is now right as found: copy the 'found' line into {where}.",
        "  - If this word is not the term here, keep the sentence and add an exclusion to the "
        "term's file (not_after, not_before or case_sensitive; see docs/contributing.md).",
        "  - If a marked mention is no longer found, check the term's names and exclusions.",
    ]
    pytest.fail("\n".join(lines), pytrace=False)


def _source(term_id: str) -> str:
    term = GLOSSARY.terms.get(term_id)
    return term.source if term is not None else "not in the glossary"


@pytest.mark.parametrize("lang,case", ALL, ids=[case.where for _, case in ALL])
def test_sentence_comes_out_as_marked(lang: str, case: Case):
    _agrees(lang, case, found_in_text(MATCHERS[lang], case.text))


@pytest.mark.parametrize("lang,case", ALL, ids=[case.where for _, case in ALL])
def test_the_page_path_agrees(lang: str, case: Case):
    _agrees(lang, case, found_in_html(ANNOTATORS[lang], case.text))


# Each category of the issue, with places to find and places to leave alone.
CATEGORIES = {
    "ko": {"particles", "copula", "action_verbs", "suffixes", "longer_words", "compounds",
           "spacing_and_aliases", "everyday_service", "verb_jab", "wrong_sound",
           "other_exclusions"},
    "en": {"plurals", "compounds", "everyday_words", "not_the_term", "longer_words", "aliases"},
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_corpus_covers_every_category_with_positives_and_negatives(lang: str):
    cases = CASES[lang]
    assert {case.category for case in cases} == CATEGORIES[lang]
    assert len(cases) >= 50
    marked = sum(len(case.expected) for case in cases)
    unmarked = sum(1 for case in cases if not case.expected)
    assert marked >= 80 and unmarked >= 20, (marked, unmarked)
    # the false-hit categories are mostly sentences in which nothing may be found
    negatives = {"ko": "everyday_service", "en": "not_the_term"}[lang]
    assert sum(1 for c in cases if c.category == negatives and not c.expected) >= 5


def test_the_report_counts_and_lists_mistakes():
    text = "[[파드|pod]]는 클러스터링이 아니라 [[노드|node]]에 있다."
    plain, expected = parse_marked(text)
    case = Case("demo", plain, expected, "demo #1")
    matcher = Matcher({"파드": "pod", "클러스터": "cluster"}, "ko")  # knows no 노드
    scores = score([case], matcher.spans)
    assert (scores[""].right, len(scores[""].false_hits), len(scores[""].misses)) == (1, 0, 1)
    assert scores["demo"].precision == 1.0 and scores["demo"].recall == 0.5
    printed = report(scores, "demo")
    assert "demo                         1     0      1    100.0%   50.0%" in printed
    assert "missed: demo #1: '노드' as node" in printed


@pytest.mark.parametrize("marked,message", [
    ("[[파드|]]는", "names no term"),
    ("[[파드 pod]]는", "a mark is not closed or has no '|'"),
    ("[[파드|pod]는", "a mark is not closed or has no '|'"),
])
def test_a_bad_mark_is_named(marked: str, message: str):
    with pytest.raises(CorpusError) as info:
        parse_marked(marked, "x.yml: demo #1")
    assert str(info.value).startswith("x.yml: demo #1: ")
    assert message in str(info.value)


def test_an_unknown_term_id_in_the_corpus_is_named(tmp_path: Path):
    corpus = tmp_path / "ko.yml"
    corpus.write_text("demo:\n  - '[[파드|podd]]는 있다.'\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_corpus(corpus, GLOSSARY.terms)
    assert str(info.value) == "ko.yml: demo #1: 'podd' is not a glossary term id."


def test_parse_marked_offsets():
    assert parse_marked("그 [[파드|pod]]들과 [[etcd|etcd]].") == (
        "그 파드들과 etcd.", ((2, 4, "pod"), (7, 11, "etcd")))


# --- the held-out corpus: loaded and reported, never a pass/fail score ------------------------

HELD_OUT = CORPUS / "held-out"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_held_out_corpus_is_credited_marked_and_from_pages_outside_concepts(lang: str):
    path = HELD_OUT / f"{lang}.yml"
    assert "CC BY 4.0" in path.read_text(encoding="utf-8")
    pages = load_corpus(path, GLOSSARY.terms, pages=True)
    assert pages and all(case.category.startswith(("tasks/", "tutorials/", "reference/"))
                         for case in pages)
    assert sum(len(case.expected) for case in pages) >= 50


def test_a_page_case_joins_its_sentences_and_moves_the_marks(tmp_path: Path):
    corpus = tmp_path / "ko.yml"
    corpus.write_text("tasks/x:\n  - '[[파드|pod]]는 있다.'\n  - '그 [[노드|node]].'\n",
                      encoding="utf-8")
    (page,) = load_corpus(corpus, GLOSSARY.terms, pages=True)
    assert page.text == "파드는 있다.\n그 노드."
    assert page.expected == ((0, 2, "pod"), (10, 12, "node"))
