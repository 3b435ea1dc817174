"""The facts of one xAPI statement that a class report reads: ``Fact`` and ``fact_of``.

Owns which fields each verb needs (answered: the decision node and the
response; completed: averages, tier and ending; commented: the text; voided:
the target) and how a statement without them is refused, with the reason. It
reads no files: ``statement_files`` and ``compact_lines`` hand it statements.
"""

from __future__ import annotations

from typing import Any, NamedTuple
from urllib.parse import unquote

from game.classroom.xapi import (
    EXT_AVERAGES,
    EXT_DECISION,
    EXT_ENDING,
    EXT_TIER,
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
    group, revision, decision = context_facts(context)
    said = result_facts(kind, node_id, item.get("result"))
    if isinstance(said, str):
        return said
    value, averages, tier = said
    return Fact(
        kind, statement_id, registration, scenario_id, who[0], who[1], group, stamp,
        node_id, value, decision if kind == "answered" else 0, averages, tier, revision,
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


def context_facts(context: dict[str, Any]) -> tuple[str, str, int]:
    """(group name or "", the scenario revision or "", the decision number or 0)."""
    activities = context.get("contextActivities")
    grouping = activities.get("grouping") if isinstance(activities, dict) else None
    group = ""
    for activity in grouping if isinstance(grouping, list) else []:
        iri = activity.get("id") if isinstance(activity, dict) else None
        if isinstance(iri, str) and "/group/" in iri:
            group = unquote(iri.rpartition("/group/")[2])
            break
    revision = context.get("revision")
    extensions = context.get("extensions")
    index = extensions.get(EXT_DECISION) if isinstance(extensions, dict) else None
    number = index if isinstance(index, int) and not isinstance(index, bool) else 0
    return group, revision if isinstance(revision, str) else "", number


def result_facts(
    kind: str, node_id: str, result: Any
) -> tuple[str, tuple[float | None, ...], str] | str:
    """(value, averages, tier) from a statement's result, or why it will not do."""
    result = _mapping(result)
    if kind == "answered":
        response = result.get("response")
        if not node_id or not isinstance(response, str):
            return "an answered statement without a decision node or result.response"
        return response, (), ""
    if node_id:
        return f"a {kind} statement about a decision, not a scenario"
    if kind == "commented":
        response = result.get("response")
        if not isinstance(response, str):
            return "a commented statement without result.response"
        return response, (), ""
    extensions = _mapping(result.get("extensions"))
    values = _mapping(extensions.get(EXT_AVERAGES))
    tier, ending = extensions.get(EXT_TIER), extensions.get(EXT_ENDING)
    return (
        ending if isinstance(ending, str) else "",
        tuple(_number(values.get(name)) for name in COMPETENCIES),
        tier if isinstance(tier, str) else "",
    )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)
