"""Player settings, remembered between runs in ``settings.json`` under the saves folder.

Owns the Settings record (language, text size, text speed, high contrast, reduced
motion, fullscreen, sound, dyslexia-friendly font), its validation and its
atomic storage. A missing or damaged file gives the defaults (a damaged one is
renamed aside, never overwritten unread). It does not apply settings; the GUI does.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from game.persistence.atomic import write_atomic
from game.persistence.saves import set_aside

TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5)
TEXT_SPEEDS: dict[str, float] = {"slow": 20.0, "normal": 40.0, "fast": 80.0, "instant": 0.0}
LANGUAGES: tuple[str, ...] = ("id", "en")
PLAY_MODES: tuple[str, ...] = ("learn", "assess")


@dataclass(frozen=True, slots=True)
class Settings:
    lang: str = "id"
    text_scale: float = 1.0
    text_speed: str = "normal"
    high_contrast: bool = False
    reduced_motion: bool = False
    fullscreen: bool = False
    sound: bool = True
    dyslexic_font: bool = False
    play_mode: str = "learn"

    @property
    def characters_per_second(self) -> float:
        """Typewriter speed; 0 means instant."""
        return TEXT_SPEEDS[self.text_speed]

    def with_changes(self, **changes: Any) -> Settings:
        return validated(replace(self, **changes))


def validated(settings: Settings) -> Settings:
    """``settings`` with every out-of-range value replaced by its default."""
    default = Settings()
    changes: dict[str, Any] = {}
    if settings.lang not in LANGUAGES:
        changes["lang"] = default.lang
    if settings.text_scale not in TEXT_SCALES:
        changes["text_scale"] = default.text_scale
    if settings.text_speed not in TEXT_SPEEDS:
        changes["text_speed"] = default.text_speed
    if settings.play_mode not in PLAY_MODES:
        changes["play_mode"] = default.play_mode
    return replace(settings, **changes) if changes else settings


class SettingsStore:
    """Reads and writes ``<folder>/settings.json``."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "settings.json"

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError, RecursionError):
            set_aside(self.path, "damaged")
            return Settings()
        if not isinstance(data, dict):
            set_aside(self.path, "damaged")
            return Settings()
        known: dict[str, Any] = {}
        defaults = Settings()
        for field in fields(Settings):
            value = data.get(field.name, getattr(defaults, field.name))
            expected = type(getattr(defaults, field.name))
            if expected is float and type(value) is int:
                value = float(value)
            if type(value) is expected:
                known[field.name] = value
        return validated(Settings(**known))

    def save(self, settings: Settings) -> None:
        data = json.dumps(asdict(settings), indent=1).encode("utf-8")
        write_atomic(self.path, data)
