"""The drawing surface the scenes paint on, and the palette they share.

Owns the 1280x720 design space (every scene is written in it and scaled to the target surface),
anti-aliased primitives, the shared muted palette with its warm shading, and the high-contrast
mapping (near-black fills, dark grey outlines, details dropped). It does not compose scenes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pygame.gfxdraw  # noqa: E402

DESIGN_W, DESIGN_H = 1280, 720
RGB = tuple[int, int, int]
Point = tuple[float, float]


def hex_rgb(value: str) -> RGB:
    """The (r, g, b) of a '#RRGGBB' string."""
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """The colour a fraction t of the way from a to b."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


WARM_DARK = hex_rgb("#4F3B2E")
WARM_LIGHT = hex_rgb("#FFF8EC")


def shade(color: RGB, t: float = 0.18) -> RGB:
    """The colour on the side away from the light (upper left): darker and warmer."""
    return mix(color, WARM_DARK, t)


def light(color: RGB, t: float = 0.25) -> RGB:
    """The colour on the lit side: lighter and warmer."""
    return mix(color, WARM_LIGHT, t)


def luminance(color: RGB) -> float:
    """Perceived brightness in 0..1 (Rec. 601 weights; good enough for mapping tones)."""
    return (0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]) / 255


class P:
    """The shared palette: muted and warm, so white text panels sit calmly over it."""

    WALL = hex_rgb("#EFE5D3")
    WALL_LOW = hex_rgb("#E6D9C2")
    FLOOR = hex_rgb("#D8C4A3")
    FLOOR_NEAR = hex_rgb("#DDCBAD")
    WOOD = hex_rgb("#B9885C")
    WOOD_LIGHT = hex_rgb("#CFA47A")
    WOOD_DARK = hex_rgb("#8F6543")
    TEAL = hex_rgb("#4F8594")
    TEAL_DARK = hex_rgb("#37697A")
    TEAL_LIGHT = hex_rgb("#94B9BF")
    SAGE = hex_rgb("#8DA67A")
    SAGE_DARK = hex_rgb("#6B8A5D")
    SAGE_LIGHT = hex_rgb("#B3C89E")
    TERRA = hex_rgb("#C88A66")
    TERRA_DARK = hex_rgb("#A66A4C")
    MUSTARD = hex_rgb("#DDB063")
    ROSE = hex_rgb("#B98A8E")
    SKY = hex_rgb("#C9DFE0")
    SKY_HIGH = hex_rgb("#B4D2D6")
    SKY_FAR = hex_rgb("#A9C2C3")
    STEEL = hex_rgb("#B4AEA3")
    STEEL_LIGHT = hex_rgb("#D4CFC5")
    STEEL_DARK = hex_rgb("#8A8479")
    SCREEN = hex_rgb("#3F525A")
    GLOW = hex_rgb("#A8CCD1")
    PAPER = hex_rgb("#FBF6EC")
    INK = hex_rgb("#4B433C")
    CHARCOAL = hex_rgb("#3A3633")
    # the competency hues, softened for the scenes (the UI uses the pure ones)
    ORANGE = hex_rgb("#E2A74A")
    BLUE = hex_rgb("#7DB6D6")
    GREEN = hex_rgb("#4FA486")


HC_EDGE: RGB = (78, 78, 78)
"""Outline colour in high contrast: white text on it still reaches about 8:1."""


class Canvas:
    """A target surface addressed in 1280x720 design units, in normal or high-contrast mode."""

    def __init__(self, surface: pygame.Surface, high_contrast: bool = False) -> None:
        self.surface = surface
        width, height = surface.get_size()
        self.sx = width / DESIGN_W
        self.sy = height / DESIGN_H
        self.k = min(self.sx, self.sy)
        self.hc = high_contrast

    def pt(self, x: float, y: float) -> tuple[int, int]:
        return (round(x * self.sx), round(y * self.sy))

    def rect_of(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        left, top = self.pt(x, y)
        right, bottom = self.pt(x + w, y + h)
        return pygame.Rect(left, top, max(1, right - left), max(1, bottom - top))

    def tone(self, color: RGB) -> RGB:
        """The colour as drawn: itself, or a near-black grey of similar rank in high contrast."""
        if not self.hc:
            return color
        g = 12 + round(luminance(color) * 26)
        return (g, g, g)

    @property
    def edge_width(self) -> int:
        return max(1, round(2 * self.k))

    def fill(self, color: RGB) -> None:
        self.surface.fill(self.tone(color))

    def rect(
        self,
        color: RGB,
        x: float,
        y: float,
        w: float,
        h: float,
        r: float = 0,
        *,
        detail: bool = False,
        edge: bool = True,
    ) -> None:
        if detail and self.hc:
            return
        box = self.rect_of(x, y, w, h)
        radius = round(r * self.k) if r else 0
        pygame.draw.rect(self.surface, self.tone(color), box, border_radius=radius)
        if self.hc and edge:
            pygame.draw.rect(self.surface, HC_EDGE, box, self.edge_width, border_radius=radius)

    def poly(
        self, color: RGB, points: Sequence[Point], *, detail: bool = False, edge: bool = True
    ) -> None:
        if detail and self.hc:
            return
        pts = [self.pt(x, y) for x, y in points]
        tone = self.tone(color)
        pygame.gfxdraw.filled_polygon(self.surface, pts, tone)
        if self.hc:
            if edge:
                pygame.draw.polygon(self.surface, HC_EDGE, pts, self.edge_width)
        else:
            pygame.gfxdraw.aapolygon(self.surface, pts, tone)

    def ellipse(
        self,
        color: RGB,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        *,
        detail: bool = False,
        edge: bool = True,
    ) -> None:
        if detail and self.hc:
            return
        x, y = self.pt(cx, cy)
        ax, ay = max(1, round(rx * self.sx)), max(1, round(ry * self.sy))
        tone = self.tone(color)
        pygame.gfxdraw.filled_ellipse(self.surface, x, y, ax, ay, tone)
        if self.hc:
            if edge:
                box = pygame.Rect(x - ax, y - ay, 2 * ax + 1, 2 * ay + 1)
                pygame.draw.ellipse(self.surface, HC_EDGE, box, self.edge_width)
        else:
            pygame.gfxdraw.aaellipse(self.surface, x, y, ax, ay, tone)

    def circle(self, color: RGB, cx: float, cy: float, r: float, **kw: bool) -> None:
        self.ellipse(color, cx, cy, r, r, **kw)

    def line(
        self, color: RGB, a: Point, b: Point, width: float = 2, *, detail: bool = False
    ) -> None:
        if detail and self.hc:
            return
        w = max(1, round(width * self.k))
        tone = HC_EDGE if self.hc else color
        pygame.draw.line(self.surface, tone, self.pt(*a), self.pt(*b), w)

    def vgradient(
        self, top: RGB, bottom: RGB, y0: float, y1: float, x0: float = 0, x1: float = DESIGN_W
    ) -> None:
        """A vertical blend from top to bottom (flat in high contrast)."""
        if self.hc:
            self.rect(top, x0, y0, x1 - x0, y1 - y0, edge=False)
            return
        left, ytop = self.pt(x0, y0)
        right, ybottom = self.pt(x1, y1)
        rows = max(1, ybottom - ytop)
        for i in range(rows):
            color = mix(top, bottom, i / rows)
            pygame.draw.line(self.surface, color, (left, ytop + i), (right - 1, ytop + i))

    def glass(self, color: RGB, alpha: int, x: float, y: float, w: float, h: float) -> None:
        """A translucent pane (only its outline in high contrast)."""
        box = self.rect_of(x, y, w, h)
        if self.hc:
            pygame.draw.rect(self.surface, HC_EDGE, box, self.edge_width)
            return
        pane = pygame.Surface(box.size, pygame.SRCALPHA)
        pane.fill((*color, alpha))
        self.surface.blit(pane, box.topleft)

    @contextmanager
    def clip(self, x: float, y: float, w: float, h: float) -> Iterator[None]:
        """Restrict drawing to a design-space box (used to shade the side away from the light)."""
        previous = self.surface.get_clip()
        self.surface.set_clip(self.rect_of(x, y, w, h).clip(previous))
        try:
            yield
        finally:
            self.surface.set_clip(previous)
