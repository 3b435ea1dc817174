"""Fitting the game window to the desktop it opens on."""

from __future__ import annotations

import pytest

from game.ui.gui.window import MINIMUM, fitted_size, minimum_size


def test_a_canvas_that_fits_keeps_its_size() -> None:
    """On a full-HD desktop the 1280x720 window opens as it is."""
    assert fitted_size((1280, 720), (1920, 1080)) is None


@pytest.mark.parametrize("desktop", [(1024, 768), (1366, 768), (1280, 720), (800, 600)])
def test_a_window_larger_than_the_desktop_shrinks_to_fit_with_its_aspect(
    desktop: tuple[int, int],
) -> None:
    """The window fits the desktop, leaves room for a taskbar and keeps 16:9."""
    size = fitted_size((1280, 720), desktop)
    assert size is not None
    width, height = size
    assert width <= desktop[0] and height <= desktop[1] * 0.9 + 1
    assert abs(width / height - 16 / 9) < 0.01


def test_a_1024x768_screen_gets_a_1024_wide_window() -> None:
    """The narrowest screen the layout is made for is used across its whole width."""
    assert fitted_size((1280, 720), (1024, 768)) == (1024, 576)


def test_the_minimum_never_exceeds_the_desktop() -> None:
    """A smaller desktop lowers the minimum instead of forcing a window off screen."""
    assert minimum_size((1920, 1080)) == MINIMUM
    assert minimum_size((800, 600)) == (800, 576)
