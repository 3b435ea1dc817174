"""The compact reader: the same facts as parsing whole, and never a damaged line accepted."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from class_fixture import make_class

from game.classroom.compact_lines import CompactLines, NotCompact
from game.classroom.facts import Fact, fact_of
from game.classroom.statement_files import Chunk, read_chunk


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


def _compact(statement: dict[str, object], ascii_only: bool = False) -> bytes:
    return json.dumps(statement, ensure_ascii=ascii_only, separators=(",", ":")).encode()


def _tricky(lines: list[bytes]) -> list[bytes]:
    """Recorder lines made awkward: escapes, other key orders, a void, a changed definition."""
    answered = json.loads(next(line for line in lines if b"verbs/answered" in line))
    made: list[bytes] = []
    quoted = json.loads(json.dumps(answered))
    quoted["result"]["response"] = 'tolak "halus" \\ lagi'
    made.append(_compact(quoted))
    accented = json.loads(json.dumps(answered))
    accented["actor"]["account"]["name"] = "peserta-é☃"
    made.append(_compact(accented, ascii_only=True))  # \u00e9 escapes, one member only
    made.append(_compact(accented))
    reordered = {key: answered[key] for key in reversed(list(answered))}
    made.append(_compact(reordered))
    late_registration = json.loads(json.dumps(answered))
    context = late_registration["context"]
    context["registration"] = context.pop("registration")
    made.append(_compact(late_registration))
    retold = json.loads(json.dumps(answered))
    retold["object"]["definition"]["name"] = {"en-US": 'a "new" text'}  # same IRI, new member
    made.append(_compact(retold))
    odd_iri = json.loads(json.dumps(answered))
    odd_iri["object"]["id"] = odd_iri["object"]["id"] + '\\"x'
    made.append(_compact(odd_iri))
    made += [line for line in lines if b"verbs/voided" in line]
    return made


def test_tricky_lines_give_the_facts_of_the_whole_statement(lines: list[bytes]) -> None:
    """Escaped quotes, unicode escapes, keys in another order, a void, a changed definition:
    the compact reader either refuses the line or gives exactly fact_of's facts."""
    reader = CompactLines()
    for line in lines:  # remember every recorder piece first, as a real file would
        with contextlib.suppress(NotCompact):
            reader.fact(line)
    tricky = _tricky(lines)
    read = 0
    for line in tricky * 2:
        expected = fact_of(json.loads(line))
        try:
            fact = reader.fact(line)
        except NotCompact:
            continue
        assert fact == expected
        read += 1
    assert read >= 8  # the escapes and the new definition do take the compact path


def test_tricky_lines_read_from_a_file_as_parsed_whole(lines: list[bytes], tmp_path: Path) -> None:
    """A file of tricky lines between recorder lines: read_chunk's facts are fact_of's, in order."""
    mixed = [line for pair in zip(lines, _tricky(lines) * 10, strict=False) for line in pair]
    path = tmp_path / "tricky.jsonl"
    path.write_bytes(b"\n".join(mixed) + b"\n")
    result = read_chunk(Chunk(str(path), 0, path.stat().st_size))
    wholes = [fact_of(json.loads(line)) for line in mixed]
    assert result.facts == [fact for fact in wholes if isinstance(fact, Fact)]
    assert result.skipped == sum(isinstance(fact, str) for fact in wholes)
