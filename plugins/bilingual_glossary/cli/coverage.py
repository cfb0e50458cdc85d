"""Which pages use which terms, read from the Markdown sources (no site build needed)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from bilingual_glossary.data.model import Glossary
from bilingual_glossary.glossary_page.directive import holds_glossary
from bilingual_glossary.languages import page_language
from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.page_source import read_page

FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]+`")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
TERM_MACRO = re.compile(r"""\{\{-?\s*term\(\s*['"]([^'"]+)['"]""")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition"]


@dataclass
class Coverage:
    # lang -> term id -> pages (docs-relative paths) that use it
    pages: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # (page, line, phrase) of bold phrases that name no term
    loose_bold: list[tuple[str, int, str]] = field(default_factory=list)

    def unused(self, glossary: Glossary, lang: str) -> list[str]:
        return [t.id for t in glossary if not self.pages[lang].get(t.id) and not t.standalone]


def scan_docs(glossary: Glossary, docs_dir: Path, default_lang: str,
              page_langs: dict[str, str] | None = None) -> Coverage:
    """Every page of docs_dir in the glossary's languages. `page_langs` maps a page
    (docs-relative path) to its language as the site has it; a page it leaves out is in the
    language of its suffix, else in `default_lang`."""
    langs = glossary.langs
    annotators = {lang: Annotator(glossary, lang) for lang in langs}
    result = Coverage(pages={lang: {} for lang in langs})
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        lang = (page_langs or {}).get(rel) or page_language(rel, default_lang, langs=langs)
        if lang not in annotators:  # a language the glossary has no text in
            continue
        source = read_page(path, f"{docs_dir.name}/{rel}")
        if _is_generated(source):
            continue
        annotator = annotators[lang]
        for term_id in sorted(terms_in_page(annotator, source)):
            result.pages[lang].setdefault(term_id, []).append(rel)
        result.loose_bold.extend(
            (rel, line, phrase) for line, phrase in bold_phrases(source)
            if annotator.matcher.term_of(phrase) is None)
    return result


def terms_in_page(annotator: Annotator, source: str) -> set[str]:
    body = FRONT_MATTER.sub("", source)
    used = set(TERM_MACRO.findall(body))
    html = markdown.markdown(JINJA.sub("", body), extensions=MARKDOWN_EXTENSIONS)
    return used | set(annotator.annotate(html, "", every=False).used)


def bold_phrases(source: str) -> Iterable[tuple[int, str]]:
    body = INLINE_CODE.sub("", FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), source))
    for number, line in enumerate(body.splitlines(), start=1):
        for match in BOLD.finditer(line):
            yield number, match.group(1).strip()


def _is_generated(source: str) -> bool:
    """The glossary page itself names every term; it must not count as a use."""
    return holds_glossary(source)

