"""Where Perekat's folders are: scenarios/, assets/, saves/ (each overridable by a flag).

Owns the default locations, resolved from the installed package so that
``python main.py`` and the ``perekat`` script find the same folders. It does not
create or read anything.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def scenarios_dir() -> Path:
    return PROJECT_ROOT / "scenarios"


def assets_dir() -> Path:
    return PROJECT_ROOT / "assets"


def saves_dir() -> Path:
    return PROJECT_ROOT / "saves"
