"""The geometry of a picture of a decision graph, in pixels: what SVG and PNG share.

Owns fitting a ``GraphLayout`` into a rectangle (columns and rows to pixels, the
node size), routing each edge as a polyline (loops back as arcs under the
columns; parallel edges fanned apart when labels need room), the words of
edge labels (``choice-id (r5 t3 l4)``), placing labels where they cover least,
sizing a labelled picture from its columns, rows and text, and the colours and
legend words both renderers use. It measures text only through the function it
is given and draws nothing: ``svg`` writes SVG from it, the GUI draws with pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import cos, pi, sin

from game.analysis.layout import GraphLayout, PlacedEdge, PlacedNode
from game.core.model import COMPETENCIES

Point = tuple[float, float]
Measure = Callable[[str], float]  # the width of a line of text, in pixels

COLUMN_WIDTH, ROW_HEIGHT = 140, 90  # the least room per column and per row of a labelled picture
WIDEST_COLUMN = 400
SLOPES = 100  # of a column, besides its widest shelf: the node and the slopes either side
MARGIN = 24
ENDING_COLOURS = {"good": "#2E7D32", "mixed": "#B7791F", "bad": "#C8102E", None: "#52606D"}
DEAD_END_COLOUR = "#C8102E"

REPORT_KEYS = ("path", "decision", "step", "good", "mixed", "bad")
MARK_KEYS = ("unreachable", "dead_end")
LEGEND = {
    "id": {
        "path": "Jalur Anda",
        "heat": "lebar garis = banyaknya peserta",
        "decision": "keputusan",
        "step": "langkah",
        "good": "akhir baik",
        "mixed": "akhir campuran",
        "bad": "akhir buruk",
        "unreachable": "tak tercapai",
        "dead_end": "jalan buntu",
    },
    "en": {
        "path": "Your path",
        "heat": "line width = how many took it",
        "decision": "decision",
        "step": "step",
        "good": "good ending",
        "mixed": "mixed ending",
        "bad": "bad ending",
        "unreachable": "unreachable",
        "dead_end": "dead end",
    },
}


def legend_words(lang: str) -> dict[str, str]:
    return LEGEND.get(lang, LEGEND["en"])


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @classmethod
    def around(cls, centre: Point, width: float, height: float) -> Box:
        return cls(centre[0] - width / 2, centre[1] - height / 2, width, height)

    def overlap(self, other: Box) -> float:
        """The area the two boxes share."""
        across = min(self.right, other.right) - max(self.left, other.left)
        down = min(self.bottom, other.bottom) - max(self.top, other.top)
        return across * down if across > 0 and down > 0 else 0.0

    def union(self, other: Box) -> Box:
        left, top = min(self.left, other.left), min(self.top, other.top)
        return Box(
            left, top, max(self.right, other.right) - left, max(self.bottom, other.bottom) - top
        )


class Frame:
    """A layout fitted into a rectangle: column and row steps, the node radius, pixel points."""

    def __init__(self, layout: GraphLayout, rect: Box) -> None:
        self.layout, self.rect = layout, rect
        self.step_x = rect.width / max(layout.columns, 1)
        self.step_y = rect.height / max(layout.rows, 1)
        self.radius = max(3, min(14, round(min(self.step_x, self.step_y) * 0.3)))

    def point(self, x: float, y: float) -> Point:
        left = self.rect.left + self.step_x / 2
        middle = self.rect.top + self.rect.height // 2  # as pygame's Rect.centery
        return left + x * self.step_x, middle + y * self.step_y

    def centre(self, node: PlacedNode) -> Point:
        return self.point(node.x, node.y)


@dataclass(frozen=True, slots=True)
class Route:
    """Where one edge runs, and where its label belongs."""

    edge: PlacedEdge
    points: tuple[Point, ...]
    label_at: Point  # the middle of the stretch the label sits on
    is_label_below: bool = False  # under that stretch (loops back), else above it


def routes(frame: Frame) -> list[Route]:
    """The report's routes: straight through waypoints, parallel edges on one line,
    a loop back as an arc under both ends (a self loop: a short stroke down and up)."""
    found: list[Route] = []
    r = frame.radius
    for edge in frame.layout.edges:
        points = [frame.point(x, y) for x, y in edge.points]
        (x1, y1), (x2, y2) = points[0], points[-1]
        if edge.is_back:
            # under the columns, so it does not hide the forward edges
            low = max(y1, y2) + 3 * r
            points = [(x1, y1), (x1, low), (x2, low), (x2, y2)]
        found.append(_labelled_at(edge, points, 1 if edge.is_back else 0, edge.is_back))
    return found


def labelled_routes(frame: Frame, measure: Measure, line: float) -> list[Route]:
    """Routes with room for a label on each choice, ``label_spread(line)`` apart.

    The choices leaving a node run, half a column out, along horizontal shelves
    stacked around the node's height in the order of where they go (so they do
    not cross there), each as wide as the node's widest label, which sits on it.
    Loops back run under the columns, deeper for each parallel one, their label
    beneath; a self loop is a small loop under its node.
    """
    spread = label_spread(line)
    shelves = _shelves(frame, measure, spread)
    parallel: dict[tuple[str, str], list[PlacedEdge]] = {}
    for edge in frame.layout.edges:
        parallel.setdefault((edge.source, edge.target), []).append(edge)
    r = frame.radius
    found: list[Route] = []
    for edge in frame.layout.edges:
        depth = parallel[(edge.source, edge.target)].index(edge) * spread
        points = [frame.point(x, y) for x, y in edge.points]
        (x1, y1), (x2, y2) = points[0], points[-1]
        if edge.source == edge.target:
            low = y1 + 2 * r + depth
            loop = [(x1, y1), (x1 + 1.5 * r, low), (x1 - 1.5 * r, low), (x1, y1)]
            found.append(_labelled_at(edge, loop, 1, True))
        elif edge.is_back:
            low = max(y1, y2) + 3 * r + depth
            found.append(_labelled_at(edge, [(x1, y1), (x1, low), (x2, low), (x2, y2)], 1, True))
        elif edge in shelves:
            shelf_y, half = shelves[edge]
            middle = (x1 + points[1][0]) / 2
            route = [points[0], (middle - half, shelf_y), (middle + half, shelf_y), *points[1:]]
            found.append(Route(edge, tuple(route), (middle, shelf_y)))
        else:
            found.append(_labelled_at(edge, points, 0, False))
    return found


def _shelves(
    frame: Frame, measure: Measure, spread: float
) -> dict[PlacedEdge, tuple[float, float]]:
    """Each forward choice's shelf: its height, and half its width (the source's widest label)."""
    leaving: dict[str, list[PlacedEdge]] = {}
    for edge in frame.layout.edges:
        if edge.choice_id is not None and not edge.is_back and edge.source != edge.target:
            leaving.setdefault(edge.source, []).append(edge)
    shelves: dict[PlacedEdge, tuple[float, float]] = {}
    for source, edges in leaving.items():
        centre = frame.point(0, frame.layout.node(source).y)[1]
        half = max(_label_width(edge, measure) for edge in edges) / 2
        ordered = sorted(edges, key=lambda e: e.points[1][1])  # stable: parallel keep file order
        for index, edge in enumerate(ordered):
            # the middle shelf a little low, so a lone choice's label clears its line
            shelf_y = centre + (index - (len(ordered) - 1) / 2) * spread + spread / 4
            shelves[edge] = (shelf_y, half)
    return shelves


def row_height(layout: GraphLayout, spread: float) -> float:
    """Rows tall enough that the shelves of two nodes of one column never meet."""
    shelves: dict[str, int] = {}
    for edge in layout.edges:
        if edge.choice_id is not None and not edge.is_back and edge.source != edge.target:
            shelves[edge.source] = shelves.get(edge.source, 0) + 1
    columns: dict[float, list[PlacedNode]] = {}
    for node in layout.nodes:
        columns.setdefault(node.x, []).append(node)
    need = float(ROW_HEIGHT)
    for nodes in columns.values():
        ordered = sorted(nodes, key=lambda n: n.y)
        for index, upper in enumerate(ordered):
            for lower in ordered[index + 1 :]:
                reach = (shelves.get(upper.node_id, 1) + shelves.get(lower.node_id, 1)) / 2
                need = max(need, (reach * spread + 8) / (lower.y - upper.y))
    return need


def _labelled_at(edge: PlacedEdge, points: list[Point], stretch: int, below: bool) -> Route:
    """A route whose label goes at the middle of its ``stretch``-th segment."""
    (ax, ay), (bx, by) = points[stretch], points[min(stretch + 1, len(points) - 1)]
    return Route(edge, tuple(points), ((ax + bx) / 2, (ay + by) / 2), below)


def trimmed(points: Sequence[Point], start: float, end: float) -> list[Point]:
    """The polyline without its first ``start`` and last ``end`` pixels (so arrows meet shapes)."""
    cut = _cut_start(list(points), start)
    return _cut_start(cut[::-1], end)[::-1] if len(cut) >= 2 else cut


def _cut_start(points: list[Point], length: float) -> list[Point]:
    while len(points) >= 2 and length > 0:
        (ax, ay), (bx, by) = points[0], points[1]
        span = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        if span > length:
            t = length / span
            return [(ax + (bx - ax) * t, ay + (by - ay) * t), *points[1:]]
        length -= span
        points = points[1:]
    return points if len(points) >= 2 else []


def node_reach(node: PlacedNode, radius: float) -> float:
    """How far a node's shape reaches from its centre towards an edge that meets it."""
    return radius * 0.75 if node.kind == "step" else radius + 1


def stop_sign(x: float, y: float, radius: float) -> tuple[float, float, float]:
    """Where a dead end's stop sign goes: its centre (above the node) and its size."""
    size = max(4.0, radius * 0.7)
    return x, y - radius - size - 2, size


def octagon(x: float, y: float, size: float) -> list[Point]:
    """A stop sign's outline, flat sides up and down."""
    return [
        (x + size * cos(pi / 8 + k * pi / 4), y + size * sin(pi / 8 + k * pi / 4)) for k in range(8)
    ]


def edge_label(edge: PlacedEdge) -> tuple[str, ...]:
    """``choice-id`` and ``(r5 t3 l4)`` (ratings by initial, in the usual order); none for steps."""
    if edge.choice_id is None:
        return ()
    score = dict(edge.score)
    ratings = " ".join(f"{name[0]}{score[name]}" for name in COMPETENCIES if name in score)
    extra = sorted(set(score) - set(COMPETENCIES))
    ratings = " ".join([ratings, *(f"{name}{score[name]}" for name in extra)]).strip()
    return (edge.choice_id, f"({ratings})") if ratings else (edge.choice_id,)


@dataclass(frozen=True, slots=True)
class Text:
    lines: tuple[str, ...]
    box: Box


@dataclass(frozen=True, slots=True)
class Labels:
    nodes: dict[str, Text]  # node id -> its id under it
    edges: list[tuple[Route, Text]]
    bounds: Box  # everything drawn: shapes, routes, labels


LABEL_GAP = 4  # between a label and the line it sits on


def place_labels(
    frame: Frame,
    found: Sequence[Route],
    measure: Measure,
    line: float,
    marked: frozenset[str] = frozenset(),
) -> Labels:
    """Each choice's label on its route, over (or under) its stretch; then each node's id
    under it or over it, whichever covers less of what is drawn (over first where loops back
    arrive from below).

    ``marked`` nodes carry a stop sign above them; the bounds hold it too.
    """
    r = frame.radius
    bounds = Box(*frame.point(0, 0), 0, 0)
    shapes: dict[str, Box] = {}
    for node in frame.layout.nodes:
        x, y = frame.centre(node)
        shape = Box.around((x, y), 2 * r + 4, 2 * r + 4)
        if node.node_id in marked:
            _, sign_y, size = stop_sign(x, y, r)
            shape = shape.union(Box.around((x, sign_y), 2 * size + 2, 2 * size + 2))
        shapes[node.node_id] = shape
        bounds = bounds.union(shape)
    edges: list[tuple[Route, Text]] = []
    for route in found:
        for px, py in route.points:
            bounds = bounds.union(Box(px, py, 0, 0))
        lines = edge_label(route.edge)
        if not lines:
            continue
        width, height = _label_width(route.edge, measure), line * len(lines)
        x, y = route.label_at
        top = y + LABEL_GAP if route.is_label_below else y - LABEL_GAP - height
        box = Box(x - width / 2, top, width, height)
        edges.append((route, Text(lines, box)))
        bounds = bounds.union(box)
    drawn = [*shapes.values(), *(text.box for _, text in edges)]
    looped = {end for e in frame.layout.edges if e.is_back for end in (e.source, e.target)}
    nodes: dict[str, Text] = {}
    for node in frame.layout.nodes:
        x, shape, width = frame.centre(node)[0], shapes[node.node_id], measure(node.node_id)
        under = Box(x - width / 2, shape.bottom, width, line)
        over = Box(x - width / 2, shape.top - line, width, line)
        places = (over, under) if node.node_id in looped else (under, over)
        box = min(places, key=lambda place: sum(place.overlap(other) for other in drawn))
        drawn.append(box)
        nodes[node.node_id] = Text((node.node_id,), box)
        bounds = bounds.union(box)
    return Labels(nodes, edges, bounds)


def _label_width(edge: PlacedEdge, measure: Measure) -> float:
    return max((measure(text) for text in edge_label(edge)), default=0.0) + 6


def label_spread(line: float) -> float:
    """How far apart the shelves of one node's choices are: a two-line label and some air."""
    return 2 * line + 2 * LABEL_GAP + 4


@dataclass(frozen=True, slots=True)
class Canvas:
    """A labelled picture's size and the frame its graph is drawn in (the legend goes under)."""

    width: int
    height: int
    frame: Frame


def fit_canvas(
    layout: GraphLayout, measure: Measure, line: float, marked: frozenset[str] = frozenset()
) -> Canvas:
    """Room for every label: columns a shelf wide with slopes either side, rows for the shelves
    of neighbours; the graph is then moved so what sticks out (loops, ids) keeps a margin."""
    widest = max((_label_width(e, measure) for e in layout.edges if e.choice_id), default=0.0)
    column = min(WIDEST_COLUMN, max(COLUMN_WIDTH, widest + SLOPES))
    row = row_height(layout, label_spread(line))
    size = Box(0, 0, column * max(layout.columns, 1), row * max(layout.rows, 1))
    trial = Frame(layout, size)
    found = labelled_routes(trial, measure, line)
    bounds = place_labels(trial, found, measure, line, marked).bounds
    rect = Box(MARGIN - bounds.left, MARGIN - bounds.top, size.width, size.height)
    width = round(bounds.width + 2 * MARGIN)
    height = round(bounds.height + 2 * MARGIN)
    return Canvas(width, height, Frame(layout, rect))
