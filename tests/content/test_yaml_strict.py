"""The strict YAML reader: typing rules, refusals, positions, both parsers."""

from __future__ import annotations

import pytest

from game.content import yaml_strict
from game.content.yaml_strict import YamlRefused, load_document

PARSERS = [False, True] if yaml_strict.HAS_LIBYAML else [True]


@pytest.fixture(params=PARSERS, ids=lambda pure: "pure" if pure else "libyaml")
def pure(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def load(text: str, pure: bool, **kwargs: int) -> object:
    return load_document(text.encode(), pure=pure, **kwargs).data


def refusal(text: str, pure: bool, **kwargs: int) -> yaml_strict.YamlProblem:
    with pytest.raises(YamlRefused) as caught:
        load_document(text.encode() if isinstance(text, str) else text, pure=pure, **kwargs)
    return caught.value.problem


def test_yaml11_surprises_stay_text(pure: bool) -> None:
    """no/yes/on stay strings; 12:30, 012345, dates and hex stay strings."""
    data = load("a: no\nb: yes\nc: 12:30\nd: 012345\ne: 2024-01-01\nf: 0x1F\ng: on\n", pure)
    assert data == {
        "a": "no",
        "b": "yes",
        "c": "12:30",
        "d": "012345",
        "e": "2024-01-01",
        "f": "0x1F",
        "g": "on",
    }


def test_only_true_and_false_are_booleans(pure: bool) -> None:
    """true/false are booleans; True and FALSE are text."""
    assert load("a: true\nb: false\nc: True\nd: FALSE\n", pure) == {
        "a": True,
        "b": False,
        "c": "True",
        "d": "FALSE",
    }


def test_numbers_and_null(pure: bool) -> None:
    """Decimal integers, floats and null resolve as usual."""
    assert load("a: 5\nb: -3\nc: 1.5\nd: ~\ne: null\nf:\n", pure) == {
        "a": 5,
        "b": -3,
        "c": 1.5,
        "d": None,
        "e": None,
        "f": None,
    }


def test_anchor_and_alias_are_refused_with_position(pure: bool) -> None:
    """The first anchor is named with its line and column."""
    problem = refusal("a: 1\nb: &x [1, 2]\nc: *x\n", pure)
    assert (problem.kind, problem.line, problem.col) == ("alias", 2, 4)


def test_alias_bomb_is_refused_before_expanding(pure: bool) -> None:
    """A billion-laughs document is refused, not expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 9):
        prev, name = chr(96 + index), chr(97 + index)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert refusal("\n".join(lines) + "\n", pure).kind == "alias"


def test_text_with_ampersands_and_stars_is_fine(pure: bool) -> None:
    """& and * inside text are not anchors."""
    assert load('a: "Q&A *penting* & lain"\nb: R&D *x\n', pure) == {
        "a": "Q&A *penting* & lain",
        "b": "R&D *x",
    }


def test_duplicate_key_names_both_lines(pure: bool) -> None:
    """The second occurrence is reported with the line of the first."""
    problem = refusal("a: 1\nb:\n  c: 1\n  c: 2\n", pure)
    assert (problem.kind, problem.line, problem.other_line, problem.name) == (
        "duplicate",
        4,
        3,
        "c",
    )


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object:os.system",
        "!!python/name:os.system",
        "!!binary",
        "!!timestamp",
        "!!set",
        "!custom",
    ],
)
def test_non_standard_tags_are_refused(pure: bool, tag: str) -> None:
    """Python and other tags are never constructed."""
    assert refusal(f"a: {tag} x\n", pure).kind == "tag"


def test_merge_key_is_refused(pure: bool) -> None:
    """<< merge keys are a form of alias and are refused."""
    assert refusal("a: {x: 1}\nb:\n  <<: {y: 2}\n", pure).kind == "alias"


def test_syntax_error_has_position(pure: bool) -> None:
    """An unclosed flow list reports a line."""
    problem = refusal("a: 1\nb: [1, 2\nc: 3\n", pure)
    assert problem.kind == "syntax" and problem.line >= 2


def test_size_cap_is_enforced_and_adjustable(pure: bool) -> None:
    """Over the cap: refused with both sizes; a raised cap accepts the file."""
    text = "a: " + "x" * 100 + "\n"
    problem = refusal(text, pure, max_bytes=50)
    assert problem.kind == "too-large" and "50" in problem.message
    assert load(text, pure, max_bytes=200) == {"a": "x" * 100}


def test_invalid_utf8_is_refused_with_line() -> None:
    """Bytes that are not UTF-8 give an encoding problem on the right line."""
    with pytest.raises(YamlRefused) as caught:
        load_document(b"a: 1\nb: \xff\xfe\n")
    assert (caught.value.problem.kind, caught.value.problem.line) == ("encoding", 2)


def test_positions_follow_paths(pure: bool) -> None:
    """position() and key_position() find values and keys by path, 1-based."""
    document = load_document(
        b"nodes:\n  pagi:\n    choices:\n      - id: x\n        goto: 'y'\n", pure=pure
    )
    assert document.position(("nodes", "pagi", "choices", 0, "goto")) == (5, 15)
    assert document.key_position(("nodes", "pagi", "choices", 0, "goto")) == (5, 9)
    assert document.text_offset(("nodes", "pagi", "choices", 0, "goto")) == 1
    assert document.position(("nodes", "missing")) == (2, 3)


def test_empty_document_is_none(pure: bool) -> None:
    """An empty file parses to None (the loader reports it)."""
    assert load("", pure) is None
