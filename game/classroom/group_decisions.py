"""How the counted plays decided together: groups' reasons and facilitated classes' votes.

Owns gathering, from the answers a class report counts, the reasons groups
typed with their choices (per decision, with the group and the choice), the
member counts groups gave, and the class votes of facilitated plays summed per
decision and option, with how often the facilitator broke a tie or overrode the
majority. A facilitated play is one participant (the class) in the tally; its
vote says how the room split behind that one answer.

It does not choose which plays or answers count (``aggregate`` does) and says
nothing about how these are shown (``report_text``, ``report_html`` and the
GUI's debrief pages do).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from game.classroom.facts import Fact


@dataclass(frozen=True, slots=True)
class GroupReason:
    """One group's reason for its choice at a decision ("" group: anonymous)."""

    group: str
    choice_id: str
    text: str
    timestamp: str = ""


@dataclass
class ClassVote:
    """The facilitated plays' votes at one decision, summed."""

    counts: dict[str, int] = field(default_factory=dict)  # choice -> votes
    plays: int = 0  # facilitated plays that voted here
    ties: int = 0  # of them, where the facilitator broke a tie
    overrides: int = 0  # of them, where the facilitator overrode the majority


@dataclass
class Deliberation:
    """Reasons and votes per decision node, and member counts per group."""

    reasons: dict[str, list[GroupReason]] = field(default_factory=dict)
    votes: dict[str, ClassVote] = field(default_factory=dict)
    members: dict[str, int] = field(default_factory=dict)  # group -> members its plays named


def deliberation(answers: Iterable[Fact]) -> Deliberation:
    """Gather from the counted plays' answers; the reasons of a decision in the order of group
    name, then time (anonymous last), the votes' choices sorted by id."""
    found = Deliberation()
    members: dict[str, tuple[str, int]] = {}  # registration -> (group, most members said)
    for fact in answers:
        if fact.members and fact.members > members.get(fact.registration, ("", 0))[1]:
            members[fact.registration] = (fact.group, fact.members)
        if fact.rationale:
            reason = GroupReason(fact.group, fact.value, fact.rationale, fact.timestamp)
            found.reasons.setdefault(fact.node_id, []).append(reason)
        if fact.vote:
            _, counts, tie, override = fact.vote
            vote = found.votes.setdefault(fact.node_id, ClassVote())
            for choice_id, count in counts:
                vote.counts[choice_id] = vote.counts.get(choice_id, 0) + count
            vote.plays += 1
            vote.ties += tie
            vote.overrides += override
    for reasons in found.reasons.values():
        reasons.sort(key=lambda r: (not r.group, r.group, r.timestamp, r.choice_id, r.text))
    found.votes = dict(sorted(found.votes.items()))
    for vote in found.votes.values():
        vote.counts = dict(sorted(vote.counts.items()))
    for group, count in members.values():
        found.members[group] = found.members.get(group, 0) + count
    return found
