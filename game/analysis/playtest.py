"""Play-testing a scenario with the real engine: every play, or seeded random plays.

Owns running plays through ``game.core.engine`` the way a player would, to find
runtime errors (a dead end, a condition that fails at play time, a loop that
never ends) and to measure coverage: nodes never entered and choices never
taken. ``every_play`` walks every distinct play state depth first; two plays
that reach the same state (the node, the variables conditions read, the
visited flags they ask about) go on identically, so each state is played on
once, and every play of the scenario is exercised. ``random_plays`` follows
ChoiceScript's randomtest: at each decision it prefers a choice no play has
taken yet, and is deterministic for a seed. Nothing is written anywhere.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.analysis.observe import observe
from game.core.engine import Engine
from game.core.model import Scenario, Value
from game.core.state import PlayState

CHOICES_PER_NODE = 10  # a random play longer than this many choices per node is endless


@dataclass
class Failure:
    route: tuple[str, ...]  # the first "node/choice" steps from the start that met it
    message: str
    times: int = 1  # how many plays (or play states) met the same failure


@dataclass
class PlaytestReport:
    scenario_id: str
    mode: str  # "all" or "random"
    plays: int | None = (
        0  # complete plays: played (random), or all there are (all; None if endless)
    )
    states: int = 0  # distinct play states played on (all)
    requested: int = 0  # plays asked for (random)
    seed: int | None = None
    endings: Counter[str] = field(default_factory=Counter)
    entered: set[str] = field(default_factory=set)
    taken: set[tuple[str, str]] = field(default_factory=set)
    failures: list[Failure] = field(default_factory=list)
    scenario: Scenario | None = None

    @property
    def nodes_never_entered(self) -> list[str]:
        assert self.scenario is not None
        return [n for n in self.scenario.nodes if n not in self.entered]

    @property
    def choices_never_taken(self) -> list[str]:
        assert self.scenario is not None
        return [
            f"{node_id}/{choice.choice_id}"
            for node_id, node in self.scenario.nodes.items()
            for choice in node.choices
            if (node_id, choice.choice_id) not in self.taken
        ]

    def scenario_nodes(self) -> list[str]:
        assert self.scenario is not None
        return list(self.scenario.nodes)

    def fail(self, route: tuple[str, ...], error: Exception) -> None:
        """Note a failure; the same failure met again only counts."""
        message = _describe(error)
        for failure in self.failures:
            if failure.message == message:
                failure.times += 1
                return
        self.failures.append(Failure(route, message))

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario_id,
            "mode": self.mode,
            "seed": self.seed,
            "requested": self.requested,
            "plays": self.plays,
            "states": self.states,
            # plays per ending when plays were drawn; every play is not listed one by one, so
            # "all" gives the endings reached
            "endings": dict(self.endings)
            if self.mode == "random"
            else [n for n in self.scenario_nodes() if n in self.endings],
            "nodes_never_entered": self.nodes_never_entered,
            "choices_never_taken": self.choices_never_taken,
            "failures": [
                {"route": _shortened(f.route), "message": f.message, "times": f.times}
                for f in self.failures
            ],
            "passed": not self.failures,
        }


def every_play(scenario: Scenario, plays: int | None = None) -> PlaytestReport:
    """Play on from every distinct play state once, depth first, with the real engine.

    ``plays`` is how many complete plays that exercises (the analysis counts them).
    """
    report = PlaytestReport(scenario.scenario_id, "all", plays=plays, scenario=scenario)
    observation = observe(scenario)
    variables, watched = observation.variables, frozenset(observation.visits)
    first = _start(scenario, report)
    if first is None:
        return report

    def key_of(state: PlayState) -> Key:
        return (
            state.node_id,
            observation.saturated(tuple(state.variables[name] for name in variables)),
            frozenset(watched.intersection(state.visited)),
        )

    routes: dict[Key, tuple[str, ...]] = {}
    ways_on: dict[Key, list[Key]] = {}
    finished: list[Key] = []
    stack: list[tuple[PlayState, tuple[str, ...], Key | None]] = [(first.state, (), None)]
    while stack:
        state, route, came_from = stack.pop()
        key = key_of(state)
        if came_from is not None:
            ways_on.setdefault(came_from, []).append(key)
        if key in routes:
            continue
        routes[key] = route
        report.entered.update(state.path)
        if state.is_finished:
            report.endings[state.ending_id or ""] += 1
            finished.append(key)
            continue
        engine = Engine(scenario, state=_copy(state))
        for choice in reversed(engine.available_choices()):
            step = f"{state.node_id}/{choice.choice_id}"
            child = Engine(scenario, state=_copy(state))
            try:
                child.choose(choice.choice_id)
                _through_steps(child)
            except Exception as error:  # noqa: BLE001 - any failure of a play is the finding
                report.fail((*route, step), error)
                continue
            report.taken.add((state.node_id, choice.choice_id))
            stack.append((child.state, (*route, step), key))
    report.states = len(routes)
    _report_endless(report, routes, ways_on, finished)
    return report


Key = tuple[str, tuple[Value, ...], frozenset[str]]


def _report_endless(
    report: PlaytestReport,
    routes: dict[Key, tuple[str, ...]],
    ways_on: dict[Key, list[Key]],
    finished: list[Key],
) -> None:
    """A play state from which no play can end is a loop with no way out: a failure."""
    ways_back: dict[Key, list[Key]] = {}
    for source, targets in ways_on.items():
        for target in targets:
            ways_back.setdefault(target, []).append(source)
    can_end = set(finished)
    pending = list(finished)
    while pending:
        for source in ways_back.get(pending.pop(), []):
            if source not in can_end:
                can_end.add(source)
                pending.append(source)
    for key, route in routes.items():
        if key not in can_end and ways_on.get(key):
            report.fail(route, _Endless(0, key[0]))


def random_plays(scenario: Scenario, count: int, seed: int) -> PlaytestReport:
    """``count`` plays, each choice drawn from those not yet taken when there are any."""
    report = PlaytestReport(
        scenario.scenario_id, "random", seed=seed, requested=count, scenario=scenario
    )
    rng = random.Random(seed)
    longest = CHOICES_PER_NODE * len(scenario.nodes)
    for _ in range(count):
        engine = _start(scenario, report)
        if engine is None:
            return report
        route: list[str] = []
        try:
            while not engine.is_finished:
                if len(route) >= longest:
                    raise _Endless(longest)
                node_id = engine.state.node_id
                available = engine.available_choices()
                fresh = [c for c in available if (node_id, c.choice_id) not in report.taken]
                choice = rng.choice(fresh or list(available))
                route.append(f"{node_id}/{choice.choice_id}")
                engine.choose(choice.choice_id)
                report.taken.add((node_id, choice.choice_id))
                _through_steps(engine)
        except Exception as error:  # noqa: BLE001 - any failure of a play is the finding
            report.fail(tuple(route), error)
            report.entered.update(engine.state.path)
            continue
        report.plays = (report.plays or 0) + 1
        report.entered.update(engine.state.path)
        report.endings[engine.state.ending_id or ""] += 1
    return report


class _Endless(Exception):
    """A play that cannot (or did not) end."""

    def __init__(self, limit: int, node_id: str = "") -> None:
        if node_id:
            message = f"no play can end after reaching '{node_id}' here: a loop with no way out"
        else:
            message = f"the play did not end after {limit:,} choices (a loop with no way out?)"
        super().__init__(message)


def _start(scenario: Scenario, report: PlaytestReport) -> Engine | None:
    try:
        engine = Engine(scenario)
        _through_steps(engine)
    except Exception as error:  # noqa: BLE001 - a scenario that cannot start is the finding
        report.fail((), error)
        return None
    return engine


def _through_steps(engine: Engine) -> None:
    """Advance along linear steps to the next decision or ending (as a player pressing Enter)."""
    guard = len(engine.scenario.nodes) + 1
    while not engine.is_finished and engine.current().kind == "step":
        engine.advance()
        guard -= 1
        if guard < 0:
            raise _Endless(len(engine.scenario.nodes))


def _shortened(route: tuple[str, ...], keep: int = 30) -> list[str]:
    """A route as shown: an endless one is cut after ``keep`` steps, saying how many follow."""
    if len(route) <= keep:
        return list(route)
    return [*route[:keep], f"... ({len(route) - keep:,} more)"]


def _copy(state: PlayState) -> PlayState:
    return PlayState.from_dict(state.to_dict())


def _describe(error: Exception) -> str:
    if isinstance(error, _Endless):
        return str(error)
    return f"{type(error).__name__}: {error}"
