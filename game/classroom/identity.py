"""Who plays, and where: session codes, pseudonyms and the attempt a statement belongs to.

Owns the rules that keep real names on the PC: a session code's form, a group's
name and its list of members (how they may be written), the
pseudonym a player gets in a session (stable for a name within a session,
random per play without a name), and ``Attempt``, the facts every statement of
one play shares. A real name travels only in ``Attempt.name``, which the
recorder fills only when the facilitator turned names on for the session. It
does not store sessions (``game.persistence.records`` does) nor build
statements (``xapi`` does).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

LOCAL = "local"  # the session key of individual play (no --session); never a valid code
SESSION_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{2,19}$")
RESERVED_CODES = frozenset({"LOCAL"})
PSEUDONYM_PREFIX = "peserta-"
GROUP_LENGTH = 40
MEMBERS_MAX = 12
MEMBER_LENGTH = 60


def session_code(text: str) -> str:
    """A facilitator's session code in its one spelling (upper case); ValueError when malformed."""
    code = text.strip()
    if not SESSION_CODE.match(code):
        raise ValueError(
            f"session code '{text}' is not allowed: use 3-20 letters, digits and '-', "
            "starting with a letter or digit (e.g. KELAS-A)"
        )
    code = code.upper()
    if code in RESERVED_CODES:
        raise ValueError(f"session code '{text}' is reserved for individual play")
    return code


def group_name(text: str) -> str:
    """A group's name with its spaces collapsed; ValueError when empty, too long or unprintable."""
    name = " ".join(text.split())
    if not name or len(name) > GROUP_LENGTH or not name.isprintable():
        raise ValueError(
            f"group name '{text}' is not allowed: use 1-{GROUP_LENGTH} printable characters"
        )
    return name


def member_names(text: str) -> tuple[str, ...]:
    """A group's members from one text: names split at commas or line breaks.

    Spaces inside a name are collapsed and blank entries dropped; ValueError when
    no name or more than ``MEMBERS_MAX`` remain, or a name is longer than
    ``MEMBER_LENGTH`` characters or holds control characters.
    """
    names = [" ".join(part.split()) for part in re.split(r"[,\n]", text)]
    names = [name for name in names if name]
    if not names or len(names) > MEMBERS_MAX:
        raise ValueError(
            f"members '{' '.join(text.split())}' are not allowed: give 1-{MEMBERS_MAX} names "
            'separated by commas (e.g. "Siti, Budi, Ani")'
        )
    for name in names:
        if len(name) > MEMBER_LENGTH or not name.isprintable():
            raise ValueError(
                f"member name '{name}' is not allowed: use 1-{MEMBER_LENGTH} printable characters"
            )
    return tuple(names)


def session_key(code: str | None) -> str:
    """How records name a session: its code, or ``local`` for individual play."""
    return code if code else LOCAL


def pseudonym(session: str | None, player: str, registration: str) -> str:
    """The name statements give a player in a session: ``peserta-`` and 8 hex digits.

    With a player name it is the same on every PC of the session and different in
    another session; without one it is drawn from the play's registration, so it
    differs for each play. It hides a name from a reader, not from someone who knows
    the session code and guesses names: names themselves never leave the PC.
    """
    name = normal_name(player)
    seed = f"name:{name}" if name else f"play:{registration}"
    digest = hashlib.sha256(f"{session_key(session)}\n{seed}".encode()).hexdigest()
    return PSEUDONYM_PREFIX + digest[:8]


def normal_name(player: str) -> str:
    """A player name as compared: spaces collapsed, case folded ("Budi  S" == "budi s")."""
    return " ".join(player.split()).casefold()


@dataclass(frozen=True, slots=True)
class Attempt:
    """One play by one person: what every statement of it shares."""

    registration: str  # a UUID per play (xAPI's registration), kept across resumes
    pseudonym: str
    session: str | None = None  # a class session code; None for individual play
    group: str | None = None
    mode: str = "learn"
    lang: str = "id"
    name: str | None = None  # the real name: only when the session allows names
    member_count: int = 0  # how many play together (a group's members, a class's voters)
    members: tuple[str, ...] = ()  # their names: only when the session allows names


@dataclass(frozen=True, slots=True)
class Seat:
    """Where a play sits in a class: what the window knows when it starts one.

    Individual play has no seat. A group at its own PC has a session, a group and
    its members; a facilitated class on the projector has a session and how many
    vote (``member_count``). ``results_dir`` is where the class collects its files.
    """

    session: str
    group: str | None = None
    members: tuple[str, ...] = ()
    member_count: int = 0
    results_dir: Path | None = None
