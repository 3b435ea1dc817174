"""The public service counter: three windows with officers, a queue number display, waiting chairs,
a ticket machine and a citizen being served.

Owns this scene's composition and its seven-segment digits; shapes come from _props and _people.
"""

from __future__ import annotations

from . import _people as people
from . import _props as props
from ._canvas import RGB, Canvas, P, light, shade

FLOOR_Y = 450
SEGMENTS = {
    "0": "abcdef",
    "1": "bc",
    "2": "abdeg",
    "3": "abcdg",
    "4": "bcfg",
    "5": "acdfg",
    "6": "acdefg",
    "7": "abc",
    "8": "abcdefg",
    "9": "abcdfg",
}


def digit(c: Canvas, ch: str, x: float, y: float, w: float, h: float, on: RGB, off: RGB) -> None:
    """One seven-segment digit in the box (x, y, w, h): numbers only, never words."""
    t = w * 0.2
    half = h / 2
    boxes = {
        "a": (x + t, y, w - 2 * t, t),
        "b": (x + w - t, y + t * 0.6, t, half - t * 0.6),
        "c": (x + w - t, y + half, t, half - t * 0.6),
        "d": (x + t, y + h - t, w - 2 * t, t),
        "e": (x, y + half, t, half - t * 0.6),
        "f": (x, y + t * 0.6, t, half - t * 0.6),
        "g": (x + t, y + half - t / 2, w - 2 * t, t),
    }
    lit = SEGMENTS[ch]
    for name, (bx, by, bw, bh) in boxes.items():
        if name in lit:
            c.rect(on, bx, by, bw, bh, t / 2, edge=False)
        else:
            c.rect(off, bx, by, bw, bh, t / 2, detail=True)


def _queue_display(c: Canvas) -> None:
    c.rect(P.STEEL_DARK, 716, 40, 6, 26, detail=True)
    c.rect(P.STEEL_DARK, 898, 40, 6, 26, detail=True)
    c.rect(P.CHARCOAL, 640, 62, 340, 100, 10)
    c.rect(light(P.CHARCOAL, 0.12), 650, 72, 320, 80, 6, edge=False)
    off = light(P.CHARCOAL, 0.1)
    for i, ch in enumerate("027"):
        digit(c, ch, 672 + i * 56, 84, 40, 56, P.ORANGE, off)
    c.poly(
        P.GLOW,
        [(852, 104), (880, 104), (880, 92), (904, 112), (880, 132), (880, 120), (852, 120)],
    )
    digit(c, "2", 920, 84, 36, 56, P.GLOW, off)


def _window(c: Canvas, x: float, w: float, officer: people.Look) -> None:
    """One service window: the officer behind glass, a number plate, a pass-through slot."""
    c.rect(P.WALL_LOW, x, 200, w, 160, edge=False)
    props.monitor(c, x + w * 0.64, 262, 70, 70, back=True)
    people.seated(c, officer, x + w * 0.4, 236)
    c.glass(P.SKY, 80, x + 8, 214, w - 16, 132)
    c.line(light(P.SKY, 0.6), (x + 30, 330), (x + 80, 226), 4, detail=True)
    c.line(light(P.SKY, 0.6), (x + 54, 334), (x + 96, 248), 2, detail=True)


def _waiting_chairs(c: Canvas) -> None:
    props.floor_shadow(c, 60, 512, 290)
    c.rect(P.STEEL_DARK, 80, 440, 12, 72, 3)
    c.rect(P.STEEL_DARK, 310, 440, 12, 72, 3)
    for i in range(3):
        x = 66 + i * 88
        c.rect(P.TEAL, x, 340, 80, 84, 14)
        c.rect(shade(P.TEAL), x + 56, 348, 20, 70, 8, edge=False, detail=True)
    guest = people.Look(people.SKINS[2], P.TERRA, head="peci", legs=P.CHARCOAL)
    people.on_chair(c, guest, 194, 280, 436)
    for i in range(3):
        if i != 1:
            c.rect(P.TEAL_LIGHT, 66 + i * 88, 424, 80, 16, 6)
    c.rect(P.STEEL, 60, 436, 272, 8, 3, edge=False)


def _ticket_machine(c: Canvas) -> None:
    props.floor_shadow(c, 1130, 506, 110)
    c.rect(P.TEAL_DARK, 1134, 230, 104, 276, 14)
    c.rect(P.TEAL, 1134, 230, 74, 276, 14, edge=False)
    c.rect(P.CHARCOAL, 1148, 250, 76, 64, 6)
    c.rect(P.GLOW, 1154, 256, 64, 52, 4)
    c.rect(P.PAPER, 1162, 266, 48, 10, 3, detail=True)
    c.rect(P.ORANGE, 1162, 284, 48, 16, 4, detail=True)
    c.rect(P.CHARCOAL, 1158, 338, 56, 8, 3)
    c.rect(P.PAPER, 1170, 342, 32, 30, 2)
    c.rect(P.TEAL_LIGHT, 1148, 400, 76, 6, 2, detail=True)


def draw(c: Canvas) -> None:
    props.room(c, FLOOR_Y)
    c.rect(P.TEAL_LIGHT, 0, 300, 1280, 6, edge=False, detail=True)
    _queue_display(c)

    left, width = 360, 250
    officers = (
        people.Look(people.SKINS[1], people.KHAKI, head="hijab", scarf=P.SAGE_DARK, lanyard=True),
        people.Look(people.SKINS[4], people.KHAKI, lanyard=True),
        people.Look(people.SKINS[0], people.KHAKI, head="hijab", scarf=P.TERRA, lanyard=True),
    )
    for i, officer in enumerate(officers):
        _window(c, left + i * width, width, officer)
    for i in range(4):
        c.rect(P.WOOD_DARK, left + i * width - 8, 196, 16, 160, 3)
    c.rect(P.WOOD_DARK, left - 8, 190, 3 * width + 16, 14, 3)
    for i in range(3):
        plate_x = left + i * width + width / 2
        c.rect(P.PAPER, plate_x - 26, 168, 52, 44, 6)
        digit(c, str(i + 1), plate_x - 10, 176, 20, 28, P.TEAL_DARK, P.PAPER)

    props.floor_shadow(c, left - 10, 486, 3 * width + 20)
    c.rect(P.TEAL, left - 10, 360, 3 * width + 20, 124)
    c.rect(shade(P.TEAL, 0.12), left - 10, 440, 3 * width + 20, 44, edge=False)
    for i in range(1, 3):
        c.rect(P.TEAL_DARK, left + i * width - 3, 372, 6, 112, edge=False, detail=True)
    c.rect(P.WOOD_LIGHT, left - 20, 346, 3 * width + 40, 18, 5)
    c.rect(shade(P.WOOD_LIGHT, 0.2), left - 20, 358, 3 * width + 40, 6, edge=False, detail=True)
    for i in range(3):
        c.rect(shade(P.WALL_LOW, 0.3), left + i * width + width / 2 - 36, 334, 72, 12, 3)

    _waiting_chairs(c)
    _ticket_machine(c)

    citizen = people.Look(
        people.SKINS[3], P.MUSTARD, head="hijab", scarf=P.TEAL_DARK, legs=P.SAGE_DARK, skirt=True
    )
    c.poly(P.PAPER, [(706, 340), (748, 340), (756, 350), (700, 350)])
    props.floor_shadow(c, 746, 546, 90)
    people.standing(c, citizen, 790, 318, k=1.02, back=True)
