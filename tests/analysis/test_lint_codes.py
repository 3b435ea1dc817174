"""Every lint code (SCN200-SCN209), one fixture per cause, through validation as writers run it.

Each file in tests/fixtures/lint/ is a valid scenario whose plays have one flaw; its opening
comment states what lint must report: ``# expect: CODE LINE:COL``. clean.yaml is the base the
others change and must report nothing. SCN209 needs a state limit, so it is produced here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES

from game.analysis.lint import lint
from game.analysis.validate import linted, validate_all
from game.content.diagnostics import CATALOGUE
from game.content.loader import load_file

LINT = FIXTURES / "lint"
LINT_FILES = sorted(LINT.glob("SCN*.yaml"))
COVERED_HERE = {"SCN209"}


def expectations(path: Path) -> set[tuple[str, int, int]]:
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# expect:"):
            code, where = line.split(":", 1)[1].split()
            row, col = where.split(":")
            found.add((code, int(row), int(col)))
    return found


def lint_findings(path: Path, lang: str = "id") -> set[tuple[str, int, int]]:
    (result,) = validate_all([path], lang)
    return {(d.code, d.line, d.col) for d in result.diagnostics if d.code >= "SCN200"}


@pytest.mark.parametrize("path", LINT_FILES, ids=lambda p: p.stem)
def test_lint_file_reports_exactly_its_expected_findings(path: Path) -> None:
    """validate reports exactly the SCN2xx findings the file's header states, in both languages."""
    expected = expectations(path)
    assert path.name[:6] in {code for code, _, _ in expected}
    assert lint_findings(path) == expected
    assert lint_findings(path, "en") == expected


def test_the_clean_base_has_no_lint_finding() -> None:
    """The base every fixture changes is clean: each finding comes from its one change."""
    assert lint_findings(LINT / "clean.yaml") == set()


def test_errors_among_lint_codes_fail_validation() -> None:
    """Dead ends and loops with no way out are errors; the rest are warnings."""
    errors = {code for code, entry in CATALOGUE.items() if code >= "SCN200"}
    errors = {code for code in errors if CATALOGUE[code].severity == "error"}
    assert errors == {"SCN202", "SCN203"}


def test_state_limit_reached_is_reported(tmp_path: Path) -> None:
    """SCN209: a counter climbing towards another variable stops the analysis, said once."""
    text = (LINT / "clean.yaml").read_text(encoding="utf-8")
    text = text.replace("start: d1\n", "start: d1\nvariables: {n: 0, cap: 1000000}\n")
    looping = """      - id: lagi
        text: {id: "Lagi", en: "Again"}
        goto: d1
        if: "n < cap"
        add: {n: 1}
        score: {recognize: 3}
        feedback: {id: "Lagi.", en: "Again."}
  d2:"""
    text = text.replace("  d2:", looping, 1)
    path = tmp_path / "climbing.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_file(path)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    found = lint(result.scenario, "climbing.yaml", result.position, "en", state_limit=300)
    assert [(d.code, d.line, d.col) for d in found] == [("SCN209", 1, 1)]
    assert "300" in found[0].message
    assert linted(result, "en", state_limit=300).diagnostics[-1].code == "SCN209"


def test_every_lint_code_is_covered() -> None:
    """Each SCN2xx code is expected by a fixture here or produced by a test above."""
    by_files = {code for path in LINT_FILES for code, _, _ in expectations(path)}
    lint_codes = {code for code in CATALOGUE if code >= "SCN200"}
    assert lint_codes - by_files == COVERED_HERE


def test_every_code_is_documented_for_writers() -> None:
    """docs/diagnostics.md has a row and a section for every catalogued code."""
    text = (FIXTURES.parent.parent / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    for code in CATALOGUE:
        assert f"\n## {code}\n" in text, code
        assert f"| {code} |" in text, code
