"""The load screen: every saved play that can be taken up again, newest first.

Owns listing the unfinished autosave and the named slots of each playable
scenario (or of one), each as a card with the scenario's title, the slot name,
the local time it was saved, the node and the mode, and an unreadable one as not
loadable in words; loading one (a damaged file or a save that no longer fits its
scenario is reported on the screen, never as a traceback) and handing it to the
play scene. Reading and setting aside save files is the save store's job.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIPanel, UIScrollingContainer, UITextBox

from game.core.model import Scenario
from game.errors import PerekatError, SaveError
from game.persistence.saves import SLOT_NAME, SaveHeader
from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.scenes.settings import bottom_bar, reveal
from game.ui.gui.strings import tr
from game.ui.terminal.messages import translate

CARD_GAP = 12
LIST = pygame.Rect(theme.MARGIN, 0, theme.CANVAS[0] - 2 * theme.MARGIN, 0)  # x and width
OLDEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class SavedPlay:
    """One row: where the save lives and what its header says (None when unreadable)."""

    scenario: Scenario
    path: Path
    slot: str  # "" for the autosave
    header: SaveHeader | None
    problem: str = ""  # why it cannot be loaded, when that is already known

    @property
    def moment(self) -> datetime:
        return saved_moment(self.header.saved_at) if self.header else OLDEST


def saved_moment(saved_at: str) -> datetime:
    """A header's ``saved_at`` as an aware time (the oldest possible when it is not one)."""
    try:
        moment = datetime.fromisoformat(saved_at)
    except ValueError:
        return OLDEST
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def local_time(saved_at: str) -> str:
    """``saved_at`` in the player's local time as YYYY-MM-DD HH:MM (as written if unparsable)."""
    moment = saved_moment(saved_at)
    if moment == OLDEST:
        return saved_at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def saved_plays(app: Any, only: Scenario | None = None) -> list[SavedPlay]:
    """Unfinished autosaves and named slots of the playable scenarios, newest first."""
    found: list[SavedPlay] = []
    for result in app.scenarios():
        scenario = result.scenario
        if scenario is None or (only is not None and scenario.scenario_id != only.scenario_id):
            continue
        path = app.saves.autosave_path(scenario.scenario_id)
        if path.exists():
            try:
                save = app.saves.read(path)
            except SaveError as error:  # set aside by read(); say so on its row
                found.append(SavedPlay(scenario, path, "", None, translate(app.lang, str(error))))
            else:
                if not save.state.is_finished:
                    found.append(SavedPlay(scenario, path, "", save.header))
        for name, header in app.saves.slots(scenario.scenario_id):
            if not SLOT_NAME.match(name):
                continue  # a file set aside earlier ("name.damaged-...json"), not a slot
            found.append(
                SavedPlay(scenario, app.saves.slot_path(scenario.scenario_id, name), name, header)
            )
    return sorted(found, key=lambda play: play.moment, reverse=True)


class LoadScene(Scene):
    def __init__(self, app: Any, scenario: Scenario | None = None) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.message = ""  # why the last load failed
        self.focus_index = 0
        self.widgets: list[Any] = []
        self.rows: dict[Any, SavedPlay] = {}
        self.row_tops: dict[Any, int] = {}
        self.scroller: UIScrollingContainer | None = None
        self.view = pygame.Rect(LIST)
        self.alert: pygame.Rect | None = None

    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        title = (
            tr(lang, "load_game_of", title=self.scenario.title.get(lang))
            if self.scenario is not None
            else tr(lang, "load_game")
        )
        heading = UITextBox(
            f"<b>{html.escape(title)}</b>",
            pygame.Rect(LIST.x, 32, LIST.width, -1),
            manager,
            object_id=ObjectID(class_id="@heading_text"),
        )
        plays = saved_plays(app, self.scenario)
        hint = tr(lang, "load_hint") if plays else ""
        self.back, note, bar_top = bottom_bar(app, hint, LIST)
        self.widgets = [heading, note, self.back]
        bottom = bar_top - 16
        self.alert = None
        if self.message:
            box = UITextBox(
                f"<b>{tr(lang, 'load_failed')}</b> {html.escape(self.message)}",
                pygame.Rect(LIST.x + 16, 0, LIST.width - 32, -1),
                manager,
                object_id=ObjectID(class_id="@small_text"),
            )
            self.alert = pygame.Rect(LIST.x, 0, LIST.width, box.rect.height + 24)
            self.alert.bottom = bottom
            box.set_relative_position((LIST.x + 16, self.alert.y + 12))
            self.widgets.append(box)
            bottom = self.alert.y - 16
        top = heading.rect.bottom + 16
        view = pygame.Rect(LIST.x, top, LIST.width, bottom - top)
        self.view = view
        self.rows, self.row_tops = {}, {}
        if not plays:
            self.scroller = None
            self.widgets.append(
                UITextBox(
                    html.escape(tr(lang, "no_saves")),
                    pygame.Rect(view.x + 24, view.y + 24, min(view.width - 48, 880), -1),
                    manager,
                )
            )
            app.focus.set([self.back])
            return
        self.scroller = UIScrollingContainer(view, manager, allow_scroll_x=False)
        self.widgets.append(self.scroller)
        for inner in (view.width, view.width - 24):  # full width unless a scroll bar is needed
            self.rows, self.row_tops, cards, y = {}, {}, [], 0
            for number, play in enumerate(plays, start=1):
                cards.append(self._card(play, number, y, inner))
                y += cards[-1].rect.height + CARD_GAP
            height = y - CARD_GAP
            if height <= view.height or inner < view.width:
                break
            for card in cards:
                card.kill()
        self.scroller.set_scrollable_area_dimensions((inner, max(height, view.height)))
        app.focus.set([*self.rows, self.back], self.focus_index)
        self.reveal_focus()

    def _card(self, play: SavedPlay, number: int, top: int, width: int) -> UIPanel:
        """Lay out one saved play from its content's real sizes."""
        assert self.scroller is not None
        settings, manager, lang = self.app.settings, self.app.manager, self.app.lang
        body = theme.font(settings, "body")
        button_width = body.size(tr(lang, "load"))[0] + 64
        button_height = body.get_linesize() + 16
        text_width = width - button_width - 56
        panel = UIPanel(
            pygame.Rect(0, top, width, 100),
            manager=manager,
            container=self.scroller.get_container(),
        )
        prefix = f"{number}. " if number <= 9 else ""
        title = UITextBox(
            f"<b>{html.escape(prefix + play.scenario.title.get(lang))}</b>",
            pygame.Rect(16, 12, text_width, -1),
            manager,
            container=panel,
        )
        header = play.header
        slot = play.slot or tr(lang, "autosave")
        if header is not None:
            notes = [
                tr(
                    lang,
                    "save_details",
                    slot=slot,
                    time=local_time(header.saved_at),
                    node=header.node_id,
                    mode=tr(lang, f"mode_{header.mode}"),
                )
            ]
            if header.scenario_hash != play.scenario.content_hash:
                notes.append(tr(lang, "save_changed"))
            markup = "<br>".join(html.escape(note) for note in notes)
        else:
            markup = (
                f"{html.escape(tr(lang, 'save_slot', slot=slot))}<br>"
                f"<b>{html.escape(play.problem or tr(lang, 'save_unreadable'))}</b>"
            )
        details = UITextBox(
            markup,
            pygame.Rect(16, title.get_relative_rect().bottom + 4, text_width, -1),
            manager,
            container=panel,
            object_id=ObjectID(class_id="@small_text"),
        )
        box_bottom = details.get_relative_rect().bottom
        height = max(box_bottom + 12, button_height + 24)
        button = UIButton(
            pygame.Rect(
                width - button_width - 16,
                (height - button_height) // 2,
                button_width,
                button_height,
            ),
            tr(lang, "load"),
            manager,
            container=panel,
            object_id=ObjectID(class_id="@primary" if header is not None else "@choice"),
        )
        panel.set_dimensions((width, height))
        self.rows[button] = play
        self.row_tops[button] = top
        return panel

    def exit(self) -> None:
        for widget in self.widgets:
            widget.kill()
        self.widgets = []
        self.rows, self.row_tops = {}, {}

    # -- acting -------------------------------------------------------------------------------

    def load(self, play: SavedPlay) -> None:
        """Read the save and play it in place of this screen; on failure, say why here."""
        from game.ui.gui.scenes.play import PlayScene

        app, scenario = self.app, play.scenario
        if play.problem:
            self.fail(play.problem)
            return
        try:
            save = app.saves.read(play.path)
            if save.header.scenario_id != scenario.scenario_id:
                raise SaveError(
                    f"{play.path} is a save of '{save.header.scenario_id}', "
                    f"not of '{scenario.scenario_id}'"
                )
            scene = PlayScene(app, scenario, save=save)
        except PerekatError as error:
            self.fail(translate(app.lang, str(error)))
            return
        if play.slot:
            # The loaded slot becomes the current play: keep any other unfinished autosave aside.
            app.saves.retire_autosave(scenario.scenario_id)
        app.replace(scene)

    def fail(self, message: str) -> None:
        """Show why a save could not be loaded, with the list as it now stands."""
        self.message = message
        self.focus_index = self.app.focus.index
        self.exit()
        self.enter()
        self.app.dirty = True

    def activate(self, widget: Any) -> None:
        if widget is self.back:
            self.app.pop()
        elif widget in self.rows:
            self.app.focus.focus(widget)
            self.load(self.rows[widget])

    def reveal_focus(self) -> None:
        widget = self.app.focus.focused
        if self.scroller is not None and widget in self.row_tops:
            reveal(self.scroller, widget, self.row_tops[widget])

    def handle(self, intent: Intent) -> None:
        if self.steer_focus(intent):
            return
        if intent.action is Action.CHOOSE and 1 <= intent.number <= len(self.rows):
            self.activate(list(self.rows)[intent.number - 1])
        elif intent.action is Action.BACK:
            self.app.pop()

    # -- drawing ------------------------------------------------------------------------------

    def draw_background(self, surface: pygame.Surface) -> None:
        colours = self.app.palette
        surface.fill(theme.rgb(colours.background))
        if self.alert is not None:
            pygame.draw.rect(surface, theme.rgb(colours.panel), self.alert, border_radius=12)
            pygame.draw.rect(surface, theme.rgb(colours.accent), self.alert, 3, border_radius=12)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        if self.app.focus.focused in self.rows:
            surface.set_clip(self.view.inflate(12, 12))
        self.app.focus.draw(surface, theme.rgb(self.app.palette.focus))
        surface.set_clip(None)
