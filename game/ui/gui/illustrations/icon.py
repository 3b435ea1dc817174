"""The Perekat app icon: three linked rings (perekat, the bond) in the three competency colours on a
deep teal rounded square.

Owns the icon's drawing only: it is drawn large and scaled down smoothly so it reads at 32x32 as
well as at 256x256. It does not set the window icon; the app does.
"""

from __future__ import annotations

import math
import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pygame.gfxdraw  # noqa: E402

from ._canvas import RGB, hex_rgb  # noqa: E402

TEAL = hex_rgb("#0B4F6C")
RINGS = (hex_rgb("#E69F00"), hex_rgb("#56B4E9"), hex_rgb("#009E73"))
BASE = 512
RADIUS = BASE * 0.21
WIDTH = BASE * 0.078
GAP = BASE * 0.022
MIDDLE = (BASE / 2, BASE * 0.53)
Point = tuple[float, float]


def _centres() -> list[Point]:
    """Ring centres on a triangle pointing up, one radius apart (each pair crosses at the third
    ring's centre, so the six crossings stay well apart)."""
    spread = RADIUS / math.sqrt(3)
    return [
        (
            MIDDLE[0] + spread * math.cos(math.radians(a)),
            MIDDLE[1] + spread * math.sin(math.radians(a)),
        )
        for a in (-90, 150, 30)
    ]


def _sector(
    surface: pygame.Surface, color: RGB, centre: Point, r0: float, r1: float, a0: float, a1: float
) -> None:
    """Fill the part of an annulus (radii r0..r1) between angles a0 and a1 (radians)."""
    steps = max(4, round(abs(a1 - a0) * 24))
    outer = [
        (
            centre[0] + r1 * math.cos(a0 + (a1 - a0) * i / steps),
            centre[1] + r1 * math.sin(a0 + (a1 - a0) * i / steps),
        )
        for i in range(steps + 1)
    ]
    inner = [
        (
            centre[0] + r0 * math.cos(a1 - (a1 - a0) * i / steps),
            centre[1] + r0 * math.sin(a1 - (a1 - a0) * i / steps),
        )
        for i in range(steps + 1)
    ]
    points = [(round(x), round(y)) for x, y in outer + inner]
    pygame.gfxdraw.filled_polygon(surface, points, color)


def _band(surface: pygame.Surface, color: RGB, centre: Point, a0: float, a1: float) -> None:
    """A stretch of ring between two angles, with a teal gap on both sides so it reads as over."""
    r0, r1 = RADIUS - WIDTH / 2, RADIUS + WIDTH / 2
    _sector(surface, TEAL, centre, r0 - GAP, r1 + GAP, a0, a1)
    _sector(surface, color, centre, r0, r1, a0 - 0.02, a1 + 0.02)


def _crossings(a: Point, b: Point) -> list[Point]:
    """The two points where two rings of the same radius cross."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    h = math.sqrt(max(0.0, RADIUS * RADIUS - (d / 2) ** 2))
    return [(mx - dy / d * h, my + dx / d * h), (mx + dy / d * h, my - dx / d * h)]


def _draw_large() -> pygame.Surface:
    surface = pygame.Surface((BASE, BASE), pygame.SRCALPHA)
    pygame.draw.rect(surface, TEAL, surface.get_rect(), border_radius=round(BASE * 0.22))
    centres = _centres()
    outer = RADIUS + WIDTH / 2
    for color, centre in zip(RINGS, centres, strict=True):
        at = (round(centre[0]), round(centre[1]))
        pygame.draw.circle(surface, TEAL, at, round(outer + GAP), round(WIDTH + 2 * GAP))
        pygame.draw.circle(surface, color, at, round(outer), round(WIDTH))
    # each pair is linked: one ring passes over at the outer crossing, the other at the inner one
    span = 0.52
    for i in range(3):
        j = (i + 1) % 3
        for point in _crossings(centres[i], centres[j]):
            top = i if math.dist(point, MIDDLE) > RADIUS * 0.85 else j
            cx, cy = centres[top]
            angle = math.atan2(point[1] - cy, point[0] - cx)
            _band(surface, RINGS[top], centres[top], angle - span, angle + span)
    return surface


def draw_icon(size: int) -> pygame.Surface:
    """The icon as a new SRCALPHA Surface of size x size, with transparent rounded corners."""
    if size <= 0:
        raise ValueError(f"icon size must be positive, got {size!r}")
    image = _draw_large()
    while image.get_width() // 2 >= size:
        half = image.get_width() // 2
        image = pygame.transform.smoothscale(image, (half, half))
    if image.get_width() != size:
        image = pygame.transform.smoothscale(image, (size, size))
    return image
