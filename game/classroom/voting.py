"""A class's vote at one decision: cast, hidden until revealed, then decided.

Owns the rules of facilitated voting. Votes come either as counts per option
that the facilitator types after a show of hands (``counts``) or one secret
vote at a time on one PC (``hotseat``, where only the tally is kept, never who
chose what). The result stays hidden until ``reveal``. Deciding takes the
option with the most votes; when the most-voted options are level, or no one
voted, the facilitator picks, and a pick the majority did not make is an
override. Both are recorded in the ``GroupVote`` that goes with the choice.

It shows nothing (the facilitator scenes do) and does not make the choice in
the play (the engine does, given the vote).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.core.state import VOTE_METHODS, GroupVote
from game.errors import PerekatError

MAX_COUNT = 9999  # a show of hands in one room; more is a typing slip


class VoteError(PerekatError):
    """A vote cannot be cast or decided as asked (the words say what to do instead)."""


@dataclass
class Ballot:
    """The votes of one decision among ``options`` (choice ids, in the order shown)."""

    method: str
    options: tuple[str, ...]
    voters: int = 0  # hot-seat: how many will vote (0: as many as the facilitator lets)
    counts: dict[str, int] = field(default_factory=dict)
    revealed: bool = False

    def __post_init__(self) -> None:
        if self.method not in VOTE_METHODS:
            raise VoteError(f"unknown vote method '{self.method}': use {' or '.join(VOTE_METHODS)}")
        if not self.options:
            raise VoteError("a vote needs at least one option")
        self.counts = {option: self.counts.get(option, 0) for option in self.options}

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def is_complete(self) -> bool:
        """Hot-seat: every expected voter has voted."""
        return self.voters > 0 and self.total >= self.voters

    def cast(self, option: str) -> None:
        """One secret vote (hot-seat)."""
        self._require_open()
        if self.method != "hotseat":
            raise VoteError("this vote takes counts typed by the facilitator, not single votes")
        if self.is_complete:
            raise VoteError(f"all {self.voters} participants have voted")
        self.counts[self._known(option)] += 1

    def set_count(self, option: str, count: int) -> None:
        """How many raised their hand for ``option`` (counts)."""
        self._require_open()
        if self.method != "counts":
            raise VoteError("this vote is secret: each participant votes in turn")
        if not 0 <= count <= MAX_COUNT:
            raise VoteError(f"a count is a whole number from 0 to {MAX_COUNT}, not {count}")
        self.counts[self._known(option)] = count

    def reveal(self) -> None:
        self.revealed = True

    def leaders(self) -> tuple[str, ...]:
        """The options with the most votes, in the order shown; none when no one voted."""
        most = max(self.counts.values())
        if most == 0:
            return ()
        return tuple(option for option in self.options if self.counts[option] == most)

    @property
    def needs_call(self) -> bool:
        """Whether the facilitator must pick: the most-voted options are level, or no votes."""
        return len(self.leaders()) != 1

    def decide(self, pick: str | None = None) -> tuple[str, GroupVote]:
        """The choice the class makes, and the vote to record with it.

        Without ``pick`` the single most-voted option; with it, the facilitator's
        call: among level leaders it settles a tie, elsewhere it overrides the
        majority. Only after the reveal.
        """
        if not self.revealed:
            raise VoteError("reveal the votes before deciding")
        leaders = self.leaders()
        if pick is None:
            if len(leaders) != 1:
                level = ", ".join(leaders) if leaders else "no votes"
                raise VoteError(f"the facilitator picks the choice here ({level})")
            pick = leaders[0]
        chosen = self._known(pick)
        counts = tuple((option, self.counts[option]) for option in self.options)
        tie = len(leaders) > 1
        override = bool(leaders) and chosen not in leaders
        return chosen, GroupVote(self.method, counts, tie, override)

    def _known(self, option: str) -> str:
        if option not in self.counts:
            raise VoteError(f"'{option}' is not one of the options ({', '.join(self.options)})")
        return option

    def _require_open(self) -> None:
        if self.revealed:
            raise VoteError("the votes are revealed: no more votes")


def ballot_for(method: str, options: Sequence[str], voters: int = 0) -> Ballot:
    """A fresh ballot for the options offered at a decision."""
    return Ballot(method, tuple(options), voters)
