"""Pictures of a scenario's decision graph, drawn with pygame from an analysis layout.

Owns drawing a ``GraphLayout`` fitted into a rectangle: decisions as circles,
linear steps as small diamonds, endings as squares whose kind shows by fill and
by a mark (a tick, a dash, a cross), so colour is never the only carrier; the
player's path over it as thick lines with the decisions numbered in the order
they were made (the report's review uses the same numbers), or a class's paths
as a heat map (each way as wide as its share of the most taken, with its
count on a tag), and a legend. On
request, the full picture ``graph`` writes as PNG: arrowheads, node ids, each
choice's label on its own shelf, nodes no play enters hollow and dashed, dead
ends under a stop sign. It computes no layout or geometry (``game.analysis``'s
``layout`` and ``picture`` do; the SVG writer shares them) and knows nothing of
screens.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import pygame

from game.analysis.layout import GraphLayout, PlacedNode
from game.analysis.overlay import GraphMarks, PlayedPath
from game.analysis.picture import (
    DEAD_END_COLOUR,
    ENDING_COLOURS,
    REPORT_KEYS,
    Box,
    Frame,
    Point,
    Route,
    labelled_routes,
    legend_words,
    node_reach,
    octagon,
    place_labels,
    routes,
    stop_sign,
    trimmed,
)
from game.ui.gui import theme

__all__ = ["ENDING_COLOURS", "GraphPicture", "PlayedPath", "draw_legend"]
DASH = 4
HEAT_WIDEST = 16  # the stroke of the way most of the class took, in pixels
HALO = [(dx, dy) for dx in range(-2, 3) for dy in range(-2, 3) if 0 < dx * dx + dy * dy <= 5]


class GraphPicture:
    """One layout fitted into one rectangle; draws the graph, a path over it, a legend."""

    def __init__(self, layout: GraphLayout, rect: pygame.Rect) -> None:
        self.layout, self.rect = layout, rect
        self.frame = Frame(layout, Box(rect.x, rect.y, rect.width, rect.height))
        self.step_x, self.step_y = self.frame.step_x, self.frame.step_y
        self.radius = self.frame.radius
        self.nodes = {node.node_id: node for node in layout.nodes}

    def point(self, x: float, y: float) -> tuple[int, int]:
        return _pixel(self.frame.point(x, y))

    def draw(
        self,
        surface: pygame.Surface,
        colours: theme.Palette,
        path: PlayedPath | None = None,
        number_font: pygame.font.Font | None = None,
        *,
        label_font: pygame.font.Font | None = None,
        marks: GraphMarks | None = None,
        heat: Mapping[tuple[str, str | None], int] | None = None,
    ) -> None:
        """The graph, ``path`` over it, its decisions numbered in ``number_font``.

        With ``label_font`` the full picture: arrowheads, node ids, each choice's
        label on its shelf. With ``marks``, nodes no play enters are drawn hollow
        and dashed (with the ways out of them) and dead ends under a stop sign.
        With ``heat`` ((source, choice id or None) -> how many took it), each way
        taken is drawn as wide as its share of the most taken, its count on a tag
        in ``number_font``.
        """
        path = path or PlayedPath()
        is_full = label_font is not None
        if label_font is not None:
            line = label_font.get_linesize()
            found = labelled_routes(self.frame, _measure(label_font), line)
        else:
            found = routes(self.frame)
        quiet = theme.rgb(colours.muted if is_full else colours.locked)
        strong = theme.rgb(colours.primary)
        unreachable = marks.unreachable if marks is not None else frozenset()
        for route in found:
            if not path.follows(route.edge):
                dashed = route.edge.source in unreachable
                self._route(surface, route, quiet, 1, is_full, dashed)
        for route in found:
            if path.follows(route.edge):
                self._route(surface, route, strong, max(3, self.radius // 2), is_full, False)
        taken = self._heat(surface, found, heat, strong) if heat else []
        for node in self.layout.nodes:
            self._node(surface, node, colours, node.node_id in path.nodes, marks)
        if number_font is not None:
            placed: list[pygame.Rect] = []
            for node in self.layout.nodes:
                number = path.numbers.get(node.node_id)
                if number is not None:
                    self._number(surface, node, number, number_font, colours, placed)
            if taken:
                self._heat_counts(surface, taken, number_font, colours, placed)
        if label_font is not None:
            self._labels(surface, found, label_font, colours, marks)

    def _route(
        self,
        surface: pygame.Surface,
        route: Route,
        colour: pygame.Color,
        width: int,
        has_arrow: bool,
        is_dashed: bool,
    ) -> None:
        points: Sequence[Point] = route.points
        if has_arrow:
            source, target = self.nodes[route.edge.source], self.nodes[route.edge.target]
            points = trimmed(points, node_reach(source, self.radius), 0)
            points = trimmed(points, 0, node_reach(target, self.radius) + 1)
            if not points:
                return
            head = 7 + 2 * width
            _arrowhead(surface, colour, points, head)
            points = trimmed(points, 0, head * 0.8)
        if len(points) < 2:
            return
        if is_dashed:
            _dashed(surface, colour, points, width)
        else:
            pygame.draw.lines(surface, colour, False, [_pixel(p) for p in points], width)

    def _heat(
        self,
        surface: pygame.Surface,
        found: Sequence[Route],
        heat: Mapping[tuple[str, str | None], int],
        colour: pygame.Color,
    ) -> list[tuple[Point, int]]:
        """The ways taken, as wide as their share of the most; returns where each count goes.

        Ways drawn on one line (the compact picture puts a node's choices that lead to
        the same node there) are one way here, with the sum of their counts.
        """
        lines: dict[tuple[Point, ...], tuple[Route, int]] = {}
        for route in found:
            count = heat.get((route.edge.source, route.edge.choice_id), 0)
            if count > 0:
                before = lines.get(route.points, (route, 0))[1]
                lines[route.points] = (route, before + count)
        most = max((count for _, count in lines.values()), default=0)
        counts: list[tuple[Point, int]] = []
        for route, count in lines.values():
            source, target = self.nodes[route.edge.source], self.nodes[route.edge.target]
            points = trimmed(route.points, node_reach(source, self.radius), 0)
            points = trimmed(points, 0, node_reach(target, self.radius))
            if len(points) < 2:
                continue
            widest = max(6, min(HEAT_WIDEST, 2 * self.radius))  # no wider than a node
            width = max(2, round(2 + (widest - 2) * count / max(most, 1)))
            pixels = [_pixel(p) for p in points]
            pygame.draw.lines(surface, colour, False, pixels, width)
            for joint in pixels:  # round joints and ends: wide polylines leave notches
                pygame.draw.circle(surface, colour, joint, width // 2)
            counts.append((points[1] if len(points) > 2 else _middle(points), count))
        return counts

    def _heat_counts(
        self,
        surface: pygame.Surface,
        counts: Sequence[tuple[Point, int]],
        font: pygame.font.Font,
        colours: theme.Palette,
        placed: list[pygame.Rect],
    ) -> None:
        """Each way's count on a tag at its start; a tag that would cover another, a node or
        a decision's number is left out (the decisions page has every count)."""
        r = self.radius
        placed = placed + [
            pygame.Rect(x - r, y - r, 2 * r, 2 * r)
            for x, y in (self.point(node.x, node.y) for node in self.layout.nodes)
        ]
        for at, count in counts:
            image = font.render(str(count), True, theme.rgb(colours.primary))
            tag = image.get_rect(center=_pixel(at)).inflate(8, 0)
            if tag.collidelist(placed) != -1:
                continue
            placed.append(tag)
            pygame.draw.rect(surface, theme.rgb(colours.panel), tag, border_radius=4)
            pygame.draw.rect(surface, theme.rgb(colours.primary), tag, 2, border_radius=4)
            surface.blit(image, image.get_rect(center=tag.center))

    def _node(
        self,
        surface: pygame.Surface,
        node: PlacedNode,
        colours: theme.Palette,
        is_on_path: bool,
        marks: GraphMarks | None = None,
    ) -> None:
        x, y = self.point(node.x, node.y)
        r = self.radius
        ink = theme.rgb(colours.ink)
        fill = theme.rgb(colours.primary) if is_on_path else theme.rgb(colours.panel)
        if marks is None:
            is_hollow = False
            outline = ink if node.is_reachable else theme.rgb(colours.locked)
        else:
            is_hollow = node.node_id in marks.unreachable
            outline = theme.rgb(colours.locked) if is_hollow else ink
        if node.kind == "decision":
            pygame.draw.circle(surface, fill, (x, y), r)
            if is_hollow:
                _dashed(surface, outline, _circle(x, y, r), 2)
            else:
                pygame.draw.circle(surface, outline, (x, y), r, 2)
        elif node.kind == "step":
            s = max(3, round(r * 0.7))
            diamond = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
            pygame.draw.polygon(surface, fill, diamond)
            if is_hollow:
                _dashed(surface, outline, [*diamond, diamond[0]], 2)
            else:
                pygame.draw.polygon(surface, outline, diamond, 2)
        else:
            box = pygame.Rect(0, 0, 2 * r + 2, 2 * r + 2)
            box.center = (x, y)
            kind = theme.rgb(ENDING_COLOURS.get(node.ending_kind, ENDING_COLOURS[None]))
            if is_hollow:
                pygame.draw.rect(surface, theme.rgb(colours.panel), box)
                corners = [box.topleft, box.topright, box.bottomright, box.bottomleft, box.topleft]
                _dashed(surface, outline, corners, 2)
                _ending_mark(surface, box, node.ending_kind, kind)
            else:
                pygame.draw.rect(surface, kind, box)
                pygame.draw.rect(
                    surface, ink if not is_on_path else fill, box, 3 if is_on_path else 1
                )
                _ending_mark(surface, box, node.ending_kind)
        if marks is not None and node.node_id in marks.dead_ends:
            sx, sy, size = stop_sign(x, y, r)
            _stop_sign(surface, sx, sy, size)

    def _number(
        self,
        surface: pygame.Surface,
        node: PlacedNode,
        number: int,
        font: pygame.font.Font,
        colours: theme.Palette,
        placed: list[pygame.Rect],
    ) -> None:
        """The decision's number inside its circle, or on a tag above it when it is too small.

        A tag that would cover one already drawn is left out (the full-size map shows all).
        """
        x, y = self.point(node.x, node.y)
        image = font.render(str(number), True, theme.rgb(colours.primary_ink))
        if image.get_height() <= 2 * self.radius + 2 and image.get_width() <= 2 * self.radius + 2:
            surface.blit(image, image.get_rect(center=(x, y)))
            return
        tag = image.get_rect(midbottom=(x, y - self.radius - 1)).inflate(6, 0)
        if tag.collidelist(placed) != -1:
            return
        placed.append(tag)
        pygame.draw.rect(surface, theme.rgb(colours.primary), tag, border_radius=4)
        surface.blit(image, image.get_rect(center=tag.center))

    def _labels(
        self,
        surface: pygame.Surface,
        found: Sequence[Route],
        font: pygame.font.Font,
        colours: theme.Palette,
        marks: GraphMarks | None,
    ) -> None:
        """Node ids in a halo of the background; choice labels on a patch of it."""
        marked = marks.dead_ends if marks is not None else frozenset()
        unreachable = marks.unreachable if marks is not None else frozenset()
        line = font.get_linesize()
        placed = place_labels(self.frame, found, _measure(font), line, marked)
        back, ink = theme.rgb(colours.background), theme.rgb(colours.ink)
        muted = theme.rgb(colours.muted)
        for node_id, text in placed.nodes.items():
            # a halo, not a box: the lines that meet the node stay visible around the letters
            at = (round(text.box.left), round(text.box.top))
            halo = font.render(text.lines[0], True, back)
            for dx, dy in HALO:
                surface.blit(halo, (at[0] + dx, at[1] + dy))
            colour = muted if node_id in unreachable else ink
            surface.blit(font.render(text.lines[0], True, colour), at)
        for _, text in placed.edges:
            box = pygame.Rect(
                round(text.box.left),
                round(text.box.top),
                round(text.box.width),
                round(text.box.height),
            )
            pygame.draw.rect(surface, back, box, border_radius=3)
            for index, words in enumerate(text.lines):
                image = font.render(words, True, ink)
                surface.blit(image, image.get_rect(midtop=(box.centerx, box.top + index * line)))


def _pixel(point: Point) -> tuple[int, int]:
    return round(point[0]), round(point[1])


def _middle(points: Sequence[Point]) -> Point:
    (ax, ay), (bx, by) = points[0], points[-1]
    return (ax + bx) / 2, (ay + by) / 2


def _measure(font: pygame.font.Font) -> Callable[[str], float]:
    return lambda text: float(font.size(text)[0])


def _circle(x: float, y: float, r: float) -> list[Point]:
    steps = max(12, round(r * 2))
    return [
        (x + r * math.cos(2 * math.pi * k / steps), y + r * math.sin(2 * math.pi * k / steps))
        for k in range(steps + 1)
    ]


def _dashed(
    surface: pygame.Surface, colour: pygame.Color, points: Sequence[Point], width: int
) -> None:
    """A polyline drawn as dashes of ``DASH`` pixels with gaps as long."""
    is_ink, left = True, float(DASH)
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        span = math.hypot(bx - ax, by - ay)
        done = 0.0
        while done < span:
            step = min(left, span - done)
            if is_ink:
                start = (ax + (bx - ax) * done / span, ay + (by - ay) * done / span)
                end = (ax + (bx - ax) * (done + step) / span, ay + (by - ay) * (done + step) / span)
                pygame.draw.line(surface, colour, _pixel(start), _pixel(end), width)
            done += step
            left -= step
            if left <= 0:
                is_ink, left = not is_ink, float(DASH)


def _arrowhead(
    surface: pygame.Surface, colour: pygame.Color, points: Sequence[Point], length: float
) -> None:
    """A filled arrowhead whose tip is the polyline's last point."""
    (ax, ay), (bx, by) = points[-2], points[-1]
    span = math.hypot(bx - ax, by - ay) or 1.0
    ux, uy = (bx - ax) / span, (by - ay) / span
    half = length * 0.45
    base = (bx - ux * length, by - uy * length)
    corners = [
        (bx, by),
        (base[0] - uy * half, base[1] + ux * half),
        (base[0] + uy * half, base[1] - ux * half),
    ]
    pygame.draw.polygon(surface, colour, [_pixel(p) for p in corners])


def _stop_sign(surface: pygame.Surface, x: float, y: float, size: float) -> None:
    """A red octagon with a white bar: a dead end, told by shape as well as colour."""
    outline = [_pixel(p) for p in octagon(x, y, size)]
    pygame.draw.polygon(surface, theme.rgb(DEAD_END_COLOUR), outline)
    pygame.draw.polygon(surface, pygame.Color("#FFFFFF"), outline, 1)
    bar = max(2, round(size * 0.4))
    pygame.draw.line(
        surface,
        pygame.Color("#FFFFFF"),
        _pixel((x - size * 0.55, y)),
        _pixel((x + size * 0.55, y)),
        bar,
    )


def _ending_mark(
    surface: pygame.Surface, box: pygame.Rect, kind: str | None, colour: pygame.Color | None = None
) -> None:
    """A tick (good), dash (mixed) or cross (bad) inside an ending's square, white unless told."""
    white = colour or pygame.Color("#FFFFFF")
    inner = box.inflate(-box.width // 2, -box.height // 2)
    if inner.width < 4:
        return
    width = max(2, box.width // 8)
    if kind == "good":
        points = [inner.midleft, (inner.centerx - 1, inner.bottom), inner.topright]
        pygame.draw.lines(surface, white, False, points, width)
    elif kind == "bad":
        pygame.draw.line(surface, white, inner.topleft, inner.bottomright, width)
        pygame.draw.line(surface, white, inner.bottomleft, inner.topright, width)
    elif kind == "mixed":
        pygame.draw.line(surface, white, inner.midleft, inner.midright, width)


def draw_legend(
    surface: pygame.Surface,
    at: tuple[int, int],
    width: int,
    font: pygame.font.Font,
    colours: theme.Palette,
    lang: str,
    keys: Sequence[str] = REPORT_KEYS,
) -> int:
    """The key to the shapes named by ``keys``, wrapped into ``width``; returns the height used."""
    words = legend_words(lang)
    ink = theme.rgb(colours.ink)
    x, y = at
    line = font.get_linesize()
    r = max(5, line // 3)
    for key in keys:
        image = font.render(words[key], True, ink)
        needed = 2 * r + 8 + image.get_width() + 20
        if x + needed > at[0] + width and x > at[0]:
            x, y = at[0], y + line + 4
        centre = (x + r, y + line // 2)
        _sample(surface, key, centre, r, colours)
        surface.blit(image, (x + 2 * r + 8, y))
        x += needed
    return y + line - at[1]


def legend_width(font: pygame.font.Font, lang: str, keys: Sequence[str]) -> int:
    """How wide the legend of ``keys`` is on one row."""
    r = max(5, font.get_linesize() // 3)
    words = legend_words(lang)
    return sum(2 * r + 8 + font.size(words[key])[0] + 20 for key in keys)


def _sample(
    surface: pygame.Surface, key: str, centre: tuple[int, int], r: int, colours: theme.Palette
) -> None:
    ink = theme.rgb(colours.ink)
    cx, cy = centre
    if key == "path":
        pygame.draw.line(surface, theme.rgb(colours.primary), (cx - r - 2, cy), (cx + r + 2, cy), 4)
    elif key == "heat":
        strong = theme.rgb(colours.primary)
        pygame.draw.line(surface, strong, (cx - r - 2, cy - r // 2), (cx + r + 2, cy - r // 2), 2)
        pygame.draw.line(surface, strong, (cx - r - 2, cy + r // 3), (cx + r + 2, cy + r // 3), 6)
    elif key == "decision":
        pygame.draw.circle(surface, theme.rgb(colours.panel), centre, r)
        pygame.draw.circle(surface, ink, centre, r, 2)
    elif key == "step":
        s = round(r * 0.8)
        diamond = [(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)]
        pygame.draw.polygon(surface, ink, diamond, 2)
    elif key == "unreachable":
        pygame.draw.circle(surface, theme.rgb(colours.panel), centre, r)
        _dashed(surface, theme.rgb(colours.locked), _circle(cx, cy, r), 2)
    elif key == "dead_end":
        _stop_sign(surface, cx, cy, r)
    else:
        box = pygame.Rect(0, 0, 2 * r + 2, 2 * r + 2)
        box.center = centre
        pygame.draw.rect(surface, theme.rgb(ENDING_COLOURS[key]), box)
        _ending_mark(surface, box, key)
