"""The phone: a phone lying on a desk, seen from above, its screen left plain for the chat or post
the UI draws on top; the desk around it is softly out of focus.

Owns this scene's composition and its depth-of-field blur (drawn small, then smoothly scaled up).
"""

from __future__ import annotations

import pygame

from . import _props as props
from ._canvas import DESIGN_H, DESIGN_W, Canvas, P, light, mix, shade

DESK = mix(P.WOOD_LIGHT, P.FLOOR, 0.45)
SCREEN = (243, 239, 231)
BODY = (484, 46, 312, 636)
BLUR = 14
"""The depth-of-field blur radius, in design units."""


def _desk(c: Canvas) -> None:
    """Everything around the phone, drawn at low resolution (the blur hides the coarseness)."""
    c.vgradient(light(DESK, 0.2), DESK, 0, DESIGN_H)
    for x in range(150, DESIGN_W, 260):
        c.rect(shade(DESK, 0.08), x, 0, 6, DESIGN_H, edge=False)
    c.ellipse(light(DESK, 0.3), 300, 120, 380, 180, edge=False)
    x, y, w, h = BODY
    c.rect(shade(DESK, 0.3), x + 26, y + 30, w, h, 48, edge=False)
    # a mug of coffee, top-down, its shadow to the lower right
    c.circle(shade(DESK, 0.25), 264, 404, 70, edge=False)
    c.rect(P.PAPER, 302, 362, 56, 34, 14)
    c.circle(P.PAPER, 246, 382, 68)
    c.circle(shade(P.WOOD_DARK, 0.35), 246, 382, 42)
    # a notebook and pen on the right, a plant reaching in at the top right
    c.rect(shade(DESK, 0.22), 942, 218, 236, 290, 10, edge=False)
    c.rect(P.TEAL, 924, 200, 236, 290, 10)
    c.rect(P.PAPER, 944, 214, 206, 262, 6)
    for i in range(8):
        c.rect(P.STEEL_LIGHT, 964, 244 + i * 26, 166, 4, edge=False)
    c.line(P.MUSTARD, (900, 540), (1100, 470), 12)
    for tip, color in (
        ((1150, 40), P.SAGE),
        ((1050, 10), P.SAGE_DARK),
        ((1220, 150), P.SAGE_LIGHT),
    ):
        props.leaf(c, color, (1300, -20), tip, 90)
    c.rect(shade(DESK, 0.2), 1016, 96, 96, 96, 4, edge=False)
    c.rect(P.MUSTARD, 1008, 86, 96, 96, 4)


def draw(c: Canvas) -> None:
    width, height = c.surface.get_size()
    if c.hc:
        c.fill(DESK)
    else:
        small = pygame.Surface((max(16, width // 4), max(9, height // 4)))
        _desk(Canvas(small))
        radius = max(1, round(BLUR * small.get_width() / DESIGN_W))
        soft = pygame.transform.gaussian_blur(small, radius)
        c.surface.blit(pygame.transform.smoothscale(soft, (width, height)), (0, 0))
    x, y, w, h = BODY
    c.rect(P.CHARCOAL, x, y, w, h, 46)
    c.rect(light(P.CHARCOAL, 0.18), x + 4, y + 40, 6, h - 80, 3, edge=False, detail=True)
    c.rect(P.CHARCOAL, x + w - 2, y + 150, 6, 70, 3, edge=False, detail=True)
    c.rect(SCREEN, x + 14, y + 14, w - 28, h - 28, 34)
    c.rect(P.CHARCOAL, x + w / 2 - 30, y + 26, 60, 16, 8)
