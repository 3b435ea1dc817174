"""Settings: defaults, round trip, and tolerance of damaged or odd files."""

from __future__ import annotations

import json
from pathlib import Path

from game.persistence.settings import Settings, SettingsStore


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    """No settings yet: Indonesian, 100% text, normal speed."""
    settings = SettingsStore(tmp_path).load()
    assert settings == Settings() and settings.lang == "id" and settings.characters_per_second == 40


def test_settings_round_trip(tmp_path: Path) -> None:
    """What is saved is what is loaded."""
    store = SettingsStore(tmp_path)
    chosen = Settings(
        lang="en",
        text_scale=1.5,
        text_speed="instant",
        high_contrast=True,
        reduced_motion=True,
        fullscreen=True,
        sound=False,
        dyslexic_font=True,
        play_mode="assess",
    )
    store.save(chosen)
    assert store.load() == chosen


def test_damaged_file_gives_defaults_and_is_kept(tmp_path: Path) -> None:
    """A damaged file is renamed aside, never silently overwritten."""
    store = SettingsStore(tmp_path)
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load() == Settings()
    assert list(tmp_path.glob("settings.damaged-*.json"))


def test_out_of_range_values_fall_back_per_field(tmp_path: Path) -> None:
    """Unknown values and wrong types reset only their own field."""
    store = SettingsStore(tmp_path)
    store.path.write_text(
        json.dumps(
            {
                "lang": "fr",
                "text_scale": 3,
                "sound": False,
                "text_speed": "warp",
                "high_contrast": "yes",
            }
        ),
        encoding="utf-8",
    )
    settings = store.load()
    assert settings == Settings(sound=False)
