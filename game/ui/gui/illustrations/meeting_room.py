"""The meeting room: a long table with colleagues, chairs, a projector screen, a window with blinds.

Owns this scene's composition only; shapes come from _props and _people.
"""

from __future__ import annotations

from . import _people as people
from . import _props as props
from ._canvas import Canvas, P, light, shade

FLOOR_Y = 432


def _screen(c: Canvas) -> None:
    c.rect(P.CHARCOAL, 420, 30, 440, 16, 6)
    c.rect(P.PAPER, 436, 46, 408, 206, 2)
    c.rect(shade(P.PAPER, 0.12), 436, 46, 408, 8, edge=False, detail=True)
    c.rect(P.STEEL_DARK, 436, 248, 408, 8, 3)
    c.rect(P.TEAL_LIGHT, 462, 66, 150, 12, 4, detail=True)
    c.rect(P.STEEL_LIGHT, 462, 86, 100, 8, 3, detail=True)
    base = 226
    bars = ((P.ORANGE, 70), (P.BLUE, 104), (P.GREEN, 88), (P.ORANGE, 94), (P.BLUE, 118))
    bars += ((P.GREEN, 110),)
    for i, (color, height) in enumerate(bars):
        x = 478 + i * 40 + (i // 3) * 30
        c.rect(color, x, base - height, 30, height, 3)
    c.rect(P.STEEL_DARK, 466, base, 290, 3, edge=False)
    c.circle(P.BLUE, 800, 150, 32)
    c.poly(P.ORANGE, [(800, 150), (800, 118), (826, 130), (832, 148)], edge=False)
    c.rect(P.STEEL_LIGHT, 776, 196, 48, 7, 3, detail=True)


def _window(c: Canvas) -> None:
    x, y, w, h = 968, 84, 230, 236
    props.window(c, x, y, w, h, panes=1)
    c.rect(P.PAPER, x - 6, y - 6, w + 12, 20, 3)
    for i in range(7):
        c.rect(light(P.STEEL_LIGHT, 0.3), x, y + 16 + i * 15, w, 9, 2, detail=True)
    c.line(P.STEEL_DARK, (x + w - 22, y + 14), (x + w - 22, y + 150), 2, detail=True)


def draw(c: Canvas) -> None:
    props.room(c, FLOOR_Y, wall=light(P.WALL, 0.1))
    c.rect(P.WALL_LOW, 0, 300, 1280, FLOOR_Y - 300, edge=False)
    c.rect(shade(P.WALL_LOW, 0.15), 0, 298, 1280, 5, edge=False, detail=True)
    _screen(c)
    _window(c)
    props.floor_shadow(c, 1098, 470, 80)
    props.plant(c, 1136, 470, 170)
    props.floor_shadow(c, 66, 470, 140)
    c.rect(P.WOOD, 70, 336, 150, 134, 6)
    c.rect(shade(P.WOOD, 0.15), 180, 336, 40, 134, 6, edge=False)
    c.rect(light(P.WOOD), 62, 326, 166, 14, 4)
    for i in range(2):
        c.rect(P.WOOD_DARK, 86 + i * 66, 360, 54, 92, 4, detail=True)
    c.rect(P.GLOW, 96, 290, 30, 36, 4)
    c.rect(P.PAPER, 140, 306, 60, 20, 3)

    looks = (
        people.Look(people.SKINS[2], P.TEAL, head="hijab", scarf=P.TERRA_DARK, lanyard=True),
        people.Look(people.SKINS[0], people.KHAKI, head="peci", lanyard=True),
        people.Look(people.SKINS[4], P.PAPER, head="long", hair=people.HAIR, lanyard=True),
        people.Look(people.SKINS[1], P.TERRA, hair=people.HAIR_GREY),
    )
    seats = (374, 536, 744, 906)
    for x, look in zip(seats, looks, strict=True):
        props.chair_back(c, x, 274, P.STEEL_DARK)
        people.seated(c, look, x, 252)

    props.floor_shadow(c, 262, 508, 756)
    c.rect(P.WOOD_DARK, 300, 420, 18, 86, 4)
    c.rect(P.WOOD_DARK, 962, 420, 18, 86, 4)
    c.poly(P.WOOD_LIGHT, [(300, 374), (980, 374), (1030, 416), (250, 416)])
    c.rect(P.WOOD, 250, 414, 780, 16, 3)
    for x, look in zip(seats, looks, strict=True):
        people.hands(c, look, x, 392)
    props.laptop_back(c, 408, 350, 74, 42)
    props.laptop_back(c, 770, 350, 74, 42)
    props.papers(c, 330, 400, 56, (P.PAPER, P.PAPER))
    props.papers(c, 506, 400, 60, (P.MUSTARD, P.PAPER))
    props.papers(c, 872, 400, 64, (P.TEAL_LIGHT, P.PAPER))
    for x in (486, 626, 850, 984):
        c.rect(light(P.GLOW, 0.4), x, 370, 14, 24, 3)
        c.rect(P.GLOW, x + 2, 382, 10, 10, 2, detail=True)
    c.rect(P.STEEL_LIGHT, 596, 388, 64, 22, 5)
    c.circle(P.CHARCOAL, 616, 399, 7)
