"""Validation as writers run it: every content check, then lint over the plays; and the notes.

Owns joining the two: files are loaded (strict YAML, schema, semantic checks;
``game.content``), and each file that loads is linted over its state graph
(``lint``), its findings merged into the file's diagnostics in line order. The
game itself loads without lint; ``validate`` and the writers' tools call this.
It also tells which of the paths ``validate`` is given are learning notes (the
notes folder, or files in it) and checks those with the notes loader, a note
file always with its folder, since ids and ``related`` are checked across it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from game.analysis.lint import LINT_STATE_LIMIT, lint
from game.content.diagnostics import Diagnostic
from game.content.loader import LoadResult, display_name, load_all
from game.content.notes import load_notes
from game.content.yaml_strict import DEFAULT_MAX_BYTES


def linted(result: LoadResult, lang: str = "id", state_limit: int = LINT_STATE_LIMIT) -> LoadResult:
    """``result`` with the lint findings of its scenario added (unchanged if it did not load)."""
    if result.scenario is None:
        return result
    found = lint(result.scenario, display_name(result.path), result.position, lang, state_limit)
    if not found:
        return result
    merged = sorted((*result.diagnostics, *found), key=lambda d: (d.line, d.col, d.code))
    return dataclasses.replace(result, diagnostics=tuple(merged))


def validate_all(
    paths: Iterable[Path], lang: str = "id", max_bytes: int = DEFAULT_MAX_BYTES
) -> list[LoadResult]:
    """Load every scenario file under ``paths`` and lint each one that loads."""
    return [linted(result, lang) for result in load_all(paths, lang, max_bytes)]


def split_notes(paths: Iterable[Path], notes_folder: Path) -> tuple[list[Path], list[Path]]:
    """``paths`` as (scenario paths, note paths): the notes folder and what is in it are notes."""
    folder = notes_folder.resolve()
    scenarios: list[Path] = []
    notes: list[Path] = []
    for path in paths:
        resolved = path.resolve()
        is_note = resolved == folder or resolved.is_relative_to(folder)
        (notes if is_note else scenarios).append(path)
    return scenarios, notes


def validate_notes(paths: Iterable[Path], lang: str = "id") -> tuple[int, list[Diagnostic]]:
    """(files checked, their diagnostics) for note folders and note files; a missing folder is 0."""
    files = 0
    found: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files += len(list(path.glob("*.yaml")))
            found += load_notes(path, lang).diagnostics
            continue
        files += 1
        name = display_name(path)
        found += [d for d in load_notes(path.parent, lang).diagnostics if d.file == name]
    return files, found
