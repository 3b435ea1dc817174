"""Learning records on this PC: xAPI statements in SQLite at ``<saves>/records.sqlite3``.

Owns the database: its schema and version (``PRAGMA user_version``), WAL
journaling with ``synchronous=FULL`` (a committed statement survives a power
cut), one transaction per write, idempotent inserts (a statement id is stored
once: ``INSERT OR IGNORE``), export in insertion order, the sessions' one
setting (whether real names may appear in statements), the plays
(registration -> session, pseudonym, group, first decision recorded) and the
outbox: which statements each Learning Record Store has been sent, has refused
(rejected or conflicting, with its message) or may hold already (sent when a
send stopped before the answer came). It
refuses a folder on a network share, where SQLite's locking is unreliable, and
sets a damaged file aside (renamed, never deleted) before starting a new one.

It does not build statements (``game.classroom.xapi`` does), decide which ones a
play needs (``game.classroom.recorder`` does), talk to an LRS
(``game.persistence.lrs_send`` does) or look inside them: it stores the JSON
text it is given beside the columns it is told.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from game.errors import RecordsError
from game.persistence import local_disk

FILE_NAME = "records.sqlite3"
SCHEMA_VERSION = 3  # 2: plays.members; 3: deliveries (the outbox)
BUSY_SECONDS = 10.0  # another Perekat on this PC may be writing: wait this long for it

SCHEMA = """
CREATE TABLE statements (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    session TEXT NOT NULL,
    registration TEXT NOT NULL,
    scenario TEXT NOT NULL,
    verb TEXT NOT NULL,
    slot TEXT NOT NULL,
    fact TEXT NOT NULL DEFAULT '',
    target TEXT,
    stored TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX statements_by_registration ON statements (registration, seq);
CREATE INDEX statements_by_session ON statements (session, seq);
CREATE TABLE sessions (
    code TEXT PRIMARY KEY,
    names_enabled INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE TABLE plays (
    registration TEXT PRIMARY KEY,
    session TEXT NOT NULL,
    pseudonym TEXT NOT NULL,
    group_name TEXT,
    scenario TEXT NOT NULL,
    first_decision INTEGER NOT NULL DEFAULT 0,
    started TEXT NOT NULL,
    members TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE deliveries (
    lrs TEXT NOT NULL,
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (lrs, seq)
) WITHOUT ROWID;
"""
# What takes a file of an older schema to the next: (version it leaves, statements).
MIGRATIONS = (
    (1, ("ALTER TABLE plays ADD COLUMN members TEXT NOT NULL DEFAULT '[]'",)),
    (2, (SCHEMA[SCHEMA.index("CREATE TABLE deliveries") :].strip().rstrip(";"),)),
)
TABLES = frozenset({"statements", "sessions", "plays", "deliveries"})
# A statement's delivery to one LRS (no row: not sent yet). SENDING: posted, no answer yet (a
# kill or a lost answer leaves it so; the LRS may hold it). The refused two are kept aside.
SENDING, SENT, CONFLICT, REJECTED = "sending", "sent", "conflict", "rejected"
STATEMENT_COLUMNS = "id, session, registration, scenario, verb, slot, fact, target, json"

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One stored statement: its id, the columns queries select on, and its JSON text.

    ``slot`` names what the statement is about within its play (e.g. "answered/3",
    "completed"); ``fact`` is what it says there (e.g. "node/choice"); ``target``
    is the id a voiding statement voids.
    """

    statement_id: str
    session: str
    registration: str
    scenario: str
    verb: str
    slot: str
    fact: str = ""
    target: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class PlayRow:
    """A play's fixed facts: what every statement of its registration shares."""

    registration: str
    session: str
    pseudonym: str
    scenario: str
    group: str | None = None
    first_decision: int = 0
    members: tuple[str, ...] = ()  # a group's members as typed: they stay on this PC


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """A statement waiting for an LRS: its place in the store, id, JSON text and whether an
    earlier send posted it without hearing back (``uncertain``: the LRS may hold it)."""

    seq: int
    statement_id: str
    text: str
    uncertain: bool = False


@dataclass(frozen=True, slots=True)
class SessionRow:
    code: str
    names_enabled: bool
    created: str


class Transaction:
    """What may be read and written inside one ``RecordStore.transaction()``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def statements(self, registration: str) -> list[StatementRow]:
        """Every statement of one play, in insertion order."""
        return _rows(
            self._db.execute(
                f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE registration = ? ORDER BY seq",
                (registration,),
            )
        )

    def insert(self, rows: Sequence[StatementRow]) -> int:
        """Store ``rows``, skipping any whose id is stored already; returns how many were new."""
        stamp = now_iso()
        added = 0
        for row in rows:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO statements (id, session, registration, scenario, verb, "
                "slot, fact, target, stored, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.statement_id,
                    row.session,
                    row.registration,
                    row.scenario,
                    row.verb,
                    row.slot,
                    row.fact,
                    row.target,
                    stamp,
                    row.text,
                ),
            )
            added += cursor.rowcount
        return added

    def set_first_decision(self, registration: str, first: int) -> None:
        self._db.execute(
            "UPDATE plays SET first_decision = ? WHERE registration = ?", (first, registration)
        )


class RecordStore:
    """The records database of one saves folder. Close it (or use ``with``) when done."""

    def __init__(self, folder: Path) -> None:
        """Open or create ``folder/records.sqlite3``; raise RecordsError when it cannot be used."""
        self.folder = folder
        self.path = folder / FILE_NAME
        self.warnings: list[str] = []  # said once to the person: e.g. a damaged file set aside
        kind = local_disk.network_share(folder)
        if kind is not None:
            raise RecordsError(
                f"the saves folder {folder} is on a network share ({kind}); the learning records "
                "database needs this PC's own disk. Use a local folder with --saves-dir (class "
                "results can still go to a shared folder with --results-dir)"
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RecordsError(
                f"cannot create the saves folder {folder}: {error.strerror or error}"
            ) from None
        self._db = self._open()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One write transaction: all of it is stored, or (on an error or a kill) none of it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._error("cannot write", error) from None
        try:
            yield Transaction(self._db)
        except sqlite3.Error as error:
            self._db.execute("ROLLBACK")
            raise self._error("cannot write", error) from None
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise self._error("cannot write", error) from None

    def insert(self, rows: Sequence[StatementRow]) -> int:
        """Store ``rows`` in one transaction; returns how many were new."""
        with self.transaction() as transaction:
            return transaction.insert(rows)

    def statements(self, registration: str) -> list[StatementRow]:
        """Every statement of one play, in insertion order."""
        return self._read(lambda: Transaction(self._db).statements(registration))

    def export_lines(self, session: str | None = None) -> Iterator[str]:
        """The stored JSON text of every statement (of one session), in insertion order."""
        query = "SELECT json FROM statements ORDER BY seq"
        params: tuple[str, ...] = ()
        if session is not None:
            query = "SELECT json FROM statements WHERE session = ? ORDER BY seq"
            params = (session,)
        try:
            for (text,) in self._db.execute(query, params):
                yield text
        except sqlite3.Error as error:
            raise self._error("cannot read", error) from None

    def export(self, session: str | None = None) -> Iterator[dict[str, Any]]:
        """Every statement (of one session) as a dict, in insertion order, streamed."""
        for text in self.export_lines(session):
            yield json.loads(text)

    def count(self, session: str | None = None) -> int:
        if session is None:
            row = self._read(lambda: self._db.execute("SELECT COUNT(*) FROM statements").fetchone())
        else:
            row = self._read(
                lambda: self._db.execute(
                    "SELECT COUNT(*) FROM statements WHERE session = ?", (session,)
                ).fetchone()
            )
        return int(row[0])

    def session(self, code: str) -> SessionRow:
        """The session ``code`` on this PC, created (names off) the first time it is named."""
        with self.transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO sessions (code, names_enabled, created) VALUES (?, 0, ?)",
                (code, now_iso()),
            )
        row = self._read(
            lambda: self._db.execute(
                "SELECT code, names_enabled, created FROM sessions WHERE code = ?", (code,)
            ).fetchone()
        )
        return SessionRow(row[0], bool(row[1]), row[2])

    def set_names(self, code: str, enabled: bool) -> SessionRow:
        """Allow (or stop) real names in the statements of session ``code`` on this PC."""
        self.session(code)
        with self.transaction():
            self._db.execute(
                "UPDATE sessions SET names_enabled = ? WHERE code = ?", (int(enabled), code)
            )
        return self.session(code)

    def sessions(self) -> list[SessionRow]:
        rows = self._read(
            lambda: self._db.execute(
                "SELECT code, names_enabled, created FROM sessions ORDER BY created, code"
            ).fetchall()
        )
        return [SessionRow(code, bool(names), created) for code, names, created in rows]

    def play(self, registration: str) -> PlayRow | None:
        row = self._read(
            lambda: self._db.execute(
                "SELECT registration, session, pseudonym, scenario, group_name, first_decision, "
                "members FROM plays WHERE registration = ?",
                (registration,),
            ).fetchone()
        )
        if row is None:
            return None
        try:
            members = json.loads(row[6])
        except ValueError:
            members = []
        names = tuple(str(name) for name in members) if isinstance(members, list) else ()
        registration_, session, alias, scenario, group, first = row[:6]
        return PlayRow(registration_, session, alias, scenario, group, first, names)

    def add_play(self, play: PlayRow) -> None:
        """Remember a play's fixed facts (kept as first stored when it is added again)."""
        with self.transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO plays (registration, session, pseudonym, group_name, "
                "scenario, first_decision, started, members) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    play.registration,
                    play.session,
                    play.pseudonym,
                    play.group,
                    play.scenario,
                    play.first_decision,
                    now_iso(),
                    json.dumps(list(play.members), ensure_ascii=False),
                ),
            )

    def outbox(
        self, lrs: str, after: int = 0, limit: int = 500, session: str | None = None
    ) -> list[OutboxRow]:
        """Up to ``limit`` statements after ``seq`` ``after`` that ``lrs`` has not accepted or
        refused (never sent, or sent without an answer), in the order stored."""
        where = "AND s.session = ? " if session is not None else ""
        params: tuple[Any, ...] = (lrs, after, *((session,) if session is not None else ()), limit)
        rows = self._read(
            lambda: self._db.execute(
                "SELECT s.seq, s.id, s.json, d.state FROM statements s LEFT JOIN deliveries d "
                "ON d.lrs = ? AND d.seq = s.seq WHERE s.seq > ? AND (d.state IS NULL OR "
                f"d.state = '{SENDING}') {where}ORDER BY s.seq LIMIT ?",
                params,
            ).fetchall()
        )
        return [OutboxRow(seq, sid, text, state == SENDING) for seq, sid, text, state in rows]

    def mark(self, lrs: str, state: str, seqs: Sequence[int], message: str = "") -> None:
        """Record in one transaction that ``lrs`` has these statements in ``state``."""
        stamp = now_iso()
        with self.transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO deliveries (lrs, seq, state, at, message) "
                "VALUES (?, ?, ?, ?, ?)",
                [(lrs, seq, state, stamp, message) for seq in seqs],
            )

    def unmark(self, lrs: str, seqs: Sequence[int]) -> None:
        """Forget what ``lrs`` was said to hold of these statements: back to never sent."""
        with self.transaction():
            self._db.executemany(
                "DELETE FROM deliveries WHERE lrs = ? AND seq = ?", [(lrs, seq) for seq in seqs]
            )

    def deliveries(self, lrs: str, session: str | None = None) -> dict[str, int]:
        """How many statements (of one session) ``lrs`` is in each state; ``waiting``: not sent."""
        where = " WHERE s.session = ?" if session is not None else ""
        params: tuple[str, ...] = (lrs, *((session,) if session is not None else ()))
        rows = self._read(
            lambda: self._db.execute(
                "SELECT COALESCE(d.state, 'waiting'), COUNT(*) FROM statements s LEFT JOIN "
                f"deliveries d ON d.lrs = ? AND d.seq = s.seq{where} GROUP BY 1",
                params,
            ).fetchall()
        )
        return {state: int(count) for state, count in rows}

    def refused(self, lrs: str, session: str | None = None) -> list[tuple[str, str, str]]:
        """(state, statement id, the LRS's message) of each statement ``lrs`` refused."""
        where = " AND s.session = ?" if session is not None else ""
        params: tuple[str, ...] = (lrs, *((session,) if session is not None else ()))
        return self._read(
            lambda: self._db.execute(
                "SELECT d.state, s.id, d.message FROM deliveries d JOIN statements s ON "
                f"s.seq = d.seq WHERE d.lrs = ? AND d.state IN ('{CONFLICT}', '{REJECTED}')"
                f"{where} ORDER BY s.seq",
                params,
            ).fetchall()
        )

    def requeue(self, lrs: str, session: str | None = None) -> int:
        """Put the statements ``lrs`` refused back in its outbox; returns how many."""
        where = " AND seq IN (SELECT seq FROM statements WHERE session = ?)" if session else ""
        params: tuple[str, ...] = (lrs, *((session,) if session else ()))
        with self.transaction():
            cursor = self._db.execute(
                f"DELETE FROM deliveries WHERE lrs = ? AND state IN ('{CONFLICT}', '{REJECTED}')"
                f"{where}",
                params,
            )
            return cursor.rowcount

    def pragmas(self) -> dict[str, Any]:
        """The connection's journal mode, synchronous level (2 is FULL) and schema version."""
        names = ("journal_mode", "synchronous", "user_version")
        try:
            return {name: self._db.execute(f"PRAGMA {name}").fetchone()[0] for name in names}
        except sqlite3.Error as error:
            raise self._error("cannot read", error) from None

    def _read(self, query: Callable[[], T]) -> T:
        try:
            return query()
        except sqlite3.Error as error:
            raise self._error("cannot read", error) from None

    def _error(self, what: str, error: sqlite3.Error) -> RecordsError:
        return RecordsError(f"{what} the learning records {self.path}: {error}")

    def _open(self) -> sqlite3.Connection:
        """Connect, setting a damaged file aside once; refuse a newer schema."""
        try:
            return self._connect()
        except _Damaged as damaged:
            kept = set_aside(self.path)
            where = f"kept at {kept}" if kept else "it could not be moved"
            message = (
                f"the learning records {self.path} were damaged ({damaged}); {where}, and a new "
                "records file was started"
            )
            log.warning(message)
            self.warnings.append(message)
        try:
            return self._connect()
        except _Damaged as damaged:
            raise RecordsError(
                f"cannot start the learning records {self.path}: {damaged}"
            ) from None

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        except sqlite3.Error as error:
            raise RecordsError(f"cannot open the learning records {self.path}: {error}") from None
        try:
            self._prepare(db)
        except BaseException:
            db.close()
            raise
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RecordsError(
                    f"the learning records {self.path} were written by a newer Perekat (records "
                    f"schema {version}; this one knows up to {SCHEMA_VERSION}); update Perekat"
                )
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise _Damaged(check)
            mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise RecordsError(
                    f"the learning records {self.path} cannot use write-ahead logging "
                    f"(journal mode {mode}); use a folder on this PC's own disk with --saves-dir"
                )
            db.execute("PRAGMA synchronous=FULL")
            if version == 0:
                _create(db)
            elif version < SCHEMA_VERSION:
                _migrate(db)
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if not tables >= TABLES:
                raise _Damaged("its tables are missing")
        except sqlite3.OperationalError as error:
            # locked, read-only, disk full: the file may be fine, so it is never set aside for this
            raise RecordsError(f"cannot open the learning records {self.path}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise _Damaged(str(error)) from None


def _create(db: sqlite3.Connection) -> None:
    """Create the schema once, even when two programs open a new file at the same moment."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] == 0:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _migrate(db: sqlite3.Connection) -> None:
    """Bring a file of an older schema up to this one, step by step, in one transaction."""
    db.execute("BEGIN IMMEDIATE")
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for leaves, statements in MIGRATIONS:
            if version == leaves:
                for statement in statements:
                    db.execute(statement)
                version = leaves + 1
        db.execute(f"PRAGMA user_version = {version}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class _Damaged(Exception):
    """The file is not a usable records database (said once, then set aside)."""


def set_aside(path: Path) -> Path | None:
    """Rename a damaged database, with its WAL and shared-memory files, to ``*.damaged-<time>``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    for attempt in range(1000):
        suffix = f"-{attempt}" if attempt else ""
        target = path.with_name(f"{path.stem}.damaged-{stamp}{suffix}{path.suffix}")
        if any(Path(f"{target}{extra}").exists() for extra in ("", "-wal", "-shm")):
            continue
        try:
            path.rename(target)
        except OSError:
            return None
        for extra in ("-wal", "-shm"):
            companion = Path(f"{path}{extra}")
            if companion.exists():
                try:
                    companion.rename(Path(f"{target}{extra}"))
                except OSError:
                    log.warning("could not move %s aside", companion)
        return target
    return None


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _rows(cursor: sqlite3.Cursor) -> list[StatementRow]:
    return [
        StatementRow(
            statement_id=row[0],
            session=row[1],
            registration=row[2],
            scenario=row[3],
            verb=row[4],
            slot=row[5],
            fact=row[6],
            target=row[7],
            text=row[8],
        )
        for row in cursor
    ]
