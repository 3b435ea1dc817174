"""A page of the class debrief as drawing steps top to bottom, shown through a scrolling window.

Owns laying out what a page says (wrapped text in the game's fonts, bars,
boxes, star marks, pictures drawn by a callback) down a column of a given
width, remembering each text it shows (what tests read), and replaying the
steps that fall inside a window at a scroll offset, clipped to it. Texts are
rendered once, when the page is built; a frame only blits. It knows nothing
of the debrief's numbers (``scenes.debrief_pages`` says what goes on a page).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.persistence.settings import Settings
from game.ui.gui import theme
from game.ui.gui.presentations import wrap

Paint = Callable[[pygame.Surface, pygame.Rect], None]  # draws into the rect given (on screen)


@dataclass
class Sheet:
    """One page's steps; ``y`` is where the next thing goes, ``texts`` what it shows."""

    width: int
    settings: Settings
    view_height: int = 0  # the window it is shown through (a page may fill it)
    y: int = 0
    texts: list[str] = field(default_factory=list)
    steps: list[tuple[pygame.Rect, Paint]] = field(default_factory=list)

    @property
    def colours(self) -> theme.Palette:
        return theme.palette(self.settings)

    @property
    def height(self) -> int:
        return max((rect.bottom for rect, _ in self.steps), default=0)

    def font(self, role: str = "body", bold: bool = False) -> pygame.font.Font:
        return theme.font(self.settings, role, bold)

    def line(self, role: str = "body", bold: bool = False) -> int:
        """The step from one wrapped line to the next: the font's line size, about 1.4x its size."""
        return self.font(role, bold).get_linesize()

    # -- adding steps -----------------------------------------------------------------------

    def paint(self, rect: pygame.Rect, paint: Paint) -> None:
        """A step drawn by ``paint`` into ``rect`` (page coordinates; the screen's when drawn)."""
        self.steps.append((rect.copy(), paint))

    def text(
        self,
        text: str,
        *,
        x: int = 0,
        y: int | None = None,
        width: int | None = None,
        role: str = "body",
        bold: bool = False,
        colour: str | None = None,
        align: str = "left",
    ) -> int:
        """Wrapped text from (x, y or the cursor) in ``width``; returns the y below it.

        The cursor moves below it only when ``y`` was not given.
        """
        font = self.font(role, bold)
        width = self.width - x if width is None else width
        top = self.y if y is None else y
        ink = theme.rgb(colour or self.colours.ink)
        self.texts.append(text)
        for line in wrap(font, text, width):
            image = font.render(line, True, ink)
            left = x + (width - image.get_width() if align == "right" else 0)
            if align == "centre":
                left = x + (width - image.get_width()) // 2
            self.paint(image.get_rect(topleft=(left, top)), _blitter(image))
            top += font.get_linesize()
        if y is None:
            self.y = top
        return top

    def box(
        self, rect: pygame.Rect, colour: str, *, border: int = 0, radius: int = 0
    ) -> pygame.Rect:
        """A filled (or, with ``border``, outlined) rectangle."""
        fill = theme.rgb(colour)

        def paint(surface: pygame.Surface, at: pygame.Rect) -> None:
            pygame.draw.rect(surface, fill, at, border, border_radius=radius)

        self.paint(rect, paint)
        return rect

    def bar(
        self, rect: pygame.Rect, share: float, colour: str, *, mark: float | None = None
    ) -> None:
        """A track on the panel colour filled to ``share`` (0-1), with a tick at ``mark``."""
        colours = self.colours
        self.box(rect, colours.panel, radius=6)
        if share > 0:
            filled = rect.copy()
            filled.width = max(4, round(rect.width * min(share, 1.0)))
            self.box(filled, colour, radius=6)
        self.box(rect, colours.muted, border=2, radius=6)
        if mark is not None:
            x = rect.x + round(rect.width * mark)
            self.box(pygame.Rect(x - 1, rect.y - 5, 3, rect.height + 10), colours.ink)

    def star(self, centre: tuple[int, int], radius: int, colour: str) -> None:
        """A five-pointed star (the font has none): the best option's mark beside its word."""
        points = [
            (
                radius * (1 if k % 2 == 0 else 0.45) * math.sin(math.pi * k / 5),
                -radius * (1 if k % 2 == 0 else 0.45) * math.cos(math.pi * k / 5),
            )
            for k in range(10)
        ]
        fill, outline = theme.rgb(colour), theme.rgb(self.colours.ink)

        def paint(surface: pygame.Surface, at: pygame.Rect) -> None:
            shape = [(at.centerx + px, at.centery + py) for px, py in points]
            pygame.draw.polygon(surface, fill, shape)
            pygame.draw.polygon(surface, outline, shape, 1)

        rect = pygame.Rect(0, 0, 2 * radius, 2 * radius)
        rect.center = centre
        self.paint(rect, paint)

    def gap(self, pixels: int) -> None:
        self.y += pixels

    # -- showing ----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, view: pygame.Rect, scroll: int) -> None:
        """The steps inside ``view`` with the page scrolled down by ``scroll`` pixels."""
        clip = surface.get_clip()
        surface.set_clip(view)
        shown = pygame.Rect(0, scroll, view.width, view.height)
        for rect, paint in self.steps:
            if rect.colliderect(shown) or rect.height == 0:
                paint(surface, rect.move(view.x, view.y - scroll))
        surface.set_clip(clip)


def _blitter(image: pygame.Surface) -> Paint:
    def paint(surface: pygame.Surface, at: pygame.Rect) -> None:
        surface.blit(image, at)

    return paint
