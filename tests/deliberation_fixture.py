"""A class that decided together, written with the real statement builders: group reasons and a
facilitated play's class votes, for the report tests (classroom, CLI and the GUI debrief).

In session KELAS-D, tests/fixtures/mini.yaml:

- "Kelompok <A&B>" (3 members, named): pagi tolak-halus with a reason holding markup, then
  usul program with a reason.
- "Kelompok 2" (4 members): pagi bagikan with a reason; usul diam without one.
- A group-less play: pagi tolak-halus with a reason (shown as anonymous).
- The facilitated class (20 voters): pagi lapor on a counted vote (tolak-halus 8, lapor 8,
  bagikan 4: a tie the facilitator broke), usul program on a hotseat vote (diam 12,
  program 8: the facilitator overrode the majority).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from support import FIXTURES, load_scenario

from game.classroom.identity import Attempt
from game.classroom.xapi import answered_statement, statement_id
from game.core.state import DecisionRecord, GroupVote

SESSION = "KELAS-D"
START = datetime(2026, 4, 6, 2, 0, tzinfo=timezone.utc)
MARKUP_REASON = "Kami <b>menolak</b> & tetap sopan."
PROGRAM_REASON = "Program bersama menyatukan dua kubu."
SHARE_REASON = "Atasan yang meminta."
ANONYMOUS_REASON = "Tidak enak menolak atasan."
PAGI_VOTE = GroupVote("counts", (("tolak-halus", 8), ("lapor", 8), ("bagikan", 4)), tie=True)
USUL_VOTE = GroupVote("hotseat", (("diam", 12), ("program", 8)), override=True)
VOTES = {
    "pagi": {"bagikan": 4, "lapor": 8, "tolak-halus": 8},
    "usul": {"diam": 12, "program": 8},
}


def dump(statement: dict[str, Any]) -> str:
    """As the recorder writes a line: compact JSON, keys in the builder's order."""
    return json.dumps(statement, ensure_ascii=False, separators=(",", ":"))


def deliberation_lines() -> list[str]:
    mini = load_scenario(FIXTURES / "mini.yaml")
    lines: list[str] = []
    clock = iter(START + timedelta(seconds=n) for n in range(1000))

    def play(name: str, attempt_of: dict[str, Any], *records: DecisionRecord) -> None:
        registration = statement_id(name, "deliberation")
        attempt = Attempt(registration, f"p-{name}", SESSION, **attempt_of)
        for index, record in enumerate(records):
            answer = answered_statement(attempt, mini, record, index, 0, next(clock))
            lines.append(dump(answer))

    named = ("Ani", "Budi", "Citra")
    play(
        "a", {"group": "Kelompok <A&B>", "mode": "group", "member_count": 3, "members": named},
        DecisionRecord("pagi", "tolak-halus", rationale=MARKUP_REASON),
        DecisionRecord("usul", "program", rationale=PROGRAM_REASON),
    )  # fmt: skip
    play(
        "b", {"group": "Kelompok 2", "mode": "group", "member_count": 4},
        DecisionRecord("pagi", "bagikan", rationale=SHARE_REASON),
        DecisionRecord("usul", "diam"),
    )  # fmt: skip
    play("c", {"mode": "group"}, DecisionRecord("pagi", "tolak-halus", rationale=ANONYMOUS_REASON))
    play(
        "class", {"mode": "facilitated", "member_count": 20},
        DecisionRecord("pagi", "lapor", vote=PAGI_VOTE),
        DecisionRecord("usul", "program", vote=USUL_VOTE),
    )  # fmt: skip
    return lines


def write_deliberation(folder: Path) -> Path:
    """The class's statements as one JSON Lines file in ``folder``; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "deliberation.jsonl"
    path.write_text("\n".join(deliberation_lines()) + "\n", encoding="utf-8")
    return path
