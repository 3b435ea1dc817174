"""Optional sound: a soft click on a choice and a chat notification tick.

Owns synthesising the two short sounds (no audio files to ship), and one
worker thread that does every mixer call: it opens the mixer at the first
sound, plays, and closes the mixer again after ``SILENT_SECONDS`` without a
sound (an open mixer keeps SDL's audio thread waking all the time: about
0.1-0.2% of a core while idle). Synthesising (about 40 ms of Python) runs on
the worker when the app is idle (``prepare``), and closing (about 50 ms of
waiting for SDL's audio thread) never holds up the frame loop. Opening does:
pygame holds the interpreter lock while SDL opens the device (3 ms with SDL's
dummy driver; 110 ms where there is no device, after which sound turns itself
off), so ``prepare`` also opens and closes the mixer once, while the app is
idle, to learn early whether there is a device. Sound never carries meaning
the screen does not also show. One ``Sounds`` per process: the mixer it opens
is pygame's only one.
"""

from __future__ import annotations

import logging
import math
import queue
import threading
from array import array

import pygame

log = logging.getLogger(__name__)
RATE = 22050
SILENT_SECONDS = 5.0  # close the mixer after this long without a sound
_PREPARE, _CLOSE, _STOP = "_prepare", "_close", "_stop"


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


def _tones() -> dict[str, bytes]:
    return {
        "click": _tone((880.0,), 0.08, 0.25),
        "tick": _tone((1318.5, 1760.0), 0.14, 0.2),
    }


class Sounds:
    """The game's two sounds; ``play`` returns at once and is a no-op while sound is off."""

    def __init__(self, silent_seconds: float = SILENT_SECONDS) -> None:
        self.enabled = False
        self.silent_seconds = silent_seconds
        self._requests: queue.Queue[str] = queue.Queue()
        self._worker: threading.Thread | None = None
        self.is_prepared = False  # synthesised and the device tried (by prepare)
        # touched by the worker thread only
        self._buffers: dict[str, bytes] = {}
        self._sounds: dict[str, pygame.mixer.Sound] = {}

    def set_enabled(self, enabled: bool) -> None:
        """Turn sound on or off; the mixer opens at the first sound (it costs start-up and idle)."""
        if self.enabled and not enabled and self._worker is not None:
            self._requests.put(_CLOSE)
        self.enabled = enabled

    @property
    def is_open(self) -> bool:
        """Whether the mixer is open now (it closes after a silence)."""
        return bool(self._sounds)

    def play(self, name: str) -> None:
        if self.enabled:
            self._ask(name)

    def prepare(self) -> None:
        """Synthesise the sounds and try the device now, before the first sound (when idle)."""
        if self.enabled and self._worker is None:
            self._ask(_PREPARE)

    def _ask(self, request: str) -> None:
        if self._worker is None:
            self._worker = threading.Thread(target=self._serve, name="perekat-sound", daemon=True)
            self._worker.start()
        self._requests.put(request)

    def close(self) -> None:
        """Close the mixer and end the worker (the window is closing)."""
        if self._worker is not None:
            self._requests.put(_STOP)
            self._worker.join(timeout=2)
            self._worker = None

    # -- the worker thread ------------------------------------------------------------------

    def _serve(self) -> None:
        while True:
            try:
                # blocks without polling; wakes up only to close the mixer after a silence
                request = self._requests.get(timeout=self.silent_seconds if self._sounds else None)
            except queue.Empty:
                request = _CLOSE
            if request == _STOP:
                self._shut()
                return
            if request == _CLOSE:
                self._shut()
            elif request == _PREPARE:
                # open and close once: where there is no device, find out now, while idle,
                # not at the first sound (opening holds the interpreter lock throughout)
                if not self._sounds and self._open():
                    self._shut()
                self.is_prepared = True
            elif self.enabled and self._open():
                sound = self._sounds.get(request)
                if sound is not None:
                    sound.play()

    def _open(self) -> bool:
        if self._sounds:
            return True
        try:
            self._buffers = self._buffers or _tones()
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
            self._sounds = {
                name: pygame.mixer.Sound(buffer=data) for name, data in self._buffers.items()
            }
        except pygame.error as error:
            log.info("no sound: %s", error)
            self.enabled = False
            return False
        return True

    def _shut(self) -> None:
        if self._sounds:
            pygame.mixer.quit()
            self._sounds = {}
