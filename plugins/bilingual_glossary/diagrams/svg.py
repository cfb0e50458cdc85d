"""SVG markup for laid-out diagrams. Everything that comes from the glossary is escaped here.

Each diagram is one outer <svg> holding two layers over the same coordinates:
- the drawing, a nested <svg role="img"> whose aria-label states the hierarchy in words. It holds
  no links: an image's children are presentational, so focusable links inside it would be
  unreachable for screen readers (axe: nested-interactive);
- the links, one <a> per box on top of it: a transparent rect the size of the box whose <title>,
  "term: short definition", is both the tooltip and the link's accessible name.
Colours are left to CSS classes (the plugin's assets/hierarchy.css) that use Material's palette
variables, so the light and dark schemes both work; the presentation attributes written here are
only a fallback for a reader without the stylesheet.
"""

from __future__ import annotations

from html import escape

from bilingual_glossary.diagrams.layout import (
    CHIP_FONT,
    CHIP_H,
    FONT,
    LABEL_BASELINE,
    PAD,
    ChainLayout,
    Placed,
)

SVG_NS = "http://www.w3.org/2000/svg"
EM_UNITS = 16  # SVG units per em of the surrounding text at the natural size


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _style(p: Placed) -> tuple[str, int, int]:
    """(CSS class, corner radius, font size) of a box."""
    if p.box.kind == "chip":
        return "hierarchy__chip", CHIP_H // 2, CHIP_FONT
    if p.box.kind == "group":
        return "hierarchy__group", 10, FONT
    return "hierarchy__box", 6, FONT


def _drawn_box(p: Placed) -> str:
    """The visible box: its rect and its label."""
    box = p.box
    cls, radius, size = _style(p)
    if box.root:
        cls += " hierarchy__box--root"
    text_attrs = f'font-size="{size}"'
    if box.has_content:
        # label in the top-left band of a box that holds others
        tx, ty = p.x + PAD, p.y + LABEL_BASELINE
        text_attrs += ' font-weight="bold"'
    else:
        # label centred; 0.35 em below the middle puts the x-height on the centre line
        tx, ty = p.x + p.w // 2, p.y + p.h // 2 + (size * 35 + 50) // 100
        text_attrs += ' text-anchor="middle"'
        if box.root:
            text_attrs += ' font-weight="bold"'
    return (f'<g><rect class="{cls}" x="{p.x}" y="{p.y}" width="{p.w}" height="{p.h}"'
            f' rx="{radius}" fill="none" stroke="currentColor"/>'
            f'<text class="hierarchy__label" x="{tx}" y="{ty}" {text_attrs}>'
            f'{escape(box.label)}</text></g>')


def _link(p: Placed, glossary_href: str) -> str:
    """The box's link: a transparent rect over it, named by its <title>."""
    _, radius, _ = _style(p)
    href = f"{glossary_href}#{p.box.term_id}"
    return (f'<a class="hierarchy__link" href="{_attr(href)}">'
            f'<title>{escape(p.box.tooltip)}</title>'
            f'<rect class="hierarchy__hit" x="{p.x}" y="{p.y}" width="{p.w}" height="{p.h}"'
            f' rx="{radius}" fill="transparent"/></a>')


def svg_element(placed: list[Placed], width: int, height: int, name: str, glossary_href: str,
                variant: str, chevrons: list[tuple[int, int]] = ()) -> str:
    """One diagram: shown at most at its natural size, shrinking with the column (viewBox)."""
    stroke = 1  # margin so the outer strokes are not clipped
    view_w, view_h = width + 2 * stroke, height + 2 * stroke
    parts = [
        f'<svg xmlns="{SVG_NS}" class="hierarchy__svg hierarchy__svg--{variant}"'
        f' viewBox="-{stroke} -{stroke} {view_w} {view_h}" width="100%"'
        f' style="max-width:{_em(view_w)}">',
        f'<svg class="hierarchy__drawing" role="img" aria-label="{_attr(name)}"'
        ' overflow="visible">',
    ]
    parts += [_drawn_box(p) for p in placed]
    for cx, cy in chevrons:
        parts.append(f'<path class="hierarchy__chevron" d="M{cx - 3} {cy - 6}l6 6l-6 6"'
                     f' fill="none" stroke="currentColor"/>')
    parts.append("</svg>")
    parts.append('<g class="hierarchy__links">')
    # parents before the boxes they hold, so the innermost box is on top and gets the click
    parts += [_link(p, glossary_href) for p in placed]
    parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)


def chain_svg_element(layout: ChainLayout, name: str, glossary_href: str, variant: str) -> str:
    return svg_element(layout.boxes, layout.width, layout.height, name, glossary_href, variant,
                       layout.chevrons)


def figure(svgs: list[str], kind: str, caption: str = "", action: str = "") -> str:
    """The block the macro returns: no blank line inside (Markdown would end the raw HTML block
    there), blank lines around it. data-search-exclude keeps the labels out of the search index."""
    switch = " hierarchy--switch" if len(svgs) > 1 else ""
    lines = [f'<figure class="hierarchy hierarchy--{kind}{switch}" data-search-exclude="">',
             *svgs]
    if caption or action:  # the action (press a box) in its own span: print leaves it out
        action_html = f'<span class="hierarchy__action">{escape(action)}</span>' if action else ""
        lines.append(f'<figcaption class="hierarchy__caption no-glossary">'
                     f'{escape(caption)}{" " if caption and action else ""}{action_html}'
                     '</figcaption>')
    lines.append("</figure>")
    return "\n\n" + "\n".join(lines) + "\n\n"


def _em(units: int) -> str:
    whole, rest = divmod(units * 100 // EM_UNITS, 100)
    return f"{whole}.{rest:02d}em"

