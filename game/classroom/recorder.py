"""The learning-records listener: keeps a play's xAPI statements in step with its state.

Owns which statements a play needs and when they are written. After every
choice, undo and ending (and once when recording starts) it compares the
statements stored for the play's registration with the play state, in one
transaction: an answer or ending that is no longer true is voided (xAPI's
``voided`` verb: a statement is never edited or deleted), and whatever the state
holds that is not yet stored is written. Because the comparison is with the
state and the ids are deterministic, a kill at any moment loses nothing and
duplicates nothing: the next start catches up. A reflection written at the end
is recorded once per text (``commented``). After each commit the play's
statements are copied to the class results file when there is one.

It does not build statements (``xapi`` does), store them (``game.persistence``
does) or print (front ends do); it never imports pygame.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.classroom.identity import LOCAL, Attempt, Seat, pseudonym, session_key
from game.classroom.xapi import (
    answered_statement,
    completed_statement,
    reflection_statement,
    reflection_text,
    voided_statement,
)
from game.core.events import ChoiceMade, ChoiceUndone, Event, EventBus, PlayEnded, ReflectionWritten
from game.core.model import Scenario
from game.core.state import DecisionRecord, PlayState
from game.errors import RecordsError
from game.persistence.records import FILE_NAME, PlayRow, RecordStore, StatementRow
from game.persistence.statement_file import StatementFile

ANSWERED, COMPLETED, VOIDED, COMMENTED = "answered", "completed", "voided", "commented"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Plan:
    """What one sync does: what to void (latest first), then (slot, fact, revision) to write."""

    void: tuple[StatementRow, ...] = ()
    write: tuple[tuple[str, str, int], ...] = ()


def wanted_facts(state: PlayState, first_decision: int = 0) -> list[tuple[str, str]]:
    """(slot, fact) of every statement the state calls for, in the order they happened.

    Decisions before ``first_decision`` were recorded under another registration
    (or never) and are left alone; so is the ending of such a play if no decision
    of its own came after them.
    """
    wanted = [
        (f"{ANSWERED}/{index}", answer_fact(record))
        for index, record in enumerate(state.history)
        if index >= first_decision
    ]
    if state.ending_id is not None and (first_decision == 0 or wanted):
        wanted.append((COMPLETED, state.ending_id))
    return wanted


def answer_fact(record: DecisionRecord) -> str:
    """What an answer statement says, compared at each sync: the choice, and how it was made.

    A group's rationale or a class's vote joins as a short digest, so a decision
    undone and made again with another reason or vote is voided and written anew.
    """
    fact = f"{record.node_id}/{record.choice_id}"
    if not record.rationale and record.vote is None:
        return fact
    said = {"rationale": record.rationale, "vote": record.vote.to_dict() if record.vote else None}
    digest = hashlib.sha256(json.dumps(said, sort_keys=True).encode()).hexdigest()[:12]
    return f"{fact}#{digest}"


def plan_statements(stored: Sequence[StatementRow], wanted: Sequence[tuple[str, str]]) -> Plan:
    """Compare a play's stored statements with what its state calls for.

    A live (not voided) answer that the state no longer holds, and every later
    one (they followed a different choice), is voided; so is a live ending when
    the play no longer ends there or any answer was voided. Each wanted slot
    without a live statement is written, its revision counting the earlier ones.
    """
    voided_ids = {row.target for row in stored if row.verb == VOIDED}
    live: dict[str, StatementRow] = {}
    revisions: Counter[str] = Counter()
    for row in stored:
        if row.verb == VOIDED:
            continue
        revisions[row.slot] += 1
        if row.statement_id not in voided_ids:
            live[row.slot] = row
    facts = dict(wanted)
    answers = sorted((r for r in live.values() if r.verb == ANSWERED), key=_decision_index)
    void: list[StatementRow] = []
    for row in answers:
        if void or facts.get(row.slot) != row.fact:
            void.append(row)
    ending = live.get(COMPLETED)
    if ending is not None and (void or facts.get(COMPLETED) != ending.fact):
        void.append(ending)
    gone = {row.slot for row in void}
    write = tuple(
        (slot, fact, revisions[slot]) for slot, fact in wanted if slot not in live or slot in gone
    )
    ordered = sorted(void, key=lambda r: (r.verb == COMPLETED, _decision_index(r)), reverse=True)
    return Plan(tuple(ordered), write)


@dataclass
class StatementRecorder:
    """Subscribe to an engine's bus; each choice, undo and ending syncs the play's statements."""

    store: RecordStore
    scenario: Scenario
    attempt: Attempt
    first_decision: int = 0
    results: StatementFile | None = None
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(timezone.utc))
    notes: list[str] = field(default_factory=list)  # for the person: e.g. the play's own session
    written: int = 0

    @property
    def registration(self) -> str:
        return self.attempt.registration

    @property
    def session(self) -> str:
        return session_key(self.attempt.session)

    def __call__(self, event: Event) -> None:
        if isinstance(event, (ChoiceMade, ChoiceUndone, PlayEnded)):
            self.sync(event.state)
        elif isinstance(event, ReflectionWritten):
            self.reflect(event.text)

    def sync(self, state: PlayState) -> int:
        """Bring the stored statements in step with ``state``; returns how many were new."""
        with self.store.transaction() as transaction:
            stored = transaction.statements(self.registration)
            if len(state.history) < self.first_decision:
                # undone past where recording began: the decisions made again are this play's
                self.first_decision = len(state.history)
                transaction.set_first_decision(self.registration, self.first_decision)
            plan = plan_statements(stored, wanted_facts(state, self.first_decision))
            added = transaction.insert(self._rows(plan, state))
        self.written += added
        self._copy_results()
        return added

    def reflect(self, text: str) -> int:
        """Record the player's reflection (``commented``); 0 when blank or stored already.

        The same text twice is stored once; another text is a new statement, the
        play's next reflection (the class report shows a play's latest).
        """
        words = reflection_text(text)
        if not words:
            return 0
        with self.store.transaction() as transaction:
            stored = transaction.statements(self.registration)
            said = [row for row in stored if row.verb == COMMENTED]
            if any(row.fact == words for row in said):
                return 0
            statement = reflection_statement(
                self.attempt, self.scenario, words, len(said), self.clock()
            )
            added = transaction.insert([self._row(statement, COMMENTED, COMMENTED, words)])
        self.written += added
        self._copy_results()
        return added

    def _copy_results(self) -> None:
        if self.results is not None:
            rows = self.store.statements(self.registration)
            self.results.append((row.statement_id, row.text) for row in rows)

    def _rows(self, plan: Plan, state: PlayState) -> list[StatementRow]:
        moment = self.clock()
        rows = []
        for target in plan.void:
            statement = voided_statement(self.attempt, target.statement_id, moment)
            rows.append(self._row(statement, VOIDED, f"{VOIDED}/{target.statement_id}", "", target))
        for slot, fact, revision in plan.write:
            if slot == COMPLETED:
                statement = completed_statement(
                    self.attempt, self.scenario, state, revision, moment
                )
                rows.append(self._row(statement, COMPLETED, slot, fact))
                continue
            index = int(slot.split("/")[1])
            record = state.history[index]
            statement = answered_statement(
                self.attempt, self.scenario, record, index, revision, moment
            )
            rows.append(self._row(statement, ANSWERED, slot, fact))
        return rows

    def _row(
        self,
        statement: dict[str, Any],
        verb: str,
        slot: str,
        fact: str,
        target: StatementRow | None = None,
    ) -> StatementRow:
        return StatementRow(
            statement_id=statement["id"],
            session=self.session,
            registration=self.registration,
            scenario=self.scenario.scenario_id,
            verb=verb,
            slot=slot,
            fact=fact,
            target=target.statement_id if target is not None else None,
            text=json.dumps(statement, ensure_ascii=False, separators=(",", ":")),
        )


def start_recording(
    store: RecordStore,
    scenario: Scenario,
    state: PlayState,
    *,
    mode: str = "learn",
    lang: str = "id",
    player: str = "",
    play_id: str | None = None,
    session: str | None = None,
    group: str | None = None,
    members: Sequence[str] = (),
    member_count: int = 0,
    results_dir: Path | None = None,
    clock: Callable[[], datetime] | None = None,
) -> StatementRecorder:
    """Begin (or, for a known ``play_id``, go on) recording a play; catch up with its state.

    A play keeps the session, group, members and pseudonym it started with.
    Without a ``play_id`` a new registration begins with the decisions still to
    come. The player's name and a group's ``members`` appear in statements only
    when the session allows names; otherwise only how many play together
    (``member_count``, or the number of members) does.
    """
    notes: list[str] = []
    known = store.play(play_id) if play_id else None
    if known is not None:
        registration, first = known.registration, known.first_decision
        kept = None if known.session == LOCAL else known.session
        if session is not None and session != kept:
            notes.append(f"this play belongs to session {known.session}; its records stay there")
        session, group, alias = kept, known.group, known.pseudonym
        members = known.members or tuple(members)
    else:
        registration = play_id or str(uuid.uuid4())
        first = 0 if play_id else len(state.history)
        alias = pseudonym(session, player, registration)
        members = tuple(" ".join(name.split()) for name in members if name.strip())
        store.add_play(
            PlayRow(
                registration, session_key(session), alias, state.scenario_id, group, first, members
            )
        )
    names = store.session(session_key(session)).names_enabled
    name = player.strip() if names and player.strip() else None
    count = max(member_count, len(members))
    shown = tuple(members) if names else ()
    attempt = Attempt(registration, alias, session, group, mode, lang, name, count, shown)
    results = None
    if results_dir is not None:
        results = StatementFile(results_dir / f"{session_key(session)}-{alias}.jsonl")
    recorder = StatementRecorder(store, scenario, attempt, first, results, notes=notes)
    if clock is not None:
        recorder.clock = clock
    recorder.sync(state)
    return recorder


def subscribe_records(
    bus: EventBus,
    saves: Path,
    scenario: Scenario,
    state: PlayState,
    mode: str = "learn",
    player: str = "",
    lang: str = "id",
    seat: Seat | None = None,
    play_id: str | None = None,
) -> str | None:
    """For the game window: record a play; returns why not (or None when recording).

    Without a ``seat`` the play is one of the PC's individual plays; with one it
    belongs to the seat's session (and group). A known ``play_id`` (from a save)
    goes on with that play's records. A problem opening the records (a network
    share, say) is returned and logged rather than raised, so the play goes on.
    """
    where: dict[str, Any] = {}
    if seat is not None:
        where = {
            "session": seat.session,
            "group": seat.group,
            "members": seat.members,
            "member_count": seat.member_count,
            "results_dir": seat.results_dir,
        }
    try:
        store = RecordStore(saves)
        recorder = start_recording(
            store, scenario, state, mode=mode, lang=lang, player=player, play_id=play_id, **where
        )
    except RecordsError as error:
        log.error("learning records are off for this play: %s", error)
        return str(error)
    for warning in store.warnings:
        log.warning(warning)
    bus.subscribe(recorder)
    return None


def seat_of_play(saves: Path, play_id: str | None) -> Seat | None:
    """For the game window: the class seat a saved play sits in (None: individual play).

    Read from this PC's learning records by the play's registration, so a group's
    play loaded from a save is a group's play again (it asks for reasons). The
    class results folder is not kept there: a loaded play writes to the database
    only. A problem reading the records is logged and reads as individual play.
    """
    if not play_id or not (saves / FILE_NAME).exists():
        return None
    try:
        with RecordStore(saves) as store:
            row = store.play(play_id)
    except RecordsError as error:
        log.error("cannot read the play's session from the learning records: %s", error)
        return None
    if row is None or row.session == LOCAL:
        return None
    return Seat(row.session, row.group, row.members)


def _decision_index(row: StatementRow) -> int:
    head, _, tail = row.slot.partition("/")
    return int(tail) if head == ANSWERED and tail.isdigit() else -1
