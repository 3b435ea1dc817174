"""The class results file: JSON Lines appended once per id, readable after a torn write."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.errors import RecordsError
from game.persistence.statement_file import StatementFile, read_ids


def test_an_id_already_in_the_file_is_not_written_again(tmp_path: Path) -> None:
    """Appending the same statements twice, even from a new process, writes each line once."""
    path = tmp_path / "results" / "KELAS-A-peserta-1.jsonl"
    lines = [("a", '{"id":"a"}'), ("b", '{"id":"b"}')]
    assert StatementFile(path).append(lines) == 2
    assert StatementFile(path).append([*lines, ("c", '{"id":"c"}')]) == 1
    assert path.read_text(encoding="utf-8") == '{"id":"a"}\n{"id":"b"}\n{"id":"c"}\n'


def test_lines_that_do_not_parse_are_skipped_when_reading_ids(tmp_path: Path) -> None:
    """A torn line, a blank line and a non-statement are not ids."""
    path = tmp_path / "x.jsonl"
    path.write_text('{"id":"a"}\n\n[1]\n{"id":"b"}\n{"id":"c', encoding="utf-8")
    assert read_ids(path) == ["a", "b"]
    assert read_ids(tmp_path / "missing.jsonl") == []


def test_a_file_that_cannot_be_written_is_a_records_error(tmp_path: Path) -> None:
    """The results path is a folder: a clear error naming it, not a traceback."""
    (tmp_path / "taken.jsonl").mkdir()
    with pytest.raises(RecordsError, match="taken.jsonl"):
        StatementFile(tmp_path / "taken.jsonl").append([("a", '{"id":"a"}')])
