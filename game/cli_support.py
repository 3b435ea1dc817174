"""What every command of the command line shares: exit codes, usage errors, finding scenarios.

Owns the exit codes (0 done, 1 invalid scenario, 2 usage or unreadable save,
3 input ended, 4 learning records not all sent to the LRS), the usage error
that carries one, finding a scenario by id or path, printing diagnostics, and
the folders flags may override. The commands themselves live in ``cli``
(players) and ``cli_writers`` (writers' tools).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game import paths
from game.content.diagnostics import Diagnostic
from game.content.loader import LoadResult, load_all, load_file
from game.content.yaml_strict import DEFAULT_MAX_BYTES
from game.core.model import Scenario

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INPUT_ENDED = 0, 1, 2, 3
EXIT_NOT_SENT = 4  # records send: the LRS could not be reached, or it refused some statements


class CliError(Exception):
    """A usage problem or an unreadable save: message printed, exit code given."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def find_scenario(
    name: str, folder: Path, lang: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadResult:
    """Load the scenario named by a path or by its id (declared, even if invalid) in ``folder``."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        if not path.is_file():
            raise CliError(f"no such scenario file: {name}")
        return load_file(path, lang, max_bytes)
    direct = folder / f"{name}.yaml"
    if direct.is_file():
        result = load_file(direct, lang, max_bytes)
        if result.declared_id in (name, None):
            return result
    results = load_all([folder], lang, max_bytes) if folder.is_dir() else []
    for result in results:
        if result.declared_id == name:
            return result
    known = sorted(r.declared_id for r in results if r.declared_id)
    listing = ", ".join(known) if known else "(none)"
    raise CliError(f"no scenario '{name}' in {folder}; available: {listing}")


def print_diagnostics(diagnostics: Sequence[Diagnostic], stream: Any = None) -> None:
    stream = stream or sys.stdout
    for item in diagnostics:
        print(item.format(), file=stream)
        if item.hint:
            print(f"    {item.hint}", file=stream)


def scenarios_dir(args: argparse.Namespace) -> Path:
    return getattr(args, "scenarios_dir", None) or paths.scenarios_dir()


def saves_dir(args: argparse.Namespace) -> Path:
    return getattr(args, "saves_dir", None) or paths.saves_dir()


def add_scenario_arguments(parser: argparse.ArgumentParser) -> None:
    """The scenario argument and the flags every command reading one scenario shares."""
    parser.add_argument("scenario", help="scenario id from scenarios/ or a path to a .yaml file")
    parser.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    parser.add_argument("--scenarios-dir", type=Path, default=argparse.SUPPRESS)
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="size cap of the scenario file in bytes (raise it for generated files)",
    )


def scenario_or_report(args: argparse.Namespace) -> Scenario | None:
    """The scenario ``args`` name, or None after printing its diagnostics to standard error."""
    loaded = find_scenario(args.scenario, scenarios_dir(args), args.lang, args.max_bytes)
    if loaded.scenario is None:
        print_diagnostics(loaded.diagnostics, sys.stderr)
        return None
    return loaded.scenario
