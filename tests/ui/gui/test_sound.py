"""Sound is optional: it never fails the game, and off means silent."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.ui.gui.sound import Sounds, _tone  # noqa: E402


def test_tones_are_short_and_fade_out() -> None:
    """A click is a fraction of a second of 16-bit samples ending near silence."""
    data = _tone((880.0,), 0.08, 0.25)
    assert len(data) == 2 * int(22050 * 0.08)
    last = int.from_bytes(data[-2:], "little", signed=True)
    assert abs(last) < 200


def test_sound_off_plays_nothing_and_on_survives_without_a_device() -> None:
    """Turning sound on never raises, even where there is no audio device."""
    sounds = Sounds()
    sounds.play("click")  # off: a no-op
    sounds.set_enabled(True)
    sounds.play("click")
    sounds.set_enabled(False)
    assert not sounds.enabled
