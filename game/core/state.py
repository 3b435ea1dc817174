"""The one mutable thing of a play: where the player is and what they did.

Owns PlayState and its plain-dict round trip (``to_dict``/``from_dict``), which
saves, undo and tests rely on. It does not know the rules of play (the engine
does) nor where states are stored (``game.persistence`` does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.core.model import COMPETENCIES, SEVERITIES, Value
from game.errors import StateError

VOTE_METHODS = ("counts", "hotseat")  # a show of hands typed in; secret votes on one PC
RATIONALE_LIMIT = 1000  # characters of a group's reason kept with a decision


@dataclass(frozen=True, slots=True)
class GroupVote:
    """How a class decided together: the votes per choice and the facilitator's part.

    ``tie`` says the most-voted choices were level (the facilitator decided among
    them); ``override`` says the facilitator took a choice the majority did not.
    """

    method: str
    counts: tuple[tuple[str, int], ...]
    tie: bool = False
    override: bool = False

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "counts": dict(self.counts),
            "tie": self.tie,
            "override": self.override,
        }

    @classmethod
    def from_dict(cls, data: Any) -> GroupVote:
        counts = data.get("counts") if isinstance(data, dict) else None
        if not (
            isinstance(data, dict)
            and data.get("method") in VOTE_METHODS
            and isinstance(counts, dict)
            and all(isinstance(k, str) and type(v) is int and v >= 0 for k, v in counts.items())
            and type(data.get("tie", False)) is bool
            and type(data.get("override", False)) is bool
        ):
            raise StateError("a history entry has a malformed vote")
        return cls(
            data["method"],
            tuple(counts.items()),
            data.get("tie", False),
            data.get("override", False),
        )


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One choice made: where, which, how it rated, any rule it broke, and how it was decided.

    ``rationale`` is a group's reason typed with the choice; ``vote`` is a class's
    vote when a facilitator led the play. Both are empty in individual play.
    """

    node_id: str
    choice_id: str
    ratings: tuple[tuple[str, int], ...] = ()
    violation: tuple[str, str] | None = None  # (rule, severity)
    rationale: str = ""
    vote: GroupVote | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "node": self.node_id,
            "choice": self.choice_id,
            "ratings": dict(self.ratings),
        }
        if self.violation is not None:
            data["violation"] = {"rule": self.violation[0], "severity": self.violation[1]}
        if self.rationale:
            data["rationale"] = self.rationale
        if self.vote is not None:
            data["vote"] = self.vote.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Any) -> DecisionRecord:
        if not isinstance(data, dict):
            raise StateError("a history entry is not an object")
        ratings = data.get("ratings", {})
        violation = data.get("violation")
        if not (
            isinstance(data.get("node"), str)
            and isinstance(data.get("choice"), str)
            and isinstance(ratings, dict)
            and all(
                k in COMPETENCIES and type(v) is int and 1 <= v <= 5 for k, v in ratings.items()
            )
        ):
            raise StateError("a history entry lacks node or choice, or has ratings out of range")
        pair: tuple[str, str] | None = None
        if violation is not None:
            if (
                not isinstance(violation, dict)
                or not isinstance(violation.get("rule"), str)
                or violation.get("severity") not in SEVERITIES
            ):
                raise StateError("a history entry has a malformed violation")
            pair = (violation["rule"], violation["severity"])
        rationale = data.get("rationale", "")
        if not isinstance(rationale, str):
            raise StateError("a history entry has a malformed rationale")
        vote = GroupVote.from_dict(data["vote"]) if data.get("vote") is not None else None
        return cls(
            data["node"], data["choice"], tuple(ratings.items()), pair, rationale.strip(), vote
        )


@dataclass(slots=True)
class PlayState:
    """Everything that changes during one play of one scenario."""

    scenario_id: str
    node_id: str
    variables: dict[str, Value] = field(default_factory=dict)
    visited: list[str] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    history: list[DecisionRecord] = field(default_factory=list)
    ending_id: str | None = None

    @property
    def is_finished(self) -> bool:
        return self.ending_id is not None

    def enter(self, node_id: str) -> None:
        """Move to ``node_id``, marking it visited and extending the path."""
        self.node_id = node_id
        self.path.append(node_id)
        if node_id not in self.visited:
            self.visited.append(node_id)

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dict; ``from_dict`` gives back an equal state."""
        return {
            "scenario": self.scenario_id,
            "node": self.node_id,
            "variables": dict(self.variables),
            "visited": list(self.visited),
            "path": list(self.path),
            "history": [record.to_dict() for record in self.history],
            "ending": self.ending_id,
        }

    @classmethod
    def from_dict(cls, data: Any) -> PlayState:
        """Rebuild a state; raise StateError on anything malformed."""
        if not isinstance(data, dict):
            raise StateError("the play state is not an object")
        scenario_id, node_id = data.get("scenario"), data.get("node")
        variables = data.get("variables", {})
        visited, path = data.get("visited", []), data.get("path", [])
        history, ending = data.get("history", []), data.get("ending")
        if not isinstance(scenario_id, str) or not isinstance(node_id, str):
            raise StateError("the play state lacks its scenario or node")
        if not isinstance(variables, dict) or not all(
            isinstance(name, str) and isinstance(value, (int, bool, str))
            for name, value in variables.items()
        ):
            raise StateError("the play state's variables are malformed")
        for name, items in (("visited", visited), ("path", path)):
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise StateError(f"the play state's {name} list is malformed")
        if not isinstance(history, list):
            raise StateError("the play state's history is malformed")
        if ending is not None and not isinstance(ending, str):
            raise StateError("the play state's ending is malformed")
        return cls(
            scenario_id=scenario_id,
            node_id=node_id,
            variables=dict(variables),
            visited=list(visited),
            path=list(path),
            history=[DecisionRecord.from_dict(entry) for entry in history],
            ending_id=ending,
        )
