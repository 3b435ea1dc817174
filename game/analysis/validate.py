"""Validation as writers run it: every content check, then lint over the plays.

Owns joining the two: files are loaded (strict YAML, schema, semantic checks;
``game.content``), and each file that loads is linted over its state graph
(``lint``), its findings merged into the file's diagnostics in line order. The
game itself loads without lint; ``validate`` and the writers' tools call this.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from game.analysis.lint import LINT_STATE_LIMIT, lint
from game.content.loader import LoadResult, display_name, load_all
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
