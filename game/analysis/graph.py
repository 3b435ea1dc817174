"""The decision graph of a scenario: one node per scenario node, one edge per way on.

Owns turning a frozen Scenario into a networkx MultiDiGraph whose edges are the
choices of decisions (keyed by choice id) and the ``next`` of linear steps (keyed
``None``), with the facts pictures and lint need as attributes. It ignores
conditions and effects: what plays can really do is exploration's business.
"""

from __future__ import annotations

import networkx as nx

from game.core.model import Scenario

NEXT = "->"  # the edge key of a linear step's ``next``


def decision_graph(scenario: Scenario) -> nx.MultiDiGraph[str]:
    """Nodes carry ``kind`` and ``ending_kind``; edges carry ``choice_id`` and ``score``."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(start=scenario.start)
    for node_id, node in scenario.nodes.items():
        ending_kind = node.ending.kind if node.ending is not None else None
        graph.add_node(node_id, kind=node.kind, ending_kind=ending_kind)
    for node_id, node in scenario.nodes.items():
        for choice in node.choices:
            if choice.goto in scenario.nodes:
                graph.add_edge(
                    node_id,
                    choice.goto,
                    key=choice.choice_id,
                    choice_id=choice.choice_id,
                    score=choice.score,
                )
        if node.next is not None and node.next in scenario.nodes:
            graph.add_edge(node_id, node.next, key=NEXT, choice_id=None, score=())
    return graph


def reachable_from_start(graph: nx.MultiDiGraph[str]) -> set[str]:
    """Nodes some walk from the start can enter, conditions aside."""
    start = graph.graph["start"]
    if start not in graph:
        return set()
    return {start} | set(nx.descendants(graph, start))
