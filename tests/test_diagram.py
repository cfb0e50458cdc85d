"""Hierarchy diagrams: the SVG the diagram module draws from the glossary (no site build here)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bilingual_glossary import GlossaryError, load_glossary
from bilingual_glossary.data.model import LANGS, Glossary, Term, TermText
from bilingual_glossary.diagrams.diagram import (
    NARROW,
    WIDE,
    chain_svg,
    has_hierarchy,
    hierarchy_svg,
    size_chain,
)
from bilingual_glossary.diagrams.layout import (
    Box,
    TreeLayout,
    label_width,
    text_width,
)

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_DIR = ROOT / "glossary"
SVG = "{http://www.w3.org/2000/svg}"
HREF = "../glossary/"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY_DIR)


def parse(figure_html: str) -> ET.Element:
    """The macro output is one <figure> block, surrounded by blank lines, with none inside."""
    assert figure_html.startswith("\n\n<figure") and figure_html.endswith("</figure>\n\n")
    body = figure_html.strip("\n")
    assert "\n\n" not in body, "a blank line would end Markdown's raw HTML block"
    return ET.fromstring(body)


def svgs(figure: ET.Element) -> list[ET.Element]:
    return figure.findall(f"{SVG}svg")


def drawing(svg: ET.Element) -> ET.Element:
    """The image layer: a nested <svg role="img"> that holds no link."""
    (image,) = svg.findall(f"{SVG}svg")
    assert image.get("role") == "img"
    assert image.find(f".//{SVG}a") is None, "links inside role=img are unreachable"
    return image


def boxes(svg: ET.Element) -> list[tuple[str, str, str]]:
    """(href, label, tooltip) of every box, in drawing order. The drawing's labels and the links
    layer come in the same order."""
    labels = [t.text for t in drawing(svg).iter(f"{SVG}text")]
    links = svg.find(f"{SVG}g[@class='hierarchy__links']").findall(f"{SVG}a")
    assert len(labels) == len(links)
    out = []
    for label, link in zip(labels, links, strict=True):
        out.append((link.get("href"), label, link.find(f"{SVG}title").text))
    return out


def linked_ids(svg: ET.Element) -> list[str]:
    return [href.split("#", 1)[1] for href, _, _ in boxes(svg)]


@pytest.mark.parametrize("lang", LANGS)
def test_cluster_tree_labels_links_and_titles_match_the_glossary(glossary, lang) -> None:
    figure = parse(hierarchy_svg(glossary, "cluster", lang, HREF))
    assert figure.get("class").startswith("hierarchy ")
    assert svgs(figure), "no <svg> in the figure"
    for svg in svgs(figure):
        drawn = boxes(svg)
        for href, label, tooltip in drawn:
            assert href.startswith(HREF + "#")
            term_id = href[len(HREF) + 1:]
            assert term_id in glossary, f"link to unknown id {term_id}"
            text = glossary[term_id].text[lang]
            assert label == text.term
            assert tooltip == f"{text.term}: {text.short}"
        # the cluster holds nodes, drawn as their kinds; both kinds inherit node's parts (pods,
        # kubelet ...), and the master node also holds the control plane in a static Pod
        assert set(linked_ids(svg)) == CLUSTER_TREE_IDS


# Every term in the cluster's tree, written out from the glossary's part_of/kind_of data (not
# worked out with the code that draws it).
CLUSTER_TREE_IDS = {"cluster", "node", "master-node", "worker-node", "static-pod", "control-plane",
                    "kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager",
                    "kubelet", "kube-proxy", "container-runtime", "pod", "container"}


@pytest.mark.parametrize("lang", LANGS)
def test_svg_is_an_image_named_in_words_in_the_page_language(glossary, lang) -> None:
    figure = parse(hierarchy_svg(glossary, "cluster", lang, HREF))
    for svg in svgs(figure):
        name = drawing(svg).get("aria-label")
        for term_id in sorted(CLUSTER_TREE_IDS):
            assert glossary[term_id].name(lang) in name
        other = "en" if lang == "ko" else "ko"
        assert glossary["worker-node"].name(other) not in name
        assert ("안에 있는 것" in name) == (lang == "ko")
        assert ("contains" in name) == (lang == "en")
        # scales with the column: a viewBox, 100% wide, at most its natural size
        assert re.fullmatch(r"-1 -1 \d+ \d+", svg.get("viewBox"))
        assert svg.get("width") == "100%" and svg.get("height") is None
        assert re.fullmatch(r"max-width:\d+\.\d\dem", svg.get("style"))


def test_kinds_and_examples_follow_the_data(glossary) -> None:
    figure = parse(hierarchy_svg(glossary, "cluster", "en", HREF, examples=3))
    wide = svgs(figure)[0]
    ids = linked_ids(wide)
    # three nodes of each kind, two pods each, one container per pod
    assert ids.count("worker-node") == 3
    assert ids.count("master-node") == 3
    assert ids.count("pod") == 12
    assert ids.count("container") == 12
    assert ids.count("kubelet") == 6  # inherited from node by both kinds of node
    # a control plane node runs the control plane as a static Pod, next to its own kubelet,
    # container runtime and pods
    assert ids.count("static-pod") == ids.count("control-plane") == 3
    start = ids.index("master-node")
    first = ids[start:ids.index("master-node", start + 1)]
    assert {"kubelet", "container-runtime", "pod", "static-pod"} <= set(first)
    static = first.index("static-pod")
    assert first[static + 1] == "control-plane"
    assert set(first[static + 2:static + 6]) == {"etcd", "kube-apiserver", "kube-scheduler",
                                                 "kube-controller-manager"}
    assert "static-pod" not in ids[ids.index("worker-node"):]

    default = linked_ids(svgs(parse(hierarchy_svg(glossary, "cluster", "en", HREF)))[0])
    assert default.count("worker-node") == 2 and default.count("pod") == 4


def test_depth_limits_the_levels_drawn(glossary) -> None:
    shallow = linked_ids(svgs(parse(hierarchy_svg(glossary, "cluster", "ko", HREF, depth=1)))[0])
    assert {"cluster", "node", "master-node", "worker-node"} == set(shallow)
    two = set(linked_ids(svgs(parse(hierarchy_svg(glossary, "cluster", "ko", HREF, depth=2)))[0]))
    assert {"static-pod", "pod", "kubelet"} <= two
    assert not {"container", "control-plane", "etcd"} & two
    only_root = linked_ids(svgs(parse(hierarchy_svg(glossary, "pod", "ko", HREF, depth=0)))[0])
    assert only_root == ["pod"]


def test_a_new_part_of_pod_appears_without_code_change(tmp_path: Path, glossary) -> None:
    copy = tmp_path / "glossary"
    shutil.copytree(GLOSSARY_DIR, copy)
    (copy / "sidecar.yml").write_text(yaml.safe_dump({
        "ko": {"term": "사이드카 <테스트> & \"따옴표\"", "aliases": [],
               "short": "파드 안에서 <주> 컨테이너를 돕는 컨테이너."},
        "en": {"term": "Sidecar <test> & 'quotes'", "aliases": [],
               "short": "A helper container next to the <main> one in a pod."},
        "part_of": "pod", "standalone": "test term",
    }, allow_unicode=True), encoding="utf-8")
    changed = load_glossary(copy)
    for lang in LANGS:
        before = hierarchy_svg(glossary, "cluster", lang, HREF)
        after = hierarchy_svg(changed, "cluster", lang, HREF)
        assert before != after
        label = changed["sidecar"].name(lang)
        for svg in svgs(parse(after)):  # still well-formed XML: the label was escaped
            drawn = [b for b in boxes(svg) if b[0] == HREF + "#sidecar"]
            assert drawn and all(b[1] == label for b in drawn)
            assert label in drawing(svg).get("aria-label")
    # the pod's own diagram (as on the glossary page) shows it too
    assert "#sidecar" in hierarchy_svg(changed, "pod", "en", "", depth=1, examples=1)
    assert has_hierarchy(changed, "pod")


@pytest.mark.parametrize("lang", LANGS)
def test_chain_follows_the_size_unit_parts(glossary, lang) -> None:
    assert [t.id for t in size_chain(glossary, "cluster")] == ["cluster", "node", "pod",
                                                               "container"]
    figure = parse(chain_svg(glossary, "cluster", lang, HREF))
    expected = [glossary[i].name(lang) for i in ("cluster", "node", "pod", "container")]
    for svg in svgs(figure):
        assert [label for _, label, _ in boxes(svg)] == expected
        assert len(drawing(svg).findall(f"{SVG}path")) == 3  # a chevron between each pair
        assert ", ".join(expected) in drawing(svg).get("aria-label")


def test_same_glossary_gives_byte_identical_svg(glossary) -> None:
    shuffled = Glossary(terms=dict(reversed(list(glossary.terms.items()))), tags=glossary.tags)
    for lang in LANGS:
        first = hierarchy_svg(glossary, "cluster", lang, HREF, examples=3)
        assert first == hierarchy_svg(glossary, "cluster", lang, HREF, examples=3)
        assert first == hierarchy_svg(shuffled, "cluster", lang, HREF, examples=3)
        assert chain_svg(glossary, "cluster", lang, HREF) == chain_svg(shuffled, "cluster",
                                                                       lang, HREF)
    assert not re.search(r'="-?\d+\.\d', first), "coordinates must be whole numbers"


def test_unknown_root_is_a_clear_glossary_error(glossary) -> None:
    for draw in (hierarchy_svg, chain_svg):
        with pytest.raises(GlossaryError) as info:
            draw(glossary, "clustr", "ko", HREF)
        (problem,) = info.value.problems
        assert problem.file == "glossary/clustr.yml"
        assert "does not exist" in problem.message
        assert "did you mean 'cluster'" in problem.fix


def term(term_id: str, part_of: str | None = None, kind_of: str | None = None,
         tags: tuple[str, ...] = ()) -> Term:
    text = {lang: TermText(term=f"{term_id}-{lang}", aliases=(), short="s") for lang in LANGS}
    return Term(id=term_id, text=text, part_of=part_of, kind_of=kind_of, tags=tags,
                source=f"glossary/{term_id}.yml")


def hand_made(*terms: Term) -> Glossary:
    """The loader refuses cycles; a hand-made Glossary checks the diagram's own guard."""
    return Glossary(terms={t.id: t for t in terms},
                    tags={"size-unit": {"ko": "크기 단위", "en": "Size units"}})


def test_a_part_of_cycle_stops_with_a_clear_error() -> None:
    looped = hand_made(term("a", part_of="b"), term("b", part_of="a"))
    with pytest.raises(GlossaryError) as info:
        hierarchy_svg(looped, "a", "en", HREF)
    assert "cycle" in str(info.value) and "a → b → a" in str(info.value)


def test_a_kind_of_cycle_stops_with_a_clear_error() -> None:
    looped = hand_made(term("a", kind_of="b"), term("b", kind_of="a"), term("c", part_of="a"))
    for draw in (hierarchy_svg, chain_svg):
        with pytest.raises(GlossaryError) as info:
            draw(looped, "a", "en", HREF)
        assert "cycle" in str(info.value)


def test_chain_refuses_two_size_units_at_one_step() -> None:
    forked = hand_made(term("top", tags=("size-unit",)), term("x", "top", tags=("size-unit",)),
                       term("y", "top", tags=("size-unit",)))
    with pytest.raises(GlossaryError) as info:
        chain_svg(forked, "top", "en", HREF)
    assert "x, y" in str(info.value) and "size-unit" in str(info.value)


@pytest.mark.parametrize(("option", "value"), [("examples", 0), ("examples", 99),
                                               ("depth", -1), ("depth", "2")])
def test_bad_options_are_refused(glossary, option, value) -> None:
    with pytest.raises(ValueError, match=option):
        hierarchy_svg(glossary, "cluster", "ko", HREF, **{option: value})


def test_compact_diagram_is_one_small_svg_without_caption(glossary) -> None:
    figure = parse(hierarchy_svg(glossary, "node", "ko", "", depth=1, examples=1, compact=True))
    assert len(svgs(figure)) == 1 and figure.find("figcaption") is None
    assert all(href.startswith("#") for href, _, _ in boxes(svgs(figure)[0]))
    full = parse(hierarchy_svg(glossary, "cluster", "ko", HREF, examples=3))
    assert [s.get("class").split("--")[-1] for s in svgs(full)] == ["wide", "narrow"]
    assert "노드" in full.find("figcaption").text  # names what the dashed box groups


def every_layout(glossary: Glossary):
    """Every term's tree at both widths, in both languages, with examples 1 and 3."""
    from bilingual_glossary.diagrams.diagram import _TreeBuilder

    for lang in LANGS:
        for term_id in glossary.terms:
            for examples in (1, 3):
                tree = _TreeBuilder(glossary, lang, examples).build(term_id, None)
                for width in (WIDE, NARROW):
                    yield term_id, lang, width, TreeLayout(width).place(tree)


def inside(inner, outer) -> bool:
    return (outer.x <= inner.x and inner.x + inner.w <= outer.x + outer.w
            and outer.y <= inner.y and inner.y + inner.h <= outer.y + outer.h)


def test_layout_labels_fit_and_boxes_nest_without_overlap(glossary) -> None:
    for term_id, lang, width, (placed, w, h) in every_layout(glossary):
        where = f"{term_id} {lang} {width}"
        assert placed[0].w == w and placed[0].h == h
        assert w <= width or len(placed) == 1, f"{where}: {w} wider than {width}"
        for box in placed:
            assert box.w >= label_width(box.box) if box.box.kind != "chip" else (
                box.w > text_width(box.box.label, 12)), where
            if box.depth:
                parents = [p for p in placed if p.depth == box.depth - 1 and inside(box, p)]
                assert parents, f"{where}: {box.box.label} sticks out of its parent"
        for a_index, a in enumerate(placed):
            for b in placed[a_index + 1:]:
                if a.depth == b.depth:
                    apart = (a.x + a.w <= b.x or b.x + b.w <= a.x
                             or a.y + a.h <= b.y or b.y + b.h <= a.y)
                    assert apart, f"{where}: {a.box.label} overlaps {b.box.label}"


# Widths measured in Chromium (getComputedTextLength) on this Debian image, the larger of two
# font stacks: Material's own (Liberation Sans for Latin, Noto Sans CJK KR for Hangul) and the
# site's (Noto Sans CJK KR for both). The estimate must cover them without being far too wide.
MEASURED = [("Controller manager", 12, False, 109.1), ("Container runtime", 12, False, 102.6),
            ("Horizontal Pod Autoscaler", 14, False, 169.2), ("Master node", 14, True, 84.7),
            ("Control plane", 14, True, 93.8), ("컨테이너 런타임", 12, False, 80.6),
            ("컨트롤 플레인", 14, True, 81.1), ("파드", 14, False, 25.8), ("Job", 14, False, 24.6)]


@pytest.mark.parametrize(("text", "size", "bold", "measured"), MEASURED)
def test_text_width_estimate_covers_real_rendering(text, size, bold, measured) -> None:
    estimate = text_width(text, size, bold)
    assert measured <= estimate <= measured * 1.3


def test_label_widths_leave_room_around_the_text() -> None:
    """Behaviour, not the layout's constants: a box is wider than its label, and the room
    around the label does not depend on the label."""
    text = text_width("컨테이너", 14)
    assert text_width("컨테이너", 14, bold=True) >= text > 0
    leaf, short_leaf = Box("x", "컨테이너", "t"), Box("z", "파드", "t")
    assert label_width(leaf) > text
    assert label_width(leaf) - label_width(short_leaf) == text - text_width("파드", 14)
    holder = Box("y", "파드", "t", children=(leaf,))
    assert label_width(holder) > text_width("파드", 14, bold=True)
