"""The learning notes: a list grouped by category, and a reader for one note.

Owns both views of the notes library. The list shows a heading per category
and a card per note (its title and summary) in a scrolling area; the reader
shows one note's title, its summary and body, its sources (with what they were
read through and a reminder to check the official text), and its related
notes as cards that open them. Keys: Tab or arrows move the focus ring (in the
reader, Up and Down scroll the text), Enter opens, Page Up/Down scroll, Esc or
Back returns: from a note to the list it was opened from, or, when the scene
was opened on one note (from the feedback panel), straight back to the caller.
Loading the notes is ``game.content.notes``'s; the app keeps the library.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIScrollingContainer, UITextBox

from game.core.notes import Note, Paragraph, category_name
from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

READER_WIDTH = 880  # about 70 characters of body text a line at 100%
CARD_GAP = 12
SCROLL_STEP = 80


def body_markup(note: Note, lang: str) -> str:
    """The reader's text: summary, paragraphs and list items, sources, and the caveat."""
    parts = [f"<i>{html.escape(note.summary.get(lang))}</i>", "<br><br>"]
    previous: Paragraph | None = None
    for paragraph in note.paragraphs(lang):
        if previous is not None:
            parts.append("<br>" if paragraph.is_item and previous.is_item else "<br><br>")
        marker = "•" if paragraph.marker == "-" else paragraph.marker
        prefix = f"<b>{html.escape(marker)}</b> " if marker else ""
        parts.append(prefix + html.escape(paragraph.text))
        previous = paragraph
    parts.append(f"<br><br><b>{html.escape(tr(lang, 'note_sources'))}</b>")
    for source in note.sources:
        parts.append("<br>• " + html.escape(source_text(source, lang)))
    if note.is_secondhand:
        parts.append(f"<br><br><i>{html.escape(tr(lang, 'note_secondhand'))}</i>")
    return "".join(parts)


def source_text(source: Any, lang: str) -> str:
    """One source as a line of the reader: title, issuer, year, address, what it was read via."""
    text = f"{source.title.get(lang).rstrip('.')}. {source.issuer.get(lang)}"
    text += f", {source.year}." if source.year is not None else "."
    if source.url:
        text += f" {source.url}"
    if source.via is not None:
        text += f" ({tr(lang, 'note_via')}: {source.via.get(lang)})"
    return text


class NotesScene(Scene):
    """The notes library; opened on ``note_id``, Back from that note returns to the caller."""

    def __init__(self, app: Any, note_id: str | None = None) -> None:
        super().__init__(app)
        self.library = app.notes()
        self.opened_on = note_id if note_id in self.library else None
        self.trail: list[str] = [self.opened_on] if self.opened_on else []
        self.widgets: list[Any] = []
        self.actions: dict[Any, str] = {}  # focusable widget -> note id, or "back"
        self.cards: list[Any] = []  # the invisible buttons over drawn cards
        self.card_tops: dict[Any, int] = {}  # card button -> its top inside the scroller
        self.scroller: Any = None
        self.text: Any = None  # the reader's text box
        self.list_scroll = 0.0  # where the list was when a note was opened from it
        self.list_scroll_note: str | None = None  # and which note was opened

    @property
    def note(self) -> Note | None:
        """The note being read, or None on the list."""
        return self.library.get(self.trail[-1]) if self.trail else None

    # -- building ---------------------------------------------------------------------------

    def enter(self) -> None:
        self.build()

    def exit(self) -> None:
        for widget in self.widgets:
            widget.kill()
        self.widgets, self.actions, self.cards, self.card_tops = [], {}, [], {}
        self.scroller = self.text = None
        self.app.has_garbage = True

    def build(self) -> None:
        self.exit()
        note = self.note
        if note is None:
            self._build_list()
        else:
            self._build_reader(note)
        self.app.dirty = True

    def _heading(self, text: str, width: int, x: int) -> UITextBox:
        box = UITextBox(
            f"<b>{html.escape(text)}</b>",
            pygame.Rect(x, 24, width, -1),
            self.app.manager,
            object_id=ObjectID(class_id="@heading_text"),
        )
        self.widgets.append(box)
        return box

    def _back_button(self, x: int) -> UIButton:
        line = theme.font(self.app.settings, "body").get_linesize()
        back = UIButton(
            pygame.Rect(x, theme.CANVAS[1] - 24 - (line + 16), 240, line + 16),
            tr(self.app.lang, "back"),
            self.app.manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.widgets.append(back)
        self.actions[back] = "back"
        return back

    def _scroller(self, left: int, top: int, width: int) -> UIScrollingContainer:
        line = theme.font(self.app.settings, "body").get_linesize()
        height = theme.CANVAS[1] - top - 24 - (line + 16) - 16
        scroller = UIScrollingContainer(
            pygame.Rect(left, top, width, height), self.app.manager, allow_scroll_x=False
        )
        self.widgets.append(scroller)
        self.scroller = scroller
        return scroller

    def _card(self, note: Note, top: int, width: int, summary: bool) -> int:
        """A card in the scroller: the title (and summary) over an invisible button."""
        lang, container = self.app.lang, self.scroller.get_container()
        markup = f"<b>{html.escape(note.title.get(lang))}</b>"
        if summary:
            markup += f"<br>{html.escape(note.summary.get(lang))}"
        box = UITextBox(
            markup,
            pygame.Rect(16, top + 10, width - 32, -1),
            self.app.manager,
            container=container,
            object_id=ObjectID(class_id="@choice_text"),
        )
        height = box.rect.height + 20
        hit = UIButton(
            pygame.Rect(0, top, width, height),
            "",
            self.app.manager,
            container=container,
            object_id=ObjectID(class_id="@hit"),
        )
        self.actions[hit] = note.note_id
        self.cards.append(hit)
        self.card_tops[hit] = top
        return height

    def _build_list(self) -> None:
        app, lang = self.app, self.app.lang
        left = (theme.CANVAS[0] - READER_WIDTH) // 2
        heading = self._heading(tr(lang, "learning_notes"), READER_WIDTH, left)
        scroller = self._scroller(left, heading.rect.bottom + 16, READER_WIDTH + 24)
        inner = READER_WIDTH  # the scroll bar sits to its right
        label_height = theme.font(app.settings, "name", bold=True).get_linesize() + 8
        top = 0
        for category, notes in self.library.by_category():
            label = UILabel(
                pygame.Rect(0, top, inner, label_height),
                category_name(category, lang),
                app.manager,
                container=scroller.get_container(),
                object_id=ObjectID(class_id="@name"),
            )
            del label  # it lives in the scroller, which kills it with itself
            top += label_height + 4
            for note in notes:
                top += self._card(note, top, inner, summary=True) + CARD_GAP
            top += 12
        scroller.set_scrollable_area_dimensions((inner, max(top, scroller.rect.height)))
        self._scroll_to(self.list_scroll)
        back = self._back_button(left)
        focus = [*self.cards, back]
        came_from = self.list_scroll_note
        index = next((i for i, w in enumerate(focus) if self.actions[w] == came_from), 0)
        app.focus.set(focus, index)
        self.reveal_focus()

    def _build_reader(self, note: Note) -> None:
        app, lang = self.app, self.app.lang
        left = (theme.CANVAS[0] - READER_WIDTH) // 2
        heading = self._heading(note.title.get(lang), READER_WIDTH, left)
        category = UILabel(
            pygame.Rect(left, heading.rect.bottom, READER_WIDTH, self._small_line()),
            f"{category_name(note.category, lang)} · {note.note_id}",
            app.manager,
            object_id=ObjectID(class_id="@small"),
        )
        self.widgets.append(category)
        scroller = self._scroller(left, category.rect.bottom + 12, READER_WIDTH + 24)
        container = scroller.get_container()
        self.text = UITextBox(
            body_markup(note, lang),
            pygame.Rect(0, 0, READER_WIDTH, -1),
            app.manager,
            container=container,
        )
        top = self.text.rect.height + 24
        related = [other for i in note.related if (other := self.library.get(i)) is not None]
        if related:
            label_height = theme.font(app.settings, "name", bold=True).get_linesize() + 8
            UILabel(
                pygame.Rect(0, top, READER_WIDTH, label_height),
                tr(lang, "note_related"),
                app.manager,
                container=container,
                object_id=ObjectID(class_id="@name"),
            )
            top += label_height + 4
            for other in related:
                top += self._card(other, top, READER_WIDTH, summary=False) + CARD_GAP
        scroller.set_scrollable_area_dimensions((READER_WIDTH, max(top, scroller.rect.height)))
        back = self._back_button(left)
        app.focus.set([*self.cards, back], len(self.cards))

    def _small_line(self) -> int:
        return theme.font(self.app.settings, "small").get_linesize() + 4

    # -- scrolling --------------------------------------------------------------------------

    def _scroll_fraction(self) -> float:
        bar = self.scroller.vert_scroll_bar if self.scroller is not None else None
        return float(bar.start_percentage) if bar is not None else 0.0

    def _scroll_to(self, fraction: float) -> None:
        bar = self.scroller.vert_scroll_bar if self.scroller is not None else None
        if bar is None:
            return
        limit = max(0.0, 1.0 - float(bar.visible_percentage))
        bar.set_scroll_from_start_percentage(min(limit, max(0.0, fraction)))
        self.app.dirty = True

    def scroll(self, pixels: int) -> None:
        """Scroll the list or the reader by ``pixels`` (negative: up)."""
        if self.scroller is None:
            return
        area = max(self.scroller.scrolling_height, 1)
        self._scroll_to(self._scroll_fraction() + pixels / area)

    def reveal_focus(self) -> None:
        """Scroll so the focused card is in view."""
        widget = self.app.focus.focused
        if widget not in self.card_tops or self.scroller is None:
            return
        if self.scroller.vert_scroll_bar is None:
            return
        view = self.scroller.rect
        area = max(self.scroller.scrolling_height, 1)
        top = self.card_tops[widget]
        shown = self._scroll_fraction() * area
        if top < shown:
            self._scroll_to(top / area)
        elif top + widget.rect.height > shown + view.height:
            self._scroll_to((top + widget.rect.height - view.height + 8) / area)

    # -- acting -----------------------------------------------------------------------------

    def open(self, note_id: str) -> None:
        """Read a note (from the list or a related card)."""
        if not self.trail:
            self.list_scroll = self._scroll_fraction()
            self.list_scroll_note = note_id
        self.trail.append(note_id)
        self.build()

    def activate(self, widget: Any) -> None:
        action = self.actions.get(widget)
        if action == "back":
            self.back_or_leave()
        elif action is not None:
            self.open(action)

    def back_or_leave(self) -> None:
        """Esc or Back: from a note one step back; from the list, leave the scene."""
        if not self.trail:
            self.app.pop()
            return
        self.trail.pop()
        if not self.trail and self.opened_on is not None:
            self.app.pop()
            return
        self.build()

    def handle(self, intent: Intent) -> None:
        reading = self.note is not None
        if intent.action in (Action.BACK, Action.MENU):
            self.back_or_leave()
        elif intent.action in (Action.PAGE_UP, Action.PAGE_DOWN):
            if intent.number == 0:  # keys; the wheel scrolls through pygame_gui already
                page = self.scroller.rect.height - 48 if self.scroller is not None else 0
                self.scroll(-page if intent.action is Action.PAGE_UP else page)
        elif reading and intent.action in (Action.UP, Action.DOWN):
            self.scroll(-SCROLL_STEP if intent.action is Action.UP else SCROLL_STEP)
        else:
            self.steer_focus(intent)

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.actions:
            self.app.focus.focus(event.ui_element)
            self.activate(event.ui_element)

    # -- drawing ----------------------------------------------------------------------------

    def draw_background(self, surface: pygame.Surface) -> None:
        colours = self.app.palette
        surface.fill(theme.rgb(colours.background))
        if self.note is not None and self.scroller is not None:
            page = self.scroller.rect.inflate(48, 24)
            page.width -= 24  # the scroll bar sits outside the page's right edge
            pygame.draw.rect(surface, theme.rgb(colours.paper), page, border_radius=12)
        if self.scroller is None:
            return
        clip = surface.get_clip()
        surface.set_clip(self.scroller.rect)
        for hit in self.cards:
            rect = hit.rect
            fill = theme.rgb(colours.panel)
            pygame.draw.rect(surface, fill, rect, border_radius=12)
            border = colours.primary if hit.hovered else colours.muted
            pygame.draw.rect(surface, theme.rgb(border), rect, 2, border_radius=12)
        surface.set_clip(clip)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The focus ring; a card's ring stays within the scrolling area it is clipped to."""
        if self.app.focus.focused not in self.card_tops or self.scroller is None:
            super().draw_overlay(surface)
            return
        clip = surface.get_clip()
        surface.set_clip(self.scroller.rect.inflate(8, 8))
        super().draw_overlay(surface)
        surface.set_clip(clip)
