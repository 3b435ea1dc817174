"""A small class's results, written by the real recorder: what the class report tests read.

Five participants play tests/fixtures/mini.yaml in session KELAS-A, each on their
own PC (records folder) with results copied to one shared folder:

- Ani (Kelompok 1): tolak-halus, program; ends (5, 4, 5), tinggi; reflects.
- Budi (Kelompok 1): bagikan, diam; ends (1, 1, 1), belum. A torn line ends his file.
- Citra (Kelompok 2): tolak-halus, undone (voided), bagikan, diam; ends (1, 1, 1), belum;
  reflects with markup. Her voided statement sits alone in 0-early.jsonl, read first.
- Dedi (Kelompok 2): plays twice: tolak-halus, program (ends, tinggi), then bagikan only.
- Eka (Kelompok 2): tolak-halus only, never ends.

Ani's file is copied into copy/dup.jsonl: every statement twice, counted once.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from support import FIXTURES, load_scenario

from game.classroom.recorder import start_recording
from game.core.engine import Engine
from game.persistence.records import RecordStore

START = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
ANI_REFLECTION = "Saya akan bertanya dulu sebelum meneruskan pesan."
CITRA_REFLECTION = "<b>Tidak</b> akan ikut menyebar & memanas-manasi."


@dataclass
class ClassFiles:
    folder: Path
    statements: int  # distinct statements written
    budi_file: Path
    budi_lines: int  # the torn line is number budi_lines + 1


class Clock:
    """Statements a second apart, so 'latest' is well defined."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def make_class(root: Path, session: str = "KELAS-A") -> ClassFiles:
    mini = load_scenario(FIXTURES / "mini.yaml")
    results = root / "results"
    clock = Clock()

    def play(name: str, group: str, *moves: str, reflection: str = "") -> None:
        with RecordStore(root / "pcs" / name) as store:
            engine = Engine(mini)
            recorder = start_recording(
                store, mini, engine.state, player=name, session=session, group=group,
                results_dir=results, clock=clock,
            )  # fmt: skip
            engine.bus.subscribe(recorder)
            for move in moves:
                if move == ":undo":
                    engine.undo()
                    continue
                engine._advance_to_decision()
                engine.choose(move)
            if reflection:
                engine.reflect(reflection)

    play("Ani", "Kelompok 1", "tolak-halus", "program", reflection=ANI_REFLECTION)
    play("Budi", "Kelompok 1", "bagikan", "diam")
    play("Citra", "Kelompok 2", "tolak-halus", ":undo", "bagikan", "diam",
         reflection=CITRA_REFLECTION)  # fmt: skip
    play("Dedi", "Kelompok 2", "tolak-halus", "program")
    play("Dedi", "Kelompok 2", "bagikan")
    play("Eka", "Kelompok 2", "tolak-halus")
    files = {path.name: path for path in results.iterdir()}
    statements = sum(len(path.read_text().splitlines()) for path in files.values())
    citra = next(path for path in files.values() if _has_verb(path, "voided"))
    lines = citra.read_text(encoding="utf-8").splitlines(keepends=True)
    voided = [line for line in lines if '"verbs/voided"' in line]
    citra.write_text("".join(line for line in lines if line not in voided), encoding="utf-8")
    (results / "0-early.jsonl").write_text("".join(voided), encoding="utf-8")
    # Ani's file is found before Budi's is torn (the files come in the pseudonyms' order)
    ani = next(path for path in files.values() if _has_verb(path, "commented") and path != citra)
    budi = next(path for path in files.values() if _has_choice(path, "bagikan", "diam"))
    budi_lines = len(budi.read_text().splitlines())
    with budi.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "torn-by-a-kill", "actor": {"objectType": "Ag')
    (results / "copy").mkdir()
    shutil.copy(ani, results / "copy" / "dup.jsonl")
    return ClassFiles(results, statements, budi, budi_lines)


def _statements(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _has_verb(path: Path, verb: str) -> bool:
    return any(f"verbs/{verb}" in json.dumps(s) for s in _statements(path))


def _has_choice(path: Path, *choices: str) -> bool:
    answers = [s.get("result", {}).get("response") for s in _statements(path)]  # type: ignore[attr-defined]
    return all(choice in answers for choice in choices) and "tolak-halus" not in answers
