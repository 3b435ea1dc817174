"""Reading a class's learning records for the debrief screen: files, folders, or a session here.

Owns turning what the facilitator picked (result files and folders, and a
session of this PC's records) into the class debrief the way ``class report``
does it (``read_records``, ``summarise``, ``build_debrief``), with the scenario
taken from the game's own scenario folder, and every failure as a sentence for
the screen (a folder missing, nothing readable, no play of a scenario); it never
raises for what the files hold. A local session's statements are written to a
JSON Lines file in a scratch folder and read like any other file, so the
counting stays ``game.classroom``'s alone. It draws nothing (the debrief scenes do).
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.classroom.aggregate import ClassRecords, read_records, summarise
from game.classroom.debrief import Debrief, build_debrief
from game.core.model import Scenario
from game.errors import RecordsError
from game.persistence.records import RecordStore
from game.ui.gui.strings import tr

log = logging.getLogger(__name__)
READERS = 1  # this process: worker processes forked from a window gain a class of 40 nothing


@dataclass
class ClassReading:
    """What reading found: the debrief, or why there is none, and what was skipped."""

    debrief: Debrief | None = None
    records: ClassRecords | None = None
    error: str = ""  # a sentence for the screen when there is no debrief
    notes: list[str] = field(default_factory=list)  # e.g. the scenario file was not found
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class LocalSession:
    """A session of this PC's records, with how many statements it holds."""

    code: str
    created: str
    statements: int


def local_sessions(saves: Path) -> list[LocalSession]:
    """The sessions in this PC's records database (none when it cannot be opened)."""
    if not (saves / "records.sqlite3").exists():
        return []  # opening the store would create it: a debrief should not
    try:
        with RecordStore(saves) as store:
            return [
                LocalSession(row.code, row.created, store.count(row.code))
                for row in store.sessions()
            ]
    except RecordsError as error:
        log.warning("records not readable: %s", error)
        return []


def export_session(saves: Path, session: str, folder: Path) -> Path:
    """Write session ``session``'s statements from this PC's records to a file in ``folder``."""
    target = folder / "this-pc.jsonl"
    with RecordStore(saves) as store, target.open("w", encoding="utf-8") as stream:
        for line in store.export_lines(session):
            stream.write(line.replace("\n", " ") + "\n")
    return target


def read_class(
    sources: Sequence[Path],
    scenarios: Sequence[Scenario],
    lang: str,
    session: str | None = None,
    saves: Path | None = None,
) -> ClassReading:
    """The debrief of ``sources`` (and of this PC's ``session`` from ``saves``)."""
    started = time.perf_counter()
    missing = [str(path) for path in sources if not path.exists()]
    if missing:
        return ClassReading(error=tr(lang, "debrief_missing", paths=", ".join(missing)))
    if not sources and session is None:
        return ClassReading(error=tr(lang, "debrief_no_source"))
    with tempfile.TemporaryDirectory(prefix="perekat-debrief-") as scratch:
        paths = list(sources)
        if session is not None and saves is not None:
            try:
                paths.append(export_session(saves, session, Path(scratch)))
            except (RecordsError, OSError) as error:
                return ClassReading(error=tr(lang, "debrief_records_failed", reason=str(error)))
        records = read_records(paths, READERS)
    reading = _debrief(records, scenarios, lang, sources, session)
    reading.seconds = time.perf_counter() - started
    return reading


def _debrief(
    records: ClassRecords,
    scenarios: Sequence[Scenario],
    lang: str,
    sources: Sequence[Path],
    session: str | None,
) -> ClassReading:
    where = ", ".join([str(path) for path in sources] + ([session] if session else []))
    if not records.statements:
        return ClassReading(records=records, error=tr(lang, "debrief_nothing", paths=where))
    summary = summarise(records)
    if summary is None:
        return ClassReading(records=records, error=tr(lang, "debrief_no_plays"))
    scenario = next((s for s in scenarios if s.scenario_id == summary.scenario_id), None)
    notes: list[str] = []
    if scenario is None:
        notes.append(tr(lang, "debrief_no_file", scenario=summary.scenario_id))
    elif summary.revisions and scenario.content_hash not in summary.revisions:
        notes.append(tr(lang, "debrief_changed", scenario=summary.scenario_id))
    debrief = build_debrief(summary, scenario, records.definitions, lang)
    debrief.notes += notes
    return ClassReading(debrief, records, notes=notes)
