"""Hypothesis random walks through every shipped scenario: no crash, results in bounds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES, load_scenario, shipped_scenarios

from game.core.engine import Engine
from game.core.model import COMPETENCIES, Scenario
from game.core.scoring import TIERS
from game.core.state import PlayState

SCENARIO_PATHS = [*shipped_scenarios(), FIXTURES / "mini.yaml"]
MAX_STEPS = 400


def walk(scenario: Scenario, data: st.DataObject) -> Engine:
    engine = Engine(scenario)
    for _ in range(MAX_STEPS):
        if engine.is_finished:
            break
        view = engine.current()
        if view.kind == "step":
            engine.advance()
            continue
        available = view.available
        assert available, f"dead end at {view.node_id}"
        if data.draw(st.integers(0, 9)) == 0 and engine.state.history:
            engine.undo()
            continue
        picked = data.draw(st.sampled_from(available))
        engine.choose(picked.choice_id)
        # the state must survive a JSON round trip at every step
        restored = PlayState.from_dict(json.loads(json.dumps(engine.state.to_dict())))
        assert restored == engine.state
        engine = Engine(scenario, restored)
    return engine


@pytest.mark.parametrize("path", SCENARIO_PATHS, ids=lambda p: p.stem)
def test_random_walks_never_crash_and_stay_in_bounds(path: Path) -> None:
    """Any sequence of available choices (with undos) plays within the rules."""
    scenario = load_scenario(path)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def check(data: st.DataObject) -> None:
        engine = walk(scenario, data)
        result = engine.result()
        assert result["tier"] in TIERS
        for name in COMPETENCIES:
            value = result["competencies"][name]
            assert value is None or 1.0 <= value <= 5.0
        assert result["path"][0] == scenario.start
        assert all(node in scenario.nodes for node in result["path"])
        assert len(result["choices"]) == len(engine.state.history)
        for violation in result["violations"]:
            assert violation["severity"] in ("moral", "ringan", "sedang", "berat")
        if engine.is_finished:
            assert scenario.nodes[result["ending"]].ending is not None
            assert result["path"][-1] == result["ending"]

    check()
