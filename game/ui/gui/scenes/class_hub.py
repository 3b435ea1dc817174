"""The classroom hub: lead a session on the projector, play as a group, debrief a class, or
send the records to the organisation's Learning Record Store.

Owns the one screen the title's "Kelas" entry opens: four entries, each with a
line saying who it is for. It builds no session itself (the setup, group,
debrief and LRS scenes do).
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.ui.gui import theme
from game.ui.gui.illustrations import background
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

WIDTH = 760
WIDE = 1040  # the column at large text sizes, so the hints take fewer lines
ENTRIES = ("lead", "group", "debrief", "lrs")


class ClassHubScene(Scene):
    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.buttons: dict[Any, str] = {}
        self.width = WIDTH

    def enter(self) -> None:
        # four entries with their hints overflow at large text sizes: then a wider, tighter column
        if not self._build(compact=False):
            self.exit()
            self._build(compact=True)
        self.app.focus.set(list(self.buttons))
        self.app.dirty = True

    def _build(self, compact: bool) -> bool:
        """The heading, the entries and Back; whether the entries end above Back."""
        app, manager, lang = self.app, self.app.manager, self.app.lang
        self.width = WIDE if compact else WIDTH
        margin = 24 if compact else theme.MARGIN
        x = (theme.CANVAS[0] - self.width) // 2
        heading_font = theme.font(app.settings, "heading", bold=True)
        heading = UILabel(
            pygame.Rect(x, margin, self.width, heading_font.get_linesize() + 8),
            tr(lang, "hub_heading"),
            manager,
            object_id=ObjectID(class_id="@heading"),
        )
        self.widgets = [heading]
        self.buttons = {}
        line = theme.font(app.settings, "body").get_linesize()
        top = heading.rect.bottom + (12 if compact else 24)
        for key in ENTRIES:
            button = UIButton(
                pygame.Rect(x, top, self.width, line + (8 if compact else 24)),
                tr(lang, f"hub_{key}"),
                manager,
                object_id=ObjectID(class_id="@primary" if not self.buttons else "@choice"),
            )
            hint = UITextBox(
                tr(lang, f"hub_{key}_hint"),
                pygame.Rect(x, button.rect.bottom + (2 if compact else 4), self.width, -1),
                manager,
                object_id=ObjectID(class_id="@small_text"),
            )
            self.buttons[button] = key
            self.widgets += [button, hint]
            top = hint.rect.bottom + (10 if compact else 20)
        back = UIButton(
            pygame.Rect(x, theme.CANVAS[1] - margin - line - 16, 240, line + 16),
            tr(lang, "back"),
            manager,
        )
        self.buttons[back] = "back"
        self.widgets.append(back)
        return top - (10 if compact else 20) + 8 <= back.rect.top

    def activate(self, widget: Any) -> None:
        key = self.buttons.get(widget)
        if key == "back":
            self.app.pop()
        elif key == "lead":
            from game.ui.gui.scenes.session_setup import SessionSetupScene

            self.app.push(SessionSetupScene(self.app))
        elif key == "group":
            from game.ui.gui.scenes.group_setup import GroupSetupScene

            self.app.push(GroupSetupScene(self.app))
        elif key == "debrief":
            from game.ui.gui.scenes.debrief_source import DebriefSourceScene

            self.app.push(DebriefSourceScene(self.app))
        elif key == "lrs":
            from game.ui.gui.scenes.lrs import LrsScene

            self.app.push(LrsScene(self.app))

    def handle(self, intent: Intent) -> None:
        if intent.action is Action.BACK:
            self.app.pop()
        elif intent.action is Action.CHOOSE and 1 <= intent.number <= len(ENTRIES):
            self.activate(list(self.buttons)[intent.number - 1])
        else:
            self.steer_focus(intent)

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.buttons:
            self.activate(event.ui_element)

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(background("office", theme.CANVAS, self.app.settings.high_contrast), (0, 0))
        colours = self.app.palette
        shade = pygame.Surface((self.width + 64, theme.CANVAS[1]), pygame.SRCALPHA)
        shade.fill((*theme.rgb(colours.panel)[:3], colours.panel_alpha))
        surface.blit(shade, ((theme.CANVAS[0] - self.width) // 2 - 32, 0))
