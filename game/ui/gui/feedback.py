"""The learning-mode feedback panel: the rating per competency, then the words.

Owns the panel's frame and the drawn part (the heading, one labelled row of five
dots per assessed competency in its colour, a red border when a rule was
broken), sized from the player's text size, and its widgets: the feedback text
(``feedback_markup``, which the facilitated outcome shares), a "read the note"
button per learning note the choice names, and Continue. The play scene decides
when the panel shows and what its buttons do.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UITextBox

from game.core.model import COMPETENCIES, Choice
from game.persistence.settings import Settings
from game.ui.gui import theme
from game.ui.gui.strings import tr


def _rows(settings: Settings) -> tuple[int, int, int]:
    """Offsets from the panel's top: the rating labels, the dots, and the text."""
    labels = 24 + theme.font(settings, "heading", bold=True).get_linesize() + 8
    dots = labels + theme.font(settings, "small", bold=True).get_linesize() + 14
    return labels, dots, dots + 28


def feedback_frame(settings: Settings) -> tuple[pygame.Rect, int]:
    """The panel, and where its text starts."""
    box = pygame.Rect(200, theme.MARGIN, 880, 720 - 2 * theme.MARGIN)
    return box, box.y + _rows(settings)[2]


def draw_feedback(surface: pygame.Surface, settings: Settings, choice: Choice) -> None:
    colours, lang = theme.palette(settings), settings.lang
    box, _ = feedback_frame(settings)
    labels_y, dots_y, _ = (box.y + offset for offset in _rows(settings))
    shade = pygame.Surface(box.size, pygame.SRCALPHA)
    pygame.draw.rect(
        shade, (*theme.rgb(colours.panel)[:3], 248), shade.get_rect(), border_radius=16
    )
    surface.blit(shade, box.topleft)
    heading = theme.font(settings, "heading", bold=True)
    surface.blit(
        heading.render(tr(lang, "rating"), True, theme.rgb(colours.ink)),
        (box.x + 32, box.y + 24),
    )
    small = theme.font(settings, "small", bold=True)
    x = box.x + 32
    for name in COMPETENCIES:
        rating = choice.ratings.get(name)
        if rating is None:
            continue
        colour = theme.rgb(getattr(colours, name))
        label = small.render(f"{name} {rating}/5", True, theme.rgb(colours.ink))
        surface.blit(label, (x, labels_y))
        for dot in range(5):
            centre = (x + 10 + dot * 24, dots_y)
            if dot < rating:
                pygame.draw.circle(surface, colour, centre, 9)
            pygame.draw.circle(surface, theme.rgb(colours.ink), centre, 9, 2)
        x += max(label.get_width(), 130) + 40
    if choice.violation is not None:
        pygame.draw.rect(surface, theme.rgb(colours.accent), box, 4, border_radius=16)


def feedback_markup(choice: Choice, lang: str) -> str:
    """The choice, its feedback and any rule it breaks, as pygame_gui text markup."""
    parts = [f"<b>{html.escape(choice.text.get(lang))}</b>"]
    if choice.feedback is not None:
        parts.append(html.escape(choice.feedback.get(lang)))
    if choice.violation is not None:
        violation = choice.violation
        detail = html.escape(violation.text.get(lang)) if violation.text else ""
        parts.append(
            f"<b>{tr(lang, 'violation')}: {html.escape(violation.rule)} "
            f"[{violation.severity}]</b> {detail}"
        )
    return "<br><br>".join(parts)


@dataclass
class FeedbackWidgets:
    """The panel's widgets: the text, a button per note (with the note's id), and Continue."""

    text: Any
    continue_button: Any
    note_buttons: dict[Any, str] = field(default_factory=dict)

    @property
    def all(self) -> list[Any]:
        return [self.text, *self.note_buttons, self.continue_button]


def build_feedback(app: Any, choice: Choice) -> FeedbackWidgets:
    """The panel's widgets for ``choice``, placed inside ``feedback_frame``."""
    manager, lang, settings = app.manager, app.lang, app.settings
    box, text_top = feedback_frame(settings)
    button_height = theme.font(settings, "body").get_linesize() + 16
    places = note_places(app, choice, box, button_height)
    text_bottom = min([box.bottom - 88, *(rect.top - 16 for rect, _ in places)])
    text = UITextBox(
        feedback_markup(choice, lang),
        pygame.Rect(box.x + 32, text_top, box.width - 64, text_bottom - text_top),
        manager,
    )
    buttons = {}
    for rect, note in places:
        label = tr(lang, "read_note", title=note.title.get(lang))
        note_button = UIButton(rect, label, manager, object_id=ObjectID(class_id="@small_button"))
        buttons[note_button] = note.note_id
    button = UIButton(
        pygame.Rect(box.right - 272, box.bottom - 24 - button_height, 240, button_height),
        tr(lang, "continue_story"),
        manager,
        object_id=ObjectID(class_id="@primary"),
    )
    return FeedbackWidgets(text, button, buttons)


def note_places(
    app: Any, choice: Choice, box: pygame.Rect, continue_height: int
) -> list[tuple[pygame.Rect, Any]]:
    """Where the "read the note" buttons go: stacked beside Continue when their labels
    fit there, else across the panel above it (the feedback text keeps the rest)."""
    if not choice.notes:
        return []
    library, lang = app.notes(), app.lang
    notes = [note for i in choice.notes if (note := library.get(i)) is not None]
    if not notes:
        return []
    small = theme.font(app.settings, "small")
    height, gap = small.get_linesize() + 16, 8
    widest = max(small.size(tr(lang, "read_note", title=n.title.get(lang)))[0] for n in notes)
    beside = box.width - 64 - 240 - 16
    width = beside if widest + 40 <= beside else box.width - 64
    bottom = box.bottom - 24 if width == beside else box.bottom - 24 - continue_height - gap
    top = bottom - len(notes) * height - (len(notes) - 1) * gap
    return [
        (pygame.Rect(box.x + 32, top + index * (height + gap), width, height), note)
        for index, note in enumerate(notes)
    ]
