"""Plays recorded on one PC for the LRS tests: every kind of statement Perekat writes.

``record_plays`` plays tests/fixtures/mini.yaml ``count`` times into one records
folder in session ``session`` with the real recorder: answers, an undo (voided),
endings (completed), reflections (commented), a group with members and names on
(so ``urn:perekat:ext:members`` is there), and an individual play (``local``).
``lrs_ids`` lists what an LRS holds of a session, voided statements included.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from class_fixture import Clock
from support import FIXTURES, load_scenario

from game.classroom.lrs_records import session_statements, voided_statement
from game.classroom.recorder import start_recording
from game.core.engine import Engine
from game.persistence.lrs_client import LrsClient
from game.persistence.records import RecordStore

MOVES = (
    ("tolak-halus", "program"),
    ("bagikan", ":undo", "tolak-halus", "program"),
    ("bagikan", "diam"),
    ("tolak-halus",),
)


def record_plays(folder: Path, session: str, count: int = 4) -> list[str]:
    """Record ``count`` plays (and one individual play); the ids stored, in order."""
    mini = load_scenario(FIXTURES / "mini.yaml")
    clock = Clock()
    with RecordStore(folder) as store:
        store.set_names(session, True)
        for number in range(count + 1):
            engine = Engine(mini)
            individual = number == count
            recorder = start_recording(
                store, mini, engine.state, player=f"Peserta {number}",
                session=None if individual else session,
                group=None if individual else f"Kelompok {number % 2 + 1}",
                members=() if individual else ("Siti", "Budi"), clock=clock,
            )  # fmt: skip
            engine.bus.subscribe(recorder)
            for move in MOVES[number % len(MOVES)]:
                if move == ":undo":
                    engine.undo()
                    continue
                engine._advance_to_decision()
                engine.choose(move)
            if number % 2 == 0:
                engine.reflect(f"Refleksi {number}: saya akan memeriksa sumber.")
        return [json.loads(text)["id"] for text in store.export_lines()]


def stored_ids(folder: Path, session: str) -> set[str]:
    """The ids of the statements of ``session`` in the records of ``folder``."""
    with RecordStore(folder) as store:
        return {json.loads(text)["id"] for text in store.export_lines(session)}


def lrs_ids(endpoint: str, session: str) -> Counter[str]:
    """How many times the LRS lists each statement id of ``session`` (voided ones included)."""
    with LrsClient(endpoint) as client:
        found = Counter(str(item["id"]) for item in session_statements(client, session))
        for item in list(session_statements(client, session)):
            target = item.get("object", {})
            if item["verb"]["id"].endswith("/voided") and target.get("id") not in found:
                voided = voided_statement(client, target["id"])
                if voided is not None:
                    found[str(voided["id"])] += 1
    return found
