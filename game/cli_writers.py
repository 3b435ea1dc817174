"""The writers' commands: validate, storyboard, analyze.

Owns the sub-commands scenario writers use to check and review their work:
``validate`` (content checks and lint over the plays, and the learning notes
checks: by default ``scenarios/`` and ``assets/notes/``), ``storyboard`` (every
screen as a picture, headless) and ``analyze`` (exact counts and bounds over
every play). Each parses its own flags, prints, and returns an exit code;
what they compute lives in ``game.analysis`` and the GUI, imported only when
the command runs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from game import cli_graph, cli_new, cli_playtest, cli_review
from game.cli_support import (
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    add_scenario_arguments,
    print_diagnostics,
    scenario_or_report,
    scenarios_dir,
)
from game.content.diagnostics import has_errors
from game.content.notes import notes_dir
from game.content.yaml_strict import DEFAULT_MAX_BYTES
from game.errors import EngineError
from game.ui.terminal.messages import say, translate

MIN_SIDE, MAX_SIDE = 16, 8192  # storyboard picture sides, in pixels
COMMANDS = ("validate", "storyboard", "analyze", "test", "new", "graph", "review")


def add_commands(commands: Any) -> None:
    """Add the writers' sub-commands to the parser's sub-parsers."""
    cli_playtest.add_command(commands)
    cli_new.add_command(commands)
    cli_graph.add_command(commands)
    cli_review.add_command(commands)
    storyboard = commands.add_parser(
        "storyboard",
        help="every screen of a scenario as pictures, for review / papan cerita untuk ditinjau",
        description="Render, headless, one PNG per node and one per choice's feedback, plus an "
        "index.html that lays them out in graph order.",
    )
    add_scenario_arguments(storyboard)
    storyboard.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into"
    )
    storyboard.add_argument(
        "--size",
        type=picture_size,
        default=(1280, 720),
        metavar="WxH",
        help="size of the pictures in pixels (default 1280x720, the game's canvas)",
    )

    validate = commands.add_parser("validate", help="check scenario files / periksa skenario")
    validate.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default scenarios/)"
    )
    validate.add_argument(
        "--json", action="store_true", help="print diagnostics as one JSON object"
    )
    validate.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    validate.add_argument("--scenarios-dir", type=Path, default=argparse.SUPPRESS)
    validate.add_argument(
        "--notes-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of learning notes: checked when no path is given, and paths in it are "
        "checked as notes (default: assets/notes)",
    )
    validate.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="size cap per file in bytes (raise it for generated files)",
    )

    analyze = commands.add_parser(
        "analyze",
        help="count every play, exact score bounds and tiers / analisis semua jalur permainan",
        description="Explore every reachable play state (node, the variables conditions read, "
        "the visited flags they ask about) and report plays, endings, unreachable nodes, dead "
        "ends, exact score ranges, tiers and plays per decision.",
    )
    add_scenario_arguments(analyze)
    analyze.add_argument(
        "--json", action="store_true", help="print the analysis as one JSON object (last line)"
    )
    analyze.add_argument(
        "--max-states",
        type=int,
        default=1_000_000,
        help="stop exploring after this many play states (default 1,000,000)",
    )
    analyze.add_argument(
        "--seed", type=int, default=0, help="seed of the plays drawn when tiers are estimated"
    )


def run(args: argparse.Namespace) -> int:
    """Run the writers' command named in ``args``."""
    if args.command == "test":
        return cli_playtest.playtest_command(args)
    if args.command == "graph":
        return cli_graph.graph_command(args)
    if args.command == "review":
        return cli_review.review_command(args)
    if args.command == "new":
        return cli_new.new_command(args)
    if args.command == "validate":
        return validate_command(args)
    if args.command == "storyboard":
        return storyboard_command(args)
    return analyze_command(args)


def validate_command(args: argparse.Namespace) -> int:
    targets = args.paths or [scenarios_dir(args)]
    missing = [str(path) for path in targets if not path.exists()]
    if missing:
        raise CliError(f"no such file or folder: {', '.join(missing)}")
    # networkx only for writers' checks
    from game.analysis.validate import split_notes, validate_all, validate_notes

    notes_folder = args.notes_dir or notes_dir()
    if args.paths:
        targets, note_targets = split_notes(targets, notes_folder)
    else:
        note_targets = [notes_folder] if notes_folder.is_dir() else []
    results = validate_all(targets, args.lang, args.max_bytes)
    note_files, note_diagnostics = validate_notes(note_targets, args.lang)
    diagnostics = [item for result in results for item in result.diagnostics]
    diagnostics += note_diagnostics
    if args.json:
        print(json.dumps({"diagnostics": [d.to_dict() for d in diagnostics]}, ensure_ascii=False))
    else:
        print_diagnostics(diagnostics)
        errors = sum(1 for d in diagnostics if d.severity == "error")
        warnings = len(diagnostics) - errors
        files = len(results) + note_files
        print(f"{files} file(s), {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return EXIT_INVALID if has_errors(diagnostics) else EXIT_OK


def picture_size(text: str) -> tuple[int, int]:
    """``WxH`` in pixels, e.g. 1280x720 (an argparse type: a bad one is a usage error)."""
    match = re.fullmatch(r"(\d{1,5})[xX](\d{1,5})", text.strip())
    width, height = (int(match[1]), int(match[2])) if match else (0, 0)
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a picture size: give WIDTHxHEIGHT in pixels, e.g. 1920x1080, "
            f"each side {MIN_SIDE} to {MAX_SIDE}"
        )
    return width, height


def storyboard_command(args: argparse.Namespace) -> int:
    scenario = scenario_or_report(args)
    if scenario is None:
        return EXIT_INVALID
    output: Path = args.output
    if output.exists() and not output.is_dir():
        raise CliError(f"cannot write the storyboard to {output}: it is a file, not a folder")
    # pygame only now; the module sets SDL's headless drivers before pygame starts
    from game.ui.gui.storyboard import StoryboardWriteError, file_names, make_storyboard

    try:
        board = make_storyboard(scenario, output, args.lang, args.size)
    except StoryboardWriteError as error:
        raise CliError(str(error)) from None
    except EngineError as error:
        print(f"perekat: {translate(args.lang, str(error))}", file=sys.stderr)
        return EXIT_INVALID
    try:
        sheet = cli_review.write_comment_sheet(scenario, output, file_names(scenario))
    except OSError as error:
        raise CliError(
            f"cannot write the storyboard to {output}: {error.strerror or error}"
        ) from None
    print(say(args.lang, "storyboard_done", count=len(board.images), index=board.index))
    print(say(args.lang, "sheet_done", path=sheet))
    return EXIT_OK


def analyze_command(args: argparse.Namespace) -> int:
    from game.analysis.analyze import analyze  # networkx only when asked for

    if args.max_states < 1:
        raise CliError("--max-states must be at least 1")
    scenario = scenario_or_report(args)
    if scenario is None:
        return EXIT_INVALID
    analysis = analyze(scenario, args.max_states, args.seed)
    data = analysis.to_dict()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(format_analysis(data, args.lang))
    return EXIT_OK


ANALYSIS_LABELS = {
    "id": {
        "paths": "Jalur permainan lengkap",
        "unbounded": "tak terhingga (ada putaran)",
        "states": "Keadaan permainan",
        "transitions": "perpindahan",
        "endings": "Akhir yang tercapai",
        "unreachable": "Simpul tak tercapai",
        "dead_ends": "Jalan buntu",
        "score_range": "Rentang rata-rata",
        "tiers": "Jalur per tingkat",
        "estimated": "perkiraan",
        "decisions": "Jalur per keputusan",
        "none": "tidak ada",
        "unrated": "tidak dinilai",
        "start": "sejak awal",
    },
    "en": {
        "paths": "Complete playthroughs",
        "unbounded": "unbounded (a loop)",
        "states": "Play states",
        "transitions": "transitions",
        "endings": "Endings reached",
        "unreachable": "Unreachable nodes",
        "dead_ends": "Dead ends",
        "score_range": "Average range",
        "tiers": "Playthroughs per tier",
        "estimated": "estimated",
        "decisions": "Playthroughs per decision",
        "none": "none",
        "unrated": "not rated",
        "start": "from the start",
    },
}


def format_analysis(data: dict[str, Any], lang: str) -> str:
    """The analysis as lines for a person to read."""
    words = ANALYSIS_LABELS.get(lang, ANALYSIS_LABELS["en"])
    paths = data["paths"]
    shown = f"{paths:,}" if paths is not None else words["unbounded"]
    lines = [
        f"{data['scenario']}",
        f"  {words['paths']}: {shown}",
        f"  {words['states']}: {data['states']:,} ({data['transitions']:,} {words['transitions']})",
        f"  {words['endings']}: {', '.join(data['endings']) or words['none']}",
        f"  {words['unreachable']}: {', '.join(data['unreachable']) or words['none']}",
    ]
    dead = [f"{d['node']} ({' > '.join(d['route']) or words['start']})" for d in data["dead_ends"]]
    lines.append(f"  {words['dead_ends']}: {'; '.join(dead) or words['none']}")
    if data["score_range"]:
        lines.append(f"  {words['score_range']}:")
        for name, bounds in data["score_range"].items():
            span = (
                f"{bounds['min']:.2f} .. {bounds['max']:.2f}"
                f"  ({bounds['min_exact']} .. {bounds['max_exact']})"
                if bounds
                else words["unrated"]
            )
            lines.append(f"    {name:<10} {span}")
    if data["tiers"] is not None:
        note = f" ({words['estimated']})" if data["tiers_estimated"] else ""
        lines.append(f"  {words['tiers']}{note}:")
        for tier, count in data["tiers"].items():
            lines.append(f"    {tier:<10} {count:,}")
    if data["decisions"] is not None:
        lines.append(f"  {words['decisions']}:")
        for node_id, count in data["decisions"].items():
            lines.append(f"    {node_id:<24} {count:,}")
    if data.get("message"):
        lines.append(f"  ! {data['message']}")
    return "\n".join(lines)
