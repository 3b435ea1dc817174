"""Helpers shared by tests: the repo's folders and loading scenarios that must be valid."""

from __future__ import annotations

from pathlib import Path

from game.content.loader import load_file
from game.core.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SCENARIOS = ROOT / "scenarios"


def load_scenario(path: Path) -> Scenario:
    """Load a scenario that must be valid; fail the test with its diagnostics if not."""
    result = load_file(path)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


def shipped_scenarios() -> list[Path]:
    return sorted(SCENARIOS.glob("*.yaml"))
