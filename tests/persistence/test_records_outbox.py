"""The records' outbox: what each LRS has taken, refused or may hold, and schema 3's migration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from game.persistence.records import (
    CONFLICT,
    FILE_NAME,
    REJECTED,
    SENDING,
    SENT,
    OutboxRow,
    RecordStore,
    StatementRow,
)

LRS = "http://lrs.example/xAPI/"
OTHER = "http://other.example/xAPI/"


def row(key: str, session: str = "KELAS-A") -> StatementRow:
    return StatementRow(key, session, "r1", "mini", "answered", key, text=json.dumps({"id": key}))


def test_the_outbox_holds_what_an_lrs_has_not_taken(tmp_path: Path) -> None:
    """Sent and refused statements leave the outbox; a 'sending' one stays, marked uncertain."""
    with RecordStore(tmp_path) as store:
        store.insert([row("a"), row("b"), row("c"), row("d", "KELAS-B")])
        seqs = {item.statement_id: item.seq for item in store.outbox(LRS)}
        store.mark(LRS, SENT, [seqs["a"]])
        store.mark(LRS, SENDING, [seqs["b"]])
        store.mark(LRS, REJECTED, [seqs["c"]], "400: bad")
        waiting = store.outbox(LRS)
        assert [(item.statement_id, item.uncertain) for item in waiting] == [
            ("b", True),
            ("d", False),
        ]
        assert [item.statement_id for item in store.outbox(LRS, session="KELAS-A")] == ["b"]
        assert [item.statement_id for item in store.outbox(LRS, after=seqs["b"])] == ["d"]
        assert len(store.outbox(OTHER)) == 4  # another LRS has been sent nothing
        assert store.deliveries(LRS) == {SENT: 1, SENDING: 1, REJECTED: 1, "waiting": 1}
        assert store.refused(LRS) == [(REJECTED, "c", "400: bad")]


def test_refused_statements_can_be_put_back_and_unmarked_ones_wait_again(tmp_path: Path) -> None:
    """requeue() returns rejected and conflicting statements to the outbox; unmark() forgets."""
    with RecordStore(tmp_path) as store:
        store.insert([row("a"), row("b"), row("c")])
        seqs = [item.seq for item in store.outbox(LRS)]
        store.mark(LRS, REJECTED, [seqs[0]], "no")
        store.mark(LRS, CONFLICT, [seqs[1]], "409")
        store.mark(LRS, SENDING, [seqs[2]])
        store.unmark(LRS, [seqs[2]])
        assert [item.statement_id for item in store.outbox(LRS)] == ["c"]
        assert store.requeue(LRS) == 2
        assert store.outbox(LRS) == [
            OutboxRow(seqs[0], "a", json.dumps({"id": "a"})),
            OutboxRow(seqs[1], "b", json.dumps({"id": "b"})),
            OutboxRow(seqs[2], "c", json.dumps({"id": "c"})),
        ]


V2 = """
CREATE TABLE statements (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, session TEXT NOT NULL,
    registration TEXT NOT NULL, scenario TEXT NOT NULL, verb TEXT NOT NULL, slot TEXT NOT NULL,
    fact TEXT NOT NULL DEFAULT '', target TEXT, stored TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX statements_by_registration ON statements (registration, seq);
CREATE INDEX statements_by_session ON statements (session, seq);
CREATE TABLE sessions (code TEXT PRIMARY KEY, names_enabled INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL);
CREATE TABLE plays (registration TEXT PRIMARY KEY, session TEXT NOT NULL,
    pseudonym TEXT NOT NULL, group_name TEXT, scenario TEXT NOT NULL,
    first_decision INTEGER NOT NULL DEFAULT 0, started TEXT NOT NULL,
    members TEXT NOT NULL DEFAULT '[]');
INSERT INTO statements VALUES (1, 's1', 'KELAS-A', 'r1', 'mini', 'answered', 'answered/1', '',
    NULL, 'then', '{"id": "s1"}');
PRAGMA user_version = 2;
"""


def test_a_records_file_of_schema_2_gains_an_outbox_with_everything_waiting(
    tmp_path: Path,
) -> None:
    """Records from before sending existed migrate in place: every statement waits for an LRS."""
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.executescript(V2)
    db.close()
    with RecordStore(tmp_path) as store:
        assert store.pragmas()["user_version"] == 3
        assert store.outbox(LRS) == [OutboxRow(1, "s1", '{"id": "s1"}')]
        store.mark(LRS, SENT, [1])
    with RecordStore(tmp_path) as store:
        assert store.outbox(LRS) == []
        assert [s["id"] for s in store.export()] == ["s1"]
