"""Whole numbers grouped as each language writes them."""

from __future__ import annotations

from game.numbers import grouped


def test_thousands_are_grouped_by_a_dot_in_indonesian_and_a_comma_in_english() -> None:
    assert grouped(249_086, "id") == "249.086" and grouped(249_086, "en") == "249,086"
    assert grouped(10_000, "id") == "10.000" and grouped(999, "id") == "999"
    assert grouped(1_234_567, "en") == "1,234,567" and grouped(0, "en") == "0"
