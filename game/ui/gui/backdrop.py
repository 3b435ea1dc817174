"""The play screen's backdrop: all that lies under its widgets, composed once per state.

Owns a canvas-sized surface that is composed again only when its key changes
and otherwise blitted whole, once a frame, and the drawing of the play screen's
parts that go into it: the translucent narration panel, the speaker's name tab,
the ending band and the choice cards (border colour by hover and lock, a
padlock on locked ones). The play scene decides where each part goes, what the
key is (whatever changes the picture: the node, phase, folded parts, stage
scroll, settings, the hovered card) and composes the illustration, stage and
feedback panel into it with their own modules. It does not draw pygame_gui's
widgets, the focus ring, the cross-fade or notices, which change on their own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

import pygame

from game.persistence.settings import Settings
from game.ui.gui import theme


class CachedLayer:
    """One picture, kept until its key changes; its pixels are reused, not reallocated."""

    def __init__(self) -> None:
        self._key: Hashable = None
        self._image: pygame.Surface | None = None
        self.compositions = 0  # how often it was composed (for tests and benches)

    def draw(
        self,
        surface: pygame.Surface,
        key: Hashable,
        compose: Callable[[pygame.Surface], None],
    ) -> None:
        """Blit the layer onto ``surface``, composing it first when ``key`` changed.

        ``compose`` draws the whole layer on a surface of ``surface``'s size and pixel
        format (so blending gives the very pixels drawing on ``surface`` would).
        """
        image = self._image
        if image is None or image.get_size() != surface.get_size():
            image = self._image = pygame.Surface(surface.get_size(), 0, surface)
            self._key = None
        if self._key is None or key != self._key:
            compose(image)
            self._key = key
            self.compositions += 1
        surface.blit(image, (0, 0))

    def forget(self) -> None:
        """Compose again at the next draw."""
        self._key = None


@dataclass(frozen=True)
class Card:
    """A choice card as drawn: where, whether it can be chosen, whether the mouse is on it."""

    rect: tuple[int, ...]  # x, y, width, height
    is_available: bool
    is_hovered: bool


def draw_panel(
    surface: pygame.Surface, place: pygame.Rect, colours: theme.Palette, radius: int = 16
) -> None:
    """The translucent panel behind the narration (``radius=0``: square, as the class's screens)."""
    panel = pygame.Surface(place.size, pygame.SRCALPHA)
    pygame.draw.rect(
        panel,
        (*theme.rgb(colours.panel)[:3], colours.panel_alpha),
        panel.get_rect(),
        border_radius=radius,
    )
    surface.blit(panel, place.topleft)


def draw_name_tab(
    surface: pygame.Surface, panel: pygame.Rect, width: int, colours: theme.Palette
) -> None:
    """The tab above the panel's top-left that holds the speaker's name (``width`` of it)."""
    tab = pygame.Rect(panel.x + 8, panel.y - 44, width + 32, 44)
    pygame.draw.rect(
        surface,
        theme.rgb(colours.panel),
        tab,
        border_top_left_radius=12,
        border_top_right_radius=12,
    )


def draw_ending_band(surface: pygame.Surface, settings: Settings, title: str, top: int) -> None:
    """The ending's title on a coloured band, centred at ``top``."""
    colours = theme.palette(settings)
    image = theme.font(settings, "heading", bold=True).render(
        title, True, theme.rgb(colours.primary_ink)
    )
    band = image.get_rect(midtop=(surface.get_width() // 2, top + 24)).inflate(48, 24)
    pygame.draw.rect(surface, theme.rgb(colours.primary), band, border_radius=12)
    surface.blit(image, image.get_rect(center=band.center))


def draw_cards(surface: pygame.Surface, cards: tuple[Card, ...], colours: theme.Palette) -> None:
    """Choice cards under their text: a near-opaque fill and a border that shows hover."""
    for card in cards:
        rect = pygame.Rect(card.rect)
        fill = colours.panel if card.is_available else colours.background
        image = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(image, (*theme.rgb(fill)[:3], 245), image.get_rect(), border_radius=12)
        border = (
            colours.primary
            if card.is_hovered
            else (colours.muted if card.is_available else colours.locked)
        )
        pygame.draw.rect(image, theme.rgb(border), image.get_rect(), 2, border_radius=12)
        surface.blit(image, rect.topleft)
        if not card.is_available:
            _padlock(surface, (rect.right - 28, rect.y + 10), theme.rgb(colours.muted))


def _padlock(surface: pygame.Surface, at: tuple[int, int], colour: pygame.Color) -> None:
    """A small lock drawn beside a locked choice (with its reason in words)."""
    x, y = at
    pygame.draw.arc(surface, colour, pygame.Rect(x + 2, y, 12, 14), 0, 3.1416, 2)
    pygame.draw.rect(surface, colour, pygame.Rect(x, y + 7, 16, 12), border_radius=2)
