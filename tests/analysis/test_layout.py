"""The layered layout of decision graphs that pictures of scenarios are drawn from."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES, load_scenario, shipped_scenarios

from game.analysis.graph import decision_graph
from game.analysis.layout import layout_scenario
from game.content.loader import load_bytes
from game.core.model import Scenario

LOOP = """\
format: 1
id: loop
title: {id: Putaran, en: Loop}
start: ask
variables: {tries: 0}
nodes:
  ask:
    text: {id: Tanya, en: Ask}
    choices:
      - id: again
        text: {id: Lagi, en: Again}
        goto: wait
        add: {tries: 1}
        score: {recognize: 2}
      - id: stop
        text: {id: Berhenti, en: Stop}
        goto: done
        score: {recognize: 5}
  wait:
    text: {id: Tunggu, en: Wait}
    next: ask
  done:
    text: {id: Selesai, en: Done}
    ending: {title: {id: Selesai, en: Done}, kind: good}
  orphan:
    text: {id: Yatim, en: Orphan}
    next: done
"""


def loop_scenario() -> Scenario:
    result = load_bytes(LOOP.encode(), Path("loop.yaml"))
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_every_forward_edge_points_to_a_later_column(path: Path) -> None:
    """Columns grow along every edge that is not a loop back, and the start is column 0."""
    scenario = load_scenario(path)
    layout = layout_scenario(scenario)
    assert layout.node(scenario.start).x == 0
    for edge in layout.edges:
        xs = [x for x, _ in edge.points]
        if not edge.is_back:
            assert xs == sorted(xs) and len(set(xs)) == len(xs), edge
            assert layout.node(edge.source).x < layout.node(edge.target).x


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_every_node_and_choice_is_placed_once(path: Path) -> None:
    """One placed node per node, one edge per choice and per next, no two nodes on a spot."""
    scenario = load_scenario(path)
    layout = layout_scenario(scenario)
    assert sorted(n.node_id for n in layout.nodes) == sorted(scenario.nodes)
    ways = sum(len(n.choices) + (n.next is not None) for n in scenario.nodes.values())
    assert len(layout.edges) == ways == decision_graph(scenario).number_of_edges()
    spots = [(n.x, n.y) for n in layout.nodes]
    assert len(set(spots)) == len(spots)
    assert max(n.x for n in layout.nodes) == layout.columns - 1


def test_edges_that_skip_columns_pass_through_waypoints() -> None:
    """An edge over k columns has k+1 points, one per column it crosses."""
    layout = layout_scenario(load_scenario(FIXTURES / "mini.yaml"))
    for edge in layout.edges:
        if not edge.is_back:
            span = layout.node(edge.target).x - layout.node(edge.source).x
            assert len(edge.points) == span + 1


def test_a_loop_is_drawn_back_and_an_orphan_is_marked_unreachable() -> None:
    """The step back to the question is a back edge; a node nothing leads to is unreachable."""
    layout = layout_scenario(loop_scenario())
    back = [(e.source, e.target) for e in layout.edges if e.is_back]
    assert back == [("wait", "ask")]
    reachable = {n.node_id: n.is_reachable for n in layout.nodes}
    assert reachable == {"ask": True, "wait": True, "done": True, "orphan": False}


def test_layout_is_the_same_every_time() -> None:
    """The same scenario gives the same picture (no hash or set order leaks in)."""
    scenario = load_scenario(shipped_scenarios()[0])
    assert layout_scenario(scenario) == layout_scenario(scenario)
