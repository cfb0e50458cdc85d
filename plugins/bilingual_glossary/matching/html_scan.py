"""Walk rendered HTML and say which text may be annotated, only counted, or left alone.

The package's one HTML tokenizer (TAG_BODY and its pieces; tag_at, tag_start and attribute
for other modules). A regex tokenizer, not a DOM: it keeps the input byte for byte, so the
annotator can copy every untouched slice as it is. It copes with comments, quoted
attributes containing '>', raw-text elements (script, style, textarea, title), void elements,
and unclosed <p>/<li>.
Only elements that change the mode are tracked, and code blocks, svg and the like are
jumped over whole.

Two ways through a page:
- scan(): one regex finds the tags and the glossary names together, in one pass;
- text_segments(): the text runs between tags, for pages whose character references must
  be decoded before matching (&#54028; is 파), which the annotator then matches run by run.
Both can also note where chosen elements start or end (`places`, for the page policy in
policy.py), from the tags they read anyway: no second search of the page.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum


class Mode(IntEnum):
    ANNOTATE = 0  # prose: terms get links
    COUNT = 1  # headings, links, abbreviations: terms are used on the page but not linked
    IGNORE = 2  # code, pre, svg, buttons, no-glossary ...: not even counted


SKIP_CLASS = "no-glossary"
ANNOTATION_CLASS = "glossary-term"
_CANONICAL = f'<a class="{ANNOTATION_CLASS}" data-term="'

TAG_MODES: dict[str, Mode] = {
    **{name: Mode.COUNT for name in (
        "a", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "summary", "label", "dfn")},
    **{name: Mode.IGNORE for name in (
        "code", "pre", "kbd", "samp", "var", "svg", "math", "button", "select", "option",
        "textarea", "script", "style", "template", "noscript", "iframe", "object", "head",
        "title", "canvas", "audio", "video")},
}
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
# a start tag of one of these closes an open <p> (HTML's "implied end tag" rule)
CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"})
LISTS = frozenset({"ul", "ol", "menu"})
IMPLIED_END = frozenset({"p", "li"})  # may end without an end tag: tracked tag by tag
# elements that may sit inside a <p>; any other end tag ends an open <p>
PHRASING = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "button", "canvas", "cite", "code", "data", "del",
    "dfn", "em", "embed", "i", "iframe", "img", "input", "ins", "kbd", "label", "map", "mark",
    "math", "meter", "noscript", "object", "output", "picture", "progress", "q", "ruby", "rp",
    "rt", "s", "samp", "script", "select", "slot", "small", "span", "strong", "sub", "sup",
    "svg", "template", "textarea", "time", "u", "var", "video", "wbr"})

# The one tag grammar of the package, in pieces. Every way through a page below is built from
# them, and other modules read tags through tag_at() and tag_start(), never a pattern of their
# own. A tag is written here after its '<', up to (not including) its final '>'.
# A tag's attributes: quoted values may hold '>'. Written unrolled, the cheapest form for re.
ATTRS = r"""[^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+"""
RAW_TEXT = frozenset({"script", "style", "textarea", "title"})  # their text holds no tags
_COMMENT = r"!--.*?(?:--(?=>)|\Z)"
_START = rf"(?P<open>[a-z][^\s/>]*+){ATTRS}(?=>)"
_END = rf"/(?P<close>[a-z][^\s/>]*+){ATTRS}(?=>)"
_DECLARATION = r"[!?][^>]*+"  # doctype, CDATA, processing instruction
_UNCLOSED = r"/?[a-z].*"  # an unclosed quote or tag: the rest is inside it
# A raw-text element whole: its text is not markup.
_RAW = rf"(?P<raw>script|style|textarea|title)(?=[\s/>]){ATTRS}>.*?(?:</(?P=raw)\s*(?=>)|\Z)"
# The scanner leaves a tag's final '>' for its next match, where it is the character before a
# name that follows the tag.
TAG_BODY = f"{_COMMENT}|{_RAW}|{_END}|{_START}|{_DECLARATION}|{_UNCLOSED}"
# The same for scan(), which sees every tag of every page. Start and end tags come first, and
# scan() itself jumps over the text of raw-text elements. Tags without attributes that do not
# open a tracked element (</p>, <li>, </td> ...) go by in runs, with the whitespace between
# them: while no tracked element is open they change nothing, and most tags are of that kind.
_TRACKED = "|".join(sorted(TAG_MODES, key=len, reverse=True))  # raw-text ones included
_PLAIN_TAG = rf"(?:/[a-z][a-z0-9]*+|(?!(?:{_TRACKED})>)[a-z][a-z0-9]*+)(?=>)"
SCAN_TAG_BODY = (f"(?P<plain>{_PLAIN_TAG}(?:>\\s*+<{_PLAIN_TAG})*+)"
                 f"|{_START}|{_END}|{_COMMENT}|{_DECLARATION}|{_UNCLOSED}")
# every tag and comment as a whole, for the text runs of the slow path
_TOKEN = re.compile(f"<(?:{TAG_BODY})>?", re.S | re.I)
# character references other than these few are decoded to see if they stand for a letter
_UNUSUAL_REFERENCE = re.compile(
    r"&(?!(?:amp|lt|gt|quot|apos|nbsp|#0*(?:34|38|39|60|62|160)|#x0*(?:22|26|27|3c|3e|a0));)"
    r"(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);?", re.I)
_END_SEARCH: dict[str, re.Pattern[str]] = {}
_RAW_END: dict[str, re.Pattern[str]] = {}
_REFERENCE_IS_TEXT: dict[str, bool] = {}  # '&para;' -> False: pages repeat a few references
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_ATTRIBUTE: dict[str, re.Pattern[str]] = {}


@dataclass
class _Open:
    name: str
    mode: Mode
    depth: int = 1  # same-name elements nested inside it
    lists: int = 0  # lists opened inside an <li>, whose own <li> do not close it


def decode_text(text: str) -> tuple[str, list[int] | None]:
    """Text with its character references decoded, and where each decoded offset came from.

    offsets[i] is the source offset of decoded offset i, or -1 inside the expansion of a
    reference; offsets[len(decoded)] == len(text). None when there is nothing to decode.
    """
    if "&" not in text:
        return text, None
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        parts.append(text[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        value = html_lib.unescape(m.group())
        parts.append(value)
        offsets.append(m.start())
        offsets.extend([-1] * (len(value) - 1))
        pos = m.end()
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(parts), offsets


def attribute(tag: str, name: str) -> str | None:
    """The raw value of attribute `name` in a start tag's text, else None (first one wins,
    as in browsers). Values stay as written: decode them if they may hold references."""
    pattern = _ATTRIBUTE.get(name)
    if pattern is None:
        pattern = _ATTRIBUTE[name] = re.compile(
            rf"""\s{re.escape(name)}\s*=\s*(?:"([^"]*+)"|'([^']*+)'|([^\s"'>]++))""", re.I)
    m = pattern.search(tag)
    return None if m is None else (m.group(1) or m.group(2) or m.group(3) or "")


@dataclass(frozen=True, slots=True)
class Tag:
    """One tag as the tokenizer reads it: html[start:end] is its whole text."""

    start: int
    end: int  # just after its '>' (or the end of the text, for an unclosed one)
    name: str  # lower case; "" for a comment, a doctype or the like
    closing: bool


def tag_at(html: str, pos: int) -> Tag | None:
    """The tag that starts with the '<' at `pos`, else None (a '<' that is only text).
    A raw-text element (script, style ...) is one tag, up to its end tag."""
    m = _TOKEN.match(html, pos)
    if m is None:
        return None
    kind = m.lastgroup
    name = (m.group(kind) or "").lower() if kind in ("open", "close", "raw") else ""
    return Tag(pos, m.end(), name, kind == "close")


def tag_start(html: str, gt: int, lowest: int = 0) -> int:
    """Where the tag whose final '>' is at `gt` starts, reading back no further than
    `lowest`; -1 if that '>' does not end a tag (text, or a tag begun before `lowest`).
    Each '<' before it is read forward by the tokenizer, so a quoted attribute value that
    holds '<' or '>' (title="a>b") is inside its tag."""
    i = gt
    while (lt := html.rfind("<", lowest, i)) >= 0:
        tag = tag_at(html, lt)
        if tag is not None and tag.end == gt + 1:
            return lt
        i = lt  # a '<' inside a quoted value, or an earlier tag: look further back
    return -1


def has_class(tag: str, wanted: str) -> bool:
    return wanted in (attribute(tag, "class") or "").split()


def annotation_term(tag: str) -> str | None:
    """The data-term of an existing annotation's start tag, else None."""
    if tag.startswith(_CANONICAL):  # as markup.annotation_start writes it
        end = tag.find('"', len(_CANONICAL))
        return tag[len(_CANONICAL):end] if end > 0 else None
    if ANNOTATION_CLASS not in tag or not has_class(tag, ANNOTATION_CLASS):
        return None
    return attribute(tag, "data-term")


@dataclass
class Places:
    """Where elements named in `names` start or end: the offset of each such tag (of a run
    of attribute-free tags that holds one) goes into `offsets` as the scan reads it, so when
    a name is yielded, `offsets` holds every one before it. Regions jumped over whole (code,
    svg, comments, scripts) add none. `runs` remembers which runs of attribute-free tags
    ('/p>\\n<li', as scan() reads them) hold one: pages repeat a few (</p>, </li><li> ...),
    so its owner keeps it from page to page."""

    names: frozenset[str]
    offsets: list[int]
    runs: dict[str, bool]

    def run_has_place(self, run: str) -> bool:
        has = any(tag.lstrip("/") in self.names for tag in _run_tags(run))
        if len(self.runs) < 10_000:
            self.runs[run] = has
        return has


def text_segments(html: str, existing: set[str] | None = None,
                  places: Places | None = None) -> Iterator[tuple[int, int, Mode]]:
    """(start, end, mode) of each text run outside IGNORE regions, as offsets into `html`.

    The term ids of annotations already in the HTML (term() macro links) go into `existing`,
    and the offsets of the tags `places` asks for into places.offsets.
    """
    stack: list[_Open] = []
    mode = Mode.ANNOTATE
    pos = 0
    search = _TOKEN.search
    while (m := search(html, pos)) is not None:
        start = m.start()
        if start > pos and mode is not Mode.IGNORE:
            yield pos, start, mode
        pos = m.end()
        kind = m.lastgroup
        if kind != "open" and kind != "close":
            continue
        name = m.group(kind).lower()
        if places is not None and name in places.names:
            places.offsets.append(start)
        if kind == "close":
            _close(stack, name)
        elif _open(stack, name, m.group(), existing) and stack[-1].mode is Mode.IGNORE \
                and name not in IMPLIED_END:
            pos = _skip_element(html, pos, name)  # jump over code blocks, svg ... at once
            stack.pop()
        mode = stack[-1].mode if stack else Mode.ANNOTATE
    if pos < len(html) and mode is not Mode.IGNORE:
        yield pos, len(html), mode


def scanner(before: str, names: str, any_case: bool = False) -> re.Pattern[str]:
    """One regex for a whole page: every tag (groups open, close) and name (group name).

    `before` is the class of the character a name must follow, `names` the pattern of the
    names (matcher.Matcher.html_names). Tags are consumed whole, so attribute values and
    comments are never searched for names.
    """
    flags = re.S | (re.I if any_case else 0)
    return re.compile(f"{before}(?:(?<=<)(?:{SCAN_TAG_BODY})|{names})", flags)


def has_unusual_references(html: str) -> bool:
    """Whether a character reference stands for a letter, digit or space (&#54028; is 파).

    Those change what the matcher sees, so such a page is matched on decoded text. Others
    (&amp;, &lt;, &para; ...) are punctuation either way, and &nbsp; the scanner knows.
    """
    if "&" not in html:
        return False
    for m in _UNUSUAL_REFERENCE.finditer(html):
        reference = m.group()
        is_text = _REFERENCE_IS_TEXT.get(reference)
        if is_text is None:
            decoded = html_lib.unescape(reference)
            is_text = decoded != reference and (decoded[0].isalnum() or decoded[0].isspace())
            if len(_REFERENCE_IS_TEXT) < 10_000:
                _REFERENCE_IS_TEXT[reference] = is_text
        if is_text:
            return True
    return False


def scan(html: str, lowered: str, page_scanner: re.Pattern[str],
         existing: set[str] | None = None, places: Places | None = None
         ) -> Iterator[tuple[re.Match[str], Mode]]:
    """The match of each name outside IGNORE regions (its group "name"), and its mode.

    `lowered` is html.lower() (or html itself for a case-insensitive scanner); offsets are
    the same in both. The term ids of annotations already in the HTML go into `existing`,
    and the offsets of the tags `places` asks for into places.offsets.
    Written for speed: it sees every tag of every page, so tags cost as little as can be.
    """
    stack: list[_Open] = []
    mode = annotate = Mode.ANNOTATE
    ignore = Mode.IGNORE
    skip_class_here = SKIP_CLASS in lowered
    tag_names_lowered = lowered is not html
    if places is not None:
        offsets, place_names, place_runs = places.offsets, places.names, places.runs
    pos = 0
    while pos < len(lowered):
        for m in page_scanner.finditer(lowered, pos):
            kind = m.lastgroup
            if kind == "name":
                if mode is not ignore:
                    yield m, mode
                continue
            if kind == "plain":
                if places is not None:
                    run = m.group(kind)
                    has = place_runs.get(run)
                    if has or (has is None and places.run_has_place(run)):
                        offsets.append(m.start())
                if stack:
                    _track_plain_tags(stack, m.group(kind))
                    mode = stack[-1].mode if stack else annotate
                continue
            if kind == "close":
                if stack or places is not None:
                    name = m.group(kind)
                    if not tag_names_lowered:
                        name = name.lower()
                    if places is not None and name in place_names:
                        offsets.append(m.start())
                    if stack:
                        _close(stack, name)
                        mode = stack[-1].mode if stack else annotate
                continue
            if kind != "open":
                continue  # comment, doctype
            name = m.group(kind)
            if not tag_names_lowered:
                name = name.lower()
            if places is not None and name in place_names:
                offsets.append(m.start())
            if not stack and name not in TAG_MODES and not (
                    skip_class_here and lowered.find(SKIP_CLASS, m.start(), m.end()) >= 0):
                continue  # an ordinary tag: nothing to track
            if name in RAW_TEXT:  # IGNORE, and its text may look like tags: jump to its end
                pos = _raw_text_end(lowered, m.end(), name)
                break
            start, after = m.start(), m.end() + 1
            if _open(stack, name, html[start:after], existing) \
                    and stack[-1].mode is ignore and name not in IMPLIED_END:
                stack.pop()
                mode = stack[-1].mode if stack else annotate
                pos = _skip_element(lowered, after, name) - 1  # its '>' precedes the text
                break  # jump over the element: code blocks, svg ...
            mode = stack[-1].mode if stack else annotate
        else:
            return


def _track_plain_tags(stack: list[_Open], run: str) -> None:
    """Track a run of tags without attributes ('</a>\\n</h2', from after its first '<' to
    before its last '>'); none of them opens a tracked element."""
    for name in _run_tags(run):
        if name[0] == "/":
            _close(stack, name[1:])
        else:
            _open(stack, name, f"<{name}>", None)


def _run_tags(run: str) -> list[str]:
    """The tags of such a run in lower case, an end tag with its '/': ['/a', '/h2']."""
    return [tag.partition(">")[0].lower() for tag in run.split("<")]


def _raw_text_end(html: str, pos: int, name: str) -> int:
    """Offset of the '>' of the end tag of a raw-text element whose start tag ends at `pos`."""
    pattern = _RAW_END.get(name)
    if pattern is None:
        pattern = _RAW_END[name] = re.compile(rf"</{name}\s*(?=>)", re.I)
    m = pattern.search(html, pos)
    return m.end() if m else len(html)


def _skip_element(html: str, pos: int, name: str) -> int:
    """Offset just after the end tag of the `name` element whose start tag ends at `pos`."""
    pattern = _END_SEARCH.get(name)
    if pattern is None:
        pattern = _END_SEARCH[name] = re.compile(
            rf"<{_COMMENT}>?|<(/?){re.escape(name)}(?=[\s/>]){ATTRS}>", re.S | re.I)
    depth = 1
    for m in pattern.finditer(html, pos):
        if m.group(1) is None:
            continue  # a comment
        if m.group(1):
            depth -= 1
            if depth == 0:
                return m.end()
        elif not m.group().endswith("/>"):
            depth += 1
    return len(html)


def _open(stack: list[_Open], name: str, tag: str, existing: set[str] | None) -> bool:
    """Track a start tag; True when it opens an element that changes the mode."""
    if stack:
        top = stack[-1]
        if top.name == "p":
            if name in CLOSES_P:
                stack.pop()  # <p class="no-glossary">…<div>: the <div> ends the paragraph
        elif top.name == "li":
            if name in LISTS:
                top.lists += 1
            elif name == "li":
                if top.lists:
                    return False  # an item of a nested list
                stack.pop()  # a sibling <li> ends an unclosed one
        elif top.name == name:
            top.depth += 1
            return False
    if name in VOID:
        return False
    wanted = TAG_MODES.get(name, Mode.ANNOTATE)
    if name == "a" and existing is not None:
        term_id = annotation_term(tag)
        if term_id is not None:
            existing.add(term_id)
            wanted = Mode.IGNORE  # an existing annotation: never nest another inside
    if SKIP_CLASS in tag and has_class(tag, SKIP_CLASS):
        wanted = Mode.IGNORE
    mode = stack[-1].mode if stack else Mode.ANNOTATE
    if wanted > mode and not (tag.endswith("/>") and name in ("svg", "math")):
        stack.append(_Open(name, wanted))
        return True
    return False


def _close(stack: list[_Open], name: str) -> None:
    if not stack:
        return
    top = stack[-1]
    if top.name == "li" and (name == "li" or name in LISTS):
        if top.lists:
            if name in LISTS:
                top.lists -= 1  # a nested list ends; its </li> are not ours
        else:
            stack.pop()  # </li>, or a </ul> that ends an unclosed <li>
        return
    if top.name == "p" and name != "p" and name not in PHRASING:
        stack.pop()  # </div> ends an unclosed <p> inside it
    for index in range(len(stack) - 1, -1, -1):
        entry = stack[index]
        if entry.name == name:
            del stack[index + 1:]  # elements left open inside it end here too
            entry.depth -= 1
            if entry.depth == 0:
                stack.pop()
            return
