"""The path map: the picture of the report, full size, for a closer look.

Owns the full-screen view of the scenario's decision graph with the player's
path over it, its legend, and the way back (Esc, Enter or the button). The
drawing is ``graph_picture``'s and the layout the report's.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel

from game.analysis.layout import GraphLayout
from game.core.model import Scenario
from game.ui.gui import theme
from game.ui.gui.graph_picture import GraphPicture, PlayedPath, draw_legend
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

FRAME = pygame.Rect(theme.MARGIN, 96, 1280 - 2 * theme.MARGIN, 480)


class PathMapScene(Scene):
    def __init__(self, app: Any, scenario: Scenario, layout: GraphLayout, path: PlayedPath) -> None:
        super().__init__(app)
        self.scenario, self.layout, self.path = scenario, layout, path

    def enter(self) -> None:
        manager, lang, settings = self.app.manager, self.app.lang, self.app.settings
        heading_height = theme.font(settings, "heading", bold=True).get_linesize() + 8
        heading = UILabel(
            pygame.Rect(theme.MARGIN, 32, 1184, heading_height),
            f"{tr(lang, 'path_map')}: {self.scenario.title.get(lang)}",
            manager,
            object_id=ObjectID(class_id="@heading"),
        )
        line = theme.font(settings, "body").get_linesize()
        self.back = UIButton(
            pygame.Rect(FRAME.right - 240, 720 - 24 - (line + 16), 240, line + 16),
            tr(lang, "back"),
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.widgets = [heading, self.back]
        self.app.focus.set([self.back])

    def handle(self, intent: Intent) -> None:
        if intent.action in (Action.BACK, Action.CONFIRM, Action.MENU):
            self.app.pop()

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.back:
            self.app.pop()

    def draw_background(self, surface: pygame.Surface) -> None:
        settings, colours, lang = self.app.settings, self.app.palette, self.app.lang
        surface.fill(theme.rgb(colours.background))
        pygame.draw.rect(surface, theme.rgb(colours.panel), FRAME, border_radius=16)
        GraphPicture(self.layout, FRAME.inflate(-48, -48)).draw(
            surface, colours, self.path, theme.font(settings, "small", bold=True)
        )
        small = theme.font(settings, "small")
        used = draw_legend(surface, (FRAME.x, FRAME.bottom + 12), 900, small, colours, lang)
        hint = small.render(tr(lang, "path_map_hint"), True, theme.rgb(colours.muted))
        surface.blit(hint, (FRAME.x, FRAME.bottom + 20 + used))
