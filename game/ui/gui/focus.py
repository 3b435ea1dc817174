"""The keyboard focus ring pygame_gui lacks: Tab, arrows and Enter over a scene's buttons.

Owns which widget has keyboard focus, moving it, activating it, and drawing a
3 px high-contrast ring around it. Scenes list their focusable widgets in order.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame
from pygame_gui.core import UIElement

RING_WIDTH = 3


class FocusRing:
    def __init__(self, widgets: Sequence[UIElement] = ()) -> None:
        self.widgets: list[UIElement] = list(widgets)
        self.index = 0

    def set(self, widgets: Sequence[UIElement], index: int = 0) -> None:
        self.widgets = list(widgets)
        self.index = min(max(index, 0), max(len(self.widgets) - 1, 0))

    @property
    def focused(self) -> UIElement | None:
        return self.widgets[self.index] if self.widgets else None

    def move(self, step: int) -> None:
        if self.widgets:
            self.index = (self.index + step) % len(self.widgets)

    def focus(self, widget: UIElement) -> None:
        if widget in self.widgets:
            self.index = self.widgets.index(widget)

    def draw(self, surface: pygame.Surface, colour: pygame.Color) -> None:
        widget = self.focused
        if widget is None or not widget.visible:
            return
        ring = widget.rect.inflate(RING_WIDTH * 2 + 2, RING_WIDTH * 2 + 2)
        pygame.draw.rect(surface, colour, ring, RING_WIDTH, border_radius=10)
