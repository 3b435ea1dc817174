"""Plays read in pieces merge to exactly what gathering every statement first gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from class_fixture import ClassFiles, make_class

from game.classroom.aggregate import ClassRecords, read_records, read_statements, summarise
from game.classroom.play_pieces import PlayMerge, read_piece
from game.classroom.statement_files import find_files, plan_chunks


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory) -> ClassFiles:
    return make_class(tmp_path_factory.mktemp("class"))


def one_by_one(folder: Path, chunk_bytes: int) -> ClassRecords:
    files = find_files([folder])
    return read_statements(plan_chunks(files, chunk_bytes), len(files), workers=1)


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
    lines = [
        json.loads(line)
        for path in sorted(folder.rglob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("{") and line.strip().endswith("}")
    ]
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
    answers = [
        json.loads(line)
        for path in sorted(folder.rglob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if '/verbs/answered"' in line and line.endswith("}")
    ]
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
