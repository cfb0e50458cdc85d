"""Reading a page's Markdown source line by line: what is prose, what is code, what is markup.

The structural check and the terminology lint both work on the file as written, so that every
message can name a line. Each line gets a kind (front matter, a code fence, code, an HTML
comment, prose); within prose, masks blank out the characters that are not words (inline
code, Jinja, HTML tags, link targets, attribute lists, quotations) with spaces, so positions
and line numbers stay those of the file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Kind = Literal["front_matter", "fence_open", "fence_close", "code", "comment", "prose"]

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_BLOCKQUOTE = re.compile(r"^[ \t]*>")
_FRONT_MATTER_END = ("---", "...")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as an editor shows it
    text: str  # as written, HTML comments blanked out
    kind: Kind
    quote: bool = False  # prose inside a blockquote (or its lazy continuation)


def scan(source: str) -> list[Line]:
    """Every line of `source` with its kind."""
    lines = source.split("\n")
    result: list[Line] = []
    index = 0
    if lines and lines[0].rstrip() == "---":  # YAML front matter
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _FRONT_MATTER_END),
                   None)
        if end is not None:
            result.extend(Line(i + 1, lines[i], "front_matter") for i in range(end + 1))
            index = end + 1
    fence: tuple[str, int] | None = None  # (character, length) of the open fence
    in_comment = False
    in_quote = False
    for i in range(index, len(lines)):
        text = lines[i]
        number = i + 1
        if fence is not None:
            stripped = text.strip()
            if (stripped and set(stripped) == {fence[0]} and len(stripped) >= fence[1]):
                result.append(Line(number, text, "fence_close"))
                fence = None
            else:
                result.append(Line(number, text, "code"))
            continue
        text, in_comment, whole = _blank_comments(text, in_comment)
        if whole:
            result.append(Line(number, text, "comment"))
            continue
        opening = _FENCE.match(text)
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            fence = (opening["fence"][0], len(opening["fence"]))
            result.append(Line(number, text, "fence_open"))
            in_quote = False
            continue
        if not text.strip():
            in_quote = False
        elif _BLOCKQUOTE.match(text):
            in_quote = True
        result.append(Line(number, text, "prose", quote=in_quote))
    return result


def _blank_comments(text: str, in_comment: bool) -> tuple[str, bool, bool]:
    """The line with <!-- ... --> blanked; whether a comment is still open; whether the whole
    line was comment."""
    out: list[str] = []
    pos = 0
    had_text = False
    while pos < len(text):
        if in_comment:
            end = text.find("-->", pos)
            if end < 0:
                out.append(" " * (len(text) - pos))
                pos = len(text)
            else:
                out.append(" " * (end + 3 - pos))
                pos = end + 3
                in_comment = False
        else:
            start = text.find("<!--", pos)
            if start < 0:
                out.append(text[pos:])
                had_text = had_text or bool(text[pos:].strip())
                pos = len(text)
            else:
                out.append(text[pos:start])
                had_text = had_text or bool(text[pos:start].strip())
                pos = start
                in_comment = True
                out.append("    ")
                pos += 4
    blanked = "".join(out)
    whole = not had_text and bool(text.strip())
    return blanked, in_comment, whole


# --- masks: blank out what is not prose, keeping every position ---------------------------

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_CODE_ELEMENT = re.compile(r"<(code|pre|kbd|samp|script|style)\b[^>]*>.*?</\1\s*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_LINK_DESTINATION = re.compile(r"(?<=\])\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
                               r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REFERENCE_DEFINITION = re.compile(r"^(\s{0,3}\[[^\]]+\]:).*$")
_BARE_URL = re.compile(r"\b(?:https?|mailto|ftp):[^\s<>()]+")
_ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
_QUOTED = re.compile(
    r"“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|『[^』\n]*』|«[^»\n]*»|\"[^\"\n]*\""
    r"|(?<![A-Za-z0-9])'[^'\n]+'(?![A-Za-z0-9])")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def mask_code(text: str) -> str:
    """Blank inline code spans, code-like HTML elements and Jinja: never prose, never links."""
    text = _mask_code_spans(text)
    text = _CODE_ELEMENT.sub(_blank, text)
    return _JINJA.sub(_blank, text)


def mask_markup(text: str) -> str:
    """Blank HTML tags, link destinations, reference definitions, bare URLs, attribute lists
    (after mask_code): what is left are the words a reader sees."""
    text = _REFERENCE_DEFINITION.sub(lambda m: m.group(1) + " " * (len(m.group(0))
                                                                    - len(m.group(1))), text)
    text = _TAG.sub(_blank, text)
    text = _LINK_DESTINATION.sub(_blank, text)
    text = _BARE_URL.sub(_blank, text)
    return _ATTR_LIST.sub(_blank, text)


def mask_quotations(text: str) -> str:
    """Blank text in quotation marks on one line: “…”, "…", ‘…’, '…', 「…」, 『…』, «…».

    An apostrophe inside a word (Pod's) opens nothing: a single quote counts only with no
    letter or digit before its opening mark and after its closing one.
    """
    return _QUOTED.sub(_blank, text)


def prose_text(line: Line) -> str:
    """The words of a prose line a reader sees outside quotations; "" for any other line."""
    if line.kind != "prose" or line.quote:
        return ""
    return mask_quotations(mask_markup(mask_code(line.text)))


def _mask_code_spans(text: str) -> str:
    """Blank `code`, ``co`de`` ...: a run of n backticks up to the next run of exactly n."""
    if "`" not in text:
        return text
    out = list(text)
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", text)]
    i = 0
    while i < len(runs):
        start, end = runs[i]
        width = end - start
        closing = next((j for j in range(i + 1, len(runs))
                        if runs[j][1] - runs[j][0] == width), None)
        if closing is None:
            i += 1
            continue
        for k in range(start, runs[closing][1]):
            out[k] = " "
        i = closing + 1
    return "".join(out)


def front_matter_text(lines: list[Line]) -> str:
    """The front matter's YAML (without its --- lines), or ""."""
    body = [line.text for line in lines if line.kind == "front_matter"]
    return "\n".join(body[1:-1]) if len(body) >= 2 else ""


def blank_raw_blocks(source: str) -> str:
    """`source` with {% raw %}...{% endraw %} and Jinja comments blanked, newlines kept: what
    mkdocs-macros runs as Jinja."""
    def keep_lines(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    source = re.sub(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", keep_lines, source,
                    flags=re.S)
    return re.sub(r"\{##.*?##\}", keep_lines, source, flags=re.S)


def line_number(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def normalize(text: str) -> str:
    """The text a fingerprint covers: NFC (a macOS editor may save Hangul decomposed), LF line
    ends, no trailing spaces, no blank lines at either end, one final newline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""
