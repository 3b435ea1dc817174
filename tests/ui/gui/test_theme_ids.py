"""The theme's compact id cache finds exactly the ids pygame_gui's own lookup finds."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from pygame_gui.core.ui_appearance_theme import UIAppearanceTheme  # noqa: E402
from support import SCENARIOS  # noqa: E402

from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui.app import App, Folders  # noqa: E402
from game.ui.gui.scenes.library import LibraryScene  # noqa: E402
from game.ui.gui.scenes.play import PlayScene  # noqa: E402
from game.ui.gui.scenes.title import TitleScene  # noqa: E402
from game.ui.gui.theme_ids import HAS_JOINED_KEY, CompactIdTheme  # noqa: E402


def test_every_screen_element_gets_the_ids_upstream_would_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Title, library (cards in a scrolling container) and a decision: same combined ids."""
    asked: list[tuple[Any, ...]] = []
    compact = CompactIdTheme.build_all_combined_ids

    def recording(self: CompactIdTheme, *ids: Any) -> list[str]:
        asked.append(tuple(None if part is None else list(part) for part in ids))
        return compact(self, *ids)

    monkeypatch.setattr(CompactIdTheme, "build_all_combined_ids", recording)
    SettingsStore(tmp_path).save(Settings(text_speed="instant"))
    app = App(Folders(SCENARIOS, tmp_path))
    app.push(TitleScene(app))
    app.push(LibraryScene(app))
    scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
    app.push(PlayScene(app, scenario))
    theme = app.manager.get_theme()
    app.close()
    if not HAS_JOINED_KEY:
        pytest.skip("this pygame_gui keys its own cache compactly; the plain theme is used")
    assert isinstance(theme, CompactIdTheme) and not theme.unique_theming_ids
    distinct = {repr(ids): ids for ids in asked}
    assert len(distinct) > 20
    upstream = UIAppearanceTheme.__new__(UIAppearanceTheme)
    upstream.unique_theming_ids = {}
    for ids in distinct.values():
        upstream.unique_theming_ids.clear()  # one huge key at a time
        assert compact(theme, *ids) == UIAppearanceTheme.build_all_combined_ids(upstream, *ids)


def test_mismatched_id_lists_are_refused_as_upstream_refuses_them() -> None:
    """Lists of different lengths raise the same ValueError."""
    theme = CompactIdTheme.__new__(CompactIdTheme)
    theme._combined = {}
    with pytest.raises(ValueError, match="not equal in length"):
        theme.build_all_combined_ids(["button"], ["button", "panel"], [None], [None])
