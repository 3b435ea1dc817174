"""Scenes and the stack that runs them (Tuxemon's State, Textual's screens).

Owns the scene lifecycle (enter, exit, pause, resume, handle an intent, pass a
pygame_gui event, update, draw) and the stack: push a scene, pop it with a
result handed to the one below (modal scenes return results), replace it. It
does not read input or open the window (``app`` does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui.gui.intents import Intent

if TYPE_CHECKING:
    from game.ui.gui.app import App


class Scene:
    """One screen. Subclasses build their widgets in ``enter`` and remove them in ``exit``."""

    def __init__(self, app: App) -> None:
        self.app = app

    def enter(self) -> None:
        """Build widgets; called when the scene becomes the top one."""

    def exit(self) -> None:
        """Remove widgets; called when the scene leaves the stack."""

    def pause(self) -> None:
        """Another scene was pushed over this one: hide widgets."""
        self.exit()

    def resume(self, result: Any = None) -> None:
        """The scene above was popped with ``result``: show widgets again."""
        self.enter()

    def handle(self, intent: Intent) -> None:
        """React to what the player means."""

    def handle_gui(self, event: pygame.event.Event) -> None:
        """React to a pygame_gui event (a button pressed, text entered, ...)."""

    def handle_click(self, position: tuple[int, int]) -> None:
        """A mouse click that no widget took (e.g. on the text panel to finish the text)."""

    def update(self, seconds: float) -> None:
        """Advance animations."""

    @property
    def is_animating(self) -> bool:
        """True while something moves, so the app draws at frame rate."""
        return False

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw what lies under the pygame_gui widgets."""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Draw what lies over the widgets (the focus ring, for one)."""


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        if self.top is not None:
            self.top.pause()
        self.scenes.append(scene)
        scene.enter()

    def pop(self, result: Any = None) -> None:
        if not self.scenes:
            return
        self.scenes.pop().exit()
        if self.top is not None:
            self.top.resume(result)

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop().exit()
        self.scenes.append(scene)
        scene.enter()

    def clear(self) -> None:
        while self.scenes:
            self.scenes.pop().exit()
