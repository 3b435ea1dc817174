"""The session's lobby on the projector: its code, large, for groups to type, and what it runs.

Owns the screen between setup and play: the code, the scenario, how the class
votes, the groups and whether names are recorded; "start" opens the projector
play. It changes nothing in the session.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UILabel, UITextBox

from game.classroom.session import ClassSession
from game.core.model import Scenario
from game.ui.gui import forms, theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.scenes.session_setup import discussion_words
from game.ui.gui.strings import tr

SHEET = pygame.Rect(140, 0, 1000, 0)
CODE_SIZE = 112


class SessionLobbyScene(Scene):
    def __init__(self, app: Any, session: ClassSession, scenario: Scenario) -> None:
        super().__init__(app)
        self.session = session
        self.scenario = scenario
        self.actions: dict[Any, str] = {}
        self.code_rect = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        app, manager, lang, session = self.app, self.app.manager, self.app.lang, self.session
        line = theme.font(app.settings, "body").get_linesize()
        title = f"{tr(lang, 'lobby_heading')}: {self.scenario.title.get(lang)}"
        heading = forms.heading(app, title, SHEET.x, SHEET.width)
        label = UILabel(
            pygame.Rect(SHEET.x, heading.rect.bottom + 16, SHEET.width, line + 4),
            tr(lang, "lobby_code"),
            manager,
            object_id=ObjectID(class_id="@centred"),
        )
        self.code_rect = pygame.Rect(SHEET.x, label.rect.bottom + 8, SHEET.width, CODE_SIZE + 24)
        method = tr(lang, f"method_{session.method}")
        facts = [tr(lang, "lobby_method", method=method)]
        if session.participants:
            facts.append(tr(lang, "lobby_participants", n=session.participants))
        facts.append(
            f"{tr(lang, 'setup_discussion')}: {discussion_words(lang, session.discussion_seconds)}"
        )
        if session.groups:
            facts.append(tr(lang, "lobby_groups", names=", ".join(session.groups)))
            facts.append(tr(lang, "lobby_join"))
        facts.append(tr(lang, "lobby_named" if session.names_enabled else "lobby_anonymous"))
        details = UITextBox(
            "<br>".join(html.escape(fact) for fact in facts),
            pygame.Rect(SHEET.x, self.code_rect.bottom + 16, SHEET.width, -1),
            manager,
        )
        height = line + 16
        bottom = theme.CANVAS[1] - 24 - height
        back, begin = forms.bottom_buttons(app, SHEET.x, SHEET.right, bottom, "lobby_begin", 360)
        self.actions = {back: "back", begin: "begin"}
        self.widgets = [heading, label, details, back, begin]
        app.focus.set([begin, back])
        app.dirty = True

    def begin(self) -> None:
        from game.ui.gui.scenes.facilitated_play import FacilitatedPlayScene

        self.app.replace(FacilitatedPlayScene(self.app, self.scenario, self.session))

    def activate(self, widget: Any) -> None:
        action = self.actions.get(widget)
        if action == "begin":
            self.begin()
        elif action == "back":
            self.app.pop()

    def handle(self, intent: Intent) -> None:
        if intent.action is Action.BACK:
            self.app.pop()
        else:
            self.steer_focus(intent)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The code in letters big enough to read from the back of a room."""
        colours = self.app.palette
        pygame.draw.rect(surface, theme.rgb(colours.panel), self.code_rect, border_radius=16)
        font = theme.font_at(self.app.settings, CODE_SIZE, bold=True)
        image = font.render(self.session.code, True, theme.rgb(colours.ink))
        surface.blit(image, image.get_rect(center=self.code_rect.center))
        super().draw_overlay(surface)
