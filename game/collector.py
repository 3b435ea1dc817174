"""Pausing Python's cyclic garbage collector around work that builds many objects and no cycles.

Owns ``collector_paused``, shared by the YAML loader (a scenario's tree) and the
class report's readers (hundreds of thousands of facts): each allocation burst
otherwise triggers collections that rescan everything built so far, which makes
large inputs superlinear. Reference counting still frees everything, and the
collector resumes afterwards as it was. Standard library only.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside (usable as a decorator too); restored as it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
