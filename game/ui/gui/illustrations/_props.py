"""Furniture and small things several scenes share: rooms, windows, plants, desks, screens.

Owns their shapes, all lit from the upper left (lit faces to the left and top, shadows falling to
the lower right). It does not decide where anything goes; the scenes do.
"""

from __future__ import annotations

import math

from ._canvas import DESIGN_W, RGB, Canvas, P, Point, light, mix, shade


def room(c: Canvas, floor_y: float, wall: RGB = P.WALL, floor: RGB = P.FLOOR) -> None:
    """A back wall, a skirting board and a calm floor below floor_y."""
    c.vgradient(light(wall, 0.25), wall, 0, floor_y)
    c.vgradient(floor, mix(floor, P.FLOOR_NEAR, 0.8), floor_y, 720)
    c.rect(shade(wall, 0.3), 0, floor_y - 10, DESIGN_W, 10, edge=False)
    c.rect(shade(floor, 0.12), 0, floor_y, DESIGN_W, 4, edge=False)


def floor_shadow(c: Canvas, x: float, y: float, w: float, floor: RGB = P.FLOOR) -> None:
    """A soft contact shadow on the floor, pushed to the right (light from the upper left)."""
    c.ellipse(shade(floor, 0.14), x + w / 2 + w * 0.08, y, w * 0.58, 9, edge=False, detail=True)


def leaf(c: Canvas, color: RGB, base: Point, tip: Point, width: float, **kw: bool) -> None:
    """A pointed leaf from base to tip."""
    bx, by = base
    tx, ty = tip
    length = math.hypot(tx - bx, ty - by) or 1
    nx, ny = -(ty - by) / length, (tx - bx) / length
    left, right = [], []
    for i in range(9):
        t = i / 8
        bulge = math.sin(math.pi * t) * width / 2
        px, py = bx + (tx - bx) * t, by + (ty - by) * t
        left.append((px + nx * bulge, py + ny * bulge))
        right.append((px - nx * bulge, py - ny * bulge))
    c.poly(color, left + right[::-1], **kw)


def plant(c: Canvas, x: float, base: float, height: float, pot: RGB = P.TERRA) -> None:
    """A potted leafy plant standing on base, centred on x."""
    pw = height * 0.34
    ph = height * 0.28
    top = base - ph
    fronds = (-62, -40, -20, -3, 14, 33, 55, 72, -8)
    for i, deg in enumerate(fronds):
        a = math.radians(deg - 90)
        reach = height * (0.78 if i % 2 else 0.68)
        tip = (x + math.cos(a) * reach, top + math.sin(a) * reach * 0.95)
        color = P.SAGE_LIGHT if deg < -25 else P.SAGE if deg < 30 else P.SAGE_DARK
        leaf(c, color, (x, top + 4), tip, height * 0.17)
    c.poly(
        pot, [(x - pw / 2, top), (x + pw / 2, top), (x + pw * 0.38, base), (x - pw * 0.38, base)]
    )
    if not c.hc:
        with c.clip(x + pw * 0.1, top, pw, ph):
            c.poly(
                shade(pot),
                [
                    (x - pw / 2, top),
                    (x + pw / 2, top),
                    (x + pw * 0.38, base),
                    (x - pw * 0.38, base),
                ],
            )
    c.rect(light(pot, 0.15), x - pw / 2 - 3, top - 4, pw + 6, 9, 3)


def window(
    c: Canvas, x: float, y: float, w: float, h: float, frame: RGB = P.PAPER, panes: int = 2
) -> None:
    """A window onto a pale sky with a far skyline."""
    c.rect(shade(frame, 0.1), x - 10, y - 10, w + 20, h + 20, 4)
    c.vgradient(P.SKY_HIGH, P.SKY, y, y + h, x, x + w)
    far = P.SKY_FAR
    blocks = ((0.02, 0.55, 0.14), (0.16, 0.38, 0.12), (0.3, 0.62, 0.16), (0.5, 0.45, 0.1))
    blocks += ((0.62, 0.3, 0.15), (0.8, 0.5, 0.18))
    for fx, fy, fw in blocks:
        c.rect(far, x + fx * w, y + fy * h, fw * w, h * (1 - fy), detail=True)
    c.rect(light(far, 0.35), x, y + h * 0.82, w, h * 0.18, detail=True)
    for i in range(1, panes):
        c.rect(frame, x + w * i / panes - 5, y, 10, h)
    c.rect(frame, x, y + h * 0.42, w, 8)
    c.rect(frame, x - 16, y + h, w + 32, 12, 3)
    c.rect(shade(frame, 0.15), x - 12, y + h + 12, w + 24, 5, detail=True)


def clock(c: Canvas, x: float, y: float, r: float) -> None:
    """A wall clock showing ten past ten."""
    c.circle(P.CHARCOAL, x + 3, y + 4, r, detail=True)
    c.circle(P.TEAL_DARK, x, y, r)
    c.circle(P.PAPER, x, y, r * 0.84)
    for i in range(12):
        a = math.radians(i * 30)
        c.line(
            P.STEEL_DARK,
            (x + math.sin(a) * r * 0.66, y - math.cos(a) * r * 0.66),
            (x + math.sin(a) * r * 0.76, y - math.cos(a) * r * 0.76),
            2,
            detail=True,
        )
    c.line(P.INK, (x, y), (x - r * 0.38, y - r * 0.2), 4)
    c.line(P.INK, (x, y), (x + r * 0.5, y - r * 0.35), 3)
    c.circle(P.TERRA_DARK, x, y, r * 0.08)


def desk(c: Canvas, x: float, top: float, w: float, height: float = 96, wood: RGB = P.WOOD) -> None:
    """An office desk seen from the front: a lit top edge, a modesty panel, a drawer unit."""
    c.rect(wood, x + 8, top + 14, w - 16, height - 14)
    c.rect(shade(wood, 0.12), x + w - 110, top + 14, 92, height - 14, edge=False)
    for i in range(2):
        c.rect(shade(wood, 0.25), x + w - 98, top + 30 + i * 32, 68, 5, 2, detail=True)
    c.rect(light(wood, 0.3), x, top, w, 15, 4)
    c.rect(shade(wood, 0.1), x, top + 11, w, 4, edge=False, detail=True)


def monitor(c: Canvas, x: float, y: float, w: float, h: float, back: bool = False) -> None:
    """A desktop monitor with its foot at (x + w/2, y + h); its back is plain grey."""
    cx = x + w / 2
    c.rect(P.STEEL_DARK, cx - 7, y + h * 0.8, 14, h * 0.32)
    c.rect(P.STEEL_DARK, cx - w * 0.18, y + h * 1.08, w * 0.36, 7, 3)
    if back:
        c.rect(P.STEEL, x, y, w, h * 0.86, 8)
        c.rect(P.STEEL_LIGHT, x + 6, y + 6, w * 0.45, h * 0.86 - 12, 6, detail=True)
        return
    c.rect(P.CHARCOAL, x, y, w, h * 0.86, 7)
    c.vgradient(P.GLOW, light(P.GLOW, 0.3), y + 7, y + h * 0.86 - 7, x + 7, x + w - 7)
    c.rect(light(P.GLOW, 0.5), x + 16, y + 18, w * 0.45, 8, 3, detail=True)
    c.rect(light(P.GLOW, 0.5), x + 16, y + 34, w * 0.3, 8, 3, detail=True)
    c.rect(P.TEAL_LIGHT, x + w * 0.58, y + 18, w * 0.3, h * 0.4, 4, detail=True)


def laptop_back(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    """An open laptop seen from behind the lid, base on y + h."""
    c.rect(P.STEEL, x, y, w, h, 6)
    c.rect(P.STEEL_LIGHT, x + 5, y + 5, w * 0.4, h - 10, 4, detail=True)
    c.rect(P.STEEL_DARK, x - 6, y + h - 4, w + 12, 7, 3)


def cabinet(c: Canvas, x: float, top: float, w: float, h: float, drawers: int = 3) -> None:
    """A steel filing cabinet with handled drawers; its right side falls in shadow."""
    c.rect(P.STEEL, x, top, w, h, 4)
    c.rect(shade(P.STEEL), x + w * 0.82, top, w * 0.18, h, edge=False)
    c.rect(P.STEEL_LIGHT, x, top, w, 8, 3)
    gap = (h - 16) / drawers
    for i in range(drawers):
        dy = top + 12 + i * gap
        c.rect(light(P.STEEL, 0.15), x + 8, dy, w * 0.74, gap - 8, 3)
        c.rect(P.STEEL_DARK, x + w * 0.3, dy + 14, w * 0.24, 7, 3)
        c.rect(P.PAPER, x + w * 0.3, dy + 26, w * 0.24, 10, 1, detail=True)


def chair_back(
    c: Canvas, cx: float, top: float, color: RGB, w: float = 104, h: float = 130
) -> None:
    """The high backrest of an office chair, showing around someone seated in it."""
    c.rect(color, cx - w / 2, top, w, h, w * 0.28)
    c.rect(shade(color), cx + w * 0.22, top + 10, w * 0.24, h - 20, 8, edge=False, detail=True)


def papers(c: Canvas, x: float, y: float, w: float = 70, colors: tuple[RGB, ...] = ()) -> None:
    """A stack of folders and papers lying on a surface at y."""
    colors = colors or (P.TEAL, P.MUSTARD, P.PAPER)
    for i, color in enumerate(colors):
        c.rect(color, x + (i % 2) * 5, y - 8 * (i + 1), w, 8, 2)


def mug(c: Canvas, x: float, y: float, color: RGB = P.TERRA) -> None:
    """A mug standing on y."""
    c.rect(color, x + 18, y - 22, 10, 12, 4, detail=True)
    c.rect(color, x, y - 28, 22, 28, 4)
    c.rect(shade(color), x + 15, y - 28, 7, 28, 3, edge=False, detail=True)


def tree(c: Canvas, x: float, base: float, r: float, ground: RGB | None = None) -> None:
    """A round shade tree: lit crown to the upper left, darker lobes to the lower right; its shadow
    falls on ground when given (trees far behind cast none we can see)."""
    c.rect(P.WOOD_DARK, x - r * 0.1, base - r * 1.6, r * 0.2, r * 1.6, 4)
    if ground is not None:
        c.ellipse(shade(ground, 0.14), x + r * 0.3, base, r * 0.8, 8, edge=False, detail=True)
    crown = base - r * 1.9
    c.circle(P.SAGE_DARK, x + r * 0.35, crown + r * 0.25, r * 0.75)
    c.circle(P.SAGE, x - r * 0.3, crown + r * 0.2, r * 0.7)
    c.circle(P.SAGE, x + r * 0.1, crown - r * 0.3, r * 0.72)
    c.circle(P.SAGE_LIGHT, x - r * 0.3, crown - r * 0.25, r * 0.42, detail=True)
