"""The facilitator's command: ``class report DIR_OR_FILES... [--json] [-o report.html]``.

Owns reading the collected results (folders: ``*.jsonl`` recursively; files as
named), picking the scenario (``--scenario ID``, else the one most participants
played), finding its file (``--scenarios-dir``; without it the report still
counts, with the texts the statements carry), reading the learning notes its
choices name (``--notes-dir``; notes it cannot read are said, never fatal), and
the three outputs: a text summary (the default), one self-contained HTML page
(``-o``) and one JSON object on the last line (``--json``). Damaged lines are
reported, never fatal: exit 0; exit 2 when a path does not exist or no
statement at all could be read. The counting is ``game.classroom.aggregate``'s,
the debrief ``game.classroom.debrief``'s. With ``--lrs URL --session CODE`` the
statements are read back from the organisation's LRS instead (``cli_lrs``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.classroom.aggregate import ClassRecords, read_records, summarise
from game.classroom.debrief import build_debrief
from game.classroom.report_html import render_html
from game.classroom.report_notes import LinkedNotes, gather, linked_note_ids
from game.classroom.report_text import render_text
from game.cli_lrs import add_lrs_flags, class_records
from game.cli_support import EXIT_OK, EXIT_USAGE, CliError, find_scenario, scenarios_dir
from game.content.notes import load_notes, notes_dir
from game.core.model import Scenario
from game.persistence.atomic import write_atomic

COMMAND = "class"
WORDS = {
    "id": {
        "skipped": "{n} baris dilewati (rusak atau tidak lengkap); yang pertama: {first}",
        "nothing": "tidak ada pernyataan xAPI yang dapat dibaca di {paths}",
        "no_plays": "tidak ada permainan skenario Perekat di catatan ini",
        "written": "Laporan debrief ditulis ke {path}",
        "no_file": "berkas skenario '{scenario}' tidak ditemukan ({reason}); laporan hanya "
        "memakai teks dari catatan",
        "changed": "berkas skenario '{scenario}' telah berubah sejak permainan ini dimainkan; "
        "teks dan peta diambil dari versi sekarang",
        "notes_missing": "catatan belajar tidak dapat dibaca dari {folder}: {ids}",
    },
    "en": {
        "skipped": "{n} lines skipped (damaged or incomplete); the first: {first}",
        "nothing": "no xAPI statement could be read in {paths}",
        "no_plays": "these records hold no play of a Perekat scenario",
        "written": "Debrief report written to {path}",
        "no_file": "scenario file '{scenario}' not found ({reason}); the report uses the texts "
        "in the records only",
        "changed": "scenario file '{scenario}' has changed since these plays; texts and the map "
        "come from the current version",
        "notes_missing": "learning notes could not be read from {folder}: {ids}",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def add_command(commands: Any) -> None:
    """Add ``class`` and its action ``report`` to the parser's sub-parsers."""
    group = commands.add_parser(
        COMMAND,
        help="class debrief from collected learning records / debrief kelas",
        description="The facilitator's view of a class: reads the xAPI statements the plays wrote "
        "(the JSON Lines files of --results-dir, or records export).",
    )
    group.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    report = actions.add_parser(
        "report",
        help="the class debrief: choices, averages, tiers, paths, reflections / laporan debrief",
        description="Read any number of JSON Lines files (folders: every *.jsonl inside). A "
        "statement in several files counts once; damaged lines are reported and skipped.",
    )
    report.add_argument("paths", nargs="*", type=Path, metavar="DIR_OR_FILE")
    report.add_argument(
        "--json",
        action="store_true",
        help="print the numbers as one JSON object on the last line",
    )
    report.add_argument(
        "-o", "--output", type=Path, default=None, metavar="REPORT.html", help="write the HTML page"
    )
    report.add_argument(
        "--scenario",
        default=None,
        metavar="ID",
        help="the scenario to report on (default: the one most participants played)",
    )
    report.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    report.add_argument("--scenarios-dir", type=Path, default=argparse.SUPPRESS)
    report.add_argument(
        "--notes-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of the learning notes the report lists (default: assets/notes)",
    )
    add_lrs_flags(report, required=False)  # read the class from the LRS instead of files
    report.add_argument(
        "--session", default=None, metavar="CODE", help="with --lrs: the class session to read"
    )
    report.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes reading the files (default: one per core; 1 reads in this one)",
    )


def run(args: argparse.Namespace) -> int:
    return report_command(args)


def report_command(args: argparse.Namespace) -> int:
    say = words(args.lang)
    if args.lrs is None and not args.paths:
        raise CliError("give the results' folders or files, or --lrs URL --session CODE")
    missing = [str(path) for path in args.paths if not path.exists()]
    if missing:
        raise CliError(f"no such file or folder: {', '.join(missing)}")
    records = read_records(args.paths, args.workers) if args.lrs is None else class_records(args)
    if records.skipped:
        first = records.reasons[0] if records.reasons else ""
        print(f"perekat: {say['skipped'].format(n=records.skipped, first=first)}", file=sys.stderr)
    if not records.statements:
        raise CliError(say["nothing"].format(paths=", ".join(str(p) for p in args.paths)))
    summary = summarise(records, args.scenario)
    if summary is None:
        if args.scenario is not None:
            known = ", ".join(summarise_ids(records)) or "(none)"
            raise CliError(
                f"no plays of scenario '{args.scenario}' in these records; they hold: {known}"
            )
        raise CliError(say["no_plays"])
    if args.output is not None or not args.json:  # --json alone needs no scenario or debrief
        scenario, notes = _scenario(args, summary.scenario_id, summary.revisions)
        for note in notes:
            print(f"perekat: {note}", file=sys.stderr)
        linked = _learning_notes(args, scenario)
        if linked is not None and linked.missing:
            unread = say["notes_missing"].format(
                folder=linked.folder, ids=", ".join(linked.missing)
            )
            print(f"perekat: {unread}", file=sys.stderr)
        debrief = build_debrief(summary, scenario, records.definitions, args.lang)
        debrief.notes += notes
        if args.output is not None:
            _write_html(args.output, render_html(debrief, records, linked))
            print(say["written"].format(path=args.output), file=sys.stderr)
        else:
            print(render_text(debrief, records, linked))
    if args.json:
        print(json.dumps(summary.to_json(records), ensure_ascii=False))
    return EXIT_OK


def summarise_ids(records: ClassRecords) -> list[str]:
    summary = summarise(records)
    return list(summary.scenarios) if summary is not None else []


def _scenario(
    args: argparse.Namespace, scenario_id: str, revisions: tuple[str, ...]
) -> tuple[Scenario | None, list[str]]:
    """The scenario file of the plays, or None and why (the report goes on without it)."""
    say = words(args.lang)
    try:
        loaded = find_scenario(scenario_id, scenarios_dir(args), args.lang)
    except CliError as error:
        return None, [say["no_file"].format(scenario=scenario_id, reason=error)]
    if loaded.scenario is None:
        reason = loaded.diagnostics[0].format() if loaded.diagnostics else "invalid"
        return None, [say["no_file"].format(scenario=scenario_id, reason=reason)]
    scenario = loaded.scenario
    if revisions and scenario.content_hash not in revisions:
        return scenario, [say["changed"].format(scenario=scenario_id)]
    return scenario, []


def _learning_notes(args: argparse.Namespace, scenario: Scenario | None) -> LinkedNotes | None:
    """The notes the scenario's choices name, read from the notes folder (None: no scenario)."""
    if scenario is None:
        return None  # which notes the plays met is in the scenario file only
    note_ids = linked_note_ids(scenario)
    if not note_ids:
        return LinkedNotes()
    folder = args.notes_dir or notes_dir()
    library = load_notes(folder, args.lang)  # a missing folder is an empty library
    return gather(note_ids, library.notes, str(folder))


def _write_html(path: Path, page: str) -> None:
    if path.is_dir():
        raise CliError(f"cannot write the report to {path}: it is a folder", EXIT_USAGE)
    try:
        write_atomic(path, page.encode("utf-8"))
    except OSError as error:
        raise CliError(f"cannot write the report to {path}: {error.strerror or error}") from None
