"""The Learning Record Store screen: the account, a connection test, send now, the outbox.

Owns the form (the LRS's xAPI address, the user, the password typed hidden, the
switch for a send at the end of each play), saving it to the person's config
folder (``game.persistence.lrs_config``; never the saves folder), "Uji koneksi"
and "Kirim sekarang" run as background jobs (``game.persistence.lrs_background``)
whose progress and outcome ``update`` polls, so the window keeps answering, the
outbox's status for the address typed (waiting, sent, refused on this PC), and
every failure in words. Test and send use what is typed, saved or not.

It does not talk to the LRS or open the records in the window's thread for a send;
the report's send at the end of a play is ``game.ui.gui.lrs_after_play``'s.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UITextBox, UITextEntryLine

from game.errors import RecordsError
from game.persistence.lrs_background import (
    LrsJob,
    Outcome,
    outbox_status,
    start_check,
    start_send,
)
from game.persistence.lrs_client import LrsError, endpoint_of
from game.persistence.lrs_config import LrsConfig, LrsConfigStore
from game.persistence.records import FILE_NAME, RecordStore
from game.ui.gui import forms, theme
from game.ui.gui.strings import tr

COLUMN_WIDTH = 560
COLUMN_GAP = 64
LEFT = (theme.CANVAS[0] - 2 * COLUMN_WIDTH - COLUMN_GAP) // 2
RIGHT = LEFT + COLUMN_WIDTH + COLUMN_GAP
TYPED = ("endpoint", "user", "password")
SEND_TIMEOUT = 20.0  # seconds for one answer; a person is watching
SEND_ATTEMPTS = 3
CHECK_TIMEOUT = 10.0


def config_store(app: Any) -> LrsConfigStore:
    """The account's store: the folder the app was given, else the user's config folder."""
    return LrsConfigStore(app.folders.config)


def problem_words(lang: str, outcome: Outcome) -> str:
    """A failed job's outcome in the player's words (the LRS's own words as a detail)."""
    assert outcome.problem is not None
    kind, detail = outcome.problem.kind, outcome.problem.detail
    return tr(lang, f"lrs_problem_{kind}", detail=detail)


class LrsScene(forms.FormScene):
    """The LRS settings; Esc or Kembali returns to where it was opened from."""

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.store = config_store(app)
        config = self.store.load()
        self.values: dict[str, Any] = {
            "endpoint": config.endpoint,
            "user": config.user,
            "password": config.password,
            "send_after_play": config.send_after_play,
        }
        self.error = ""  # what is wrong with the address, in words
        self.message = ""  # the last action's result, in words
        self.is_problem = False  # the message reports a failure (drawn in the accent colour)
        self.job: LrsJob | None = None
        self.job_kind = ""  # "check" or "send"
        self.shown_progress: tuple[int, int] = (0, 0)
        self.entries: dict[str, UITextEntryLine] = {}
        self.actions: dict[Any, str] = {}

    # -- the form ----------------------------------------------------------------------------

    def config(self) -> LrsConfig:
        self.keep_typed()
        return LrsConfig(
            endpoint=str(self.values["endpoint"]).strip(),
            user=str(self.values["user"]),
            password=str(self.values["password"]),
            send_after_play=bool(self.values["send_after_play"]),
        )

    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        settings = app.settings
        line = theme.font(settings, "body").get_linesize()
        heading = forms.heading(app, tr(lang, "lrs_heading"), LEFT, RIGHT + COLUMN_WIDTH - LEFT)
        self.widgets = [heading]
        self.entries, self.actions = {}, {}
        height = line + 16
        order: list[Any] = []
        top = heading.rect.bottom + 16
        for name in TYPED:
            label = self._small(tr(lang, f"lrs_{name}"), LEFT, top)
            entry = UITextEntryLine(
                pygame.Rect(LEFT, label.rect.bottom + 4, COLUMN_WIDTH, height), manager
            )
            entry.set_text_length_limit(400)
            if name == "password":
                entry.set_text_hidden(True)
            entry.set_text(str(self.values[name]))
            self.entries[name] = entry
            self.widgets += [label, entry]
            order.append(entry)
            top = entry.rect.bottom + 4
            note = self._note(name, top)
            if note is not None:
                self.widgets.append(note)
                top = note.rect.bottom
            top += 8

        # the right column: the switch, then the outbox and what can be done with it
        top = heading.rect.bottom + 16
        label = self._small(tr(lang, "lrs_after_play"), RIGHT, top)
        switch = UIButton(
            pygame.Rect(RIGHT, label.rect.bottom + 4, COLUMN_WIDTH, height),
            self._switch_words(),
            manager,
            object_id=ObjectID(class_id="@choice"),
        )
        self.actions[switch] = "switch"
        self.widgets += [label, switch]
        order.append(switch)
        top = switch.rect.bottom + 16
        outbox = self._small(f"<b>{html.escape(tr(lang, 'lrs_outbox'))}</b>", RIGHT, top, False)
        self.status_box = self._small(self.status_words(), RIGHT, outbox.rect.bottom + 2)
        top = self.status_box.rect.bottom + 12
        check = UIButton(
            pygame.Rect(RIGHT, top, COLUMN_WIDTH, height), tr(lang, "lrs_check"), manager
        )
        send = UIButton(
            pygame.Rect(RIGHT, check.rect.bottom + 12, COLUMN_WIDTH, height),
            tr(lang, "lrs_send"),
            manager,
        )
        self.actions[check], self.actions[send] = "check", "send"
        self.check_button, self.send_button = check, send
        self.message_top = send.rect.bottom + 12
        self.message_box = self._message_box()
        self.widgets += [outbox, self.status_box, check, send, self.message_box]
        order += [check, send]

        button_top = theme.CANVAS[1] - 32 - height
        back, save = forms.bottom_buttons(app, LEFT, RIGHT + COLUMN_WIDTH, button_top, "lrs_save")
        self.actions[back], self.actions[save] = "back", "save"
        self.widgets += [back, save]
        room = save.rect.left - back.rect.right - 32
        if theme.font(settings, "small").size(tr(lang, "lrs_hint"))[0] + 16 <= room:
            hint = forms.small_text(
                app, tr(lang, "lrs_hint"), back.rect.right + 16, button_top, room
            )
            hint.set_relative_position(
                (back.rect.right + 16, button_top + (height - hint.rect.height) // 2)
            )
            self.widgets.append(hint)  # at large text sizes the keys go unsaid: no room
        order += [save, back]
        self._enable_jobs()
        app.focus.set(order)
        self.type_where_focused()
        app.dirty = True

    def _small(self, text: str, x: int, top: int, escape: bool = True) -> UITextBox:
        return forms.small_text(self.app, text, x, top, COLUMN_WIDTH, escape)

    def _note(self, name: str, top: int) -> UITextBox | None:
        """Under a field: what is wrong with the address, or a hint (None: nothing)."""
        lang, colours = self.app.lang, self.app.palette
        if name == "endpoint":
            words = self.error or tr(lang, "lrs_endpoint_hint")
            colour = colours.accent if self.error else colours.muted
        elif name == "password":
            words = tr(lang, "lrs_password_hint", folder=str(self.store.folder))
            colour = colours.muted
        else:
            return None
        return self._small(f'<font color="{colour}">{html.escape(words)}</font>', LEFT, top, False)

    def _message_box(self) -> UITextBox:
        colours = self.app.palette
        words = html.escape(self.message)
        if self.is_problem:
            words = f'<font color="{colours.accent}">{words}</font>'
        return forms.small_text(self.app, words, RIGHT, self.message_top, COLUMN_WIDTH, False)

    def _switch_words(self) -> str:
        on = bool(self.values["send_after_play"])
        return f"{tr(self.app.lang, 'value_on' if on else 'value_off')}  ‹ ›"

    def _enable_jobs(self) -> None:
        for button in (self.check_button, self.send_button):
            if self.job is None:
                button.enable()
            else:
                button.disable()

    def status_words(self) -> str:
        """This PC's outbox for the address typed, in words."""
        lang = self.app.lang
        endpoint = str(self.values["endpoint"]).strip()
        saves = self.app.folders.saves
        try:
            endpoint = endpoint_of(endpoint) if endpoint else ""
            if not endpoint:
                return tr(lang, "lrs_status_none", total=self._total())
            status = outbox_status(saves, endpoint)
        except LrsError:
            return tr(lang, "lrs_status_none", total=self._total())
        except RecordsError as error:
            return tr(lang, "lrs_problem_records", detail=str(error))
        counts = tr(
            lang, "lrs_status", waiting=status.waiting, sent=status.sent, refused=status.refused
        )
        return f"{counts}\n{tr(lang, 'lrs_status_for', endpoint=endpoint)}"

    def _total(self) -> int:
        saves = self.app.folders.saves
        if not (saves / FILE_NAME).exists():
            return 0
        try:
            with RecordStore(saves) as store:
                return store.count()
        except RecordsError:
            return 0

    def exit(self) -> None:
        self.keep_typed()
        super().exit()
        self.entries, self.actions = {}, {}
        self.app.has_garbage = True

    # -- acting -------------------------------------------------------------------------------

    def say(self, message: str, is_problem: bool = False) -> None:
        self.message, self.is_problem = message, is_problem
        self.rebuild()

    def checked(self) -> LrsConfig | None:
        """The typed account with its address checked; None after saying what is wrong."""
        config = self.config()
        self.error = ""
        if config.endpoint:
            try:
                endpoint_of(config.endpoint)
            except LrsError:
                self.error = tr(self.app.lang, "lrs_bad_address")
                return None
        return config

    def save(self) -> None:
        config = self.checked()
        if config is None:
            self.say("")
            return
        try:
            self.store.save(config)
        except OSError as error:
            self.say(tr(self.app.lang, "lrs_problem_other", detail=error.strerror or ""), True)
            return
        self.say(tr(self.app.lang, "lrs_saved"))

    def start(self, kind: str) -> None:
        """Start a connection test or a send of what is typed, in the background."""
        if self.job is not None:
            return
        config = self.checked()
        if config is None:
            self.say("")
            return
        if not config.is_set:
            self.error = tr(self.app.lang, "lrs_need_address")
            self.say("")
            return
        if kind == "check":
            self.job = start_check(config, timeout=CHECK_TIMEOUT)
            words = tr(self.app.lang, "lrs_checking")
        else:
            saves = self.app.folders.saves
            self.job = start_send(saves, config, timeout=SEND_TIMEOUT, attempts=SEND_ATTEMPTS)
            words = tr(self.app.lang, "lrs_sending", sent=0)
        self.job_kind, self.shown_progress = kind, (0, 0)
        self.say(words)

    def finish(self, outcome: Outcome) -> None:
        """A job ended: its result in words, and the outbox as it now stands."""
        lang = self.app.lang
        self.job = None
        summary = outcome.summary
        if not outcome.ok:
            self.say(problem_words(lang, outcome), True)
        elif self.job_kind == "check":
            self.say(tr(lang, "lrs_check_ok"))
        elif summary is not None and not (summary.sent or summary.already or summary.refusals):
            self.say(tr(lang, "lrs_nothing"))
        elif summary is not None:
            refused = summary.rejected + summary.conflicts
            words = tr(
                lang,
                "lrs_sent",
                sent=summary.sent,
                already=summary.already,
                refused=refused,
                left=summary.left,
            )
            self.say(words, bool(refused))

    def toggle(self) -> None:
        self.keep_typed()
        self.values["send_after_play"] = not self.values["send_after_play"]
        self.rebuild()

    def activate(self, widget: Any) -> None:
        action = self.actions.get(widget)
        if widget in self.entries.values():
            self.type_where_focused()
        elif action == "switch":
            self.toggle()
        elif action in ("check", "send"):
            self.start(action)
        elif action == "save":
            self.save()
        elif action == "back":
            self.app.pop()

    def step_value(self, widget: Any, step: int) -> None:
        if self.actions.get(widget) == "switch":
            self.toggle()

    def update(self, seconds: float) -> None:
        job = self.job
        if job is not None:
            outcome = job.outcome
            if outcome is not None:
                self.finish(outcome)
                return
            progress = job.progress
            if self.job_kind == "send" and progress != self.shown_progress:
                self.shown_progress = progress
                self.message = tr(self.app.lang, "lrs_sending", sent=progress[0])
                self.message_box.set_text(html.escape(self.message))
                self.app.dirty = True
        self.follow_clicked_entry()

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.fill(theme.rgb(self.app.palette.background))
