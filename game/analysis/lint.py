"""Lint over the plays a scenario allows: flow errors and pedagogy warnings (SCN200-SCN209).

Owns the checks that need the state graph or the ratings of whole decisions:
nodes and endings no play reaches, dead ends, loops with no way out,
misleading consequences (a lower-rated choice whose plays end better), no-win
and no-dilemma decisions, endings that do not follow competence, and tiers no
play reaches. Each finding is a Diagnostic at the node or choice it concerns.
The codes and their wording are the content catalogue's; the file-level checks
that need no exploration are ``game.content.checks``'.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import networkx as nx

from game.analysis.counting import completions, exact_tiers
from game.analysis.explore import StateGraph, explore
from game.analysis.order import topological_order
from game.analysis.outcomes import KINDS, Outcomes, outcomes
from game.content.diagnostics import Diagnostic, make
from game.core.model import Node, Scenario
from game.core.scoring import TIERS

LINT_STATE_LIMIT = 50_000
Locate = Callable[..., tuple[int, int]]  # ("nodes", id[, "choices", index]) -> (line, col)
OUTCOME_WORDS = {
    "id": {"kind": "akhir {value}", "tier": "tingkat terbaik {value}"},
    "en": {"kind": "a {value} ending", "tier": "best tier {value}"},
}


class Linter:
    def __init__(self, scenario: Scenario, file: str, locate: Locate, lang: str) -> None:
        self.scenario, self.file, self.locate, self.lang = scenario, file, locate, lang
        self.found: list[Diagnostic] = []

    def add(self, code: str, where: tuple[str | int, ...], **params: object) -> None:
        line, col = self.locate(*where)
        self.found.append(make(code, self.file, line, col, self.lang, **params))

    def node_at(self, node_id: str) -> tuple[str, str]:
        return ("nodes", node_id)

    def choice_at(self, node: Node, choice_id: str) -> tuple[str | int, ...]:
        for index, choice in enumerate(node.choices):
            if choice.choice_id == choice_id:
                return ("nodes", node.node_id, "choices", index)
        return ("nodes", node.node_id)


def lint(
    scenario: Scenario,
    file: str,
    locate: Locate,
    lang: str = "id",
    state_limit: int = LINT_STATE_LIMIT,
) -> list[Diagnostic]:
    """Every SCN2xx finding for ``scenario``, in file order."""
    linter = Linter(scenario, file, locate, lang)
    _ratings_of_decisions(linter)
    graph = explore(scenario, state_limit)
    _reach(linter, graph)
    if graph.is_partial:
        linter.add("SCN209", (), detail=f"{state_limit:,}")
    else:
        order = topological_order(graph)
        if order is None:
            _traps(linter, graph)
        else:
            _pedagogy(linter, graph, order)
    return sorted(linter.found, key=lambda d: (d.line, d.col, d.code))


def _ratings_of_decisions(linter: Linter) -> None:
    """No-win (every option 2 or less) and no-dilemma (every option 4 or more) decisions."""
    for node_id, node in linter.scenario.nodes.items():
        rated = [value for choice in node.choices for _, value in choice.score]
        if len(node.choices) < 2 or not rated:
            continue
        if all(value <= 2 for value in rated):
            linter.add("SCN205", linter.node_at(node_id), name=node_id)
        elif all(value >= 4 for value in rated):
            linter.add("SCN206", linter.node_at(node_id), name=node_id)


def _reach(linter: Linter, graph: StateGraph) -> None:
    """Unreachable nodes and endings, and dead ends with the route that finds them."""
    reached = set(graph.nodes)
    if not graph.is_partial:
        for node_id, node in linter.scenario.nodes.items():
            if node_id not in reached:
                code = "SCN201" if node.ending is not None else "SCN200"
                linter.add(code, linter.node_at(node_id), name=node_id)
    reported: set[str] = set()
    for state in graph.dead_ends:
        node_id = graph.nodes[state]
        if node_id in reported:
            continue
        reported.add(node_id)
        route = graph.route_to(state)
        words = {"id": "memilih", "en": "choosing"}.get(linter.lang, "choosing")
        start = {"id": "sejak awal", "en": "from the start"}.get(linter.lang, "from the start")
        detail = f"{words} {' > '.join(route)}" if route else start
        linter.add("SCN202", linter.node_at(node_id), name=node_id, detail=detail)


def _traps(linter: Linter, graph: StateGraph) -> None:
    """Loops a play can enter and never leave towards an ending."""
    finishing = _can_finish(graph)
    trapped: nx.DiGraph[int] = nx.DiGraph()
    for state, moves in enumerate(graph.moves):
        if state in finishing:
            continue
        for move in moves:
            if move.target not in finishing:
                trapped.add_edge(state, move.target)
    reported: set[frozenset[str]] = set()
    for component in nx.strongly_connected_components(trapped):
        looping = len(component) > 1 or any(trapped.has_edge(s, s) for s in component)
        if not looping:
            continue
        names = sorted({graph.nodes[s] for s in component}, key=list(linter.scenario.nodes).index)
        key = frozenset(names)
        if key in reported:
            continue
        reported.add(key)
        linter.add("SCN203", linter.node_at(names[0]), detail=" > ".join(names))


def _can_finish(graph: StateGraph) -> set[int]:
    """States from which some play reaches an ending (works on cyclic graphs too)."""
    into: dict[int, list[int]] = {}
    for state, moves in enumerate(graph.moves):
        for move in moves:
            into.setdefault(move.target, []).append(state)
    finishing = set(graph.endings)
    stack = list(graph.endings)
    while stack:
        state = stack.pop()
        for source in into.get(state, []):
            if source not in finishing:
                finishing.add(source)
                stack.append(source)
    return finishing


def _pedagogy(linter: Linter, graph: StateGraph, order: list[int]) -> None:
    """Misleading consequences, endings that do not follow competence, unreachable tiers."""
    if completions(graph, order)[0] == 0:
        return
    facts = outcomes(graph, order)
    words = OUTCOME_WORDS.get(linter.lang, OUTCOME_WORDS["en"])
    reported: set[tuple[str, str]] = set()
    for state, moves in enumerate(graph.moves):
        # only choices offered together, in the same play state, are compared
        node = linter.scenario.nodes[graph.nodes[state]]
        offered = [m.choice_id for m in moves if m.choice_id is not None and m.ratings]
        for low in offered:
            if (node.node_id, low) in reported:
                continue
            for high in offered:
                if _mean_of(node, low) >= _mean_of(node, high):
                    continue
                better = _better_outcome(facts, state, low, high, words)
                if better:
                    reported.add((node.node_id, low))
                    linter.add(
                        "SCN204",
                        linter.choice_at(node, low),
                        name=low,
                        other=node.node_id,
                        detail=high,
                        expected=better,
                    )
                    break
    if facts.ending_tiers is not None:
        for node_id, tiers in facts.ending_tiers.items():
            ending = linter.scenario.nodes[node_id].ending
            kind = ending.kind if ending is not None else None
            wrong = "belum" if kind == "good" else "tinggi" if kind == "bad" else None
            if wrong is not None and wrong in tiers:
                linter.add(
                    "SCN207", linter.node_at(node_id), name=node_id, other=kind, detail=wrong
                )
    counted = exact_tiers(graph, order)
    if counted is not None:
        missing = [tier for tier in TIERS if counted[tier] == 0]
        if missing:
            linter.add("SCN208", (), detail=", ".join(missing))


def _mean_of(node: Node, choice_id: str) -> Fraction:
    choice = node.choice(choice_id)
    score = choice.score if choice is not None else ()
    return Fraction(sum(value for _, value in score), max(len(score), 1))


def _better_outcome(facts: Outcomes, state: int, low: str, high: str, words: dict[str, str]) -> str:
    """How the lower-rated choice's plays end better than the higher-rated one's, or ''."""
    kind_low = facts.move_kind.get((state, low), -1)
    kind_high = facts.move_kind.get((state, high), -1)
    if kind_low > kind_high:
        return words["kind"].format(value=KINDS[kind_low])
    if facts.move_tier is not None:
        tier_low = facts.move_tier.get((state, low), -1)
        tier_high = facts.move_tier.get((state, high), -1)
        if tier_low > tier_high:
            return words["tier"].format(value=TIERS[tier_low])
    return ""
