"""The order of a state graph: topological when it has none, or the cycle that prevents one.

Owns sorting play states so every choice leads to a later state (Kahn's
algorithm over plain lists, fast on a million states) and, when the states
form a cycle (a play can come back to a state it was in), finding one cycle
with networkx to show the writer. Counting and bounds read the order; they
are meaningless, and not computed, on a cyclic graph.
"""

from __future__ import annotations

import networkx as nx

from game.analysis.explore import StateGraph


def topological_order(graph: StateGraph) -> list[int] | None:
    """States so that every move goes forward; None when some states form a cycle."""
    size = graph.size
    incoming = [0] * size
    for moves in graph.moves:
        for move in moves:
            incoming[move.target] += 1
    ready = [state for state in range(size) if incoming[state] == 0]
    order: list[int] = []
    while ready:
        state = ready.pop()
        order.append(state)
        for move in graph.moves[state]:
            incoming[move.target] -= 1
            if incoming[move.target] == 0:
                ready.append(move.target)
    return order if len(order) == size else None


def a_cycle(graph: StateGraph) -> list[str]:
    """The scenario nodes of one cycle of play states, in play order (start of the loop first)."""
    digraph: nx.DiGraph[int] = nx.DiGraph()
    for state, moves in enumerate(graph.moves):
        for move in moves:
            digraph.add_edge(state, move.target)
    try:
        edges = nx.find_cycle(digraph, source=0)
    except nx.NetworkXNoCycle:
        return []
    nodes: list[str] = []
    for source, _target, *_ in edges:
        name = graph.nodes[source]
        if name not in nodes:
            nodes.append(name)
    return nodes
