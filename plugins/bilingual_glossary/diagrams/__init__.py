"""Hierarchy diagrams: tree layout and SVG drawn from part_of and kind_of."""
