"""Structural drift: a translated page must keep its source page's skeleton.

Twin pages must have the same heading ids (in the same order), the same number of fenced code
blocks, the same internal link targets and the same glossary macros. Prose may differ freely;
these may not, because links, anchors and the language switcher rely on them.

Read from the Markdown as written (so messages name lines): ATX headings with an explicit
`{#id}`, fenced code blocks (``` or ~~~, indented or not; 4-space indented code is not
counted), inline links, images, reference definitions and HTML href/src outside code, and
the glossary's macros called in {{ ... }} outside {% raw %} (mkdocs-macros runs Jinja
everywhere else, code included; a macro named inside a string literal is not a call). A term()
macro's own text differs by language, so only its id is compared.
"""

from __future__ import annotations

import ast
import posixpath
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bilingual_glossary.data.model import LANGS
from bilingual_glossary.l10n.freshness import (
    relative_label,
    source_pages,
    translation_langs,
    twin_path,
)
from bilingual_glossary.l10n.markdown import (
    blank_raw_blocks,
    line_number,
    mask_code,
    scan,
)
from bilingual_glossary.page_source import read_page

MACROS = ("term", "hierarchy", "hierarchy_chain", "glossary_page")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_HEADING_ID = re.compile(r"\{[^}]*?#([^\s}]+)[^}]*\}\s*$")
_INLINE_LINK = re.compile(r"\]\(\s*(<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
_HTML_LINK = re.compile(r"\b(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_MACRO_NAME = re.compile(r"\b(" + "|".join(MACROS) + r")\s*\(")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'", re.S)
FIX = "keep the translation's structure the same as its source's"


@dataclass(frozen=True)
class Structure:
    headings: tuple[tuple[str | None, int], ...]  # (explicit id or None, line), in order
    code_blocks: tuple[int, ...]  # the line of each opening fence
    links: dict[str, int]  # internal target -> first line
    macros: tuple[tuple[str, int], ...]  # (normalized call, line)


def read_structure(source: str) -> Structure:
    lines = scan(source)
    headings: list[tuple[str | None, int]] = []
    code_blocks: list[int] = []
    links: dict[str, int] = {}
    for line in lines:
        if line.kind == "fence_open":
            code_blocks.append(line.number)
        if line.kind != "prose":
            continue
        text = mask_code(line.text)
        heading = _HEADING.match(text)
        if heading and not line.quote:
            found = _HEADING_ID.search(heading.group(2) or "")
            headings.append((found.group(1) if found else None, line.number))
        targets = [m.group(1) for m in _INLINE_LINK.finditer(text)]
        targets += [m.group(1) for m in _REFERENCE.finditer(text)]
        targets += [m.group(1) if m.group(1) is not None else m.group(2)
                    for m in _HTML_LINK.finditer(text)]
        for target in targets:
            internal = _internal_target(target)
            if internal is not None:
                links.setdefault(internal, line.number)
    jinja = blank_raw_blocks(source)
    macros = tuple((signature, line_number(jinja, offset))
                   for signature, offset in _macro_calls(jinja))
    return Structure(tuple(headings), tuple(code_blocks), links, macros)


def _internal_target(target: str) -> str | None:
    """cluster.md#node, ./cluster.md -> cluster.md, #pod; None for other sites and mail."""
    target = target.strip().strip("<>")
    if not target or target.startswith("//") or _SCHEME.match(target):
        return None
    path, hash_, fragment = target.partition("#")
    path = path.split("?", 1)[0]
    if path:
        trailing = "/" if path.endswith("/") else ""
        path = posixpath.normpath(path) + trailing
    return f"{path}{hash_}{fragment}"


def _jinja_expressions(source: str) -> Iterator[tuple[str, int]]:
    """The text inside each {{ ... }} and its offset. A }} inside a string literal does not
    end the expression: {{ "{{ glossary_page() }}" }} prints text and calls nothing."""
    pos = source.find("{{")
    while pos >= 0:
        i, quote = pos + 2, ""
        while i < len(source) - 1:
            char = source[i]
            if quote:
                if char == "\\":
                    i += 1
                elif char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif source.startswith("}}", i):
                break
            i += 1
        yield source[pos + 2:i].strip("-").strip(), pos
        pos = source.find("{{", i + 2)


def _macro_calls(source: str) -> Iterator[tuple[str, int]]:
    """(normalized call, offset) of each glossary macro that mkdocs-macros would run."""
    for expression, offset in _jinja_expressions(source):
        try:
            tree = ast.parse(expression, mode="eval")
        except SyntaxError:  # Jinja-only syntax: find the calls outside string literals
            bare = _STRING.sub(lambda m: " " * len(m.group(0)), expression)
            for match in _MACRO_NAME.finditer(bare):
                yield f"{match.group(1)}(...)", offset
            continue
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Name) and node.func.id in MACROS]
        for call in sorted(calls, key=lambda c: c.col_offset):
            yield _macro_signature(call), offset


def _macro_signature(call: ast.Call) -> str:
    """term('pod', '파드들') -> term('pod'); hierarchy("cluster", examples=3) ->
    hierarchy('cluster', examples=3): what must match between languages."""
    assert isinstance(call.func, ast.Name)
    name = call.func.id
    args = call.args[:1] if name == "term" else call.args
    keywords = [] if name == "term" else sorted(call.keywords, key=lambda k: k.arg or "")
    parts = [ast.unparse(a) for a in args]
    parts += [f"{k.arg}={ast.unparse(k.value)}" for k in keywords]
    return f"{name}({', '.join(parts)})"


def compare(source_label: str, source: Structure, label: str, translation: Structure
            ) -> list[str]:
    """One line per difference, naming the translation (and the source where the line is)."""
    problems: list[str] = []
    source_ids = [hid for hid, _ in source.headings if hid]
    ids = [hid for hid, _ in translation.headings if hid]
    source_lines = {hid: n for hid, n in source.headings if hid}
    lines = {hid: n for hid, n in translation.headings if hid}
    for hid in source_ids:
        if hid not in lines:
            problems.append(f"{label}: heading id #{hid} ({source_label}:{source_lines[hid]}) "
                            f"is missing. Fix: give the translated heading the same id, "
                            f"{{#{hid}}}.")
    for hid in ids:
        if hid not in source_lines:
            problems.append(f"{label}:{lines[hid]}: heading id #{hid} is not in "
                            f"{source_label}. Fix: use the source heading's id, or add the "
                            "heading to the source first.")
    shared = set(source_ids) & set(ids)
    in_order = [h for h in source_ids if h in shared]
    if [h for h in ids if h in shared] != in_order:
        problems.append(f"{label}: heading ids are in another order than in {source_label} "
                        f"({', '.join('#' + h for h in in_order)}). Fix: {FIX}.")
    unnamed = sum(1 for hid, _ in source.headings if hid is None)
    unnamed_here = sum(1 for hid, _ in translation.headings if hid is None)
    if unnamed != unnamed_here:
        problems.append(f"{label}: has {_count(unnamed_here, 'heading')} without an explicit "
                        f"id, {source_label} has {unnamed}. Fix: give both headings the same "
                        "{#id}.")
    if len(source.code_blocks) != len(translation.code_blocks):
        problems.append(
            f"{label}: has {_count(len(translation.code_blocks), 'code block')}"
            f"{_at(translation.code_blocks)}, {source_label} has "
            f"{len(source.code_blocks)}{_at(source.code_blocks)}. Fix: translate each code "
            "block once, in the same place.")
    for target, number in source.links.items():
        if target not in translation.links:
            problems.append(f"{label}: internal link to {target} ({source_label}:{number}) is "
                            "missing. Fix: link the same place (English pages use the same "
                            "file names, without .en).")
    for target, number in translation.links.items():
        if target not in source.links:
            problems.append(f"{label}:{number}: internal link to {target} is not in "
                            f"{source_label}. Fix: link what the source links.")
    source_macros = Counter(sig for sig, _ in source.macros)
    macros = Counter(sig for sig, _ in translation.macros)
    first = {sig: n for sig, n in reversed(translation.macros)}
    source_first = {sig: n for sig, n in reversed(source.macros)}
    for sig in sorted(source_macros.keys() | macros.keys()):
        want, have = source_macros[sig], macros[sig]
        if want == have:
            continue
        where = f"{label}:{first[sig]}" if sig in first else label
        there = f"{source_label}:{source_first[sig]}" if sig in source_first else source_label
        problems.append(f"{where}: {{{{ {sig} }}}} appears {_times(have)}, in {there} "
                        f"{_times(want)}. Fix: use the same glossary macros as the source.")
    return problems


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _times(n: int) -> str:
    return {0: "0 times", 1: "once"}.get(n, f"{n} times")


def _at(numbers: tuple[int, ...]) -> str:
    return f" (lines {', '.join(map(str, numbers))})" if numbers else ""


def check_docs(root: Path, docs_dir: Path, source_lang: str,
               langs: Sequence[str] = LANGS) -> list[str]:
    """Every difference between twin pages, and every page without its twin."""
    problems: list[str] = []
    sources = source_pages(docs_dir, source_lang, langs)
    others = translation_langs(source_lang, langs)
    expected = {twin_path(s, lang) for s in sources for lang in others}
    for source in sources:
        source_label = relative_label(source, root)
        structure = None
        for lang in others:
            twin = twin_path(source, lang)
            label = relative_label(twin, root)
            if not twin.is_file():
                problems.append(f"{source_label}: has no translation {label}. Fix: add it; "
                                "every page exists in both languages.")
                continue
            structure = structure or read_structure(read_page(source, source_label))
            problems += compare(source_label, structure, label,
                                read_structure(read_page(twin, label)))
    for lang in others:
        for page in sorted(docs_dir.rglob(f"*.{lang}.md")):
            if page not in expected:
                source = relative_label(page.with_name(page.name.replace(f".{lang}.md", ".md")),
                                        root)
                problems.append(f"{relative_label(page, root)}: has no source page {source}. "
                                "Fix: add the source page, or rename the file after it.")
    return problems
