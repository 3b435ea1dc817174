"""The pause menu over a play, and the history of what was said and chosen.

Owns the modal pause menu (continue, save to a named slot, load, history,
settings, undo of the last choice in learning mode, back to the title) and the
scrollable history scene. The menu returns its decision to the play scene,
which acts on it; the play underneath stays as it was.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from game.errors import SaveError
from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr
from game.ui.terminal.messages import translate

MENU = pygame.Rect(400, theme.MARGIN, 480, 720 - 2 * theme.MARGIN)


class Backdrop:
    """A dimmed still of the screen a modal scene opened over."""

    def __init__(self, surface: pygame.Surface, dark: bool) -> None:
        self.image = surface.copy()
        veil = pygame.Surface(self.image.get_size(), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 150) if dark else (31, 41, 51, 120))
        self.image.blit(veil, (0, 0))

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.image, (0, 0))


class PauseScene(Scene):
    """Returns to the play one of: None (continue), "undo", "load" or "title"."""

    def __init__(self, app: Any, play: Any) -> None:
        super().__init__(app)
        self.play = play
        self.backdrop = Backdrop(app.window, app.settings.high_contrast)
        self.message = ""
        self.widgets: list[Any] = []

    def entries(self) -> list[tuple[str, str]]:
        lang = self.app.lang
        items = [("continue", tr(lang, "pause_continue"))]
        items.append(("history", tr(lang, "pause_history")))
        if self.play.mode == "learn" and self.play.engine.state.history:
            items.append(("undo", tr(lang, "pause_undo")))
        items.append(("load", tr(lang, "pause_load")))
        items.append(("settings", tr(lang, "pause_settings")))
        items.append(("title", tr(lang, "to_title")))
        return items

    def enter(self) -> None:
        manager, lang, settings = self.app.manager, self.app.lang, self.app.settings
        heading = theme.font(settings, "heading", bold=True).get_linesize()
        line = theme.font(settings, "body").get_linesize()
        y = MENU.y + 24
        self.widgets = [
            UILabel(
                pygame.Rect(MENU.x + 32, y, MENU.width - 64, heading + 4),
                tr(lang, "pause_title"),
                manager,
                object_id=ObjectID(class_id="@heading"),
            )
        ]
        y += heading + 16
        self.buttons: dict[Any, str] = {}
        for key, label in self.entries():
            button = UIButton(
                pygame.Rect(MENU.x + 32, y, MENU.width - 64, line + 16),
                label,
                manager,
                object_id=ObjectID(class_id="@primary" if key == "continue" else "@choice"),
            )
            self.buttons[button] = key
            self.widgets.append(button)
            y += line + 24
        y += 8
        self.widgets.append(
            UILabel(
                pygame.Rect(MENU.x + 32, y, MENU.width - 64, line),
                tr(lang, "pause_slot"),
                manager,
                object_id=ObjectID(class_id="@small"),
            )
        )
        y += line + 4
        self.entry = UITextEntryLine(
            pygame.Rect(MENU.x + 32, y, MENU.width - 200, line + 16), manager
        )
        self.entry.set_text_length_limit(40)
        self.save_button = UIButton(
            pygame.Rect(MENU.right - 160, y, 128, line + 16), tr(lang, "pause_save"), manager
        )
        self.buttons[self.save_button] = "save"
        y += line + 24
        self.note = UITextBox(
            html.escape(self.message),
            pygame.Rect(MENU.x + 32, y, MENU.width - 64, -1),
            manager,
            object_id=ObjectID(class_id="@small_text"),
        )
        self.widgets += [self.entry, self.save_button, self.note]
        focusable = [b for b, key in self.buttons.items() if key != "save"]
        self.app.focus.set([*focusable, self.entry, self.save_button])

    def save_slot(self) -> None:
        name = self.entry.get_text().strip()
        engine = self.play.engine
        try:
            path = self.app.saves.slot_path(engine.scenario.scenario_id, name)
            # a loaded slot goes on with the same records and class results folder
            folder = self.play.seat.results_dir if self.play.seat is not None else None
            self.app.saves.write(
                path,
                engine.state,
                engine.scenario.content_hash,
                self.play.player,
                slot=name,
                mode=self.play.mode,
                play_id=self.play.play_id or "",
                results_dir=str(folder.absolute()) if folder is not None else "",
            )
        except SaveError as error:
            self.message = translate(self.app.lang, str(error))
        else:
            self.message = tr(self.app.lang, "pause_saved", name=name)
        self.exit()
        self.enter()

    def activate(self, key: str) -> None:
        if key == "continue":
            self.app.pop(None)
        elif key in ("undo", "title"):
            self.app.pop(key)
        elif key == "save":
            self.save_slot()
        elif key == "history":
            self.app.push(HistoryScene(self.app, self.play, self.backdrop))
        elif key == "load":
            self.app.pop("load")
        elif key == "settings":
            from game.ui.gui.scenes.settings import SettingsScene

            self.app.push(SettingsScene(self.app))

    def handle(self, intent: Intent) -> None:
        focus = self.app.focus
        if intent.action in (Action.BACK, Action.MENU):
            self.app.pop(None)
        elif self.move_focus(intent):
            return
        elif intent.action is Action.CONFIRM and focus.focused is not None:
            if focus.focused is self.entry:
                self.save_slot()
            else:
                self.activate(self.buttons[focus.focused])

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.buttons:
            self.activate(self.buttons[event.ui_element])
        elif event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.save_slot()

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        colours = self.app.palette
        pygame.draw.rect(surface, theme.rgb(colours.panel), MENU, border_radius=16)
        pygame.draw.rect(surface, theme.rgb(colours.primary), MENU, 2, border_radius=16)


def history_markup(play: Any, lang: str) -> str:
    """Every node entered, in order, with who spoke and what the player chose there."""
    scenario, state = play.scenario, play.engine.state
    records = list(state.history)
    parts = []
    for node_id in state.path:
        node = scenario.nodes.get(node_id)
        if node is None:
            continue
        speaker = scenario.characters.get(node.speaker) if node.speaker else None
        text = html.escape(node.text.get(lang))
        part = f"<b>{html.escape(speaker.name)}:</b> {text}" if speaker else text
        if node.choices and records and records[0].node_id == node_id:
            record = records.pop(0)
            choice = node.choice(record.choice_id)
            if choice is not None:
                part += (
                    f"<br><i>» {tr(lang, 'you_chose')}: {html.escape(choice.text.get(lang))}</i>"
                )
        parts.append(part)
    return "<br><br>".join(parts)


class HistoryScene(Scene):
    """The scrollable log of the play so far; Esc or Back returns to the menu."""

    def __init__(self, app: Any, play: Any, backdrop: Backdrop) -> None:
        super().__init__(app)
        self.play, self.backdrop = play, backdrop
        self.widgets: list[Any] = []

    def enter(self) -> None:
        manager, lang, settings = self.app.manager, self.app.lang, self.app.settings
        line = theme.font(settings, "body").get_linesize()
        area = pygame.Rect(
            theme.MARGIN + 32,
            theme.MARGIN + 24,
            1280 - 2 * theme.MARGIN - 64,
            720 - 2 * theme.MARGIN - 72 - line,
        )
        self.log = UITextBox(history_markup(self.play, lang), area, manager)
        if self.log.scroll_bar is not None:
            self.log.scroll_bar.set_scroll_from_start_percentage(1.0)  # the latest at the bottom
        self.back = UIButton(
            pygame.Rect(area.right - 220, area.bottom + 12, 220, line + 16),
            tr(lang, "back"),
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.widgets = [self.log, self.back]
        self.app.focus.set([self.back])

    def handle(self, intent: Intent) -> None:
        if intent.action in (Action.BACK, Action.CONFIRM, Action.MENU):
            self.app.pop()
        elif intent.action in (Action.UP, Action.DOWN) and self.log.scroll_bar is not None:
            bar = self.log.scroll_bar
            step = -0.1 if intent.action is Action.UP else 0.1
            bar.set_scroll_from_start_percentage(min(1.0, max(0.0, bar.start_percentage + step)))

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.back:
            self.app.pop()

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        frame = pygame.Rect(
            theme.MARGIN, theme.MARGIN, 1280 - 2 * theme.MARGIN, 720 - 2 * theme.MARGIN
        )
        pygame.draw.rect(surface, theme.rgb(self.app.palette.panel), frame, border_radius=16)
