"""The one exception hierarchy of Perekat.

Owns the base classes every layer raises; carries no behaviour beyond a message.
Errors caused by a user's input (a scenario file, a save, a command line) are
``PerekatError``s: front ends print their message and never a traceback.
"""

from __future__ import annotations


class PerekatError(Exception):
    """Base of every error Perekat raises on purpose."""


class EngineError(PerekatError):
    """A play cannot go on as asked (unknown or locked choice, dead end)."""


class UnknownChoiceError(EngineError):
    """The asked choice id is not offered at the current node."""


class LockedChoiceError(EngineError):
    """The asked choice exists but its condition is false now."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class DeadEndError(EngineError):
    """A decision was entered with no available choice: a scenario bug."""


class NothingToUndoError(EngineError):
    """Undo was asked before any choice was made."""


class UndoImpossibleError(EngineError):
    """The choices made cannot be replayed (the scenario changed since they were made)."""


class PlayFinishedError(EngineError):
    """The play has reached an ending; nothing more can be chosen."""


class StateError(PerekatError):
    """A serialised play state does not fit the scenario it is meant for."""


class SaveError(PerekatError):
    """A save cannot be read or written."""


class ScenarioNotFoundError(PerekatError):
    """A scenario id or path names no scenario."""


class RecordsError(PerekatError):
    """The learning records cannot be opened, read or written (see game.persistence.records)."""
