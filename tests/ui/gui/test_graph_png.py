"""The labelled graph picture as PNG, drawn headless through the report's GraphPicture."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import io  # noqa: E402
from dataclasses import fields  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
from support import FIXTURES, SCENARIOS, load_scenario  # noqa: E402

from game.analysis import svg  # noqa: E402
from game.analysis.layout import layout_scenario  # noqa: E402
from game.analysis.overlay import PlayedPath, graph_marks  # noqa: E402
from game.analysis.picture import DEAD_END_COLOUR, fit_canvas  # noqa: E402
from game.core.engine import Engine  # noqa: E402
from game.core.model import Scenario  # noqa: E402
from game.persistence.settings import Settings  # noqa: E402
from game.ui.gui import theme  # noqa: E402
from game.ui.gui.graph_png import graph_png, graph_surface  # noqa: E402


def finished(scenario: Scenario) -> Engine:
    engine = Engine(scenario)
    while not engine.is_finished:
        view = engine.current()
        if view.kind == "decision":
            engine.choose(next(c for c in view.choices if c.is_available).choice_id)
        else:
            engine.advance()
    return engine


@pytest.fixture(scope="module")
def hoaks() -> Scenario:
    return load_scenario(SCENARIOS / "hoaks-viral.yaml")


def test_png_is_sized_like_its_canvas_and_not_blank(hoaks: Scenario) -> None:
    """The picture is the canvas plus the legend, and holds far more than the background."""
    pygame.font.init()
    layout = layout_scenario(hoaks)
    image = pygame.image.load(io.BytesIO(graph_png(layout, graph_marks(hoaks, layout))))
    font = theme.font(Settings(), "small")
    canvas = fit_canvas(layout, lambda text: float(font.size(text)[0]), font.get_linesize())
    assert image.get_width() == canvas.width
    assert canvas.height < image.get_height() < canvas.height + 4 * font.get_linesize()
    background = theme.rgb(theme.DEFAULT.background)
    colours = {
        tuple(image.get_at((x, y)))
        for x in range(0, image.get_width(), 7)
        for y in range(0, image.get_height(), 7)
    }
    assert len(colours) > 20 and tuple(background) in colours


def test_png_with_a_path_differs_from_one_without(hoaks: Scenario) -> None:
    """The path is drawn: the same graph with and without it are different pictures."""
    layout = layout_scenario(hoaks)
    marks = graph_marks(hoaks, layout)
    plain = graph_surface(layout, marks)
    played = graph_surface(layout, marks, PlayedPath.of(finished(hoaks).state))
    assert plain.get_width() == played.get_width()
    assert pygame.image.tobytes(plain, "RGB") != pygame.image.tobytes(played, "RGB")


def test_png_marks_a_dead_end_in_red(hoaks: Scenario) -> None:
    """SCN202's stop sign is drawn above d3 (and only where marks say so)."""
    scenario = load_scenario(FIXTURES / "lint" / "SCN202-dead-end-after-a-choice.yaml")
    layout = layout_scenario(scenario)
    red = pygame.Color(DEAD_END_COLOUR)

    def reds(surface: pygame.Surface) -> int:
        width, height = surface.get_size()
        return sum(
            1 for x in range(width) for y in range(0, height, 2) if surface.get_at((x, y)) == red
        )

    assert reds(graph_surface(layout, graph_marks(scenario, layout))) > reds(graph_surface(layout))


def test_svg_colours_are_the_gui_default_palette() -> None:
    """The SVG repeats the GUI's default colours (analysis cannot import pygame's theme)."""
    names = {field.name for field in fields(theme.Palette)}
    for name, colour in svg.COLOURS.items():
        assert name in names
        assert getattr(theme.DEFAULT, name).upper() == colour.upper(), name
