"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lrs_server import LrsServer, start_lrs
from support import FIXTURES, load_scenario

from game.core.model import Scenario


@pytest.fixture(autouse=True)
def own_config_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the person's real config folder (their LRS account)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("APPDATA", str(folder))


@pytest.fixture
def mini() -> Scenario:
    return load_scenario(FIXTURES / "mini.yaml")


@pytest.fixture(scope="session")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LrsServer]:
    """One real LRS (Learning Locker's xapi-statements, in memory) for the whole test run."""
    server = start_lrs(tmp_path_factory.mktemp("lrs"))
    yield server
    server.stop()
