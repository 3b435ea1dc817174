"""The learning-mode feedback panel: the rating per competency, then the words.

Owns the panel's frame and the drawn part (the heading, one labelled row of five
dots per assessed competency in its colour, a red border when a rule was
broken), sized from the player's text size. The feedback text and the Continue
button are pygame_gui widgets the play scene places inside ``feedback_frame``.
"""

from __future__ import annotations

import pygame

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
