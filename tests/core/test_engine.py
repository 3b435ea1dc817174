"""The engine's pull API: views, choosing, locks, effects, steps, endings, undo, events.

Every play-through test runs twice: once straight, once reloading the state from
JSON after every step (as ink runs its suite), so state round trips are held too.
"""

from __future__ import annotations

import json
from dataclasses import replace
from types import MappingProxyType

import pytest

from game.core.engine import Engine, fit_state
from game.core.events import ChoiceMade, ChoiceUndone, NodeEntered, PlayEnded
from game.core.model import Choice, Node, Scenario, Text
from game.core.state import PlayState
from game.errors import (
    DeadEndError,
    LockedChoiceError,
    NothingToUndoError,
    PlayFinishedError,
    StateError,
    UnknownChoiceError,
)


class Driver:
    """Drives an engine; with ``reload`` it rebuilds the engine from JSON after each move."""

    def __init__(self, scenario: Scenario, reload: bool) -> None:
        self.engine = Engine(scenario)
        self.reload = reload

    def _maybe_reload(self) -> None:
        if self.reload:
            data = json.loads(json.dumps(self.engine.state.to_dict()))
            self.engine = Engine(self.engine.scenario, PlayState.from_dict(data))

    def choose(self, choice_id: str) -> None:
        self.engine.choose(choice_id)
        self._maybe_reload()

    def advance(self) -> None:
        self.engine.advance()
        self._maybe_reload()


@pytest.fixture(params=[False, True], ids=["straight", "reloaded"])
def reload(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_new_play_starts_at_start_and_marks_it_visited(mini: Scenario) -> None:
    """The first node is entered: on the path and visited."""
    engine = Engine(mini)
    assert engine.state.node_id == "pagi"
    assert engine.state.path == ["pagi"] and engine.state.visited == ["pagi"]
    assert engine.current().kind == "decision"


def test_locked_choice_is_shown_with_reason_when_node_shows_locked(mini: Scenario) -> None:
    """show_locked: the false-condition choice is listed, flagged, with a reason."""
    view = Engine(mini, lang="en").current()
    locked = [c for c in view.choices if not c.is_available]
    assert [c.choice_id for c in locked] == ["lapor"]
    assert locked[0].locked_reason == "Needs: kepercayaan >= 1 (now kepercayaan = 0)"
    assert [c.number for c in view.choices] == [1, 2, 3]


def test_choose_locked_choice_is_refused(mini: Scenario) -> None:
    """A locked choice raises with its reason and changes nothing."""
    engine = Engine(mini)
    with pytest.raises(LockedChoiceError) as caught:
        engine.choose("lapor")
    assert "kepercayaan" in caught.value.reason
    assert engine.state.history == [] and engine.state.node_id == "pagi"


def test_hidden_locked_choice_is_not_listed_and_reads_as_unknown(mini: Scenario) -> None:
    """Without show_locked a false choice is not offered, and choosing it says unknown."""
    engine = Engine(mini)
    engine.choose("bagikan")
    engine.advance()
    view = engine.current()
    assert "program" not in [c.choice_id for c in view.choices]
    with pytest.raises(UnknownChoiceError):
        engine.choose("program")


def test_choose_unknown_choice_is_refused(mini: Scenario) -> None:
    """An id the node does not have raises UnknownChoiceError."""
    with pytest.raises(UnknownChoiceError):
        Engine(mini).choose("nope")


def test_choose_applies_set_then_add_and_records_ratings(mini: Scenario, reload: bool) -> None:
    """Effects change variables; the record carries ratings and the violation."""
    driver = Driver(mini, reload)
    driver.choose("bagikan")
    state = driver.engine.state
    assert state.variables["sikap"] == "memihak"
    record = state.history[-1]
    assert dict(record.ratings) == {"recognize": 1, "tolerate": 1}
    assert record.violation == ("PP 94/2021 Pasal 5 huruf n", "berat")


def test_set_happens_before_add() -> None:
    """A choice that sets and adds the same variable ends with set + add."""
    from game.core.effects import apply_effects
    from game.core.model import AddEffect, SetEffect

    choice = Choice("c", Text.of("x"), "n", sets=(SetEffect("n", 10),), adds=(AddEffect("n", 2),))
    variables: dict[str, int | bool | str] = {"n": 0}
    apply_effects(choice, variables)
    assert variables["n"] == 12


def test_add_unlocks_a_choice(mini: Scenario, reload: bool) -> None:
    """After kepercayaan rises, the locked report option becomes available."""
    driver = Driver(mini, reload)
    driver.choose("tolak-halus")
    driver.advance()
    driver.choose("ulang")
    view = driver.engine.current()
    assert [c.choice_id for c in view.available] == ["tolak-halus", "bagikan", "lapor"]


def test_step_node_advances_to_next(mini: Scenario, reload: bool) -> None:
    """A linear step goes on to its next node with advance()."""
    driver = Driver(mini, reload)
    driver.choose("tolak-halus")
    assert driver.engine.current().kind == "step"
    driver.advance()
    assert driver.engine.state.node_id == "usul"


def test_advance_on_a_decision_is_refused(mini: Scenario) -> None:
    """advance() only moves linear steps."""
    with pytest.raises(UnknownChoiceError):
        Engine(mini).advance()


def test_play_reaches_ending_and_result_matches(mini: Scenario, reload: bool) -> None:
    """A full play gives the documented result object."""
    driver = Driver(mini, reload)
    driver.choose("tolak-halus")
    driver.advance()
    driver.choose("program")
    engine = driver.engine
    assert engine.is_finished
    assert engine.result() == {
        "scenario": "mini",
        "ending": "akhir-baik",
        "path": ["pagi", "rapat", "usul", "akhir-baik"],
        "choices": ["pagi/tolak-halus", "usul/program"],
        "competencies": {"recognize": 5.0, "tolerate": 4.0, "leverage": 5.0},
        "tier": "tinggi",
        "violations": [],
    }
    with pytest.raises(PlayFinishedError):
        engine.choose("program")


def test_loop_counts_a_decision_again(mini: Scenario, reload: bool) -> None:
    """Entering a node again is a new decision; its ratings count again."""
    driver = Driver(mini, reload)
    for choice in ("bagikan", None, "ulang", "tolak-halus", None, "diam"):
        if choice is None:
            driver.advance()
        else:
            driver.choose(choice)
    result = driver.engine.result()
    assert result["path"].count("pagi") == 2
    assert result["competencies"] == {"recognize": 3.0, "tolerate": 2.5, "leverage": 2.0}
    assert result["tier"] == "belum" and result["ending"] == "akhir-buruk"
    assert len(result["violations"]) == 1


def test_visited_condition_sees_earlier_nodes(mini: Scenario) -> None:
    """visited() is true for nodes entered before in this play."""
    engine = Engine(mini)
    assert engine.state.visited == ["pagi"]
    engine.choose("tolak-halus")
    engine.advance()
    assert "ulang" in [c.choice_id for c in engine.current().available]


def test_undo_returns_to_the_decision_and_restores_everything(mini: Scenario) -> None:
    """Undo takes back the last choice: node, variables, history, path and visited."""
    engine = Engine(mini)
    before = engine.state.to_dict()
    engine.choose("tolak-halus")
    engine.advance()
    engine.choose("ulang")
    undone = engine.undo()
    assert undone.choice_id == "ulang"
    assert engine.state.node_id == "usul"
    engine.undo()
    assert engine.state.to_dict() == before


def test_undo_with_no_choice_is_refused(mini: Scenario) -> None:
    """Nothing to undo at the very start."""
    with pytest.raises(NothingToUndoError):
        Engine(mini).undo()


def test_undo_after_the_ending_reopens_the_play(mini: Scenario) -> None:
    """Undo of the final choice leaves the ending and the play can go on."""
    engine = Engine(mini)
    engine.choose("tolak-halus")
    engine.advance()
    engine.choose("diam")
    assert engine.is_finished
    engine.undo()
    assert not engine.is_finished and engine.state.node_id == "usul"


def test_events_are_published_in_order(mini: Scenario) -> None:
    """ChoiceMade, then NodeEntered, then PlayEnded at an ending; undo publishes ChoiceUndone."""
    engine = Engine(mini)
    seen: list[str] = []
    engine.bus.subscribe(lambda event: seen.append(type(event).__name__))
    engine.choose("tolak-halus")
    engine.advance()
    engine.choose("program")
    engine.undo()
    assert seen == [
        ChoiceMade.__name__,
        NodeEntered.__name__,
        NodeEntered.__name__,
        ChoiceMade.__name__,
        NodeEntered.__name__,
        PlayEnded.__name__,
        ChoiceUndone.__name__,
    ]


def test_unsubscribe_stops_delivery(mini: Scenario) -> None:
    """The function subscribe returns removes the handler."""
    engine = Engine(mini)
    seen: list[object] = []
    stop = engine.bus.subscribe(seen.append)
    stop()
    engine.choose("tolak-halus")
    assert seen == []


def test_dead_end_is_a_runtime_error_naming_scenario_and_node(mini: Scenario) -> None:
    """A decision with no available choice raises DeadEndError."""
    usul = mini.nodes["usul"]
    locked = tuple(
        replace(c, condition=mini.nodes["pagi"].choices[2].condition) for c in usul.choices
    )
    nodes = dict(mini.nodes)
    nodes["usul"] = replace(usul, choices=locked)
    broken = replace(mini, nodes=MappingProxyType(nodes))
    engine = Engine(broken)
    engine.choose("bagikan")
    with pytest.raises(DeadEndError, match="mini.*usul"):
        engine.advance()


def test_start_at_begins_anywhere(mini: Scenario) -> None:
    """Writers can start at any node; an unknown one is refused."""
    assert Engine(mini, start_at="usul").state.path == ["usul"]
    with pytest.raises(StateError):
        Engine(mini, start_at="nowhere")


def test_fit_state_adapts_variables_and_refuses_missing_node(mini: Scenario) -> None:
    """Resuming drops undeclared variables, adds new ones, refuses a vanished node."""
    state = Engine(mini).state
    state.variables = {"kepercayaan": "wrong type", "old": 1}
    notes = fit_state(mini, state)
    assert state.variables == {"kepercayaan": 0, "melapor": False, "sikap": "netral"}
    assert len(notes) == 4
    state.node_id = "gone"
    with pytest.raises(StateError, match="gone"):
        fit_state(mini, state)


def test_fit_state_refuses_another_scenarios_state(mini: Scenario) -> None:
    """A state for another scenario id is refused."""
    state = PlayState("other", "pagi")
    with pytest.raises(StateError):
        Engine(mini, state)


def test_view_texts_fall_back_to_indonesian(mini: Scenario) -> None:
    """A language the text lacks shows Indonesian."""
    node = Node("n", Text.of("Hanya Indonesia"))
    assert node.text.get("en") == "Hanya Indonesia"
    assert Engine(mini, lang="fr").current().text == mini.nodes["pagi"].text.get("id")


def test_shown_numbers_win_over_numeric_choice_ids(mini: Scenario) -> None:
    """A choice whose id is a digit cannot shadow the number shown for another choice."""
    node = mini.nodes["pagi"]
    renamed = tuple(replace(c, choice_id=str(i + 2)) for i, c in enumerate(node.choices))
    nodes = dict(mini.nodes)
    nodes["pagi"] = replace(node, choices=renamed)
    view = Engine(replace(mini, nodes=MappingProxyType(nodes))).current()
    # ids are "2", "3", "4"; the shown numbers are 1, 2, 3
    picked = view.find("2")
    assert picked is not None and picked.number == 2 and picked.choice_id == "3"
    by_id = view.find("4")
    assert by_id is not None and by_id.choice_id == "4"


def test_undo_that_cannot_be_replayed_is_refused(mini: Scenario) -> None:
    """When the scenario changed under a play, undo raises UndoImpossibleError and keeps state."""
    from game.errors import UndoImpossibleError

    engine = Engine(mini)
    engine.choose("tolak-halus")
    engine.advance()
    engine.choose("ulang")
    pagi = mini.nodes["pagi"]
    moved = tuple(
        replace(c, goto="akhir-baik") if c.choice_id == "tolak-halus" else c for c in pagi.choices
    )
    nodes = dict(mini.nodes)
    nodes["pagi"] = replace(pagi, choices=moved)
    changed = Engine(replace(mini, nodes=MappingProxyType(nodes)), engine.state)
    before = changed.state.to_dict()
    with pytest.raises(UndoImpossibleError):
        changed.undo()
    assert changed.state.to_dict() == before
