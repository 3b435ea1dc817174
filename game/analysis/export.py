"""A scenario's decision graph for other tools: Graphviz DOT text and GraphML.

Owns writing the decision graph with what the pictures show as data: each
node's kind, ending kind, whether a play can enter it, whether it is a dead
end and whether the given path went through it; each edge's choice id, its
ratings (``recognize=5 tolerate=3``) and whether the path took it. DOT is
written directly (quoted ids, shapes and colours like the pictures'), so no
Graphviz is needed to make it, only to draw it; GraphML is networkx's. It
lays nothing out and writes no file: the command does.
"""

from __future__ import annotations

import io

import networkx as nx

from game.analysis.graph import decision_graph
from game.analysis.layout import PlacedEdge
from game.analysis.overlay import GraphMarks, PlayedPath
from game.analysis.picture import DEAD_END_COLOUR, ENDING_COLOURS, edge_label, legend_words
from game.core.model import Scenario

SHAPES = {"decision": "circle", "step": "diamond", "ending": "box"}


def ratings_text(score: tuple[tuple[str, int], ...]) -> str:
    """``recognize=5 tolerate=3``: a choice's ratings as one string."""
    return " ".join(f"{name}={value}" for name, value in score)


def annotated_graph(
    scenario: Scenario, marks: GraphMarks, path: PlayedPath | None = None
) -> nx.MultiDiGraph[str]:
    """The decision graph with string, boolean and integer attributes only (GraphML's kinds)."""
    source = decision_graph(scenario)
    path = path or PlayedPath()
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(
        scenario=scenario.scenario_id, start=scenario.start, path_given=bool(path.nodes)
    )
    for node_id, data in source.nodes(data=True):
        graph.add_node(
            node_id,
            kind=data["kind"],
            ending_kind=data["ending_kind"] or "",
            reachable=node_id not in marks.unreachable,
            dead_end=node_id in marks.dead_ends,
            on_path=node_id in path.nodes,
            path_number=path.numbers.get(node_id, 0),
        )
    for u, v, key, data in source.edges(keys=True, data=True):
        edge = PlacedEdge(u, v, data["choice_id"], data["score"], (), False)
        graph.add_edge(
            u,
            v,
            key=key,
            choice_id=data["choice_id"] or "",
            ratings=ratings_text(data["score"]),
            on_path=path.follows(edge),
        )
    return graph


def graphml_text(scenario: Scenario, marks: GraphMarks, path: PlayedPath | None = None) -> str:
    """The annotated graph as GraphML."""
    buffer = io.BytesIO()
    nx.write_graphml(annotated_graph(scenario, marks, path), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def dot_text(
    scenario: Scenario, marks: GraphMarks, path: PlayedPath | None = None, lang: str = "en"
) -> str:
    """A ``digraph``, left to right from the start, for Graphviz to lay out and draw."""
    graph = annotated_graph(scenario, marks, path)
    words = legend_words(lang)
    lines = [
        f"digraph {_quote(scenario.scenario_id)} {{",
        "  rankdir=LR;",
        '  node [fontname="Noto Sans" fontsize=11 style=filled fillcolor="#FFFFFF"];',
        '  edge [fontname="Noto Sans" fontsize=9 color="#52606D"];',
    ]
    for node_id, data in graph.nodes(data=True):
        attributes: dict[str, str] = {
            "shape": SHAPES.get(data["kind"], "ellipse"),
            "tooltip": words.get(data["kind"], data["kind"]),
        }
        if data["kind"] == "ending":
            attributes["fillcolor"] = ENDING_COLOURS.get(data["ending_kind"] or None, "#52606D")
            attributes["fontcolor"] = "#FFFFFF"
            attributes["style"] = "filled,rounded"
            attributes["tooltip"] = words.get(data["ending_kind"], data["kind"])
        if data["on_path"]:
            attributes["penwidth"] = "3"
            attributes["color"] = "#0B4F6C"
        if not data["reachable"]:
            attributes["style"] = attributes.get("style", "filled") + ",dashed"
            attributes["color"] = "#9AA5B1"
            attributes["xlabel"] = words["unreachable"]
        if data["dead_end"]:
            attributes["color"] = DEAD_END_COLOUR
            attributes["peripheries"] = "2"
            attributes["xlabel"] = words["dead_end"]
        if data["path_number"]:
            attributes["label"] = f"{node_id}\n#{data['path_number']}"
        lines.append(f"  {_quote(node_id)} [{_attributes(attributes)}];")
    scores = {
        (u, v, key): data["score"]
        for u, v, key, data in decision_graph(scenario).edges(keys=True, data=True)
    }
    for u, v, key, data in graph.edges(keys=True, data=True):
        attributes = {}
        if data["choice_id"]:
            placed = PlacedEdge(u, v, data["choice_id"], scores[(u, v, key)], (), False)
            attributes["label"] = " ".join(edge_label(placed))
        if data["on_path"]:
            attributes["color"] = "#0B4F6C"
            attributes["penwidth"] = "3"
        if not graph.nodes[u]["reachable"]:
            attributes["style"] = "dashed"
        suffix = f" [{_attributes(attributes)}]" if attributes else ""
        lines.append(f"  {_quote(u)} -> {_quote(v)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _attributes(attributes: dict[str, str]) -> str:
    return " ".join(f"{name}={_quote(value)}" for name, value in attributes.items())


def _quote(text: str) -> str:
    """A DOT ID in double quotes: backslashes and quotes escaped, line breaks as ``\\n``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
