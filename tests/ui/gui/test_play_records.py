"""The game window records its plays: learning records from a headless play scene."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from support import FIXTURES, SCENARIOS, load_scenario  # noqa: E402

from game.persistence.records import RecordStore  # noqa: E402
from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui.app import App, Folders  # noqa: E402
from game.ui.gui.scenes.play import PlayScene  # noqa: E402


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    SettingsStore(tmp_path).save(Settings(lang="en", text_speed="instant"))
    application = App(Folders(SCENARIOS, tmp_path))
    yield application
    application.close()


def test_a_window_play_writes_answered_and_completed_statements(app: App, tmp_path: Path) -> None:
    """Choices made in the window land in saves/records.sqlite3 as the PC's individual play."""
    scenario = load_scenario(FIXTURES / "mini.yaml")
    scene = PlayScene(app, scenario, mode="assess")
    scene.engine.choose("tolak-halus")
    scene.engine._advance_to_decision()
    scene.engine.choose("program")
    with RecordStore(tmp_path) as store:
        statements = list(store.export("local"))
    assert [s["verb"]["display"]["en-US"] for s in statements] == [
        "answered",
        "answered",
        "completed",
    ]
    context = statements[0]["context"]
    assert context["language"] == "en-US"
    assert context["extensions"]["urn:perekat:ext:mode"] == "assess"


def test_a_window_play_resumed_from_its_save_goes_on_with_the_same_records(
    app: App, tmp_path: Path
) -> None:
    """The autosave carries the play's records id: a resume adds to that play, not a new one."""
    scenario = load_scenario(FIXTURES / "mini.yaml")
    first = PlayScene(app, scenario, mode="assess")
    first.engine.choose("tolak-halus")
    save = app.saves.read(app.saves.autosave_path(scenario.scenario_id))
    assert save.header.play_id == first.play_id
    again = PlayScene(app, scenario, save=save)
    again.engine._advance_to_decision()
    again.engine.choose("program")
    with RecordStore(tmp_path) as store:
        statements = list(store.export("local"))
    assert {s["context"]["registration"] for s in statements} == {first.play_id}
    assert [s["verb"]["display"]["en-US"] for s in statements] == [
        "answered",
        "answered",
        "completed",
    ]


def test_a_window_play_in_a_class_seat_records_its_session_and_group(
    app: App, tmp_path: Path
) -> None:
    """A seat puts the play in its session and group, and the class results folder gets it."""
    from game.classroom.identity import Seat

    scenario = load_scenario(FIXTURES / "mini.yaml")
    seat = Seat("KELAS-A", "Kelompok 2", ("Siti", "Budi"), results_dir=tmp_path / "hasil")
    scene = PlayScene(app, scenario, mode="learn", seat=seat)
    scene.engine.choose("tolak-halus", rationale="kami sepakat")
    with RecordStore(tmp_path) as store:
        statements = list(store.export("KELAS-A"))
    assert len(statements) == 1
    grouping = statements[0]["context"]["contextActivities"]["grouping"]
    assert grouping[-1]["id"] == "urn:perekat:session:KELAS-A/group/Kelompok%202"
    assert statements[0]["result"]["extensions"]["urn:perekat:ext:rationale"] == "kami sepakat"
    assert len(list((tmp_path / "hasil").glob("KELAS-A-*.jsonl"))) == 1
