"""The command line: ``perekat`` / ``python main.py``, its parser and the players' commands.

Owns argument parsing, the players' sub-commands (``play``, the menu, the
window) and the rule that every ``--json`` output is one JSON object on the
last line of standard output. The writers' commands are ``cli_writers``'; exit
codes and finding scenarios are ``cli_support``'s. It wires the layers together
and holds no game logic; the GUI, when asked for, is imported lazily so
``validate`` and the text player never load pygame.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game import __version__, cli_class, cli_notes, cli_records, cli_writers
from game.cli_support import (
    EXIT_INPUT_ENDED,
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    find_scenario,
    print_diagnostics,
    saves_dir,
    scenarios_dir,
)
from game.content.loader import load_all
from game.content.yaml_strict import DEFAULT_MAX_BYTES
from game.core.engine import Engine, fit_state
from game.core.model import Scenario
from game.errors import EngineError, RecordsError, SaveError, StateError
from game.persistence.autosave import Autosaver
from game.persistence.history import History, HistoryRecorder
from game.persistence.plans import PlanRecorder
from game.persistence.saves import SaveStore
from game.ui.terminal.messages import say, translate
from game.ui.terminal.player import TextPlayer, TextPlayerOptions


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perekat",
        description="Perekat: permainan simulasi kompetensi sosial kultural ASN (Perekat Bangsa).",
    )
    parser.add_argument("--version", action="version", version=f"perekat {__version__}")
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa / language")
    parser.add_argument("--scenarios-dir", type=Path, default=None, help="folder of scenarios")
    parser.add_argument("--saves-dir", type=Path, default=None, help="folder for saves")
    parser.add_argument(
        "--ui",
        choices=("auto", "text", "gui"),
        default="auto",
        help="front end: gui (the game window; the default when a display exists) or text",
    )
    parser.add_argument(
        "--frames",
        type=int,
        default=None,
        help="gui: draw this many frames and exit (smoke tests, timing)",
    )
    commands = parser.add_subparsers(dest="command")

    play = commands.add_parser("play", help="play a scenario / mainkan skenario")
    play.add_argument("scenario", help="scenario id from scenarios/ or a path to a .yaml file")
    play.add_argument(
        "--ui",
        choices=("auto", "text", "gui"),
        default=argparse.SUPPRESS,
        help="front end: gui (default when a display exists) or text (the text player)",
    )
    play.add_argument(
        "--frames",
        type=int,
        default=argparse.SUPPRESS,
        help="gui: draw this many frames and exit (smoke tests, timing)",
    )
    play.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    play.add_argument(
        "--json", action="store_true", help="print the result object as the last line"
    )
    play.add_argument("--saves-dir", type=Path, default=argparse.SUPPRESS)
    play.add_argument("--scenarios-dir", type=Path, default=argparse.SUPPRESS)
    play.add_argument("--resume", action="store_true", help="continue the autosave")
    play.add_argument(
        "--load",
        metavar="SLOT",
        help="continue a named save slot of this scenario, or a save file (.json)",
    )
    play.add_argument("--player", default=None, help="player name written in saves")
    cli_records.add_play_flags(play)
    play.add_argument(
        "--mode",
        choices=("learn", "assess"),
        default=None,
        help="learn (default): feedback after each choice, undo allowed; assess: feedback only "
        "in the final report. A resumed play keeps the mode it was started in",
    )
    play.add_argument("--start", metavar="NODE", help="begin at this node (for writers)")
    play.add_argument(
        "--record",
        metavar="PLAN.yaml",
        type=Path,
        help="when the play ends, write its golden plan (choices, ending, tier, averages) to "
        "this file; uses the text player",
    )
    play.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="size cap of the scenario file in bytes (raise it for generated files)",
    )

    cli_writers.add_commands(commands)
    cli_records.add_command(commands)
    cli_class.add_command(commands)
    cli_notes.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    _utf8_output()
    args = build_parser().parse_args(argv)
    try:
        if args.command in cli_writers.COMMANDS:
            return cli_writers.run(args)
        if args.command == "play":
            return play_command(args)
        if args.command == cli_records.COMMAND:
            return cli_records.run(args)
        if args.command == cli_class.COMMAND:
            return cli_class.run(args)
        if args.command == cli_notes.COMMAND:
            return cli_notes.run(args)
        if wants_gui(args):
            from game.ui.gui.run import run_gui  # pygame only when the window is asked for

            return run_gui(scenarios_dir(args), saves_dir(args), frames=args.frames)
        return menu_command(args)
    except CliError as error:
        print(f"perekat: {translate(args.lang, str(error))}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        print(say(args.lang, "interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly; the play is autosaved.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INPUT_ENDED


def has_display() -> bool:
    """Whether a window can be shown: always on Windows and macOS; elsewhere X11 or Wayland."""
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return True  # headless rendering was asked for explicitly
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def wants_gui(args: argparse.Namespace) -> bool:
    """gui when asked, text when asked; by default the window when a display exists."""
    if args.ui == "auto":
        return has_display()
    return bool(args.ui == "gui")


def _utf8_output() -> None:
    """Indonesian text and arrows print on Windows consoles too."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def play_command(args: argparse.Namespace) -> int:
    if args.resume and args.load:
        raise CliError("use either --resume or --load, not both")
    if args.start and (args.resume or args.load):
        raise CliError("--start begins a new play; it cannot be used with --resume or --load")
    loaded = find_scenario(args.scenario, scenarios_dir(args), args.lang, args.max_bytes)
    if loaded.scenario is None:
        print_diagnostics(loaded.diagnostics, sys.stderr)
        return EXIT_INVALID
    scenario = loaded.scenario
    seat = cli_records.class_seat(args)
    if args.record is not None:
        if args.ui == "gui":
            raise CliError("--record records a play in the text player; use --ui text")
        if args.start:
            raise CliError("--record needs a play from the start; leave out --start")
    elif wants_gui(args):
        if args.results_dir is not None and seat is None:
            raise CliError("in the window, --results-dir collects a class's files; give --session")
        from game.ui.gui.run import run_gui  # pygame only when the window is asked for

        return run_gui(
            scenarios_dir(args),
            saves_dir(args),
            scenario,
            args.frames,
            args.mode,
            args.start,
            seat=seat,
            player=args.player or "",
        )
    store = SaveStore(saves_dir(args))
    records = cli_records.open_records(args)  # refused before anything moves (network share)
    try:
        session = _start_play(args, scenario, store)
    except (SaveError, StateError) as error:
        raise CliError(str(error)) from None
    except EngineError as error:
        print(f"perekat: {translate(args.lang, str(error))}", file=sys.stderr)
        return EXIT_INVALID
    engine = session.engine
    if args.results_dir is None and session.results_dir:  # a resumed class play writes on there
        args.results_dir = Path(session.results_dir)
    statements = cli_records.start_play_records(
        args, records, scenario, engine, session.player, session.mode, session.play_id, seat
    )
    play_id = statements.registration
    # kept in the save as a full path: a resume from another folder writes to the same place
    results = str(args.results_dir.absolute()) if args.results_dir is not None else ""
    autosaver = Autosaver(
        store, scenario.content_hash, session.player, session.mode, play_id, results
    )
    engine.bus.subscribe(autosaver)
    engine.bus.subscribe(HistoryRecorder(History(store.root), session.mode))
    engine.bus.subscribe(statements)  # after the autosave; a kill between them is caught up
    recorder = (
        PlanRecorder(args.record, f"Golden plan of {scenario.scenario_id}.")
        if (args.record is not None)
        else None
    )
    if recorder is not None:
        engine.bus.subscribe(recorder)
    options = TextPlayerOptions(
        args.lang, session.mode, sys.stdin.isatty(), session.player, play_id, results
    )
    # a class play asks for the reflection even from a script (its next line; none at the end)
    options.asks_reflection = options.is_interactive or args.session is not None
    # a group (named now, or the one a resumed play belongs to) gives its reason with each
    # choice, from a script too (the line after the choice)
    options.asks_rationale = statements.attempt.group is not None
    player = TextPlayer(engine, _stdin_line, sys.stdout, store, options)
    try:
        if session.is_resumed and engine.is_finished:
            print(say(args.lang, "already_ended"))
        if engine.is_finished:
            if recorder is not None:
                recorder.record(engine.state)
            player.finish()
            code = EXIT_OK
        else:
            if session.needs_autosave:
                autosaver.save(engine.state)
            code = player.run()
    except EngineError as error:
        print(f"perekat: {translate(args.lang, str(error))}", file=sys.stderr)
        return EXIT_INVALID
    except (SaveError, RecordsError) as error:
        raise CliError(str(error)) from None
    if recorder is not None and recorder.error is not None:
        reason = recorder.error.strerror or recorder.error
        raise CliError(f"cannot write the plan {recorder.path}: {reason}")
    if recorder is not None and recorder.written:
        print(say(args.lang, "plan_written", path=recorder.path), file=sys.stderr)
    if args.json:
        print(json.dumps(engine.result(), ensure_ascii=False))
    return code


@dataclass
class PlaySession:
    """How a play starts: its engine, mode and player, and whether it came from a save."""

    engine: Engine
    mode: str
    player: str
    is_resumed: bool = False
    needs_autosave: bool = False
    play_id: str | None = None  # the learning-records registration a resumed play continues
    results_dir: str = ""  # the class results folder a resumed play wrote to


def _start_play(args: argparse.Namespace, scenario: Scenario, store: SaveStore) -> PlaySession:
    if not (args.resume or args.load):
        kept = store.retire_autosave(scenario.scenario_id)
        if kept is not None:
            print(say(args.lang, "kept_previous", path=kept))
        engine = Engine(scenario, lang=args.lang, start_at=args.start)
        return PlaySession(engine, args.mode or "learn", args.player or "")
    if args.resume:
        path = store.autosave_path(scenario.scenario_id)
        if not path.exists():
            raise SaveError(f"there is no autosave for '{scenario.scenario_id}' in {store.root}")
    elif args.load.endswith(".json"):
        path = Path(args.load)
    else:
        path = store.slot_path(scenario.scenario_id, args.load)
    save = store.read(path)
    if save.header.scenario_id != scenario.scenario_id:
        raise SaveError(
            f"{path} is a save of '{save.header.scenario_id}', not of '{scenario.scenario_id}'"
        )
    if save.header.scenario_hash != scenario.content_hash:
        print(say(args.lang, "changed"))
        for note in fit_state(scenario, save.state):
            print(f"  - {translate(args.lang, note)}")
    mode = save.header.mode
    if args.mode and args.mode != mode:
        print(say(args.lang, "mode_kept", mode=mode))
    engine = Engine(scenario, state=save.state, lang=args.lang)
    print(say(args.lang, "resumed", saved_at=save.header.saved_at))
    if args.load:
        # The loaded play becomes the current one: keep any other unfinished autosave aside.
        kept = store.retire_autosave(scenario.scenario_id)
        if kept is not None:
            print(say(args.lang, "kept_previous", path=kept))
    player = args.player if args.player is not None else save.header.player
    return PlaySession(
        engine,
        mode,
        player,
        is_resumed=True,
        needs_autosave=bool(args.load),
        play_id=save.header.play_id or None,
        results_dir=save.header.results_dir,
    )


def _stdin_line() -> str | None:
    line = sys.stdin.readline()
    return line if line else None


def _ask(prompt: str) -> str | None:
    sys.stdout.write(prompt)
    sys.stdout.flush()
    return _stdin_line()


def menu_command(args: argparse.Namespace) -> int:
    """No sub-command: list the playable scenarios and play the one picked."""
    folder = scenarios_dir(args)
    results = load_all([folder], args.lang) if folder.is_dir() else []
    playable = [r.scenario for r in results if r.scenario is not None]
    print(say(args.lang, "menu_title"))
    for result in results:
        if result.scenario is None:
            print(f"   - {result.path.name}: {say(args.lang, 'menu_broken')}")
    if not playable:
        print(say(args.lang, "menu_none", folder=folder))
        return EXIT_INVALID if results else EXIT_OK
    store = SaveStore(saves_dir(args))
    for number, scenario in enumerate(playable, start=1):
        minutes = f" ({scenario.minutes} {say(args.lang, 'minutes')})" if scenario.minutes else ""
        print(f"{number}. {scenario.title.get(args.lang)}{minutes}")
    while True:
        answer = _ask(say(args.lang, "menu_prompt"))
        if answer is None:
            return EXIT_INPUT_ENDED
        answer = answer.strip()
        if not answer:
            return EXIT_OK
        if answer.isascii() and answer.isdecimal() and 1 <= int(answer) <= len(playable):
            picked = playable[int(answer) - 1]
            break
        print(say(args.lang, "menu_invalid", count=len(playable)))
    play = ["--lang", args.lang, "play", str(picked.source)]
    if args.saves_dir:
        play += ["--saves-dir", str(args.saves_dir)]
    unfinished = _unfinished_autosave(store, picked.scenario_id)
    if unfinished is not None:
        reply = _ask(say(args.lang, "ask_resume", saved_at=unfinished))
        if reply is None:
            return EXIT_INPUT_ENDED
        if reply.strip().lower() in ("", "y", "ya", "yes"):
            play.append("--resume")
    return play_command(build_parser().parse_args(play))


def _unfinished_autosave(store: SaveStore, scenario_id: str) -> str | None:
    """When the scenario has an unfinished autosave, the time it was saved."""
    path = store.autosave_path(scenario_id)
    if not path.exists():
        return None
    try:
        save = store.read(path)
    except SaveError:
        return None  # a damaged one was set aside by read(); a new play starts
    return None if save.state.is_finished else save.header.saved_at
