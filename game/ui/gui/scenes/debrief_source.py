"""Where the facilitator picks the records to debrief: a folder or file, or a session on this PC.

Owns the choosing screen: a path typed into a field (first filled with the
saves folder's ``results`` when there is one), a Browse button opening
pygame_gui's file dialog (folders or files), an Open button, and the class
sessions in this PC's own records, each a button that debriefs it without any
file. Opening pushes ``DebriefScene``; a path that does not exist is said on
this screen, in words. Reading and counting happen in the debrief scene.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine
from pygame_gui.windows import UIFileDialog

from game.ui.gui import forms, theme
from game.ui.gui.class_reading import LocalSession, local_sessions
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.scenes.debrief import DebriefScene
from game.ui.gui.strings import tr

WIDTH = theme.CANVAS[0] - 2 * theme.MARGIN
BUTTON_WIDTH = 200
SESSIONS_SHOWN = 5  # the newest; older ones are a records export away


def default_source(saves: Path) -> str:
    """The saves folder's ``results`` when it exists (where a class's files are often put)."""
    results = saves / "results"
    return str(results) if results.is_dir() else ""


class DebriefSourceScene(Scene):
    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.path_text = default_source(app.saves.root)
        self.message = ""
        self.sessions: list[LocalSession] = local_sessions(app.saves.root)[::-1]
        self.session_buttons: dict[Any, str] = {}
        self.dialog: Any = None  # the open UIFileDialog
        self.entry: Any = None

    def enter(self) -> None:
        app, lang, settings = self.app, self.app.lang, self.app.settings
        manager = app.manager
        line = theme.font(settings, "body").get_linesize()
        heading = forms.heading(app, tr(lang, "debrief_source_title"), theme.MARGIN, WIDTH, 20)
        top = heading.rect.bottom + 24
        label = UILabel(
            pygame.Rect(theme.MARGIN, top, WIDTH, line + 4),
            tr(lang, "debrief_source_label"),
            manager,
        )
        top = label.rect.bottom + 8
        field_width = WIDTH - 2 * (BUTTON_WIDTH + 16)
        self.entry = UITextEntryLine(
            pygame.Rect(theme.MARGIN, top, field_width, line + 16), manager
        )
        self.entry.set_text_length_limit(1000)
        self.entry.set_text(self.path_text)
        self.browse = UIButton(
            pygame.Rect(theme.MARGIN + field_width + 16, top, BUTTON_WIDTH, line + 16),
            tr(lang, "debrief_browse"),
            manager,
        )
        self.open_button = UIButton(
            pygame.Rect(theme.MARGIN + WIDTH - BUTTON_WIDTH, top, BUTTON_WIDTH, line + 16),
            tr(lang, "debrief_open"),
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        top = self.entry.rect.bottom + 12
        self.message_box = UITextBox(
            f'<font color="{app.palette.accent}">{html.escape(self.message)}</font>',
            pygame.Rect(theme.MARGIN, top, WIDTH, -1),
            manager,
        )
        top = max(self.message_box.rect.bottom, top + line) + 24
        sessions_label = UILabel(
            pygame.Rect(theme.MARGIN, top, WIDTH, line + 8),
            tr(lang, "debrief_local"),
            manager,
            object_id=ObjectID(class_id="@name"),
        )
        top = sessions_label.rect.bottom + 8
        self.back = UIButton(
            pygame.Rect(theme.MARGIN, theme.CANVAS[1] - 24 - (line + 16), 240, line + 16),
            tr(lang, "back"),
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.widgets = [heading, label, self.entry, self.browse, self.open_button]
        self.widgets += [self.message_box, sessions_label, self.back]
        self.session_buttons = {}
        room = self.back.rect.top - 16
        for session in self.sessions[:SESSIONS_SHOWN]:
            if top + line + 16 > room:
                break
            text = tr(lang, "debrief_session_item", code=session.code, n=session.statements,
                      created=session.created[:16].replace("T", " "))  # fmt: skip
            button = UIButton(pygame.Rect(theme.MARGIN, top, WIDTH, line + 16), text, manager)
            self.session_buttons[button] = session.code
            self.widgets.append(button)
            top += line + 16 + 8
        if not self.sessions:
            none = UILabel(
                pygame.Rect(theme.MARGIN, top, WIDTH, line + 4),
                tr(lang, "debrief_local_none"),
                manager,
                object_id=ObjectID(class_id="@small"),
            )
            self.widgets.append(none)
        focus = [self.entry, self.browse, self.open_button, *self.session_buttons, self.back]
        app.focus.set(focus, 2 if self.path_text else 0)
        app.dirty = True

    def exit(self) -> None:
        if self.entry is not None:
            self.path_text = self.entry.get_text()
        if self.dialog is not None:
            self.dialog.kill()
            self.dialog = None
        super().exit()
        self.entry = None
        self.app.has_garbage = True

    # -- acting -----------------------------------------------------------------------------

    def say(self, message: str) -> None:
        """Show ``message`` (a failure, in words) under the field."""
        self.message = message
        self.exit()
        self.enter()

    def open_path(self) -> None:
        """Debrief the typed path, or say why not."""
        text = self.entry.get_text().strip() if self.entry is not None else ""
        if not text:
            self.say(tr(self.app.lang, "debrief_empty_path"))
            return
        path = Path(text).expanduser()
        if not path.exists():
            self.say(tr(self.app.lang, "debrief_missing", paths=str(path)))
            return
        self.message = ""
        self.app.push(DebriefScene(self.app, [path]))

    def open_session(self, code: str) -> None:
        self.message = ""
        self.app.push(DebriefScene(self.app, [], session=code))

    def open_dialog(self) -> None:
        """pygame_gui's file dialog, starting at the typed path (or the saves folder)."""
        if self.dialog is not None and self.dialog.alive():
            return
        typed = self.entry.get_text().strip() if self.entry is not None else ""
        start = Path(typed) if typed and Path(typed).exists() else self.app.saves.root
        self.app.manager.set_locale(self.app.lang)  # the dialog's own words (OK, Cancel, ...)
        self.dialog = UIFileDialog(
            pygame.Rect(160, 60, 960, 600),
            self.app.manager,
            window_title=tr(self.app.lang, "debrief_pick"),
            initial_file_path=str(start),
            allow_picking_directories=True,
            allow_existing_files_only=True,
        )

    def picked(self, path: str) -> None:
        """The dialog's choice goes into the field, ready to open."""
        self.dialog = None
        if self.entry is not None:
            self.entry.set_text(path)
            self.app.focus.focus(self.open_button)
        self.app.dirty = True

    def activate(self, widget: Any) -> None:
        if widget is self.entry:
            self.entry.focus()
        elif widget is self.browse:
            self.open_dialog()
        elif widget is self.open_button:
            self.open_path()
        elif widget in self.session_buttons:
            self.open_session(self.session_buttons[widget])
        elif widget is self.back:
            self.app.pop()

    @property
    def is_dialog_open(self) -> bool:
        return self.dialog is not None and self.dialog.alive()

    def handle(self, intent: Intent) -> None:
        if self.is_dialog_open:
            if intent.action is Action.BACK and self.dialog is not None:
                self.dialog.kill()  # Esc closes the dialog, not the screen
                self.dialog = None
            return
        if intent.action in (Action.BACK, Action.MENU):
            self.app.pop()
        elif intent.action is Action.CHOOSE and intent.number <= len(self.session_buttons):
            self.open_session(list(self.session_buttons.values())[intent.number - 1])
        else:
            self.steer_focus(intent)

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED:
            self.picked(event.text)
        elif event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.open_path()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED and (
            event.ui_element in self.widgets or event.ui_element in self.session_buttons
        ):
            self.app.focus.focus(event.ui_element)
            self.activate(event.ui_element)

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.fill(theme.rgb(self.app.palette.background))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The focus ring, except over the file dialog (which takes the keys while open)."""
        if not self.is_dialog_open:
            super().draw_overlay(surface)
