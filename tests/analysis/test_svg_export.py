"""The graph as SVG, DOT and GraphML, with its marks and a play's path over it."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx
import pytest
from support import FIXTURES, SCENARIOS, load_scenario

from game.analysis.export import dot_text, graphml_text
from game.analysis.layout import layout_scenario
from game.analysis.overlay import GraphMarks, PlayedPath, ResultMismatchError, graph_marks
from game.analysis.picture import Box, edge_label, fit_canvas, labelled_routes, place_labels
from game.analysis.svg import LINE, graph_svg, text_width
from game.core.engine import Engine
from game.core.model import Scenario

SVG = "{http://www.w3.org/2000/svg}"
LINT = FIXTURES / "lint"


def finished(scenario: Scenario, pick: int = 0) -> Engine:
    """A play to an ending, taking the ``pick``-th available choice (wrapping) everywhere."""
    engine = Engine(scenario)
    while not engine.is_finished:
        view = engine.current()
        if view.kind == "decision":
            available = [c for c in view.choices if c.is_available]
            engine.choose(available[pick % len(available)].choice_id)
        else:
            engine.advance()
    return engine


def parsed(scenario: Scenario, path: PlayedPath | None = None) -> ET.Element:
    layout = layout_scenario(scenario)
    return ET.fromstring(graph_svg(layout, graph_marks(scenario, layout), path, "en"))


def of_class(root: ET.Element, tag: str, name: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}{tag}") if name in e.get("class", "").split()]


@pytest.fixture(scope="module")
def hoaks() -> Scenario:
    return load_scenario(SCENARIOS / "hoaks-viral.yaml")


def test_svg_has_one_shape_per_node_and_one_label_per_choice(hoaks: Scenario) -> None:
    """Every node is one group with its shape and id; every choice is one labelled edge."""
    root = parsed(hoaks)
    nodes = of_class(root, "g", "node")
    assert sorted(g.get("data-node") for g in nodes) == sorted(hoaks.nodes)
    for group in nodes:
        kind = hoaks.nodes[group.get("data-node", "")].kind
        shape = {"decision": "circle", "step": "polygon", "ending": "rect"}[kind]
        assert len(group.findall(f"{SVG}{shape}")) == 1, group.get("data-node")
    choices = sorted(
        f"{node_id}/{choice.choice_id}"
        for node_id, node in hoaks.nodes.items()
        for choice in node.choices
    )
    labels = of_class(root, "text", "edge-label")
    assert sorted(f"{t.get('data-source')}/{t.get('data-choice')}" for t in labels) == choices
    assert len(of_class(root, "text", "node-label")) == len(hoaks.nodes)


def test_svg_marks_a_node_no_play_enters() -> None:
    """SCN200's forgotten step is drawn dashed and hollow, and the legend names the mark."""
    scenario = load_scenario(LINT / "SCN200-node-no-play-enters.yaml")
    root = parsed(scenario)
    unreachable = of_class(root, "g", "unreachable")
    assert [g.get("data-node") for g in unreachable] == ["lupa"]
    assert unreachable[0].find(f"{SVG}polygon").get("stroke-dasharray")  # type: ignore[union-attr]
    assert not of_class(root, "g", "dead-end")
    legend = ET.tostring(of_class(root, "g", "legend")[0], encoding="unicode")
    assert "unreachable" in legend and "dead end" not in legend


def test_svg_marks_a_dead_end_with_a_stop_sign() -> None:
    """SCN202's d3 (where 'menghindar' leaves no choice) carries the dead-end mark."""
    scenario = load_scenario(LINT / "SCN202-dead-end-after-a-choice.yaml")
    root = parsed(scenario)
    assert [g.get("data-node") for g in of_class(root, "g", "dead-end")] == ["d3"]
    assert len(of_class(root, "g", "dead-end-mark")) == 1
    assert not of_class(root, "g", "unreachable")


def test_svg_draws_the_path_over_exactly_the_choices_taken(hoaks: Scenario) -> None:
    """One thick path line per way the play took, and its decisions numbered 1, 2, 3..."""
    engine = finished(hoaks, 1)
    path = PlayedPath.of(engine.state)
    root = parsed(hoaks, path)
    drawn = of_class(root, "polyline", "path-edge")
    taken = [
        f"{e.get('data-source')}/{e.get('data-choice')}" for e in drawn if e.get("data-choice")
    ]
    assert sorted(taken) == sorted(engine.result()["choices"])
    assert len(drawn) == len(engine.state.path) - 1
    numbers = [int(t.text or 0) for t in of_class(root, "text", "path-number")]
    assert sorted(numbers) == list(range(1, len(engine.state.history) + 1))
    assert not of_class(parsed(hoaks), "polyline", "path-edge")


def test_labels_sit_on_their_own_edge_and_never_cover_one_another(hoaks: Scenario) -> None:
    """Choice labels do not overlap each other, and each sits within its shelf's reach."""
    layout = layout_scenario(hoaks)
    frame = fit_canvas(layout, text_width, LINE).frame
    found = labelled_routes(frame, text_width, LINE)
    labels = place_labels(frame, found, text_width, LINE)
    boxes = [text.box for _, text in labels.edges]
    assert len(boxes) == sum(len(node.choices) for node in hoaks.nodes.values())
    for index, box in enumerate(boxes):
        assert all(box.overlap(other) == 0 for other in boxes[index + 1 :]), box
    for route, text in labels.edges:
        x, y = route.label_at
        assert text.box.left < x < text.box.right
        assert 0 < y - text.box.bottom <= 5 or 0 < text.box.top - y <= 5


def test_edge_labels_name_the_choice_and_its_ratings_by_initial(hoaks: Scenario) -> None:
    """'choice-id' then '(r5 t3 l4)', competencies in their usual order; steps have none."""
    layout = layout_scenario(hoaks)
    by_choice = {(e.source, e.choice_id): e for e in layout.edges}
    edge = by_choice[("grup-pagi", "tahan-dan-ingatkan")]
    assert edge_label(edge) == ("tahan-dan-ingatkan", "(r5 t5)")
    assert edge_label(by_choice[("pembuka", None)]) == ()


def test_the_canvas_holds_everything_drawn(hoaks: Scenario) -> None:
    """Shapes, routes and labels all fall inside the picture's size."""
    layout = layout_scenario(hoaks)
    canvas = fit_canvas(layout, text_width, LINE)
    found = labelled_routes(canvas.frame, text_width, LINE)
    bounds = place_labels(canvas.frame, found, text_width, LINE).bounds
    assert Box(0, 0, canvas.width, canvas.height).overlap(bounds) == pytest.approx(
        bounds.width * bounds.height
    )


def test_dot_names_every_node_and_every_edge(hoaks: Scenario) -> None:
    """Each node is declared with its shape; each way on is one edge, choices labelled."""
    layout = layout_scenario(hoaks)
    text = dot_text(hoaks, graph_marks(hoaks, layout), PlayedPath.of(finished(hoaks).state))
    assert text.startswith('digraph "hoaks-viral" {') and text.rstrip().endswith("}")
    for node_id, node in hoaks.nodes.items():
        assert f'  "{node_id}" [shape=' in text
        for choice in node.choices:
            assert f'"{node_id}" -> "{choice.goto}" [label="{choice.choice_id} (' in text
    assert text.count(" -> ") == len(layout.edges)
    assert text.count('penwidth="3"') >= len(finished(hoaks).state.path)


def test_dot_quotes_what_would_break_an_id() -> None:
    """Quotes and backslashes in an id are escaped, so the DOT stays one statement."""
    from game.analysis.export import _quote

    assert _quote('a"b\\c') == '"a\\"b\\\\c"'


def test_graphml_round_trips_with_its_attributes() -> None:
    """networkx reads back kind, reachability, dead ends, path and each choice's ratings."""
    scenario = load_scenario(LINT / "SCN202-dead-end-after-a-choice.yaml")
    layout = layout_scenario(scenario)
    path = PlayedPath.made(["d1", "d2", "d3"], [("d1", "menghindar"), ("d2", "baik")])
    text = graphml_text(scenario, graph_marks(scenario, layout), path)
    graph: Any = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    assert set(graph.nodes) == set(scenario.nodes)
    assert graph.nodes["d3"]["dead_end"] is True and graph.nodes["d1"]["dead_end"] is False
    assert graph.nodes["akhir"]["kind"] == "ending"
    assert graph.nodes["akhir"]["ending_kind"] == "mixed"
    assert all(graph.nodes[n]["reachable"] for n in graph.nodes)
    assert [n for n in graph.nodes if graph.nodes[n]["on_path"]] == ["d1", "d2", "d3"]
    by_choice = {(u, d["choice_id"]): d for u, _, d in graph.edges(data=True)}
    assert by_choice[("d1", "menghindar")]["ratings"] == "recognize=1"
    assert by_choice[("d1", "menghindar")]["on_path"] is True
    assert by_choice[("d1", "baik")]["on_path"] is False
    assert by_choice[("d2", "baik")]["on_path"] is True
    assert graph.number_of_edges() == 7


def test_graphml_says_which_node_no_play_enters() -> None:
    """SCN200's 'lupa' is reachable=False; every other node is reachable."""
    scenario = load_scenario(LINT / "SCN200-node-no-play-enters.yaml")
    layout = layout_scenario(scenario)
    graph: Any = nx.read_graphml(io.StringIO(graphml_text(scenario, graph_marks(scenario, layout))))
    assert [n for n in graph.nodes if not graph.nodes[n]["reachable"]] == ["lupa"]


def test_marks_come_from_the_plays_not_the_arrows() -> None:
    """A state limit too small to finish keeps the layout's reachability instead."""
    scenario = load_scenario(LINT / "SCN200-node-no-play-enters.yaml")
    layout = layout_scenario(scenario)
    assert graph_marks(scenario, layout) == GraphMarks(frozenset({"lupa"}), frozenset())
    partial = graph_marks(scenario, layout, state_limit=2)
    assert partial.is_partial and partial.unreachable == frozenset({"lupa"})


def test_a_result_gives_the_same_path_as_the_play_state(hoaks: Scenario) -> None:
    """``play --json``'s path and choices rebuild what the report draws from the state."""
    engine = finished(hoaks, 2)
    assert PlayedPath.from_result(engine.result(), hoaks) == PlayedPath.of(engine.state)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"scenario": "netralitas-pemilu"}, "not of 'hoaks-viral'"),
        ({"path": ["pembuka", "ruang-rahasia"]}, "'ruang-rahasia'"),
        ({"choices": ["grup-pagi/terbang"]}, "'grup-pagi/terbang'"),
        ({"choices": ["evaluasi/tim-damai"]}, "'evaluasi/tim-damai'"),  # not on its path
        ({"path": "pembuka"}, "lists of strings"),
    ],
)
def test_a_result_that_does_not_fit_is_refused(
    hoaks: Scenario, change: dict[str, Any], words: str
) -> None:
    """Another scenario's result, or one naming what this scenario lacks, is refused."""
    result = {**finished(hoaks).result(), **change}
    if "choices" in change:
        result["path"] = ["pembuka", "grup-pagi", "cek-sumber"]
    with pytest.raises(ResultMismatchError, match=words):
        PlayedPath.from_result(result, hoaks)
