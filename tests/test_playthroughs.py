"""Golden playthroughs of every shipped scenario, replayed straight and through saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from plans import PLANS, outcome, read_plan, replay
from support import SCENARIOS, load_scenario, shipped_scenarios

from game.core.engine import Engine
from game.persistence.saves import SaveStore

PLAN_FILES = sorted(PLANS.glob("*/*.yaml"))


def test_every_shipped_scenario_has_best_worst_and_mixed_plans() -> None:
    """Each scenario in scenarios/ has the three golden plans."""
    assert shipped_scenarios()
    for path in shipped_scenarios():
        scenario = load_scenario(path)
        names = {p.stem for p in (PLANS / scenario.scenario_id).glob("*.yaml")}
        assert {"best", "worst", "mixed"} <= names, scenario.scenario_id


@pytest.mark.parametrize("plan_path", PLAN_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_plan_replays_to_its_expected_outcome(plan_path: Path) -> None:
    """Replaying the plan's choices gives exactly the blessed outcome."""
    plan = read_plan(plan_path)
    scenario = load_scenario(SCENARIOS / f"{plan['scenario']}.yaml")
    engine = replay(scenario, plan["choices"])
    assert engine.is_finished
    assert outcome(engine) == plan["expect"]


@pytest.mark.parametrize("plan_path", PLAN_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_plan_survives_save_and_load_after_every_choice(plan_path: Path, tmp_path: Path) -> None:
    """Saving and loading after each choice changes nothing about the play."""
    plan = read_plan(plan_path)
    scenario = load_scenario(SCENARIOS / f"{plan['scenario']}.yaml")
    store = SaveStore(tmp_path)
    path = store.slot_path(scenario.scenario_id, "golden")

    def reload(engine: Engine) -> Engine:
        store.write(path, engine.state, scenario.content_hash)
        saved = store.read(path)
        assert saved.state == engine.state
        assert saved.header.node_id == engine.state.node_id
        return Engine(scenario, saved.state)

    engine = replay(scenario, plan["choices"], on_step=reload)
    assert outcome(engine) == plan["expect"]
