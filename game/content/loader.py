"""Load scenario files: read, parse strictly, validate, build; one file at a time.

Owns the pipeline from a path to a ``LoadResult`` (the Scenario when the file
has no error, and every diagnostic either way) and loading a whole folder,
where one broken file never stops the others and scenario ids must be unique.
It never raises for a writer's mistake: every problem becomes a diagnostic.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from game.content.build import build_scenario
from game.content.checks import check_semantics
from game.content.diagnostics import Diagnostic, has_errors, make
from game.content.schema_check import check_schema
from game.content.wording import detail_in
from game.content.yaml_strict import (
    DEFAULT_MAX_BYTES,
    Document,
    YamlProblem,
    YamlRefused,
    load_document,
)
from game.core.model import Scenario

_PROBLEM_CODES = {
    "syntax": "SCN001",
    "alias": "SCN002",
    "duplicate": "SCN003",
    "too-large": "SCN004",
    "tag": "SCN005",
    "key": "SCN005",
    "encoding": "SCN006",
}
SUPPORTED_FORMAT = 1


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What loading one file gave: the scenario (None on any error) and the diagnostics."""

    path: Path
    scenario: Scenario | None
    diagnostics: tuple[Diagnostic, ...]
    declared_id: str | None = None  # the file's `id`, even when the file has errors
    # where each node (its key) and each choice start, for checks made after loading
    positions: Mapping[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict)

    def position(self, *path: str | int) -> tuple[int, int]:
        """1-based (line, col) of a node (``"nodes", id``) or a choice (``..., "choices", i``)."""
        return self.positions.get(path, (1, 1))

    @property
    def is_playable(self) -> bool:
        return self.scenario is not None

    @property
    def scenario_id(self) -> str | None:
        return self.scenario.scenario_id if self.scenario else None


def display_name(path: Path) -> str:
    """The path as diagnostics show it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def problem_diagnostic(problem: YamlProblem, file: str, lang: str) -> Diagnostic:
    """The coded diagnostic (SCN001-SCN006) for why the strict reader refused a file."""
    code = _PROBLEM_CODES[problem.kind]
    return make(
        code,
        file,
        problem.line,
        problem.col,
        lang,
        name=problem.name,
        other=problem.other_line or "",
        detail=detail_in(lang, problem.message),
    )


def load_bytes(
    raw: bytes, path: Path, lang: str = "id", max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadResult:
    """Validate and build a scenario from ``raw`` (the contents of ``path``)."""
    file = display_name(path)
    try:
        document = load_document(raw, max_bytes=max_bytes)
    except YamlRefused as refused:
        return LoadResult(path, None, (problem_diagnostic(refused.problem, file, lang),))
    if not isinstance(document.data, dict):
        return LoadResult(path, None, (make("SCN007", file, 1, 1, lang),))
    declared = document.data.get("id") if isinstance(document.data.get("id"), str) else None
    version = document.data.get("format")
    if type(version) is int and version != SUPPORTED_FORMAT:
        line, col = document.position(("format",))
        return LoadResult(
            path, None, (make("SCN014", file, line, col, lang, name=version),), declared
        )
    diagnostics = check_schema(document, file, lang) + check_semantics(document, file, lang)
    diagnostics.sort(key=lambda d: (d.line, d.col, d.code))
    if has_errors(diagnostics):
        return LoadResult(path, None, tuple(diagnostics), declared)
    scenario = build_scenario(document.data, str(path), hashlib.sha256(raw).hexdigest())
    return LoadResult(
        path, scenario, tuple(diagnostics), scenario.scenario_id, _positions(document, scenario)
    )


def _positions(
    document: Document, scenario: Scenario
) -> dict[tuple[str | int, ...], tuple[int, int]]:
    found: dict[tuple[str | int, ...], tuple[int, int]] = {}
    for node_id, node in scenario.nodes.items():
        found[("nodes", node_id)] = document.key_position(("nodes", node_id))
        for index in range(len(node.choices)):
            found[("nodes", node_id, "choices", index)] = document.position(
                ("nodes", node_id, "choices", index)
            )
    return found


def load_file(path: Path, lang: str = "id", max_bytes: int = DEFAULT_MAX_BYTES) -> LoadResult:
    """Load one scenario file; an unreadable file is a diagnostic, not an exception."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        detail = error.strerror or str(error)
        return LoadResult(
            path, None, (make("SCN006", display_name(path), 1, 1, lang, detail=detail),)
        )
    return load_bytes(raw, path, lang, max_bytes)


def scenario_files(paths: Iterable[Path]) -> list[Path]:
    """The ``.yaml``/``.yml`` files named or contained (recursively) in ``paths``, sorted."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for item in sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")):
                found.setdefault(item.resolve(), None)
        else:
            found.setdefault(path.resolve(), None)
    return list(found)


def load_all(
    paths: Iterable[Path], lang: str = "id", max_bytes: int = DEFAULT_MAX_BYTES
) -> list[LoadResult]:
    """Load every scenario file under ``paths``; a second file reusing an id is an error."""
    results: list[LoadResult] = []
    owners: dict[str, Path] = {}
    for path in scenario_files(paths):
        result = load_file(path, lang, max_bytes)
        scenario_id = result.scenario_id
        if scenario_id is not None:
            if scenario_id in owners:
                diagnostic = make(
                    "SCN015",
                    display_name(path),
                    1,
                    1,
                    lang,
                    name=scenario_id,
                    other=display_name(owners[scenario_id]),
                )
                result = LoadResult(
                    path, None, result.diagnostics + (diagnostic,), result.declared_id
                )
            else:
                owners[scenario_id] = path
        results.append(result)
    return results
