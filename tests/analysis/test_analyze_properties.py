"""On random small acyclic scenarios the analysis equals brute-force enumeration by the engine."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.analysis.analyze import analyze
from game.analysis.explore import explore
from game.analysis.order import topological_order
from game.analysis.outcomes import KINDS, best_per_choice, outcomes
from game.content.loader import load_bytes
from game.core.engine import Engine
from game.core.model import COMPETENCIES, Scenario
from game.core.scoring import exact_averages, tier_of
from game.errors import DeadEndError

CONDITIONS = ["", "x >= 1", "x < 2", 'not visited("{node}")', 'visited("{node}") or x == 0']


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """Up to six decisions or steps in a row, three endings, a counter and visited() checks."""
    size = draw(st.integers(1, 6))
    names = [f"n{i}" for i in range(size)]
    endings = ["e0", "e1", "e2"]
    lines = [
        "format: 1",
        "id: acak",
        "title: {id: Acak, en: Random}",
        "start: n0",
        "variables: {x: 0}",
        "nodes:",
    ]
    for index, name in enumerate(names):
        later = names[index + 1 :] + endings
        lines += [f"  {name}:", "    text: {id: Simpul, en: Node}"]
        if draw(st.integers(0, 4)) == 0:
            lines.append(f"    next: {draw(st.sampled_from(later))}")
            continue
        rated = draw(st.lists(st.sampled_from(COMPETENCIES), min_size=1, max_size=3, unique=True))
        lines.append("    choices:")
        for number in range(draw(st.integers(1, 3))):
            lines += [
                f"      - id: c{number}",
                "        text: {id: Pilihan, en: Choice}",
                f"        goto: {draw(st.sampled_from(later))}",
            ]
            condition = draw(st.sampled_from(CONDITIONS)).format(node=draw(st.sampled_from(names)))
            if condition and (number > 0 or draw(st.booleans())):
                lines.append(f"        if: '{condition}'")
            if draw(st.booleans()):
                lines.append("        add: {x: 1}")
            ratings = ", ".join(f"{name}: {draw(st.integers(1, 5))}" for name in rated)
            lines.append(f"        score: {{{ratings}}}")
    for name, kind in zip(endings, ("good", "mixed", "bad"), strict=True):
        lines += [
            f"  {name}:",
            "    text: {id: Akhir, en: End}",
            f"    ending: {{title: {{id: Akhir, en: End}}, kind: {kind}}}",
        ]
    text = "\n".join(lines) + "\n"
    result = load_bytes(text.encode(), Path("acak.yaml"))
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


def every_play(scenario: Scenario) -> list[Engine]:
    """Every complete play, found by replaying each choice sequence from the start."""
    finished: list[Engine] = []
    pending: list[list[str]] = [[]]
    while pending:
        sequence = pending.pop()
        try:
            engine = Engine(scenario)
            for choice_id in sequence:
                engine._advance_to_decision()
                engine.choose(choice_id)
            engine._advance_to_decision()
        except DeadEndError:
            continue
        if engine.is_finished:
            finished.append(engine)
            continue
        pending += [sequence + [c.choice_id] for c in engine.available_choices()]
    return finished


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_counts_bounds_and_tiers_equal_enumeration(scenario: Scenario) -> None:
    """paths, score_range, tiers, decisions and endings match listing every play."""
    plays = every_play(scenario)
    analysis = analyze(scenario)
    assert analysis.paths == len(plays)
    averages = [exact_averages(engine.state.history) for engine in plays]
    for name in COMPETENCIES:
        values = [a[name] for a in averages if a[name] is not None]
        expected = (min(values), max(values)) if values else None
        assert analysis.score_range[name] == expected, name
    tiers = Counter(tier_of(a) for a in averages)
    assert analysis.tiers == {t: tiers.get(t, 0) for t in ("belum", "dasar", "menengah", "tinggi")}
    passes = Counter(n for e in plays for n in set(e.state.path))
    assert analysis.decisions == {
        n: passes.get(n, 0) for n, node in scenario.nodes.items() if node.kind == "decision"
    }
    reached = {e.state.ending_id for e in plays}
    assert set(analysis.endings) >= reached


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_outcomes_of_choices_equal_enumeration(scenario: Scenario) -> None:
    """Best tier and best ending kind per choice, and tiers per ending, match every play."""
    graph = explore(scenario)
    order = topological_order(graph)
    assert order is not None
    facts = outcomes(graph, order)
    best_tier: dict[tuple[str, str], int] = {}
    best_kind: dict[tuple[str, str], int] = {}
    ending_tiers: dict[str, set[str]] = {}
    for engine in every_play(scenario):
        tier = tier_of(exact_averages(engine.state.history))
        ending = scenario.nodes[engine.state.ending_id or ""].ending
        kind = KINDS.index(ending.kind) if ending and ending.kind in KINDS else -1
        ending_tiers.setdefault(engine.state.ending_id or "", set()).add(tier)
        for record in engine.state.history:
            key = (record.node_id, record.choice_id)
            rank = ("belum", "dasar", "menengah", "tinggi").index(tier)
            best_tier[key] = max(best_tier.get(key, -1), rank)
            best_kind[key] = max(best_kind.get(key, -1), kind)
    assert facts.move_tier is not None and facts.ending_tiers is not None
    tiers_found = best_per_choice(facts.move_tier, graph)
    kinds_found = best_per_choice(facts.move_kind, graph)
    assert {k: v for k, v in tiers_found.items() if k in best_tier} == best_tier
    assert {k: v for k, v in kinds_found.items() if k in best_kind} == best_kind
    assert facts.ending_tiers == ending_tiers
