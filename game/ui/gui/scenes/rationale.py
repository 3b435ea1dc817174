"""The group's reason for a choice: a small box over the play, before the choice is made.

Owns the modal that asks a group (a play with a class seat that names a group)
why it chose what it chose: the choice's text, a multi-line entry, "Simpan &
lanjut" and "Lewati". It returns to the play scene the text typed (saved), ""
(skipped) or None (Esc or Back: no choice made, back to the choices). It does
not make the choice; the play scene does, with the reason it gets back.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryBox

from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.scenes.pause import Backdrop
from game.ui.gui.strings import tr

WIDTH = 840
PADDING = 32
ENTRY_LINES = 4
ENTRY_INSET = 6  # a multi-line entry's frame: where the focus ring is drawn around it


class RationaleScene(Scene):
    """Returns the group's reason ("" when skipped), or None to go back without choosing."""

    def __init__(self, app: Any, choice_text: str) -> None:
        super().__init__(app)
        self.choice_text = choice_text
        self.backdrop = Backdrop(app.window, app.settings.high_contrast)
        self.typed = ""  # kept across a rebuild (settings change the fonts)
        self.frame = pygame.Rect(0, 0, WIDTH, 0)
        self.entry_rect = pygame.Rect(0, 0, 0, 0)
        self.box: Any = None
        self.buttons: dict[Any, str] = {}

    def enter(self) -> None:
        manager, lang, settings = self.app.manager, self.app.lang, self.app.settings
        heading = theme.font(settings, "heading", bold=True).get_linesize()
        body = theme.font(settings, "body").get_linesize()
        inner = WIDTH - 2 * PADDING
        self.frame = pygame.Rect(0, 0, WIDTH, 0)
        self.frame.centerx = theme.CANVAS[0] // 2
        x, y = self.frame.x + PADDING, 0
        title = UILabel(
            pygame.Rect(x, y, inner, heading + 4),
            tr(lang, "rationale_heading"),
            manager,
            object_id=ObjectID(class_id="@heading"),
        )
        y += heading + 12
        choice = UITextBox(
            f"<b>{html.escape(tr(lang, 'rationale_choice', choice=self.choice_text))}</b>",
            pygame.Rect(x, y, inner, -1),
            manager,
        )
        y += choice.rect.height + 16
        entry_height = ENTRY_LINES * body + 24
        field = pygame.Rect(x, y, inner, entry_height)
        self.box = UITextEntryBox(inset(field), self.typed, manager)
        y += entry_height + 12
        hint = UITextBox(
            html.escape(tr(lang, "rationale_hint")),
            pygame.Rect(x, y, inner, -1),
            manager,
            object_id=ObjectID(class_id="@small_text"),
        )
        y += hint.rect.height + 20
        button_height = body + 16
        font = theme.font(settings, "body")
        labels = {key: tr(lang, f"rationale_{key}") for key in ("save", "skip")}
        widths = {key: font.size(label)[0] + 64 for key, label in labels.items()}
        save = UIButton(
            pygame.Rect(x + inner - widths["save"], y, widths["save"], button_height),
            labels["save"],
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        skip = UIButton(
            pygame.Rect(save.rect.x - 16 - widths["skip"], y, widths["skip"], button_height),
            labels["skip"],
            manager,
        )
        y += button_height + PADDING
        # the frame's height is known only now: centre it and move everything down with it
        shift = (theme.CANVAS[1] - (y + PADDING)) // 2 + PADDING
        self.widgets = [title, choice, self.box, hint, save, skip]
        for widget in self.widgets:
            widget.set_position((widget.rect.x, widget.rect.y + shift))
        self.entry_rect = outset(self.box.rect)
        self.frame = pygame.Rect(self.frame.x, shift - PADDING, WIDTH, y + PADDING)
        self.buttons = {save: "save", skip: "skip"}
        self.app.focus.set([self.box, save, skip])
        self.box.focus()  # the group types straight away
        self.app.dirty = True

    def exit(self) -> None:
        if self.box is not None:
            self.typed = self.box.get_text()
        self.box = None
        self.buttons = {}
        super().exit()
        self.app.has_garbage = True

    def finish(self, key: str) -> None:
        """Save (the text, stripped) or skip (""): back to the play, which makes the choice."""
        text = self.box.get_text().strip() if key == "save" and self.box is not None else ""
        self.app.pop(text)

    def activate(self, widget: Any) -> None:
        if widget is self.box:
            self.box.focus()
        elif widget in self.buttons:
            self.finish(self.buttons[widget])

    def handle(self, intent: Intent) -> None:
        if intent.action in (Action.BACK, Action.MENU):
            self.app.pop(None)
        elif self.move_focus(intent):
            self.type_where_focused()
        elif intent.action is Action.CONFIRM and self.app.focus.focused is not None:
            self.activate(self.app.focus.focused)

    def type_where_focused(self) -> None:
        """Keys go into the entry only while the ring is on it (else Enter presses a button)."""
        if self.box is None:
            return
        is_on_box = self.app.focus.focused is self.box
        if is_on_box:
            self.box.focus()
        elif self.box.is_focused:
            self.box.unfocus()

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.buttons:
            self.finish(self.buttons[event.ui_element])

    def update(self, seconds: float) -> None:
        # a click into the entry focuses it in pygame_gui: the ring follows
        if self.box is not None and self.box.is_focused and self.app.focus.focused is not self.box:
            self.app.focus.focus(self.box)
            self.app.dirty = True

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        colours = self.app.palette
        pygame.draw.rect(surface, theme.rgb(colours.panel), self.frame, border_radius=16)
        pygame.draw.rect(surface, theme.rgb(colours.primary), self.frame, 2, border_radius=16)
        draw_entry_frame(surface, self.entry_rect, colours)


def inset(field: pygame.Rect) -> pygame.Rect:
    """Where a multi-line entry's text goes inside the field drawn for it."""
    return field.inflate(-2 * ENTRY_INSET, -2 * ENTRY_INSET)


def outset(entry: pygame.Rect) -> pygame.Rect:
    """The field drawn around a multi-line entry placed with ``inset``."""
    return entry.inflate(2 * ENTRY_INSET, 2 * ENTRY_INSET)


def draw_entry_frame(surface: pygame.Surface, field: pygame.Rect, colours: theme.Palette) -> None:
    """Where a multi-line entry is: a field with a border (the theme's text boxes have none)."""
    pygame.draw.rect(surface, theme.rgb(colours.panel), field, border_radius=6)
    pygame.draw.rect(surface, theme.rgb(colours.primary), field, 2, border_radius=6)
