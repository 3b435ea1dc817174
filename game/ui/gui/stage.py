"""The stage: the place on the play screen where a node's presentation is shown.

Owns rendering a chat, post or letter once per node (and settings), scrolling it
when it is taller than its place (mouse wheel, Page Up/Down), and drawing the
visible part with a scroll indicator. What a presentation looks like is
``presentations``'s; where the stage sits is the play scene's.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.model import Presentation, Scenario
from game.persistence.settings import Settings
from game.ui.gui import theme
from game.ui.gui.presentations import render_presentation


class Stage:
    def __init__(self) -> None:
        self._key: Any = None
        self._image: pygame.Surface | None = None
        self.offset = 0

    def image(
        self, key: Any, item: Presentation, width: int, scenario: Scenario, settings: Settings
    ) -> pygame.Surface:
        """The rendered presentation; rendered again only when ``key`` changes."""
        if self._image is None or key != self._key:
            self._image = render_presentation(item, width, scenario, settings)
            self._key, self.offset = key, 0
        return self._image

    def forget(self) -> None:
        """Drop the rendered image (the scenario was reloaded)."""
        self._key, self._image, self.offset = None, None, 0

    def scroll(self, pixels: int, place: pygame.Rect) -> None:
        """Move the view by ``pixels`` within the image (no effect when it fits)."""
        if self._image is None:
            return
        spare = max(self._image.get_height() - place.height, 0)
        self.offset = max(0, min(spare, self.offset + pixels))

    def draw(self, surface: pygame.Surface, place: pygame.Rect, palette: theme.Palette) -> None:
        if self._image is None:
            return
        image = self._image
        visible = pygame.Rect(0, self.offset, place.width, min(place.height, image.get_height()))
        surface.blit(image, place.topleft, visible)
        if image.get_height() > place.height:
            track = pygame.Rect(place.right + 4, place.y, 6, place.height)
            pygame.draw.rect(surface, theme.rgb(palette.locked), track, border_radius=3)
            share = place.height / image.get_height()
            thumb = pygame.Rect(
                track.x,
                track.y + round(self.offset * share),
                6,
                max(24, round(place.height * share)),
            )
            pygame.draw.rect(surface, theme.rgb(palette.primary), thumb, border_radius=3)
