"""Exploring every reachable play state of a scenario: the state graph analysis stands on.

Owns walking the plays a scenario allows, exactly as the engine plays them
(conditions, ``set`` then ``add``, ``goto``, linear steps, endings), breadth
first from the start, and recording the graph of play states: which state each
choice leads to and what it rates. A state is the node plus only what some
condition can observe: the variables conditions read and the visited flags of
nodes some ``visited()`` names. Carrying more (every variable, the whole visited
set) would split states that play alike and explode on large scenarios.
Counting, score bounds and lint read this graph; they live elsewhere.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from game.analysis.observe import observe
from game.core.expressions import Condition
from game.core.model import Scenario, Value

DEFAULT_STATE_LIMIT = 1_000_000


@dataclass(frozen=True, slots=True)
class Move:
    """One way out of a play state: a choice (or a step's ``next``) and where it leads."""

    choice_id: str | None  # None for a linear step
    target: int  # index of the next state
    ratings: tuple[tuple[str, int], ...]


@dataclass
class StateGraph:
    """Every play state reached, by index; state 0 is the start."""

    scenario: Scenario
    nodes: list[str] = field(default_factory=list)  # state -> scenario node id
    moves: list[tuple[Move, ...]] = field(default_factory=list)
    parents: list[tuple[int, str | None]] = field(default_factory=list)  # how it was first reached
    dead_ends: list[int] = field(default_factory=list)  # decisions with no choice available
    endings: list[int] = field(default_factory=list)
    is_partial: bool = False  # the state limit stopped the walk
    tracked_variables: tuple[str, ...] = ()
    tracked_visits: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.nodes)

    def transitions(self) -> int:
        return sum(len(moves) for moves in self.moves)

    def route_to(self, state: int) -> list[str]:
        """An example sequence of choice ids (steps left out) that reaches ``state``."""
        route: list[str] = []
        while state > 0:
            parent, choice_id = self.parents[state]
            if choice_id is not None:
                route.append(choice_id)
            state = parent
        return route[::-1]


@dataclass(frozen=True, slots=True)
class _Way:
    """A choice prepared for exploring: its condition and its effects on tracked variables."""

    choice_id: str | None
    condition: Condition | None
    sets: tuple[tuple[int, Value], ...]
    adds: tuple[tuple[int, int], ...]
    goto: str
    ratings: tuple[tuple[str, int], ...]


def explore(scenario: Scenario, state_limit: int = DEFAULT_STATE_LIMIT) -> StateGraph:
    """Walk every reachable play state, breadth first, up to ``state_limit`` states."""
    observation = observe(scenario)
    variables, visits = observation.variables, observation.visits
    saturate = observation.saturated
    graph = StateGraph(scenario, tracked_variables=variables, tracked_visits=visits)
    position = {name: index for index, name in enumerate(variables)}
    watched = frozenset(visits)
    initial = scenario.initial_variables
    ways = {node_id: _ways(scenario, node_id, position) for node_id in scenario.nodes}
    start_values = saturate(tuple(initial[name] for name in variables))
    start_seen = frozenset({scenario.start} & watched)
    start = (scenario.start, start_values, start_seen)
    index: dict[tuple[str, tuple[Value, ...], frozenset[str]], int] = {start: 0}
    graph.nodes.append(scenario.start)
    graph.parents.append((-1, None))
    graph.moves.append(())
    queue = deque([start])
    while queue:
        key = queue.popleft()
        here = index[key]
        node_id, values, seen = key
        node = scenario.nodes[node_id]
        if node.ending is not None:
            graph.endings.append(here)
            continue
        moves: list[Move] = []
        available = 0
        context: dict[str, Value] | None = None
        for way in ways[node_id]:
            if way.condition is not None:
                if context is None:
                    context = dict(zip(variables, values, strict=True))
                if not way.condition.evaluate(context, seen):
                    continue
            available += 1
            after = values
            if way.sets or way.adds:
                changed = list(values)
                for slot, value in way.sets:
                    changed[slot] = value
                for slot, amount in way.adds:
                    changed[slot] = int(changed[slot]) + amount
                after = saturate(tuple(changed))
            next_seen = seen | {way.goto} if way.goto in watched and way.goto not in seen else seen
            target_key = (way.goto, after, next_seen)
            target = index.get(target_key)
            if target is None:
                if len(graph.nodes) >= state_limit:
                    graph.is_partial = True
                    continue
                target = len(graph.nodes)
                index[target_key] = target
                graph.nodes.append(way.goto)
                graph.parents.append((here, way.choice_id))
                graph.moves.append(())
                queue.append(target_key)
            moves.append(Move(way.choice_id, target, way.ratings))
        graph.moves[here] = tuple(moves)
        if node.kind == "decision" and available == 0:
            graph.dead_ends.append(here)
    return graph


def _ways(scenario: Scenario, node_id: str, position: dict[str, int]) -> tuple[_Way, ...]:
    node = scenario.nodes[node_id]
    if node.next is not None and not node.choices:
        return (_Way(None, None, (), (), node.next, ()),)
    return tuple(
        _Way(
            choice.choice_id,
            choice.condition,
            tuple((position[s.variable], s.value) for s in choice.sets if s.variable in position),
            tuple((position[a.variable], a.amount) for a in choice.adds if a.variable in position),
            choice.goto,
            choice.score,
        )
        for choice in node.choices
    )
