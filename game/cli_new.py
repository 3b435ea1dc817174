"""The ``new`` command: start a scenario file from the commented template.

Owns where the new file goes (``scenarios/ID.yaml``, or ``-o PATH``), refusing
what it must not do (an id the schema refuses, a file that already exists, an id
already used in scenarios/, a folder it cannot write) with a message and exit
code 2, and writing the file so that an existing one is never replaced. The text
itself is ``game.content.scaffold``'s.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import Any

from game.cli_support import EXIT_OK, CliError, scenarios_dir
from game.content.loader import load_all
from game.content.scaffold import ScaffoldError, check_id, scaffold, suggest_id

WORDS = {
    "id": {
        "bad_id": "'{id}' bukan id skenario: pakai huruf kecil, angka, dan tanda hubung, diawali "
        "huruf atau angka{hint}",
        "hint": "; mis. '{id}'",
        "exists": "{path} sudah ada; Perekat tidak menimpanya. Pilih id atau jalur lain (-o).",
        "suffix": "{path} bukan berkas .yaml atau .yml; skenario hanya dibaca dari berkas itu",
        "taken": "id '{id}' sudah dipakai oleh {path}; pilih id lain",
        "cannot_write": "tidak dapat menulis {path}: {reason}",
        "not_folder": "{path} adalah berkas, bukan folder",
        "done": "Skenario baru ditulis: {path}",
        "next": "Langkah berikutnya:",
    },
    "en": {
        "bad_id": "'{id}' is not a scenario id: use lowercase letters, digits and hyphens, "
        "starting with a letter or digit{hint}",
        "hint": "; e.g. '{id}'",
        "exists": "{path} already exists; Perekat does not overwrite it. Pick another id or "
        "path (-o).",
        "suffix": "{path} is not a .yaml or .yml file; scenarios are read from those only",
        "taken": "the id '{id}' is already used by {path}; pick another id",
        "cannot_write": "cannot write {path}: {reason}",
        "not_folder": "{path} is a file, not a folder",
        "done": "New scenario written: {path}",
        "next": "Next steps:",
    },
}


def add_command(commands: Any) -> None:
    """Add ``new`` to the parser's sub-parsers."""
    new = commands.add_parser(
        "new",
        help="start a scenario from the commented template / mulai skenario baru dari templat",
        description="Write scenarios/ID.yaml (or -o PATH): a small, complete scenario whose "
        "comments (Indonesian, then English) explain each key. It validates with no finding; "
        "change the story and keep validating. An existing file is never overwritten.",
    )
    new.add_argument("scenario_id", metavar="ID", help="the new scenario's id, e.g. rapat-warga")
    new.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="PATH",
        help="the .yaml file to write, or an existing folder to write ID.yaml into "
        "(default scenarios/ID.yaml)",
    )
    new.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    new.add_argument("--scenarios-dir", type=Path, default=argparse.SUPPRESS)


def new_command(args: argparse.Namespace) -> int:
    words = WORDS.get(args.lang, WORDS["en"])
    scenario_id: str = args.scenario_id
    try:
        check_id(scenario_id)
    except ScaffoldError:
        suggestion = suggest_id(scenario_id)
        hint = words["hint"].format(id=suggestion) if suggestion else ""
        raise CliError(words["bad_id"].format(id=scenario_id, hint=hint)) from None
    target = _target(args, scenario_id)
    if target.suffix not in (".yaml", ".yml"):
        raise CliError(words["suffix"].format(path=target))
    if target.exists() or target.is_symlink():
        raise CliError(words["exists"].format(path=target))
    _refuse_taken_id(args, scenario_id, target, words)
    _write_new(target, scaffold(scenario_id, target), words)
    shown = _shown(target)
    print(words["done"].format(path=shown))
    print(words["next"])
    for command in ("validate", "analyze", "play"):
        print(f"  python main.py {command} {shown}")
    return EXIT_OK


def _shown(path: Path) -> str:
    """``path`` as the writer would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _target(args: argparse.Namespace, scenario_id: str) -> Path:
    """``-o`` as a file, ``-o`` as an existing folder, or the scenarios folder."""
    output: Path | None = args.output
    if output is None:
        return scenarios_dir(args) / f"{scenario_id}.yaml"
    if output.is_dir():
        return output / f"{scenario_id}.yaml"
    return output


def _refuse_taken_id(
    args: argparse.Namespace, scenario_id: str, target: Path, words: dict[str, str]
) -> None:
    """In the scenarios folder ids are unique (SCN015): refuse one another file declares."""
    folder = scenarios_dir(args)
    if not folder.is_dir() or not _is_inside(target.parent, folder):
        return
    for result in load_all([folder], args.lang):
        if result.declared_id == scenario_id:
            raise CliError(words["taken"].format(id=scenario_id, path=result.path))


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _write_new(target: Path, text: str, words: dict[str, str]) -> None:
    """Create ``target`` only if it does not exist (O_EXCL), so no file is ever replaced."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        blocking = next((p for p in target.parents if p.exists()), None)
        if blocking is not None and not blocking.is_dir():
            reason = words["not_folder"].format(path=blocking)
        else:
            reason = error.strerror or str(error)
        raise CliError(words["cannot_write"].format(path=target, reason=reason)) from None
    try:
        stream = open(target, "x", encoding="utf-8", newline="\n")  # noqa: SIM115
    except FileExistsError:
        raise CliError(words["exists"].format(path=target)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise CliError(words["cannot_write"].format(path=target, reason=reason)) from None
    try:
        with stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(target)  # ours, just created: leave no half-written scenario
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise CliError(words["cannot_write"].format(path=target, reason=reason)) from None
        raise
