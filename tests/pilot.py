"""The pilot's hands for headless GUI tests: a window on SDL's dummy drivers, frames, keys.

Owns what the GUI tests share: the dummy video and audio drivers (set on import,
before any window opens), opening the app at the title, drawing a frame (saved as
a PNG under ``PEREKAT_SHOTS`` when named) and telling a blank one, pressing an
intent, typing letters as a keyboard sends them, Tab round the ring to a label,
and Enter through a play to its choices. It asserts nothing about any screen:
that stays in each test.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pygame  # noqa: E402
from support import SCENARIOS  # noqa: E402

from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui.app import App, Folders  # noqa: E402
from game.ui.gui.intents import Action, Intent  # noqa: E402
from game.ui.gui.scenes.title import TitleScene  # noqa: E402

SHOTS = Path(os.environ["PEREKAT_SHOTS"]) if os.environ.get("PEREKAT_SHOTS") else None


def open_app(
    saves: Path, settings: Settings, scenarios: Path = SCENARIOS, config: Path | None = None
) -> Iterator[App]:
    """A window at the title, ``settings`` saved in ``saves``; closed after (a fixture's body)."""
    SettingsStore(saves).save(settings)
    application = App(Folders(scenarios, saves, config=config))
    application.push(TitleScene(application))
    yield application
    application.close()


def draw(app: App, name: str = "") -> pygame.Surface:
    """One frame; with PEREKAT_SHOTS=/dir set, a named frame is saved there for a person to see."""
    app.dirty = True
    app.frame(1 / 60)
    if SHOTS is not None and name:
        SHOTS.mkdir(parents=True, exist_ok=True)
        pygame.image.save(app.window, SHOTS / f"{name}.png")
    return app.window


def is_rich(surface: pygame.Surface) -> bool:
    """Not blank: many colours, and real content beside the most common colour."""
    small = pygame.transform.scale(surface, (160, 90))
    counts: dict[tuple[int, ...], int] = {}
    for x in range(160):
        for y in range(90):
            colour = tuple(small.get_at((x, y)))[:3]
            counts[colour] = counts.get(colour, 0) + 1
    return len(counts) > 8 and max(counts.values()) < 0.98 * 160 * 90


def press(app: App, action: Action, number: int = 0) -> None:
    """An intent, then a frame."""
    app.dispatch(Intent(action, number))
    draw(app)


def type_text(app: App, text: str) -> None:
    """Letters into the focused text entry, as a keyboard sends them; then a frame."""
    for letter in text:
        app.process(pygame.event.Event(pygame.TEXTINPUT, text=letter))
    draw(app)


def focus_on(app: App, label: str) -> None:
    """Tab round the ring until the focused widget shows ``label``."""
    for _ in range(40):
        focused = app.focus.focused
        if focused is not None and label in getattr(focused, "text", ""):
            return
        press(app, Action.NEXT_FOCUS)
    raise AssertionError(f"nothing focusable says {label!r}")


def to_choices(app: App, scene: Any, limit: int = 30) -> None:
    """Enter through the play's text until its choices show."""
    for _ in range(limit):
        draw(app)
        if scene.phase == "choosing":
            return
        app.dispatch(Intent(Action.CONFIRM))
    raise AssertionError("the play never reached a decision")
