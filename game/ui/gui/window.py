"""The operating system's window around the game's canvas: its size on the desktop.

Owns fitting the window to the screen it opens on. The game draws on a fixed
1280x720 canvas that SDL scales (``SCALED``) to whatever size the window has,
keeping the aspect and mapping the mouse back; but SDL opens the window at the
canvas's own size, which is larger than a 1024x768 screen (a common office PC
and classroom projector). So the window is shrunk to fit the desktop, less room
for a taskbar, and can be resized down to a minimum that keeps text readable.
It does not draw and does not know scenes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import warnings

import pygame

log = logging.getLogger(__name__)


def ask_for_smooth_scaling() -> None:
    """Scale the canvas to any window size, smoothly; call before the window opens.

    pygame's SCALED scales by whole numbers only (1280x720 in a 1920x1080 window
    stays 1280x720 with black borders; in a 1024x576 one it is cropped) unless the
    hint it reads under this name is set; SDL's own hint makes the scaling linear,
    which keeps text legible at 0.8x and 1.5x.
    """
    os.environ.setdefault("SDL_HINT_RENDER_SCALE_QUALITY", "1")
    os.environ.setdefault("SDL_RENDER_SCALE_QUALITY", "linear")


MINIMUM = (1024, 576)  # 16:9 at the narrowest width the layout was checked at
TASKBAR_ROOM = (1.0, 0.90)  # share of the desktop a window may take (room for a taskbar)


def fitted_size(canvas: tuple[int, int], desktop: tuple[int, int]) -> tuple[int, int] | None:
    """The window size for this desktop keeping the canvas's aspect, or None if it fits as is."""
    width, height = canvas
    room_w, room_h = desktop[0] * TASKBAR_ROOM[0], desktop[1] * TASKBAR_ROOM[1]
    if width <= room_w and height <= room_h:
        return None
    scale = min(room_w / width, room_h / height)
    return max(1, int(width * scale)), max(1, int(height * scale))


def minimum_size(desktop: tuple[int, int]) -> tuple[int, int]:
    """The smallest window allowed: MINIMUM, or less on a desktop smaller than that."""
    return min(MINIMUM[0], desktop[0]), min(MINIMUM[1], desktop[1])


def fit_window(canvas: tuple[int, int], is_fullscreen: bool) -> None:
    """Shrink a window that is larger than the desktop, and set the minimum size."""
    if is_fullscreen:
        return
    with contextlib.suppress(pygame.error, AttributeError, IndexError), warnings.catch_warnings():
        # pygame-ce marks from_display_module as deprecated for surface rendering; it is
        # used here only to size the window that display.set_mode opened
        warnings.simplefilter("ignore", DeprecationWarning)
        desktop = pygame.display.get_desktop_sizes()[0]
        window = pygame.Window.from_display_module()
        size = fitted_size(canvas, desktop)
        smallest = minimum_size(desktop)
        if size is not None:
            smallest = (min(smallest[0], size[0]), min(smallest[1], size[1]))
        window.minimum_size = smallest
        if size is not None:
            log.info("window %sx%s on a %sx%s desktop", *size, *desktop)
            window.size = size
            window.position = pygame.WINDOWPOS_CENTERED
