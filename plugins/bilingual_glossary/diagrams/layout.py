"""Geometry of the hierarchy diagrams: text width estimates, nested boxes and the chain row.

Plain data in, plain data out: no glossary and no SVG markup here. Every coordinate is an
integer, so the same boxes always give the same numbers (and byte-identical SVG).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# Sizes in SVG user units; the SVG is shown at about one unit per CSS pixel at its natural width.
FONT = 14  # box labels
CHIP_FONT = 13  # the small boxes of components (kubelet, etcd ...)
PAD = 8  # inside a box, around its content
GAP = 8  # between boxes side by side or stacked
HEADER = 26  # a box's label band; content starts below it
LABEL_BASELINE = 18  # from the top of a box to its label's baseline
LEAF_H = 30  # a box without content
LEAF_PADX = 10
CHIP_H = 22
CHIP_PADX = 7
CHIP_GAP = 6
SEP_W = 22  # room for the chevron between two chain boxes
MIN_COLUMN = 48  # narrower columns cannot hold even a short label

# Advance widths in 1/1000 em, after Arial/Helvetica (Material's font stack without web fonts).
# Other fonts (SF, DejaVu) run wider, so LATIN_SAFETY adds a margin; Hangul and CJK are full width.
_NARROW = dict.fromkeys("iljI.,:;'|!", 240) | dict.fromkeys("ftr-()[]/ ", 320)
_WIDE = dict.fromkeys("mwMW", 880) | dict.fromkeys("CDGHNOQUw", 740)
_UPPER = 680
_LOWER = 560
_OTHER = 600
_BOLD = 1.08
LATIN_SAFETY = 1.15
CJK_EM = 1.0


def _char_width(char: str, bold: bool) -> float:
    """Width of one character in em."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return CJK_EM  # Hangul and CJK keep their full-width advance in bold too
    if char in _NARROW:
        thousandths = _NARROW[char]
    elif char in _WIDE:
        thousandths = _WIDE[char]
    elif char.isupper():
        thousandths = _UPPER
    elif char.islower() or char.isdigit():
        thousandths = _LOWER
    else:
        thousandths = _OTHER
    return thousandths / 1000 * LATIN_SAFETY * (_BOLD if bold else 1)


def text_width(text: str, font_size: int, bold: bool = False) -> int:
    """Estimated rendered width of `text`, rounded up to a whole unit."""
    em = sum(_char_width(char, bold) for char in text)
    return -int(-em * font_size // 1)


@dataclass(frozen=True, eq=False)
class Box:
    """One term drawn as a box. kind: "box" (holds parts), "group" (dashed: the kinds of a
    term) or "chip" (a small component label). eq=False: repeated examples are the same
    object, and identity is what the layout caches on."""

    term_id: str
    label: str
    tooltip: str
    kind: str = "box"
    chips: tuple[Box, ...] = ()
    children: tuple[Box, ...] = ()
    root: bool = False

    @property
    def has_content(self) -> bool:
        return bool(self.chips or self.children)


@dataclass(frozen=True)
class Placed:
    """A box at its final position, in drawing order (a parent before what it holds)."""

    box: Box
    x: int
    y: int
    w: int
    h: int
    depth: int  # nesting level: 0 for the root


@dataclass
class _Measure:
    box: Box
    w: int
    h: int
    chips: list[tuple[int, int, int]] = field(default_factory=list)  # (x, y, w) from the box
    children: list[_Measure] = field(default_factory=list)
    columns: int = 1
    col_widths: list[int] = field(default_factory=list)
    row_heights: list[int] = field(default_factory=list)
    grid_top: int = 0


def chip_width(box: Box) -> int:
    return text_width(box.label, CHIP_FONT) + 2 * CHIP_PADX


def label_width(box: Box) -> int:
    """Width a box needs for its own label."""
    if box.has_content:
        return text_width(box.label, FONT, bold=True) + 2 * PAD
    return text_width(box.label, FONT, bold=box.root) + 2 * LEAF_PADX


class TreeLayout:
    """Lays out a tree of boxes within a maximum width, making it as short as it can."""

    def __init__(self, max_width: int) -> None:
        self.max_width = max_width
        self._cache: dict[tuple[int, int], _Measure] = {}

    def place(self, root: Box) -> tuple[list[Placed], int, int]:
        """Every box at its position, plus the drawing's width and height."""
        measure = self._measure(root, self.max_width)
        out: list[Placed] = []
        self._place(measure, 0, 0, measure.w, measure.h, 0, out)
        return out, measure.w, measure.h

    def _measure(self, box: Box, max_w: int) -> _Measure:
        key = (id(box), max_w)
        if key not in self._cache:
            self._cache[key] = self._measure_new(box, max_w)
        return self._cache[key]

    def _measure_new(self, box: Box, max_w: int) -> _Measure:
        own = label_width(box)
        if not box.has_content:
            return _Measure(box, own, LEAF_H)
        avail = max(max_w - 2 * PAD, own - 2 * PAD)
        m = _Measure(box, 0, 0)
        y = HEADER
        chips_w = 0
        if box.chips:
            rows = flow([chip_width(c) for c in box.chips], avail, CHIP_GAP)
            for row_index, row in enumerate(rows):
                for x, w in row:
                    m.chips.append((PAD + x, y + row_index * (CHIP_H + CHIP_GAP), w))
                chips_w = max(chips_w, row[-1][0] + row[-1][1])
            y += len(rows) * (CHIP_H + CHIP_GAP) - CHIP_GAP
            if box.children:
                y += GAP
        grid_w = 0
        if box.children:
            m.grid_top = y
            self._choose_grid(m, box.children, avail)
            grid_w = sum(m.col_widths) + GAP * (len(m.col_widths) - 1)
            y += sum(m.row_heights) + GAP * (len(m.row_heights) - 1)
        m.w = max(own, chips_w + 2 * PAD, grid_w + 2 * PAD)
        m.h = y + PAD
        return m

    def _choose_grid(self, m: _Measure, children: tuple[Box, ...], avail: int) -> None:
        """Try 1..n columns; keep the shortest grid (then the narrowest) that fits."""
        best: tuple[int, int, int] | None = None
        for columns in range(1, len(children) + 1):
            column_max = (avail - GAP * (columns - 1)) // columns
            if columns > 1 and column_max < MIN_COLUMN:
                break
            sizes = [self._measure(child, column_max) for child in children]
            if columns > 1 and any(s.w > column_max for s in sizes):
                continue
            col_widths = [max(s.w for s in sizes[c::columns]) for c in range(columns)]
            row_heights = [max(s.h for s in sizes[r:r + columns])
                           for r in range(0, len(sizes), columns)]
            height = sum(row_heights) + GAP * (len(row_heights) - 1)
            width = sum(col_widths) + GAP * (columns - 1)
            if best is None or (height, width) < best[:2]:
                best = (height, width, columns)
                m.children, m.columns = sizes, columns
                m.col_widths, m.row_heights = col_widths, row_heights

    def _place(self, m: _Measure, x: int, y: int, w: int, h: int, depth: int,
               out: list[Placed]) -> None:
        if not m.box.has_content:
            h = m.h  # a label-only box keeps its height; a tall empty box would look unfinished
        out.append(Placed(m.box, x, y, w, h, depth))
        for chip, (cx, cy, cw) in zip(m.box.chips, m.chips, strict=True):
            out.append(Placed(chip, x + cx, y + cy, cw, CHIP_H, depth + 1))
        if not m.children:
            return
        # The columns fill the box's inner width and the rows take any height the box was
        # stretched by, so boxes side by side end level and the nesting reads as one tidy grid.
        grid_w = sum(m.col_widths) + GAP * (m.columns - 1)
        col_widths = _spread(m.col_widths, w - 2 * PAD - grid_w)
        row_heights = _spread(m.row_heights, h - m.h)
        for index, child in enumerate(m.children):
            row, col = divmod(index, m.columns)
            cx = x + PAD + sum(col_widths[:col]) + GAP * col
            cy = y + m.grid_top + sum(row_heights[:row]) + GAP * row
            self._place(child, cx, cy, col_widths[col], row_heights[row], depth + 1, out)


def _spread(sizes: list[int], extra: int) -> list[int]:
    """Share `extra` units out over `sizes` (the last one takes the remainder)."""
    if extra <= 0:
        return list(sizes)
    share, rest = divmod(extra, len(sizes))
    return [s + share + (rest if i == len(sizes) - 1 else 0) for i, s in enumerate(sizes)]


def flow(widths: list[int], avail: int, gap: int) -> list[list[tuple[int, int]]]:
    """Greedy line filling: rows of (x, width), at least one item per row."""
    rows: list[list[tuple[int, int]]] = [[]]
    x = 0
    for w in widths:
        if rows[-1] and x + gap + w > avail:
            rows.append([])
            x = 0
        start = x + gap if rows[-1] else 0
        rows[-1].append((start, w))
        x = start + w
    return rows


@dataclass(frozen=True)
class ChainLayout:
    """The chain's boxes (left to right, wrapping) and the chevrons between them."""

    boxes: list[Placed]
    chevrons: list[tuple[int, int]]  # (x, y) of each chevron's centre
    width: int
    height: int


def layout_chain(boxes: list[Box], max_width: int) -> ChainLayout:
    """One row, wrapped onto more rows only when it does not fit; a chevron starts each
    wrapped row so the reading order stays visible."""
    widths = [label_width(b) for b in boxes]
    placed: list[Placed] = []
    chevrons: list[tuple[int, int]] = []
    x = y = width = 0
    for index, (box, w) in enumerate(zip(boxes, widths, strict=True)):
        if index:
            if x + SEP_W + w > max_width:
                x, y = 0, y + LEAF_H + GAP
            chevrons.append((x + SEP_W // 2, y + LEAF_H // 2))
            x += SEP_W
        placed.append(Placed(box, x, y, w, LEAF_H, 0))
        x += w
        width = max(width, x)
    return ChainLayout(placed, chevrons, width, y + LEAF_H)
