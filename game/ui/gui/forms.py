"""What the GUI's forms share: keys into the focused text entry, and the form's common widgets.

Owns ``FormScene``, the behaviour of a screen with text entries in ``self.entries``
(keys go into the entry the focus ring is on and out of every other, Enter in a
field goes on to the next one, Left/Right step a value button or move the caret,
a click into an entry brings the ring along, what was typed is kept in
``self.values``, a rebuild keeps the ring's place), and the widgets forms lay out alike: the
heading, a block of small text, and the Back and primary buttons along the bottom.

It knows no field: which entries a form has, their checks and what its buttons
do stay in each scene.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr


class FormScene(Scene):
    """A scene whose text entries sit in ``self.entries`` (name -> entry)."""

    entries: dict[str, Any]
    values: dict[str, Any]

    def type_where_focused(self) -> None:
        """Keys go into the text entry the ring is on, and out of every other."""
        focused = self.app.focus.focused
        for entry in self.entries.values():
            if entry is focused:
                entry.focus()
            elif entry.is_focused:
                entry.unfocus()

    def keep_typed(self) -> None:
        """What the entries hold goes into ``self.values`` (before they are rebuilt or left)."""
        for name, entry in self.entries.items():
            self.values[name] = entry.get_text()

    def follow_clicked_entry(self) -> None:
        """A click into an entry focuses it in pygame_gui: the ring follows."""
        focused = self.app.focus.focused
        for entry in self.entries.values():
            if entry.is_focused and entry is not focused:
                self.app.focus.focus(entry)
                self.app.dirty = True
                return

    def rebuild(self) -> None:
        """Build the widgets again (new values, messages), the ring where it was."""
        focused = self.app.focus.index
        self.exit()
        self.enter()
        self.app.focus.index = focused
        self.type_where_focused()

    def step_value(self, widget: Any, step: int) -> None:
        """Left (-1) or Right (1) on a value button steps it (in an entry they move the caret)."""

    def handle(self, intent: Intent) -> None:
        if intent.action is Action.BACK:
            self.app.pop()
        elif intent.action in (Action.LEFT, Action.RIGHT):
            self.step_value(self.app.focus.focused, -1 if intent.action is Action.LEFT else 1)
        elif self.steer_focus(intent):
            self.type_where_focused()

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.app.focus.move(1)  # Enter in a one-line field goes on to the next one
            self.type_where_focused()
        else:
            super().handle_gui(event)


def heading(app: Any, text: str, x: int, width: int, top: int = 24) -> UILabel:
    """The screen's title in the heading font, one line."""
    height = theme.font(app.settings, "heading", bold=True).get_linesize() + 8
    return UILabel(
        pygame.Rect(x, top, width, height),
        text,
        app.manager,
        object_id=ObjectID(class_id="@heading"),
    )


def small_text(app: Any, text: str, x: int, top: int, width: int, escape: bool = True) -> UITextBox:
    """A block of small text, as tall as its words (``escape=False``: ``text`` is markup)."""
    return UITextBox(
        html.escape(text) if escape else text,
        pygame.Rect(x, top, width, -1),
        app.manager,
        object_id=ObjectID(class_id="@small_text"),
    )


def bottom_buttons(
    app: Any,
    left: int,
    right: int,
    top: int,
    primary_key: str,
    primary_width: int = 320,
    back_width: int = 240,
) -> tuple[UIButton, UIButton]:
    """Back at ``left`` and the primary button ending at ``right``, one row at ``top``."""
    height = theme.font(app.settings, "body").get_linesize() + 16
    back = UIButton(pygame.Rect(left, top, back_width, height), tr(app.lang, "back"), app.manager)
    primary = UIButton(
        pygame.Rect(right - primary_width, top, primary_width, height),
        tr(app.lang, primary_key),
        app.manager,
        object_id=ObjectID(class_id="@primary"),
    )
    return back, primary
