"""Sending the records' outbox to a Learning Record Store, exactly once.

Owns the send: the statements an LRS has not taken yet, in the order stored, in
batches (at most ``batch_size`` statements and ``BATCH_BYTES``), each marked
``sending`` in the records before it is posted and ``sent`` only once the LRS
said 200; a batch the LRS refuses as a whole (400 invalid, 409 conflicting, 413
too large) is split in halves until the statements it refuses stand alone,
and those are kept aside with the LRS's message (``rejected``, ``conflict``)
while the others go through. xAPI makes a statement id the LRS already holds
with the same content a success, so posting again what may have arrived is
safe: a statement left ``sending`` by a kill or a lost answer is asked about
first (GET by id) and, when the LRS has it, counted as already there.

Network errors, timeouts and 5xx are the client's to retry (``lrs_client``);
when it gives up, the send stops, and everything not marked sent stays in the
outbox for the next one. It builds and reads no statement and prints nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from game.persistence.lrs_client import LrsClient, LrsError, LrsUnavailable
from game.persistence.records import (
    CONFLICT,
    REJECTED,
    SENDING,
    SENT,
    OutboxRow,
    RecordStore,
)

BATCH_SIZE = 500
BATCH_BYTES = 4 << 20  # below the 5 MB body limit common in LRSs (Learning Locker's default)

log = logging.getLogger(__name__)


@dataclass
class SendSummary:
    """What one send did, and what it left."""

    sent: int = 0  # accepted by the LRS in this send
    already: int = 0  # posted by an earlier send that did not hear back; the LRS had them
    rejected: int = 0  # refused as invalid (400 or 413), kept aside
    conflicts: int = 0  # an id the LRS holds with other content (409), kept aside
    left: int = 0  # still to send after this one
    requests: int = 0  # POSTs made
    refusals: list[tuple[str, str, str]] = field(default_factory=list)  # (state, id, message)
    stopped: str = ""  # why the send stopped before the end (the LRS could not be reached)


class OutboxSender:
    """Sends one records store's outbox (or one session's part of it) to one LRS."""

    def __init__(
        self,
        store: RecordStore,
        client: LrsClient,
        *,
        session: str | None = None,
        batch_size: int = BATCH_SIZE,
        batch_bytes: int = BATCH_BYTES,
        progress: Callable[[SendSummary], None] | None = None,
    ) -> None:
        if batch_size < 1:
            raise LrsError("the batch size must be at least 1")
        self.store = store
        self.client = client
        self.lrs = client.endpoint
        self.session = session
        self.batch_size = batch_size
        self.batch_bytes = batch_bytes
        self.progress = progress
        self.summary = SendSummary()

    def send(self) -> SendSummary:
        """Send every waiting statement; stop (saying why) when the LRS cannot be reached.

        LrsError (a bad URL, refused credentials) propagates: nothing more is sent."""
        after = 0
        try:
            while True:
                rows = self.store.outbox(self.lrs, after, self.batch_size, self.session)
                if not rows:
                    break
                batch = _cut(rows, self.batch_bytes)
                after = batch[-1].seq
                uncertain = [row for row in batch if row.uncertain]
                if uncertain:
                    held = self._held(uncertain)
                    batch = [row for row in batch if row.statement_id not in held]
                if batch:
                    self._deliver(batch)
                if self.progress is not None:
                    self.progress(self.summary)
        except LrsUnavailable as error:
            self.summary.stopped = str(error)
        finally:
            counts = self.store.deliveries(self.lrs, self.session)
            self.summary.left = counts.get("waiting", 0) + counts.get(SENDING, 0)
        return self.summary

    def _deliver(self, rows: Sequence[OutboxRow]) -> None:
        """Post ``rows``; split a refused batch until each refused statement stands alone."""
        seqs = [row.seq for row in rows]
        self.store.mark(self.lrs, SENDING, seqs)  # from here on, the LRS may hold them
        body = ("[" + ",".join(row.text for row in rows) + "]").encode("utf-8")
        self.summary.requests += 1
        try:
            answer = self.client.post_statements(body)
        except LrsUnavailable as error:
            if not error.maybe_received:  # never reached the LRS: as if never sent
                self.store.unmark(self.lrs, seqs)
            raise
        if answer.status in (200, 204):
            self.store.mark(self.lrs, SENT, seqs)
            self.summary.sent += len(rows)
            return
        if answer.status not in (400, 409, 413):
            raise LrsError(
                f"the LRS at {self.lrs} answered a batch of statements with {answer.message()}; "
                "nothing of it was marked sent"
            )
        if len(rows) > 1:
            half = len(rows) // 2
            self._deliver(rows[:half])
            self._deliver(rows[half:])
            return
        state = CONFLICT if answer.status == 409 else REJECTED
        message = answer.message()
        self.store.mark(self.lrs, state, seqs, message)
        self.summary.refusals.append((state, rows[0].statement_id, message))
        if state == CONFLICT:
            self.summary.conflicts += 1
        else:
            self.summary.rejected += 1
        log.warning("LRS kept %s aside (%s): %s", rows[0].statement_id, state, message)

    def _held(self, rows: Sequence[OutboxRow]) -> set[str]:
        """The ids among ``rows`` (posted before without an answer) that the LRS holds."""
        held: set[str] = set()
        for row in rows:
            for key in ("statementId", "voidedStatementId"):  # a voided one is only found so
                answer = self.client.get_statements({key: row.statement_id}, missing_ok=True)
                if answer.status == 200:
                    held.add(row.statement_id)
                    break
        if held:
            self.store.mark(self.lrs, SENT, [row.seq for row in rows if row.statement_id in held])
            self.summary.already += len(held)
        return held


def send_outbox(
    store: RecordStore,
    client: LrsClient,
    session: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> SendSummary:
    """Send ``store``'s waiting statements (of ``session``) to the client's LRS."""
    return OutboxSender(store, client, session=session, batch_size=batch_size).send()


def _cut(rows: Sequence[OutboxRow], limit: int) -> list[OutboxRow]:
    """The first of ``rows`` that fit in ``limit`` bytes (always at least one)."""
    size = 2
    for index, row in enumerate(rows):
        size += len(row.text) + 1
        if size > limit and index:
            return list(rows[:index])
    return list(rows)
