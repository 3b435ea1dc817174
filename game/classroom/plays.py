"""One registration's standing statements (``Play``) and what a class report keeps of it.

Owns the rules of one play, as docs/xapi.md states them: its choice at each
decision number is its latest ``answered`` (by timestamp, then id), answers
without a decision number kept in time order, its latest ``completed`` and
latest ``commented``, its first and last timestamps; ``plays_by_scenario``
groups the standing statements of ``ClassRecords`` into plays. ``PlaySummary``
is a finished play cut to what the tallies read (its choices in order, the
completion, the reflection, the scenario revisions, the answers that carry a
group's reason or a class vote): small to send from a reader process.

It does not decide which play counts for a participant or tally (``aggregate``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from game.classroom.facts import Fact

PlayKey = tuple[str, str]  # (scenario id, registration)


@dataclass
class PlaySummary:
    """A finished play as the tallies read it."""

    registration: str
    session: str
    pseudonym: str
    group: str
    first: str  # the earliest and latest timestamps of the play
    last: str
    choices: list[tuple[str, str]]  # (node, choice) in the order made
    first_decision: int  # the lowest decision number answered (0: none)
    completed: Fact | None
    reflection: Fact | None
    revisions: tuple[str, ...]  # scenario file hashes its answers and completion name
    decided: tuple[Fact, ...]  # its answers with a group's reason or a class vote


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
                if held is None or later(fact, held):
                    self.answers[decision] = fact
        elif kind == "completed":
            if later(fact, self.completed):
                self.completed = fact
        elif fact.kind == "commented" and later(fact, self.reflection):
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

    def summary(self) -> PlaySummary:
        """This play, once every statement is in, as the tallies read it."""
        answers = list(self.answers.values())
        made = [*answers, self.completed]
        revisions = {fact.revision for fact in made if fact is not None and fact.revision}
        return PlaySummary(
            self.registration, self.session, self.pseudonym, self.group, self.first, self.last,
            self.choices, self.first_decision, self.completed, self.reflection,
            tuple(sorted(revisions)),
            tuple(fact for fact in [*answers, *self.loose] if fact.decided),
        )  # fmt: skip


def plays_of(facts: Iterable[Fact], voided: set[str]) -> dict[PlayKey, Play]:
    """(scenario, registration) -> its play, from distinct facts in the order read; voids and
    the statements ``voided`` names left out."""
    found: dict[PlayKey, Play] = {}
    for fact in facts:
        if fact.kind == "voided" or fact.statement_id in voided:
            continue
        key = (fact.scenario_id, fact.registration)
        play = found.get(key)
        if play is None:
            play = found[key] = Play(fact.registration, fact.session, fact.pseudonym, fact.group)
        play.add(fact)
    return found


def by_scenario(plays: Iterable[tuple[PlayKey, PlaySummary]]) -> dict[str, dict[str, PlaySummary]]:
    """scenario id -> registration -> its play, in the order given."""
    found: dict[str, dict[str, PlaySummary]] = {}
    for (scenario_id, registration), play in plays:
        found.setdefault(scenario_id, {})[registration] = play
    return found


def later(fact: Fact, than: Fact | None) -> bool:
    """Whether ``fact`` supersedes ``than``: a later timestamp (on a tie, the later id)."""
    return than is None or (fact.timestamp, fact.statement_id) > (than.timestamp, than.statement_id)
