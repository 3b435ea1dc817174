"""xAPI statements: valid against the specification's models (ralph-malph), and exactly shaped."""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timezone
from typing import Any

import pytest
import rfc3987
from ralph.models.xapi.base.statements import BaseXapiStatement
from ralph.models.xapi.concepts.activity_types.scorm_profile import (
    CMIInteractionActivityDefinition,
)
from ralph.models.xapi.concepts.verbs.adl_vocabulary import AnsweredVerb
from ralph.models.xapi.concepts.verbs.scorm_profile import CompletedVerb
from support import ROOT, load_scenario, shipped_scenarios

from game.classroom.identity import Attempt
from game.classroom.xapi import (
    CMI_INTERACTION,
    EXT_AVERAGES,
    EXT_RATINGS,
    EXT_TIER,
    EXT_VIOLATION,
    NAMESPACE,
    REFLECTION_LENGTH,
    VERB_ANSWERED,
    VERB_COMMENTED,
    VERB_COMPLETED,
    VERB_VOIDED,
    answered_statement,
    completed_statement,
    group_iri,
    reflection_statement,
    shorten,
    statement_id,
    voided_statement,
    voiding_id,
)
from game.core.engine import Engine
from game.core.model import Scenario
from game.core.state import DecisionRecord, PlayState

MOMENT = datetime(2025, 5, 1, 2, 3, 4, 5000, tzinfo=timezone.utc)
REGISTRATION = "0f8e2c56-6f5a-4c1e-9a0b-2d7f1e3c4b5a"
CLASS = Attempt(REGISTRATION, "peserta-1a2b3c4d", "KELAS-A", "Kelompok 1", "assess", "en")
LOCAL = Attempt(REGISTRATION, "peserta-9f8e7d6c")


def valid(statement: dict[str, Any]) -> BaseXapiStatement:
    """The statement as ralph-malph's xAPI 1.0.x model reads it (raises when it is not xAPI)."""
    return BaseXapiStatement.model_validate(statement)


def finished_play(scenario: Scenario, *choices: str) -> PlayState:
    engine = Engine(scenario)
    for choice_id in choices:
        engine._advance_to_decision()
        engine.choose(choice_id)
    return engine.state


@pytest.mark.parametrize("attempt", [CLASS, LOCAL], ids=["session", "local"])
def test_every_statement_kind_is_valid_xapi(mini: Scenario, attempt: Attempt) -> None:
    """Answered (with and without a violation), completed and voided all pass the xAPI models."""
    state = finished_play(mini, "bagikan", "diam")
    for index, record in enumerate(state.history):
        valid(answered_statement(attempt, mini, record, index, timestamp=MOMENT))
    completed = completed_statement(attempt, mini, state, timestamp=MOMENT)
    valid(completed)
    valid(voided_statement(attempt, completed["id"], MOMENT))


def test_every_choice_of_the_shipped_scenarios_makes_a_valid_statement() -> None:
    """Each choice of each shipped scenario, as an answer, is valid xAPI and among its choices."""
    for path in shipped_scenarios():
        scenario = load_scenario(path)
        for node in scenario.nodes.values():
            for choice in node.choices:
                violation = (
                    (choice.violation.rule, choice.violation.severity) if choice.violation else None
                )
                record = DecisionRecord(node.node_id, choice.choice_id, choice.score, violation)
                statement = answered_statement(CLASS, scenario, record, 0)
                valid(statement)
                offered = [c["id"] for c in statement["object"]["definition"]["choices"]]
                assert statement["result"]["response"] in offered


def test_verbs_and_activity_types_are_the_adl_ones() -> None:
    """The verb ids and the interaction type are those of ADL's vocabulary and SCORM profile."""
    assert AnsweredVerb().id == VERB_ANSWERED
    assert CompletedVerb().id == VERB_COMPLETED
    assert VERB_VOIDED == "http://adlnet.gov/expapi/verbs/voided"  # xAPI 1.0.3 §2.3.2
    assert CMIInteractionActivityDefinition.model_fields["type"].default == CMI_INTERACTION


def test_answered_statement_has_its_exact_shape(mini: Scenario) -> None:
    """A choice that breaks a rule: its response, ratings, violation, session and group."""
    record = DecisionRecord(
        "pagi", "bagikan", (("recognize", 1), ("tolerate", 1)), ("PP 94", "berat")
    )
    statement = answered_statement(CLASS, mini, record, 0, timestamp=MOMENT)
    scenario_activity = {
        "objectType": "Activity",
        "id": "urn:perekat:scenario:mini",
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/simulation",
            "name": {"id-ID": "Rapat Kecil", "en-US": "A Small Meeting"},
            "description": {"id-ID": "Skenario uji kecil.", "en-US": "A small test scenario."},
        },
    }
    assert statement == {
        "id": statement_id(REGISTRATION, "answered/0"),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": "urn:perekat:session:KELAS-A", "name": "peserta-1a2b3c4d"},
        },
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/answered",
            "display": {"id-ID": "menjawab", "en-US": "answered"},
        },
        "object": {
            "objectType": "Activity",
            "id": "urn:perekat:scenario:mini/node/pagi",
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "interactionType": "choice",
                "name": {
                    "id-ID": "Pak Budi meminta Anda membagikan unggahan.",
                    "en-US": "Pak Budi asks you to share a post.",
                },
                "choices": [
                    {
                        "id": "tolak-halus",
                        "description": {
                            "id-ID": "Saya menolak dengan sopan.",
                            "en-US": "I decline politely.",
                        },
                    },
                    {
                        "id": "bagikan",
                        "description": {"id-ID": "Saya membagikannya.", "en-US": "I share it."},
                    },
                    {
                        "id": "lapor",
                        "description": {
                            "id-ID": "Saya langsung melapor.",
                            "en-US": "I report it at once.",
                        },
                    },
                ],
            },
        },
        "result": {
            "response": "bagikan",
            "success": False,
            "extensions": {
                "urn:perekat:ext:ratings": {"recognize": 1, "tolerate": 1},
                "urn:perekat:ext:violation": {"rule": "PP 94", "severity": "berat"},
            },
        },
        "context": {
            "registration": REGISTRATION,
            "contextActivities": {
                "parent": [scenario_activity],
                "grouping": [
                    {"objectType": "Activity", "id": "urn:perekat:session:KELAS-A"},
                    {
                        "objectType": "Activity",
                        "id": "urn:perekat:session:KELAS-A/group/Kelompok%201",
                    },
                ],
            },
            "revision": mini.content_hash,
            "platform": "Perekat",
            "language": "en-US",
            "extensions": {
                "urn:perekat:ext:mode": "assess",
                "urn:perekat:ext:app-version": "0.1.0",
                "urn:perekat:ext:decision": 1,
            },
        },
        "timestamp": "2025-05-01T02:03:04.005Z",
        "version": "1.0.3",
    }


def test_completed_statement_has_its_exact_result(mini: Scenario) -> None:
    """Completion, a score scaled from the 1-5 averages, and averages, tier, ending, violations."""
    state = finished_play(mini, "tolak-halus", "program")
    statement = completed_statement(LOCAL, mini, state, timestamp=MOMENT)
    assert statement["verb"]["id"] == VERB_COMPLETED
    assert statement["object"]["id"] == "urn:perekat:scenario:mini"
    assert statement["result"] == {
        "completion": True,
        # averages 5, 4 and 5: mean 14/3 = 4.67 of 1..5, scaled (4.667 - 1) / 4
        "score": {"scaled": 0.9167, "raw": 4.67, "min": 1, "max": 5},
        "extensions": {
            "urn:perekat:ext:averages": {"recognize": 5.0, "tolerate": 4.0, "leverage": 5.0},
            "urn:perekat:ext:tier": "tinggi",
            "urn:perekat:ext:ending": "akhir-baik",
            "urn:perekat:ext:decisions": 2,
            "urn:perekat:ext:violations": [],
        },
    }
    assert "parent" not in statement["context"].get("contextActivities", {})
    assert "contextActivities" not in statement["context"]  # individual play: no session


def test_completed_without_any_rating_has_no_score(mini: Scenario) -> None:
    """A play whose choices rated nothing gives no score (never a made-up one), yet a tier."""
    state = PlayState("mini", "akhir-baik", ending_id="akhir-baik")
    statement = completed_statement(LOCAL, mini, state, timestamp=MOMENT)
    valid(statement)
    assert "score" not in statement["result"]
    assert statement["result"]["extensions"][EXT_TIER] == "belum"
    assert statement["result"]["extensions"][EXT_AVERAGES]["leverage"] is None


def test_voided_statement_points_at_its_target(mini: Scenario) -> None:
    """Voiding: verb voided, a StatementRef object, no platform or revision, one id per target."""
    target = statement_id(REGISTRATION, "answered/0")
    statement = voided_statement(CLASS, target, MOMENT)
    assert statement["verb"]["id"] == VERB_VOIDED
    assert statement["object"] == {"objectType": "StatementRef", "id": target}
    assert statement["id"] == voiding_id(target) != target
    assert "platform" not in statement["context"] and "revision" not in statement["context"]
    assert statement["context"]["registration"] == REGISTRATION


def test_statement_ids_are_deterministic_uuids() -> None:
    """The same play, slot and revision give the same id; any difference gives another."""
    first = statement_id(REGISTRATION, "answered/0")
    assert uuid.UUID(first).version == 5
    assert first == statement_id(REGISTRATION, "answered/0", 0)
    others = {
        statement_id(REGISTRATION, "answered/1"),
        statement_id(REGISTRATION, "answered/0", 1),
        statement_id(str(uuid.uuid4()), "answered/0"),
        statement_id(REGISTRATION, "completed"),
    }
    assert first not in others and len(others) == 4
    # Fixed forever: a change here would duplicate every statement already collected.
    assert uuid.uuid5(uuid.NAMESPACE_URL, "urn:perekat:xapi") == NAMESPACE
    assert statement_id("r", "answered/0") == "74df8414-5d50-5e81-90d8-66e96d8463e8"


def test_the_actor_carries_a_name_only_when_given_one(mini: Scenario) -> None:
    """Without Attempt.name the actor is the pseudonym account alone; with it, ``name`` too."""
    record = DecisionRecord("pagi", "tolak-halus", (("recognize", 5),))
    anonymous = answered_statement(CLASS, mini, record, 0)["actor"]
    assert set(anonymous) == {"objectType", "account"}
    named = Attempt(REGISTRATION, "peserta-1a2b3c4d", "KELAS-A", name="Siti Aminah")
    actor = answered_statement(named, mini, record, 0)["actor"]
    assert actor["name"] == "Siti Aminah"
    assert actor["account"] == anonymous["account"]  # the same person, whether named or not


def test_a_choice_rated_at_mastery_everywhere_is_a_success(mini: Scenario) -> None:
    """success: every rating at least 4; no ratings, no success field and no extensions."""
    good = DecisionRecord("pagi", "tolak-halus", (("recognize", 5), ("tolerate", 4)))
    mixed = DecisionRecord("pagi", "tolak-halus", (("recognize", 5), ("tolerate", 3)))
    bare = DecisionRecord("pagi", "tolak-halus")
    assert answered_statement(LOCAL, mini, good, 0)["result"]["success"] is True
    assert answered_statement(LOCAL, mini, mixed, 0)["result"]["success"] is False
    assert answered_statement(LOCAL, mini, bare, 0)["result"] == {"response": "tolak-halus"}
    ratings = answered_statement(LOCAL, mini, mixed, 0)["result"]["extensions"][EXT_RATINGS]
    assert list(ratings) == ["recognize", "tolerate"]
    assert EXT_VIOLATION not in answered_statement(LOCAL, mini, good, 0)["result"]["extensions"]


def test_a_node_the_scenario_lost_keeps_its_id_without_texts(mini: Scenario) -> None:
    """A resumed save may name a node an edit removed: the statement is still valid xAPI."""
    record = DecisionRecord("gone", "old-choice", (("recognize", 3),))
    statement = answered_statement(LOCAL, mini, record, 4)
    valid(statement)
    assert statement["object"]["definition"] == {
        "type": CMI_INTERACTION,
        "interactionType": "choice",
    }


def test_group_names_become_valid_iris() -> None:
    """Spaces, slashes and non-ASCII letters in a group name are percent-encoded."""
    iri = group_iri("KELAS-A", "Tim Ç/2 ü")
    assert iri == "urn:perekat:session:KELAS-A/group/Tim%20%C3%87%2F2%20%C3%BC"
    assert rfc3987.parse(iri, rule="IRI")["scheme"] == "urn"


def test_long_texts_are_shortened_at_a_word() -> None:
    """One line, cut before the limit at a word boundary, ending in an ellipsis."""
    assert shorten("  Satu\n dua   tiga ", 80) == "Satu dua tiga"
    assert shorten("satu dua tiga empat", 12) == "satu dua…"
    assert len(shorten("kata " * 100, 80)) <= 80


def test_the_examples_in_docs_xapi_are_what_the_builders_make(mini: Scenario) -> None:
    """docs/xapi.md's four examples are valid xAPI and exactly what the code builds."""
    text = (ROOT / "docs" / "xapi.md").read_text(encoding="utf-8")
    examples = [json.loads(block) for block in re.findall(r"```json\n(.*?)\n```", text, re.S)]
    attempt = Attempt(
        "3f2c9a4e-8b1d-4c6f-9e2a-7d5b1c0f4a8e", "peserta-5e0b6f1a", "KELAS-A", "Kelompok 2"
    )
    state = finished_play(mini, "bagikan", "diam")
    answered = answered_statement(
        attempt, mini, state.history[0], 0, timestamp=datetime(2025, 5, 14, 2, 15, 30, 250000)
    )
    built = [
        answered,
        completed_statement(attempt, mini, state, timestamp=datetime(2025, 5, 14, 2, 17, 5)),
        reflection_statement(
            attempt,
            mini,
            "Saya akan mengecek sumber sebelum meneruskan pesan.",
            timestamp=datetime(2025, 5, 14, 2, 18),
        ),
        voided_statement(attempt, answered["id"], datetime(2025, 5, 14, 2, 16)),
    ]
    assert len(examples) == 4
    for example, statement in zip(examples, built, strict=True):
        valid(example)
        for each in (example, statement):
            each["context"].pop("revision", None)  # the fixture's hash: free to change
        assert example == statement


def test_a_reflection_is_a_commented_statement_on_the_scenario(mini: Scenario) -> None:
    """ADL's commented verb, the scenario as object, the text as typed in result.response."""
    text = "  Saya akan mengecek sumber sebelum meneruskan pesan <b>&</b>.  "
    statement = reflection_statement(CLASS, mini, text, timestamp=MOMENT)
    valid(statement)
    assert statement["verb"]["id"] == VERB_COMMENTED == "http://adlnet.gov/expapi/verbs/commented"
    assert statement["object"]["id"] == "urn:perekat:scenario:mini"
    assert statement["result"] == {"response": text.strip()}
    assert statement["id"] == statement_id(REGISTRATION, "commented", 0)
    assert statement["context"]["registration"] == REGISTRATION
    assert [item["id"] for item in statement["context"]["contextActivities"]["grouping"]] == [
        "urn:perekat:session:KELAS-A",
        group_iri("KELAS-A", "Kelompok 1"),
    ]
    second = reflection_statement(CLASS, mini, "Lain.", revision=1, timestamp=MOMENT)
    assert second["id"] == statement_id(REGISTRATION, "commented", 1) != statement["id"]
    long = reflection_statement(LOCAL, mini, "x" * 5000, timestamp=MOMENT)
    assert len(long["result"]["response"]) == REFLECTION_LENGTH
    valid(long)
