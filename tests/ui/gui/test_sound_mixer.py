"""The mixer is open only around sounds: opened at one, closed after a silence."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

import pygame  # noqa: E402

from game.ui.gui.sound import Sounds  # noqa: E402


def eventually(condition: Callable[[], bool], limit: float = 10.0) -> bool:
    """Wait for the sound thread (no timing is asserted: only that it happens)."""
    give_up = time.monotonic() + limit
    while not condition():
        if time.monotonic() > give_up:
            return False
        time.sleep(0.01)
    return True


def test_a_sound_opens_the_mixer_and_a_silence_closes_it() -> None:
    """The first sound opens the mixer; after the silence it is closed; the next reopens it."""
    sounds = Sounds(silent_seconds=0.2)
    sounds.set_enabled(True)
    try:
        sounds.play("click")
        assert eventually(lambda: sounds.is_open or not sounds.enabled)
        if not sounds.enabled:
            return  # this machine has no audio at all, not even SDL's dummy device
        assert pygame.mixer.get_init() is not None
        assert eventually(lambda: not sounds.is_open)
        assert pygame.mixer.get_init() is None
        sounds.play("tick")
        assert eventually(lambda: sounds.is_open)
    finally:
        sounds.close()
    assert not sounds.is_open and pygame.mixer.get_init() is None


def test_preparing_synthesises_and_leaves_the_mixer_closed() -> None:
    """prepare() readies the sounds and tries the device on the worker, then closes it."""
    sounds = Sounds()
    sounds.set_enabled(True)
    try:
        sounds.prepare()
        assert eventually(lambda: sounds.is_prepared)
        assert sounds._buffers and not sounds.is_open and pygame.mixer.get_init() is None
    finally:
        sounds.close()


def test_turning_sound_off_closes_an_open_mixer() -> None:
    """Switching sound off in the settings closes the device at once, not after the silence."""
    sounds = Sounds(silent_seconds=60)
    sounds.set_enabled(True)
    try:
        sounds.play("click")
        assert eventually(lambda: sounds.is_open or not sounds.enabled)
        sounds.set_enabled(False)
        assert eventually(lambda: not sounds.is_open)
    finally:
        sounds.close()
