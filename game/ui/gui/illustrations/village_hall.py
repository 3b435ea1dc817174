"""The village hall (balai desa): an open pendopo with a tiered roof, wooden pillars, mats,
villagers sitting together, a notice board and trees. No religious or party symbols.

Owns this scene's composition only; shapes come from _props and _people.
"""

from __future__ import annotations

from . import _people as people
from . import _props as props
from ._canvas import WARM_DARK, Canvas, P, light, mix, shade

GROUND_Y = 440
GROUND = mix(P.FLOOR, P.SAGE_LIGHT, 0.25)


def _notice_board(c: Canvas, x: float) -> None:
    """The village notice board: pinned sheets under a small roof, with no readable text."""
    for px in (x + 16, x + 166):
        c.rect(P.WOOD_DARK, px, 262, 12, 210, 3)
    c.ellipse(shade(GROUND, 0.14), x + 110, 472, 90, 8, edge=False, detail=True)
    c.poly(P.TERRA_DARK, [(x - 10, 262), (x + 90, 232), (x + 204, 262)])
    c.rect(P.WOOD, x, 262, 194, 122, 4)
    c.rect(P.WOOD_LIGHT, x + 10, 272, 174, 102, 2)
    sheets = ((20, 280, 50, 64), (80, 284, 46, 40), (134, 280, 42, 58), (82, 332, 44, 36))
    for sx, y, w, h in sheets:
        c.rect(P.PAPER, x + sx, y, w, h, detail=True)
        for i in range(3):
            c.rect(P.STEEL_LIGHT, x + sx + 6, y + 12 + i * 10, w - 12, 4, detail=True)
        c.circle(P.TERRA_DARK, x + sx + w / 2, y + 4, 3, detail=True)


def _roof(c: Canvas) -> None:
    tile, dark = P.TERRA, shade(P.TERRA, 0.22)
    lower = [(170, 214), (1110, 214), (910, 132), (370, 132)]
    upper = [(410, 146), (870, 146), (730, 46), (550, 46)]
    for shape in (lower, upper):
        c.poly(tile, shape)
        if not c.hc:
            with c.clip(640, 0, 640, 300):
                c.poly(shade(tile, 0.1), shape)
    c.poly(light(tile, 0.18), [(170, 214), (370, 132), (400, 132), (214, 214)], detail=True)
    c.poly(light(tile, 0.18), [(410, 146), (550, 46), (574, 46), (446, 146)], detail=True)
    c.poly(dark, [(1110, 214), (910, 132), (880, 132), (1066, 214)], detail=True)
    c.poly(dark, [(870, 146), (730, 46), (706, 46), (834, 146)], detail=True)
    for y in (166, 190):
        c.line(P.TERRA_DARK, (300, y), (980, y), 2, detail=True)
    c.line(P.TERRA_DARK, (500, 100), (780, 100), 2, detail=True)
    c.rect(P.TERRA_DARK, 540, 40, 200, 10, 4)
    c.rect(P.WOOD_DARK, 170, 212, 940, 12, 2)


def draw(c: Canvas) -> None:
    c.vgradient(P.SKY_HIGH, light(P.SKY, 0.2), 0, GROUND_Y)
    c.poly(
        light(P.SAGE_LIGHT, 0.3),
        [(0, 360), (240, 300), (520, 340), (780, 296)]
        + [
            (1060, 330),
            (1280, 290),
            (1280, GROUND_Y),
            (0, GROUND_Y),
        ],
    )
    c.vgradient(GROUND, mix(GROUND, P.FLOOR_NEAR, 0.7), GROUND_Y, 720)
    c.rect(P.SAGE_LIGHT, 0, GROUND_Y, 1280, 10, edge=False)
    props.tree(c, 330, 380, 70)
    props.tree(c, 990, 370, 84)

    under = [(214, 222), (1066, 222), (1066, 400), (214, 400)]
    if c.hc:
        c.poly(P.WOOD_DARK, under)
    else:
        shaded = c.surface.copy()
        Canvas(shaded).poly(mix(P.SAGE_DARK, WARM_DARK, 0.5), under)
        shaded.set_alpha(70)
        c.surface.blit(shaded, (0, 0))
    c.poly(P.STEEL_LIGHT, [(226, 398), (1054, 398), (1090, 428), (190, 428)])
    c.rect(P.STEEL, 190, 428, 900, 38, 3)
    c.rect(shade(P.STEEL, 0.1), 900, 428, 190, 38, edge=False)
    c.rect(P.STEEL_LIGHT, 560, 466, 160, 12, 2)
    c.rect(P.STEEL, 540, 478, 200, 12, 2)
    mats = ((300, 560, P.MUSTARD), (600, 860, P.TERRA), (880, 1010, P.MUSTARD))
    for x0, x1, color in mats:
        c.poly(color, [(x0 + 8, 402), (x1 - 8, 402), (x1, 424), (x0, 424)])
        for y in (408, 416):
            c.line(light(color, 0.35), (x0 + 6, y), (x1 - 6, y), 2, detail=True)
    for x in (330, 932):
        c.rect(shade(P.WOOD_DARK, 0.1), x, 222, 18, 178)
    for x in (214, 444, 814, 1044):
        c.rect(P.WOOD, x, 222, 22, 206)
        c.rect(shade(P.WOOD, 0.18), x + 14, 222, 8, 206, edge=False, detail=True)
        c.rect(P.STEEL, x - 6, 418, 34, 12, 2)
    c.rect(P.WOOD_DARK, 1056, 270, 16, 58, 6)
    c.line(P.WOOD_DARK, (1064, 258), (1064, 270), 2, detail=True)
    _roof(c)

    host = people.Look(people.SKINS[1], people.KHAKI, hair=people.HAIR_GREY, lanyard=True)
    people.standing(c, host, 640, 228, k=0.84)
    villagers = (
        (330, people.Look(people.SKINS[3], P.SAGE_DARK, head="peci", legs=P.TERRA_DARK)),
        (530, people.Look(people.SKINS[0], P.BLUE, head="hijab", scarf=P.ROSE, legs=P.TEAL)),
        (750, people.Look(people.SKINS[2], P.PAPER, head="hair", legs=P.STEEL_DARK)),
        (930, people.Look(people.SKINS[4], P.MUSTARD, head="hijab", scarf=P.SAGE_DARK)),
    )
    for x, look in villagers:
        people.cross_legged(c, look, x, 286, k=0.9)
    _notice_board(c, 28)
    props.tree(c, 1180, 470, 92, GROUND)
