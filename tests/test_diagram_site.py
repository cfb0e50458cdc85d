"""Hierarchy diagrams in the built site: where they appear, their links, determinism, a clean
error for a bad root, and (in Chromium) fit, contrast and size in both palettes and on a phone."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bilingual_glossary import load_glossary
from conftest import ROOT, build_site, copy_project

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r'<figure class="hierarchy[ "].*?</figure>', re.S)
PAGES = {  # built page -> (language, the glossary link from that page)
    "cluster/index.html": ("ko", "../glossary/"),
    "en/cluster/index.html": ("en", "../glossary/"),
    "hierarchy/index.html": ("ko", "../glossary/"),
    "en/hierarchy/index.html": ("en", "../glossary/"),
}


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary")


def figures(html: str) -> list[str]:
    return FIGURE.findall(html)


def all_figures(site: Path) -> dict[str, list[str]]:
    return {str(p.relative_to(site)): figures(p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html"))}


# What each page draws, written out (drawing order of the boxes, by term id): a change in the
# glossary's part_of/kind_of data or in the drawing code shows up here as a diff to review.
# Every node runs a container runtime, kube-proxy and the kubelet (node's parts, which both kinds
# inherit); a control plane node also runs the control plane as a static Pod.
NODE_PARTS = ["container-runtime", "kube-proxy", "kubelet"]
STATIC_CONTROL_PLANE = ["static-pod", "control-plane", "etcd", "kube-apiserver",
                        "kube-controller-manager", "kube-scheduler"]
CHAIN = ["cluster", "node", "pod", "container"]


def node_boxes(kind: str, pods: int) -> list[str]:
    own = STATIC_CONTROL_PLANE if kind == "master-node" else []
    return [kind, *NODE_PARTS, *["pod", "container"] * pods, *own]


# {{ hierarchy('cluster', examples=1) }}: one node of each kind with one pod each
CLUSTER_TREE = ["cluster", "node", *node_boxes("master-node", 1), *node_boxes("worker-node", 1)]
# {{ hierarchy('cluster', examples=3) }}: three nodes of each kind with two pods each
CLUSTER_TREE_3 = ["cluster", "node", *node_boxes("master-node", 2) * 3,
                  *node_boxes("worker-node", 2) * 3]
TREE = "hierarchy hierarchy--tree hierarchy--switch"
TREE_SVGS = ["hierarchy__svg hierarchy__svg--wide", "hierarchy__svg hierarchy__svg--narrow"]
CHAIN_FIGURE = "hierarchy hierarchy--chain"
EXPECTED_FIGURES = {  # page -> [(figure class, its svg classes, box ids in drawing order)]
    "cluster/index.html": [(TREE, TREE_SVGS, CLUSTER_TREE)],
    "hierarchy/index.html": [(CHAIN_FIGURE, ["hierarchy__svg hierarchy__svg--single"], CHAIN),
                             (TREE, TREE_SVGS, CLUSTER_TREE_3)],
}
# Glossary entries with a diagram: the terms something sits inside or is a kind of (both kinds
# of node inherit node's parts)
DRAWN_ON_GLOSSARY = {"cluster", "control-plane", "controller", "init-container", "master-node",
                     "node", "pod", "static-pod", "worker-node", "workload-resource"}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_pages_carry_the_expected_diagrams(site_dir: Path, glossary, page: str) -> None:
    lang, href = PAGES[page]
    found = figures((site_dir / page).read_text(encoding="utf-8"))
    expected = EXPECTED_FIGURES[page.removeprefix("en/")]
    assert len(found) == len(expected), f"{page}: {len(found)} diagrams"
    for block, (figure_class, svg_classes, ids) in zip(found, expected, strict=True):
        # the raw HTML came through Markdown untouched (no <p>, no annotations inside)
        assert "<p>" not in block and "glossary-term" not in block
        figure = ET.fromstring(block)
        assert figure.get("class") == figure_class
        svgs = figure.findall(f"{SVG}svg")
        assert [svg.get("class") for svg in svgs] == svg_classes
        for svg in svgs:
            links = svg.find(f"{SVG}g[@class='hierarchy__links']").findall(f"{SVG}a")
            assert [a.get("href") for a in links] == [f"{href}#{i}" for i in ids]
            drawing = svg.find(f"{SVG}svg[@role='img']")
            boxes = drawing.findall(f".//{SVG}rect")
            assert len(boxes) == len(ids), f"{page}: {len(boxes)} boxes drawn for {len(ids)}"
            labels = [t.text for t in drawing.iter(f"{SVG}text")]
            assert labels == [glossary[i].name(lang) for i in ids]


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_glossary_page_draws_each_term_that_has_children(site_dir: Path, glossary,
                                                         lang_prefix: str) -> None:
    html = (site_dir / lang_prefix / "glossary/index.html").read_text(encoding="utf-8")
    entries = {m.group(1): m.group(2) for m in re.finditer(
        r'<article class="glossary-entry" data-term="([a-z0-9-]+)"(.*?)</article>', html, re.S)}
    assert set(entries) == set(glossary.terms)
    drawn = {term_id for term_id, body in entries.items() if figures(body)}
    assert drawn == DRAWN_ON_GLOSSARY
    for term_id in sorted(drawn):  # the entry's own diagram, rooted at the entry's term
        svg = ET.fromstring(figures(entries[term_id])[0]).find(f"{SVG}svg")
        assert svg.find(f".//{SVG}a").get("href") == f"#{term_id}"
        assert svg.find(f".//{SVG}svg[@role='img']").find(f".//{SVG}rect") is not None


def test_every_diagram_link_resolves(site_dir: Path) -> None:
    checked = 0
    for page, blocks in all_figures(site_dir).items():
        page_url = "http://site/" + page
        for block in blocks:
            for link in ET.fromstring(block).iter(f"{SVG}a"):
                target = urlsplit(urljoin(page_url, link.get("href")))
                path = target.path.lstrip("/")
                file = site_dir / (path + "index.html" if path.endswith("/") or not path
                                   else path)
                assert file.is_file(), f"{page}: {link.get('href')} has no page"
                assert target.fragment, f"{page}: {link.get('href')} has no entry id"
                assert f'id="{target.fragment}"' in file.read_text(encoding="utf-8"), (
                    f"{page}: {link.get('href')} points at a missing id")
                checked += 1
    assert checked > 100


def test_the_source_picture_is_gone(site_dir: Path) -> None:
    for page in sorted(site_dir.rglob("*.html")):
        assert "kakaocdn" not in page.read_text(encoding="utf-8"), page


def test_two_builds_give_byte_identical_diagrams(site_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    result = build_site(again)
    assert result.returncode == 0, result.stderr
    first, second = all_figures(site_dir), all_figures(again)
    assert sum(len(v) for v in first.values()) >= 20
    assert first == second


def test_unknown_root_stops_the_build_with_one_clear_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "cluster.md"
    text = page.read_text(encoding="utf-8")
    assert "{{ hierarchy('cluster', examples=1) }}" in text
    page.write_text(text.replace("{{ hierarchy('cluster', examples=1) }}",
                                 "{{ hierarchy('clustr') }}"),
                    encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "cluster.md" in output and "glossary/clustr.yml: does not exist" in output
    assert "did you mean 'cluster'?" in output


# --- in Chromium -------------------------------------------------------------------------------

MEASURE_JS = """(svg) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const pageBg = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const composite = (layers) => {  // paint the layers over each other, read the pixel back
    ctx.clearRect(0, 0, 1, 1);
    for (const c of layers) {
      if (!c || c === 'none') continue;
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
    }
    return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
  };
  const lum = (rgb) => rgb.map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const bg = pageBg(svg.parentElement);
  const boxes = [...svg.querySelectorAll('svg[role=img] rect')].map(r => ({
    r, x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'),
    h: +r.getAttribute('height'), fill: getComputedStyle(r).fill,
    stroke: getComputedStyle(r).stroke}));
  const under = (px, py, count) => [bg, ...boxes.slice(0, count).filter(b =>
    b.x <= px && px <= b.x + b.w && b.y <= py && py <= b.y + b.h).map(b => b.fill)];
  const view = svg.viewBox.baseVal;
  return {
    scale: svg.getBoundingClientRect().width / view.width,
    right: svg.getBoundingClientRect().right,
    viewport: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    boxes: boxes.map((b, i) => {
      const t = b.r.parentElement.querySelector('text');
      const tb = t.getBBox();
      const cx = tb.x + tb.width / 2, cy = tb.y + tb.height / 2;
      const back = under(cx, cy, i + 1);
      const outside = under(b.x - 0.5, b.y + b.h / 2, i);
      return {
        label: t.textContent,
        fits: tb.x >= b.x && tb.x + tb.width <= b.x + b.w
              && tb.y >= b.y && tb.y + tb.height <= b.y + b.h,
        text: ratio(composite([...back, getComputedStyle(t).fill]), composite(back)),
        border: ratio(composite([...outside, b.stroke]), composite(outside)),
      };
    }),
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("device", "width"), [("desktop", 1280), ("phone", 390)])
def test_diagrams_fit_read_and_contrast(browser, site_url: str, scheme: str, device: str,
                                        width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=scheme, locale="ko-KR")
    page = context.new_page()
    try:
        for path in ("cluster/", "en/cluster/", "hierarchy/", "en/hierarchy/"):
            page.goto(site_url + path)
            expected_scheme = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
            expected = EXPECTED_FIGURES[path.removeprefix("en/") + "index.html"]
            assert page.locator("figure.hierarchy").count() == len(expected), path
            for index, (figure_class, svg_classes, ids) in enumerate(expected):
                figure = page.locator("figure.hierarchy").nth(index)
                assert figure.get_attribute("class") == figure_class, path
                shown = figure.locator("svg.hierarchy__svg:visible")
                assert shown.count() == 1, f"{path}: one layout at a time"
                if figure_class == TREE:  # the wide drawing on a desktop, the narrow on a phone
                    assert shown.get_attribute("class") == svg_classes[device == "phone"], path
                info = shown.evaluate(MEASURE_JS)
                where = f"{path} #{index} {scheme} {device}"
                assert len(info["boxes"]) == len(ids), f"{where}: {len(info['boxes'])} boxes"
                assert info["right"] <= info["viewport"] and (
                    info["scrollWidth"] <= info["viewport"]), f"{where}: runs off the screen"
                assert info["scale"] >= 0.85, f"{where}: shrunk to {info['scale']:.2f}"
                for box in info["boxes"]:
                    assert box["fits"], f"{where}: '{box['label']}' overflows its box"
                    assert box["text"] >= 4.5, f"{where}: '{box['label']}' {box['text']:.2f}:1"
                    assert box["border"] >= 3, f"{where}: '{box['label']}' border " \
                                               f"{box['border']:.2f}:1"
    finally:
        context.close()


@pytest.mark.browser
def test_clicking_a_box_opens_its_glossary_entry(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "en/cluster/")
        figure = page.locator("figure.hierarchy svg.hierarchy__svg:visible").first
        # the innermost box is on top: a click on a container label reaches the container link
        label = figure.locator("svg[role=img] text").filter(
            has_text=re.compile(r"^Container$")).first
        box = label.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url("**/en/glossary/#container")
        # keyboard: every box is a link, named by its title (term: definition)
        page.goto(site_url + "en/cluster/")
        links = page.locator("figure.hierarchy svg.hierarchy__svg:visible a.hierarchy__link")
        links.first.focus()
        assert page.evaluate("document.activeElement.textContent").startswith("Cluster: ")
    finally:
        context.close()
