"""A class's plays tallied from its learning records: participants, choices, averages, tiers.

Owns ``ClassRecords`` (what was read: as plays from ``play_pieces``, or as
single statements, e.g. from an LRS) and the arithmetic of the class report:
each statement counted once by id (a duplicate file adds nothing), voided
statements honoured whichever comes first in the files, plays grouped by
registration (``plays``), participants by session and pseudonym, and the
tallies of one scenario. The rules, as docs/xapi.md and the README state them:

- A participant counts once per scenario, through one play: the latest play
  that reached an ending (by its ``completed`` timestamp), or, when none did,
  their latest play. Its choices, average and tier are theirs.
- A play's choice at each decision number is its latest live ``answered``.
- Class competency means are the means of participants' averages (``None``
  skipped); tiers count participants that finished.
- A play's reflection is its latest ``commented``; the report shows each
  participant's latest, anonymous.
- Without ``scenario_id`` the report is of the scenario most participants played.
- Groups' reasons and facilitated classes' votes are those of the counted plays'
  answers (``group_decisions`` gathers them).

It reads no files itself and knows no scenario file (``debrief`` adds those).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.classroom.facts import Fact
from game.classroom.group_decisions import Deliberation, deliberation
from game.classroom.play_pieces import Piece, PlayMerge, read_pieces
from game.classroom.plays import PlaySummary, by_scenario, later, plays_of
from game.classroom.statement_files import (
    CHUNK_BYTES,
    Chunk,
    ChunkResult,
    find_files,
    plan_chunks,
    read_chunks,
)
from game.collector import collector_paused
from game.core.model import COMPETENCIES
from game.core.scoring import TIERS

REASONS_KEPT = 20


@dataclass
class ClassRecords:
    """Every distinct statement read, and what could not be read."""

    facts: dict[str, Fact] = field(default_factory=dict)  # statement id -> its facts
    voided: set[str] = field(default_factory=set)  # ids some voided statement retracts
    definitions: dict[str, dict[str, Any]] = field(default_factory=dict)  # decision IRI -> def
    files: int = 0
    lines: int = 0
    other: int = 0  # sound statements the report does not read
    skipped: int = 0
    reasons: list[str] = field(default_factory=list)  # the first REASONS_KEPT, file:line: why
    plays: dict[str, dict[str, PlaySummary]] | None = None  # read as plays (else from facts)
    distinct: int = 0  # distinct statements read as plays (``facts`` then stays empty)

    @property
    def statements(self) -> int:
        """Distinct statements read (duplicates by id once), the report's and others'."""
        return len(self.facts) + self.distinct + self.other

    def plays_by_scenario(self) -> dict[str, dict[str, PlaySummary]]:
        """scenario id -> registration -> its play, from the standing statements."""
        if self.plays is None:
            plays = plays_of(self.facts.values(), self.voided)
            return by_scenario((key, play.summary()) for key, play in plays.items())
        return self.plays

    def add(self, fact: Fact) -> None:
        if fact.statement_id in self.facts:
            return
        self.facts[fact.statement_id] = fact
        if fact.kind == "voided":
            self.voided.add(fact.value)

    def add_all(self, facts: Iterable[Fact]) -> None:
        """``add`` each, in order (inlined: it runs once per statement of the class)."""
        known, voided = self.facts, self.voided
        for fact in facts:
            statement_id = fact.statement_id
            if statement_id not in known:
                known[statement_id] = fact
                if fact.kind == "voided":
                    voided.add(fact.value)


@collector_paused()
def read_records(
    paths: Sequence[Path], workers: int | None = None, chunk_bytes: int = CHUNK_BYTES
) -> ClassRecords:
    """Read every statement under ``paths`` (folders: ``*.jsonl``; files: as named): as plays
    (``play_pieces``), or statement by statement when the plays cannot be merged exactly."""
    files = find_files(paths)
    chunks = plan_chunks(files, chunk_bytes)
    records = ClassRecords(files=len(files))
    merge = PlayMerge()
    offsets: dict[str, int] = {}
    for piece in read_pieces(chunks, workers):
        merge.add(piece)
        if piece is not None:
            _count(records, piece, offsets)
    plays = list(merge.finish())
    if not merge.exact:
        return read_statements(chunks, len(files), workers)
    records.plays = by_scenario(plays)
    records.distinct = len(merge.seen)
    records.voided = merge.voided
    return records


def read_statements(chunks: list[Chunk], files: int, workers: int | None = None) -> ClassRecords:
    """Every statement of ``chunks`` gathered one by one (duplicates once, voids kept)."""
    records = ClassRecords(files=files)
    offsets: dict[str, int] = {}
    for chunk in read_chunks(chunks, workers):
        _count(records, chunk, offsets)
        records.add_all(chunk.facts)
    return records


def _count(records: ClassRecords, chunk: ChunkResult | Piece, offsets: dict[str, int]) -> None:
    """Add a chunk's lines, refusals (the first REASONS_KEPT, as file:line) and definitions."""
    path = chunk.chunk.path if isinstance(chunk, Piece) else chunk.path
    first = offsets.get(path, 0)
    offsets[path] = first + chunk.lines
    records.lines += chunk.lines
    records.other += chunk.other
    records.skipped += chunk.skipped
    for line, reason in chunk.reasons:
        if len(records.reasons) < REASONS_KEPT:
            where = f"{path}:{first + line}" if line else path
            records.reasons.append(f"{where}: {reason}")
    for iri, definition in chunk.definitions.items():
        records.definitions.setdefault(iri, definition)


@dataclass
class Tally:
    """The numbers of a set of participants (the class, or one group)."""

    participants: int = 0
    finished: int = 0  # participants whose counted play reached an ending
    decisions: dict[str, dict[str, int]] = field(default_factory=dict)  # node -> choice -> n
    competencies: dict[str, float | None] = field(default_factory=dict)
    tiers: dict[str, int] = field(default_factory=dict)


@dataclass
class ClassSummary:
    """The class report's numbers for one scenario."""

    scenario_id: str
    whole: Tally
    groups: dict[str, Tally]  # group name -> its tally; "" holds those without a group
    plays: int  # every play of the scenario, counted or not
    sessions: tuple[str, ...]
    first: str  # the earliest and latest timestamps
    last: str
    paths: list[tuple[int, list[tuple[str, str]]]]  # counted plays: first decision, choices
    reflections: list[str]  # each participant's latest, oldest first
    revisions: tuple[str, ...]  # scenario file hashes the plays ran on
    scenarios: dict[str, int]  # every scenario in the records -> its participants
    deliberation: Deliberation = field(default_factory=Deliberation)  # reasons, class votes

    def to_json(self, records: ClassRecords) -> dict[str, Any]:
        """The object ``class report --json`` prints (``votes`` only when a class voted)."""
        found: dict[str, Any] = {
            "scenario": self.scenario_id,
            "participants": self.whole.participants,
            "plays": self.plays,
            "groups": {name: tally.participants for name, tally in self.groups.items() if name},
            "decisions": self.whole.decisions,
            "competencies": self.whole.competencies,
            "tiers": self.whole.tiers,
            "statements": records.statements,
            "skipped": records.skipped,
            "scenarios": self.scenarios,
        }
        votes = self.deliberation.votes
        if votes:
            found["votes"] = {node: dict(vote.counts) for node, vote in votes.items()}
        return found


@collector_paused()
def summarise(records: ClassRecords, scenario_id: str | None = None) -> ClassSummary | None:
    """The numbers of ``scenario_id`` (default: the most played); None when it has no plays."""
    every = records.plays_by_scenario()
    counted = {sid: counted_plays(plays.values()) for sid, plays in every.items()}
    scenarios = {
        sid: len(chosen)
        for sid, chosen in sorted(counted.items(), key=lambda item: (-len(item[1]), item[0]))
    }
    if scenario_id is None:
        scenario_id = next(iter(scenarios), None)
    if scenario_id is None or scenario_id not in every:
        return None
    chosen = counted[scenario_id]
    groups: dict[str, list[PlaySummary]] = {}
    for play in chosen:
        groups.setdefault(play.group, []).append(play)
    plays = every[scenario_id].values()
    stamps = [stamp for play in plays for stamp in (play.first, play.last) if stamp]
    revisions = {revision for play in chosen for revision in play.revisions}
    reflections = sorted(
        (fact for fact in _latest_reflections(plays)), key=lambda fact: fact.timestamp
    )
    return ClassSummary(
        scenario_id=scenario_id,
        whole=tally(chosen),
        groups={name: tally(members) for name, members in sorted(groups.items())},
        plays=len(plays),
        sessions=tuple(sorted({play.session for play in plays})),
        first=min(stamps, default=""),
        last=max(stamps, default=""),
        paths=[(play.first_decision, play.choices) for play in chosen],
        reflections=[fact.value for fact in reflections],
        revisions=tuple(sorted(revisions)),
        scenarios=scenarios,
        deliberation=deliberation(fact for play in chosen for fact in play.decided),
    )


def counted_plays(plays: Iterable[PlaySummary]) -> list[PlaySummary]:
    """Each participant's counted play: the latest finished one, else the latest one."""
    best: dict[tuple[str, str], PlaySummary] = {}
    for play in plays:
        key = (play.session, play.pseudonym)
        if key not in best or _rank(play) > _rank(best[key]):
            best[key] = play
    return sorted(best.values(), key=lambda play: (play.session, play.pseudonym))


def tally(plays: Sequence[PlaySummary]) -> Tally:
    """Choices, competency means and tiers of the participants these plays count."""
    decisions: dict[str, dict[str, int]] = {}
    sums: dict[str, list[float]] = {name: [] for name in COMPETENCIES}
    tiers = dict.fromkeys(TIERS, 0)
    finished = 0
    for play in plays:
        for node_id, choice_id in play.choices:
            counts = decisions.get(node_id)
            if counts is None:
                counts = decisions[node_id] = {}
            counts[choice_id] = counts.get(choice_id, 0) + 1
        if play.completed is None:
            continue
        finished += 1
        for name, value in zip(COMPETENCIES, play.completed.averages, strict=False):
            if value is not None:
                sums[name].append(value)
        if play.completed.tier:
            tiers[play.completed.tier] = tiers.get(play.completed.tier, 0) + 1
    return Tally(
        participants=len(plays),
        finished=finished,
        decisions={node: dict(sorted(counts.items())) for node, counts in decisions.items()},
        competencies={
            name: round(sum(values) / len(values), 2) if values else None
            for name, values in sums.items()
        },
        tiers=tiers,
    )


def _latest_reflections(plays: Iterable[PlaySummary]) -> list[Fact]:
    """Each participant's latest reflection on the scenario, over all their plays."""
    latest: dict[tuple[str, str], Fact] = {}
    for play in plays:
        if play.reflection is None:
            continue
        key = (play.session, play.pseudonym)
        if later(play.reflection, latest.get(key)):
            latest[key] = play.reflection
    return list(latest.values())


def _rank(play: PlaySummary) -> tuple[bool, str, str]:
    if play.completed is not None:
        return True, play.completed.timestamp, play.registration
    return False, play.last, play.registration
