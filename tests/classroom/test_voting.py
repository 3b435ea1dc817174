"""Facilitated votes: counts and hot-seat, hidden until revealed, ties and overrides recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from game.classroom.recorder import start_recording
from game.classroom.voting import Ballot, VoteError, ballot_for
from game.classroom.xapi import EXT_MEMBER_COUNT, EXT_MEMBERS, EXT_RATIONALE, EXT_VOTE
from game.core.engine import Engine
from game.core.model import Scenario
from game.core.state import GroupVote, PlayState
from game.persistence.records import RecordStore

OPTIONS = ("tolak-halus", "bagikan", "lapor")


def test_counts_from_a_show_of_hands_decide_by_majority() -> None:
    ballot = ballot_for("counts", OPTIONS)
    ballot.set_count("tolak-halus", 12)
    ballot.set_count("bagikan", 3)
    ballot.set_count("bagikan", 5)  # typed again: the last count holds
    ballot.reveal()
    chosen, vote = ballot.decide()
    assert chosen == "tolak-halus"
    assert vote == GroupVote("counts", (("tolak-halus", 12), ("bagikan", 5), ("lapor", 0)))
    assert vote.total == 17 and not vote.tie and not vote.override


def test_hot_seat_votes_are_tallied_without_who_chose_what() -> None:
    ballot = ballot_for("hotseat", OPTIONS, voters=3)
    for option in ("lapor", "bagikan", "lapor"):
        ballot.cast(option)
    assert ballot.is_complete
    with pytest.raises(VoteError, match="all 3 participants have voted"):
        ballot.cast("lapor")
    assert ballot.counts == {"tolak-halus": 0, "bagikan": 1, "lapor": 2}
    assert set(vars(ballot)) == {"method", "options", "voters", "counts", "revealed"}


def test_the_result_cannot_be_decided_before_the_reveal_nor_changed_after() -> None:
    ballot = ballot_for("hotseat", OPTIONS)
    ballot.cast("lapor")
    with pytest.raises(VoteError, match="reveal the votes before deciding"):
        ballot.decide()
    ballot.reveal()
    with pytest.raises(VoteError, match="no more votes"):
        ballot.cast("lapor")


def test_a_tie_is_the_facilitators_call_and_is_recorded() -> None:
    ballot = ballot_for("counts", OPTIONS)
    ballot.set_count("tolak-halus", 4)
    ballot.set_count("lapor", 4)
    ballot.reveal()
    assert ballot.needs_call and ballot.leaders() == ("tolak-halus", "lapor")
    with pytest.raises(VoteError, match="tolak-halus, lapor"):
        ballot.decide()
    chosen, vote = ballot.decide("lapor")
    assert chosen == "lapor" and vote.tie and not vote.override


def test_overriding_the_majority_is_recorded() -> None:
    ballot = ballot_for("counts", OPTIONS)
    ballot.set_count("bagikan", 9)
    ballot.set_count("tolak-halus", 2)
    ballot.reveal()
    chosen, vote = ballot.decide("tolak-halus")
    assert chosen == "tolak-halus" and vote.override and not vote.tie
    _, agreed = ballot.decide("bagikan")
    assert not agreed.override


def test_without_any_vote_the_facilitator_decides_without_an_override() -> None:
    ballot = ballot_for("counts", OPTIONS)
    ballot.reveal()
    assert ballot.needs_call and ballot.leaders() == ()
    with pytest.raises(VoteError, match="no votes"):
        ballot.decide()
    _, vote = ballot.decide("lapor")
    assert not vote.override and not vote.tie and vote.total == 0


@pytest.mark.parametrize(
    ("method", "act", "message"),
    [
        ("counts", lambda b: b.cast("lapor"), "counts typed by the facilitator"),
        ("hotseat", lambda b: b.set_count("lapor", 2), "this vote is secret"),
        ("counts", lambda b: b.set_count("lapor", -1), "whole number from 0"),
        ("counts", lambda b: b.set_count("nope", 1), "'nope' is not one of the options"),
    ],
)
def test_votes_that_do_not_fit_the_method_are_refused(method, act, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(VoteError, match=message):
        act(ballot_for(method, OPTIONS))


def test_an_unknown_method_is_refused() -> None:
    with pytest.raises(VoteError, match="use counts or hotseat"):
        Ballot("raise-hands", OPTIONS)


def test_a_vote_and_a_rationale_survive_the_save_and_an_undo(mini: Scenario) -> None:
    """They travel with the decision: through to_dict/from_dict and the replay undo does."""
    engine = Engine(mini)
    engine._advance_to_decision()
    vote = GroupVote("hotseat", (("tolak-halus", 1), ("bagikan", 2), ("lapor", 0)), False, True)
    engine.choose("tolak-halus", rationale="  menjaga netralitas  ", vote=vote)
    engine._advance_to_decision()
    engine.choose("program")
    record = engine.state.history[0]
    assert record.rationale == "menjaga netralitas" and record.vote == vote
    assert PlayState.from_dict(engine.state.to_dict()) == engine.state
    engine.undo()
    assert engine.state.history[0] == record


def test_recorded_statements_carry_the_vote_rationale_and_members(
    mini: Scenario, tmp_path: Path
) -> None:
    """Valid xAPI; members by name only when names are on, their number always."""
    with RecordStore(tmp_path) as store:
        for names in (False, True):
            store.set_names("KELAS-A", names)
            engine = Engine(mini)
            members = ["Siti", "Budi"]
            engine.bus.subscribe(
                start_recording(
                    store, mini, engine.state, session="KELAS-A", group="G1", members=members
                )
            )
            engine._advance_to_decision()
            vote = GroupVote("counts", (("tolak-halus", 3), ("bagikan", 3), ("lapor", 1)), True)
            engine.choose("tolak-halus", rationale="netral", vote=vote)
        statements = [s for s in store.export() if s["verb"]["display"]["en-US"] == "answered"]
    for statement in statements:
        BaseXapiStatement.model_validate(statement)
        extensions = statement["result"]["extensions"]
        assert extensions[EXT_RATIONALE] == "netral"
        assert extensions[EXT_VOTE] == {
            "method": "counts",
            "counts": {"tolak-halus": 3, "bagikan": 3, "lapor": 1},
            "tie": True,
            "override": False,
        }
    hidden, shown = (s["context"]["extensions"] for s in statements)
    assert EXT_MEMBERS not in hidden and "Siti" not in str(statements[0])
    assert hidden[EXT_MEMBER_COUNT] == 2 == shown[EXT_MEMBER_COUNT]
    assert shown[EXT_MEMBERS] == ["Siti", "Budi"]
