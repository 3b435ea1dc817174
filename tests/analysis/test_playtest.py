"""Play-testing with the real engine: every play, seeded random plays, coverage, failures."""

from __future__ import annotations

from support import FIXTURES, SCENARIOS, load_scenario

from game.analysis.playtest import every_play, random_plays

LINT = FIXTURES / "lint"


def test_every_play_covers_every_node_and_choice_of_a_shipped_scenario() -> None:
    """hoaks-viral: all five endings reached, nothing left unentered or untaken, no failure."""
    scenario = load_scenario(SCENARIOS / "hoaks-viral.yaml")
    report = every_play(scenario).to_dict()
    assert report["passed"] and report["failures"] == []
    assert report["nodes_never_entered"] == [] and report["choices_never_taken"] == []
    assert set(report["endings"]) == {n for n, node in scenario.nodes.items() if node.ending}


def test_a_dead_end_fails_with_the_route_that_meets_it() -> None:
    """The engine's dead end is a failure, named once with the first route and a count."""
    report = every_play(load_scenario(LINT / "SCN202-dead-end-after-a-choice.yaml")).to_dict()
    assert not report["passed"]
    (failure,) = report["failures"]
    assert failure["route"][0] == "d1/menghindar" and "d3" in failure["message"]
    assert failure["times"] == 2  # after d2/kurang and after d2/baik


def test_a_loop_with_no_way_out_fails_in_both_modes() -> None:
    """Every play finds the trap from the states; random plays find it by running too long."""
    scenario = load_scenario(LINT / "SCN203-loop-with-no-way-out.yaml")
    every = every_play(scenario).to_dict()
    assert not every["passed"] and "loop with no way out" in every["failures"][0]["message"]
    drawn = random_plays(scenario, 20, seed=0).to_dict()
    assert not drawn["passed"] and "did not end" in drawn["failures"][0]["message"]
    assert drawn["failures"][0]["route"][-1].startswith("... (")


def test_random_plays_are_the_same_for_a_seed_and_prefer_untaken_choices() -> None:
    """Same seed, same report; with as many plays as choices, every choice gets taken."""
    scenario = load_scenario(LINT / "clean.yaml")
    first = random_plays(scenario, 6, seed=11).to_dict()
    assert first == random_plays(scenario, 6, seed=11).to_dict()
    assert first["choices_never_taken"] == []  # 6 choices in all, each preferred until taken
    assert first["plays"] == 6 and first["requested"] == 6


def test_random_plays_report_what_they_missed() -> None:
    """One random play of a branching scenario leaves choices untaken, and says which."""
    report = random_plays(load_scenario(LINT / "clean.yaml"), 1, seed=0).to_dict()
    assert len(report["choices_never_taken"]) == 3
    assert report["passed"]
