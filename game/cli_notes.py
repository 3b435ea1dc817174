"""The ``notes`` command: list the learning notes, or print one.

Owns ``python main.py notes [NOTE-ID] [--lang en] [--notes-dir DIR]``: without
an id, the library grouped by category; with one, that note in full; an
unknown id is a usage error with the closest id as a hint. A broken note file
is reported with its diagnostics on standard error (exit 1) while the others
are still listed. Loading is ``game.content.notes``'s; the text layout is
``game.ui.terminal.notes``'.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli_support import EXIT_INVALID, EXIT_OK, CliError, print_diagnostics
from game.content.diagnostics import did_you_mean, has_errors
from game.content.notes import load_notes, notes_dir
from game.ui.terminal.notes import render_list, render_note, words

COMMAND = "notes"


def add_command(commands: Any) -> None:
    """Add ``notes`` to the parser's sub-parsers."""
    notes = commands.add_parser(
        COMMAND,
        help="learning notes: list them, or read one / catatan belajar",
        description="The learning notes the feedback refers to (assets/notes/): rules, concepts "
        "and cases, each with its sources.",
    )
    notes.add_argument("note", nargs="?", metavar="NOTE-ID", help="the note to print")
    notes.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    notes.add_argument(
        "--notes-dir", type=Path, default=None, help="folder of notes (default: assets/notes)"
    )


def run(args: argparse.Namespace) -> int:
    folder = args.notes_dir or notes_dir()
    library = load_notes(folder, args.lang)
    code = EXIT_OK
    if library.diagnostics:
        print_diagnostics(library.diagnostics, sys.stderr)
        code = EXIT_INVALID if has_errors(library.diagnostics) else EXIT_OK
    if args.note is None:
        if not len(library):
            print(words(args.lang)["none"].format(folder=folder))
        else:
            print(render_list(library.by_category(), args.lang))
        return code
    note = library.get(args.note)
    if note is None:
        hint = did_you_mean(args.note, [n.note_id for n in library], args.lang)
        missing = words(args.lang)["missing"].format(note=args.note, folder=folder)
        raise CliError(missing + (f" {hint}" if hint else ""))
    titles = {other.note_id: other.title.get(args.lang) for other in library}
    print(render_note(note, args.lang, titles))
    return code
