"""The picture of a scenario's graph with the player's path, in the report and full size."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
from support import SCENARIOS, load_scenario  # noqa: E402

from game.analysis.layout import layout_scenario  # noqa: E402
from game.core.engine import Engine  # noqa: E402
from game.core.model import Scenario  # noqa: E402
from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui import theme  # noqa: E402
from game.ui.gui.app import App, Folders  # noqa: E402
from game.ui.gui.graph_picture import GraphPicture, PlayedPath  # noqa: E402
from game.ui.gui.intents import Action, Intent  # noqa: E402
from game.ui.gui.scenes.path_map import PathMapScene  # noqa: E402
from game.ui.gui.scenes.report import ReportScene  # noqa: E402


def finished_play(scenario: Scenario, pick: int) -> Engine:
    """Play to an ending, taking the ``pick``-th available choice (wrapping) everywhere."""
    engine = Engine(scenario)
    while not engine.is_finished:
        view = engine.current()
        if view.kind == "decision":
            available = [c for c in view.choices if c.is_available]
            engine.choose(available[pick % len(available)].choice_id)
        else:
            engine.advance()
    return engine


@pytest.fixture
def scenario() -> Scenario:
    return load_scenario(SCENARIOS / "hoaks-viral.yaml")


def test_played_path_numbers_decisions_in_the_order_they_were_made(scenario: Scenario) -> None:
    """Every choice made is a taken edge, and decision n of the history carries number n."""
    engine = finished_play(scenario, 1)
    path = PlayedPath.of(engine.state)
    history = engine.state.history
    assert {(r.node_id, r.choice_id) for r in history} <= path.taken
    assert [path.numbers[r.node_id] for r in history] == list(range(1, len(history) + 1))
    followed = [e for e in layout_scenario(scenario).edges if path.follows(e)]
    assert len(followed) == len(engine.state.path) - 1


def test_the_path_is_drawn_over_the_nodes_it_went_through(scenario: Scenario) -> None:
    """Nodes on the path are filled with the primary colour; nodes off it are not."""
    pygame.display.init()
    engine = finished_play(scenario, 0)
    layout = layout_scenario(scenario)
    surface = pygame.Surface((1184, 480))
    colours = theme.palette(Settings())
    surface.fill(theme.rgb(colours.background))
    picture = GraphPicture(layout, surface.get_rect())
    picture.draw(surface, colours, PlayedPath.of(engine.state))
    primary = theme.rgb(colours.primary)
    visited = set(engine.state.path)
    for node in layout.nodes:
        if node.kind == "ending":
            continue
        centre = surface.get_at(picture.point(node.x, node.y))
        assert (centre == primary) == (node.node_id in visited), node.node_id


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    SettingsStore(tmp_path).save(Settings(text_speed="instant"))
    application = App(Folders(SCENARIOS, tmp_path))
    yield application
    application.close()


def test_report_opens_the_path_map_by_keyboard_and_comes_back(app: App, scenario: Scenario) -> None:
    """Shift+Tab from the default button reaches the picture; Enter opens the map, Esc returns."""
    report = ReportScene(app, scenario, finished_play(scenario, 2), "learn")
    app.push(report)
    app.frame(0)
    for _ in range(4):
        if app.focus.focused is report.picture_button:
            break
        app.dispatch(Intent(Action.PREVIOUS_FOCUS))
    assert app.focus.focused is report.picture_button
    app.dispatch(Intent(Action.CONFIRM))
    assert isinstance(app.stack.top, PathMapScene)
    app.frame(0)
    app.dispatch(Intent(Action.BACK))
    assert app.stack.top is report
