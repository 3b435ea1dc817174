"""Scenes and the stack that runs them (Tuxemon's State, Textual's screens).

Owns the scene lifecycle (enter, exit, pause, resume, handle an intent, pass a
pygame_gui event, update, draw) and the stack: push a scene, pop it with a
result handed to the one below (modal scenes return results), replace it. It
does not read input or open the window (``app`` does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent

if TYPE_CHECKING:
    from game.ui.gui.app import App


class Scene:
    """One screen. Subclasses build their widgets in ``enter`` and remove them in ``exit``."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.widgets: list[Any] = []  # what enter() built; exit() removes it

    def enter(self) -> None:
        """Build widgets; called when the scene becomes the top one."""

    def exit(self) -> None:
        """Remove widgets; called when the scene leaves the stack."""
        for widget in self.widgets:
            widget.kill()
        self.widgets = []

    def move_focus(self, intent: Intent) -> bool:
        """Tab/arrows move the focus ring; True when the intent was one of those."""
        if intent.action in (Action.DOWN, Action.NEXT_FOCUS):
            self.app.focus.move(1)
            return True
        if intent.action in (Action.UP, Action.PREVIOUS_FOCUS):
            self.app.focus.move(-1)
            return True
        return False

    def steer_focus(self, intent: Intent) -> bool:
        """Arrows and Tab move the focus ring (then ``reveal_focus``), Enter activates.

        True when the intent was one of those; screens handle their own keys first.
        """
        focus = self.app.focus
        if intent.action in (Action.DOWN, Action.NEXT_FOCUS, Action.RIGHT):
            focus.move(1)
            self.reveal_focus()
            return True
        if intent.action in (Action.UP, Action.PREVIOUS_FOCUS, Action.LEFT):
            focus.move(-1)
            self.reveal_focus()
            return True
        if intent.action is Action.CONFIRM and focus.focused is not None:
            self.activate(focus.focused)
            return True
        return False

    def reveal_focus(self) -> None:
        """Scroll the focused widget into view (screens with scrolling lists override this)."""

    def activate(self, widget: Any) -> None:
        """Do what the focused (or clicked) widget stands for."""

    def pause(self) -> None:
        """Another scene was pushed over this one: hide widgets."""
        self.exit()

    def resume(self, result: Any = None) -> None:
        """The scene above was popped with ``result``: show widgets again."""
        self.enter()

    def handle(self, intent: Intent) -> None:
        """React to what the player means."""

    def handle_gui(self, event: pygame.event.Event) -> None:
        """React to a pygame_gui event (a button pressed, text entered, ...).

        By default a pressed button is activated, as Enter on it would be; screens with other
        events (text entered, a file picked) or buttons of their own kind override this.
        """
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.activate(event.ui_element)

    def handle_click(self, position: tuple[int, int]) -> None:
        """A mouse click that no widget took (e.g. on the text panel to finish the text)."""

    def update(self, seconds: float) -> None:
        """Advance animations."""

    @property
    def is_animating(self) -> bool:
        """True while something moves, so the app runs at frame rate."""
        return False

    @property
    def has_visible_change(self) -> bool:
        """While animating: whether this turn changed the picture (else no frame is drawn)."""
        return True

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw what lies under the pygame_gui widgets."""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Draw what lies over the widgets: the keyboard focus ring."""
        self.app.focus.draw(surface, theme.rgb(self.app.palette.focus))


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
