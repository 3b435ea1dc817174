"""A pilot leads a whole facilitated session in the real window, headless: from the title's
Kelas entry through setup, the lobby, every decision's discussion, vote and reveal (counts
typed as keys, secret hot-seat votes, a tie and an override), to the report and its records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest
from pilot import draw, focus_on, open_app, press, type_text
from ralph.models.xapi.base.statements import BaseXapiStatement

from game.classroom.xapi import EXT_MEMBER_COUNT, EXT_MODE, EXT_VOTE
from game.persistence.records import RecordStore
from game.persistence.settings import Settings
from game.ui.gui.app import App
from game.ui.gui.intents import Action
from game.ui.gui.scene import Scene
from game.ui.gui.scenes.class_hub import ClassHubScene
from game.ui.gui.scenes.discussion import DiscussionScene, clock_text
from game.ui.gui.scenes.facilitated_play import FacilitatedPlayScene
from game.ui.gui.scenes.outcome import OutcomeScene
from game.ui.gui.scenes.report import ReportScene
from game.ui.gui.scenes.reveal import RevealScene
from game.ui.gui.scenes.session_lobby import SessionLobbyScene
from game.ui.gui.scenes.session_setup import SessionSetupScene
from game.ui.gui.scenes.vote import CountsVoteScene, HotSeatVoteScene

SCENARIO = "netralitas-pemilu"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    yield from open_app(tmp_path, Settings(text_speed="instant", lang="id"))


def clear_entry(app: App) -> None:
    for _ in range(30):
        app.process(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0, unicode=""))


def open_setup(app: App) -> SessionSetupScene:
    focus_on(app, "Kelas")
    press(app, Action.CONFIRM)
    assert isinstance(app.stack.top, ClassHubScene)
    draw(app, "class-hub")
    press(app, Action.CHOOSE, 1)
    setup = app.stack.top
    assert isinstance(setup, SessionSetupScene)
    return setup


def set_cycled(app: App, setup: SessionSetupScene, name: str, wanted: Any) -> None:
    for _ in range(12):
        if setup.values[name] == wanted:
            return
        button = next(b for b, n in setup.cyclers.items() if n == name)
        app.focus.focus(button)
        press(app, Action.CONFIRM)
    raise AssertionError(f"{name} never became {wanted}")


def create_session(app: App, method: int, participants: str, code: str) -> FacilitatedPlayScene:
    setup = open_setup(app)
    scenario_index = [s.scenario_id for s in setup.scenarios].index(SCENARIO)
    set_cycled(app, setup, "scenario", scenario_index)
    set_cycled(app, setup, "method", method)
    app.focus.focus(setup.entries["code"])
    press(app, Action.CONFIRM)  # into the field
    clear_entry(app)
    type_text(app, code)
    app.focus.focus(setup.entries["participants"])
    press(app, Action.CONFIRM)
    type_text(app, participants)
    app.focus.focus(setup.entries["groups"])
    press(app, Action.CONFIRM)
    type_text(app, "Merah, Biru")
    draw(app, f"setup-{method}")
    focus_on(app, "Buat sesi")
    press(app, Action.CONFIRM)
    lobby = app.stack.top
    assert isinstance(lobby, SessionLobbyScene), getattr(setup, "message", "")
    assert lobby.session.code == code.upper() and lobby.session.groups == ("Merah", "Biru")
    draw(app, f"lobby-{method}")
    press(app, Action.CONFIRM)  # "start the scenario" is focused first
    play = app.stack.top
    assert isinstance(play, FacilitatedPlayScene)
    return play


def start_vote(app: App) -> Scene | None:
    """From the discussion: "Mulai memilih" pressed; the scene it opens."""
    focus_on(app, "Mulai memilih")
    press(app, Action.CONFIRM)
    return app.stack.top


def to_decision(app: App, play: FacilitatedPlayScene) -> bool:
    """Enter through text until the choices show; False at the report."""
    for _ in range(30):
        if isinstance(app.stack.top, ReportScene):
            return False
        if app.stack.top is play and play.phase == "choosing":
            return True
        if app.stack.top is play and play.phase == "waiting" and play.view.kind == "ending":
            press(app, Action.CONFIRM)
            continue
        press(app, Action.CONFIRM)
    raise AssertionError("no decision reached")


def statements(tmp_path: Path, code: str) -> list[dict[str, Any]]:
    with RecordStore(tmp_path) as store:
        return list(store.export(code))


def test_a_counts_session_runs_every_decision_to_the_report(app: App, tmp_path: Path) -> None:
    """Counts typed as keys stay hidden, the reveal shows them, the majority goes on."""
    play = create_session(app, method=0, participants="24", code="kls-uji")
    decisions = 0
    while to_decision(app, play):
        view = play.view
        offered = [c for c in view.choices if c.is_available]
        press(app, Action.CHOOSE, offered[0].number)  # opens the discussion, not the choice
        discussion = app.stack.top
        assert isinstance(discussion, DiscussionScene) and play.engine.state.node_id == view.node_id
        if decisions == 0:
            draw(app, "discussion")
        vote = start_vote(app)
        assert isinstance(vote, CountsVoteScene)
        last = offered[-1]
        vote.entries[last.choice_id].focus()
        app.focus.focus(vote.entries[last.choice_id])
        type_text(app, "13")
        assert vote.entries[last.choice_id].get_text() == "13"
        if decisions == 0:
            draw(app, "counts")
        focus_on(app, "Tampilkan hasil")
        press(app, Action.CONFIRM)
        reveal = app.stack.top
        assert isinstance(reveal, RevealScene) and not reveal.ballot.revealed
        press(app, Action.CONFIRM)  # show the result
        assert reveal.ballot.revealed and reveal.ballot.counts[last.choice_id] == 13
        if decisions == 0:
            draw(app, "reveal")
        press(app, Action.CONFIRM)  # go on with the most-voted option
        assert isinstance(app.stack.top, OutcomeScene)
        assert play.engine.state.history[-1].choice_id == last.choice_id
        if decisions == 0:
            draw(app, "outcome")
        press(app, Action.CONFIRM)
        decisions += 1
    assert isinstance(app.stack.top, ReportScene)
    draw(app, "report")
    assert decisions >= 8
    recorded = statements(tmp_path, "KLS-UJI")
    answers = [s for s in recorded if s["verb"]["display"]["en-US"] == "answered"]
    assert len(answers) == decisions
    assert [s["verb"]["display"]["en-US"] for s in recorded].count("completed") == 1
    for statement in recorded:
        BaseXapiStatement.model_validate(statement)
        assert statement["context"]["extensions"][EXT_MODE] == "facilitated"
        assert statement["context"]["extensions"][EXT_MEMBER_COUNT] == 24
    vote = answers[0]["result"]["extensions"][EXT_VOTE]
    assert vote["method"] == "counts" and sum(vote["counts"].values()) == 13
    assert not vote["tie"] and not vote["override"]
    assert "Siti" not in str(recorded)


def test_hot_seat_votes_hide_the_choices_between_voters_and_ties_are_called(
    app: App, tmp_path: Path
) -> None:
    """Three secret votes (one changed before sending), a tie the facilitator settles, then an
    override asked twice: both recorded with the choice."""
    play = create_session(app, method=1, participants="3", code="KLS-RHS")
    assert to_decision(app, play)
    offered = [c for c in play.view.choices if c.is_available]
    first, second = offered[0], offered[1]
    press(app, Action.CHOOSE, 1)
    vote = start_vote(app)
    assert isinstance(vote, HotSeatVoteScene)
    draw(app, "hotseat-ready")
    for number in ([first.number], [second.number, first.number], [second.number]):
        for pressed in number:  # a voter may change their mind before sending
            press(app, Action.CHOOSE, pressed)
        draw(app, "hotseat-confirm")
        press(app, Action.CONFIRM)  # send
        assert vote.step == "cover"
        texts = " ".join(getattr(w, "html_text", getattr(w, "text", "")) for w in vote.widgets)
        assert first.text not in texts and second.text not in texts  # nothing left to see
        draw(app, "hotseat-cover")
        if not vote.ballot.is_complete:
            press(app, Action.CONFIRM)  # next voter
    assert vote.ballot.counts[first.choice_id] == 2 and vote.ballot.counts[second.choice_id] == 1
    press(app, Action.CONFIRM)  # all voted: go to the reveal
    reveal = app.stack.top
    assert isinstance(reveal, RevealScene)
    press(app, Action.CONFIRM)
    assert reveal.ballot.revealed
    press(app, Action.CHOOSE, second.number)  # not the majority: asked again
    assert reveal.pending == second.choice_id and app.stack.top is reveal
    draw(app, "override-confirm")
    press(app, Action.CHOOSE, second.number)
    assert isinstance(app.stack.top, OutcomeScene)
    draw(app, "outcome-override")
    press(app, Action.CONFIRM)
    record = play.engine.state.history[-1]
    assert record.choice_id == second.choice_id and record.vote is not None
    assert record.vote.override and not record.vote.tie

    assert to_decision(app, play)
    press(app, Action.CHOOSE, 1)
    vote = start_vote(app)
    assert isinstance(vote, HotSeatVoteScene)
    offered = [c for c in play.view.choices if c.is_available]
    press(app, Action.CHOOSE, offered[0].number)
    press(app, Action.CONFIRM)
    press(app, Action.CONFIRM)
    press(app, Action.CHOOSE, offered[1].number)
    press(app, Action.CONFIRM)
    focus_on(app, "Selesai memilih")  # the facilitator ends the vote with two of three
    press(app, Action.CONFIRM)
    reveal = app.stack.top
    assert isinstance(reveal, RevealScene)
    press(app, Action.CONFIRM)
    assert reveal.ballot.needs_call
    draw(app, "tie")
    press(app, Action.CHOOSE, offered[1].number)  # a tied option: the call is made at once
    assert isinstance(app.stack.top, OutcomeScene)
    record = play.engine.state.history[-1]
    assert record.choice_id == offered[1].choice_id and record.vote is not None
    assert record.vote.tie and not record.vote.override
    answers = [
        s for s in statements(tmp_path, "KLS-RHS") if s["verb"]["display"]["en-US"] == "answered"
    ]
    assert [a["result"]["extensions"][EXT_VOTE]["override"] for a in answers] == [True, False]
    assert [a["result"]["extensions"][EXT_VOTE]["tie"] for a in answers] == [False, True]


def test_setup_refuses_a_bad_code_and_a_hot_seat_without_voters(app: App) -> None:
    setup = open_setup(app)
    app.focus.focus(setup.entries["code"])
    press(app, Action.CONFIRM)
    clear_entry(app)
    type_text(app, "a!")
    focus_on(app, "Buat sesi")
    press(app, Action.CONFIRM)
    assert app.stack.top is setup and "Kode sesi" in setup.message
    setup.entries["code"].set_text("KELAS-B")
    set_cycled(app, setup, "method", 1)
    focus_on(app, "Buat sesi")
    press(app, Action.CONFIRM)
    assert app.stack.top is setup and "Suara rahasia" in setup.message
    draw(app, "setup-error")


def test_the_discussion_timer_counts_down_and_rings_once(app: App) -> None:
    play = create_session(app, method=0, participants="", code="KLS-TMR")
    assert to_decision(app, play)
    press(app, Action.CHOOSE, 1)
    discussion = app.stack.top
    assert isinstance(discussion, DiscussionScene) and discussion.remaining == 180
    focus_on(app, "Mulai timer")
    press(app, Action.CONFIRM)
    assert discussion.running and discussion.is_animating
    discussion.update(179.5)
    assert clock_text(discussion.remaining) == "0:01"
    discussion.update(1.0)
    assert not discussion.running and discussion.remaining == 0
    draw(app, "timer-done")
    focus_on(app, "Catatan fasilitator")
    press(app, Action.CONFIRM)
    assert discussion.notes_shown
    draw(app, "discussion-notes")


def test_once_a_secret_vote_is_cast_escape_cannot_throw_the_votes_away(app: App) -> None:
    play = create_session(app, method=1, participants="4", code="KLS-ESC")
    assert to_decision(app, play)
    press(app, Action.CHOOSE, 1)
    vote = start_vote(app)
    assert isinstance(vote, HotSeatVoteScene)
    press(app, Action.CHOOSE, 1)
    press(app, Action.CONFIRM)
    press(app, Action.BACK)
    assert app.stack.top is vote and vote.ballot.total == 1
    assert "back" not in vote.actions.values()


def test_spaces_and_digits_typed_into_a_field_are_letters_not_commands(app: App) -> None:
    """Real keys: KEYDOWN then TEXTINPUT. A space must not press the focused button, nor a
    digit pick an entry, while a text field has the keyboard."""
    setup = open_setup(app)
    entry = setup.entries["groups"]
    entry.focus()
    for letter in "Kelompok 1":
        key = pygame.K_SPACE if letter == " " else (pygame.K_1 if letter == "1" else pygame.K_k)
        app.process(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=letter))
        app.process(pygame.event.Event(pygame.TEXTINPUT, text=letter))
    draw(app)
    assert app.stack.top is setup and entry.get_text() == "Kelompok 1"
