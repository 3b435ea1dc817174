"""What is drawn over a scenario's decision graph: the marks of its flaws and a play's path.

Owns finding the nodes no play enters and the dead ends (decisions some play
reaches with no choice available) from the exploration of every play state,
and the path of one play: the nodes it went through, the ways it took and the
order of its decisions, from a play state or from the result object ``play
--json`` prints, refused when it does not fit the scenario. It draws nothing:
the SVG writer, the exports and the GUI read these records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from game.analysis.explore import DEFAULT_STATE_LIMIT, explore
from game.analysis.layout import GraphLayout, PlacedEdge
from game.core.model import Scenario
from game.core.state import PlayState
from game.errors import PerekatError


class ResultMismatchError(PerekatError):
    """A play's result does not belong to this scenario; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class GraphMarks:
    """Nodes no play enters and decisions where some play is left without a choice."""

    unreachable: frozenset[str] = frozenset()
    dead_ends: frozenset[str] = frozenset()
    is_partial: bool = False  # the state limit stopped exploring: unreachable is the layout's


def graph_marks(
    scenario: Scenario, layout: GraphLayout, state_limit: int = DEFAULT_STATE_LIMIT
) -> GraphMarks:
    """Marks from exploring every play: conditions can close ways the graph alone leaves open.

    When the state limit cuts the walk short, a node not yet met may still be
    reachable, so the layout's answer (conditions aside) is kept instead.
    """
    explored = explore(scenario, state_limit)
    dead_ends = frozenset(explored.nodes[state] for state in explored.dead_ends)
    if explored.is_partial:
        unreachable = frozenset(n.node_id for n in layout.nodes if not n.is_reachable)
    else:
        entered = set(explored.nodes)
        unreachable = frozenset(n for n in scenario.nodes if n not in entered)
    return GraphMarks(unreachable, dead_ends, explored.is_partial)


@dataclass(frozen=True)
class PlayedPath:
    """What a play went through: its nodes in order and the choices it took at each."""

    nodes: tuple[str, ...] = ()
    taken: frozenset[tuple[str, str | None]] = field(default_factory=frozenset)
    numbers: dict[str, int] = field(default_factory=dict)  # decision -> order of choosing

    @classmethod
    def of(cls, state: PlayState) -> PlayedPath:
        return cls.made(state.path, [(r.node_id, r.choice_id) for r in state.history])

    @classmethod
    def made(cls, nodes: Sequence[str], choices: Iterable[tuple[str, str]]) -> PlayedPath:
        """The path of a play that went through ``nodes`` choosing ``choices`` in order."""
        made = list(choices)
        taken: set[tuple[str, str | None]] = set(made)
        decided = {node_id for node_id, _ in made}
        for source in nodes[:-1]:
            if source not in decided:
                taken.add((source, None))  # a linear step's way on
        numbers: dict[str, int] = {}
        for number, (node_id, _) in enumerate(made, start=1):
            numbers.setdefault(node_id, number)
        return cls(tuple(nodes), frozenset(taken), numbers)

    @classmethod
    def from_result(cls, result: Mapping[str, Any], scenario: Scenario) -> PlayedPath:
        """The path of a ``play --json`` result; refused if it names what the scenario lacks."""
        if result.get("scenario") != scenario.scenario_id:
            raise ResultMismatchError(
                f"it is a result of scenario '{result.get('scenario')}', "
                f"not of '{scenario.scenario_id}'"
            )
        nodes, choices = result.get("path"), result.get("choices")
        if not (_strings(nodes) and _strings(choices) and nodes):
            raise ResultMismatchError(
                "it has no 'path' (node ids) and 'choices' (\"node/choice\") lists of strings"
            )
        unknown = [n for n in nodes if n not in scenario.nodes]
        if unknown:
            raise ResultMismatchError(f"its path names nodes the scenario lacks: {_list(unknown)}")
        made: list[tuple[str, str]] = []
        wrong: list[str] = []
        for item in choices:
            node_id, slash, choice_id = item.partition("/")
            node = scenario.nodes.get(node_id)
            offered = node is not None and any(c.choice_id == choice_id for c in node.choices)
            if slash and offered and node_id in nodes:
                made.append((node_id, choice_id))
            else:
                wrong.append(item)
        if wrong:
            raise ResultMismatchError(
                f"its choices name choices the scenario lacks or its path skips: {_list(wrong)}"
            )
        return cls.made(nodes, made)

    def follows(self, edge: PlacedEdge) -> bool:
        return (edge.source, edge.choice_id) in self.taken and edge.target in self.nodes


def _strings(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _list(items: Sequence[str], shown: int = 5) -> str:
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return ", ".join(f"'{item}'" for item in items[:shown]) + more
