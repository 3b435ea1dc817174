"""Golden playthrough plans: replay a plan's choices and compare the outcome.

A plan (tests/playthroughs/<scenario>/<name>.yaml) lists ``node/choice`` steps and
the expected ending, tier, averages and violations. Linear steps between
decisions are advanced automatically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from game.core.engine import Engine
from game.core.model import Scenario

PLANS = Path(__file__).resolve().parent / "playthroughs"


def read_plan(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def replay(scenario: Scenario, steps: list[str], on_step: Any = None) -> Engine:
    """Play ``steps`` (``node/choice``) and return the engine; asserts each node is reached."""
    engine = Engine(scenario)
    for step in steps:
        node_id, _, choice_id = step.partition("/")
        while engine.current().kind == "step":
            engine.advance()
        assert engine.state.node_id == node_id, (
            f"expected to be at {node_id}, at {engine.state.node_id}"
        )
        engine.choose(choice_id)
        if on_step is not None:
            engine = on_step(engine)
    while not engine.is_finished and engine.current().kind == "step":
        engine.advance()
    return engine


def outcome(engine: Engine) -> dict[str, Any]:
    """The parts of a result a plan pins down."""
    result = engine.result()
    return {
        "ending": result["ending"],
        "tier": result["tier"],
        "competencies": result["competencies"],
        "violations": [
            f"{v['node']}/{v['choice']}: {v['rule']} [{v['severity']}]"
            for v in result["violations"]
        ],
    }
