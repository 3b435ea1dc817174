"""Shared fixtures."""

from __future__ import annotations

import pytest
from support import FIXTURES, load_scenario

from game.core.model import Scenario


@pytest.fixture
def mini() -> Scenario:
    return load_scenario(FIXTURES / "mini.yaml")
