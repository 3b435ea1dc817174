"""The text player driven directly, as on an interactive terminal."""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path

from game.core.engine import Engine
from game.core.model import Scenario
from game.persistence.saves import SaveStore
from game.ui.terminal.player import TextPlayer, TextPlayerOptions


def play(
    mini: Scenario, lines: list[str], tmp_path: Path, interactive: bool = True
) -> tuple[int, str]:
    answers = iter(lines)
    out = io.StringIO()
    options = TextPlayerOptions("en", "learn", interactive)
    player = TextPlayer(
        Engine(mini, lang="en"), lambda: next(answers, None), out, SaveStore(tmp_path), options
    )
    return player.run(), out.getvalue()


def test_interactive_steps_wait_for_enter(mini: Scenario, tmp_path: Path) -> None:
    """On a terminal, a linear step reads a line before going on."""
    code, text = play(mini, ["1", "", "1"], tmp_path)
    assert code == 0 and "[Enter to continue]" in text


def test_commands_work_at_a_step(mini: Scenario, tmp_path: Path) -> None:
    """:undo typed at a step takes back the choice instead of advancing."""
    code, text = play(mini, ["1", ":undo", "2", "", "2"], tmp_path)
    assert code == 0 and "The last choice was taken back." in text


def test_quit_at_a_step_leaves_with_the_autosave_note(mini: Scenario, tmp_path: Path) -> None:
    """:quit at a step stops the play and names how to resume (a choice was made)."""
    code, text = play(mini, ["1", ":quit"], tmp_path)
    assert code == 0 and "Leaving." in text and "--resume" in text


def test_piped_input_never_reads_at_steps(mini: Scenario, tmp_path: Path) -> None:
    """Not a terminal: only decisions read lines."""
    code, text = play(mini, ["1", "1"], tmp_path, interactive=False)
    assert code == 0 and "[Enter to continue]" not in text


def test_choice_lines_stay_within_the_width(mini: Scenario, tmp_path: Path) -> None:
    """Wrapped choices and lock reasons never pass 78 columns."""
    _, text = play(mini, [], tmp_path)
    assert max(len(line) for line in text.splitlines()) <= 78


def test_presentations_are_drawn_in_text(tmp_path: Path) -> None:
    """Chat bubbles, the post with its counts and the letter's parts all appear."""
    from support import FIXTURES, load_scenario

    scenario = load_scenario(FIXTURES / "presentations.yaml")
    code, text = play(scenario, ["1"], tmp_path, interactive=False)
    assert code == 0
    for expected in (
        "Group: Social Affairs Family · 128 members",
        "Pak Hendra 07:42:",
        "You 07:45:",
        "@infomuara · 2 jam",
        "1,200 reactions · 340 shares",
        "Number: 400.9/112/Dinsos/2026",
        "Subject: Clarification",
        "Ratna Wulandari",
    ):
        assert expected in text, expected
    assert max(len(line) for line in text.splitlines()) <= 78


def test_the_player_is_asked_for_a_reflection_when_the_front_end_wants_one(
    mini: Scenario, tmp_path: Path
) -> None:
    """After the report: one line read and published; a blank line or the end of input skips."""
    for lines, saved in ((["1", "1", "Saya akan bertanya dulu."], True), (["1", "1"], False)):
        answers = iter(lines)
        out = io.StringIO()
        engine = Engine(mini, lang="en")
        written: list[str] = []
        engine.bus.subscribe(partial(_keep_text, written))
        options = TextPlayerOptions("en", "learn", False, asks_reflection=True)
        player = TextPlayer(engine, partial(next, answers, None), out, SaveStore(tmp_path), options)
        assert player.run() == 0
        assert "one concrete action I will apply at work" in out.getvalue()
        assert ("Reflection saved." in out.getvalue()) is saved
        assert ("Saya akan bertanya dulu." in written) is saved


def _keep_text(kept: list[str], event: object) -> None:
    kept.append(getattr(event, "text", ""))


def test_feedback_names_the_learning_notes_of_the_choice(tmp_path: Path) -> None:
    """After a choice with ``notes``, each note's title, id and summary follow its feedback."""
    from support import SCENARIOS, load_scenario

    scenario = load_scenario(SCENARIOS / "netralitas-pemilu.yaml")
    _, text = play(scenario, ["4"], tmp_path, interactive=False)  # the like, a breach
    after = " ".join(text.split("Violation:", 1)[1].split())
    assert "Learning note: The 2022 joint decree on neutrality (skb-netralitas-2022). Five" in after
    assert "Learning note: Social media for civil servants (media-sosial-asn)." in after
    assert max(len(line) for line in text.splitlines()) <= 78


def test_a_group_is_asked_for_its_reason_after_each_choice(mini: Scenario, tmp_path: Path) -> None:
    """Group mode: the line after a choice is its reason; a blank line or the end of input skips."""
    answers = iter(["1", "Kami sepakat.", "1"])
    out = io.StringIO()
    engine = Engine(mini, lang="en")
    options = TextPlayerOptions("en", "assess", False, asks_rationale=True)
    player = TextPlayer(engine, partial(next, answers, None), out, SaveStore(tmp_path), options)
    assert player.run() == 0
    assert out.getvalue().count("Group's reason (Enter to skip):") == 2
    assert [record.rationale for record in engine.state.history] == ["Kami sepakat.", ""]
