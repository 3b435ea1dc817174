"""History of finished plays: append, summarise, survive damage."""

from __future__ import annotations

from pathlib import Path

from game.core.events import ReflectionWritten
from game.core.state import PlayState
from game.persistence.history import History, HistoryRecorder, ScenarioHistory


def test_summary_counts_plays_and_keeps_the_best_tier(tmp_path: Path) -> None:
    """Three plays of one scenario: count 3, best tier the highest reached."""
    history = History(tmp_path)
    for tier in ("dasar", "tinggi", "belum"):
        history.append({"scenario": "a", "tier": tier})
    history.append({"scenario": "b", "tier": "menengah"}, mode="assess")
    assert history.summary() == {
        "a": ScenarioHistory(3, "tinggi"),
        "b": ScenarioHistory(1, "menengah"),
    }
    assert history.results()[-1]["mode"] == "assess"


def test_damaged_lines_are_skipped(tmp_path: Path) -> None:
    """A truncated last line (a crash mid-write) does not hide the others."""
    history = History(tmp_path)
    history.append({"scenario": "a", "tier": "dasar"})
    with history.path.open("a", encoding="utf-8") as stream:
        stream.write('{"scenario": "a", "ti')
    assert history.summary() == {"a": ScenarioHistory(1, "dasar")}


def test_reflections_are_kept_apart_from_results(tmp_path: Path) -> None:
    """A reflection is stored with the scenario and never counts as a play."""
    history = History(tmp_path)
    history.append({"scenario": "a", "tier": "dasar"})
    history.append_reflection("a", "Saya akan mengecek sumber sebelum meneruskan pesan.")
    assert history.summary() == {"a": ScenarioHistory(1, "dasar")}
    assert history.reflections("a") == ["Saya akan mengecek sumber sebelum meneruskan pesan."]


def test_the_history_listener_keeps_a_reflection_the_engine_publishes(tmp_path: Path) -> None:
    """ReflectionWritten on the bus: the reflection lands beside the play's scenario."""
    history = History(tmp_path)
    state = PlayState(scenario_id="a", node_id="akhir")
    HistoryRecorder(history)(ReflectionWritten("Saya akan bertanya dulu.", state))
    assert history.reflections("a") == ["Saya akan bertanya dulu."]
    assert history.results() == []
