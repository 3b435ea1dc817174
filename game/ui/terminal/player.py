"""The text player: drives the engine from lines of input and prints the story.

Owns the terminal interaction: showing nodes, numbering the listed choices in
file order, reading a number or a choice id, refusing locked and unknown
choices with the reason, writers' commands (``:undo``, ``:save``, ``:quit``),
feedback in learning mode (with the titles and summaries of the learning notes a
choice names), a group's reason for each choice (when asked to: group mode), and
the report at an ending, then (when asked to) the reflection prompt, whose answer
goes out as an engine event. When input is not a terminal, only decisions (and the
reasons and reflection asked for) read lines. It does not load scenarios or parse
arguments (``game.cli`` does) and saves only through the SaveStore it is given.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from game.content.notes import NoteLibrary, shipped_notes
from game.core.engine import Engine
from game.core.views import ChoiceView, NodeView
from game.errors import LockedChoiceError, NothingToUndoError, SaveError, UndoImpossibleError
from game.persistence.saves import SaveStore
from game.ui.terminal.messages import say, translate
from game.ui.terminal.notes import feedback_lines
from game.ui.terminal.presentations import render_presentation
from game.ui.terminal.report import WIDTH, render_report

EXIT_DONE = 0
EXIT_INPUT_ENDED = 3
EXIT_INTERRUPTED = 130


@dataclass
class TextPlayerOptions:
    lang: str = "id"
    mode: str = "learn"  # "learn": feedback after each choice, undo allowed; "assess": at the end
    is_interactive: bool = False
    player: str = ""
    play_id: str = ""  # the learning-records registration, written into slot saves too
    results_dir: str = ""  # the class results folder, written into slot saves too
    asks_reflection: bool = False  # after the report: one action for work (blank skips)
    asks_rationale: bool = False  # group mode: the group's reason after each choice (blank skips)
    notes: NoteLibrary | None = None  # the learning notes feedback names; None: the shipped ones


class InputEnded(Exception):
    """Standard input closed before the play reached an ending."""


class QuitRequested(Exception):
    """The player typed :quit."""


class TextPlayer:
    """Plays one engine to its ending on a pair of text streams."""

    def __init__(
        self,
        engine: Engine,
        read_line: Callable[[], str | None],
        out: TextIO,
        store: SaveStore,
        options: TextPlayerOptions,
    ) -> None:
        self.engine = engine
        self.read_line = read_line
        self.out = out
        self.store = store
        self.options = options

    @property
    def lang(self) -> str:
        return self.options.lang

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def wrap(self, text: str, indent: str = "") -> str:
        paragraphs = text.strip().split("\n\n")
        return "\n\n".join(
            textwrap.fill(
                " ".join(p.split()), WIDTH, initial_indent=indent, subsequent_indent=indent
            )
            for p in paragraphs
        )

    def run(self) -> int:
        """Play to the ending (0), until input ends (3), :quit (0) or Ctrl-C (130)."""
        scenario = self.engine.scenario
        self.print(f"=== {scenario.title.get(self.lang)} ===")
        if scenario.summary is not None and not self.engine.state.history:
            self.print(self.wrap(scenario.summary.get(self.lang)))
        try:
            while not self.engine.is_finished:
                view = self.engine.current()
                self.show(view)
                if view.kind == "step":
                    self.step()
                else:
                    self.decide(view)
        except InputEnded:
            self.print()
            self.print(self.wrap(self.saved_note("input_ended")))
            return EXIT_INPUT_ENDED
        except QuitRequested:
            self.print(self.wrap(self.saved_note("quit")))
            return EXIT_DONE
        except KeyboardInterrupt:
            self.print()
            self.print(self.wrap(self.saved_note("interrupted")))
            return EXIT_INTERRUPTED
        self.finish()
        return EXIT_DONE

    def saved_note(self, key: str) -> str:
        """Why the play stops, and (only when true) that it is autosaved and how to go on."""
        scenario_id = self.engine.scenario.scenario_id
        if self.engine.state.history:
            return f"{say(self.lang, key)} " + say(self.lang, "autosaved", scenario=scenario_id)
        return f"{say(self.lang, key)} " + say(self.lang, "nothing_saved")

    def step(self) -> None:
        """A linear step: interactive players press Enter (or type a command) to go on."""
        while self.options.is_interactive:
            answer = self.ask(say(self.lang, "continue"))
            if not answer.startswith(":"):
                break
            if self.command(answer):
                return  # undo moved the play back; show where it stands now
        self.engine.advance()

    def finish(self) -> None:
        """Show the ending and the report."""
        view = self.engine.current()
        self.show(view)
        self.print()
        self.print(render_report(self.engine.scenario, self.engine.state, self.lang))
        if self.options.asks_reflection:
            self.reflect()

    def reflect(self) -> None:
        """Ask for one action for work; the engine tells history and records. Optional."""
        self.print()
        try:
            text = self.ask(say(self.lang, "reflection_prompt"))
        except (InputEnded, KeyboardInterrupt):
            self.print()
            return  # the play is over and kept: a reflection is never required
        if self.engine.reflect(text):
            self.print(say(self.lang, "reflection_saved"))

    def show(self, view: NodeView) -> None:
        self.print()
        if view.speaker is not None:
            role = view.speaker.role.get(self.lang) if view.speaker.role else ""
            self.print(f"{view.speaker.name}" + (f" ({role})" if role else "") + ":")
        self.print(self.wrap(view.text))
        if view.presentation is not None:
            self.print()
            self.print(render_presentation(view.presentation, self.engine.scenario, self.lang))
        if view.kind == "ending" and view.ending is not None:
            self.print()
            title = view.ending.title.get(self.lang)
            kind = f" ({say(self.lang, 'kind_' + view.ending.kind)})" if view.ending.kind else ""
            self.print(f"*** {say(self.lang, 'ending')}: {title}{kind} ***")

    def ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.read_line()
        if line is None:
            raise InputEnded
        if not self.options.is_interactive:
            self.out.write(line.strip() + "\n")  # echo piped answers so transcripts read well
        return line.strip()

    def list_choices(self, view: NodeView) -> None:
        self.print()
        for choice in view.choices:
            text = textwrap.fill(
                f"{choice.number}. {' '.join(choice.text.split())}", WIDTH, subsequent_indent="   "
            )
            if not choice.is_available:
                reason = f"[{say(self.lang, 'locked')}] {choice.locked_reason}"
                text += "\n" + textwrap.fill(
                    reason, WIDTH, initial_indent="   ", subsequent_indent="   "
                )
            self.print(text)

    def decide(self, view: NodeView) -> None:
        self.list_choices(view)
        while True:
            answer = self.ask(say(self.lang, "prompt"))
            if answer.startswith(":"):
                if self.command(answer):
                    return
                continue
            choice = view.find(answer)
            if choice is None:
                self.print(
                    say(self.lang, "refused_unknown", answer=answer, count=len(view.choices))
                )
                continue
            rationale = ""
            if self.options.asks_rationale:
                if not choice.is_available:
                    self.print(say(self.lang, "refused_locked", reason=choice.locked_reason or ""))
                    continue
                rationale = self.rationale()
            try:
                self.engine.choose(choice.choice_id, rationale=rationale)
            except LockedChoiceError as error:
                self.print(say(self.lang, "refused_locked", reason=error.reason))
                continue
            if self.options.mode == "learn":
                self.feedback(choice)
            return

    def rationale(self) -> str:
        """The group's reason for the choice just picked; blank (or the end of input) skips.

        Input that ends here still makes the choice that was typed: the play stops
        at the next question, with the choice autosaved.
        """
        try:
            return self.ask(say(self.lang, "rationale_prompt"))
        except InputEnded:
            self.print()
            return ""

    def feedback(self, choice: ChoiceView) -> None:
        source = choice.choice
        if source.score:
            ratings = ", ".join(f"{name} {value}" for name, value in source.score)
            self.print(f"   {say(self.lang, 'rating')}: {ratings}")
        if source.feedback is not None:
            self.print(
                self.wrap(f"{say(self.lang, 'feedback')}: {source.feedback.get(self.lang)}", "   ")
            )
        if source.violation is not None:
            rule, severity = source.violation.rule, source.violation.severity
            line = f"{say(self.lang, 'violation')}: {rule} [{severity}]"
            if source.violation.text is not None:
                line += f": {source.violation.text.get(self.lang)}"
            self.print(self.wrap(line, "   "))
        if source.notes:
            library = self.options.notes if self.options.notes is not None else shipped_notes()
            named = [note for note_id in source.notes if (note := library.get(note_id))]
            for line in feedback_lines(named, self.lang):
                self.print(line)

    def command(self, answer: str) -> bool:
        """Run a ``:command``; True when the play moved (so the node must be shown again)."""
        word, _, argument = answer[1:].partition(" ")
        word = word.lower()
        if word in ("quit", "keluar", "q"):
            raise QuitRequested
        if word == "undo" or word == "batal":
            if self.options.mode != "learn":
                self.print(say(self.lang, "undo_not_allowed"))
                return False
            try:
                self.engine.undo()
            except NothingToUndoError:
                self.print(say(self.lang, "nothing_to_undo"))
                return False
            except UndoImpossibleError:
                self.print(say(self.lang, "undo_impossible"))
                return False
            self.print(say(self.lang, "undone"))
            return True
        if word in ("save", "simpan") and argument.strip():
            slot = argument.strip()
            try:
                path = self.store.slot_path(self.engine.scenario.scenario_id, slot)
                self.store.write(
                    path,
                    self.engine.state,
                    self.engine.scenario.content_hash,
                    self.options.player,
                    slot=slot,
                    mode=self.options.mode,
                    play_id=self.options.play_id,
                    results_dir=self.options.results_dir,
                )
            except SaveError as error:
                self.print(translate(self.lang, str(error)))
                return False
            self.print(say(self.lang, "saved", slot=slot, path=path))
            return False
        self.print(say(self.lang, "help"))
        return False
