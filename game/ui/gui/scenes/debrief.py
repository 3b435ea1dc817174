"""The class debrief screen: a class's learning records, page by page, for a projector.

Owns reading what the facilitator picked (shown first as a "reading" frame,
then read in one go: a class of 40 takes well under a second), the tabs of the
pages (summary, decisions, paths, groups when there are any, reflections,
guide), switching them (Left/Right, 1-6, a click, or Tab and Enter on a tab),
scrolling the page (Up/Down, Page Up/Down, the wheel) and the way back (Esc or
the button). Reading failures are shown as sentences with the way back. What a
page shows is ``debrief_pages``'s; reading is ``class_reading``'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.ui.gui import theme
from game.ui.gui.class_reading import ClassReading, read_class
from game.ui.gui.debrief_sheet import Sheet
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.scenes.debrief_pages import PageBuilder, pages
from game.ui.gui.strings import tr

WIDTH = theme.CANVAS[0] - 2 * theme.MARGIN
TAB_GAP = 8
SCROLLBAR = 8


class DebriefScene(Scene):
    """The debrief of ``sources`` (files and folders) and of this PC's ``session``, if named."""

    def __init__(self, app: Any, sources: list[Path], session: str | None = None) -> None:
        super().__init__(app)
        self.sources, self.session = list(sources), session
        self.reading: ClassReading | None = None
        self.has_shown_wait = False  # the "reading" frame was drawn: read on the next turn
        self.pages: list[tuple[str, PageBuilder]] = []
        self.page = 0
        self.scroll = 0
        self.sheets: dict[int, Sheet] = {}
        self.tabs: list[Any] = []
        self.back: UIButton | None = None
        self.view = pygame.Rect(theme.MARGIN, 160, WIDTH - 2 * SCROLLBAR, 460)

    # -- reading ----------------------------------------------------------------------------

    def load(self) -> ClassReading:
        """Read the records now (the first turn after the "reading" frame does this)."""
        app = self.app
        scenarios = [r.scenario for r in app.scenarios() if r.scenario is not None]
        self.reading = read_class(self.sources, scenarios, app.lang, self.session, app.saves.root)
        debrief = self.reading.debrief
        self.pages = pages(debrief) if debrief is not None else []
        self.page = self.page if self.page < len(self.pages) else 0  # kept on a new language
        self.scroll, self.sheets = 0, {}
        self.build()
        return self.reading

    @property
    def is_animating(self) -> bool:
        return self.reading is None

    def update(self, seconds: float) -> None:
        if self.reading is None and self.has_shown_wait:
            self.load()

    # -- building ---------------------------------------------------------------------------

    def enter(self) -> None:
        """Build; after a settings change the pages are laid out again (and read again in
        another language: the debrief's texts are the scenario's in one language)."""
        debrief = self.reading.debrief if self.reading is not None else None
        if debrief is not None and debrief.lang != self.app.lang:
            self.reading, self.has_shown_wait = None, False
        self.sheets = {}
        self.build()

    def exit(self) -> None:
        super().exit()
        self.tabs, self.back = [], None
        self.app.has_garbage = True

    def build(self) -> None:
        """The heading, the tabs and the back button (the page itself is drawn, not widgets)."""
        self.exit()
        app, lang, settings = self.app, self.app.lang, self.app.settings
        title = tr(lang, "debrief_title")
        debrief = self.reading.debrief if self.reading is not None else None
        if debrief is not None and debrief.title:
            title += f": {debrief.title}"
        heading_height = theme.font(settings, "heading", bold=True).get_linesize() + 8
        heading = UILabel(
            pygame.Rect(theme.MARGIN, 20, WIDTH, heading_height),
            title,
            app.manager,
            object_id=ObjectID(class_id="@heading"),
        )
        line = theme.font(settings, "body").get_linesize()
        self.back = UIButton(
            pygame.Rect(theme.MARGIN, theme.CANVAS[1] - 24 - (line + 16), 240, line + 16),
            tr(lang, "back"),
            app.manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.widgets = [heading, self.back]
        top = heading.rect.bottom + 8
        if self.reading is not None and debrief is None:
            message = UITextBox(
                f'<font color="{app.palette.accent}">{_escape(self.reading.error)}</font>',
                pygame.Rect(theme.MARGIN, top + 24, WIDTH, -1),
                app.manager,
            )
            self.widgets.append(message)
        self.tabs = self._tabs(top) if debrief is not None else []
        bottom = self.back.rect.top - 16
        view_top = (self.tabs[0].rect.bottom if self.tabs else top) + 16
        self.view = pygame.Rect(theme.MARGIN, view_top, WIDTH - 2 * SCROLLBAR, bottom - view_top)
        app.focus.set([*self.tabs, self.back], self.page if self.tabs else 0)
        app.dirty = True

    def _tabs(self, top: int) -> list[Any]:
        """One button per page, as wide as its words; the small type when they would not fit."""
        app, lang = self.app, self.app.lang
        labels = [tr(lang, key) for key, _ in self.pages]
        role, object_class = "body", "@choice"
        font = theme.font(app.settings, role)
        total = sum(font.size(label)[0] + 40 for label in labels) + TAB_GAP * (len(labels) - 1)
        if total > WIDTH:
            role, object_class = "small", "@small_button"
            font = theme.font(app.settings, role)
        height = font.get_linesize() + 16
        x, tabs = theme.MARGIN, list[Any]()
        for index, label in enumerate(labels):
            width = font.size(label)[0] + 40
            shown = "@primary" if index == self.page and role == "body" else object_class
            tab: Any = UIButton(
                pygame.Rect(x, top, width, height),
                label,
                app.manager,
                object_id=ObjectID(class_id=shown),
            )
            tabs.append(tab)
            x += width + TAB_GAP
        self.widgets += tabs
        return tabs

    def sheet(self, index: int | None = None) -> Sheet | None:
        """Page ``index`` (default: the one shown) laid out, built the first time it is asked."""
        index = self.page if index is None else index
        reading = self.reading
        if reading is None or reading.debrief is None or reading.records is None:
            return None
        if index not in self.sheets:
            sheet = Sheet(self.view.width, self.app.settings, view_height=self.view.height)
            self.pages[index][1](sheet, reading.debrief, reading.records)
            self.sheets[index] = sheet
        return self.sheets[index]

    # -- acting -----------------------------------------------------------------------------

    def show(self, index: int) -> None:
        """Turn to page ``index`` (wrapping round), scrolled to its top."""
        if not self.pages:
            return
        self.page, self.scroll = index % len(self.pages), 0
        self.build()

    def scroll_by(self, pixels: int) -> None:
        sheet = self.sheet()
        if sheet is None:
            return
        most = max(0, sheet.height - self.view.height)
        self.scroll = min(most, max(0, self.scroll + pixels))
        self.app.dirty = True

    def activate(self, widget: Any) -> None:
        if widget is self.back:
            self.app.pop()
        elif widget in self.tabs:
            self.show(self.tabs.index(widget))

    def handle(self, intent: Intent) -> None:
        action, step = intent.action, theme.font(self.app.settings, "body").get_linesize() * 2
        if action in (Action.BACK, Action.MENU):
            self.app.pop()
        elif action in (Action.LEFT, Action.RIGHT):
            self.show(self.page + (1 if action is Action.RIGHT else -1))
        elif action is Action.CHOOSE:
            if 1 <= intent.number <= len(self.pages):
                self.show(intent.number - 1)
        elif action in (Action.UP, Action.DOWN):
            self.scroll_by(step if action is Action.DOWN else -step)
        elif action in (Action.PAGE_UP, Action.PAGE_DOWN):
            pixels = step * intent.number if intent.number else self.view.height - 48
            self.scroll_by(pixels if action is Action.PAGE_DOWN else -pixels)
        elif action is Action.CONFIRM and self.reading is not None and self.reading.debrief is None:
            self.app.pop()  # on a failure, Enter goes back as well
        else:
            self.steer_focus(intent)

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.app.focus.focus(event.ui_element)
            self.activate(event.ui_element)

    # -- drawing ----------------------------------------------------------------------------

    def draw_background(self, surface: pygame.Surface) -> None:
        colours, settings = self.app.palette, self.app.settings
        surface.fill(theme.rgb(colours.background))
        if self.reading is None:
            font = theme.font(settings, "heading")
            image = font.render(tr(self.app.lang, "debrief_reading"), True, theme.rgb(colours.ink))
            surface.blit(image, image.get_rect(center=(theme.CANVAS[0] // 2, 360)))
            self.has_shown_wait = True
            return
        if self.tabs:  # the page shown, underlined (the small tabs have no filled style)
            tab = self.tabs[self.page].rect
            line = pygame.Rect(tab.x + 8, tab.bottom + 5, tab.width - 16, 4)
            pygame.draw.rect(surface, theme.rgb(colours.primary), line, border_radius=2)
        sheet = self.sheet()
        if sheet is None:
            return
        sheet.draw(surface, self.view, self.scroll)
        if sheet.height > self.view.height:  # a scroll bar: there is more below (or above)
            track = pygame.Rect(self.view.right + SCROLLBAR, self.view.y, SCROLLBAR, self.view.h)
            pygame.draw.rect(surface, theme.rgb(colours.locked), track, border_radius=4)
            thumb = track.copy()
            thumb.height = max(24, track.height * self.view.height // sheet.height)
            room = max(1, sheet.height - self.view.height)
            thumb.y += (track.height - thumb.height) * self.scroll // room
            pygame.draw.rect(surface, theme.rgb(colours.primary), thumb, border_radius=4)
        if self.back is not None and self.pages:
            small = theme.font(settings, "small")
            hint = small.render(tr(self.app.lang, "debrief_hint"), True, theme.rgb(colours.muted))
            surface.blit(hint, hint.get_rect(midleft=(self.back.rect.right + 24,
                                                      self.back.rect.centery)))  # fmt: skip


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
