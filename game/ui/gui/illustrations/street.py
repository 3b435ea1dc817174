"""The street market: shophouses, stalls under striped awnings, people shopping, a parked motorbike,
a shade tree, and a quiet road in front.

Owns this scene's composition only; shapes come from _props and _people.
"""

from __future__ import annotations

from . import _people as people
from . import _props as props
from ._canvas import RGB, Canvas, P, light, mix, shade

KERB_Y = 462
ROAD = mix(P.STEEL, P.FLOOR, 0.35)


def _shophouse(c: Canvas, x: float, w: float, wall: RGB, sign: RGB) -> None:
    """A two-storey ruko: windows upstairs, a plain sign band, a half-open shutter below."""
    c.rect(wall, x, 96, w, 370)
    c.rect(shade(wall, 0.12), x + w - 18, 96, 18, 370, edge=False)
    c.rect(light(wall, 0.25), x - 6, 88, w + 12, 14, 3)
    for i in range(2):
        wx = x + 34 + i * (w - 68) / 2
        ww = (w - 68) / 2 - 20
        c.rect(P.PAPER, wx - 6, 130, ww + 12, 96, 3)
        glass = mix(P.SCREEN, P.SKY_FAR, 0.5)
        c.rect(glass, wx, 136, ww, 84, 2)
        c.rect(light(glass, 0.2), wx, 136, ww * 0.4, 84, edge=False, detail=True)
    c.rect(sign, x + 20, 250, w - 40, 34, 4)
    c.rect(shade(P.SCREEN, 0.2), x + 24, 304, w - 48, 160)
    c.rect(P.STEEL_LIGHT, x + 24, 304, w - 48, 82)
    for i in range(6):
        c.rect(P.STEEL, x + 24, 312 + i * 12, w - 48, 3, edge=False, detail=True)


def _awning(c: Canvas, x: float, w: float, stripe: RGB) -> None:
    """A striped stall awning with a scalloped edge."""
    n = 6
    sw = w / n
    for i in range(n):
        color = stripe if i % 2 == 0 else P.PAPER
        c.poly(
            color,
            [(x + 20 + i * (w - 40) / n, 226), (x + 20 + (i + 1) * (w - 40) / n, 226)]
            + [
                (x + (i + 1) * sw, 278),
                (x + i * sw, 278),
            ],
        )
        c.ellipse(color, x + i * sw + sw / 2, 278, sw / 2, 12, edge=False)
    c.rect(shade(stripe, 0.25), x + 14, 220, w - 28, 8, 3)


def _stall(c: Canvas, x: float, w: float, stripe: RGB, vendor: people.Look, goods: str) -> None:
    for px in (x + 10, x + w - 22):
        c.rect(P.WOOD_DARK, px, 270, 12, 200, 3)
    people.seated(c, vendor, x + w * 0.6, 296, k=0.92)
    _awning(c, x, w, stripe)
    c.rect(P.WOOD, x, 392, w, 76, 3)
    c.rect(shade(P.WOOD, 0.15), x + w - 50, 392, 50, 76, edge=False)
    c.rect(light(P.WOOD, 0.3), x - 6, 384, w + 12, 12, 4)
    if goods == "fruit":
        piles = ((P.ORANGE, 40), (P.SAGE, 112), (P.TERRA, 184))
        for color, gx in piles:
            for i, (dx, dy) in enumerate(
                ((0, 0), (18, 0), (36, 0), (9, -14), (27, -14), (18, -27))
            ):
                tone = light(color, 0.2) if i % 3 == 0 else color
                c.circle(tone, x + gx + dx, 374 + dy, 10)
    else:
        for i, color in enumerate((P.TEAL, P.ROSE, P.MUSTARD, P.SAGE_DARK)):
            c.rect(color, x + 30 + i * 46, 344 + (i % 2) * 10, 40, 42 - (i % 2) * 10, 4)
            c.rect(light(color, 0.3), x + 30 + i * 46, 344 + (i % 2) * 10, 10, 42, 3, detail=True)


def _motorbike(c: Canvas, x: float, y: float) -> None:
    """A parked scooter facing left, wheels standing on y."""
    c.ellipse(shade(ROAD, 0.18), x + 110, y + 4, 118, 9, edge=False, detail=True)
    body, trim = P.TEAL, shade(P.TEAL, 0.2)
    for wx in (x + 34, x + 186):
        c.circle(P.CHARCOAL, wx, y - 26, 27)
        c.circle(P.STEEL_LIGHT, wx, y - 26, 11)
    c.ellipse(body, x + 178, y - 62, 58, 30)
    c.rect(body, x + 70, y - 56, 120, 24, 8)
    c.ellipse(trim, x + 200, y - 58, 34, 22, edge=False, detail=True)
    c.rect(P.CHARCOAL, x + 128, y - 102, 96, 20, 10)
    c.poly(body, [(x + 60, y - 34), (x + 88, y - 34), (x + 92, y - 132), (x + 70, y - 134)])
    c.poly(
        light(body, 0.2), [(x + 60, y - 34), (x + 70, y - 34), (x + 76, y - 132), (x + 70, y - 134)]
    )
    c.ellipse(body, x + 36, y - 50, 30, 12)
    c.line(P.STEEL_DARK, (x + 40, y - 30), (x + 78, y - 130), 6)
    c.line(P.CHARCOAL, (x + 58, y - 142), (x + 112, y - 146), 7)
    c.rect(body, x + 66, y - 150, 30, 20, 8)
    c.circle(P.PAPER, x + 68, y - 138, 8)
    c.circle(P.ORANGE, x + 236, y - 64, 5, detail=True)


def draw(c: Canvas) -> None:
    c.vgradient(P.SKY_HIGH, light(P.SKY, 0.25), 0, 320)
    fronts = ((0, 300, light(P.MUSTARD, 0.45), P.TEAL), (300, 330, light(P.TEAL, 0.55), P.TERRA))
    fronts += (
        (630, 320, light(P.ROSE, 0.45), P.SAGE_DARK),
        (950, 330, light(P.SAGE, 0.5), P.MUSTARD),
    )
    for x, w, wall, sign in fronts:
        _shophouse(c, x, w, wall, sign)
    c.rect(P.STEEL_LIGHT, 0, 446, 1280, KERB_Y - 446, edge=False)
    c.vgradient(ROAD, mix(ROAD, P.FLOOR_NEAR, 0.5), KERB_Y + 8, 720)
    c.rect(P.STEEL, 0, KERB_Y, 1280, 10, edge=False)
    for x in range(40, 1280, 220):
        c.rect(light(ROAD, 0.18), x, 640, 110, 8, 3, detail=True)

    seller = people.Look(people.SKINS[3], P.TERRA, head="hijab", scarf=P.TEAL_DARK)
    _stall(c, 92, 260, P.TERRA, seller, "fruit")
    cloth = people.Look(people.SKINS[1], P.SAGE, head="peci")
    _stall(c, 470, 250, P.TEAL, cloth, "cloth")

    buyer = people.Look(people.SKINS[0], P.MUSTARD, head="long", legs=P.TEAL_DARK, skirt=True)
    people.standing(c, buyer, 404, 244, k=0.98)
    student = people.Look(people.SKINS[4], P.PAPER, head="hijab", scarf=P.ROSE, legs=P.STEEL_DARK)
    people.standing(c, student, 792, 250, k=0.96)
    _motorbike(c, 870, 470)
    props.tree(c, 1200, 470, 74, P.STEEL_LIGHT)
