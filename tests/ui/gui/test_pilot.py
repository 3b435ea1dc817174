"""A pilot drives the real GUI headless (SDL dummy driver) through whole scenarios by intents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pilot import draw, is_rich, open_app, to_choices
from support import SCENARIOS

from game.persistence.settings import Settings
from game.ui.gui.app import App, Folders
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scenes.library import LibraryScene
from game.ui.gui.scenes.pause import HistoryScene, PauseScene
from game.ui.gui.scenes.play import PlayScene
from game.ui.gui.scenes.report import ReportScene
from game.ui.gui.scenes.title import TitleScene


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    yield from open_app(tmp_path, Settings(text_speed="fast"))


def play_through(app: App, pick: int, limit: int = 200) -> PlayScene:
    """Press keys only: Enter through text and feedback, the number ``pick`` (or 1) at decisions."""
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    for _ in range(limit):
        if isinstance(app.stack.top, ReportScene):
            break
        draw(app)
        if scene.phase == "choosing":
            numbers = [c.number for _, c, _ in scene.choice_cards if c.is_available]
            app.dispatch(Intent(Action.CHOOSE, pick if pick in numbers else numbers[0]))
        else:
            app.dispatch(Intent(Action.CONFIRM))
    return scene


@pytest.mark.parametrize("mode", ["learn", "assess"])
def test_keyboard_only_play_reaches_the_report(app: App, mode: str) -> None:
    """From the title with keys alone: library, a scenario, every decision, the report."""
    app.dispatch(Intent(Action.CHOOSE, 1))  # "new game" is the first entry with no autosave
    assert isinstance(app.stack.top, LibraryScene)
    library = app.stack.top
    target = "learn" if mode == "learn" else "assess"
    for _ in range(10):
        focused = app.focus.focused
        if focused is not None and library.actions[focused][0] == target:
            break
        app.dispatch(Intent(Action.NEXT_FOCUS))
    app.dispatch(Intent(Action.CONFIRM))
    scene = play_through(app, pick=1)
    assert isinstance(app.stack.top, ReportScene)
    result = scene.engine.result()
    assert scene.engine.is_finished and result["tier"] in ("tinggi", "menengah", "dasar", "belum")
    assert scene.mode == mode
    assert app.history.summary()[scene.scenario.scenario_id].plays == 1
    assert is_rich(draw(app, f"report-{mode}"))


def test_best_choices_by_number_give_the_golden_best_outcome(app: App) -> None:
    """Choosing by number follows the engine exactly: the best plan's first choice is option 1."""
    scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
    app.push(PlayScene(app, scenario, mode="assess"))
    scene = play_through(app, pick=1)
    assert (
        scene.engine.state.history[0].choice_id
        == scenario.nodes[scene.engine.state.history[0].node_id].choices[0].choice_id
    )


def test_continue_resumes_the_autosave_from_the_title(app: App, tmp_path: Path) -> None:
    """After one choice and leaving, the title offers Continue and it resumes at the same node."""
    scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
    scene = PlayScene(app, scenario, mode="learn")
    app.push(scene)
    for _ in range(20):
        draw(app)
        if scene.phase == "choosing":
            break
        app.dispatch(Intent(Action.CONFIRM))
    app.dispatch(Intent(Action.CHOOSE, 1))
    node = scene.engine.state.node_id
    app.dispatch(Intent(Action.BACK))  # opens the pause menu
    assert isinstance(app.stack.top, PauseScene)
    app.stack.top.activate("title")
    assert isinstance(app.stack.top, TitleScene)
    app.stack.top.exit()
    app.stack.top.enter()  # rebuilt as when the title is shown again
    app.dispatch(Intent(Action.CHOOSE, 1))  # "continue" is now the first entry
    resumed = app.stack.top
    assert isinstance(resumed, PlayScene) and resumed.engine.state.node_id == node


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("contrast", [False, True])
def test_every_screen_renders_with_content(
    app: App, lang: str, scale: float, contrast: bool
) -> None:
    """Title, library, a chat/post node, choices, feedback and report all draw something real."""
    app.apply_settings(
        app.settings.with_changes(
            lang=lang, text_scale=scale, high_contrast=contrast, text_speed="instant"
        )
    )
    tag = f"{lang}-{int(scale * 100)}{'-hc' if contrast else ''}"
    assert is_rich(draw(app, f"title-{tag}"))
    app.dispatch(Intent(Action.CHOOSE, 1))
    assert is_rich(draw(app, f"library-{tag}"))
    scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
    scene = PlayScene(app, scenario, mode="learn")
    app.push(scene)
    shots = 0
    for _ in range(60):
        draw(app)
        view = scene.view
        if scene.phase == "choosing" and view.presentation is not None and shots < 2:
            assert is_rich(draw(app, f"play-{tag}-{shots}"))
            app.dispatch(Intent(Action.CHOOSE, 1))
            assert is_rich(draw(app, f"feedback-{tag}-{shots}"))
            shots += 1
        elif scene.phase == "choosing":
            app.dispatch(Intent(Action.CHOOSE, 1))
        else:
            app.dispatch(Intent(Action.CONFIRM))
        if isinstance(app.stack.top, ReportScene):
            break
    assert shots >= 1


def test_pause_menu_history_undo_and_slot(app: App) -> None:
    """Esc pauses; history lists the choice; undo returns to the decision; a slot is written."""
    scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
    scene = PlayScene(app, scenario, mode="learn")
    app.push(scene)
    to_choices(app, scene)
    first = scene.engine.state.node_id
    app.dispatch(Intent(Action.CHOOSE, 2))
    app.dispatch(Intent(Action.CONFIRM))  # past the feedback
    draw(app)
    app.dispatch(Intent(Action.BACK))
    pause = app.stack.top
    assert isinstance(pause, PauseScene)
    assert is_rich(draw(app, "pause"))
    pause.activate("history")
    assert isinstance(app.stack.top, HistoryScene)
    chosen = scenario.nodes[first].choices[1].text.get(app.lang)
    assert chosen[:40] in app.stack.top.log.html_text
    assert is_rich(draw(app, "history"))
    app.dispatch(Intent(Action.BACK))
    assert app.stack.top is pause
    pause.entry.set_text("latihan-1")
    pause.save_slot()
    assert app.saves.slot_path(scenario.scenario_id, "latihan-1").is_file()
    pause.activate("undo")
    assert app.stack.top is scene
    assert scene.engine.state.node_id == first and not scene.engine.state.history
    assert scene.phase == "choosing"


def test_undo_is_not_offered_in_assessment_mode(app: App) -> None:
    """The pause menu of an assessment play has no undo entry."""
    scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
    scene = PlayScene(app, scenario, mode="assess")
    app.push(scene)
    to_choices(app, scene)
    app.dispatch(Intent(Action.CHOOSE, 1))
    app.dispatch(Intent(Action.BACK))
    assert isinstance(app.stack.top, PauseScene)
    assert "undo" not in app.stack.top.buttons.values()


def test_long_presentation_scrolls_with_page_keys(app: App) -> None:
    """A letter taller than its place scrolls with Page Down and back with Page Up."""
    scenario = next(
        r.scenario
        for r in app.scenarios()
        if r.scenario is not None and r.scenario.scenario_id == "netralitas-pemilu"
    )
    scene = PlayScene(app, scenario, mode="learn", start_at="rapat-bidang")
    app.push(scene)
    draw(app)
    app.dispatch(Intent(Action.PAGE_DOWN))
    draw(app, "scrolled-letter")
    assert scene.stage.offset > 0
    app.dispatch(Intent(Action.PAGE_UP, 9))
    assert scene.stage.offset == 0


@pytest.mark.parametrize("reduced", [False, True])
def test_reduced_motion_turns_fades_into_cuts(app: App, reduced: bool) -> None:
    """Moving to the next node cross-fades, unless reduced motion is on."""
    app.apply_settings(app.settings.with_changes(reduced_motion=reduced))
    scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
    scene = PlayScene(app, scenario, mode="assess")
    app.push(scene)
    to_choices(app, scene)
    app.dispatch(Intent(Action.CHOOSE, 1))
    assert (scene.fade is None) is reduced
    assert scene.is_animating or reduced


def test_a_failing_screen_shows_the_error_screen_and_logs_it(app: App) -> None:
    """An exception inside a screen is logged with its traceback; the game goes on."""
    from game.ui.gui.scenes.error import ErrorScene

    class Broken(TitleScene):
        def update(self, seconds: float) -> None:
            raise RuntimeError("boom")

    app.push(Broken(app))
    app.run(frames=2)
    assert isinstance(app.stack.top, ErrorScene)
    assert "RuntimeError: boom" in app.log_path.read_text(encoding="utf-8")
    assert is_rich(draw(app, "error"))
    app.dispatch(Intent(Action.CONFIRM))
    assert isinstance(app.stack.top, TitleScene)


def test_f5_reloads_the_scenario_and_keeps_the_place(tmp_path: Path) -> None:
    """Writers edit the file and press F5: new text, same node; a broken edit is reported."""
    import shutil

    folder = tmp_path / "scenarios"
    folder.mkdir()
    copy = folder / "hoaks-viral.yaml"
    shutil.copy(SCENARIOS / "hoaks-viral.yaml", copy)
    application = App(Folders(folder, tmp_path / "saves"))
    try:
        application.push(TitleScene(application))
        scenario = application.scenarios()[0].scenario
        assert scenario is not None
        scene = PlayScene(application, scenario, mode="learn")
        application.push(scene)
        to_choices(application, scene)
        node = scene.engine.state.node_id
        original = copy.read_text(encoding="utf-8")
        copy.write_text(
            original.replace("Pak Hendra meneruskan", "PAK HENDRA MENERUSKAN"), encoding="utf-8"
        )
        application.dispatch(Intent(Action.RELOAD))
        assert scene.engine.state.node_id == node
        assert "PAK HENDRA" in scene.view.text or "PAK HENDRA" in str(scene.view.presentation)
        copy.write_text(original.replace("format: 1", "format: 1\nformat: 1", 1), encoding="utf-8")
        application.dispatch(Intent(Action.RELOAD))
        assert scene.notice.startswith("SCN003")
        assert scene.engine.state.node_id == node
    finally:
        application.close()
