"""The send at the end of a play: this PC's outbox to the LRS, in the background, in one line.

Owns deciding whether a play's end sends (the person switched it on in the LRS
screen and an address is set), starting that send with a short timeout and few
tries, so a silent LRS costs a few seconds of a background thread and never the
play's time, and the one line the report shows about it while and after it runs.
A statement the LRS did not take stays in the outbox for the next send; the
reflection saved on the report goes with that next send.

It draws nothing itself (the report places the line) and keeps no account.
"""

from __future__ import annotations

import logging
from pathlib import Path

from game.persistence.lrs_background import LrsJob, start_send
from game.persistence.lrs_config import LrsConfigStore
from game.ui.gui.strings import tr

TIMEOUT = 4.0  # seconds for one answer
ATTEMPTS = 2  # one try and one retry, half a second apart

log = logging.getLogger(__name__)


class AfterPlaySend:
    """One end-of-play send, or None from ``start`` when it is not wanted."""

    def __init__(self, job: LrsJob) -> None:
        self.job = job

    @classmethod
    def start(cls, saves: Path, config_folder: Path | None) -> AfterPlaySend | None:
        config = LrsConfigStore(config_folder).load()
        if not config.sends_after_play:
            return None
        return cls(start_send(saves, config, timeout=TIMEOUT, attempts=ATTEMPTS))

    def line(self, lang: str) -> str:
        """What the report says about the send now."""
        outcome = self.job.outcome
        if outcome is None:
            return tr(lang, "lrs_report_sending")
        if outcome.problem is not None:
            if outcome.problem.kind == "unreachable":
                return tr(lang, "lrs_report_unreachable")
            return tr(lang, "lrs_report_failed")
        summary = outcome.summary
        refused = 0 if summary is None else summary.rejected + summary.conflicts
        if refused:
            return tr(lang, "lrs_report_refused", refused=refused)
        return tr(lang, "lrs_report_sent")
