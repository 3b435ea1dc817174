"""The compact reader: the same facts as parsing whole, and never a damaged line accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from class_fixture import make_class

from game.classroom.compact_lines import CompactLines, NotCompact
from game.classroom.facts import fact_of


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    folder = make_class(tmp_path_factory.mktemp("class")).folder
    found: list[bytes] = []
    for path in sorted(folder.rglob("*.jsonl")):
        found += [line for line in path.read_bytes().splitlines() if line.endswith(b"}")]
    return found


def test_compact_facts_are_those_of_the_whole_statement(lines: list[bytes]) -> None:
    """Every recorder line read twice over (remembered pieces): facts equal fact_of's."""
    reader = CompactLines()
    read = 0
    for line in lines * 2:
        try:
            fact = reader.fact(line)
        except NotCompact:
            assert b"verbs/voided" in line  # voids are left to the whole parse
            continue
        assert fact == fact_of(json.loads(line))
        read += 1
    assert read >= len(lines)


@pytest.mark.parametrize("where", [b'"definition":{', b'"registration":"', b'"response":"'])
def test_a_damaged_byte_anywhere_is_never_read_as_sound(lines: list[bytes], where: bytes) -> None:
    """A quote removed inside a remembered piece: the line is not compact, and not JSON."""
    reader = CompactLines()
    answered = [line for line in lines if b"verbs/answered" in line]
    for line in answered:
        reader.fact(line)  # remember every piece first
    for line in answered:
        at = line.find(where)
        damaged = line[: at + len(where) - 1] + line[at + len(where) :]
        with pytest.raises(NotCompact):
            reader.fact(damaged)
        with pytest.raises(ValueError):
            json.loads(damaged)


def test_other_writers_lines_go_to_the_whole_parse(tmp_path: Path) -> None:
    """Spaces after separators (another tool's export): NotCompact, never a wrong fact."""
    statement = {"id": "1" * 36, "actor": {}, "verb": {}, "timestamp": "x", "version": "1.0.3"}
    with pytest.raises(NotCompact):
        CompactLines().fact(json.dumps(statement).encode())
