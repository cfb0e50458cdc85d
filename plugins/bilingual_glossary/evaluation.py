"""Measure the matcher on marked prose: precision and recall, per category of sentence.

A corpus file is YAML that maps a category to a list of sentences. In a sentence,
`[[파드|pod]]는` marks a mention of the term `pod`; every other word must stay unmarked, so a
sentence without marks is a list of places where no term may be found. The tests
(tests/test_prose_corpus.py) and `make match-report` (bench/matching_report.py) read the same
files: the tuning corpus, tests/corpus/ko.yml and en.yml, and the held-out corpus,
tests/corpus/held-out/ko.yml and en.yml, whose categories are pages (load_corpus(pages=True)):
the excerpts of one page are matched together, as one text, so a rule that looks at the whole
page (an ambiguous term's sense, matching/exclusions.py) sees what the page shows.

A found mention counts as right only with the same start, end and term id as the mark.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.matching.matcher import Matcher

MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]*)\]\]")
Span = tuple[int, int, str]  # start, end, term id


class CorpusError(ValueError):
    """A corpus file that cannot be read as marked sentences; the message names the place."""


@dataclass(frozen=True)
class Case:
    category: str
    text: str  # the sentence without its marks
    expected: tuple[Span, ...]
    where: str  # file: category #n, for messages

    def show(self, spans: Iterable[Span]) -> str:
        """The sentence with `spans` marked, as the corpus writes it."""
        out, pos = [], 0
        for start, end, term_id in sorted(spans):
            out += [self.text[pos:start], f"[[{self.text[start:end]}|{term_id}]]"]
            pos = end
        return "".join([*out, self.text[pos:]])


def parse_marked(marked: str, where: str = "") -> tuple[str, tuple[Span, ...]]:
    """`[[파드|pod]]는` -> ("파드는", ((0, 2, "pod"),))."""
    text: list[str] = []
    spans: list[Span] = []
    pos = length = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        text.append(before)
        length += len(before)
        name, term_id = m.group(1), m.group(2).strip()
        if not term_id:
            raise CorpusError(f"{where}: [[{name}|]] names no term. Fix: write [[{name}|id]].")
        spans.append((length, length + len(name), term_id))
        text.append(name)
        length += len(name)
        pos = m.end()
    rest = marked[pos:]
    if "[[" in rest or "]]" in rest:
        raise CorpusError(f"{where}: a mark is not closed or has no '|'. "
                          "Fix: write [[text|term-id]].")
    text.append(rest)
    return "".join(text), tuple(spans)


def load_corpus(path: Path | str, known_ids: Iterable[str] | None = None,
                pages: bool = False) -> list[Case]:
    """Every sentence of a corpus file; marks naming an unknown term id are errors. With
    `pages`, each category is one page: one Case, its sentences joined by line breaks."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise CorpusError(f"{path.name}: must map categories to lists of sentences.")
    known = set(known_ids) if known_ids is not None else None
    cases: list[Case] = []
    for category, sentences in data.items():
        if not isinstance(sentences, list) or not all(isinstance(s, str) for s in sentences):
            raise CorpusError(f"{path.name}: {category}: must be a list of sentences. "
                              "Fix: quote each sentence and put it on its own `- ` line.")
        for number, marked in enumerate(sentences, start=1):
            where = f"{path.name}: {category} #{number}"
            text, spans = parse_marked(marked, where)
            for _, _, term_id in spans:
                if known is not None and term_id not in known:
                    raise CorpusError(f"{where}: '{term_id}' is not a glossary term id.")
            cases.append(Case(str(category), text, spans, where))
    return _pages(cases, path.name) if pages else cases


def _pages(cases: list[Case], file_name: str) -> list[Case]:
    """One Case per category: its sentences joined by line breaks, the marks moved along."""
    joined: dict[str, tuple[list[str], list[Span]]] = {}
    for case in cases:
        texts, spans = joined.setdefault(case.category, ([], []))
        offset = sum(len(t) + 1 for t in texts)
        texts.append(case.text)
        spans += [(start + offset, end + offset, term_id) for start, end, term_id in
                  case.expected]
    return [Case(category, "\n".join(texts), tuple(spans), f"{file_name}: {category}")
            for category, (texts, spans) in joined.items()]


def found_in_text(matcher: Matcher, text: str) -> tuple[Span, ...]:
    return tuple(matcher.spans(text))


def found_in_html(annotator: Annotator, text: str) -> tuple[Span, ...]:
    """The same sentence through the page path: escaped into a paragraph, every mention
    linked, the links read back as offsets in the sentence."""
    page = annotator.annotate(f"<p>{html.escape(text, quote=False)}</p>", "g/", every=True).html
    spans: list[Span] = []
    link = re.compile(r'<a class="glossary-term" data-term="([^"]*)"[^>]*>(.*?)</a>', re.S)
    plain_before = 0
    pos = len("<p>")
    for m in link.finditer(page):
        plain_before += len(html.unescape(page[pos:m.start()]))
        name = html.unescape(m.group(2))
        spans.append((plain_before, plain_before + len(name), m.group(1)))
        plain_before += len(name)
        pos = m.end()
    return tuple(spans)


@dataclass
class Score:
    right: int = 0
    false_hits: list[tuple[Case, Span]] = field(default_factory=list)
    misses: list[tuple[Case, Span]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.right + len(self.false_hits)
        return self.right / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.right + len(self.misses)
        return self.right / wanted if wanted else 1.0

    def add(self, case: Case, found: Iterable[Span]) -> None:
        found_set, expected = set(found), set(case.expected)
        self.right += len(found_set & expected)
        self.false_hits += [(case, span) for span in sorted(found_set - expected)]
        self.misses += [(case, span) for span in sorted(expected - found_set)]


def score(cases: Iterable[Case], find: Callable[[str], Iterable[Span]]) -> dict[str, Score]:
    """A Score per category, and one for all of them under ''. `find` gives the spans found
    in a sentence: Matcher.spans, or found_in_html with an Annotator."""
    scores: dict[str, Score] = {"": Score()}
    for case in cases:
        found = tuple(find(case.text))
        scores.setdefault(case.category, Score()).add(case, found)
        scores[""].add(case, found)
    return scores


def report(scores: dict[str, Score], title: str) -> str:
    """A plain-text table of precision and recall per category, then every mistake."""
    lines = [title, f"{'category':<24} {'right':>5} {'false':>5} {'missed':>6} "
                    f"{'precision':>9} {'recall':>7}"]
    for category, s in sorted(scores.items(), key=lambda item: (item[0] == "", item[0])):
        lines.append(f"{category or 'all':<24} {s.right:>5} {len(s.false_hits):>5} "
                     f"{len(s.misses):>6} {s.precision:>9.1%} {s.recall:>7.1%}")
    total = scores[""]
    for label, mistakes in (("false hit", total.false_hits), ("missed", total.misses)):
        for case, (start, end, term_id) in mistakes:
            # the line of the sentence it is in (a page case holds many)
            line = case.text[case.text.rfind("\n", 0, start) + 1:].split("\n", 1)[0]
            lines.append(f"  {label}: {case.where}: '{case.text[start:end]}' as {term_id}: "
                         f"{line}")
    return "\n".join(lines)
