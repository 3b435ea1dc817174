"""A scenario's decision graph as a self-contained SVG document, written directly.

Owns turning a ``GraphLayout`` with its marks and, optionally, a play's path
into SVG text: decisions as circles, linear steps as small diamonds, endings as
rounded squares filled by kind with a glyph (tick, dash, cross), arrowheads,
node ids, edge labels (``choice-id (r5 t3 l4)``), nodes no play enters drawn
hollow with a dashed outline, dead ends under a stop sign, the path thick with
its decisions numbered, a class's heat map (each way drawn as wide as the
number of plays that took it, the number beside it), and a legend. Colour is
never the only carrier. Text
widths are estimated (the viewer picks the font), so labels have some air.
Geometry is ``picture``'s, shared with the GUI's PNG; it writes no file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from game.analysis.layout import GraphLayout, PlacedNode
from game.analysis.overlay import GraphMarks, PlayedPath
from game.analysis.picture import (
    DEAD_END_COLOUR,
    ENDING_COLOURS,
    MARGIN,
    MARK_KEYS,
    REPORT_KEYS,
    Box,
    Frame,
    Point,
    labelled_routes,
    legend_words,
    node_reach,
    octagon,
    place_labels,
    stop_sign,
    trimmed,
)
from game.analysis.picture import fit_canvas as fit

FONT_SIZE = 13
LINE = round(FONT_SIZE * 1.3)
LEGEND_WIDTH = 960  # a small graph's picture widens to show its legend on one row up to this
LEGEND_SAMPLE = 14
FONT_FAMILY = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
# The GUI's default palette (game.ui.gui.theme.DEFAULT), repeated: analysis never imports pygame.
COLOURS = {
    "background": "#F6F1E9",
    "ink": "#1F2933",
    "panel": "#FFFFFF",
    "primary": "#0B4F6C",
    "primary_ink": "#FFFFFF",
    "muted": "#52606D",
    "locked": "#9AA5B1",
}


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """A generous estimate of a line's width in a sans-serif font."""
    return len(text) * size * 0.58


HEAT_WIDEST = 14  # the stroke of the way most plays took


def graph_svg(
    layout: GraphLayout,
    marks: GraphMarks | None = None,
    path: PlayedPath | None = None,
    lang: str = "en",
    title: str = "",
    heat: Mapping[tuple[str, str | None], int] | None = None,
) -> str:
    """The whole document, as text.

    ``heat`` maps a way on, (source node, choice id or None for a step's next),
    to how many plays took it: each is drawn as wide as its share of the most.
    """
    marks = marks or GraphMarks()
    canvas = fit(layout, text_width, LINE, marks.dead_ends)
    frame = canvas.frame
    found = labelled_routes(frame, text_width, LINE)
    labels = place_labels(frame, found, text_width, LINE, marks.dead_ends)
    keys = [*(REPORT_KEYS if path is not None else REPORT_KEYS[1:])]
    if heat is not None:
        keys = ["heat", *REPORT_KEYS[1:]]
    keys += [k for k, v in zip(MARK_KEYS, (marks.unreachable, marks.dead_ends), strict=True) if v]
    width = max(canvas.width, min(LEGEND_WIDTH, _legend_width(keys, lang)))
    legend, legend_height = _legend(keys, lang, canvas.height, width)
    height = canvas.height + legend_height + MARGIN
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}">',
        f"<title>{escape(title or 'decision graph')}</title>",
        "<defs>",
        _marker("arrow", COLOURS["muted"], 7),
        _marker("arrow-path", COLOURS["primary"], 4),
        "</defs>",
        f'<rect width="{width}" height="{height}" fill="{COLOURS["background"]}"/>',
        '<g class="edges" fill="none">',
    ]
    nodes = {node.node_id: node for node in layout.nodes}
    r = frame.radius
    path_lines: list[str] = []
    most = max(heat.values(), default=0) if heat else 0
    for route in found:
        edge = route.edge
        points = trimmed(route.points, node_reach(nodes[edge.source], r), 0)
        points = trimmed(points, 0, node_reach(nodes[edge.target], r) + 1)
        if not points:
            continue
        data = f"data-source={quoteattr(edge.source)} data-target={quoteattr(edge.target)}"
        if edge.choice_id is not None:
            data += f" data-choice={quoteattr(edge.choice_id)}"
        # a way out of a node no play enters is never taken: dashed, like the node
        dashes = ' stroke-dasharray="4 3"' if edge.source in marks.unreachable else ""
        out.append(
            f'<polyline class="edge" {data} points="{_points(points)}" '
            f'stroke="{COLOURS["muted"]}" stroke-width="1.3"{dashes} marker-end="url(#arrow)"/>'
        )
        taken = heat.get((edge.source, edge.choice_id), 0) if heat else 0
        if taken > 0:
            path_lines.append(_heat_line(points, data, taken, most))
        if path is not None and path.follows(edge):
            path_lines.append(
                f'<polyline class="path-edge" {data} points="{_points(points)}" '
                f'stroke="{COLOURS["primary"]}" stroke-width="5" stroke-linejoin="round" '
                'marker-end="url(#arrow-path)"/>'
            )
    out += ["</g>", '<g class="path" fill="none">', *path_lines, "</g>", '<g class="nodes">']
    for node in layout.nodes:
        out.append(_node(node, frame, marks, path))
    out += ["</g>", f'<g class="labels" fill="{COLOURS["ink"]}">']
    for node_id, text in labels.nodes.items():
        colour = COLOURS["muted"] if node_id in marks.unreachable else COLOURS["ink"]
        where = (
            f'text-anchor="middle" x="{_n(text.box.left + text.box.width / 2)}" '
            f'y="{_n(text.box.top + FONT_SIZE)}"'
        )
        # a halo, not a box (a copy under the text, as not every viewer knows paint-order):
        # the lines that meet the node stay visible around the letters
        out.append(
            f'<text class="halo" {where} fill="{COLOURS["background"]}" '
            f'stroke="{COLOURS["background"]}" stroke-width="4" stroke-linejoin="round">'
            f"{escape(node_id)}</text>"
        )
        out.append(
            f'<text class="node-label" data-node={quoteattr(node_id)} {where} '
            f'fill="{colour}">{escape(node_id)}</text>'
        )
    for route, text in labels.edges:
        centre = text.box.left + text.box.width / 2
        spans = "".join(
            f'<tspan x="{_n(centre)}" y="{_n(text.box.top + FONT_SIZE + i * LINE)}">'
            f"{escape(line)}</tspan>"
            for i, line in enumerate(text.lines)
        )
        out.append(_backing(text.box))
        out.append(
            f'<text class="edge-label" data-source={quoteattr(route.edge.source)} '
            f'data-choice={quoteattr(route.edge.choice_id or "")} text-anchor="middle">'
            f"{spans}</text>"
        )
    out += ["</g>", *legend, "</svg>"]
    return "\n".join(out) + "\n"


def _heat_line(points: Sequence[Point], data: str, taken: int, most: int) -> str:
    """A way the class took: as wide as its share of the most taken, its number at its start."""
    width = 2 + (HEAT_WIDEST - 2) * taken / max(most, 1)
    x, y = points[0] if len(points) < 3 else points[1]
    return (
        f'<g class="heat-edge" {data} data-count="{taken}"><title>{taken}</title>'
        f'<polyline points="{_points(points)}" stroke="{COLOURS["primary"]}" '
        f'stroke-opacity="0.55" stroke-width="{_n(width)}" stroke-linejoin="round" '
        'stroke-linecap="round"/>'
        f'<text x="{_n(x)}" y="{_n(y - width / 2 - 3)}" font-size="11" font-weight="bold" '
        f'fill="{COLOURS["primary"]}" text-anchor="middle">{taken}</text></g>'
    )


def _node(node: PlacedNode, frame: Frame, marks: GraphMarks, path: PlayedPath | None) -> str:
    x, y = frame.centre(node)
    r = frame.radius
    is_unreachable = node.node_id in marks.unreachable
    is_on_path = path is not None and node.node_id in path.nodes
    classes = ["node", node.kind]
    if is_unreachable:
        classes.append("unreachable")
    if node.node_id in marks.dead_ends:
        classes.append("dead-end")
    if is_on_path:
        classes.append("on-path")
    fill = COLOURS["primary"] if is_on_path else COLOURS["panel"]
    outline = COLOURS["locked"] if is_unreachable else COLOURS["ink"]
    dashes = ' stroke-dasharray="4 3"' if is_unreachable else ""
    stroke = f'stroke="{outline}" stroke-width="2"{dashes}'
    parts = [f'<g class="{" ".join(classes)}" data-node={quoteattr(node.node_id)}>']
    if node.kind == "decision":
        parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{r}" fill="{fill}" {stroke}/>')
    elif node.kind == "step":
        s = max(3, round(r * 0.7))
        diamond = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
        parts.append(f'<polygon points="{_points(diamond)}" fill="{fill}" {stroke}/>')
    else:
        colour = ENDING_COLOURS.get(node.ending_kind, ENDING_COLOURS[None])
        side = 2 * r + 2
        box_fill, glyph = (COLOURS["panel"], colour) if is_unreachable else (colour, "#FFFFFF")
        edge = COLOURS["primary"] if is_on_path else outline
        width = 3 if is_on_path else 1
        parts.append(
            f'<rect x="{_n(x - side / 2)}" y="{_n(y - side / 2)}" width="{side}" '
            f'height="{side}" rx="4" fill="{box_fill}" stroke="{edge}" stroke-width="{width}"'
            f"{dashes}/>"
        )
        parts.append(_glyph(x, y, side, node.ending_kind, glyph))
    if node.node_id in marks.dead_ends:
        sx, sy, size = stop_sign(x, y, r)
        parts.append(
            f'<g class="dead-end-mark"><polygon points="{_points(octagon(sx, sy, size))}" '
            f'fill="{DEAD_END_COLOUR}" stroke="#FFFFFF" stroke-width="1"/>'
            f'<line x1="{_n(sx - size * 0.55)}" y1="{_n(sy)}" x2="{_n(sx + size * 0.55)}" '
            f'y2="{_n(sy)}" stroke="#FFFFFF" stroke-width="{_n(size * 0.4)}"/></g>'
        )
    number = path.numbers.get(node.node_id) if path is not None else None
    if number is not None:
        parts.append(
            f'<text class="path-number" x="{_n(x)}" y="{_n(y + 4.5)}" text-anchor="middle" '
            f'font-size="12" font-weight="bold" fill="{COLOURS["primary_ink"]}">{number}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _glyph(x: float, y: float, side: float, kind: str | None, colour: str) -> str:
    """A tick (good), dash (mixed) or cross (bad) in an ending's square, as the GUI draws."""
    q = side / 4
    left, right, top, bottom = x - q, x + q, y - q, y + q
    lines: list[Sequence[Point]] = []
    if kind == "good":
        lines = [[(left, y), (x - 1, bottom), (right, top)]]
    elif kind == "bad":
        lines = [[(left, top), (right, bottom)], [(left, bottom), (right, top)]]
    elif kind == "mixed":
        lines = [[(left, y), (right, y)]]
    width = _n(max(2.0, side / 8))
    return "".join(
        f'<polyline points="{_points(line)}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"/>'
        for line in lines
    )


def _legend_width(keys: Sequence[str], lang: str) -> float:
    """The legend's width on one row."""
    words = legend_words(lang)
    return 2 * MARGIN + sum(LEGEND_SAMPLE + 8 + text_width(words[key]) + 24 for key in keys)


def _legend(keys: Sequence[str], lang: str, top: float, width: float) -> tuple[list[str], int]:
    """The key to the shapes, wrapped into rows; returns its elements and its height."""
    words = legend_words(lang)
    r, row = LEGEND_SAMPLE / 2, LINE + 8
    x, y = float(MARGIN), top
    parts = [f'<g class="legend" fill="{COLOURS["ink"]}">']
    for key in keys:
        label = words[key]
        needed = LEGEND_SAMPLE + 8 + text_width(label) + 24
        if x + needed > width - MARGIN and x > MARGIN:
            x, y = float(MARGIN), y + row
        cx, cy = x + r, y + row / 2
        parts.append(_sample(key, cx, cy, r))
        parts.append(
            f'<text x="{_n(x + 2 * r + 8)}" y="{_n(cy + FONT_SIZE * 0.35)}">{escape(label)}</text>'
        )
        x += needed
    parts.append("</g>")
    return parts, round(y + row - top)


def _sample(key: str, cx: float, cy: float, r: float) -> str:
    ink, panel = COLOURS["ink"], COLOURS["panel"]
    if key == "heat":
        return (
            f'<line x1="{_n(cx - r)}" y1="{_n(cy + 3)}" x2="{_n(cx + r)}" y2="{_n(cy - 3)}" '
            f'stroke="{COLOURS["primary"]}" stroke-opacity="0.55" stroke-width="9"/>'
        )
    if key == "path":
        return (
            f'<line x1="{_n(cx - r)}" y1="{_n(cy)}" x2="{_n(cx + r)}" y2="{_n(cy)}" '
            f'stroke="{COLOURS["primary"]}" stroke-width="5"/>'
        )
    if key == "decision":
        return (
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{r}" fill="{panel}" stroke="{ink}" '
            'stroke-width="2"/>'
        )
    if key == "step":
        s = r * 0.8
        diamond = [(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)]
        return (
            f'<polygon points="{_points(diamond)}" fill="{panel}" stroke="{ink}" stroke-width="2"/>'
        )
    if key == "unreachable":
        return (
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{r}" fill="{panel}" '
            f'stroke="{COLOURS["locked"]}" stroke-width="2" stroke-dasharray="4 3"/>'
        )
    if key == "dead_end":
        return (
            f'<polygon points="{_points(octagon(cx, cy, r))}" fill="{DEAD_END_COLOUR}"/>'
            f'<line x1="{_n(cx - r * 0.55)}" y1="{_n(cy)}" x2="{_n(cx + r * 0.55)}" '
            f'y2="{_n(cy)}" stroke="#FFFFFF" stroke-width="{_n(r * 0.4)}"/>'
        )
    side = 2 * r + 2
    return (
        f'<rect x="{_n(cx - side / 2)}" y="{_n(cy - side / 2)}" width="{side}" height="{side}" '
        f'rx="3" fill="{ENDING_COLOURS[key]}"/>' + _glyph(cx, cy, side, key, "#FFFFFF")
    )


def _marker(name: str, colour: str, size: float) -> str:
    """An arrowhead scaled by the stroke: ``size`` strokes long."""
    return (
        f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="{size}" '
        f'markerHeight="{size}" orient="auto-start-reverse" markerUnits="strokeWidth">'
        f'<path d="M0,1 L10,5 L0,9 z" fill="{colour}"/></marker>'
    )


def _backing(box: Box) -> str:
    """The background, a little see-through, behind a label: it stays legible over lines."""
    return (
        f'<rect class="label-back" x="{_n(box.left)}" y="{_n(box.top + 1)}" '
        f'width="{_n(box.width)}" height="{_n(box.height)}" rx="3" '
        f'fill="{COLOURS["background"]}" fill-opacity="0.85" stroke="none"/>'
    )


def _points(points: Sequence[Point]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _n(value: float) -> str:
    """A coordinate with one decimal at most."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
