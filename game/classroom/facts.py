"""The facts of one xAPI statement that a class report reads: ``Fact`` and ``fact_of``.

Owns which fields each verb needs (answered: the decision node and the
response; completed: averages, tier and ending; commented: the text; voided:
the target) and how a statement without them is refused, with the reason. It
reads no files: ``statement_files`` and ``compact_lines`` hand it statements.

How a group or a facilitated class decided travels with an answer: the
group's typed reason (``rationale``), how many members the group named
(``members``) and, in a facilitated play only, the class vote (``vote``). The
three share one field, empty for most statements, as plain values: a fact
travels from a worker as columns, and a class of 250,000 facts holds one slot
more each, not three.
"""

from __future__ import annotations

from typing import Any, NamedTuple
from urllib.parse import unquote

from game.classroom.xapi import (
    EXT_AVERAGES,
    EXT_DECISION,
    EXT_ENDING,
    EXT_MEMBER_COUNT,
    EXT_MODE,
    EXT_RATIONALE,
    EXT_TIER,
    EXT_VOTE,
    LOCAL_HOME,
    VERB_ANSWERED,
    VERB_COMMENTED,
    VERB_COMPLETED,
    VERB_VOIDED,
)
from game.core.model import COMPETENCIES

SCENARIO = "urn:perekat:scenario:"
SESSION = "urn:perekat:session:"
KINDS = {
    VERB_ANSWERED: "answered",
    VERB_COMPLETED: "completed",
    VERB_COMMENTED: "commented",
    VERB_VOIDED: "voided",
}

# A facilitated class's vote at one decision: (method, ((choice, votes), ...), tie, override),
# or () without one. Plain values: a fact travels from a worker process as columns.
Vote = tuple[()] | tuple[str, tuple[tuple[str, int], ...], bool, bool]
Decided = tuple[()] | tuple[str, int, Vote]  # (rationale, members, vote), () when all empty
FACILITATED = "facilitated"


class Fact(NamedTuple):
    """What the class report needs of one statement (``value``: the choice, the ending, the
    reflection's text or, for ``voided``, the id voided)."""

    kind: str  # answered, completed, commented, voided
    statement_id: str
    registration: str
    scenario_id: str
    session: str  # the session code, or "local"
    pseudonym: str
    group: str  # "" without one
    timestamp: str
    node_id: str = ""
    value: str = ""
    decision: int = 0  # an answer's decision number, from 1 (0 when unknown)
    averages: tuple[float | None, ...] = ()  # completed: per competency, in COMPETENCIES order
    tier: str = ""
    revision: str = ""  # the scenario file's SHA-256 the play ran on
    decided: Decided = ()  # how a group or class decided: ``decided_of``

    @property
    def rationale(self) -> str:
        """An answer's reason, typed by the group with the choice ("" without one)."""
        return self.decided[0] if self.decided else ""

    @property
    def members(self) -> int:
        """How many members the group (or the voting class) said it has (0 when not said)."""
        return self.decided[1] if self.decided else 0

    @property
    def vote(self) -> Vote:
        """An answer's class vote, in a facilitated play only (() without one)."""
        return self.decided[2] if self.decided else ()


def decided_of(rationale: str, members: int, vote: Vote) -> Decided:
    """The ``decided`` field: () when there is nothing, which is most statements."""
    return (rationale, members, vote) if rationale or members or vote else ()


def fact_of(item: dict[str, Any]) -> Fact | str | None:
    """The facts of a statement; a reason when it lacks what its verb needs; None when it is
    sound but not one the class report reads (another verb, another tool's activity)."""
    statement_id = item.get("id")
    if not isinstance(statement_id, str) or not statement_id:
        return "no statement id"
    verb = item.get("verb")
    kind = kind_of(verb)
    if not isinstance(kind, str) or not kind:
        return kind if kind is None else "no verb id"
    target = _mapping(item.get("object")).get("id")
    if not isinstance(target, str):
        return f"a {kind} statement without an object id"
    context = _mapping(item.get("context"))
    registration = context.get("registration")
    stamp = item.get("timestamp")
    stamp = stamp if isinstance(stamp, str) else ""
    if kind == "voided":
        registration = registration if isinstance(registration, str) else ""
        return Fact(kind, statement_id, registration, "", "", "", "", stamp, value=target)
    if not isinstance(registration, str) or not registration:
        return f"a {kind} statement without context.registration"
    who = actor_of(item.get("actor"))
    if who is None:
        return f"a {kind} statement without actor.account homePage and name"
    if not target.startswith(SCENARIO):
        return None
    scenario_id, _, node_id = target[len(SCENARIO) :].partition("/node/")
    group, revision, decision, members, facilitated = context_facts(context)
    said = result_facts(kind, node_id, item.get("result"))
    if isinstance(said, str):
        return said
    value, averages, tier, rationale, vote = said
    return Fact(
        kind, statement_id, registration, scenario_id, who[0], who[1], group, stamp,
        node_id, value, decision if kind == "answered" else 0, averages, tier, revision,
        decided_of(rationale, members, vote if facilitated else ()),
    )  # fmt: skip


def kind_of(verb: Any) -> str | None:
    """The kind of statement a verb makes; None for another verb, "" for no verb id."""
    verb_id = verb.get("id") if isinstance(verb, dict) else None
    if not isinstance(verb_id, str):
        return ""
    return KINDS.get(verb_id)


def actor_of(actor: Any) -> tuple[str, str] | None:
    """(session code or "local", pseudonym) of an actor with an account; None without one."""
    account = actor.get("account") if isinstance(actor, dict) else None
    home = account.get("homePage") if isinstance(account, dict) else None
    name = account.get("name") if isinstance(account, dict) else None
    if not (isinstance(home, str) and isinstance(name, str) and name):
        return None
    session = home[len(SESSION) :] if home.startswith(SESSION) else "local"
    return ("local" if home == LOCAL_HOME else session), name


def context_facts(context: dict[str, Any]) -> tuple[str, str, int, int, bool]:
    """(group name or "", the scenario revision or "", the decision number or 0, the group's
    member count or 0, whether a facilitator led the play)."""
    activities = context.get("contextActivities")
    grouping = activities.get("grouping") if isinstance(activities, dict) else None
    group = ""
    for activity in grouping if isinstance(grouping, list) else []:
        iri = activity.get("id") if isinstance(activity, dict) else None
        if isinstance(iri, str) and "/group/" in iri:
            group = unquote(iri.rpartition("/group/")[2])
            break
    revision = context.get("revision")
    extensions = _mapping(context.get("extensions"))
    index = extensions.get(EXT_DECISION)
    number = index if isinstance(index, int) and not isinstance(index, bool) else 0
    members = _count(extensions.get(EXT_MEMBER_COUNT))
    facilitated = extensions.get(EXT_MODE) == FACILITATED
    return group, revision if isinstance(revision, str) else "", number, members, facilitated


def result_facts(
    kind: str, node_id: str, result: Any
) -> tuple[str, tuple[float | None, ...], str, str, Vote] | str:
    """(value, averages, tier, rationale, vote) from a statement's result, or why it will not
    do. A rationale that is not text, or a vote not in the shape Perekat writes, is left out:
    the answer still counts."""
    result = _mapping(result)
    if kind == "answered":
        response = result.get("response")
        if not node_id or not isinstance(response, str):
            return "an answered statement without a decision node or result.response"
        extensions = result.get("extensions")
        if not isinstance(extensions, dict):
            return response, (), "", "", ()
        rationale = extensions.get(EXT_RATIONALE)
        rationale = rationale.strip() if isinstance(rationale, str) else ""
        return response, (), "", rationale, vote_of(extensions.get(EXT_VOTE))
    if node_id:
        return f"a {kind} statement about a decision, not a scenario"
    if kind == "commented":
        response = result.get("response")
        if not isinstance(response, str):
            return "a commented statement without result.response"
        return response, (), "", "", ()
    extensions = _mapping(result.get("extensions"))
    values = _mapping(extensions.get(EXT_AVERAGES))
    tier, ending = extensions.get(EXT_TIER), extensions.get(EXT_ENDING)
    return (
        ending if isinstance(ending, str) else "",
        tuple(_number(values.get(name)) for name in COMPETENCIES),
        tier if isinstance(tier, str) else "",
        "",
        (),
    )


def vote_of(value: Any) -> Vote:
    """A vote extension as plain values: ``()`` when absent or not in Perekat's shape
    (``{"method": str, "counts": {choice: n >= 0}, "tie": bool, "override": bool}``)."""
    if not isinstance(value, dict):
        return ()
    method, counts = value.get("method"), value.get("counts")
    tie, override = value.get("tie", False), value.get("override", False)
    if not (isinstance(method, str) and isinstance(counts, dict)):
        return ()
    if not (isinstance(tie, bool) and isinstance(override, bool)):
        return ()
    if not all(_is_count(n) for n in counts.values()):
        return ()
    return method, tuple(counts.items()), tie, override


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _is_count(value: Any) -> bool:
    """A whole number >= 0 (a bool is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _count(value: Any) -> int:
    return value if _is_count(value) else 0


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)
