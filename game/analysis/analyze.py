"""The whole analysis of one scenario, as ``python main.py analyze`` reports it.

Owns putting exploration, ordering, counting and bounds together into one
result with the keys the command prints (``paths``, ``endings``,
``unreachable``, ``dead_ends``, ``score_range``, ``tiers``, ``decisions``,
``states``...), and deciding what cannot be known: counts and bounds on a state
graph with a cycle (``unbounded``) or cut short by the state limit
(``partial``). It prints nothing; the CLI does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from game.analysis.bounds import average_bound
from game.analysis.counting import (
    BALANCE_BUDGET,
    BALANCE_FLOOR,
    EXACT_TIERS_UP_TO,
    SAMPLED_STEPS,
    arrivals,
    completions,
    exact_tiers,
    passes,
    sampled_tiers,
)
from game.analysis.explore import DEFAULT_STATE_LIMIT, StateGraph, explore
from game.analysis.order import a_cycle, topological_order
from game.core.model import COMPETENCIES, Scenario


@dataclass(frozen=True, slots=True)
class DeadEnd:
    node_id: str
    route: tuple[str, ...]  # choice ids from the start that get there


@dataclass
class Analysis:
    scenario_id: str
    states: int
    transitions: int
    endings: list[str]
    unreachable: list[str]
    dead_ends: list[DeadEnd]
    paths: int | None = None
    is_unbounded: bool = False
    cycle: list[str] = field(default_factory=list)
    is_partial: bool = False
    state_limit: int = DEFAULT_STATE_LIMIT
    score_range: dict[str, tuple[Fraction, Fraction] | None] | None = None
    tiers: dict[str, int] | None = None
    tiers_estimated: bool = False
    tiers_sampled: int = 0  # plays drawn for the estimate
    decisions: dict[str, int] | None = None

    @property
    def message(self) -> str:
        if self.is_partial:
            return (
                f"stopped at the state limit ({self.state_limit:,} play states): a variable "
                "conditions read may grow without end in a loop; counts, bounds and tiers are "
                "not computed (raise it with --max-states)"
            )
        if self.is_unbounded:
            loop = " -> ".join(self.cycle)
            return (
                f"a play can return to a state it was in ({loop}), so it can go on for ever: "
                "playthroughs cannot be counted"
            )
        return ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "scenario": self.scenario_id,
            "paths": self.paths,
            "endings": self.endings,
            "unreachable": self.unreachable,
            "dead_ends": [{"node": d.node_id, "route": list(d.route)} for d in self.dead_ends],
            "score_range": None
            if self.score_range is None
            else {
                name: None
                if bounds is None
                else {
                    "min": float(bounds[0]),
                    "max": float(bounds[1]),
                    "min_exact": str(bounds[0]),
                    "max_exact": str(bounds[1]),
                }
                for name, bounds in self.score_range.items()
            },
            "tiers": self.tiers,
            "tiers_estimated": self.tiers_estimated,
            **({"tiers_sampled": self.tiers_sampled} if self.tiers_estimated else {}),
            "decisions": self.decisions,
            "states": self.states,
            "transitions": self.transitions,
        }
        if self.is_unbounded:
            data["unbounded"] = True
            data["cycle"] = self.cycle
        if self.is_partial:
            data["partial"] = True
        if self.message:
            data["message"] = self.message
        return data


def analyze(scenario: Scenario, state_limit: int = DEFAULT_STATE_LIMIT, seed: int = 0) -> Analysis:
    """Explore every play state of ``scenario`` and measure what its plays can do."""
    graph = explore(scenario, state_limit)
    reached = set(graph.nodes)
    analysis = Analysis(
        scenario_id=scenario.scenario_id,
        states=graph.size,
        transitions=graph.transitions(),
        endings=[n for n in scenario.nodes if n in {graph.nodes[s] for s in graph.endings}],
        unreachable=[n for n in scenario.nodes if n not in reached],
        dead_ends=_dead_ends(graph),
        is_partial=graph.is_partial,
        state_limit=state_limit,
    )
    if graph.is_partial:
        return analysis
    order = topological_order(graph)
    if order is None:
        analysis.is_unbounded = True
        analysis.cycle = a_cycle(graph)
        return analysis
    ahead = completions(graph, order)
    analysis.paths = ahead[0]
    analysis.decisions = passes(graph, order, ahead, arrivals(graph, order))
    analysis.score_range = _score_range(graph, order)
    # exact up to a million plays whatever it costs, and beyond while the balances carried
    # stay within budget; past that, plays drawn uniformly estimate the shares
    # past a million plays, exact counting may spend about one move per state and move,
    # and drawing plays a few more: the tiers then cost what exploring cost, no more
    scale = graph.size + analysis.transitions
    budget = (
        None
        if analysis.paths <= EXACT_TIERS_UP_TO
        else min(BALANCE_BUDGET, max(BALANCE_FLOOR, scale))
    )
    analysis.tiers = exact_tiers(graph, order, budget)
    if analysis.tiers is None and analysis.paths > 0:
        analysis.tiers, analysis.tiers_sampled = sampled_tiers(
            graph, ahead, seed=seed, steps=min(SAMPLED_STEPS, 5 * scale)
        )
        analysis.tiers_estimated = True
    return analysis


def _dead_ends(graph: StateGraph) -> list[DeadEnd]:
    """One example route per node where some reachable state offers no choice."""
    found: dict[str, DeadEnd] = {}
    for state in graph.dead_ends:
        node_id = graph.nodes[state]
        if node_id not in found:
            found[node_id] = DeadEnd(node_id, tuple(graph.route_to(state)))
    return list(found.values())


def _score_range(
    graph: StateGraph, order: list[int]
) -> dict[str, tuple[Fraction, Fraction] | None]:
    bounds: dict[str, tuple[Fraction, Fraction] | None] = {}
    for name in COMPETENCIES:
        low = average_bound(graph, order, name, highest=False)
        high = average_bound(graph, order, name, highest=True)
        bounds[name] = None if low is None or high is None else (low, high)
    return bounds
