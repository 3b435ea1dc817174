"""The error screen: what the player sees when a screen fails unexpectedly.

Owns telling the player, in their language, that something went wrong, that
their play is safe (autosaves are written after every choice, never by the
failing screen), and where the log with the details is; then back to the title.
It does not decide what counts as an error (the app catches and logs it).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UITextBox

from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene

WORDS = {
    "id": (
        "Maaf, terjadi kesalahan di layar ini.",
        "Permainan Anda aman: simpanan otomatis ditulis setelah setiap pilihan. Rincian "
        "kesalahan dicatat di:",
        "Ke menu utama",
    ),
    "en": (
        "Sorry, something went wrong on this screen.",
        "Your play is safe: the autosave is written after every choice. The details are logged in:",
        "Back to the title",
    ),
}


class ErrorScene(Scene):
    def __init__(self, app: Any, log_path: Path, summary: str) -> None:
        super().__init__(app)
        self.log_path, self.summary = log_path, summary
        self.widgets: list[Any] = []

    def enter(self) -> None:
        title, body, back = WORDS.get(self.app.lang, WORDS["id"])
        manager = self.app.manager
        text = (
            f"<b>{html.escape(title)}</b><br><br>{html.escape(body)}<br>"
            f"{html.escape(str(self.log_path))}<br><br><i>{html.escape(self.summary)}</i>"
        )
        box = UITextBox(text, pygame.Rect(160, 120, 960, -1), manager)
        height = theme.font(self.app.settings, "body").get_linesize() + 20
        self.back = UIButton(
            pygame.Rect(160, box.rect.bottom + 32, 320, height),
            back,
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.widgets = [box, self.back]
        self.app.focus.set([self.back])

    def leave(self) -> None:
        from game.ui.gui.scenes.title import TitleScene

        self.app.stack.clear()
        self.app.push(TitleScene(self.app))

    def handle(self, intent: Intent) -> None:
        if intent.action in (Action.CONFIRM, Action.BACK):
            self.leave()

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.back:
            self.leave()
