"""The game window records its plays: learning records from a headless play scene."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from support import FIXTURES, SCENARIOS, load_scenario  # noqa: E402

from game.persistence.records import RecordStore  # noqa: E402
from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui.app import App, Folders  # noqa: E402
from game.ui.gui.scenes.play import PlayScene  # noqa: E402


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    SettingsStore(tmp_path).save(Settings(lang="en", text_speed="instant"))
    application = App(Folders(SCENARIOS, tmp_path))
    yield application
    application.close()


def test_a_window_play_writes_answered_and_completed_statements(app: App, tmp_path: Path) -> None:
    """Choices made in the window land in saves/records.sqlite3 as the PC's individual play."""
    scenario = load_scenario(FIXTURES / "mini.yaml")
    scene = PlayScene(app, scenario, mode="assess")
    scene.engine.choose("tolak-halus")
    scene.engine._advance_to_decision()
    scene.engine.choose("program")
    with RecordStore(tmp_path) as store:
        statements = list(store.export("local"))
    assert [s["verb"]["display"]["en-US"] for s in statements] == [
        "answered",
        "answered",
        "completed",
    ]
    context = statements[0]["context"]
    assert context["language"] == "en-US"
    assert context["extensions"]["urn:perekat:ext:mode"] == "assess"
