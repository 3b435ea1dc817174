"""A facilitated class session as the facilitator sets it up: code, scenario, how the class votes.

Owns ``ClassSession`` (what the projector play runs with), its checks with
messages that say what to fix, and ``new_code`` (a short code that is easy to
read aloud and type: no 0/O or 1/I). It stores nothing (the records store keeps
a session's names setting) and shows nothing (the setup scene does).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from game.classroom.identity import Seat, session_code
from game.core.state import VOTE_METHODS

CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # nothing to mistake when read from a screen
MAX_PARTICIPANTS = 200
MAX_GROUPS = 20
DISCUSSION_CHOICES = (0, 60, 120, 180, 300, 600)  # seconds the setup offers


class SetupError(ValueError):
    """A setup value that cannot be used: ``key`` names the problem for a front end's words."""

    def __init__(self, key: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


@dataclass(frozen=True, slots=True)
class ClassSession:
    """One facilitated play of one scenario with one class."""

    code: str
    scenario_id: str
    method: str = "counts"  # "counts" (a show of hands typed in) or "hotseat" (secret votes)
    participants: int = 0  # how many vote; hot-seat asks this many voters in turn (0: open)
    groups: tuple[str, ...] = ()  # groups that play at their own PCs under this code
    discussion_seconds: int = 0  # a timer for the discussion before each vote (0: none)
    names_enabled: bool = False  # anonymous unless the facilitator turns names on

    @property
    def seat(self) -> Seat:
        """Where the projector play's records go: the session, with how many decide."""
        return Seat(self.code, member_count=self.participants)


def new_code(prefix: str = "KLS") -> str:
    """A fresh session code such as ``KLS-7QXH``."""
    return f"{prefix}-" + "".join(secrets.choice(CODE_LETTERS) for _ in range(4))


def class_session(
    code: str,
    scenario_id: str,
    method: str,
    participants: str | int,
    groups: str | Sequence[str] = (),
    discussion_seconds: int = 0,
    names_enabled: bool = False,
) -> ClassSession:
    """A session from the setup form's values; SetupError naming the field and the fix."""
    try:
        checked = session_code(code)
    except ValueError as error:
        raise SetupError("code", str(error)) from None
    if method not in VOTE_METHODS:
        raise SetupError("method", f"unknown vote method '{method}': use counts or hotseat")
    count = _participants(participants, method)
    names = _groups(groups)
    if not 0 <= discussion_seconds <= 3600:
        raise SetupError("discussion", "discussion time is from 0 to 60 minutes")
    return ClassSession(
        checked, scenario_id, method, count, names, discussion_seconds, names_enabled
    )


def _participants(value: str | int, method: str) -> int:
    text = str(value).strip()
    if not text:
        count = 0
    elif text.isdigit():
        count = int(text)
    else:
        raise SetupError("participants", f"participants: '{value}' is not a whole number")
    if count > MAX_PARTICIPANTS:
        raise SetupError(
            "participants_max", f"participants: at most {MAX_PARTICIPANTS}", n=MAX_PARTICIPANTS
        )
    if method == "hotseat" and count < 2:
        raise SetupError(
            "participants_hotseat", "participants: secret voting needs how many will vote (2+)"
        )
    return count


def _groups(value: str | Sequence[str]) -> tuple[str, ...]:
    items = value.replace("\n", ",").split(",") if isinstance(value, str) else list(value)
    names = [" ".join(item.split()) for item in items if item.strip()]
    if len(names) > MAX_GROUPS:
        raise SetupError("groups_max", f"groups: at most {MAX_GROUPS}", n=MAX_GROUPS)
    folded = [name.casefold() for name in names]
    if len(set(folded)) != len(folded):
        raise SetupError("groups_twice", "groups: each group needs its own name")
    if any(len(name) > 40 for name in names):
        raise SetupError("groups_long", "groups: a group name is at most 40 characters")
    return tuple(names)
