"""The matcher on prose written like the Kubernetes docs (tests/corpus/*.yml), with the site's
real glossary: its exclusions, action terms and letter-case decisions are part of what is
tested. Every sentence must come out exactly as marked, through plain text and through the
page (HTML) path alike. `make match-report` prints the same measurement as a table."""

from __future__ import annotations

from pathlib import Path

import pytest
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


@pytest.mark.parametrize("lang,case", ALL, ids=[case.where for _, case in ALL])
def test_sentence_comes_out_as_marked(lang: str, case: Case):
    found = found_in_text(MATCHERS[lang], case.text)
    assert case.show(found) == case.show(case.expected)


@pytest.mark.parametrize("lang,case", ALL, ids=[case.where for _, case in ALL])
def test_the_page_path_agrees(lang: str, case: Case):
    found = found_in_html(ANNOTATORS[lang], case.text)
    assert case.show(found) == case.show(case.expected)


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
