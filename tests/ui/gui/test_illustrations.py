"""The procedural scene backgrounds and the app icon, drawn off-screen."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections import Counter  # noqa: E402
from statistics import fmean  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.core.model import BACKGROUNDS  # noqa: E402
from game.ui.gui.illustrations import (  # noqa: E402
    BACKGROUND_NAMES,
    background,
    draw_background,
    draw_icon,
)

DESIGN = (1280, 720)
Pixel = tuple[int, int, int]


def pixels(
    surface: pygame.Surface, top: int = 0, bottom: int | None = None, step: int = 4
) -> list[Pixel]:
    """Every step-th pixel of every step-th row between top and bottom, as (r, g, b)."""
    width, height = surface.get_size()
    data = pygame.image.tobytes(surface, "RGB")
    rows = range(top, height if bottom is None else bottom, step)
    return [
        (data[i], data[i + 1], data[i + 2])
        for y in rows
        for i in range(y * width * 3, (y + 1) * width * 3, 3 * step)
    ]


def brightness(p: Pixel) -> float:
    return (0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]) / 255


def variance(values: list[float]) -> float:
    mean = fmean(values)
    return fmean((v - mean) ** 2 for v in values)


def relative_luminance(p: Pixel) -> float:
    """WCAG relative luminance of an sRGB colour."""
    channels = [c / 255 for c in p]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.fixture(scope="module")
def scenes() -> dict[tuple[str, bool], pygame.Surface]:
    return {
        (name, hc): draw_background(name, DESIGN, hc)
        for name in BACKGROUND_NAMES
        for hc in (False, True)
    }


def test_background_names_match_the_scenario_model() -> None:
    """Every background a scenario may name has a picture, and no other."""
    assert BACKGROUND_NAMES == BACKGROUNDS


@pytest.mark.parametrize("size", [(1280, 720), (1024, 576)])
@pytest.mark.parametrize("name", BACKGROUND_NAMES)
def test_each_background_fills_exactly_the_requested_size(name: str, size: tuple[int, int]) -> None:
    """A background is a new surface of exactly the size asked for."""
    assert draw_background(name, size).get_size() == size


@pytest.mark.parametrize("name", BACKGROUND_NAMES)
def test_background_is_a_picture_not_a_flat_fill(
    name: str, scenes: dict[tuple[str, bool], pygame.Surface]
) -> None:
    """A scene has many colours and none of them covers most of it."""
    counts = Counter(pixels(scenes[name, False]))
    share = counts.most_common(1)[0][1] / sum(counts.values())
    assert len(counts) >= 8
    assert share <= 0.7


@pytest.mark.parametrize("name", BACKGROUND_NAMES)
def test_bottom_third_is_calmer_than_the_middle_band(
    name: str, scenes: dict[tuple[str, bool], pygame.Surface]
) -> None:
    """Under the text panel (bottom third) the picture varies less than in the middle band."""
    surface = scenes[name, False]
    third = DESIGN[1] // 3
    middle = [brightness(p) for p in pixels(surface, third, 2 * third)]
    bottom = [brightness(p) for p in pixels(surface, 2 * third)]
    assert variance(bottom) < variance(middle)


@pytest.mark.parametrize("name", BACKGROUND_NAMES)
def test_high_contrast_background_is_dark_enough_for_white_text(
    name: str, scenes: dict[tuple[str, bool], pygame.Surface]
) -> None:
    """In high contrast a scene is near-black and white text keeps at least 7:1 everywhere."""
    sample = pixels(scenes[name, True])
    assert fmean(brightness(p) for p in sample) < 0.2
    colours = set(sample)
    brightest = max(relative_luminance(p) for p in colours)
    assert (1.0 + 0.05) / (brightest + 0.05) >= 7.0
    assert len(colours) >= 3


@pytest.mark.parametrize("hc", [False, True])
@pytest.mark.parametrize("name", BACKGROUND_NAMES)
def test_drawing_is_deterministic(
    name: str, hc: bool, scenes: dict[tuple[str, bool], pygame.Surface]
) -> None:
    """The same name, size and mode give the same pixels, byte for byte."""
    again = draw_background(name, DESIGN, hc)
    assert pygame.image.tobytes(again, "RGB") == pygame.image.tobytes(scenes[name, hc], "RGB")


def test_unknown_background_name_is_refused_with_the_valid_names() -> None:
    """An unknown name raises KeyError naming the backgrounds that exist."""
    with pytest.raises(KeyError, match="village-hall"):
        draw_background("beach", DESIGN)


def test_cached_background_is_drawn_once_and_shared() -> None:
    """Repeated frames get the same surface back instead of a redraw."""
    first = background("counter", (640, 360))
    assert background("counter", (640, 360)) is first
    assert background("counter", (640, 360), high_contrast=True) is not first


@pytest.mark.parametrize("size", [32, 256])
def test_icon_reads_at_small_and_large_sizes(size: int) -> None:
    """The icon is a square with transparent corners, teal ground and the three ring colours."""
    icon = draw_icon(size)
    assert icon.get_size() == (size, size)
    assert icon.get_flags() & pygame.SRCALPHA
    for corner in ((0, 0), (size - 1, 0), (0, size - 1), (size - 1, size - 1)):
        assert icon.get_at(corner).a == 0
    colours = set(pixels(icon, step=1))
    assert len(colours) >= 8
    for ring in ((230, 159, 0), (86, 180, 233), (0, 158, 115)):
        assert any(sum(abs(a - b) for a, b in zip(c, ring, strict=True)) < 40 for c in colours), (
            ring
        )
