"""The office: two desks with colleagues at work, a window, plants, a filing cabinet, a clock.

Owns this scene's composition only; shapes come from _props and _people.
"""

from __future__ import annotations

from . import _people as people
from . import _props as props
from ._canvas import Canvas, P, light, shade

FLOOR_Y = 440


def _corkboard(c: Canvas) -> None:
    c.rect(P.WOOD_DARK, 166, 176, 228, 138, 5)
    c.rect(P.WOOD_LIGHT, 174, 184, 212, 122, 3)
    notes = (
        (188, 196, 52, 60, P.PAPER),
        (252, 192, 44, 36, P.MUSTARD),
        (306, 200, 62, 48, P.PAPER),
    )
    notes += (
        (250, 240, 46, 54, P.TEAL_LIGHT),
        (196, 266, 40, 30, P.ROSE),
        (310, 258, 50, 36, P.PAPER),
    )
    for x, y, w, h, color in notes:
        c.rect(shade(P.WOOD_LIGHT, 0.25), x + 3, y + 3, w, h, detail=True)
        c.rect(color, x, y, w, h, detail=True)
        c.circle(P.TERRA_DARK, x + w / 2, y + 5, 3.5, detail=True)


def draw(c: Canvas) -> None:
    props.room(c, FLOOR_Y)
    props.window(c, 560, 68, 330, 214, panes=3)
    _corkboard(c)
    props.clock(c, 1010, 126, 40)

    props.floor_shadow(c, 1092, 458, 130)
    props.cabinet(c, 1096, 248, 124, 210)
    props.plant(c, 1160, 248, 80, pot=P.TEAL)
    props.floor_shadow(c, 40, 474, 90)
    props.plant(c, 84, 474, 250)

    # desk one: a colleague in uniform and hijab behind a laptop
    ana = people.Look(
        people.SKINS[1], people.KHAKI, head="hijab", scarf=P.ROSE, lanyard=True, skirt=True
    )
    props.chair_back(c, 300, 290, P.TEAL_DARK)
    people.seated(c, ana, 300, 266)
    props.floor_shadow(c, 176, 500, 390)
    props.desk(c, 170, 392, 390, 106)
    people.hands(c, ana, 300, 394)
    props.laptop_back(c, 352, 340, 96, 56)
    props.papers(c, 200, 398, 70)
    props.mug(c, 500, 398, P.TEAL)

    # desk two: a monitor and a colleague in a white shirt, another standing with a folder
    budi = people.Look(people.SKINS[3], people.SHIRT, lanyard=True)
    props.chair_back(c, 914, 290, P.TERRA_DARK)
    people.seated(c, budi, 914, 266)
    props.floor_shadow(c, 706, 500, 360)
    props.desk(c, 700, 392, 360, 106, wood=P.WOOD_LIGHT)
    people.hands(c, budi, 914, 394)
    props.monitor(c, 724, 286, 140, 96)
    props.plant(c, 1020, 396, 54, pot=P.MUSTARD)

    sari = people.Look(people.SKINS[0], P.TEAL, head="long", hair=people.HAIR_BROWN, lanyard=True)
    props.floor_shadow(c, 594, 508, 70)
    people.standing(c, sari, 628, 282)
    c.rect(P.MUSTARD, 654, 392, 40, 52, 3)
    c.rect(light(P.MUSTARD), 654, 392, 8, 52, 2, detail=True)
