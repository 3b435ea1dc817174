"""Simple, friendly figures for the scenes: seated, standing, sitting on a mat.

Owns the figure shapes and the looks that vary them (skin tone, dress, hair, hijab or peci, uniform
and ID lanyard). Faces are plain shapes with no features: no caricature, nobody singled out. It does
not place figures; each scene does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ._canvas import RGB, Canvas, hex_rgb, light, shade

SKINS: tuple[RGB, ...] = tuple(
    hex_rgb(h) for h in ("#F1D2B4", "#DEB08A", "#C18E66", "#9C6B47", "#74503A")
)
HAIR = hex_rgb("#33291F")
HAIR_BROWN = hex_rgb("#4A382B")
HAIR_GREY = hex_rgb("#9A948D")
PECI = hex_rgb("#2F2C2B")
KHAKI = hex_rgb("#BBA57C")
SHIRT = hex_rgb("#F3EEE4")
TROUSERS = hex_rgb("#5A5552")
LANYARD = hex_rgb("#3F7C8C")


@dataclass(frozen=True, slots=True)
class Look:
    """How one figure is dressed: head is 'hair', 'long', 'hijab' or 'peci'."""

    skin: RGB
    top: RGB
    head: str = "hair"
    hair: RGB = HAIR
    scarf: RGB = hex_rgb("#A77B8C")
    legs: RGB = TROUSERS
    lanyard: bool = False
    skirt: bool = False


HEAD_R = 21


def _shaded_right(
    c: Canvas, x_split: float, draw: Callable[[RGB], None], base: RGB, dark: RGB
) -> None:
    """Draw a shape, then its part right of x_split again in shadow (light comes from the left)."""
    draw(base)
    if c.hc:
        return
    with c.clip(x_split, -2000, 4000, 6000):
        draw(dark)


def _head(c: Canvas, look: Look, x: float, top: float, k: float, back: bool) -> None:
    cy = top + HEAD_R * k
    if look.head == "hijab":
        scarf = look.scarf

        def veil(col: RGB) -> None:
            c.ellipse(col, x, top + 64 * k, 38 * k, 22 * k)
            c.poly(
                col,
                [(x - 25 * k, cy), (x + 25 * k, cy), (x + 34 * k, top + 60 * k)]
                + [(x - 34 * k, top + 60 * k)],
                edge=False,
            )
            c.circle(col, x, cy - 1 * k, 25 * k, edge=False)

        _shaded_right(c, x + 10 * k, veil, scarf, shade(scarf))
        if not back:
            _shaded_right(
                c,
                x + 7 * k,
                lambda col: c.ellipse(col, x, cy + 2 * k, 14.5 * k, 17 * k, edge=False),
                look.skin,
                shade(look.skin, 0.14),
            )
        return
    if back:
        c.circle(look.hair, x, cy, HEAD_R * k)
    else:
        c.circle(look.hair, x, cy - 1.5 * k, (HEAD_R + 1.5) * k)
        _shaded_right(
            c,
            x + 8 * k,
            lambda col: c.ellipse(col, x, cy + 3 * k, 19 * k, 18.5 * k, edge=False),
            look.skin,
            shade(look.skin, 0.14),
        )
    if look.head == "peci":
        c.rect(PECI, x - 20 * k, top - 6 * k, 40 * k, 17 * k, 5 * k)
        c.rect(light(PECI, 0.2), x - 20 * k, top + 6 * k, 40 * k, 3 * k, detail=True)


def _torso(c: Canvas, look: Look, x: float, top: float, k: float, height: float) -> None:
    sy = top + 44 * k
    if look.head == "long":
        c.rect(look.hair, x - 26 * k, top + 8 * k, 52 * k, 72 * k, 18 * k)
    c.rect(look.skin, x - 7 * k, top + 34 * k, 14 * k, 14 * k, edge=False)
    for side in (-1, 1):
        arm_x = x + side * 36 * k - 8 * k
        arm = look.top if side < 0 else shade(look.top, 0.2)
        c.rect(arm, arm_x, sy + 6 * k, 16 * k, min(height - 6 * k, 78 * k), 8 * k)
    _shaded_right(
        c,
        x + 14 * k,
        lambda col: c.rect(col, x - 34 * k, sy, 68 * k, height, 20 * k),
        look.top,
        shade(look.top),
    )
    if look.head != "hijab":
        c.poly(look.skin, [(x - 9 * k, sy), (x + 9 * k, sy), (x, sy + 13 * k)], edge=False)
        collar = light(look.top, 0.35)
        c.poly(collar, [(x - 14 * k, sy - 1 * k), (x - 3 * k, sy + 14 * k), (x - 9 * k, sy)])
        c.poly(collar, [(x + 14 * k, sy - 1 * k), (x + 3 * k, sy + 14 * k), (x + 9 * k, sy)])
    if look.lanyard:
        c.line(LANYARD, (x - 11 * k, sy + 1 * k), (x - 3 * k, sy + 40 * k), 3 * k)
        c.line(LANYARD, (x + 11 * k, sy + 1 * k), (x + 3 * k, sy + 40 * k), 3 * k)
        c.rect(hex_rgb("#FFFDF7"), x - 9 * k, sy + 38 * k, 18 * k, 24 * k, 3 * k)
        c.rect(LANYARD, x - 9 * k, sy + 38 * k, 18 * k, 6 * k, 2 * k, detail=True)


def hands(c: Canvas, look: Look, x: float, y: float, k: float = 1.0, spread: float = 30) -> None:
    """Two hands resting at height y (drawn after a desk so they sit on it)."""
    for side in (-1, 1):
        c.ellipse(look.skin, x + side * spread * k, y, 9 * k, 7 * k)


def seated(c: Canvas, look: Look, x: float, top: float, k: float = 1.0) -> None:
    """Head and upper body; whatever sits in front (a desk, a counter) hides the rest."""
    _torso(c, look, x, top, k, 110 * k)
    _head(c, look, x, top, k, back=False)


def standing(
    c: Canvas, look: Look, x: float, top: float, k: float = 1.0, back: bool = False
) -> None:
    """A whole standing figure, about 228 design units tall at k=1, facing us or turned away."""
    hip = top + 128 * k
    foot = top + 222 * k
    if look.skirt:
        c.rect(look.skin, x - 17 * k, foot - 20 * k, 11 * k, 16 * k, edge=False)
        c.rect(look.skin, x + 6 * k, foot - 20 * k, 11 * k, 16 * k, edge=False)
        _shaded_right(
            c,
            x + 12 * k,
            lambda col: c.poly(
                col,
                [(x - 30 * k, hip - 6 * k), (x + 30 * k, hip - 6 * k)]
                + [(x + 36 * k, foot - 18 * k), (x - 36 * k, foot - 18 * k)],
            ),
            look.legs,
            shade(look.legs),
        )
    else:
        c.rect(look.legs, x - 29 * k, hip - 10 * k, 27 * k, foot - hip + 6 * k, 6 * k)
        c.rect(shade(look.legs), x + 2 * k, hip - 10 * k, 27 * k, foot - hip + 6 * k, 6 * k)
    for side in (-1, 1):
        c.ellipse(PECI, x + side * 17 * k, foot + 2 * k, 16 * k, 7 * k)
    _torso(c, look, x, top, k, 92 * k)
    if not back:
        for side in (-1, 1):
            c.circle(look.skin, x + side * 36 * k, top + 130 * k, 8 * k)
    _head(c, look, x, top, k, back=back)


def cross_legged(c: Canvas, look: Look, x: float, top: float, k: float = 1.0) -> None:
    """A figure sitting on a mat (lesehan), legs crossed in front."""
    base = top + 150 * k
    _shaded_right(
        c,
        x + 18 * k,
        lambda col: c.ellipse(col, x, base - 10 * k, 56 * k, 20 * k),
        look.legs,
        shade(look.legs),
    )
    _torso(c, look, x, top, k, 90 * k)
    for side in (-1, 1):
        c.ellipse(look.skin, x + side * 24 * k, base - 16 * k, 9 * k, 7 * k)
    _head(c, look, x, top, k, back=False)


def on_chair(c: Canvas, look: Look, x: float, top: float, seat_y: float, k: float = 1.0) -> None:
    """A figure sitting on a chair seat at seat_y, facing us, feet on the floor below it."""
    foot = seat_y + 74 * k
    for side in (-1, 1):
        leg = look.legs if side < 0 else shade(look.legs)
        c.rect(
            leg, x + side * 16 * k - 12 * k, seat_y - 6 * k, 24 * k, foot - seat_y + 4 * k, 6 * k
        )
        c.ellipse(PECI, x + side * 18 * k, foot + 2 * k, 15 * k, 6 * k)
    seated(c, look, x, top, k)
    c.rect(look.legs, x - 34 * k, seat_y - 16 * k, 68 * k, 26 * k, 10 * k)
    c.rect(shade(look.legs), x + 4 * k, seat_y - 16 * k, 30 * k, 26 * k, 10 * k, edge=False)
    hands(c, look, x, seat_y - 12 * k, k, spread=24)
