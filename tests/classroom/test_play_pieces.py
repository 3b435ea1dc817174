"""Plays read in pieces merge to exactly what gathering every statement first gives."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from class_fixture import ClassFiles, make_class
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.classroom.aggregate import ClassRecords, read_records, read_statements, summarise
from game.classroom.facts import Fact
from game.classroom.play_pieces import PlayMerge, _fill, read_piece
from game.classroom.plays import Play
from game.classroom.statement_files import find_files, plan_chunks


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory) -> ClassFiles:
    return make_class(tmp_path_factory.mktemp("class"))


def one_by_one(folder: Path, chunk_bytes: int) -> ClassRecords:
    files = find_files([folder])
    return read_statements(plan_chunks(files, chunk_bytes), len(files), workers=1)


def statements_in(folder: Path, top_only: bool = False) -> list[dict[str, Any]]:
    """Every whole statement in the folder's files (``top_only``: not in its sub-folders)."""
    return [
        json.loads(line)
        for path in sorted(folder.rglob("*.jsonl"))
        if not top_only or path.parent == folder
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("{") and line.endswith("}")
    ]


def assert_same(folder: Path, chunk_bytes: int) -> None:
    pieces = read_records([folder], workers=1, chunk_bytes=chunk_bytes)
    whole = one_by_one(folder, chunk_bytes)
    assert pieces.plays is not None  # the fast path was taken
    assert (pieces.statements, pieces.lines, pieces.skipped, pieces.other) == (
        whole.statements, whole.lines, whole.skipped, whole.other,
    )  # fmt: skip
    assert pieces.voided == whole.voided and pieces.reasons == whole.reasons
    assert pieces.plays_by_scenario() == whole.plays_by_scenario()
    assert summarise(pieces) == summarise(whole)


@pytest.mark.parametrize("chunk_bytes", [613, 997, 4_001, 16 << 20])
def test_pieces_of_any_size_merge_to_the_statement_by_statement_plays(
    klass: ClassFiles, chunk_bytes: int
) -> None:
    """Plays cut by chunk boundaries, a file copied twice, a void in another file: the same
    plays, counts, voids and tallies as gathering every statement first."""
    assert_same(klass.folder, chunk_bytes)


def test_a_copied_file_with_voids_and_a_void_read_first(klass: ClassFiles, tmp_path: Path) -> None:
    """Every file copied again (voids included) beside the originals: still exact, still fast."""
    folder = tmp_path / "results"
    shutil.copytree(klass.folder, folder)
    for path in sorted(klass.folder.rglob("*.jsonl")):
        shutil.copy(path, folder / f"again-{path.parent.name}-{path.name}")
    assert_same(folder, 997)


def test_a_play_touched_elsewhere_is_read_again_and_others_are_kept(klass: ClassFiles) -> None:
    """Only plays whose statements meet another piece's are read again."""
    merge = PlayMerge()
    for chunk in plan_chunks(find_files([klass.folder])):
        merge.add(read_piece(chunk))
    list(merge.finish())
    again = [key for key, play in merge.kept.items() if play is None]
    assert merge.exact and again and len(again) < len(merge.kept)


def test_an_id_that_is_a_void_here_and_an_answer_there_is_read_one_by_one(
    klass: ClassFiles, tmp_path: Path
) -> None:
    """A void whose id an answer elsewhere also has: statement by statement, first copy wins."""
    folder = tmp_path / "results"
    shutil.copytree(klass.folder, folder)
    lines = statements_in(folder)
    void = next(item for item in lines if item["verb"]["id"].endswith("/voided"))
    answer = next(item for item in lines if item["verb"]["id"].endswith("/answered"))
    clash = dict(void, id=answer["id"])
    (folder / "zz-clash.jsonl").write_text(json.dumps(clash) + "\n", encoding="utf-8")
    pieces = read_records([folder], workers=1)
    whole = one_by_one(folder, 16 << 20)
    assert pieces.plays is None  # read one by one
    assert summarise(pieces) == summarise(whole)
    assert pieces.statements == whole.statements


def test_a_void_or_a_different_first_copy_in_another_file_changes_the_play(
    klass: ClassFiles, tmp_path: Path
) -> None:
    """A play's last answer voided from another file, and another play's answer first read
    with another response under the same id: both plays are read again, as statement by
    statement reading has them."""
    folder = tmp_path / "results"
    shutil.copytree(klass.folder, folder)
    answers = [item for item in statements_in(folder) if item["verb"]["id"].endswith("/answered")]
    last = max(answers, key=lambda item: item["timestamp"])
    void = {
        "id": "0f0f0f0f-0000-4000-8000-000000000001",
        "actor": last["actor"],
        "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
        "object": {"objectType": "StatementRef", "id": last["id"]},
        "context": {"registration": last["context"]["registration"]},
        "timestamp": last["timestamp"],
        "version": "1.0.3",
    }
    (folder / "zz-void.jsonl").write_text(json.dumps(void) + "\n", encoding="utf-8")
    first = next(
        item
        for item in answers
        if item["context"]["registration"] != void["context"]["registration"]
    )
    changed = json.loads(json.dumps(first))
    choices = [c["id"] for c in changed["object"]["definition"]["choices"]]
    changed["result"]["response"] = next(c for c in choices if c != first["result"]["response"])
    (folder / "00-first.jsonl").write_text(json.dumps(changed) + "\n", encoding="utf-8")
    before = summarise(read_records([klass.folder], workers=1))
    assert_same(folder, 16 << 20)
    assert_same(folder, 997)
    assert summarise(read_records([folder], workers=1)) != before


@st.composite
def shuffled_class(draw: st.DrawFn, lines: list[dict[str, Any]]) -> tuple[list[list[str]], int]:
    """The class's statements dealt into 1-4 files in any order, some copied (a few with another
    response under the same id), some voided from anywhere; and a piece size."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    statements = [json.loads(json.dumps(item)) for item in lines]
    answers = [item for item in statements if item["verb"]["id"].endswith("/answered")]
    for _ in range(draw(st.integers(0, 6))):  # copies, some with another response
        copy = json.loads(json.dumps(rng.choice(statements)))
        if copy["verb"]["id"].endswith("/answered") and rng.random() < 0.3:
            choices = [c["id"] for c in copy["object"]["definition"]["choices"]]
            copy["result"]["response"] = rng.choice(choices)
        statements.append(copy)
    for number in range(draw(st.integers(0, 4))):  # voids of random answers
        target = rng.choice(answers)
        statements.append(_void(f"0f0f0f0f-0000-4000-8000-{number:012d}", target, target))
    if draw(st.integers(0, 4)) == 0:  # a void under an answer's id: one id, two kinds
        clash = rng.choice(answers)
        statements.append(_void(clash["id"], clash, rng.choice(answers)))
    if draw(st.booleans()):
        rng.shuffle(statements)
    files: list[list[str]] = [[] for _ in range(draw(st.integers(1, 4)))]
    for item in statements:
        files[rng.randrange(len(files))].append(json.dumps(item, separators=(",", ":")))
    return files, draw(st.sampled_from([211, 997, 3_001, 16 << 20]))


def _void(void_id: str, by: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    """A void with id ``void_id`` in ``by``'s play, retracting ``target``."""
    return {
        "id": void_id, "actor": by["actor"], "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
        "object": {"objectType": "StatementRef", "id": target["id"]},
        "context": {"registration": by["context"]["registration"]},
        "timestamp": by["timestamp"], "version": "1.0.3",
    }  # fmt: skip


@pytest.fixture(scope="module")
def class_lines(klass: ClassFiles) -> list[dict[str, Any]]:
    return statements_in(klass.folder, top_only=True)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_dealing_of_the_statements_gives_the_statement_by_statement_report(
    class_lines: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Files in any order, copies, conflicting copies, voids anywhere, any piece size: the
    plays read in pieces always equal the statements gathered one by one."""
    files, chunk_bytes = data.draw(shuffled_class(class_lines))
    folder = tmp_path_factory.mktemp("dealt")
    for number, lines in enumerate(files):
        (folder / f"pc-{number}.jsonl").write_text("".join(f"{line}\n" for line in lines))
    pieces = read_records([folder], workers=1, chunk_bytes=chunk_bytes)
    whole = one_by_one(folder, chunk_bytes)
    assert (pieces.statements, pieces.voided) == (whole.statements, whole.voided)
    assert pieces.plays_by_scenario() == whole.plays_by_scenario()
    assert summarise(pieces) == summarise(whole)


def test_a_play_read_out_of_time_order_keeps_its_latest_statements() -> None:
    """Answers and completions not in time order in the file: grouping a run at once
    keeps the latest of each, as adding them one by one does."""

    def fact(kind: str, number: str, stamp: str, decision: int = 0, value: str = "") -> Fact:
        return Fact(kind, f"id-{number}", "reg", "mini", "local", "p", "", stamp, "n" if
                    kind == "answered" else "", value, decision)  # fmt: skip

    run = [
        fact("answered", "2", "2026-03-02T01:00:09.000Z", 1, "later"),
        fact("answered", "1", "2026-03-02T01:00:05.000Z", 1, "earlier"),
        fact("answered", "4", "2026-03-02T01:00:07.000Z", 2, "b"),
        fact("completed", "6", "2026-03-02T01:00:20.000Z", value="end-late"),
        fact("completed", "5", "2026-03-02T01:00:10.000Z", value="end-early"),
    ]
    for order in (run, run[::-1]):
        grouped, added = Play("reg", "local", "p", ""), Play("reg", "local", "p", "")
        _fill(grouped, order)
        for item in order:
            added.add(item)
        assert grouped.summary() == added.summary()
        assert grouped.choices == [("n", "later"), ("n", "b")]
        assert grouped.completed is not None and grouped.completed.value == "end-late"
