"""The play screen composes what lies under its widgets once per state and draws only on change."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
from support import SCENARIOS  # noqa: E402

from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui import theme  # noqa: E402
from game.ui.gui.app import App, Folders  # noqa: E402
from game.ui.gui.backdrop import CachedLayer  # noqa: E402
from game.ui.gui.intents import Action, Intent  # noqa: E402
from game.ui.gui.scenes.play import PlayScene  # noqa: E402
from game.ui.gui.scenes.title import TitleScene  # noqa: E402


def make_app(folder: Path, **settings: object) -> App:
    SettingsStore(folder).save(Settings(**settings))  # type: ignore[arg-type]
    app = App(Folders(SCENARIOS, folder))
    app.push(TitleScene(app))
    return app


@pytest.fixture
def decision(tmp_path: Path) -> Iterator[tuple[App, PlayScene]]:
    app = make_app(tmp_path, text_speed="instant", play_mode="assess")
    scenario = next(
        r.scenario
        for r in app.scenarios()
        if r.scenario is not None and r.scenario.scenario_id == "hoaks-viral"
    )
    scene = PlayScene(app, scenario, start_at="grup-pagi")
    app.push(scene)
    yield app, scene
    app.close()


def redraw(app: App) -> None:
    app.dirty = True
    app.frame(1 / 60)


def test_a_layer_is_composed_again_only_when_its_key_changes() -> None:
    """Same key: the kept picture is blitted; a new key or forget() composes it again."""
    pygame.display.init()
    target = pygame.Surface((40, 30))
    layer = CachedLayer()
    colours = iter([(200, 10, 10), (10, 200, 10), (10, 10, 200)])

    def compose(image: pygame.Surface) -> None:
        image.fill(next(colours))

    layer.draw(target, "a", compose)
    layer.draw(target, "a", compose)
    assert layer.compositions == 1 and tuple(target.get_at((5, 5)))[:3] == (200, 10, 10)
    layer.draw(target, "b", compose)
    assert layer.compositions == 2 and tuple(target.get_at((5, 5)))[:3] == (10, 200, 10)
    layer.forget()
    layer.draw(target, "b", compose)
    assert layer.compositions == 3


def test_a_decision_screen_is_composed_once_however_often_it_is_drawn(
    decision: tuple[App, PlayScene],
) -> None:
    """Redrawing an unchanged decision screen reuses the composed backdrop."""
    app, scene = decision
    redraw(app)
    first = scene.layer.compositions
    for _ in range(5):
        redraw(app)
    assert first >= 1 and scene.layer.compositions == first


def test_hovering_a_card_recomposes_it_with_the_hover_border(
    decision: tuple[App, PlayScene], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mouse over a choice card turns its border to the primary colour, and back."""
    app, scene = decision
    redraw(app)
    rect = scene.choice_cards[2][0]
    edge = (rect.centerx, rect.y)
    muted, primary = theme.rgb(app.palette.muted), theme.rgb(app.palette.primary)
    assert app.window.get_at(edge) == muted
    before = scene.layer.compositions
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: rect.center)
    redraw(app)
    assert app.window.get_at(edge) == primary
    assert scene.layer.compositions == before + 1
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: (-100, -100))
    redraw(app)
    assert app.window.get_at(edge) == muted


def test_scrolling_the_stage_recomposes_the_backdrop(tmp_path: Path) -> None:
    """Page Down moves a long letter: the next frame shows it moved."""
    app = make_app(tmp_path, text_speed="instant")
    scenario = next(
        r.scenario
        for r in app.scenarios()
        if r.scenario is not None and r.scenario.scenario_id == "netralitas-pemilu"
    )
    scene = PlayScene(app, scenario, start_at="rapat-bidang")
    app.push(scene)
    redraw(app)
    before = app.window.copy()
    app.dispatch(Intent(Action.PAGE_DOWN))
    redraw(app)
    place = scene.stage_place(scene.view)
    assert scene.stage.offset > 0
    moved = pygame.image.tobytes(app.window.subsurface(place), "RGB")
    assert moved != pygame.image.tobytes(before.subsurface(place), "RGB")
    app.close()


def test_the_typewriter_draws_a_frame_only_when_a_letter_appears(tmp_path: Path) -> None:
    """Between two letters the loop turns without drawing; every new letter is drawn."""
    app = make_app(tmp_path, text_speed="slow")  # 20 letters a second: one per 0.05 s
    scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
    scene = PlayScene(app, scenario)
    app.push(scene)
    app.frame(0.01)  # the node's first frame
    drawn, changes = app.frames_drawn, 0
    for _ in range(50):
        shown = scene.letters_drawn
        app.frame(0.01)
        assert scene.is_animating
        if app.frames_drawn > drawn:
            changes += 1
            assert scene.letters_drawn != shown
        drawn = app.frames_drawn
    assert 5 <= changes < 50  # about ten letters in half a second, not fifty frames
    app.close()


def test_a_cross_fade_draws_every_turn_and_ends_on_a_clean_frame(
    decision: tuple[App, PlayScene],
) -> None:
    """The fade draws each turn, and the turn it ends draws the new node without its trace."""
    app, scene = decision
    redraw(app)
    app.dispatch(Intent(Action.CHOOSE, 1))
    assert scene.fade is not None
    app.frame(1 / 60)
    drawn = app.frames_drawn
    turns = 0
    while scene.fade is not None and turns < 100:
        app.frame(1 / 60)
        turns += 1
    assert turns >= 3 and app.frames_drawn - drawn == turns
