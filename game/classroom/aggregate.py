"""A class's plays tallied from its learning records: participants, choices, averages, tiers.

Owns the arithmetic of the class report over the facts ``statement_files``
reads: each statement counted once by id (a duplicate file adds nothing),
voided statements honoured whichever comes first in the files, plays grouped by
registration, participants by session and pseudonym, and the tallies of one
scenario. The rules, as docs/xapi.md and the README state them:

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
from functools import cached_property
from pathlib import Path
from typing import Any

from game.classroom.facts import Fact
from game.classroom.group_decisions import Deliberation, deliberation
from game.classroom.statement_files import find_files, plan_chunks, read_chunks
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

    @property
    def statements(self) -> int:
        """Distinct statements read (duplicates by id once), the report's and others'."""
        return len(self.facts) + self.other

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

    def live(self) -> Iterable[Fact]:
        """The statements that stand: neither voiding nor voided."""
        voided = self.voided
        for fact in self.facts.values():
            if fact.kind != "voided" and fact.statement_id not in voided:
                yield fact


@collector_paused()
def read_records(paths: Sequence[Path], workers: int | None = None) -> ClassRecords:
    """Read every statement under ``paths`` (folders: ``*.jsonl``; files: as named)."""
    records = ClassRecords()
    files = find_files(paths)
    records.files = len(files)
    offsets: dict[str, int] = {}
    for chunk in read_chunks(plan_chunks(files), workers):
        first = offsets.get(chunk.path, 0)
        offsets[chunk.path] = first + chunk.lines
        records.lines += chunk.lines
        records.other += chunk.other
        records.skipped += chunk.skipped
        for line, reason in chunk.reasons:
            if len(records.reasons) < REASONS_KEPT:
                where = f"{chunk.path}:{first + line}" if line else chunk.path
                records.reasons.append(f"{where}: {reason}")
        for iri, definition in chunk.definitions.items():
            records.definitions.setdefault(iri, definition)
        records.add_all(chunk.facts)
    return records


@dataclass
class Play:
    """One registration's standing statements."""

    registration: str
    session: str
    pseudonym: str
    group: str
    answers: dict[int, Fact] = field(default_factory=dict)  # decision number -> latest answer
    loose: list[Fact] = field(default_factory=list)  # answers without a decision number
    completed: Fact | None = None
    reflection: Fact | None = None
    first: str = ""  # the earliest and latest timestamps of the play
    last: str = ""

    def add(self, fact: Fact) -> None:
        stamp = fact.timestamp
        if stamp > self.last:
            self.last = stamp
        if stamp and (not self.first or stamp < self.first):
            self.first = stamp
        kind = fact.kind
        if kind == "answered":
            decision = fact.decision
            if not decision:
                self.loose.append(fact)
            else:
                held = self.answers.get(decision)
                if held is None or _later(fact, held):
                    self.answers[decision] = fact
        elif kind == "completed":
            if _later(fact, self.completed):
                self.completed = fact
        elif fact.kind == "commented" and _later(fact, self.reflection):
            self.reflection = fact

    @cached_property
    def choices(self) -> list[tuple[str, str]]:
        """(node, choice) in the order made (read once every statement is in)."""
        answers = self.answers
        ordered = [answers[n] for n in sorted(answers)]
        if self.loose:
            ordered += sorted(self.loose, key=lambda f: f.timestamp)
        return [(fact.node_id, fact.value) for fact in ordered]

    @property
    def first_decision(self) -> int:
        return min(self.answers, default=0)


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


def plays_by_scenario(records: ClassRecords) -> dict[str, dict[str, Play]]:
    """scenario id -> registration -> its play, from the standing statements."""
    found: dict[str, dict[str, Play]] = {}
    voided = records.voided
    plays: dict[str, Play] = {}
    scenario_id = None
    for statement_id, fact in records.facts.items():  # records.live(), inlined: the hot loop
        if fact.kind == "voided" or statement_id in voided:
            continue
        if fact.scenario_id != scenario_id:
            scenario_id = fact.scenario_id
            plays = found.setdefault(scenario_id, {})
        play = plays.get(fact.registration)
        if play is None:
            play = Play(fact.registration, fact.session, fact.pseudonym, fact.group)
            plays[fact.registration] = play
        play.add(fact)
    return found


@collector_paused()
def summarise(records: ClassRecords, scenario_id: str | None = None) -> ClassSummary | None:
    """The numbers of ``scenario_id`` (default: the most played); None when it has no plays."""
    every = plays_by_scenario(records)
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
    groups: dict[str, list[Play]] = {}
    for play in chosen:
        groups.setdefault(play.group, []).append(play)
    plays = every[scenario_id].values()
    stamps = [stamp for play in plays for stamp in (play.first, play.last) if stamp]
    revisions = {
        fact.revision
        for play in chosen
        for fact in [*play.answers.values(), play.completed]
        if fact is not None and fact.revision
    }
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
        deliberation=deliberation(
            fact
            for play in chosen
            for fact in [*play.answers.values(), *play.loose]
            if fact.decided
        ),
    )


def counted_plays(plays: Iterable[Play]) -> list[Play]:
    """Each participant's counted play: the latest finished one, else the latest one."""
    best: dict[tuple[str, str], Play] = {}
    for play in plays:
        key = (play.session, play.pseudonym)
        if key not in best or _rank(play) > _rank(best[key]):
            best[key] = play
    return sorted(best.values(), key=lambda play: (play.session, play.pseudonym))


def tally(plays: Sequence[Play]) -> Tally:
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


def _latest_reflections(plays: Iterable[Play]) -> list[Fact]:
    """Each participant's latest reflection on the scenario, over all their plays."""
    latest: dict[tuple[str, str], Fact] = {}
    for play in plays:
        if play.reflection is None:
            continue
        key = (play.session, play.pseudonym)
        if _later(play.reflection, latest.get(key)):
            latest[key] = play.reflection
    return list(latest.values())


def _rank(play: Play) -> tuple[bool, str, str]:
    if play.completed is not None:
        return True, play.completed.timestamp, play.registration
    return False, play.last, play.registration


def _later(fact: Fact, than: Fact | None) -> bool:
    """Whether ``fact`` supersedes ``than``: a later timestamp (on a tie, the later id)."""
    return than is None or (fact.timestamp, fact.statement_id) > (than.timestamp, than.statement_id)
