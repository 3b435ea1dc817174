"""The settings and load screens driven headless (SDL dummy driver) by intents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest
from pilot import is_rich, open_app

from game.core.engine import Engine
from game.core.model import Scenario
from game.persistence import saves as saves_module
from game.persistence.saves import SaveStore
from game.persistence.settings import Settings, SettingsStore
from game.ui.gui import theme
from game.ui.gui.app import App
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scenes.load import LoadScene, local_time
from game.ui.gui.scenes.play import PlayScene
from game.ui.gui.scenes.settings import ROWS, SettingsScene
from game.ui.gui.scenes.title import TitleScene

CANVAS = pygame.Rect((0, 0), theme.CANVAS)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    yield from open_app(tmp_path, Settings(text_speed="instant"))


def draw(app: App, shot: str = "") -> pygame.Surface:
    for _ in range(2):  # the second frame shows a scroll position set during the first
        app.dirty = True
        app.frame(1 / 60)
    if shot:
        pygame.image.save(app.window, f"/tmp/{shot}.png")
    return app.window


def inside(element: Any, container: Any) -> bool:
    """Whether ``element`` is ``container`` or sits in it at any depth."""
    holder, seen = element, set()
    while holder is not None and id(holder) not in seen:  # the root container holds itself
        if holder is container:
            return True
        seen.add(id(holder))
        holder = holder.ui_container
    return False


def assert_fits(app: App, scroller: Any) -> None:
    """No widget leaves the canvas; those in the scrolled list stay within its width."""
    for element in app.manager.get_sprite_group().sprites():
        rect = element.rect
        if scroller is not None and inside(element, scroller.get_container()):
            assert scroller.rect.left <= rect.left and rect.right <= scroller.rect.right, element
        else:
            assert CANVAS.contains(rect), (element, rect)


def texts(app: App) -> str:
    """Every word the widgets on screen show."""
    found = []
    for element in app.manager.get_sprite_group().sprites():
        for name in ("html_text", "text"):
            value = getattr(element, name, None)
            if isinstance(value, str):
                found.append(value)
    return "\n".join(found)


def first_scenario(app: App) -> Scenario:
    return next(r.scenario for r in app.scenarios() if r.scenario is not None)


def play_to_decision(engine: Engine) -> None:
    while engine.current().kind == "step":
        engine.advance()


def test_cycling_each_setting_changes_and_persists_it(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Right, Left and Enter cycle each row; every change is saved and the row keeps focus."""
    monkeypatch.setattr(pygame.display, "toggle_fullscreen", lambda: 1)  # headless has no screen
    scene = SettingsScene(app)
    app.push(scene)
    for index, (name, values) in enumerate(ROWS):
        assert app.focus.index == index
        before = getattr(app.settings, name)
        position = values.index(before)
        app.dispatch(Intent(Action.RIGHT))
        forward = values[(position + 1) % len(values)]
        assert getattr(app.settings, name) == forward
        assert getattr(SettingsStore(tmp_path).load(), name) == forward
        assert app.stack.top is scene and app.focus.index == index  # rebuilt, same row
        app.dispatch(Intent(Action.LEFT))
        assert getattr(app.settings, name) == before
        app.dispatch(Intent(Action.CONFIRM))
        assert getattr(SettingsStore(tmp_path).load(), name) == forward
        app.dispatch(Intent(Action.LEFT))
        assert SettingsStore(tmp_path).load() == app.settings
        draw(app)
        app.dispatch(Intent(Action.DOWN))
    assert app.settings == Settings(text_speed="instant")
    assert app.focus.focused is scene.lrs_button  # the last row opens the LRS screen
    app.dispatch(Intent(Action.DOWN))
    assert app.focus.focused is scene.back
    app.dispatch(Intent(Action.CONFIRM))
    assert isinstance(app.stack.top, TitleScene)


def test_every_value_is_shown_in_words(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    """The value buttons read as words and percentages, in the player's language."""
    monkeypatch.setattr(pygame.display, "toggle_fullscreen", lambda: 1)
    app.apply_settings(app.settings.with_changes(text_scale=1.25, text_speed="slow"))
    scene = SettingsScene(app)
    app.push(scene)
    shown = {name: button.text for button, name in scene.rows.items()}
    assert shown["lang"] == "Bahasa Indonesia"
    assert shown["text_scale"] == "125%"
    assert shown["text_speed"] == "Lambat"
    assert shown["play_mode"] == "Belajar"
    assert shown["high_contrast"] == "Nonaktif" and shown["sound"] == "Aktif"


def test_language_change_rebuilds_the_screen_in_english(app: App) -> None:
    """Changing the language redraws the settings (and, once back, the title) in English."""
    scene = SettingsScene(app)
    app.push(scene)
    assert "Pengaturan" in texts(app) and "Bahasa Indonesia" in texts(app)
    app.dispatch(Intent(Action.CONFIRM))  # the first row is the language
    assert app.lang == "en"
    words = texts(app)
    assert "Settings" in words and "Text size" in words and "Back" in words
    assert "Pengaturan" not in words and "Kembali" not in words
    assert scene.rows[app.focus.focused] == "lang"
    assert app.focus.focused.text == "English"
    assert is_rich(draw(app, "gui-settings-en"))
    app.dispatch(Intent(Action.BACK))
    assert isinstance(app.stack.top, TitleScene)
    assert "New game" in texts(app)


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("contrast", [False, True])
def test_settings_screen_fits_the_canvas(app: App, scale: float, contrast: bool) -> None:
    """At 100% and 150%, plain and high contrast: content drawn, nothing off the canvas or cut."""
    app.apply_settings(app.settings.with_changes(text_scale=scale, high_contrast=contrast))
    scene = SettingsScene(app)
    app.push(scene)
    tag = f"{int(scale * 100)}{'-hc' if contrast else ''}"
    assert is_rich(draw(app, f"gui-settings-{tag}"))
    body = theme.font(app.settings, "body")
    for element in app.manager.get_sprite_group().sprites():
        text = getattr(element, "text", None)
        if isinstance(text, str) and text and inside(element, scene.scroller.get_container()):
            assert body.size(text)[0] <= element.rect.width - 16, text  # labels and values fit
    for _ in (*ROWS, "lrs"):  # every row scrolls into full view when focused
        draw(app)
        assert_fits(app, scene.scroller)
        assert scene.scroller.rect.contains(app.focus.focused.rect)
        app.dispatch(Intent(Action.DOWN))
    assert app.focus.focused is scene.back
    assert_fits(app, scene.scroller)
    assert is_rich(draw(app, f"gui-settings-{tag}-end"))


def test_a_refused_full_screen_is_reported_not_fatal(app: App, tmp_path: Path) -> None:
    """Where the display cannot go full screen the screen says so and the setting stays off."""
    scene = SettingsScene(app)
    app.push(scene)
    row = [name for name, _ in ROWS].index("fullscreen")
    for _ in range(row):
        app.dispatch(Intent(Action.DOWN))
    app.dispatch(Intent(Action.CONFIRM))  # the dummy video driver cannot toggle full screen
    assert app.stack.top is scene and scene.rows
    assert not app.settings.fullscreen and not SettingsStore(tmp_path).load().fullscreen
    assert "Layar penuh tidak tersedia" in texts(app)
    assert app.focus.index == row
    assert is_rich(draw(app, "gui-settings-fullscreen-refused"))


@pytest.fixture
def played(app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A real play of the first scenario: an autosave after one choice, a slot after two."""
    scenario = first_scenario(app)
    store = SaveStore(tmp_path)
    engine = Engine(scenario)
    play_to_decision(engine)
    engine.choose(engine.available_choices()[0].choice_id)
    monkeypatch.setattr(saves_module, "now_iso", lambda: "2025-03-01T02:00:00+00:00")
    auto = store.write(
        store.autosave_path(scenario.scenario_id),
        engine.state,
        scenario.content_hash,
        slot="autosave",
    )
    play_to_decision(engine)
    engine.choose(engine.available_choices()[0].choice_id)
    monkeypatch.setattr(saves_module, "now_iso", lambda: "2025-03-02T09:30:00+00:00")
    slot = store.write(
        store.slot_path(scenario.scenario_id, "sebelum-rapat"),
        engine.state,
        scenario.content_hash,
        slot="sebelum-rapat",
        mode="assess",
    )
    assert auto.node_id != slot.node_id
    return {"scenario": scenario, "autosave": auto, "slot": slot, "store": store}


def test_load_lists_the_slot_and_the_autosave_newest_first(
    app: App, played: dict[str, Any]
) -> None:
    """Both saves of a real play are listed with title, slot, local time, node and mode."""
    scene = LoadScene(app)
    app.push(scene)
    rows = list(scene.rows.values())
    assert [row.slot for row in rows] == ["sebelum-rapat", ""]  # the slot is the newer
    words = texts(app)
    title = played["scenario"].title.get("id")
    assert words.count(title) == 2
    assert "otomatis" in words and "sebelum-rapat" in words
    for header in (played["autosave"], played["slot"]):
        assert local_time(header.saved_at) in words
        assert header.node_id in words
    assert "Mode: Belajar" in words and "Mode: Penilaian" in words
    assert_fits(app, scene.scroller)
    assert is_rich(draw(app, "gui-load-list"))


@pytest.mark.parametrize("which", ["slot", "autosave"])
def test_loading_a_save_plays_it_at_its_node(app: App, played: dict[str, Any], which: str) -> None:
    """Choosing a row replaces the load screen with the play at the saved node and mode."""
    app.push(LoadScene(app))
    number = 1 if which == "slot" else 2
    app.dispatch(Intent(Action.CHOOSE, number))
    scene = app.stack.top
    header = played[which]
    assert isinstance(scene, PlayScene)
    assert [type(s) for s in app.stack.scenes] == [TitleScene, PlayScene]  # replaced
    assert scene.engine.state.node_id == header.node_id
    assert scene.mode == header.mode
    store, scenario_id = played["store"], played["scenario"].scenario_id
    kept_aside = list(store.autosave_path(scenario_id).parent.glob("*.previous-*.json"))
    # a loaded slot becomes the current play; the other unfinished autosave is kept aside
    assert len(kept_aside) == (1 if which == "slot" else 0)
    assert is_rich(draw(app, f"gui-load-played-{which}"))


def test_load_of_one_scenario_lists_only_its_saves(app: App, played: dict[str, Any]) -> None:
    """Given a scenario, only its saves are listed and its title heads the screen."""
    others = [r.scenario for r in app.scenarios() if r.scenario is not played["scenario"]]
    other = next(s for s in others if s is not None)
    store = played["store"]
    engine = Engine(other)
    store.write(store.slot_path(other.scenario_id, "lain"), engine.state, other.content_hash)
    scene = LoadScene(app, played["scenario"])
    app.push(scene)
    assert {row.scenario.scenario_id for row in scene.rows.values()} == {
        played["scenario"].scenario_id
    }
    assert played["scenario"].title.get("id") in texts(app)
    app.pop()
    everything = LoadScene(app)
    app.push(everything)
    assert "lain" in [row.slot for row in everything.rows.values()]


def test_a_damaged_slot_is_not_loadable_and_does_not_crash(
    app: App, played: dict[str, Any]
) -> None:
    """A damaged slot is listed as not loadable; choosing it shows why and keeps its bytes."""
    store, scenario = played["store"], played["scenario"]
    damaged = store.slot_path(scenario.scenario_id, "rusak")
    damaged.write_text('{"format": "perekat-save", "version": 1, "head', encoding="utf-8")
    scene = LoadScene(app)
    app.push(scene)
    rows = list(scene.rows.items())
    assert rows[-1][1].slot == "rusak" and rows[-1][1].header is None  # unreadable go last
    assert "Tidak dapat dimuat" in texts(app)
    assert is_rich(draw(app, "gui-load-damaged"))
    app.dispatch(Intent(Action.CHOOSE, len(rows)))
    assert app.stack.top is scene
    assert scene.message and "Simpanan ini tidak dapat dimuat" in texts(app)
    assert not damaged.exists()
    assert len(list(damaged.parent.glob("rusak.damaged-*.json"))) == 1  # kept, not deleted
    assert [row.slot for row in scene.rows.values()] == ["sebelum-rapat", ""]
    assert_fits(app, scene.scroller)
    assert is_rich(draw(app, "gui-load-damaged-activated"))


def test_a_save_that_no_longer_fits_its_scenario_is_reported(
    app: App, played: dict[str, Any]
) -> None:
    """A slot whose node is gone from the scenario shows a message instead of a traceback."""
    store, scenario = played["store"], played["scenario"]
    engine = Engine(scenario)
    engine.state.node_id = "simpul-yang-sudah-dihapus"
    store.write(store.slot_path(scenario.scenario_id, "usang"), engine.state, "lama")
    scene = LoadScene(app)
    app.push(scene)
    number = 1 + [row.slot for row in scene.rows.values()].index("usang")
    app.dispatch(Intent(Action.CHOOSE, number))
    assert app.stack.top is scene and "simpul-yang-sudah-dihapus" in scene.message


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_empty_load_screen_says_so(app: App, lang: str) -> None:
    """With nothing saved the screen says so in words, and Esc goes back."""
    app.apply_settings(app.settings.with_changes(lang=lang, text_scale=1.5))
    scene = LoadScene(app)
    app.push(scene)
    assert not scene.rows and app.focus.focused is scene.back
    assert ("Belum ada permainan tersimpan" if lang == "id" else "no saved plays") in texts(app)
    assert_fits(app, None)
    assert is_rich(draw(app, f"gui-load-empty-{lang}"))
    app.dispatch(Intent(Action.BACK))
    assert isinstance(app.stack.top, TitleScene)


def test_load_screen_fits_at_150_in_high_contrast(app: App, played: dict[str, Any]) -> None:
    """At 150% in high contrast the list and its cards stay on the canvas and draw."""
    app.apply_settings(app.settings.with_changes(text_scale=1.5, high_contrast=True, lang="en"))
    scene = LoadScene(app)
    app.push(scene)
    assert "autosave" in texts(app) and "Mode: Assessment" in texts(app)
    assert_fits(app, scene.scroller)
    assert is_rich(draw(app, "gui-load-150-hc"))
