"""A layered layout of a scenario's decision graph, for pictures of it.

Owns placing nodes in columns by their distance from the start (the longest
path, so every way on points rightwards except the loops back), ordering each
column to cross few edges (barycentre sweeps, the Sugiyama method), and routing
edges that skip columns through waypoints. Coordinates are abstract: ``x`` is
the column, ``y`` the row, centred on 0. It does not draw: the GUI renders PNGs
from a layout and the SVG writer writes one; both read only these dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from game.analysis.graph import decision_graph, reachable_from_start
from game.core.model import Scenario

SWEEPS = 8


@dataclass(frozen=True, slots=True)
class PlacedNode:
    node_id: str
    kind: str  # decision, step or ending
    ending_kind: str | None
    x: float
    y: float
    is_reachable: bool


@dataclass(frozen=True, slots=True)
class PlacedEdge:
    source: str
    target: str
    choice_id: str | None  # None for a linear step's ``next``
    score: tuple[tuple[str, int], ...]
    points: tuple[tuple[float, float], ...]  # from the source to the target
    is_back: bool  # a loop back to an earlier column


@dataclass(frozen=True, slots=True)
class GraphLayout:
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    columns: int
    rows: int  # the most nodes (and waypoints) any column holds

    def node(self, node_id: str) -> PlacedNode:
        for placed in self.nodes:
            if placed.node_id == node_id:
                return placed
        raise KeyError(node_id)


def layout_scenario(scenario: Scenario) -> GraphLayout:
    """Columns from the start, few crossings, long edges through waypoints."""
    graph = decision_graph(scenario)
    reachable = reachable_from_start(graph)
    order = _roots_first(scenario, reachable)
    simple: nx.DiGraph[str] = nx.DiGraph()
    simple.add_nodes_from(order)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    back = _back_edges(simple, order)
    forward: nx.DiGraph[str] = nx.DiGraph()
    forward.add_nodes_from(order)
    for u, v in simple.edges():
        forward.add_edge(*((v, u) if (u, v) in back else (u, v)))
    column = _longest_path_columns(forward, order)
    chains, members = _with_waypoints(forward, column)
    rows = _order_columns(members, chains, order)
    position = {
        item: (float(c), index - (len(column_items) - 1) / 2)
        for c, column_items in enumerate(rows)
        for index, item in enumerate(column_items)
    }
    nodes = tuple(
        PlacedNode(
            node_id,
            graph.nodes[node_id]["kind"],
            graph.nodes[node_id]["ending_kind"],
            *position[node_id],
            node_id in reachable,
        )
        for node_id in order
    )
    edges = []
    for source, target, data in graph.edges(data=True):
        is_back = (source, target) in back or source == target
        points: tuple[tuple[float, float], ...]
        if source == target:
            points = (position[source], position[target])
        else:
            u, v = (target, source) if is_back else (source, target)
            chain = [position[item] for item in chains[(u, v)]]
            points = tuple(reversed(chain)) if is_back else tuple(chain)
        edges.append(PlacedEdge(source, target, data["choice_id"], data["score"], points, is_back))
    return GraphLayout(nodes, tuple(edges), len(rows), max((len(r) for r in rows), default=0))


def _roots_first(scenario: Scenario, reachable: set[str]) -> list[str]:
    """Node ids, the start and what it reaches first (depth-first), then the rest in file order."""
    seen: list[str] = []
    marked: set[str] = set()
    stack = [scenario.start] if scenario.start in scenario.nodes else []
    while stack:
        node_id = stack.pop()
        if node_id in marked:
            continue
        marked.add(node_id)
        seen.append(node_id)
        stack.extend(reversed(_targets(scenario, node_id)))
    return seen + [n for n in scenario.nodes if n not in marked]


def _targets(scenario: Scenario, node_id: str) -> list[str]:
    node = scenario.nodes[node_id]
    targets = [c.goto for c in node.choices] + ([node.next] if node.next else [])
    return [t for t in targets if t in scenario.nodes]


def _back_edges(graph: nx.DiGraph[str], order: list[str]) -> set[tuple[str, str]]:
    """Edges that close a cycle in a depth-first search from the start: drawn as loops back."""
    back: set[tuple[str, str]] = set()
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(list(graph.successors(root))))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(list(graph.successors(child)))))
    return back


def _longest_path_columns(graph: nx.DiGraph[str], order: list[str]) -> dict[str, int]:
    rank = {node_id: index for index, node_id in enumerate(order)}
    column: dict[str, int] = {}
    for node_id in nx.lexicographical_topological_sort(graph, key=rank.__getitem__):
        column[node_id] = max((column[p] + 1 for p in graph.predecessors(node_id)), default=0)
    return column


Item = str | tuple[str, str, int]  # a node id, or waypoint i of edge (u, v)


def _with_waypoints(
    graph: nx.DiGraph[str], column: dict[str, int]
) -> tuple[dict[tuple[str, str], list[Item]], list[list[Item]]]:
    """Each edge as the chain of items it passes; the items of every column."""
    width = max(column.values(), default=-1) + 1
    members: list[list[Item]] = [[] for _ in range(width)]
    for node_id, c in column.items():
        members[c].append(node_id)
    chains: dict[tuple[str, str], list[Item]] = {}
    for u, v in graph.edges():
        chain: list[Item] = [u]
        for c in range(column[u] + 1, column[v]):
            waypoint = (u, v, c)
            members[c].append(waypoint)
            chain.append(waypoint)
        chains[(u, v)] = [*chain, v]
    return chains, members


def _order_columns(
    members: list[list[Item]], chains: dict[tuple[str, str], list[Item]], order: list[str]
) -> list[list[Item]]:
    """Barycentre sweeps left and right; the ordering with the fewest crossings wins."""
    left: dict[Item, list[Item]] = {}
    right: dict[Item, list[Item]] = {}
    for chain in chains.values():
        for a, b in zip(chain, chain[1:], strict=False):
            right.setdefault(a, []).append(b)
            left.setdefault(b, []).append(a)
    rank = {node_id: index for index, node_id in enumerate(order)}

    def first_seen(item: Item) -> tuple[int, int]:
        return (rank[item], 0) if isinstance(item, str) else (rank[item[0]], 1)

    rows = [sorted(items, key=first_seen) for items in members]
    best, best_crossings = [list(r) for r in rows], _crossings(rows, right)
    for sweep in range(SWEEPS):
        forward = sweep % 2 == 0
        span: Iterable[int] = range(1, len(rows)) if forward else range(len(rows) - 2, -1, -1)
        for c in span:
            neighbours = left if forward else right
            fixed = rows[c - 1] if forward else rows[c + 1]
            where = {item: index for index, item in enumerate(fixed)}
            keys: dict[Item, tuple[float, int]] = {}
            for index, item in enumerate(rows[c]):
                linked = [where[n] for n in neighbours.get(item, []) if n in where]
                keys[item] = (sum(linked) / len(linked) if linked else index, index)
            rows[c] = sorted(rows[c], key=keys.__getitem__)
        crossings = _crossings(rows, right)
        if crossings < best_crossings:
            best, best_crossings = [list(r) for r in rows], crossings
    return best


def _crossings(rows: list[list[Item]], right: dict[Item, list[Item]]) -> int:
    """Edge crossings between neighbouring columns (counted pairwise; columns are small)."""
    total = 0
    for c in range(len(rows) - 1):
        where = {item: index for index, item in enumerate(rows[c + 1])}
        pairs = [
            (i, where[target])
            for i, item in enumerate(rows[c])
            for target in right.get(item, [])
            if target in where
        ]
        for index, (a, b) in enumerate(pairs):
            for c2, d in pairs[index + 1 :]:
                if (a - c2) * (b - d) < 0:
                    total += 1
    return total
