"""Hierarchy diagrams drawn from the glossary's relations, as inline SVG written at build time.

hierarchy_svg(): the part_of tree under a term as nested boxes.
  - A term's parts are its effective parts (Glossary.effective_parts): its own, plus its base's
    when it is a kind that inherits them (inherit_parts, default true).
  - A term that has kinds is drawn as a dashed group of its kinds, "the variants it comes in":
    the cluster holds a "node" group with a master node and worker nodes.
  - A part tagged `size-unit` is a unit a cluster scales in, so several examples of it are drawn:
    `examples` at the first such level, one fewer at each deeper one, never fewer than one
    (examples=3: three worker nodes with two pods each, one container in each pod). When such a
    part has kinds, the examples go to the kinds that inherit its parts (the ordinary worker
    nodes); a kind that replaces them (master node, inherit_parts: false) is drawn once.
  - A part that holds nothing, has no kinds and is not a size unit (kubelet, etcd) is a
    component: it is drawn as a small chip in a row under its parent's label, not as a box.
  - depth counts part_of levels below the root (None: all); kinds do not add a level.
chain_svg(): the one-line chain of size units, e.g. Cluster > Node > Pod > Container. From the
  root it follows, at each step, the one effective part tagged `size-unit`; it stops where there
  is none, and it is an error when there are several (the chain could not choose).

Both return a <figure> with one SVG per layout: a wide one for the desktop column and, when it
differs, a narrow one for phones; hierarchy.css shows the one that fits the column. In each, the
drawing is an <svg role="img"> whose aria-label states the hierarchy in words, in the page
language, and a layer of links on top makes every box a link to its glossary entry with its
short definition as a <title> (the tooltip); see diagram_svg for why the links sit outside the
image.
"""

from __future__ import annotations

import difflib

from bilingual_glossary.data.errors import GlossaryError, Problem
from bilingual_glossary.data.model import LANGS, Glossary, Term
from bilingual_glossary.diagrams.layout import Box, TreeLayout, layout_chain
from bilingual_glossary.diagrams.svg import chain_svg_element, figure, svg_element

SIZE_UNIT = "size-unit"
MAX_EXAMPLES = 4  # 4 worker nodes x 3 pods x 2 containers is already a big picture
WIDE = 640  # fits Material's content column on a desktop at about one unit per pixel
NARROW = 340  # fits a 360-390 px phone screen at about one unit per pixel

TEXT = {
    "ko": {
        "tree": "{root} 계층도.",
        "contains": "{outer} 안에 있는 것: {inner}.",
        "kinds": "{base}의 종류: {kinds}.",
        "chain": ("{units}, 큰 것부터 작은 것 순서: {chain}. "
                  "각 단위는 바로 앞 단위 안에 들어 있어요."),
        "units": "크기 단위",
        "groups": "점선 상자: {bases}의 종류 묶음.",
        "links": "상자를 누르면 용어집의 설명으로 가요.",
    },
    "en": {
        "tree": "Hierarchy of {root}.",
        "contains": "{outer} contains: {inner}.",
        "kinds": "Kinds of {base}: {kinds}.",
        "chain": "{units}, largest first: {chain}. Each one sits inside the one before it.",
        "units": "Size units",
        "groups": "A dashed box groups the kinds of {bases}.",
        "links": "Each box links to its glossary entry.",
    },
}


def has_hierarchy(glossary: Glossary, term_id: str) -> bool:
    """True when the term holds parts or has kinds, i.e. hierarchy_svg has something to draw."""
    _check_kind_chain(glossary, term_id)
    return bool(glossary.effective_parts(term_id) or glossary.kinds(term_id))


def hierarchy_svg(glossary: Glossary, root: str, lang: str, glossary_href: str,
                  depth: int | None = None, examples: int = 2, compact: bool = False) -> str:
    """The part_of tree under `root` as nested boxes (see the module docstring).

    compact=True draws only the narrow layout, with no caption: for small diagrams next to
    glossary entries (e.g. depth=1, examples=1).
    """
    _check_options(lang, depth, examples)
    _root_term(glossary, root, "hierarchy")
    tree = _TreeBuilder(glossary, lang, examples).build(root, depth)
    name = describe_tree(tree, lang)
    layouts = [TreeLayout(NARROW).place(tree)] if compact else [
        TreeLayout(WIDE).place(tree), TreeLayout(NARROW).place(tree)]
    if len(layouts) == 2 and layouts[0] == layouts[1]:
        layouts = layouts[:1]
    variants = ["wide", "narrow"] if len(layouts) == 2 else ["single"]
    svgs = [svg_element(placed, w, h, name, glossary_href, variant)
            for (placed, w, h), variant in zip(layouts, variants, strict=True)]
    # the sentence about pressing a box is the caption's action: print leaves it out
    return figure(svgs, "tree", "" if compact else legend(tree, lang),
                  "" if compact else TEXT[lang]["links"])


def chain_svg(glossary: Glossary, root: str, lang: str, glossary_href: str) -> str:
    """The chain of size units from `root` down (see the module docstring)."""
    _check_options(lang, None, 1)
    _root_term(glossary, root, "hierarchy_chain")
    terms = size_chain(glossary, root)
    boxes = [_box(t, lang) for t in terms]
    units = glossary.tags.get(SIZE_UNIT, {}).get(lang) or TEXT[lang]["units"]
    name = TEXT[lang]["chain"].format(units=units, chain=", ".join(b.label for b in boxes))
    wide, narrow = layout_chain(boxes, WIDE), layout_chain(boxes, NARROW)
    if wide == narrow:
        svgs = [chain_svg_element(wide, name, glossary_href, "single")]
    else:
        svgs = [chain_svg_element(wide, name, glossary_href, "wide"),
                chain_svg_element(narrow, name, glossary_href, "narrow")]
    return figure(svgs, "chain")


def size_chain(glossary: Glossary, root: str) -> list[Term]:
    """root, then at each step the one effective part tagged size-unit, until there is none."""
    chain = [glossary[root]]
    while True:
        current = chain[-1]
        _check_kind_chain(glossary, current.id)
        units = sorted((p for p in glossary.effective_parts(current.id) if SIZE_UNIT in p.tags),
                       key=lambda t: t.id)
        if not units:
            return chain
        if len(units) > 1:
            names = ", ".join(t.id for t in units)
            raise GlossaryError([Problem(
                current.source or f"glossary/{current.id}.yml", "tags",
                f"'{current.id}' holds several parts tagged {SIZE_UNIT} ({names}), so the "
                "hierarchy chain cannot tell which one comes next.",
                f"keep the {SIZE_UNIT} tag on one of them only.")])
        step = units[0]
        if step in chain:
            raise _cycle_error(glossary, [t.id for t in chain] + [step.id])
        chain.append(step)


def describe_tree(tree: Box, lang: str) -> str:
    """The hierarchy in words, each term once: what every box holds, what kinds a group has."""
    text = TEXT[lang]
    sentences = [text["tree"].format(root=tree.label)]
    done: set[str] = set()

    def visit(box: Box) -> None:
        if box.term_id in done:
            return
        done.add(box.term_id)
        inner = _unique_labels([*box.chips, *box.children])
        if box.kind == "group":
            sentences.append(text["kinds"].format(base=box.label, kinds=", ".join(inner)))
        elif inner:
            sentences.append(text["contains"].format(outer=box.label, inner=", ".join(inner)))
        for child in box.children:
            visit(child)

    visit(tree)
    return " ".join(sentences)


class _TreeBuilder:
    """Turns the glossary's relations under one term into a tree of Box values."""

    def __init__(self, glossary: Glossary, lang: str, examples: int) -> None:
        self.glossary = glossary
        self.lang = lang
        self.examples = examples

    def build(self, root: str, depth: int | None) -> Box:
        return self._term(root, depth, level=0, path=(), copies=1, root=True)

    def _term(self, term_id: str, depth: int | None, level: int, path: tuple[str, ...],
              copies: int, root: bool = False) -> Box:
        """A term's box; `copies` is how many examples of it the parent asked for (only kinds
        groups use it: they repeat their inheriting kinds instead of repeating themselves)."""
        if term_id in path:
            raise _cycle_error(self.glossary, [*path, term_id])
        path = (*path, term_id)
        term = self.glossary[term_id]
        kinds = _by_id(self.glossary.kinds(term_id))
        if kinds:
            variants: list[Box] = []
            for kind in kinds:
                box = self._term(kind.id, depth, level, path, copies=1)
                variants += [box] * (copies if kind.inherit_parts else 1)
            return _box(term, self.lang, kind="group", children=variants, root=root)
        chips: list[Box] = []
        children: list[Box] = []
        if depth is None or depth > 0:
            below = None if depth is None else depth - 1
            for part in _by_id(self._parts(term_id)):
                if part.id in path:
                    raise _cycle_error(self.glossary, [*path, part.id])
                if self._is_component(part):
                    chips.append(_box(part, self.lang, kind="chip"))
                    continue
                unit = SIZE_UNIT in part.tags
                count = max(1, self.examples - level) if unit else 1
                box = self._term(part.id, below, level + unit, path, copies=count)
                children += [box] if box.kind == "group" else [box] * count
        return _box(term, self.lang, chips=chips, children=children, root=root)

    def _parts(self, term_id: str) -> list[Term]:
        _check_kind_chain(self.glossary, term_id)
        return self.glossary.effective_parts(term_id)

    def _is_component(self, term: Term) -> bool:
        return (SIZE_UNIT not in term.tags and not self.glossary.kinds(term.id)
                and not self._parts(term.id))


def _box(term: Term, lang: str, kind: str = "box", chips: list[Box] = (),
         children: list[Box] = (), root: bool = False) -> Box:
    text = term.text[lang]
    return Box(term_id=term.id, label=text.term, tooltip=f"{text.term}: {text.short}", kind=kind,
               chips=tuple(chips), children=tuple(children), root=root)


def _by_id(terms: list[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: t.id)


def _unique_labels(boxes: list[Box]) -> list[str]:
    seen: dict[str, str] = {}
    for box in boxes:
        seen.setdefault(box.term_id, box.label)
    return list(seen.values())


def legend(tree: Box, lang: str) -> str:
    """The caption: what the dashed boxes group (if any); '' when nothing is grouped."""
    bases: dict[str, str] = {}

    def visit(box: Box) -> None:
        if box.kind == "group":
            bases.setdefault(box.term_id, box.label)
        for child in box.children:
            visit(child)

    visit(tree)
    if not bases:
        return ""
    return TEXT[lang]["groups"].format(bases=", ".join(bases.values()))


def _check_options(lang: str, depth: int | None, examples: int) -> None:
    if lang not in LANGS:
        raise ValueError(f"language '{lang}' is not one of {', '.join(LANGS)}")
    if depth is not None and (not isinstance(depth, int) or depth < 0):
        raise ValueError(f"depth={depth!r} must be a whole number from 0 up, or left out")
    if not isinstance(examples, int) or not 1 <= examples <= MAX_EXAMPLES:
        raise ValueError(f"examples={examples!r} must be a whole number from 1 to "
                         f"{MAX_EXAMPLES}")


def _root_term(glossary: Glossary, root: str, macro: str) -> Term:
    if isinstance(root, str) and root in glossary:
        return glossary[root]
    close = difflib.get_close_matches(str(root), sorted(glossary.terms), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise GlossaryError([Problem(
        f"glossary/{root}.yml", "", f"does not exist, so {macro}('{root}') has no term to "
        "draw.", f"pass the id of a term in glossary/ to {macro}(){hint}.")])


def _check_kind_chain(glossary: Glossary, term_id: str) -> None:
    """Glossary.effective_parts follows kind_of upwards; refuse a loop before it recurses."""
    seen: list[str] = []
    current: str | None = term_id
    while current is not None:
        if current in seen:
            raise _cycle_error(glossary, [*seen, current])
        seen.append(current)
        term = glossary.terms.get(current)
        current = term.kind_of if term else None


def _cycle_error(glossary: Glossary, ids: list[str]) -> GlossaryError:
    start = ids.index(ids[-1])
    loop = " → ".join(ids[start:])
    first = glossary.terms.get(ids[start])
    source = first.source if first and first.source else f"glossary/{ids[start]}.yml"
    return GlossaryError([Problem(
        source, "part_of/kind_of", f"forms a cycle in the hierarchy diagram: {loop}.",
        "a term cannot sit inside, or be a kind of, itself; remove one link of the cycle.")])
