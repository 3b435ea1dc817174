"""Scoring: averages, rounding, mastery, tiers and the result object."""

from __future__ import annotations

from fractions import Fraction

import pytest

from game.core.scoring import exact_averages, result_of, rounded, tier_of
from game.core.state import DecisionRecord, PlayState


def record(**ratings: int) -> DecisionRecord:
    return DecisionRecord("n", "c", tuple(ratings.items()))


def test_average_is_over_decisions_that_assessed_the_competency() -> None:
    """Decisions that did not rate a competency do not dilute its average."""
    history = [record(recognize=5, tolerate=3), record(recognize=4), record(leverage=2)]
    averages = exact_averages(history)
    assert averages == {
        "recognize": Fraction(9, 2),
        "tolerate": Fraction(3),
        "leverage": Fraction(2),
    }


def test_never_assessed_competency_has_no_average() -> None:
    """A competency with no rating is None, and null in the result."""
    state = PlayState("s", "n", history=[record(recognize=5)])
    assert result_of(state)["competencies"] == {
        "recognize": 5.0,
        "tolerate": None,
        "leverage": None,
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(33, 8), 4.13), (Fraction(10, 3), 3.33), (Fraction(2, 3), 0.67), (Fraction(4), 4.0)],
)
def test_rounding_is_half_up_to_two_decimals(value: Fraction, expected: float) -> None:
    """4.125 rounds to 4.13 (not banker's 4.12)."""
    assert rounded(value) == expected


@pytest.mark.parametrize(
    ("recognize", "tolerate", "leverage", "tier"),
    [
        (5, 5, 4, "tinggi"),
        (4, 4, 3, "menengah"),
        (4, 3, 5, "dasar"),
        (3, 5, 5, "belum"),
        (4, 4, None, "menengah"),
        (None, None, None, "belum"),
    ],
)
def test_tier_follows_mastery_of_each_competency(
    recognize: int | None, tolerate: int | None, leverage: int | None, tier: str
) -> None:
    """tinggi: all three; menengah: recognize and tolerate; dasar: recognize; else belum."""
    values = {"recognize": recognize, "tolerate": tolerate, "leverage": leverage}
    averages = {k: (Fraction(v) if v is not None else None) for k, v in values.items()}
    assert tier_of(averages) == tier


def test_mastery_uses_the_exact_average() -> None:
    """3.999... is not mastered even though it would print as 4.00."""
    averages = {"recognize": Fraction(3999, 1000), "tolerate": Fraction(5), "leverage": Fraction(5)}
    assert tier_of(averages) == "belum"
    assert rounded(averages["recognize"]) == 4.0


def test_result_lists_violations_with_node_choice_rule_severity() -> None:
    """Violations appear in order; they do not change the averages."""
    state = PlayState(
        "s",
        "end",
        path=["a", "end"],
        ending_id="end",
        history=[
            DecisionRecord("a", "x", (("recognize", 1),), ("PP 94/2021 Pasal 5 huruf n", "berat"))
        ],
    )
    result = result_of(state)
    assert result["violations"] == [
        {"node": "a", "choice": "x", "rule": "PP 94/2021 Pasal 5 huruf n", "severity": "berat"}
    ]
    assert result["competencies"]["recognize"] == 1.0
    assert result["choices"] == ["a/x"]
