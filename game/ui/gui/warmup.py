"""Font warm-up: the first use of a font costs what later ones do not, so pay it while idle.

A pygame font object's first measure or render sets up its size in FreeType
(about 4 ms here) and each glyph is rasterised the first time it is drawn
(another 6-10 ms for the Latin letters, digits and punctuation). Paid on the
turn a node opens, that was most of the hitch of the first play screen. This
module owns the list of the fonts the play screen draws with (pygame_gui's for
its text boxes and labels, ``theme``'s for presentations, the feedback panel and
the ending band) and yields one small step at a time, each shorter than a
frame, which the app's loop takes while nothing else happens. It does not load
fonts the app did not ask for, and renders nothing that is shown.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pygame

from game.persistence.settings import Settings
from game.ui.gui import theme

GLYPHS = string.ascii_letters + string.digits + string.punctuation + " “”‘’·—–…"
GUI_FONTS = (("body", False), ("body", True), ("name", True))  # text boxes, <b>, the name tab
THEME_FONTS = (("small", False), ("small", True), ("body", False), ("heading", True))
LOCKED_REASON_SIZE = 3.5  # the <font size=3.5> of a locked choice's reason


def _gui_fonts(settings: Settings, manager: Any) -> list[Any]:
    """pygame_gui's own font objects for the play screen (as preloaded by the app)."""
    fonts = manager.get_theme().get_font_dictionary()
    name = "perekat-dyslexic" if settings.dyslexic_font else "perekat-noto"
    wanted = [(theme.size(settings, role), bold) for role, bold in GUI_FONTS]
    wanted.append((fonts.convert_html_to_point_size(LOCKED_REASON_SIZE), False))
    return [fonts.find_font(size, name, bold=bold) for size, bold in wanted]


def font_warm_ups(settings: Settings, manager: Any) -> Iterator[None]:
    """Steps of at most about 10 ms each: set a font up, then draw its common glyphs."""
    steps: list[Callable[[], object]] = []
    try:
        for gui_font in _gui_fonts(settings, manager):
            # pygame_gui measures text by rendering it, so get_rect draws the glyphs
            steps += [partial(gui_font.size, "A"), partial(gui_font.get_rect, GLYPHS)]
    except (RuntimeError, AttributeError, KeyError):
        pass  # a pygame_gui without these fonts: warm what is ours
    for role, bold in THEME_FONTS:
        font = theme.font(settings, role, bold)
        steps += [partial(font.size, "A"), partial(font.render, GLYPHS, True, (0, 0, 0))]
    for step in steps:
        try:
            step()
        except pygame.error:
            return  # a warm-up is only ever a saving; never fail for it
        yield
