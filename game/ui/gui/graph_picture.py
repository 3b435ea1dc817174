"""Pictures of a scenario's decision graph, drawn with pygame from an analysis layout.

Owns mapping a ``GraphLayout`` (columns and rows) into a rectangle and drawing
it: decisions as circles, linear steps as small diamonds, endings as squares
whose kind shows by fill and by a mark (a tick, a dash, a cross), so colour is
never the only carrier; the player's path over it as thick lines with the
decisions numbered in the order they were made (the report's review uses the
same numbers), and a legend. It computes no layout (``game.analysis.layout``
does) and knows nothing of screens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from game.analysis.layout import GraphLayout, PlacedEdge, PlacedNode
from game.core.state import PlayState
from game.ui.gui import theme

ENDING_COLOURS = {"good": "#2E7D32", "mixed": "#B7791F", "bad": "#C8102E", None: "#52606D"}
LEGEND = {
    "id": ("Jalur Anda", "keputusan", "langkah", "akhir baik", "akhir campuran", "akhir buruk"),
    "en": ("Your path", "decision", "step", "good ending", "mixed ending", "bad ending"),
}


@dataclass(frozen=True)
class PlayedPath:
    """What a play went through: its nodes in order and the choices it took at each."""

    nodes: tuple[str, ...] = ()
    taken: frozenset[tuple[str, str | None]] = field(default_factory=frozenset)
    numbers: dict[str, int] = field(default_factory=dict)  # decision -> order of choosing

    @classmethod
    def of(cls, state: PlayState) -> PlayedPath:
        taken: set[tuple[str, str | None]] = {(r.node_id, r.choice_id) for r in state.history}
        decided = {r.node_id for r in state.history}
        for source, target in zip(state.path, state.path[1:], strict=False):
            if source not in decided:
                taken.add((source, None))  # a linear step's way on
            del target
        numbers: dict[str, int] = {}
        for number, record in enumerate(state.history, start=1):
            numbers.setdefault(record.node_id, number)
        return cls(tuple(state.path), frozenset(taken), numbers)

    def follows(self, edge: PlacedEdge) -> bool:
        return (edge.source, edge.choice_id) in self.taken and edge.target in self.nodes


class GraphPicture:
    """One layout fitted into one rectangle; draws the graph, a path over it, a legend."""

    def __init__(self, layout: GraphLayout, rect: pygame.Rect) -> None:
        self.layout, self.rect = layout, rect
        columns, rows = max(layout.columns, 1), max(layout.rows, 1)
        self.step_x = rect.width / columns
        self.step_y = rect.height / rows
        self.radius = max(3, min(14, round(min(self.step_x, self.step_y) * 0.3)))

    def point(self, x: float, y: float) -> tuple[int, int]:
        left = self.rect.x + self.step_x / 2
        middle = self.rect.centery
        return round(left + x * self.step_x), round(middle + y * self.step_y)

    def draw(
        self,
        surface: pygame.Surface,
        colours: theme.Palette,
        path: PlayedPath | None = None,
        number_font: pygame.font.Font | None = None,
    ) -> None:
        path = path or PlayedPath()
        quiet, strong = theme.rgb(colours.locked), theme.rgb(colours.primary)
        on_path = [edge for edge in self.layout.edges if path.follows(edge)]
        for edge in self.layout.edges:
            if not path.follows(edge):
                self._edge(surface, edge, quiet, 1)
        for edge in on_path:
            self._edge(surface, edge, strong, max(3, self.radius // 2))
        for node in self.layout.nodes:
            self._node(surface, node, colours, node.node_id in path.nodes)
        if number_font is not None:
            placed: list[pygame.Rect] = []
            for node in self.layout.nodes:
                number = path.numbers.get(node.node_id)
                if number is not None:
                    self._number(surface, node, number, number_font, colours, placed)

    def _edge(
        self, surface: pygame.Surface, edge: PlacedEdge, colour: pygame.Color, width: int
    ) -> None:
        points = [self.point(x, y) for x, y in edge.points]
        if edge.is_back:
            # a loop back: an arc under the columns, so it does not hide the forward edges
            (x1, y1), (x2, y2) = points[0], points[-1]
            low = max(y1, y2) + self.radius * 3
            points = [(x1, y1), (x1, low), (x2, low), (x2, y2)]
        if len(points) >= 2:
            pygame.draw.lines(surface, colour, False, points, width)

    def _node(
        self, surface: pygame.Surface, node: PlacedNode, colours: theme.Palette, is_on_path: bool
    ) -> None:
        x, y = self.point(node.x, node.y)
        r = self.radius
        ink = theme.rgb(colours.ink)
        fill = theme.rgb(colours.primary) if is_on_path else theme.rgb(colours.panel)
        outline = ink if node.is_reachable else theme.rgb(colours.locked)
        if node.kind == "decision":
            pygame.draw.circle(surface, fill, (x, y), r)
            pygame.draw.circle(surface, outline, (x, y), r, 2)
        elif node.kind == "step":
            s = max(3, round(r * 0.7))
            diamond = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
            pygame.draw.polygon(surface, fill, diamond)
            pygame.draw.polygon(surface, outline, diamond, 2)
        else:
            box = pygame.Rect(0, 0, 2 * r + 2, 2 * r + 2)
            box.center = (x, y)
            pygame.draw.rect(
                surface, theme.rgb(ENDING_COLOURS.get(node.ending_kind, "#52606D")), box
            )
            pygame.draw.rect(surface, ink if not is_on_path else fill, box, 3 if is_on_path else 1)
            _ending_mark(surface, box, node.ending_kind)

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


def _ending_mark(surface: pygame.Surface, box: pygame.Rect, kind: str | None) -> None:
    """A white tick (good), dash (mixed) or cross (bad) inside an ending's square."""
    white = pygame.Color("#FFFFFF")
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
) -> int:
    """The key to the shapes, wrapped into ``width``; returns the height used."""
    labels: Sequence[str] = LEGEND.get(lang, LEGEND["en"])
    ink = theme.rgb(colours.ink)
    x, y = at
    line = font.get_linesize()
    r = max(5, line // 3)
    samples = [
        ("path", None),
        ("decision", None),
        ("step", None),
        ("ending", "good"),
        ("ending", "mixed"),
        ("ending", "bad"),
    ]
    for (shape, kind), label in zip(samples, labels, strict=True):
        image = font.render(label, True, ink)
        needed = 2 * r + 8 + image.get_width() + 20
        if x + needed > at[0] + width and x > at[0]:
            x, y = at[0], y + line + 4
        centre = (x + r, y + line // 2)
        if shape == "path":
            pygame.draw.line(
                surface,
                theme.rgb(colours.primary),
                (x - 2, centre[1]),
                (x + 2 * r + 2, centre[1]),
                4,
            )
        elif shape == "decision":
            pygame.draw.circle(surface, theme.rgb(colours.panel), centre, r)
            pygame.draw.circle(surface, ink, centre, r, 2)
        elif shape == "step":
            s = round(r * 0.8)
            cx, cy = centre
            diamond = [(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)]
            pygame.draw.polygon(surface, ink, diamond, 2)
        else:
            box = pygame.Rect(0, 0, 2 * r + 2, 2 * r + 2)
            box.center = centre
            pygame.draw.rect(surface, theme.rgb(ENDING_COLOURS[kind]), box)
            _ending_mark(surface, box, kind)
        surface.blit(image, (x + 2 * r + 8, y))
        x += needed
    return y + line - at[1]
