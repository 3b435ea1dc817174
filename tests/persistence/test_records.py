"""The records database: idempotent, durable under kills, honest about damage and network shares."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.errors import RecordsError
from game.persistence import local_disk
from game.persistence.records import FILE_NAME, PlayRow, RecordStore, StatementRow

ROOT = Path(__file__).resolve().parent.parent.parent


def row(key: str, session: str = "KELAS-A", registration: str = "r1") -> StatementRow:
    text = json.dumps({"id": key, "pad": "x" * 200})
    return StatementRow(
        key, session, registration, "mini", "answered", f"answered/{key}", text=text
    )


def test_a_statement_id_is_stored_once(tmp_path: Path) -> None:
    """Inserting the same statements again adds nothing: INSERT OR IGNORE by id."""
    with RecordStore(tmp_path) as store:
        assert store.insert([row("a"), row("b")]) == 2
        assert store.insert([row("b"), row("a"), row("c")]) == 1
        assert [s["id"] for s in store.export()] == ["a", "b", "c"]


def test_the_database_uses_wal_and_full_sync(tmp_path: Path) -> None:
    """Write-ahead log, synchronous FULL (2), schema version 3."""
    with RecordStore(tmp_path) as store:
        assert store.pragmas() == {"journal_mode": "wal", "synchronous": 2, "user_version": 3}


def test_a_failed_transaction_stores_nothing(tmp_path: Path) -> None:
    """An error inside a transaction rolls all of it back."""
    with RecordStore(tmp_path) as store:
        with pytest.raises(ZeroDivisionError), store.transaction() as transaction:
            transaction.insert([row("a"), row("b")])
            raise ZeroDivisionError
        assert store.count() == 0


def test_export_keeps_insertion_order_and_filters_by_session(tmp_path: Path) -> None:
    """Export streams in the order stored; a session gives only its own statements."""
    with RecordStore(tmp_path) as store:
        store.insert([row("z"), row("a", "local"), row("m")])
        assert [s["id"] for s in store.export()] == ["z", "a", "m"]
        assert [s["id"] for s in store.export("KELAS-A")] == ["z", "m"]
        assert list(store.export("KELAS-B")) == []
        assert store.count("local") == 1


def test_sessions_start_with_names_off(tmp_path: Path) -> None:
    """A session is pseudonymous until names are turned on for it, on this PC."""
    with RecordStore(tmp_path) as store:
        assert store.session("KELAS-A").names_enabled is False
        assert store.set_names("KELAS-A", True).names_enabled is True
    with RecordStore(tmp_path) as store:
        assert store.session("KELAS-A").names_enabled is True
        assert store.set_names("KELAS-A", False).names_enabled is False
        assert [s.code for s in store.sessions()] == ["KELAS-A"]


def test_a_damaged_file_is_set_aside_and_a_new_one_started(tmp_path: Path) -> None:
    """Garbage in records.sqlite3: its bytes are kept aside, a warning says where, records go on."""
    (tmp_path / FILE_NAME).write_bytes(b"not a database at all" * 100)
    with RecordStore(tmp_path) as store:
        assert len(store.warnings) == 1 and "damaged" in store.warnings[0]
        store.insert([row("a")])
        assert store.count() == 1
    kept = list(tmp_path.glob("records.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"not a database at all" * 100
    assert str(kept[0]) in store.warnings[0]


def test_a_records_file_from_a_newer_perekat_is_refused_and_kept(tmp_path: Path) -> None:
    """A newer schema is not read, not overwritten and not moved: update Perekat."""
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = (tmp_path / FILE_NAME).read_bytes()
    with pytest.raises(RecordsError, match="newer Perekat"):
        RecordStore(tmp_path)
    assert (tmp_path / FILE_NAME).read_bytes() == before


def test_a_saves_folder_on_a_network_share_is_refused_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never opened on a share: the error names the folder, the share and --saves-dir."""
    monkeypatch.setattr(local_disk, "network_share", lambda folder: "cifs")
    with pytest.raises(RecordsError) as refused:
        RecordStore(tmp_path / "saves")
    message = str(refused.value)
    assert str(tmp_path / "saves") in message and "(cifs)" in message
    assert "--saves-dir" in message
    assert not (tmp_path / "saves").exists()


CHILD = """
import json, sys, time
from pathlib import Path
from game.persistence.records import RecordStore, StatementRow

def rows(t, n):
    return [
        StatementRow(f"{t}-{k}", "S", f"r{t}", "mini", "answered", f"answered/{k}",
                     text=json.dumps({"id": f"{t}-{k}", "pad": "x" * 1000}))
        for k in range(n)
    ]

store = RecordStore(Path(sys.argv[1]))
if sys.argv[2] == "inside":
    store.insert(rows(0, 3))
    with store.transaction() as transaction:
        transaction.insert(rows(1, 5000))  # megabytes: pages spill into the WAL uncommitted
        print("inside", flush=True)
        time.sleep(60)
else:
    t = 0
    while True:
        with store.transaction() as transaction:
            transaction.insert(rows(t, 20))
            if t:
                transaction.insert(rows(t - 1, 20))  # the previous ones again: ignored
        print(t, flush=True)
        t += 1
"""


def start_child(folder: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), mode],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_kill_inside_a_transaction_leaves_none_of_it(tmp_path: Path) -> None:
    """SIGKILL with thousands of rows written to the WAL but not committed: none is stored."""
    child = start_child(tmp_path, "inside")
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "inside"
    assert (tmp_path / f"{FILE_NAME}-wal").stat().st_size > 1_000_000
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    with RecordStore(tmp_path) as store:
        assert store.warnings == []
        assert store.count() == 3
        assert store.statements("r1") == []


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_kill_at_any_moment_loses_no_commit_and_duplicates_nothing(tmp_path: Path) -> None:
    """Killed while committing in a loop: every reported commit is there, whole, each id once."""
    child = start_child(tmp_path, "loop")
    assert child.stdout is not None
    committed = [int(child.stdout.readline()) for _ in range(5)]
    time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    committed += [int(line) for line in child.stdout.read().split()]
    child.wait(timeout=30)
    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    total, distinct = db.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM statements").fetchone()
    counts = dict(db.execute("SELECT registration, COUNT(*) FROM statements GROUP BY 1"))
    db.close()
    assert total == distinct
    assert set(counts.values()) == {20}  # each transaction whole, or absent
    assert {f"r{t}" for t in committed} <= set(counts)
    assert len(counts) - len(committed) in (0, 1)  # at most the one being reported


V1_PLAYS = """
CREATE TABLE statements (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, session TEXT NOT NULL,
    registration TEXT NOT NULL, scenario TEXT NOT NULL, verb TEXT NOT NULL, slot TEXT NOT NULL,
    fact TEXT NOT NULL DEFAULT '', target TEXT, stored TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE sessions (code TEXT PRIMARY KEY, names_enabled INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL);
CREATE TABLE plays (registration TEXT PRIMARY KEY, session TEXT NOT NULL,
    pseudonym TEXT NOT NULL, group_name TEXT, scenario TEXT NOT NULL,
    first_decision INTEGER NOT NULL DEFAULT 0, started TEXT NOT NULL);
INSERT INTO plays VALUES ('r1', 'KELAS-A', 'peserta-1', 'G1', 'hoaks-viral', 2, 'then');
PRAGMA user_version = 1;
"""


def test_a_records_file_of_schema_1_is_migrated_with_its_plays_kept(tmp_path: Path) -> None:
    """Records written before members were kept open, keep every play and gain the column."""
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.executescript(V1_PLAYS)
    db.close()
    with RecordStore(tmp_path) as store:
        assert store.pragmas()["user_version"] == 3
        assert store.play("r1") == PlayRow("r1", "KELAS-A", "peserta-1", "hoaks-viral", "G1", 2)
        store.add_play(PlayRow("r2", "KELAS-A", "peserta-2", "hoaks-viral", "G2", 0, ("A", "B")))
    with RecordStore(tmp_path) as store:
        kept = store.play("r2")
        assert kept is not None and kept.members == ("A", "B")
