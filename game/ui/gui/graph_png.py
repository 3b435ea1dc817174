"""A scenario's decision graph as a PNG image, drawn headless with pygame.

Owns sizing the picture like the SVG (columns as wide as the widest choice
label, rows for the busiest node's choices, a margin, the legend under the
graph) but measured with the game's own font, drawing it through
``GraphPicture`` with labels and marks on the default palette, and encoding
the PNG. It writes no file (the command does) and computes no geometry
(``game.analysis.picture`` does).
"""

from __future__ import annotations

import os

# Always headless, even on a desktop: SDL reads these when pygame starts its video and audio.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import io  # noqa: E402

import pygame  # noqa: E402

from game.analysis.layout import GraphLayout  # noqa: E402
from game.analysis.overlay import GraphMarks, PlayedPath  # noqa: E402
from game.analysis.picture import MARGIN, MARK_KEYS, REPORT_KEYS, fit_canvas  # noqa: E402
from game.persistence.settings import Settings  # noqa: E402
from game.ui.gui import theme  # noqa: E402
from game.ui.gui.graph_picture import GraphPicture, draw_legend, legend_width  # noqa: E402

LEGEND_WIDTH = 1280  # a small graph's picture widens to show its legend on one row up to this


def graph_surface(
    layout: GraphLayout,
    marks: GraphMarks | None = None,
    path: PlayedPath | None = None,
    lang: str = "en",
    settings: Settings | None = None,
) -> pygame.Surface:
    """The labelled picture of ``layout``, its marks and ``path``, with its legend under it."""
    settings = settings or Settings()
    pygame.font.init()
    marks = marks or GraphMarks()
    colours = theme.palette(settings)
    label_font = theme.font(settings, "small")
    number_font = theme.font(settings, "small", bold=True)
    canvas = fit_canvas(
        layout,
        lambda text: float(label_font.size(text)[0]),
        label_font.get_linesize(),
        marks.dead_ends,
    )
    keys = [*(REPORT_KEYS if path is not None else REPORT_KEYS[1:])]
    keys += [k for k, v in zip(MARK_KEYS, (marks.unreachable, marks.dead_ends), strict=True) if v]
    width = max(canvas.width, min(LEGEND_WIDTH, legend_width(label_font, lang, keys) + 2 * MARGIN))
    scratch = pygame.Surface((width, 8))
    legend_height = draw_legend(
        scratch, (MARGIN, 0), width - 2 * MARGIN, label_font, colours, lang, keys
    )
    surface = pygame.Surface((width, canvas.height + legend_height + MARGIN))
    surface.fill(theme.rgb(colours.background))
    rect = canvas.frame.rect
    area = pygame.Rect(round(rect.left), round(rect.top), round(rect.width), round(rect.height))
    GraphPicture(layout, area).draw(
        surface, colours, path, number_font, label_font=label_font, marks=marks
    )
    draw_legend(
        surface, (MARGIN, canvas.height), width - 2 * MARGIN, label_font, colours, lang, keys
    )
    return surface


def graph_png(
    layout: GraphLayout,
    marks: GraphMarks | None = None,
    path: PlayedPath | None = None,
    lang: str = "en",
) -> bytes:
    """The picture as PNG bytes."""
    buffer = io.BytesIO()
    pygame.image.save(graph_surface(layout, marks, path, lang), buffer, "graph.png")
    return buffer.getvalue()
