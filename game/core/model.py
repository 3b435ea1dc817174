"""The frozen scenario model: what a scenario file means once loaded.

Owns the immutable dataclasses (Scenario, Node, Choice, Ending, ...). It does
not parse YAML (``game.content`` does) and holds nothing that changes during a
play (``game.core.state`` does).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from game.core.expressions import Condition

Value = int | bool | str
"""A variable's value: integer, boolean or string."""

COMPETENCIES: tuple[str, ...] = ("recognize", "tolerate", "leverage")
SEVERITIES: tuple[str, ...] = ("moral", "ringan", "sedang", "berat")
ENDING_KINDS: tuple[str, ...] = ("good", "mixed", "bad")
DEFAULT_LANGUAGE = "id"

NodeKind = Literal["decision", "step", "ending"]


@dataclass(frozen=True, slots=True)
class Text:
    """A player-facing text in one or more languages; Indonesian (``id``) is always present."""

    translations: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, value: str | Mapping[str, str]) -> Text:
        """Build from a plain string (Indonesian) or a language -> string mapping."""
        if isinstance(value, str):
            return cls(((DEFAULT_LANGUAGE, value),))
        return cls(tuple((code, text) for code, text in value.items() if not code.startswith("x-")))

    def get(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The text in ``lang``, or the Indonesian text when ``lang`` is missing."""
        fallback = ""
        for code, text in self.translations:
            if code == lang:
                return text
            if code == DEFAULT_LANGUAGE:
                fallback = text
        return fallback

    def has(self, lang: str) -> bool:
        """True when the text has its own entry for ``lang``."""
        return any(code == lang for code, _ in self.translations)


@dataclass(frozen=True, slots=True)
class Character:
    """Someone who speaks in a scenario."""

    character_id: str
    name: str
    role: Text | None = None


@dataclass(frozen=True, slots=True)
class Violation:
    """A rule an ASN is bound by, broken by a choice."""

    rule: str
    severity: str
    text: Text | None = None


@dataclass(frozen=True, slots=True)
class SetEffect:
    """Assign a literal to a variable."""

    variable: str
    value: Value


@dataclass(frozen=True, slots=True)
class AddEffect:
    """Add an integer (possibly negative) to an integer variable."""

    variable: str
    amount: int


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a decision."""

    choice_id: str
    text: Text
    goto: str
    condition: Condition | None = None
    sets: tuple[SetEffect, ...] = ()
    adds: tuple[AddEffect, ...] = ()
    score: tuple[tuple[str, int], ...] = ()
    feedback: Text | None = None
    violation: Violation | None = None
    notes: tuple[str, ...] = ()  # ids of the learning notes the feedback refers to

    @property
    def ratings(self) -> dict[str, int]:
        """Competency -> rating of this choice."""
        return dict(self.score)


@dataclass(frozen=True, slots=True)
class Ending:
    """What a node that ends the play carries."""

    title: Text
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One bubble of a group chat; ``sender`` is a character id or ``me`` (the player)."""

    sender: str
    text: Text
    time: str | None = None


@dataclass(frozen=True, slots=True)
class Chat:
    """A WhatsApp-style group chat shown with a node."""

    title: Text
    messages: tuple[ChatMessage, ...]
    members: int | None = None


@dataclass(frozen=True, slots=True)
class Post:
    """A social media post shown with a node; ``author`` is a character id or a display name."""

    author: str
    text: Text
    handle: str | None = None
    time: str | None = None
    reactions: int | None = None
    shares: int | None = None
    comments: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An official memo or letter shown with a node."""

    subject: Text
    body: Text
    letterhead: Text | None = None
    number: str | None = None
    date: str | None = None
    to: Text | None = None
    signature_name: str | None = None
    signature_role: Text | None = None


Presentation = Chat | Post | Document
"""An in-world presentation: what the player sees of the world itself."""

PLAYER_SENDER = "me"
BACKGROUNDS: tuple[str, ...] = (
    "office",
    "counter",
    "meeting-room",
    "village-hall",
    "street",
    "phone",
)


@dataclass(frozen=True, slots=True)
class Node:
    """A place in the story: a decision, a linear step or an ending."""

    node_id: str
    text: Text
    speaker: str | None = None
    show_locked: bool = False
    choices: tuple[Choice, ...] = ()
    next: str | None = None
    ending: Ending | None = None
    background: str | None = None
    presentation: Presentation | None = None
    discussion: tuple[Text, ...] = ()  # questions for a group, in facilitated sessions
    facilitator: Text | None = None  # notes only the facilitator's view shows

    @property
    def kind(self) -> NodeKind:
        """``decision`` (has choices), ``ending`` or ``step`` (has ``next``)."""
        if self.ending is not None:
            return "ending"
        if self.choices:
            return "decision"
        return "step"

    def choice(self, choice_id: str) -> Choice | None:
        """The choice with that id, or None."""
        for choice in self.choices:
            if choice.choice_id == choice_id:
                return choice
        return None

    @property
    def assessed(self) -> frozenset[str]:
        """The competencies this decision assesses (the set its choices rate)."""
        if not self.choices:
            return frozenset()
        return frozenset(name for name, _ in self.choices[0].score)


def _frozen_nodes() -> Mapping[str, Node]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Scenario:
    """A whole scenario, immutable after loading."""

    scenario_id: str
    title: Text
    start: str
    nodes: Mapping[str, Node] = field(default_factory=_frozen_nodes)
    format: int = 1
    summary: Text | None = None
    minutes: int | None = None
    tags: tuple[str, ...] = ()
    variables: tuple[tuple[str, Value], ...] = ()
    characters: Mapping[str, Character] = field(default_factory=lambda: MappingProxyType({}))
    source: str | None = None
    content_hash: str = ""
    background: str | None = None

    def node(self, node_id: str) -> Node:
        """The node with that id (KeyError when there is none)."""
        return self.nodes[node_id]

    @property
    def initial_variables(self) -> dict[str, Value]:
        """A fresh copy of the declared variables and their initial values."""
        return dict(self.variables)

    @property
    def assessed(self) -> frozenset[str]:
        """Every competency some decision of this scenario assesses."""
        found: set[str] = set()
        for node in self.nodes.values():
            found |= node.assessed
        return frozenset(found)
