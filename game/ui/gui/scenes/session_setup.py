"""Setting up a facilitated session: code, scenario, how the class votes, groups, timer, names.

Owns the setup form (text entries for the code, participants and groups; value
buttons that cycle the scenario, the vote method, the discussion time and the
names setting, as the settings screen's do), its checks shown in the
player's language under the form, and creating the session: its names setting
goes to this PC's learning records, then the lobby opens. The rules of a valid
session live in ``game.classroom.session``.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
from pygame_gui.elements import UIButton, UITextBox, UITextEntryLine

from game.classroom.session import (
    DISCUSSION_CHOICES,
    ClassSession,
    SetupError,
    class_session,
    new_code,
)
from game.core.model import Scenario
from game.errors import RecordsError
from game.persistence.records import RecordStore
from game.ui.gui import forms, theme
from game.ui.gui.strings import tr

SHEET = pygame.Rect(140, 0, 1000, 0)
LABEL_WIDTH = 380
ROW_GAP = 10
CYCLED = ("scenario", "method", "discussion", "names")
METHODS = ("counts", "hotseat")


def discussion_words(lang: str, seconds: int) -> str:
    if not seconds:
        return tr(lang, "discussion_none")
    return tr(lang, "minutes_short", n=seconds // 60)


class SessionSetupScene(forms.FormScene):
    """Creates a ``ClassSession`` and opens its lobby."""

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.scenarios: list[Scenario] = [
            result.scenario for result in app.scenarios() if result.scenario is not None
        ]
        self.values: dict[str, Any] = {
            "code": new_code(),
            "participants": "",
            "groups": "",
            "scenario": 0,
            "method": 0,
            "discussion": DISCUSSION_CHOICES.index(180),
            "names": False,
        }
        self.entries: dict[str, Any] = {}
        self.cyclers: dict[Any, str] = {}
        self.actions: dict[Any, str] = {}
        self.message = ""

    # -- the form ----------------------------------------------------------------------------

    def value_words(self, name: str) -> str:
        lang, index = self.app.lang, self.values[name]
        if name == "scenario":
            return self.scenarios[index].title.get(lang) if self.scenarios else "-"
        if name == "method":
            return tr(lang, f"method_{METHODS[index]}")
        if name == "discussion":
            return discussion_words(lang, DISCUSSION_CHOICES[index])
        return tr(lang, "names_on" if index else "names_off")

    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        line = theme.font(app.settings, "body").get_linesize()
        heading = forms.heading(app, tr(lang, "setup_heading"), SHEET.x, SHEET.width)
        self.widgets = [heading]
        self.entries, self.cyclers, self.actions = {}, {}, {}
        rows = [
            ("code", "setup_code"),
            ("scenario", "setup_scenario"),
            ("method", "setup_method"),
            ("participants", "setup_participants"),
            ("groups", "setup_groups"),
            ("discussion", "setup_discussion"),
            ("names", "setup_names"),
        ]
        height = line + 16
        top = heading.rect.bottom + 16
        focus: list[Any] = []
        control_x = SHEET.x + LABEL_WIDTH + 16
        control_width = SHEET.right - control_x
        for name, label_key in rows:
            label = forms.small_text(app, tr(lang, label_key), SHEET.x, top, LABEL_WIDTH)
            self.widgets.append(label)
            rect = pygame.Rect(control_x, top, control_width, height)
            widget: Any
            if name in CYCLED:
                widget = UIButton(rect, f"{self.value_words(name)}  ‹ ›", manager)
                self.cyclers[widget] = name
            else:
                if name == "code":
                    rect.width = control_width - 200 - 12
                widget = UITextEntryLine(rect, manager)
                widget.set_text_length_limit({"code": 20, "participants": 3}.get(name, 400))
                if name == "participants":
                    widget.set_allowed_characters("numbers")
                widget.set_text(str(self.values[name]))
                self.entries[name] = widget
            self.widgets.append(widget)
            focus.append(widget)
            if name == "code":
                fresh = UIButton(
                    pygame.Rect(rect.right + 12, top, 200, height),
                    tr(lang, "setup_new_code"),
                    manager,
                )
                self.actions[fresh] = "new_code"
                self.widgets.append(fresh)
                focus.append(fresh)
            top = max(label.rect.bottom, rect.bottom) + ROW_GAP
        self.message_box = UITextBox(
            f'<font color="{app.palette.accent}">{html.escape(self.message)}</font>',
            pygame.Rect(SHEET.x, top, SHEET.width, -1),
            manager,
        )
        self.widgets.append(self.message_box)
        bottom = theme.CANVAS[1] - 24 - height
        back, start = forms.bottom_buttons(app, SHEET.x, SHEET.right, bottom, "setup_start")
        self.actions[back], self.actions[start] = "back", "start"
        self.widgets += [back, start]
        if not self.scenarios:
            start.disable()
            self.show_message(tr(lang, "setup_no_scenario"))
        app.focus.set([*focus, start, back], len(focus))
        app.dirty = True

    def exit(self) -> None:
        self.keep_typed()
        super().exit()
        self.entries, self.cyclers, self.actions = {}, {}, {}
        self.app.has_garbage = True

    def show_message(self, text: str) -> None:
        self.message = text
        self.message_box.set_text(
            f'<font color="{self.app.palette.accent}">{html.escape(text)}</font>'
        )
        self.app.dirty = True

    def rebuild(self) -> None:
        """As the form's, but the keys stay out of the entries until one is chosen again."""
        focused = self.app.focus.index
        self.exit()
        self.enter()
        self.app.focus.index = focused

    # -- acting -------------------------------------------------------------------------------

    def cycle(self, name: str, step: int) -> None:
        self.keep_typed()
        if name == "names":
            self.values[name] = not self.values[name]
        else:
            count = {
                "scenario": max(len(self.scenarios), 1),
                "method": len(METHODS),
                "discussion": len(DISCUSSION_CHOICES),
            }[name]
            self.values[name] = (self.values[name] + step) % count
        self.rebuild()

    def session(self) -> ClassSession:
        """The session the form describes (SetupError when a value cannot be used)."""
        self.keep_typed()
        scenario = self.scenarios[self.values["scenario"]]
        return class_session(
            str(self.values["code"]),
            scenario.scenario_id,
            METHODS[self.values["method"]],
            str(self.values["participants"]),
            str(self.values["groups"]),
            DISCUSSION_CHOICES[self.values["discussion"]],
            bool(self.values["names"]),
        )

    def start(self) -> None:
        from game.ui.gui.scenes.session_lobby import SessionLobbyScene

        if not self.scenarios:
            return
        lang = self.app.lang
        try:
            session = self.session()
        except SetupError as error:
            self.show_message(tr(lang, f"setup_error_{error.key}", **error.params))
            return
        try:
            with RecordStore(self.app.saves.root) as store:
                store.set_names(session.code, session.names_enabled)
        except RecordsError as error:
            self.show_message(tr(lang, "setup_error_records", reason=str(error)))
            return
        scenario = self.scenarios[self.values["scenario"]]
        self.app.replace(SessionLobbyScene(self.app, session, scenario))

    def activate(self, widget: Any) -> None:
        if widget in self.entries.values():
            widget.focus()
            return
        if widget in self.cyclers:
            self.cycle(self.cyclers[widget], 1)
            return
        action = self.actions.get(widget)
        if action == "back":
            self.app.pop()
        elif action == "start":
            self.start()
        elif action == "new_code":
            self.keep_typed()
            self.values["code"] = new_code()
            self.rebuild()

    def step_value(self, widget: Any, step: int) -> None:
        if widget in self.cyclers:
            self.cycle(self.cyclers[widget], step)
