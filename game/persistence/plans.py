"""Golden plans: a play's choices and its blessed outcome, recorded, replayed and compared.

Owns the plan file (YAML: ``scenario``, ``choices`` as ``node/choice`` steps, and
``expect``: ending, tier, averages, violations), writing one from a finished play
(``play --record``; the ``PlanRecorder`` listener writes it when the play ends),
reading one strictly, replaying it through the engine (linear steps advance by
themselves) and describing a changed outcome as a readable diff. It never
decides which plans a scenario must have; the tests do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.yaml_strict import YamlRefused, load_document
from game.core.engine import Engine
from game.core.events import Event, PlayEnded
from game.core.model import Scenario
from game.core.scoring import result_of
from game.core.state import PlayState
from game.errors import PerekatError
from game.persistence.atomic import write_atomic


class PlanError(PerekatError):
    """A plan file that cannot be read or does not fit its scenario."""


@dataclass(frozen=True)
class Plan:
    scenario_id: str
    choices: tuple[str, ...]  # "node/choice"
    expect: dict[str, Any]
    note: str = ""


def expected_outcome(state: PlayState) -> dict[str, Any]:
    """The parts of a finished play that a plan pins down."""
    result = result_of(state)
    return {
        "ending": result["ending"],
        "tier": result["tier"],
        "competencies": result["competencies"],
        "violations": [
            f"{v['node']}/{v['choice']}: {v['rule']} [{v['severity']}]"
            for v in result["violations"]
        ],
    }


def plan_of(state: PlayState, note: str = "") -> Plan:
    """The plan of a finished play: its choices and what they led to."""
    choices = tuple(f"{r.node_id}/{r.choice_id}" for r in state.history)
    return Plan(state.scenario_id, choices, expected_outcome(state), note)


def plan_text(plan: Plan) -> str:
    """The plan as YAML, in a stable order that diffs well (strings always quoted)."""
    lines = [f"# {plan.note}"] if plan.note else []
    lines += [f"scenario: {_quoted(plan.scenario_id)}", "choices:"]
    lines += [f"- {_quoted(step)}" for step in plan.choices] or []
    if not plan.choices:
        lines[-1] = "choices: []"
    expect = plan.expect
    lines += [
        "expect:",
        f"  ending: {_quoted(expect['ending'])}",
        f"  tier: {_quoted(expect['tier'])}",
    ]
    lines.append("  competencies:")
    for name, value in expect["competencies"].items():
        lines.append(f"    {name}: {'null' if value is None else value}")
    if expect["violations"]:
        lines.append("  violations:")
        lines += [f"  - {_quoted(item)}" for item in expect["violations"]]
    else:
        lines.append("  violations: []")
    return "\n".join(lines) + "\n"


def _quoted(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_plan(path: Path, plan: Plan) -> None:
    write_atomic(path, plan_text(plan).encode("utf-8"))


def read_plan(path: Path) -> Plan:
    """Read a plan file; PlanError names the file and what is wrong with it."""
    try:
        data = load_document(path.read_bytes()).data
    except OSError as error:
        raise PlanError(f"{path}: cannot read the plan ({error.strerror or error})") from None
    except YamlRefused as refused:
        problem = refused.problem
        raise PlanError(f"{path}:{problem.line}:{problem.col}: {problem.message}") from None
    if not (
        isinstance(data, dict)
        and isinstance(data.get("scenario"), str)
        and isinstance(data.get("choices"), list)
        and all(isinstance(step, str) and "/" in step for step in data["choices"])
        and isinstance(data.get("expect"), dict)
    ):
        raise PlanError(
            f"{path}: a plan needs 'scenario' (an id), 'choices' (a list of node/choice) "
            "and 'expect' (ending, tier, competencies, violations)"
        )
    return Plan(data["scenario"], tuple(data["choices"]), data["expect"])


def replay(scenario: Scenario, plan: Plan, on_step: Any = None) -> Engine:
    """Play the plan's choices; PlanError when a step's node is not where the play is."""
    engine = Engine(scenario)
    for number, step in enumerate(plan.choices, start=1):
        node_id, _, choice_id = step.partition("/")
        while not engine.is_finished and engine.current().kind == "step":
            engine.advance()
        if engine.state.node_id != node_id:
            raise PlanError(
                f"step {number} ({step}): the play is at '{engine.state.node_id}', "
                f"not at '{node_id}'"
            )
        engine.choose(choice_id)
        if on_step is not None:
            engine = on_step(engine)
    while not engine.is_finished and engine.current().kind == "step":
        engine.advance()
    return engine


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Readable lines for each part of the outcome that changed (empty when none did)."""
    lines: list[str] = []
    for key in ("ending", "tier"):
        if expected.get(key) != actual.get(key):
            lines.append(f"{key}: expected {expected.get(key)!r}, got {actual.get(key)!r}")
    want, got = expected.get("competencies", {}), actual.get("competencies", {})
    for name in sorted(set(want) | set(got)):
        if want.get(name) != got.get(name):
            lines.append(f"competencies.{name}: expected {want.get(name)}, got {got.get(name)}")
    want_v, got_v = expected.get("violations", []), actual.get("violations", [])
    lines += [f"violations: no longer {item!r}" for item in want_v if item not in got_v]
    lines += [f"violations: now also {item!r}" for item in got_v if item not in want_v]
    return lines


class PlanRecorder:
    """Subscribe to an engine's bus: when the play ends, its plan is written to ``path``.

    A failed write does not stop the play: the error is kept for the caller to report.
    """

    def __init__(self, path: Path, note: str = "") -> None:
        self.path, self.note = path, note
        self.written = False
        self.error: OSError | None = None

    def __call__(self, event: Event) -> None:
        if isinstance(event, PlayEnded):
            self.record(event.state)

    def record(self, state: PlayState) -> None:
        try:
            write_plan(self.path, plan_of(state, self.note))
        except OSError as error:
            self.error = error
        else:
            self.written = True
