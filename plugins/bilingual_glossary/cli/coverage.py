"""Which pages use which terms, read from the Markdown sources (no site build needed)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from bilingual_glossary.data.errors import GlossaryError, Problem
from bilingual_glossary.data.model import DEFAULT_LANG, LANGS, Glossary
from bilingual_glossary.glossary_page.directive import holds_glossary
from bilingual_glossary.languages import page_language
from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.matching.endings import korean_stems

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


def scan_docs(glossary: Glossary, docs_dir: Path) -> Coverage:
    annotators = {lang: Annotator(glossary, lang) for lang in LANGS}
    result = Coverage(pages={lang: {} for lang in LANGS})
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        lang = page_language(rel, DEFAULT_LANG)
        source = _read_page(path, f"{docs_dir.name}/{rel}")
        if _is_generated(source):
            continue
        for term_id in sorted(terms_in_page(annotators[lang], source)):
            result.pages[lang].setdefault(term_id, []).append(rel)
        result.loose_bold.extend(
            (rel, line, phrase) for line, phrase in bold_phrases(source)
            if not names_a_term(glossary, lang, phrase))
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


def names_a_term(glossary: Glossary, lang: str, phrase: str) -> bool:
    wanted = {" ".join(phrase.casefold().split())}
    if lang == "ko":  # the matcher's own table of endings (matching/korean_endings.yml)
        wanted = korean_stems(next(iter(wanted)))
    else:
        wanted |= {w[:-2] for w in wanted if w.endswith("es")} | {
            w[:-1] for w in wanted if w.endswith("s")}
    names = {n.casefold() for term in glossary for n in term.text[lang].names}
    return bool(wanted & names)


def _is_generated(source: str) -> bool:
    """The glossary page itself names every term; it must not count as a use."""
    return holds_glossary(source)


def _read_page(path: Path, label: str) -> str:
    """A page's Markdown; a page that is not UTF-8 is one clear problem, not a traceback."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start:exc.start + 1].hex()
        raise GlossaryError([Problem(label, "", f"is not UTF-8 text (byte 0x{byte} at offset "
                                     f"{exc.start}).", "save the page as UTF-8.")]) from None
