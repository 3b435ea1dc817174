"""xAPI 1.0.3 statements of a play: answered per choice, completed per ending, voided per undo,
commented per reflection written at the end.

Owns the exact shape of Perekat's learning records (docs/xapi.md shows each
with an example): the IRIs of activities, verbs and extensions, the
deterministic statement ids (UUID 5 over a fixed namespace, the play's
registration, what the statement is about and how often that was undone, so
writing a statement twice stores it once) and turning scenario content into
activity definitions. Pure and standard library only.

It does not decide which statements a play needs, nor when (``recorder``
does), stores nothing, and knows a real name only when the ``Attempt`` carries
one.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any
from urllib.parse import quote

from game import __version__
from game.classroom.identity import Attempt
from game.core.model import COMPETENCIES, Scenario, Text
from game.core.scoring import exact_averages, result_of
from game.core.state import DecisionRecord, PlayState

XAPI_VERSION = "1.0.3"
# Fixed forever: every statement id is derived from it (uuid5(NAMESPACE_URL, "urn:perekat:xapi")).
NAMESPACE = uuid.UUID("710acf17-3ce2-5c9d-889f-86b99aeaa726")

VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
VERB_VOIDED = "http://adlnet.gov/expapi/verbs/voided"
VERB_COMMENTED = "http://adlnet.gov/expapi/verbs/commented"
VERB_DISPLAY = {
    VERB_ANSWERED: {"id-ID": "menjawab", "en-US": "answered"},
    VERB_COMPLETED: {"id-ID": "menyelesaikan", "en-US": "completed"},
    VERB_VOIDED: {"id-ID": "membatalkan", "en-US": "voided"},
    VERB_COMMENTED: {"id-ID": "mengomentari", "en-US": "commented"},
}
CMI_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"

# Perekat's own IRIs: a private URN namespace (the project owns no web domain).
LOCAL_HOME = "urn:perekat:local"
EXT = "urn:perekat:ext:"
EXT_RATINGS = EXT + "ratings"
EXT_VIOLATION = EXT + "violation"
EXT_AVERAGES = EXT + "averages"
EXT_TIER = EXT + "tier"
EXT_ENDING = EXT + "ending"
EXT_VIOLATIONS = EXT + "violations"
EXT_DECISIONS = EXT + "decisions"
EXT_DECISION = EXT + "decision"
EXT_MODE = EXT + "mode"
EXT_APP_VERSION = EXT + "app-version"
EXT_RATIONALE = EXT + "rationale"
EXT_VOTE = EXT + "vote"
EXT_MEMBERS = EXT + "members"
EXT_MEMBER_COUNT = EXT + "member-count"
PLATFORM = "Perekat"

LANGUAGE_TAGS = {"id": "id-ID", "en": "en-US"}
NAME_LENGTH, DESCRIPTION_LENGTH = 80, 500
REFLECTION_LENGTH = 1000  # a reflection longer than this is cut (the window takes 300)
MASTERY = 4  # a choice rated at least this on every competency it rates is a success


def statement_id(registration: str, slot: str, revision: int = 0) -> str:
    """The id of the statement about ``slot`` ("answered/3", "completed") in a play.

    ``revision`` counts how often the same slot was voided before (an undo, then
    the decision made again), so each new answer gets its own id.
    """
    return str(uuid.uuid5(NAMESPACE, f"{registration}/{slot}/{revision}"))


def voiding_id(target_id: str) -> str:
    """The id of the statement that voids ``target_id`` (one per target)."""
    return str(uuid.uuid5(NAMESPACE, f"voided/{target_id}"))


def session_iri(session: str | None) -> str:
    return f"urn:perekat:session:{session}" if session else LOCAL_HOME


def group_iri(session: str | None, group: str) -> str:
    return f"{session_iri(session)}/group/{quote(group, safe='')}"


def scenario_iri(scenario_id: str) -> str:
    return f"urn:perekat:scenario:{scenario_id}"


def node_iri(scenario_id: str, node_id: str) -> str:
    return f"{scenario_iri(scenario_id)}/node/{node_id}"


def answered_statement(
    attempt: Attempt,
    scenario: Scenario,
    record: DecisionRecord,
    index: int,
    revision: int = 0,
    timestamp: datetime | None = None,
) -> dict[str, Any]:
    """The statement of one choice: the decision (``index``, from 0) of a play, and its ratings."""
    statement: dict[str, Any] = {
        "id": statement_id(attempt.registration, f"answered/{index}", revision),
        "actor": actor(attempt),
        "verb": verb(VERB_ANSWERED),
        "object": decision_activity(scenario, record.node_id),
        "result": _answer_result(record),
        "context": _context(attempt, scenario, parent=True, decision=index + 1),
        "timestamp": iso(timestamp),
        "version": XAPI_VERSION,
    }
    return statement


def completed_statement(
    attempt: Attempt,
    scenario: Scenario,
    state: PlayState,
    revision: int = 0,
    timestamp: datetime | None = None,
) -> dict[str, Any]:
    """The statement of a play that reached an ending: its averages, tier and ending."""
    return {
        "id": statement_id(attempt.registration, "completed", revision),
        "actor": actor(attempt),
        "verb": verb(VERB_COMPLETED),
        "object": scenario_activity(scenario),
        "result": _completion_result(state),
        "context": _context(attempt, scenario, parent=False),
        "timestamp": iso(timestamp),
        "version": XAPI_VERSION,
    }


def reflection_statement(
    attempt: Attempt,
    scenario: Scenario,
    text: str,
    revision: int = 0,
    timestamp: datetime | None = None,
) -> dict[str, Any]:
    """The player's reflection at the end of a play: ADL's ``commented`` on the scenario.

    ``result.response`` holds the text as the player typed it (trimmed, cut to
    ``REFLECTION_LENGTH``); ``revision`` counts the play's earlier reflections.
    """
    return {
        "id": statement_id(attempt.registration, "commented", revision),
        "actor": actor(attempt),
        "verb": verb(VERB_COMMENTED),
        "object": scenario_activity(scenario),
        "result": {"response": reflection_text(text)},
        "context": _context(attempt, scenario, parent=False),
        "timestamp": iso(timestamp),
        "version": XAPI_VERSION,
    }


def reflection_text(text: str) -> str:
    """A reflection as recorded: without surrounding blanks, at most ``REFLECTION_LENGTH``."""
    return text.strip()[:REFLECTION_LENGTH].strip()


def voided_statement(
    attempt: Attempt, target_id: str, timestamp: datetime | None = None
) -> dict[str, Any]:
    """xAPI's retraction of statement ``target_id`` (an answer undone, an ending taken back)."""
    context: dict[str, Any] = {"registration": attempt.registration}
    grouping = _grouping(attempt)
    if grouping:
        context["contextActivities"] = {"grouping": grouping}
    context["language"] = language_tag(attempt.lang)
    context["extensions"] = {EXT_MODE: attempt.mode, EXT_APP_VERSION: __version__}
    return {
        "id": voiding_id(target_id),
        "actor": actor(attempt),
        "verb": verb(VERB_VOIDED),
        "object": {"objectType": "StatementRef", "id": target_id},
        "context": context,
        "timestamp": iso(timestamp),
        "version": XAPI_VERSION,
    }


def actor(attempt: Attempt) -> dict[str, Any]:
    """An Agent identified by a session-scoped account; ``name`` only when names are allowed."""
    agent: dict[str, Any] = {"objectType": "Agent"}
    if attempt.name and attempt.name.strip():
        agent["name"] = attempt.name.strip()
    agent["account"] = {"homePage": session_iri(attempt.session), "name": attempt.pseudonym}
    return agent


def verb(verb_id: str) -> dict[str, Any]:
    return {"id": verb_id, "display": dict(VERB_DISPLAY[verb_id])}


def scenario_activity(scenario: Scenario) -> dict[str, Any]:
    """The scenario as a simulation activity: its title and summary."""
    definition: dict[str, Any] = {"type": SIMULATION}
    name = language_map(scenario.title, NAME_LENGTH)
    if name:
        definition["name"] = name
    description = language_map(scenario.summary, DESCRIPTION_LENGTH)
    if description:
        definition["description"] = description
    return {
        "objectType": "Activity",
        "id": scenario_iri(scenario.scenario_id),
        "definition": definition,
    }


def decision_activity(scenario: Scenario, node_id: str) -> dict[str, Any]:
    """A decision node as a cmi.interaction of type ``choice``, listing every choice it offers.

    No ``correctResponsesPattern``: a choice is rated per competency, not right or
    wrong; the ratings travel in the result. A node the scenario no longer has
    (a save resumed after an edit) keeps its id and loses its texts.
    """
    definition: dict[str, Any] = {"type": CMI_INTERACTION, "interactionType": "choice"}
    node = scenario.nodes.get(node_id)
    if node is not None:
        name = language_map(node.text, NAME_LENGTH)
        if name:
            definition["name"] = name
        description = language_map(node.text, DESCRIPTION_LENGTH)
        if description and description != name:
            definition["description"] = description
        choices = []
        for choice in node.choices:
            component: dict[str, Any] = {"id": choice.choice_id}
            text = language_map(choice.text, DESCRIPTION_LENGTH)
            if text:
                component["description"] = text
            choices.append(component)
        if choices:
            definition["choices"] = choices
    return {
        "objectType": "Activity",
        "id": node_iri(scenario.scenario_id, node_id),
        "definition": definition,
    }


def language_map(text: Text | None, limit: int) -> dict[str, str]:
    """A Text as an xAPI language map (``id`` -> ``id-ID``, ``en`` -> ``en-US``), shortened."""
    if text is None:
        return {}
    found = {}
    for code, value in text.translations:
        short = shorten(value, limit)
        if short:
            found[language_tag(code)] = short
    return found


def language_tag(code: str) -> str:
    return LANGUAGE_TAGS.get(code, code)


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters (with "…")."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


def iso(moment: datetime | None) -> str:
    """An ISO 8601 UTC timestamp to the millisecond, e.g. ``2025-05-01T02:03:04.005Z``."""
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    text = moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def _answer_result(record: DecisionRecord) -> dict[str, Any]:
    result: dict[str, Any] = {"response": record.choice_id}
    ratings = dict(record.ratings)
    ordered = {name: ratings[name] for name in COMPETENCIES if name in ratings}
    extensions: dict[str, Any] = {}
    if ordered:
        result["success"] = min(ordered.values()) >= MASTERY
        extensions[EXT_RATINGS] = ordered
    if record.violation is not None:
        extensions[EXT_VIOLATION] = {"rule": record.violation[0], "severity": record.violation[1]}
    if record.rationale:
        extensions[EXT_RATIONALE] = record.rationale
    if record.vote is not None:
        extensions[EXT_VOTE] = record.vote.to_dict()
    if extensions:
        result["extensions"] = extensions
    return result


def _completion_result(state: PlayState) -> dict[str, Any]:
    summary = result_of(state)
    result: dict[str, Any] = {"completion": True}
    rated = [value for value in exact_averages(state.history).values() if value is not None]
    if rated:
        mean = sum(rated, Fraction(0)) / len(rated)
        result["score"] = {
            "scaled": _decimal((mean - 1) / 4, "0.0001"),
            "raw": _decimal(mean, "0.01"),
            "min": 1,
            "max": 5,
        }
    result["extensions"] = {
        EXT_AVERAGES: summary["competencies"],
        EXT_TIER: summary["tier"],
        EXT_ENDING: summary["ending"],
        EXT_DECISIONS: len(state.history),
        EXT_VIOLATIONS: summary["violations"],
    }
    return result


def _context(
    attempt: Attempt, scenario: Scenario, parent: bool, decision: int | None = None
) -> dict[str, Any]:
    context: dict[str, Any] = {"registration": attempt.registration}
    activities: dict[str, Any] = {}
    if parent:
        activities["parent"] = [scenario_activity(scenario)]
    grouping = _grouping(attempt)
    if grouping:
        activities["grouping"] = grouping
    if activities:
        context["contextActivities"] = activities
    if scenario.content_hash:
        context["revision"] = scenario.content_hash
    context["platform"] = PLATFORM
    context["language"] = language_tag(attempt.lang)
    extensions: dict[str, Any] = {EXT_MODE: attempt.mode, EXT_APP_VERSION: __version__}
    if decision is not None:
        extensions[EXT_DECISION] = decision
    if attempt.member_count:
        extensions[EXT_MEMBER_COUNT] = attempt.member_count
    if attempt.members:
        extensions[EXT_MEMBERS] = list(attempt.members)
    context["extensions"] = extensions
    return context


def _grouping(attempt: Attempt) -> list[dict[str, Any]]:
    if attempt.session is None:
        return []
    grouping: list[dict[str, Any]] = [
        {"objectType": "Activity", "id": session_iri(attempt.session)}
    ]
    if attempt.group:
        grouping.append({"objectType": "Activity", "id": group_iri(attempt.session, attempt.group)})
    return grouping


def _decimal(value: Fraction, places: str) -> float:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal(places), rounding=ROUND_HALF_UP))
