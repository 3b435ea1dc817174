"""Read-only views of the current node for front ends.

Owns NodeView and ChoiceView: what a UI may show, in one language, with each
choice flagged available or locked (and why). Views are snapshots; they never
change the play.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.model import Character, Choice, Ending, NodeKind, Presentation


@dataclass(frozen=True, slots=True)
class ChoiceView:
    """A choice as offered now: its number among the listed ones, text, and lock state."""

    choice_id: str
    number: int
    text: str
    is_available: bool
    locked_reason: str | None
    choice: Choice


@dataclass(frozen=True, slots=True)
class NodeView:
    """The node the play stands on, ready to show."""

    node_id: str
    kind: NodeKind
    text: str
    speaker: Character | None
    choices: tuple[ChoiceView, ...]
    ending: Ending | None
    lang: str
    background: str | None = None
    presentation: Presentation | None = None

    @property
    def available(self) -> tuple[ChoiceView, ...]:
        return tuple(choice for choice in self.choices if choice.is_available)

    def find(self, answer: str) -> ChoiceView | None:
        """The listed choice named by its shown number ("2") or its id, or None.

        Shown numbers win: an id made of digits is reachable only when no shown
        number reads the same.
        """
        answer = answer.strip()
        for choice in self.choices:
            if answer == str(choice.number):
                return choice
        for choice in self.choices:
            if answer == choice.choice_id:
                return choice
        return None
