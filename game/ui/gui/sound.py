"""Optional sound: a soft click on a choice and a chat notification tick.

Owns synthesising the two short sounds (no audio files to ship), opening the
mixer only when sound is on, and staying silent when the machine has no audio
device. Sound never carries meaning the screen does not also show.
"""

from __future__ import annotations

import logging
import math
from array import array

import pygame

log = logging.getLogger(__name__)
RATE = 22050


def _tone(frequencies: tuple[float, ...], seconds: float, volume: float) -> bytes:
    """A short 16-bit mono tone with a fast attack and an exponential fade."""
    samples = array("h")
    count = int(RATE * seconds)
    for index in range(count):
        t = index / RATE
        envelope = min(1.0, index / 60) * math.exp(-t * 18) * (1 - index / count)
        value = sum(math.sin(2 * math.pi * f * t) for f in frequencies) / len(frequencies)
        samples.append(int(32767 * volume * envelope * value))
    return samples.tobytes()


class Sounds:
    """The game's two sounds; every method is a no-op while sound is off or unavailable."""

    def __init__(self) -> None:
        self.enabled = False
        self._sounds: dict[str, pygame.mixer.Sound] = {}

    def set_enabled(self, enabled: bool) -> None:
        """Turn sound on or off; the mixer opens at the first sound (it costs start-up and idle)."""
        self.enabled = enabled

    def _open(self) -> None:
        if not self._sounds:
            try:
                pygame.mixer.init(frequency=RATE, size=-16, channels=1)
                self._sounds = {
                    "click": pygame.mixer.Sound(buffer=_tone((880.0,), 0.08, 0.25)),
                    "tick": pygame.mixer.Sound(buffer=_tone((1318.5, 1760.0), 0.14, 0.2)),
                }
            except pygame.error as error:
                log.info("no sound: %s", error)
                self.enabled = False

    def play(self, name: str) -> None:
        if not self.enabled:
            return
        self._open()
        sound = self._sounds.get(name)
        if self.enabled and sound is not None:
            sound.play()
