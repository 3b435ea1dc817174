"""Reading results files: what a worker process sends back is what it read."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from class_fixture import make_class

from game.classroom.facts import Fact
from game.classroom.statement_files import find_files, plan_chunks, read_chunk


@pytest.mark.parametrize("protocol", [2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_a_chunk_result_comes_back_from_a_worker_unchanged(tmp_path: Path, protocol: int) -> None:
    """Pickled as a worker returns it (facts as plain tuples), every fact is an equal Fact."""
    files = find_files([make_class(tmp_path).folder])
    for chunk in plan_chunks(files):
        read = read_chunk(chunk)
        back = pickle.loads(pickle.dumps(read, protocol=protocol))
        assert back.facts == read.facts
        assert all(type(fact) is Fact for fact in back.facts)
        assert (back.path, back.lines, back.other, back.skipped, back.reasons) == (
            read.path, read.lines, read.other, read.skipped, read.reasons,
        )  # fmt: skip
        assert back.definitions == read.definitions
