"""Exact analysis of play states: counts, bounds, tiers, dead ends, loops and limits."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from support import FIXTURES, SCENARIOS, load_scenario

from game.analysis.analyze import analyze
from game.analysis.counting import completions, exact_tiers, sampled_tiers
from game.analysis.explore import explore
from game.analysis.order import topological_order
from game.content.loader import load_bytes
from game.core.model import Scenario

HEAD = """\
format: 1
id: {id}
title: {{id: Uji, en: Test}}
start: {start}
variables: {{tries: 0, open: true}}
nodes:
"""


def scenario(body: str, start: str = "ask", scenario_id: str = "uji") -> Scenario:
    text = HEAD.format(id=scenario_id, start=start) + body
    result = load_bytes(text.encode(), Path(f"{scenario_id}.yaml"))
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


def ending(name: str, kind: str = "good") -> str:
    return f"""\
  {name}:
    text: {{id: Akhir, en: End}}
    ending: {{title: {{id: Akhir, en: End}}, kind: {kind}}}
"""


COUNTED_LOOP = """\
  ask:
    text: {id: Tanya, en: Ask}
    choices:
      - id: again
        text: {id: Lagi, en: Again}
        if: "tries < 2"
        add: {tries: 1}
        goto: wait
        score: {recognize: 1}
      - id: stop
        text: {id: Berhenti, en: Stop}
        goto: done
        score: {recognize: 5}
  wait:
    text: {id: Tunggu, en: Wait}
    next: ask
""" + ending("done")


def test_a_loop_guarded_by_a_counter_is_finite_and_counted_exactly() -> None:
    """stop; again, stop; again, again, stop: three plays, and the state graph is finite."""
    analysis = analyze(scenario(COUNTED_LOOP))
    assert analysis.paths == 3
    assert not analysis.is_unbounded and not analysis.is_partial
    assert analysis.endings == ["done"]
    # ask and wait at tries 0, 1, 2 (wait only at 1 and 2), done at 0, 1, 2
    assert analysis.states == 3 + 2 + 3
    assert analysis.decisions == {"ask": 3}


def test_score_range_is_the_exact_extreme_mean_over_plays() -> None:
    """Means are 5, (1+5)/2 = 3 and (1+1+5)/3 = 7/3; leverage is never rated."""
    analysis = analyze(scenario(COUNTED_LOOP))
    assert analysis.score_range["recognize"] == (Fraction(7, 3), Fraction(5))
    assert analysis.score_range["tolerate"] is None
    data = analysis.to_dict()["score_range"]
    assert data["recognize"] == {"min": 7 / 3, "max": 5.0, "min_exact": "7/3", "max_exact": "5"}
    assert data["leverage"] is None


def test_tiers_count_every_play_by_its_final_averages() -> None:
    """Only recognize is rated: mean 5 is mastered (dasar), 3 and 7/3 are not (belum)."""
    analysis = analyze(scenario(COUNTED_LOOP))
    assert analysis.tiers == {"belum": 2, "dasar": 1, "menengah": 0, "tinggi": 0}
    assert not analysis.tiers_estimated


def test_a_loop_nothing_bounds_is_unbounded_with_its_cycle() -> None:
    """Without a guard a play can circle for ever: no count, and the loop's nodes are named."""
    body = COUNTED_LOOP.replace('        if: "tries < 2"\n', "")
    analysis = analyze(scenario(body))
    assert analysis.paths is None and analysis.is_unbounded
    assert set(analysis.cycle) == {"ask", "wait"}
    data = analysis.to_dict()
    assert data["unbounded"] is True and data["paths"] is None and "cycle" in data


def test_a_counter_no_condition_can_tell_apart_saturates() -> None:
    """tries only grows and is only compared with 0: 1 and 100 play alike, so states stay few."""
    body = COUNTED_LOOP.replace('if: "tries < 2"', 'if: "tries >= 0"')
    analysis = analyze(scenario(body), state_limit=500)
    assert not analysis.is_partial and analysis.states < 10
    assert analysis.is_unbounded  # the loop itself can still go round for ever


def test_a_counter_compared_with_a_variable_stops_at_the_state_limit() -> None:
    """A guard against another variable cannot saturate: states grow until the limit."""
    body = COUNTED_LOOP.replace('if: "tries < 2"', 'if: "tries < cap"')
    text = HEAD.replace("{{tries: 0, open: true}}", "{{tries: 0, open: true, cap: 1000000}}")
    loaded = load_bytes((text.format(id="batas", start="ask") + body).encode(), Path("batas.yaml"))
    assert loaded.scenario is not None, [d.format() for d in loaded.diagnostics]
    limited = analyze(loaded.scenario, state_limit=500)
    assert limited.is_partial and limited.states == 500
    data = limited.to_dict()
    assert data["partial"] is True and "state limit" in data["message"]
    assert data["paths"] is None and data["score_range"] is None


def test_a_dead_end_is_found_with_a_route_that_reaches_it() -> None:
    """After 'close' the only way on needs 'open': the decision offers nothing."""
    body = (
        """\
  ask:
    text: {id: Tanya, en: Ask}
    choices:
      - id: close
        text: {id: Tutup, en: Close}
        set: {open: false}
        goto: gate
        score: {tolerate: 3}
      - id: keep
        text: {id: Biarkan, en: Keep}
        goto: gate
        score: {tolerate: 4}
  gate:
    text: {id: Gerbang, en: Gate}
    choices:
      - id: through
        text: {id: Lewat, en: Through}
        if: "open"
        goto: done
        score: {tolerate: 5}
"""
        + ending("done")
        + """\
  lost:
    text: {id: Hilang, en: Lost}
    next: done
"""
    )
    analysis = analyze(scenario(body))
    assert [(d.node_id, d.route) for d in analysis.dead_ends] == [("gate", ("close",))]
    assert analysis.paths == 1
    assert analysis.unreachable == ["lost"]
    assert analysis.decisions == {"ask": 1, "gate": 1}


def test_visited_flags_are_tracked_only_for_nodes_conditions_name() -> None:
    """A visited() condition splits states by that one flag, and plays follow it."""
    body = """\
  ask:
    text: {id: Tanya, en: Ask}
    choices:
      - id: look
        text: {id: Lihat, en: Look}
        goto: room
        score: {leverage: 4}
      - id: skip
        text: {id: Lewati, en: Skip}
        goto: hall
        score: {leverage: 2}
  room:
    text: {id: Ruang, en: Room}
    next: hall
  hall:
    text: {id: Aula, en: Hall}
    choices:
      - id: use
        text: {id: Pakai, en: Use}
        if: 'visited("room")'
        goto: done
        score: {leverage: 5}
      - id: leave
        text: {id: Pergi, en: Leave}
        goto: done
        score: {leverage: 1}
""" + ending("done")
    analysis = analyze(scenario(body))
    assert analysis.paths == 3  # look+use, look+leave, skip+leave
    assert analysis.score_range["leverage"] == (Fraction(3, 2), Fraction(9, 2))


def test_the_fixture_whose_counter_climbs_in_a_loop_is_analysed_exactly() -> None:
    """tests/fixtures/mini.yaml loops while 'kepercayaan' climbs; it is only compared with 1."""
    result = load_bytes((FIXTURES / "mini.yaml").read_bytes(), FIXTURES / "mini.yaml")
    assert result.scenario is not None
    analysis = analyze(result.scenario, state_limit=2_000)
    assert not analysis.is_partial and analysis.endings == ["akhir-baik", "akhir-buruk"]


def test_sampled_tiers_estimate_the_exact_counts() -> None:
    """Plays drawn uniformly (seeded) estimate each tier's count within a few percent."""
    graph = explore(load_scenario(SCENARIOS / "hoaks-viral.yaml"))
    order = topological_order(graph)
    assert order is not None
    ahead = completions(graph, order)
    exact = exact_tiers(graph, order, budget=None)
    assert exact is not None
    estimate, drawn = sampled_tiers(graph, ahead, samples=20_000, seed=5, steps=10**9)
    assert drawn == 20_000 and sum(estimate.values()) == pytest.approx(ahead[0], abs=4)
    for tier, count in exact.items():
        assert estimate[tier] == pytest.approx(count, abs=0.015 * ahead[0]), tier
    assert sampled_tiers(graph, ahead, samples=500, seed=5) == sampled_tiers(
        graph, ahead, samples=500, seed=5
    )
