"""Past-tense events the engine publishes, and the small bus that carries them.

Owns the event types and synchronous delivery to subscribers (autosave,
records, animations). It does not know who listens; a failing listener's error
propagates to the caller, so a failed autosave is never silent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.core.state import DecisionRecord, PlayState


@dataclass(frozen=True, slots=True)
class NodeEntered:
    node_id: str
    state: PlayState


@dataclass(frozen=True, slots=True)
class ChoiceMade:
    record: DecisionRecord
    state: PlayState


@dataclass(frozen=True, slots=True)
class ChoiceUndone:
    record: DecisionRecord
    state: PlayState


@dataclass(frozen=True, slots=True)
class PlayEnded:
    ending_id: str
    result: dict[str, Any]
    state: PlayState


@dataclass(frozen=True, slots=True)
class ReflectionWritten:
    """The player wrote a reflection at the end of the play (one action for work)."""

    text: str
    state: PlayState


Event = NodeEntered | ChoiceMade | ChoiceUndone | PlayEnded | ReflectionWritten
Handler = Callable[[Event], None]


class EventBus:
    """Delivers each published event to every subscriber, in subscription order."""

    def __init__(self) -> None:
        self._handlers: list[Handler] = []

    def subscribe(self, handler: Handler) -> Callable[[], None]:
        """Add ``handler``; returns a function that removes it again."""
        self._handlers.append(handler)
        return lambda: self._handlers.remove(handler)

    def publish(self, event: Event) -> None:
        for handler in list(self._handlers):
            handler(event)
