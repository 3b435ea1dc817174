"""The class tally: statements once by id, voids either way round, one play per participant."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from class_fixture import ANI_REFLECTION, CITRA_REFLECTION, ClassFiles, make_class

from game.classroom.aggregate import read_records, summarise
from game.classroom.statement_files import Chunk, plan_chunks, read_chunk


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory) -> ClassFiles:
    return make_class(tmp_path_factory.mktemp("class"))


def test_a_class_is_tallied_exactly(klass: ClassFiles) -> None:
    """Five participants, two groups: choices, means of averages, tiers, reflections."""
    records = read_records([klass.folder], workers=1)
    summary = summarise(records)
    assert summary is not None
    assert records.statements == klass.statements
    assert summary.scenario_id == "mini"
    assert summary.whole.participants == 5 and summary.whole.finished == 4
    assert summary.plays == 6
    assert summary.whole.decisions == {
        "pagi": {"bagikan": 2, "tolak-halus": 3},
        "usul": {"diam": 2, "program": 2},
    }
    assert summary.whole.competencies == {"recognize": 3.0, "tolerate": 2.5, "leverage": 3.0}
    assert summary.whole.tiers == {"belum": 2, "dasar": 0, "menengah": 0, "tinggi": 2}
    assert summary.reflections == [ANI_REFLECTION, CITRA_REFLECTION]
    assert summary.sessions == ("KELAS-A",)
    assert summary.scenarios == {"mini": 5}


def test_groups_are_tallied_apart(klass: ClassFiles) -> None:
    """Kelompok 1: Ani and Budi; Kelompok 2: Citra, Dedi (his finished play) and Eka."""
    summary = summarise(read_records([klass.folder], workers=1))
    assert summary is not None
    first, second = summary.groups["Kelompok 1"], summary.groups["Kelompok 2"]
    assert (first.participants, first.finished) == (2, 2)
    assert first.decisions == {
        "pagi": {"bagikan": 1, "tolak-halus": 1},
        "usul": {"diam": 1, "program": 1},
    }
    assert first.competencies == {"recognize": 3.0, "tolerate": 2.5, "leverage": 3.0}
    assert (second.participants, second.finished) == (3, 2)
    assert second.decisions == {
        "pagi": {"bagikan": 1, "tolak-halus": 2},
        "usul": {"diam": 1, "program": 1},
    }
    assert second.tiers == {"belum": 1, "dasar": 0, "menengah": 0, "tinggi": 1}


def test_a_damaged_line_is_counted_with_its_file_and_line(klass: ClassFiles) -> None:
    """The torn line: one skipped, the reason naming the file and line; the rest is read."""
    records = read_records([klass.folder], workers=1)
    assert records.skipped == 1
    [reason] = records.reasons
    assert reason.startswith(f"{klass.budi_file}:{klass.budi_lines + 1}: not JSON")


def test_a_void_counts_whether_it_comes_before_or_after_its_target(
    klass: ClassFiles, tmp_path: Path
) -> None:
    """The voided answer is out of the tally when its void is read first, and when read last."""
    shutil.copytree(klass.folder, tmp_path / "late")
    early = tmp_path / "late" / "0-early.jsonl"
    early.rename(tmp_path / "late" / "zz-late.jsonl")
    for folder in (klass.folder, tmp_path / "late"):
        summary = summarise(read_records([folder], workers=1))
        assert summary is not None
        assert summary.whole.decisions["pagi"] == {"bagikan": 2, "tolak-halus": 3}


def test_a_void_alone_voids_nothing_else(klass: ClassFiles) -> None:
    """Without its void, the undone answer and the one made again share a decision number:
    the later counts, so the tally is the same."""
    files = [p for p in klass.folder.rglob("*.jsonl") if p.name != "0-early.jsonl"]
    summary = summarise(read_records(files, workers=1))
    assert summary is not None
    assert summary.whole.decisions["pagi"] == {"bagikan": 2, "tolak-halus": 3}


def test_pieces_of_a_file_read_every_line_once(klass: ClassFiles, tmp_path: Path) -> None:
    """Cut into tiny byte ranges, a file gives the same facts and line count as whole."""
    big = tmp_path / "all.jsonl"
    big.write_bytes(b"".join(p.read_bytes() for p in sorted(klass.folder.rglob("*.jsonl"))))
    whole = read_chunk(Chunk(str(big), 0, big.stat().st_size))
    pieces = [read_chunk(chunk) for chunk in plan_chunks([big], chunk_bytes=997)]
    assert sum(piece.lines for piece in pieces) == whole.lines
    assert [fact for piece in pieces for fact in piece.facts] == whole.facts
    assert sum(piece.skipped for piece in pieces) == whole.skipped


def test_parallel_readers_give_the_same_tally(klass: ClassFiles, tmp_path: Path) -> None:
    """Worker processes over many pieces: the same numbers as reading in this process."""
    alone = summarise(read_records([klass.folder], workers=1))
    from game.classroom import statement_files

    saved = statement_files.PARALLEL_BYTES
    statement_files.PARALLEL_BYTES = 0
    try:
        together = summarise(read_records([klass.folder], workers=2))
    finally:
        statement_files.PARALLEL_BYTES = saved
    assert alone is not None and together is not None
    assert together.whole == alone.whole and together.groups == alone.groups


def test_what_is_not_a_usable_statement_is_skipped_with_a_reason(tmp_path: Path) -> None:
    """Not JSON, not an object, no id, an answer without registration: each skipped, said why;
    another verb is read and left aside; blank lines are not damage."""
    path = tmp_path / "odd.txt"
    lines = [
        "not json",
        "[1, 2]",
        json.dumps({"verb": {"id": "http://adlnet.gov/expapi/verbs/answered"}}),
        json.dumps(
            {
                "id": "x1",
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                "object": {"id": "urn:perekat:scenario:mini/node/pagi"},
                "result": {"response": "bagikan"},
            }
        ),
        json.dumps({"id": "x2", "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"}}),
        "",
        "\xff\xfe",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")
    records = read_records([path], workers=1)
    assert records.skipped == 5 and records.statements == 1
    assert [reason.split(": ", 1)[0] for reason in records.reasons] == [
        f"{path}:{n}" for n in (1, 2, 3, 4, 7)
    ]
    assert "without context.registration" in records.reasons[3]
    assert summarise(records) is None


def test_a_hundred_damaged_files_never_stop_the_count(klass: ClassFiles, tmp_path: Path) -> None:
    """100 files, each with damaged lines among sound ones: every sound statement counts."""
    sound = [
        line
        for path in sorted(klass.folder.rglob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    for number in range(100):
        body = [*sound[number % 7 :], "{broken", "\x00\x01", sound[0][: len(sound[0]) // 2]]
        (tmp_path / f"pc-{number:03d}.jsonl").write_text("\n".join(body), encoding="utf-8")
    records = read_records([tmp_path], workers=1)
    assert records.files == 100
    assert records.skipped >= 300 and len(records.reasons) == 20
    summary = summarise(records)
    assert summary is not None and summary.whole.participants == 5
