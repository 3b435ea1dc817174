"""Scene backgrounds and the app icon, drawn procedurally as flat vector pictures.

Owns drawing: the six scene backgrounds named by ``game.core.model.BACKGROUNDS`` (each written
in a 1280x720 design space and scaled to fill any target size, in a normal and a dark
high-contrast version), a small cache of drawn backgrounds for repeated frames, and the Perekat
icon. Pictures keep their detail in the middle band and stay calm in the bottom third and the
top-left, where the UI puts its text panel and title. It does not lay out panels, render text or
decide which scene shows.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.core.model import BACKGROUNDS  # noqa: E402

from . import counter, meeting_room, office, phone, street, village_hall  # noqa: E402
from ._canvas import Canvas  # noqa: E402
from .icon import draw_icon  # noqa: E402

__all__ = ["BACKGROUND_NAMES", "background", "draw_background", "draw_icon"]

BACKGROUND_NAMES: tuple[str, ...] = (
    "office",
    "counter",
    "meeting-room",
    "village-hall",
    "street",
    "phone",
)
if BACKGROUND_NAMES != BACKGROUNDS:  # a scene added to the model must be drawn here too
    raise ImportError(f"illustrations draw {BACKGROUND_NAMES}, the model names {BACKGROUNDS}")

_SCENES: dict[str, Callable[[Canvas], None]] = {
    "office": office.draw,
    "counter": counter.draw,
    "meeting-room": meeting_room.draw,
    "village-hall": village_hall.draw,
    "street": street.draw,
    "phone": phone.draw,
}


def draw_background(
    name: str, size: tuple[int, int], high_contrast: bool = False
) -> pygame.Surface:
    """A new Surface of exactly ``size`` showing the named scene; the same inputs, the same pixels.

    Raises KeyError for an unknown name and ValueError for a size that is not positive.
    """
    scene = _SCENES.get(name)
    if scene is None:
        raise KeyError(f"unknown background {name!r}; valid names: {', '.join(BACKGROUND_NAMES)}")
    width, height = int(size[0]), int(size[1])
    if width <= 0 or height <= 0:
        raise ValueError(f"background size must be positive, got {size!r}")
    surface = pygame.Surface((width, height))
    scene(Canvas(surface, high_contrast))
    return surface


@functools.lru_cache(maxsize=12)
def _cached(name: str, size: tuple[int, int], high_contrast: bool) -> pygame.Surface:
    return draw_background(name, size, high_contrast)


def background(name: str, size: tuple[int, int], high_contrast: bool = False) -> pygame.Surface:
    """The named scene at ``size``, drawn once and then shared: blit it, never draw on it."""
    return _cached(name, (int(size[0]), int(size[1])), bool(high_contrast))
