"""The condition language: parsing against a whitelist, types, evaluation, explanations."""

from __future__ import annotations

import pytest

from game.core.expressions import ConditionError, explain, parse_condition, render

TYPES = {"kepercayaan": int, "melapor": bool, "sikap": str}
NODES = {"pagi", "rapat"}


def check(source: str, variables: dict[str, object], visited: tuple[str, ...] = ()) -> bool:
    return parse_condition(source, TYPES, NODES).evaluate(variables, visited)  # type: ignore[arg-type]


VALUES = {"kepercayaan": 2, "melapor": False, "sikap": "netral"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("kepercayaan >= 1", True),
        ("kepercayaan > 2", False),
        ("kepercayaan == 2 and not melapor", True),
        ("melapor or kepercayaan < 0", False),
        ('sikap == "netral"', True),
        ('sikap != "netral"', False),
        ("not (melapor or kepercayaan <= 1)", True),
        ("kepercayaan == -2 or true", True),
        ("false", False),
        ('visited("pagi")', True),
        ('visited("rapat")', False),
    ],
)
def test_conditions_evaluate_as_written(source: str, expected: bool) -> None:
    """Each operator of the language gives the expected truth value."""
    assert check(source, VALUES, ("pagi",)) is expected


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("__import__('os').system('x')", "outside"),
        ("kepercayaan + 1 > 2", "outside"),
        ("kepercayaan.real > 1", "outside"),
        ("[1][0] == 1", "outside"),
        ("sikap == 'netral'", "outside"),
        ("True", "outside"),
        ("len(sikap) > 1", "outside"),
        ("1 < kepercayaan < 3", "outside"),
        ("kepercayaan in (1, 2)", "outside"),
        ("lambda: 1", "outside"),
        ("kepercayaan >=", "syntax"),
        ("kepercayaan = 1", "syntax"),
        ("kepercayaan >= 1 && melapor", "syntax"),
        ("", "syntax"),
        ("unknown_var > 1", "variable"),
        ('visited("nowhere")', "node"),
        ('sikap > "a"', "type"),
        ("kepercayaan == melapor", "type"),
        ("kepercayaan", "type"),
        ("not kepercayaan", "type"),
        ("melapor and kepercayaan", "type"),
    ],
)
def test_condition_outside_the_language_is_refused(source: str, kind: str) -> None:
    """Anything beyond the whitelist, unknown names and type mistakes raise ConditionError."""
    with pytest.raises(ConditionError) as caught:
        parse_condition(source, TYPES, NODES)
    assert caught.value.kind == kind


def test_condition_error_points_inside_the_text() -> None:
    """The offset names the column of the offending part."""
    with pytest.raises(ConditionError) as caught:
        parse_condition("melapor and unknown_var", TYPES, NODES)
    assert caught.value.offset == len("melapor and ")


def test_leading_spaces_shift_the_offset() -> None:
    """Offsets count from the start of the raw text, spaces included."""
    with pytest.raises(ConditionError) as caught:
        parse_condition("  nope", TYPES, NODES)
    assert caught.value.offset == 2


def test_explain_names_only_the_unmet_parts_with_values() -> None:
    """A locked reason lists the false conjuncts and the variables' current values."""
    condition = parse_condition("kepercayaan >= 3 and not melapor", TYPES, NODES)
    reason = explain(condition, {"kepercayaan": 1, "melapor": False, "sikap": ""}, (), "en")
    assert reason == "Needs: kepercayaan >= 3 (now kepercayaan = 1)"
    assert "melapor" not in reason


def test_explain_in_indonesian_uses_indonesian_words() -> None:
    """Connectives are worded in the player's language."""
    condition = parse_condition('not visited("rapat")', TYPES, NODES)
    reason = explain(condition, VALUES, ("rapat",), "id")
    assert reason == 'Perlu: bukan sudah melewati "rapat"'


def test_render_round_trips_structure() -> None:
    """Rendering keeps grouping with parentheses."""
    condition = parse_condition('(melapor or kepercayaan > 1) and sikap == "x"', TYPES, NODES)
    assert render(condition.expr, "en") == '(melapor or kepercayaan > 1) and sikap == "x"'


def test_condition_lists_what_it_reads() -> None:
    """variables() and visited_nodes() name what the condition observes."""
    condition = parse_condition('melapor or visited("pagi") and kepercayaan > 0', TYPES, NODES)
    assert condition.variables() == {"melapor", "kepercayaan"}
    assert condition.visited_nodes() == {"pagi"}


def test_multi_line_condition_parses_with_positions_intact() -> None:
    """Line breaks from YAML block scalars act as spaces; offsets still point into the text."""
    assert check('melapor or\n  sikap == "netral"', VALUES)
    with pytest.raises(ConditionError) as caught:
        parse_condition('melapor and\n  visited("nowhere")', TYPES, NODES)
    assert caught.value.offset == len("melapor and\n  visited(")


def test_deeply_nested_condition_is_an_error_not_a_crash() -> None:
    """Thousands of nested nots give a ConditionError, never a RecursionError."""
    with pytest.raises(ConditionError):
        parse_condition("not " * 480 + "melapor", TYPES, NODES)
    with pytest.raises(ConditionError, match="longer than"):
        parse_condition("not " * 3000 + "melapor", TYPES, NODES)


def test_single_equals_suggests_double() -> None:
    """`x = 1` points at the '=' and says to compare with '=='."""
    with pytest.raises(ConditionError) as caught:
        parse_condition('sikap == "a=b" and kepercayaan = 2', TYPES, NODES)
    assert "==" in caught.value.message
    assert caught.value.offset == len('sikap == "a=b" and kepercayaan ')
