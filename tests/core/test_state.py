"""PlayState's plain-dict round trip and its refusal of malformed data."""

from __future__ import annotations

import json

import pytest

from game.core.state import DecisionRecord, PlayState
from game.errors import StateError


def sample() -> PlayState:
    return PlayState(
        "s",
        "b",
        {"n": 1, "f": True, "t": "x"},
        ["a", "b"],
        ["a", "b"],
        [DecisionRecord("a", "c", (("recognize", 5),), ("rule", "ringan"))],
        None,
    )


def test_state_round_trips_through_json() -> None:
    """to_dict -> JSON -> from_dict gives an equal state."""
    state = sample()
    assert PlayState.from_dict(json.loads(json.dumps(state.to_dict()))) == state


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("node"),
        lambda d: d.__setitem__("variables", {"n": [1]}),
        lambda d: d.__setitem__("visited", "a"),
        lambda d: d.__setitem__("history", [{"node": "a"}]),
        lambda d: d.__setitem__("history", [{"node": "a", "choice": "c", "ratings": {"x": "5"}}]),
        lambda d: d.__setitem__(
            "history", [{"node": "a", "choice": "c", "violation": {"rule": 1}}]
        ),
        lambda d: d.__setitem__("ending", 3),
    ],
)
def test_malformed_state_is_refused(damage: object) -> None:
    """Each kind of damage raises StateError, never a TypeError or KeyError."""
    data = sample().to_dict()
    damage(data)  # type: ignore[operator]
    with pytest.raises(StateError):
        PlayState.from_dict(data)


def test_state_that_is_not_an_object_is_refused() -> None:
    """A list or string is not a state."""
    with pytest.raises(StateError):
        PlayState.from_dict([1, 2])


@pytest.mark.parametrize(
    "history",
    [
        [{"node": "a", "choice": "c", "ratings": {"empathy": 3}}],
        [{"node": "a", "choice": "c", "ratings": {"recognize": 9}}],
        [{"node": "a", "choice": "c", "ratings": {}, "violation": {"rule": "r", "severity": "x"}}],
    ],
)
def test_history_values_outside_the_rules_are_refused(history: list[object]) -> None:
    """Unknown competencies, ratings outside 1..5 and unknown severities are damage."""
    data = sample().to_dict()
    data["history"] = history
    with pytest.raises(StateError):
        PlayState.from_dict(data)
