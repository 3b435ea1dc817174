"""Setting up a group's play at its own PC: session code, group, members, scenario, mode.

Owns the group form (text entries for the session code, the group's name, its
members one per line or separated by commas, and an optional class results
folder; value buttons that cycle the scenario and the mode), the checks of what
was typed, each shown in the player's language under its field, and starting
the play in that seat: ``PlayScene`` with a ``Seat`` replaces the form. The
rules of a valid code, name and member list are ``game.classroom.identity``'s;
what a group's play records is the play scene's and the recorder's.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pygame
from pygame_gui.elements import UIButton, UITextEntryBox, UITextEntryLine

from game.classroom.identity import GROUP_LENGTH, Seat, group_name, member_names, session_code
from game.core.model import Scenario
from game.ui.gui import forms, theme
from game.ui.gui.scenes.rationale import ENTRY_INSET, draw_entry_frame, inset
from game.ui.gui.strings import tr
from game.ui.terminal.messages import translate

COLUMN_WIDTH = 560
COLUMN_GAP = 64
LEFT = (theme.CANVAS[0] - 2 * COLUMN_WIDTH - COLUMN_GAP) // 2
RIGHT = LEFT + COLUMN_WIDTH + COLUMN_GAP
MEMBER_LINES = 4
MODES = ("learn", "assess")
TYPED = ("code", "group", "members", "results")
CYCLED = ("scenario", "mode")
LABELS = {name: f"group_{name}" for name in (*TYPED, *CYCLED)} | {"group": "group_name"}


class GroupSetupScene(forms.FormScene):
    """The form a group fills in before it plays; Start replaces it with the play."""

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.scenarios: list[Scenario] = [
            result.scenario for result in app.scenarios() if result.scenario is not None
        ]
        mode = app.settings.play_mode
        self.values: dict[str, Any] = {
            "code": "",
            "group": "",
            "members": "",
            "results": "",
            "scenario": 0,
            "mode": MODES.index(mode) if mode in MODES else 0,
        }
        self.errors: dict[str, str] = {}  # field -> what is wrong with it, in words
        self.entries: dict[str, Any] = {}
        self.cyclers: dict[Any, str] = {}
        self.actions: dict[Any, str] = {}
        self.entry_boxes: list[pygame.Rect] = []  # multi-line entries: framed when drawn

    # -- the form ----------------------------------------------------------------------------

    def value_words(self, name: str) -> str:
        lang, index = self.app.lang, self.values[name]
        if name == "scenario":
            return self.scenarios[index].title.get(lang) if self.scenarios else "-"
        return tr(lang, f"mode_{MODES[index]}")

    def enter(self) -> None:
        app, lang = self.app, self.app.lang
        settings = app.settings
        line = theme.font(settings, "body").get_linesize()
        small = theme.font(settings, "small").get_linesize()
        heading = forms.heading(app, tr(lang, "group_heading"), LEFT, RIGHT + COLUMN_WIDTH - LEFT)
        self.widgets = [heading]
        self.entries, self.cyclers, self.actions, self.entry_boxes = {}, {}, {}, []
        height = line + 16
        button_top = theme.CANVAS[1] - 32 - height
        columns = (
            (LEFT, ("code", "group", "members")),
            (RIGHT, ("scenario", "mode", "results")),
        )
        order: list[Any] = []
        for x, names in columns:
            top = heading.rect.bottom + 16
            for name in names:
                label = forms.small_text(app, tr(lang, LABELS[name]), x, top, COLUMN_WIDTH)
                note = self._note(name, x)
                below = note.rect.height if note is not None else small
                rect = pygame.Rect(x, label.rect.bottom + 4, COLUMN_WIDTH, height)
                if name == "members":
                    # the box takes the room left above the buttons: 2-4 lines
                    lines = MEMBER_LINES * line + 2 * ENTRY_INSET
                    room = theme.CANVAS[1] - 32 - rect.top - 4 - below
                    rect.height = max(2 * line + 2 * ENTRY_INSET, min(lines, room))
                widget = self._control(name, rect)
                self.widgets += [label, widget]
                order.append(widget)
                top = rect.bottom + 4
                if note is not None:
                    note.set_position((x, top))
                    self.widgets.append(note)
                top += below + 12
        # both buttons under the right column: the members' box may reach down on the left
        right = RIGHT + COLUMN_WIDTH
        back, start = forms.bottom_buttons(
            app, RIGHT, right, button_top, "group_start", back_width=COLUMN_WIDTH - 320 - 16
        )
        self.actions[back], self.actions[start] = "back", "start"
        self.widgets += [back, start]
        if not self.scenarios:
            start.disable()
        app.focus.set([*order, start, back])
        self.type_where_focused()
        app.dirty = True

    def _note(self, name: str, x: int) -> Any:
        """What goes under a field: what is wrong with it, or a hint (None: nothing)."""
        lang, colours = self.app.lang, self.app.palette
        words = self.errors.get(name) or (
            tr(lang, "group_results_hint") if name == "results" else ""
        )
        if not words:
            return None
        colour = colours.accent if name in self.errors else colours.muted
        markup = f'<font color="{colour}">{html.escape(words)}</font>'
        return forms.small_text(self.app, markup, x, 0, COLUMN_WIDTH, escape=False)

    def _control(self, name: str, rect: pygame.Rect) -> Any:
        """The entry or value button of one field, holding its value."""
        manager = self.app.manager
        widget: Any
        if name in CYCLED:
            widget = UIButton(rect, f"{self.value_words(name)}  ‹ ›", manager)
            if name == "scenario" and not self.scenarios:
                widget.set_text(tr(self.app.lang, "group_no_scenario"))
                widget.disable()
            self.cyclers[widget] = name
            return widget
        if name == "members":
            widget = UITextEntryBox(inset(rect), str(self.values[name]), manager)
            self.entry_boxes.append(rect)
        else:
            widget = UITextEntryLine(rect, manager)
            widget.set_text_length_limit({"code": 20, "group": GROUP_LENGTH}.get(name, 400))
            widget.set_text(str(self.values[name]))
        self.entries[name] = widget
        return widget

    def exit(self) -> None:
        self.keep_typed()
        super().exit()
        self.entries, self.cyclers, self.actions, self.entry_boxes = {}, {}, {}, []
        self.app.has_garbage = True

    # -- acting -------------------------------------------------------------------------------

    def seat(self) -> Seat | None:
        """The seat the form describes; None after noting, under each field, what is wrong."""
        self.keep_typed()
        values, errors = self.values, {}
        required = tr(self.app.lang, "group_required")
        checks = {"code": session_code, "group": group_name, "members": member_names}
        checked: dict[str, Any] = {}
        for name, check in checks.items():
            text = str(values[name])
            if not text.strip():
                errors[name] = required
                continue
            try:
                checked[name] = check(text)
            except ValueError as error:
                errors[name] = translate(self.app.lang, str(error))
        results = str(values["results"]).strip()
        folder = Path(results).expanduser() if results else None
        if folder is not None and folder.exists() and not folder.is_dir():
            errors["results"] = tr(self.app.lang, "group_results_file")
        self.errors = errors
        if errors:
            return None
        return Seat(checked["code"], checked["group"], checked["members"], results_dir=folder)

    def start(self) -> None:
        from game.ui.gui.scenes.play import PlayScene

        if not self.scenarios:
            return
        seat = self.seat()
        if seat is None:
            self.rebuild()  # the errors appear under their fields
            return
        scenario = self.scenarios[self.values["scenario"]]
        mode = MODES[self.values["mode"]]
        self.app.replace(PlayScene(self.app, scenario, mode=mode, seat=seat))

    def cycle(self, name: str, step: int) -> None:
        self.keep_typed()
        count = len(self.scenarios) if name == "scenario" else len(MODES)
        self.values[name] = (self.values[name] + step) % max(count, 1)
        self.rebuild()

    def activate(self, widget: Any) -> None:
        if widget in self.entries.values():
            self.type_where_focused()
        elif widget in self.cyclers:
            self.cycle(self.cyclers[widget], 1)
        elif self.actions.get(widget) == "back":
            self.app.pop()
        elif self.actions.get(widget) == "start":
            self.start()

    def step_value(self, widget: Any, step: int) -> None:
        if widget in self.cyclers:
            self.cycle(self.cyclers[widget], step)

    def update(self, seconds: float) -> None:
        self.follow_clicked_entry()

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.fill(theme.rgb(self.app.palette.background))
        for rect in self.entry_boxes:
            draw_entry_frame(surface, rect, self.app.palette)
