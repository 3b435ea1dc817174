"""The records listener: statements follow the play, through undo, kills and resumes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from game.classroom.recorder import (
    StatementRecorder,
    plan_statements,
    start_recording,
    subscribe_records,
    wanted_facts,
)
from game.core.engine import Engine
from game.core.events import EventBus
from game.core.model import Scenario
from game.core.state import PlayState
from game.persistence import local_disk
from game.persistence.records import RecordStore, StatementRow


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with RecordStore(tmp_path / "saves") as opened:
        yield opened


def verbs(store: RecordStore) -> list[str]:
    return [statement["verb"]["display"]["en-US"] for statement in store.export()]


def play(engine: Engine, *choices: str) -> None:
    for choice_id in choices:
        engine._advance_to_decision()
        engine.choose(choice_id)


def recorded(
    store: RecordStore, scenario: Scenario, engine: Engine, **options: Any
) -> StatementRecorder:
    recorder = start_recording(store, scenario, engine.state, **options)
    engine.bus.subscribe(recorder)
    return recorder


def test_each_choice_is_answered_and_the_ending_completed(
    mini: Scenario, store: RecordStore
) -> None:
    """Two choices to an ending: two answered statements, then one completed, all valid xAPI."""
    engine = Engine(mini)
    recorded(store, mini, engine, session="KELAS-A")
    play(engine, "tolak-halus", "program")
    assert verbs(store) == ["answered", "answered", "completed"]
    for statement in store.export():
        BaseXapiStatement.model_validate(statement)


def test_syncing_again_stores_nothing_new(mini: Scenario, store: RecordStore) -> None:
    """The same state synced twice (an event seen twice, a restart): no duplicate."""
    engine = Engine(mini)
    recorder = recorded(store, mini, engine)
    play(engine, "tolak-halus", "program")
    assert recorder.sync(engine.state) == 0
    assert store.count() == 3


def test_undo_voids_the_answer_and_a_new_answer_gets_a_new_id(
    mini: Scenario, store: RecordStore
) -> None:
    """Undo writes xAPI's voided statement; choosing the same again is a new statement."""
    engine = Engine(mini)
    recorded(store, mini, engine)
    play(engine, "tolak-halus")
    first = next(store.export())
    engine.undo()
    play(engine, "tolak-halus")
    statements = list(store.export())
    assert verbs(store) == ["answered", "voided", "answered"]
    assert statements[1]["object"] == {"objectType": "StatementRef", "id": first["id"]}
    assert statements[2]["id"] != first["id"]
    assert statements[2]["result"] == first["result"]


def test_undo_after_the_ending_voids_the_completion_first(
    mini: Scenario, store: RecordStore
) -> None:
    """Taking back the last choice takes back the ending too: the completion is voided first."""
    engine = Engine(mini)
    recorded(store, mini, engine)
    play(engine, "tolak-halus", "diam")
    engine.undo()
    play(engine, "program")
    statements = list(store.export())
    assert verbs(store) == [
        "answered",
        "answered",
        "completed",
        "voided",
        "voided",
        "answered",
        "completed",
    ]
    assert statements[3]["object"]["id"] == statements[2]["id"]  # the completion, first
    assert statements[4]["object"]["id"] == statements[1]["id"]
    assert statements[6]["result"]["extensions"]["urn:perekat:ext:ending"] == "akhir-baik"


def test_a_kill_after_the_autosave_is_caught_up_on_resume(mini: Scenario, tmp_path: Path) -> None:
    """Choices saved but not recorded (killed in between) are written when the play resumes."""
    engine = Engine(mini)
    with RecordStore(tmp_path) as store:
        recorder = recorded(store, mini, engine)
        play(engine, "tolak-halus")
    engine.bus = EventBus()  # the process died: nothing records the next choice
    play(engine, "program")
    saved = PlayState.from_dict(json.loads(json.dumps(engine.state.to_dict())))
    with RecordStore(tmp_path) as store:
        resumed = start_recording(store, mini, saved, play_id=recorder.registration)
        assert resumed.written == 2
        assert verbs(store) == ["answered", "answered", "completed"]
        ids = [statement["id"] for statement in store.export()]
        assert len(set(ids)) == 3


def test_a_kill_before_the_autosave_voids_the_answer_the_save_lost(
    mini: Scenario, store: RecordStore
) -> None:
    """Recorded but not saved: on resume the save is the truth; the lost answer is voided."""
    engine = Engine(mini)
    recorder = recorded(store, mini, engine)
    saved = PlayState.from_dict(engine.state.to_dict())  # the autosave holds no choice yet
    play(engine, "bagikan")
    resumed = start_recording(store, mini, saved, play_id=recorder.registration)
    engine = Engine(mini, state=saved)
    engine.bus.subscribe(resumed)
    play(engine, "tolak-halus")
    assert verbs(store) == ["answered", "voided", "answered"]
    responses = [s["result"]["response"] for s in store.export() if "result" in s]
    assert responses == ["bagikan", "tolak-halus"]


def test_a_play_without_a_known_id_records_only_what_comes_next(
    mini: Scenario, store: RecordStore
) -> None:
    """A save from before records (or without a play id): its earlier choices are not invented."""
    engine = Engine(mini)
    play(engine, "tolak-halus")
    recorder = recorded(store, mini, engine)
    assert store.count() == 0 and recorder.first_decision == 1
    play(engine, "program")
    statements = list(store.export())
    assert verbs(store) == ["answered", "completed"]
    assert statements[0]["context"]["extensions"]["urn:perekat:ext:decision"] == 2


def test_a_finished_play_without_a_known_id_adds_no_completion(
    mini: Scenario, store: RecordStore
) -> None:
    """Resuming an old finished save records nothing: its play happened before the records."""
    engine = Engine(mini)
    play(engine, "tolak-halus", "program")
    recorded(store, mini, engine)
    assert store.count() == 0


def test_names_appear_only_when_the_session_allows_them(mini: Scenario, store: RecordStore) -> None:
    """The player's name is in no statement until names are turned on for that session."""
    engine = Engine(mini)
    recorded(store, mini, engine, session="KELAS-A", player="Siti Aminah")
    play(engine, "tolak-halus")
    assert "Siti" not in "".join(store.export_lines())
    store.set_names("KELAS-A", True)
    engine = Engine(mini)
    recorded(store, mini, engine, session="KELAS-A", player="Siti Aminah")
    play(engine, "tolak-halus")
    actors = [statement["actor"] for statement in store.export()]
    assert "name" not in actors[0] and actors[-1]["name"] == "Siti Aminah"
    assert actors[0]["account"] == actors[-1]["account"]


def test_a_resumed_play_keeps_its_session_and_pseudonym(mini: Scenario, store: RecordStore) -> None:
    """Resumed under another --session or --player: the records stay with the play's own."""
    engine = Engine(mini)
    first = recorded(store, mini, engine, session="KELAS-A", player="Siti")
    play(engine, "tolak-halus")
    again = start_recording(
        store, mini, engine.state, play_id=first.registration, session="KELAS-B", player="Budi"
    )
    assert again.attempt == first.attempt
    assert again.notes == ["this play belongs to session KELAS-A; its records stay there"]


def test_the_results_file_gets_each_statement_once(
    mini: Scenario, store: RecordStore, tmp_path: Path
) -> None:
    """The class file holds the store's statements, in order, each once, after every commit."""
    results = tmp_path / "results"
    engine = Engine(mini)
    recorder = recorded(store, mini, engine, session="KELAS-A", results_dir=results)
    play(engine, "tolak-halus", "program")
    recorder.sync(engine.state)
    path = results / f"KELAS-A-{recorder.attempt.pseudonym}.jsonl"
    assert path.read_text(encoding="utf-8").splitlines() == list(store.export_lines())


def test_a_torn_line_in_the_results_file_is_left_and_the_statement_rewritten(
    mini: Scenario, tmp_path: Path
) -> None:
    """A kill mid-line: the next start writes that statement again on a line of its own."""
    results = tmp_path / "results"
    engine = Engine(mini)
    with RecordStore(tmp_path / "saves") as store:
        recorder = recorded(store, mini, engine, results_dir=results)
        play(engine, "tolak-halus")
        path = results / f"local-{recorder.attempt.pseudonym}.jsonl"
        line = path.read_text(encoding="utf-8")
        path.write_text(line[: len(line) // 2], encoding="utf-8")
        start_recording(
            store, mini, engine.state, play_id=recorder.registration, results_dir=results
        )
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines == [line[: len(line) // 2], line.rstrip("\n")]


def test_the_plan_voids_everything_after_a_different_choice() -> None:
    """Stored answers a, b, c; the state now says a, x: c and b are voided, x is written."""

    def row(slot: str, fact: str) -> StatementRow:
        return StatementRow(slot, "local", "r", "s", slot.split("/")[0], slot, fact)

    stored = [row("answered/0", "n/a"), row("answered/1", "n/b"), row("answered/2", "n/c")]
    state = PlayState("s", "n", history=[])
    assert wanted_facts(state) == []
    plan = plan_statements(stored, [("answered/0", "n/a"), ("answered/1", "n/x")])
    assert [r.slot for r in plan.void] == ["answered/2", "answered/1"]
    assert plan.write == (("answered/1", "n/x", 1),)


def test_the_window_records_or_says_why_not(
    mini: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """subscribe_records: a local play records; a network share returns the reason, play goes on."""
    engine = Engine(mini)
    assert subscribe_records(engine.bus, tmp_path / "saves", mini, engine.state) is None
    play(engine, "tolak-halus")
    monkeypatch.setattr(local_disk, "network_share", lambda folder: "cifs")
    other = Engine(mini)
    reason = subscribe_records(other.bus, tmp_path / "share", mini, other.state)
    assert reason is not None and "network share (cifs)" in reason
    play(other, "tolak-halus")
    monkeypatch.undo()
    with RecordStore(tmp_path / "saves") as store:
        assert verbs(store) == ["answered"]


def test_a_reflection_is_recorded_once_per_text(mini: Scenario, tmp_path: Path) -> None:
    """engine.reflect: one commented statement per new text, copied to the results file."""
    with RecordStore(tmp_path / "saves") as store:
        engine = Engine(mini)
        recorder = recorded(store, mini, engine, session="KELAS-A", results_dir=tmp_path / "usb")
        play(engine, "tolak-halus", "program")
        assert engine.reflect("Saya akan bertanya dulu.")
        engine.reflect("Saya akan bertanya dulu.")
        assert not engine.reflect("   ")
        engine.reflect("Saya akan mengajak rekan berdiskusi.")
        statements = list(store.export())
    assert verbs_of(statements) == ["answered", "answered", "completed", "commented", "commented"]
    responses = [s["result"]["response"] for s in statements[3:]]
    assert responses == ["Saya akan bertanya dulu.", "Saya akan mengajak rekan berdiskusi."]
    assert len({s["id"] for s in statements}) == 5
    for statement in statements:
        BaseXapiStatement.model_validate(statement)
    [results] = list((tmp_path / "usb").iterdir())
    lines = results.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [s["id"] for s in statements]
    assert recorder.written == 5


def verbs_of(statements: list[dict[str, Any]]) -> list[str]:
    return [statement["verb"]["display"]["en-US"] for statement in statements]
