"""The review package's command line: the comment sheet beside a storyboard, and merging it back.

Owns writing ``comments.csv`` next to a storyboard (called by ``storyboard``) and
``python main.py review merge SCENARIO SHEET.csv``, which puts each reviewer's
comment into the scenario file as comment lines above the node or choice it
concerns. The file is replaced atomically and must read exactly as before; rows
that fit nothing are listed and skipped. The sheet's shape is
``game.content.review``'s.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from game.cli_support import EXIT_INVALID, EXIT_OK, CliError, find_scenario, scenarios_dir
from game.content.loader import load_bytes
from game.content.review import merge_comments, read_comments, sheet_rows, sheet_text
from game.core.model import Scenario
from game.persistence.atomic import write_atomic

SHEET_NAME = "comments.csv"


def write_comment_sheet(
    scenario: Scenario, folder: Path, pictures: dict[tuple[str, str | None], str]
) -> Path:
    """``comments.csv`` in ``folder``: a row per node and choice, with its storyboard picture."""
    names = {(node, choice or ""): name for (node, choice), name in pictures.items()}
    path = folder / SHEET_NAME
    text = sheet_text(sheet_rows(scenario, names))
    write_atomic(path, ("\ufeff" + text).encode("utf-8"))
    return path


def add_command(commands: Any) -> None:
    review = commands.add_parser(
        "review",
        help="merge a reviewer's comment sheet into a scenario / gabungkan lembar ulasan",
        description="Merge the comments of a filled-in comments.csv (written by 'storyboard') "
        "into the scenario file, as comment lines above each node or choice.",
    )
    actions = review.add_subparsers(dest="action", required=True)
    merge = actions.add_parser("merge", help="put the sheet's comments into the scenario file")
    merge.add_argument("scenario", help="scenario id from scenarios/ or a path to a .yaml file")
    merge.add_argument("sheet", type=Path, help="the filled-in comments.csv")
    merge.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    merge.add_argument("--scenarios-dir", type=Path, default=argparse.SUPPRESS)
    merge.add_argument(
        "--dry-run", action="store_true", help="say what would be merged; change nothing"
    )


def review_command(args: argparse.Namespace) -> int:
    loaded = find_scenario(args.scenario, scenarios_dir(args), args.lang)
    if loaded.scenario is None:
        raise CliError(f"{loaded.path} does not load; fix its errors (validate) before merging")
    scenario = loaded.scenario
    try:
        sheet = args.sheet.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise CliError(f"cannot read the sheet {args.sheet}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise CliError(f"{args.sheet} is not UTF-8 text; save it as CSV UTF-8") from None
    comments, problems = read_comments(sheet, scenario)
    for problem in problems:
        print(f"{args.sheet}: {problem}", file=sys.stderr)
    raw = loaded.path.read_bytes()
    merged, added = merge_comments(raw.decode("utf-8"), comments, loaded.positions, scenario)
    check = load_bytes(merged.encode("utf-8"), loaded.path, args.lang)
    if check.scenario is None or _without_source(check.scenario) != _without_source(scenario):
        print(
            f"perekat: merging would change how {loaded.path} reads; nothing written",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if added and not args.dry_run:
        write_atomic(loaded.path, merged.encode("utf-8"))
    verb = "would add" if args.dry_run else "added"
    print(
        f"{loaded.path}: {verb} {added} comment(s); {len(problems)} row(s) skipped", file=sys.stderr
    )
    return EXIT_OK


def _without_source(scenario: Scenario) -> Scenario:
    return dataclasses.replace(scenario, source=None, content_hash="")
