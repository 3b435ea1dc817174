"""Sending to the LRS, or checking it answers, in a thread of its own: the window never waits.

Owns ``LrsJob`` (one send of this PC's outbox, or one connection check, run in a
daemon thread that opens its own records connection, since SQLite connections
belong to their thread; the caller polls ``progress`` and ``outcome``), the
outbox's status for one endpoint (``outbox_status``: waiting, sent, refused), and
``problem_of``, which sorts a failure into a kind a screen can put in words
(unreachable, account refused, wrong address, untrusted certificate, records,
other) with the detail, never a traceback and never the password.

Sends in one process take turns (one lock): two sends of the same outbox at once
would post the same statements twice. A thread cut off by the window closing
leaves what it was posting marked ``sending``; the next send asks the LRS about
those first (``lrs_send``), so nothing is lost or doubled.

It does not build a client's flags (``cli_lrs``), store the account
(``lrs_config``) or draw anything.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.errors import RecordsError
from game.persistence.lrs_client import LrsClient, LrsError, LrsUnavailable, endpoint_of
from game.persistence.lrs_config import LrsConfig
from game.persistence.lrs_send import OutboxSender, SendSummary
from game.persistence.records import CONFLICT, FILE_NAME, REJECTED, SENDING, SENT, RecordStore

log = logging.getLogger(__name__)

# One send at a time in this process (see the module docstring); a second waits its turn.
_ONE_SEND = threading.Lock()


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    """This PC's statements as one LRS stands with them."""

    waiting: int = 0  # not sent yet, or sent without an answer
    sent: int = 0
    refused: int = 0  # rejected as invalid or conflicting, kept aside


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a send or a check failed: ``kind`` for the words, ``detail`` as the LRS or OS said."""

    kind: str  # unreachable | account | address | certificate | records | other
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a job ended: ``summary`` for a send (None for a check), ``problem`` when it failed."""

    summary: SendSummary | None = None
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def outbox_status(saves: Path, endpoint: str) -> OutboxStatus:
    """How this PC's records stand with ``endpoint`` (all waiting when it never sent there)."""
    if not (saves / FILE_NAME).exists():
        return OutboxStatus()
    lrs = endpoint_of(endpoint)
    with RecordStore(saves) as store:
        counts = store.deliveries(lrs)
    return OutboxStatus(
        waiting=counts.get("waiting", 0) + counts.get(SENDING, 0),
        sent=counts.get(SENT, 0),
        refused=counts.get(REJECTED, 0) + counts.get(CONFLICT, 0),
    )


def problem_of(error: BaseException) -> Problem:
    """The kind of a failure, for a screen to say in words; unexpected ones are logged."""
    text = str(error)
    if isinstance(error, LrsUnavailable):
        return Problem("unreachable", text)
    if isinstance(error, LrsError):
        if "refused the credentials" in text:
            return Problem("account", text)
        if "certificate" in text:
            return Problem("certificate", text)
        if "(404)" in text or "URL" in text or "--lrs" in text:
            return Problem("address", text)
        return Problem("other", text)
    if isinstance(error, RecordsError):
        return Problem("records", text)
    log.error("LRS job failed", exc_info=error)
    return Problem("other", type(error).__name__)


class LrsJob:
    """One piece of LRS work in a daemon thread; poll ``is_done``, ``progress`` and ``outcome``."""

    def __init__(self, work: Callable[[LrsJob], SendSummary | None]) -> None:
        self._work = work
        self._lock = threading.Lock()
        self._progress = SendSummary()
        self._outcome: Outcome | None = None
        self._thread = threading.Thread(target=self._run, name="perekat-lrs", daemon=True)

    def __repr__(self) -> str:
        return f"LrsJob(done={self.is_done})"

    def start(self) -> LrsJob:
        self._thread.start()
        return self

    @property
    def is_done(self) -> bool:
        with self._lock:
            return self._outcome is not None

    @property
    def outcome(self) -> Outcome | None:
        with self._lock:
            return self._outcome

    @property
    def progress(self) -> tuple[int, int]:
        """(statements the LRS took so far, statements kept aside so far)."""
        with self._lock:
            done = self._progress
            return done.sent + done.already, done.rejected + done.conflicts

    def wait(self, seconds: float) -> bool:
        """Block up to ``seconds`` for the end (tests); True when done."""
        self._thread.join(seconds)
        return self.is_done

    def report(self, summary: SendSummary) -> None:
        """The worker's progress, copied for the window's thread."""
        with self._lock:
            self._progress = SendSummary(
                sent=summary.sent,
                already=summary.already,
                rejected=summary.rejected,
                conflicts=summary.conflicts,
            )

    def _run(self) -> None:
        try:
            summary = self._work(self)
            problem = None
            if summary is not None and summary.stopped:
                problem = Problem("unreachable", summary.stopped)
            outcome = Outcome(summary, problem)
        except Exception as error:  # noqa: BLE001 - a worker's failure is shown, never raised
            outcome = Outcome(None, problem_of(error))
        with self._lock:
            self._outcome = outcome


def client_for(config: LrsConfig, timeout: float, attempts: int) -> LrsClient:
    """The client ``config`` describes; LrsError for an unusable endpoint."""
    return LrsClient(
        config.endpoint, config.user, config.password, timeout=timeout, attempts=attempts
    )


def start_send(saves: Path, config: LrsConfig, *, timeout: float, attempts: int) -> LrsJob:
    """Send every waiting statement in ``saves``' records to ``config``'s LRS, in the background."""

    def work(job: LrsJob) -> SendSummary:
        with _ONE_SEND:
            if not (saves / FILE_NAME).exists():
                return SendSummary()  # nothing recorded on this PC yet
            with client_for(config, timeout, attempts) as client, RecordStore(saves) as store:
                for warning in store.warnings:
                    log.warning(warning)
                summary = OutboxSender(store, client, progress=job.report).send()
        job.report(summary)
        return summary

    return LrsJob(work).start()


def start_check(config: LrsConfig, *, timeout: float, attempts: int = 1) -> LrsJob:
    """Ask ``config``'s LRS for one statement, in the background: does it answer, to this
    account? (``/about`` needs no account, so the statements resource is asked.)"""

    def work(job: LrsJob) -> None:
        with client_for(config, timeout, attempts) as client:
            answer = client.get_statements({"limit": "1"})
        if answer.status != 200:
            raise LrsError(f"the LRS answered {answer.message()}")
        return None

    return LrsJob(work).start()
