"""The settings screen: every player setting as a row whose value button cycles its choices.

Owns the list of settings with their allowed values shown in words (never by colour
alone), cycling a value (Enter or a click goes forwards, the left and right arrows
either way) and handing the new settings to ``app.apply_settings``, which saves them
and rebuilds this screen at the new size, language or contrast; the focused row
survives the rebuild. A last row opens the Learning Record Store screen
(``scenes.lrs``), whose account is kept apart from these settings. It does not
store or apply settings itself.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIScrollingContainer, UITextBox

from game.persistence.settings import LANGUAGES, PLAY_MODES, TEXT_SCALES, TEXT_SPEEDS, Settings
from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

# Each setting with its values in the order a press cycles through them.
ROWS: tuple[tuple[str, tuple[Any, ...]], ...] = (
    ("lang", LANGUAGES),
    ("text_scale", TEXT_SCALES),
    ("text_speed", tuple(TEXT_SPEEDS)),
    ("play_mode", PLAY_MODES),
    ("high_contrast", (False, True)),
    ("dyslexic_font", (False, True)),
    ("reduced_motion", (False, True)),
    ("sound", (False, True)),
    ("fullscreen", (False, True)),
)
SHEET = pygame.Rect(160, 0, 960, 0)  # the column the screen uses (x and width)
ROW_GAP = 8
PAD = 16  # inside the sheet, above the first row and below the last
SCROLL_GUTTER = 24
CHEVRONS = "‹ ›"  # drawn at the right end of a value button: it cycles


def value_words(lang: str, name: str, value: Any) -> str:
    """A setting's value as the player reads it."""
    if name == "lang":
        return tr(lang, f"lang_{value}")
    if name == "text_scale":
        return f"{round(value * 100)}%"
    if name == "text_speed":
        return tr(lang, f"speed_{value}")
    if name == "play_mode":
        return tr(lang, f"mode_{value}")
    return tr(lang, "value_on" if value else "value_off")


def cycled(settings: Settings, name: str, step: int) -> Settings:
    """``settings`` with ``name`` moved ``step`` places along its values (wrapping round)."""
    values = dict(ROWS)[name]
    current = getattr(settings, name)
    index = values.index(current) if current in values else 0
    return settings.with_changes(**{name: values[(index + step) % len(values)]})


def reveal(scroller: Any, widget: Any, top: int) -> None:
    """Scroll ``scroller`` so ``widget`` (whose row starts ``top`` px down its content) shows."""
    bar = scroller.vert_scroll_bar
    if bar is None or scroller.rect.contains(widget.rect):
        return
    area = max(scroller.scrolling_height, 1)
    view = scroller.rect.height
    target = top - max(0, (view - widget.rect.height) // 2)
    bar.set_scroll_from_start_percentage(min(1.0, max(0.0, target / area)))


def bottom_bar(app: Any, hint: str, column: pygame.Rect = SHEET) -> tuple[UIButton, UITextBox, int]:
    """Back and a key hint beside it, across ``column`` at the bottom; returns them and its top."""
    settings, manager, lang = app.settings, app.manager, app.lang
    body = theme.font(settings, "body")
    height = body.get_linesize() + 16
    width = max(200, body.size(tr(lang, "back"))[0] + 64)
    x = column.x + width + 24
    note = UITextBox(
        hint,
        pygame.Rect(x, 0, column.right - x, -1),
        manager,
        object_id=ObjectID(class_id="@small_text"),
    )
    bar = max(height, note.rect.height)
    top = theme.CANVAS[1] - 32 - bar
    note.set_relative_position((x, top + (bar - note.rect.height) // 2))
    back = UIButton(
        pygame.Rect(column.x, top + (bar - height) // 2, width, height),
        tr(lang, "back"),
        manager,
    )
    return back, note, top


class SettingsScene(Scene):
    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.focus_index = 0  # kept across the rebuild every change causes
        self.message = ""
        self.widgets: list[Any] = []
        self.rows: dict[Any, str] = {}
        self.row_tops: dict[Any, int] = {}
        self.lrs_button: Any = None

    def enter(self) -> None:
        app, manager, lang, settings = self.app, self.app.manager, self.app.lang, self.app.settings
        body = theme.font(settings, "body")
        heading_height = theme.font(settings, "heading", bold=True).get_linesize() + 8
        heading = UILabel(
            pygame.Rect(SHEET.x, 32, SHEET.width, heading_height),
            tr(lang, "settings"),
            manager,
            object_id=ObjectID(class_id="@heading"),
        )
        hint = tr(lang, "settings_hint")
        if self.message:
            hint = f"<b>{html.escape(self.message)}</b><br>{hint}"
        self.back, note, bar_top = bottom_bar(app, hint)
        self.widgets = [heading, note, self.back]

        top = heading.rect.bottom + 16
        view = pygame.Rect(SHEET.x, top, SHEET.width, bar_top - 16 - top)
        row_height = body.get_linesize() + 16
        count = len(ROWS) + 1  # and the LRS row
        content = 2 * PAD + count * row_height + (count - 1) * ROW_GAP
        scrolls = content > view.height
        inner = view.width - (SCROLL_GUTTER if scrolls else 0)
        self.scroller = UIScrollingContainer(view, manager, allow_scroll_x=False)
        self.scroller.set_scrollable_area_dimensions((inner, max(content, view.height)))
        self.widgets.append(self.scroller)
        self.sheet = view

        every_value = [value_words(lang, name, v) for name, values in ROWS for v in values]
        every_value.append(tr(lang, "lrs_open"))
        # the value, left-aligned after the button's padding, then a gap and the chevrons
        value_width = max(body.size(words)[0] for words in every_value) + 16 + 24
        value_width += body.size(CHEVRONS)[0] + 16
        label_width = inner - 2 * PAD - value_width - 16
        self.rows, self.row_tops = {}, {}
        y = PAD
        for name, _ in ROWS:
            label = UILabel(
                pygame.Rect(PAD, y, label_width, row_height),
                tr(lang, f"setting_{name}"),
                manager,
                container=self.scroller.get_container(),
            )
            button = UIButton(
                pygame.Rect(inner - PAD - value_width, y, value_width, row_height),
                value_words(lang, name, getattr(settings, name)),
                manager,
                container=self.scroller.get_container(),
                object_id=ObjectID(class_id="@choice"),
            )
            self.widgets.append(label)
            self.rows[button] = name
            self.row_tops[button] = y
            y += row_height + ROW_GAP
        label = UILabel(
            pygame.Rect(PAD, y, label_width, row_height),
            tr(lang, "lrs_entry"),
            manager,
            container=self.scroller.get_container(),
        )
        self.lrs_button = UIButton(
            pygame.Rect(inner - PAD - value_width, y, value_width, row_height),
            tr(lang, "lrs_open"),
            manager,
            container=self.scroller.get_container(),
            object_id=ObjectID(class_id="@choice"),
        )
        self.widgets.append(label)
        self.row_tops[self.lrs_button] = y
        app.focus.set([*self.rows, self.lrs_button, self.back], self.focus_index)
        self._reveal()

    def exit(self) -> None:
        for widget in self.widgets:
            widget.kill()
        self.widgets = []
        self.rows, self.row_tops = {}, {}

    # -- acting -------------------------------------------------------------------------------

    def change(self, name: str, step: int) -> None:
        """Move setting ``name`` along its values; the app saves it and rebuilds this screen."""
        self.focus_index = self.app.focus.index
        self.message = ""
        previous = self.app.settings
        settings = cycled(previous, name, step)
        if not self.app.apply_settings(settings):
            # The display refused full screen: the window stays as it was; say so.
            self.message = tr(self.app.lang, "fullscreen_unavailable")
            self.exit()
            self.enter()

    def activate(self, widget: Any) -> None:
        if widget is self.back:
            self.app.pop()
        elif widget is self.lrs_button:
            from game.ui.gui.scenes.lrs import LrsScene

            self.focus_index = self.app.focus.index
            self.app.push(LrsScene(self.app))
        elif widget in self.rows:
            self.app.focus.focus(widget)
            self.change(self.rows[widget], 1)

    def _reveal(self) -> None:
        widget = self.app.focus.focused
        if widget in self.row_tops:
            reveal(self.scroller, widget, self.row_tops[widget])

    def handle(self, intent: Intent) -> None:
        focus = self.app.focus
        if intent.action in (Action.DOWN, Action.NEXT_FOCUS):
            focus.move(1)
            self.focus_index = focus.index
            self._reveal()
        elif intent.action in (Action.UP, Action.PREVIOUS_FOCUS):
            focus.move(-1)
            self.focus_index = focus.index
            self._reveal()
        elif intent.action in (Action.LEFT, Action.RIGHT) and focus.focused in self.rows:
            self.change(self.rows[focus.focused], 1 if intent.action is Action.RIGHT else -1)
        elif intent.action is Action.CONFIRM and focus.focused is not None:
            self.activate(focus.focused)
        elif intent.action is Action.BACK:
            self.app.pop()

    # -- drawing ------------------------------------------------------------------------------

    def draw_background(self, surface: pygame.Surface) -> None:
        colours = self.app.palette
        surface.fill(theme.rgb(colours.background))
        pygame.draw.rect(surface, theme.rgb(colours.panel), self.sheet, border_radius=12)
        pygame.draw.rect(surface, theme.rgb(colours.muted), self.sheet, 1, border_radius=12)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        colours = self.app.palette
        surface.set_clip(self.sheet)
        chevrons = theme.font(self.app.settings, "body").render(
            CHEVRONS, True, theme.rgb(colours.muted)
        )
        for button in self.rows:
            surface.blit(
                chevrons, chevrons.get_rect(midright=(button.rect.right - 16, button.rect.centery))
            )
        # a row's ring stays within the sheet even while the mouse wheel scrolls it away
        in_sheet = self.app.focus.focused in self.row_tops
        surface.set_clip(self.sheet.inflate(12, 12) if in_sheet else None)
        self.app.focus.draw(surface, theme.rgb(colours.focus))
        surface.set_clip(None)
