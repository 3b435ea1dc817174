"""Golden playthroughs of every shipped scenario, replayed straight and through saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT, SCENARIOS, load_scenario, shipped_scenarios

from game.core.engine import Engine
from game.persistence.plans import (
    Plan,
    differences,
    expected_outcome,
    plan_of,
    plan_text,
    read_plan,
    replay,
)
from game.persistence.saves import SaveStore

PLANS = ROOT / "tests" / "playthroughs"
PLAN_FILES = sorted(PLANS.glob("*/*.yaml"))


def assert_same_outcome(plan: Plan, engine: Engine) -> None:
    """Fail with one readable line per changed part of the outcome."""
    changed = differences(plan.expect, expected_outcome(engine.state))
    assert not changed, "the outcome changed:\n  " + "\n  ".join(changed)


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
    scenario = load_scenario(SCENARIOS / f"{plan.scenario_id}.yaml")
    engine = replay(scenario, plan)
    assert engine.is_finished
    assert_same_outcome(plan, engine)


@pytest.mark.parametrize("plan_path", PLAN_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_plan_survives_save_and_load_after_every_choice(plan_path: Path, tmp_path: Path) -> None:
    """Saving and loading after each choice changes nothing about the play."""
    plan = read_plan(plan_path)
    scenario = load_scenario(SCENARIOS / f"{plan.scenario_id}.yaml")
    store = SaveStore(tmp_path)
    path = store.slot_path(scenario.scenario_id, "golden")

    def reload(engine: Engine) -> Engine:
        store.write(path, engine.state, scenario.content_hash)
        saved = store.read(path)
        assert saved.state == engine.state
        assert saved.header.node_id == engine.state.node_id
        return Engine(scenario, saved.state)

    engine = replay(scenario, plan, on_step=reload)
    assert_same_outcome(plan, engine)


def test_a_changed_outcome_reads_as_a_diff() -> None:
    """A plan whose ending and an average no longer match names both, expected and got."""
    plan = read_plan(PLAN_FILES[0])
    scenario = load_scenario(SCENARIOS / f"{plan.scenario_id}.yaml")
    actual = expected_outcome(replay(scenario, plan).state)
    stale = dict(plan.expect, ending="akhir-lama", competencies={**actual["competencies"]})
    name = next(iter(stale["competencies"]))
    stale["competencies"][name] = 1.5
    changed = differences(stale, actual)
    assert changed == [
        f"ending: expected 'akhir-lama', got {actual['ending']!r}",
        f"competencies.{name}: expected 1.5, got {actual['competencies'][name]}",
    ]


@pytest.mark.parametrize("plan_path", PLAN_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_recording_a_replayed_plan_gives_the_same_plan(plan_path: Path, tmp_path: Path) -> None:
    """plan_of a replayed play writes back the same choices and expectations."""
    plan = read_plan(plan_path)
    scenario = load_scenario(SCENARIOS / f"{plan.scenario_id}.yaml")
    again = plan_of(replay(scenario, plan).state)
    assert (again.scenario_id, again.choices, again.expect) == (
        plan.scenario_id,
        plan.choices,
        plan.expect,
    )
    written = tmp_path / "plan.yaml"
    written.write_text(plan_text(again), encoding="utf-8")
    assert read_plan(written) == again
