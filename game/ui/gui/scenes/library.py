"""The scenario library: a card per scenario, playable ones with their play buttons.

Owns the card layout (title, minutes, tags, summary, the competencies assessed
with their colours, the player's completions and best tier) and listing a file
that fails validation as not playable with its first diagnostics, while the
others still work. Starting a play is the play scene's job.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIPanel, UIScrollingContainer, UITextBox

from game.core.model import COMPETENCIES
from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

CARD_GAP = 16
TOP = 112


class LibraryScene(Scene):
    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        width = theme.CANVAS[0] - 2 * theme.MARGIN
        self.widgets: list[Any] = [
            UILabel(
                pygame.Rect(
                    theme.MARGIN,
                    32,
                    1000,
                    theme.font(app.settings, "heading", bold=True).get_linesize() + 8,
                ),
                tr(lang, "library"),
                manager,
                object_id=ObjectID(class_id="@heading"),
            ),
        ]
        height = theme.CANVAS[1] - TOP - 96
        self.scroller = UIScrollingContainer(
            pygame.Rect(theme.MARGIN, TOP, width, height), manager, allow_scroll_x=False
        )
        self.widgets.append(self.scroller)
        self.actions: dict[Any, tuple[str, Any]] = {}
        self.card_tops: dict[Any, int] = {}
        summary = app.history.summary()
        results = app.scenarios()
        inner = width - 24
        top = 0
        for result in results:
            top += self._card(result, top, inner, summary) + CARD_GAP
        self.scroller.set_scrollable_area_dimensions((inner, max(top, height)))
        back = UIButton(
            pygame.Rect(theme.MARGIN, theme.CANVAS[1] - 80, 240, 48), tr(lang, "back"), manager
        )
        self.actions[back] = ("back", None)
        self.widgets.append(back)
        app.focus.set(list(self.actions))

    def _card(self, result: Any, top: int, width: int, summary: dict[str, Any]) -> int:
        """Lay out one card from its content's real sizes; returns its height."""
        settings, manager, lang = self.app.settings, self.app.manager, self.app.lang
        small = theme.font(settings, "small")
        body = theme.font(settings, "body")
        labels = [tr(lang, "play_learn"), tr(lang, "play_assess")]
        play_width = max(body.size(label)[0] for label in labels) + 48
        button_height = body.get_linesize() + 20
        text_width = width - play_width - 56
        scenario = result.scenario
        panel = UIPanel(
            pygame.Rect(0, top, width, 100),
            manager=manager,
            container=self.scroller.get_container(),
        )
        y = 12
        title = scenario.title.get(lang) if scenario else result.path.name
        title_box = UITextBox(
            f"<b>{html.escape(title)}</b>",
            pygame.Rect(16, y, text_width, -1),
            manager,
            container=panel,
            object_id=ObjectID(class_id="@heading_text"),
        )
        y += title_box.rect.height + 4
        if scenario is None:
            UILabel(
                pygame.Rect(16, y, text_width, body.get_linesize() + 4),
                tr(lang, "not_playable"),
                manager,
                container=panel,
            )
            y += body.get_linesize() + 8
            lines = "<br>".join(html.escape(d.format()) for d in result.diagnostics[:3])
            box = UITextBox(
                lines,
                pygame.Rect(16, y, width - 32, -1),
                manager,
                container=panel,
                object_id=ObjectID(class_id="@small_text"),
            )
            y += box.rect.height + 12
            panel.set_dimensions((width, y))
            return y
        meta = [tr(lang, "minutes", n=scenario.minutes)] if scenario.minutes else []
        meta += [f"#{tag}" for tag in scenario.tags]
        line = small.get_linesize() + 4
        UILabel(
            pygame.Rect(16, y, text_width, line),
            " · ".join(meta),
            manager,
            container=panel,
            object_id=ObjectID(class_id="@small"),
        )
        y += line + 4
        text = scenario.summary.get(lang) if scenario.summary else ""
        box = UITextBox(
            html.escape(text),
            pygame.Rect(16, y, text_width, -1),
            manager,
            container=panel,
            object_id=ObjectID(class_id="@small_text"),
        )
        y += box.rect.height + 8
        assessed = [name for name in COMPETENCIES if name in scenario.assessed]
        UILabel(
            pygame.Rect(16, y, text_width, line),
            tr(lang, "assesses", names=", ".join(assessed)),
            manager,
            container=panel,
            object_id=ObjectID(class_id="@small"),
        )
        y += line
        seen = summary.get(scenario.scenario_id)
        played = (
            tr(lang, "completed", n=seen.plays, tier=seen.best_tier or "-")
            if seen
            else tr(lang, "not_played")
        )
        UILabel(
            pygame.Rect(16, y, text_width, line),
            played,
            manager,
            container=panel,
            object_id=ObjectID(class_id="@small"),
        )
        y += line + 12
        height = max(y, 2 * button_height + 48)
        x = width - play_width - 16
        for offset, mode in ((16, "learn"), (32 + button_height, "assess")):
            button = UIButton(
                pygame.Rect(x, offset, play_width, button_height),
                tr(lang, f"play_{mode}"),
                manager,
                container=panel,
                object_id=ObjectID(class_id="@primary" if mode == "learn" else "@choice"),
            )
            self.actions[button] = (mode, scenario)
            self.card_tops[button] = top
        panel.set_dimensions((width, height))
        return height

    def exit(self) -> None:
        for widget in self.widgets:
            widget.kill()
        self.widgets = []
        self.actions = {}

    def activate(self, widget: Any) -> None:
        from game.ui.gui.scenes.play import PlayScene

        action, scenario = self.actions[widget]
        if action == "back":
            self.app.pop()
        else:
            self.app.push(PlayScene(self.app, scenario, mode=action))

    def reveal_focus(self) -> None:
        """Scroll so the card of the focused button is in view."""
        widget = self.app.focus.focused
        bar = self.scroller.vert_scroll_bar
        if widget is None or bar is None or widget not in self.card_tops:
            return
        if self.scroller.rect.contains(widget.rect):
            return
        area = self.scroller.scrolling_height
        bar.set_scroll_from_start_percentage(min(1.0, self.card_tops[widget] / max(area, 1)))

    def handle(self, intent: Intent) -> None:
        if self.steer_focus(intent):
            return
        if intent.action is Action.BACK:
            self.app.pop()

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.actions:
            self.activate(event.ui_element)

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.fill(theme.rgb(self.app.palette.background))
