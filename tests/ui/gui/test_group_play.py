"""Group mode in the window: the group's setup form, its reasons at each choice, a loaded play."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pilot import draw, open_app, to_choices, type_text
from support import FIXTURES, load_scenario

from game.classroom.identity import Seat
from game.persistence.records import RecordStore
from game.persistence.settings import Settings
from game.ui.gui.app import App
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scenes.group_setup import GroupSetupScene
from game.ui.gui.scenes.pause import PauseScene
from game.ui.gui.scenes.play import PlayScene
from game.ui.gui.scenes.rationale import RationaleScene
from game.ui.gui.scenes.report import ReportScene
from game.ui.gui.scenes.title import TitleScene

RATIONALE = "urn:perekat:ext:rationale"
SEAT = Seat("KELAS-A", "Kelompok 2", ("Siti", "Budi"))


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    yield from open_app(tmp_path, Settings(lang="en", text_speed="instant"))


def answers(tmp_path: Path) -> list[dict[str, Any]]:
    with RecordStore(tmp_path) as store:
        statements = list(store.export("KELAS-A"))
    return [s for s in statements if s["verb"]["display"]["en-US"] == "answered"]


def group_play(app: App, seat: Seat = SEAT) -> PlayScene:
    scene = PlayScene(app, load_scenario(FIXTURES / "mini.yaml"), mode="learn", seat=seat)
    app.push(scene)
    to_choices(app, scene)
    return scene


def test_group_setup_shows_what_is_wrong_under_each_field(app: App) -> None:
    """A malformed code and an empty group name are refused, in words; no play starts."""
    setup = GroupSetupScene(app)
    app.push(setup)
    setup.entries["code"].set_text("a b")
    setup.entries["members"].set_text("Siti")
    setup.start()
    draw(app)
    assert app.stack.top is setup
    assert "session code 'a b' is not allowed" in setup.errors["code"]
    assert setup.errors["group"] == "Required."
    assert "members" not in setup.errors
    shown = " ".join(getattr(widget, "html_text", "") for widget in setup.widgets)
    assert "session code &#x27;a b&#x27; is not allowed" in shown and "Required." in shown
    assert setup.entries["code"].get_text() == "a b"  # what was typed stays


def test_group_setup_starts_the_play_in_the_group_s_seat(app: App, tmp_path: Path) -> None:
    """Start: the play of the picked scenario and mode, in the session, group and members typed."""
    setup = GroupSetupScene(app)
    app.push(setup)
    setup.entries["code"].set_text("kelas-a")
    setup.entries["group"].set_text("  Kelompok   2 ")
    setup.entries["members"].set_text("Siti\nBudi, Ani\n")
    setup.entries["results"].set_text(str(tmp_path / "hasil"))
    mode_button = next(b for b, name in setup.cyclers.items() if name == "mode")
    app.focus.focus(mode_button)
    app.dispatch(Intent(Action.RIGHT))  # learn -> assess
    app.dispatch(Intent(Action.NEXT_FOCUS))  # results folder
    app.dispatch(Intent(Action.NEXT_FOCUS))  # Start
    app.dispatch(Intent(Action.CONFIRM))
    play = app.stack.top
    assert isinstance(play, PlayScene)
    assert play.seat == Seat(
        "KELAS-A", "Kelompok 2", ("Siti", "Budi", "Ani"), results_dir=tmp_path / "hasil"
    )
    assert play.mode == "assess"
    assert play.scenario is setup.scenarios[0]
    assert isinstance(app.stack.scenes[-2], TitleScene)  # the form was replaced


def test_choosing_in_a_group_play_asks_for_the_reason_first(app: App, tmp_path: Path) -> None:
    """The choice opens the reason box; Save & continue makes it, its statement carries the text."""
    play = group_play(app)
    app.dispatch(Intent(Action.CHOOSE, 1))
    box = app.stack.top
    assert isinstance(box, RationaleScene)
    assert not play.engine.state.history
    draw(app)
    type_text(app, "Kami sepakat")
    app.dispatch(Intent(Action.NEXT_FOCUS))  # Save & continue
    app.dispatch(Intent(Action.CONFIRM))
    assert app.stack.top is play
    assert play.phase == "feedback"  # learning mode goes on as usual
    [record] = play.engine.state.history
    assert record.rationale == "Kami sepakat"
    [answer] = answers(tmp_path)
    assert answer["result"]["extensions"][RATIONALE] == "Kami sepakat"
    assert answer["context"]["extensions"]["urn:perekat:ext:member-count"] == 2


def test_skipping_the_reason_records_none_and_escape_chooses_nothing(
    app: App, tmp_path: Path
) -> None:
    """Esc goes back to the choices with nothing chosen; Skip makes the choice without a reason."""
    play = group_play(app)
    app.dispatch(Intent(Action.CHOOSE, 1))
    type_text(app, "tidak jadi")
    app.dispatch(Intent(Action.BACK))
    assert app.stack.top is play and not play.engine.state.history
    draw(app)
    assert play.phase == "choosing"
    app.dispatch(Intent(Action.CHOOSE, 1))
    box = app.stack.top
    assert isinstance(box, RationaleScene)
    skip = next(button for button, key in box.buttons.items() if key == "skip")
    box.activate(skip)
    [record] = play.engine.state.history
    assert record.rationale == ""
    [answer] = answers(tmp_path)
    assert RATIONALE not in answer["result"].get("extensions", {})


def test_an_individual_play_never_asks_for_a_reason(app: App) -> None:
    """No seat, or a class seat without a group: the choice is made at once."""
    for seat in (None, Seat("KELAS-A")):
        play = PlayScene(app, load_scenario(FIXTURES / "mini.yaml"), mode="assess", seat=seat)
        app.push(play)
        to_choices(app, play)
        app.dispatch(Intent(Action.CHOOSE, 1))
        assert app.stack.top is play and len(play.engine.state.history) == 1
        app.pop()


def test_a_group_play_loaded_from_its_save_asks_again(app: App, tmp_path: Path) -> None:
    """The save's play id finds the group in the records: the loaded play is the group's."""
    play = group_play(app)
    app.dispatch(Intent(Action.CHOOSE, 1))
    box = app.stack.top
    assert isinstance(box, RationaleScene)
    box.finish("save")  # nothing typed: no reason
    app.pop()  # leave the play
    save = app.saves.read(app.saves.autosave_path(play.scenario.scenario_id))
    loaded = PlayScene(app, play.scenario, save=save)
    assert loaded.seat == Seat("KELAS-A", "Kelompok 2", ("Siti", "Budi"))
    app.push(loaded)
    to_choices(app, loaded)
    app.dispatch(Intent(Action.CHOOSE, 1))
    assert isinstance(app.stack.top, RationaleScene)
    type_text(app, "lagi")
    app.dispatch(Intent(Action.NEXT_FOCUS))
    app.dispatch(Intent(Action.CONFIRM))
    assert [record.rationale for record in loaded.engine.state.history] == ["", "lagi"]
    assert {a["context"]["registration"] for a in answers(tmp_path)} == {play.play_id}


def test_the_window_s_command_line_seats_a_group_play(tmp_path: Path) -> None:
    """play --ui gui --session --group --members: the window's play is recorded in that seat."""
    from game.cli import main

    code = main(
        [
            "play", str(FIXTURES / "mini.yaml"), "--ui", "gui", "--frames", "2",
            "--saves-dir", str(tmp_path), "--session", "kelas-a", "--group", "Tim 3",
            "--members", "Siti, Budi",
        ]
    )  # fmt: skip
    assert code == 0
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(tmp_path / "records.sqlite3")) as db:
        [(play_id,)] = db.execute("SELECT registration FROM plays").fetchall()
    with RecordStore(tmp_path) as store:
        row = store.play(play_id)
    assert row is not None
    assert (row.session, row.group, row.members) == ("KELAS-A", "Tim 3", ("Siti", "Budi"))


def test_a_class_play_loaded_from_a_save_writes_on_to_its_results_folder(
    app: App, tmp_path: Path
) -> None:
    """The autosave and a named save keep the class results folder: a play loaded from either
    sends the rest of its statements there too."""
    folder = tmp_path / "usb"
    play = group_play(app, Seat("KELAS-A", "Kelompok 2", ("Siti", "Budi"), results_dir=folder))
    app.dispatch(Intent(Action.CHOOSE, 1))
    box = app.stack.top
    assert isinstance(box, RationaleScene)
    box.finish("save")
    app.push(PauseScene(app, play))
    pause = app.stack.top
    assert isinstance(pause, PauseScene)
    pause.entry.set_text("kelas")
    pause.save_slot()
    app.pop()
    app.pop()  # leave the play
    for path in (
        app.saves.autosave_path(play.scenario.scenario_id),
        app.saves.slot_path(play.scenario.scenario_id, "kelas"),
    ):
        save = app.saves.read(path)
        assert save.header.results_dir == str(folder) and save.header.play_id == play.play_id
        loaded = PlayScene(app, play.scenario, save=save)
        assert loaded.seat is not None and loaded.seat.results_dir == folder
    app.push(loaded)
    to_choices(app, loaded)
    app.dispatch(Intent(Action.CHOOSE, 1))
    box = app.stack.top
    assert isinstance(box, RationaleScene)
    box.finish("save")
    [results] = list(folder.iterdir())
    statements = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    verbs = [item["verb"]["id"].rsplit("/", 1)[1] for item in statements]
    assert verbs.count("answered") == 2


def test_the_end_of_play_review_shows_the_group_s_reasons(app: App) -> None:
    """Each decision in the report's review carries the reason the group typed with it."""
    play = group_play(app)
    app.dispatch(Intent(Action.CHOOSE, 1))
    box = app.stack.top
    assert isinstance(box, RationaleScene)
    type_text(app, "Kami <sepakat>")
    app.dispatch(Intent(Action.NEXT_FOCUS))
    app.dispatch(Intent(Action.CONFIRM))
    report = ReportScene(app, play.scenario, play.engine, play.mode)
    app.push(report)
    draw(app, "report-group-reason")
    assert "The group's reason: <i>Kami &lt;sepakat&gt;</i>" in report._review()  # app in English
