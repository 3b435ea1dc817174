"""Where Perekat's folders are: scenarios/, assets/, saves/ (each overridable by a flag).

Owns the default locations in both ways Perekat runs:

- from source or an installed package (``python main.py``, the ``perekat`` script):
  every folder sits in the project root, as it always has;
- from the offline bundle (PyInstaller, ``sys.frozen``): scenarios/ and assets/ sit beside the
  executable, where a facilitator can add a scenario; saves go to ``saves/`` beside the executable
  when that folder exists or can be made, is writable and is not on a network share (portable mode:
  the whole game on a USB stick; the records refuse a share), else to the user's app-data folder
  (``%APPDATA%\\Perekat``, ``$XDG_DATA_HOME/perekat`` or ``~/.local/share/perekat``,
  ``~/Library/Application Support/Perekat``).

The user's config folder (``user_config_dir``: ``%APPDATA%\\Perekat``, ``$XDG_CONFIG_HOME/perekat``
or ``~/.config/perekat``, ``~/Library/Application Support/Perekat``) holds what belongs to the
person, not the game: the LRS account (``game.persistence.lrs_config``). It is not the portable
``saves/`` nor the project's, which may sit on a shared USB stick or folder; on Windows and macOS it
is the same per-user folder the bundle's saves fall back to, in a file of its own.

It reads no content (only, in the bundle, the mount table to tell a share). The one thing it writes
is the bundle's probe of the portable ``saves/`` (the folder, and a probe file it removes at once);
from source it creates nothing. It does not open saves or records: that is game.persistence.
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from collections.abc import Mapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
APP_FOLDER = "Perekat"  # the app-data folder's name; lowercase on Linux, as XDG folders are


def is_frozen() -> bool:
    """Whether this is the bundle (PyInstaller sets ``sys.frozen``), not Python running source."""
    return bool(getattr(sys, "frozen", False))


def install_root() -> Path:
    """The folder that holds the game: the executable's in the bundle, else the project root."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return PROJECT_ROOT


def _content_dir(name: str) -> Path:
    root = install_root()
    if is_frozen():
        beside = root / name
        inside = getattr(sys, "_MEIPASS", None)  # a bundle built with the folder inside, if any
        if not beside.is_dir() and inside is not None and (Path(inside) / name).is_dir():
            return Path(inside) / name
        return beside
    return root / name


def scenarios_dir() -> Path:
    return _content_dir("scenarios")


def assets_dir() -> Path:
    return _content_dir("assets")


def saves_dir() -> Path:
    """Where saves, settings and records go (see the module docstring for the bundle's choice)."""
    if not is_frozen():
        return PROJECT_ROOT / "saves"
    # A lazy import: only the bundle's choice needs it, and local_disk is a standard-library leaf.
    from game.persistence.local_disk import network_share

    portable = install_root() / "saves"
    # a game folder on S:\ (a share many offices run programs from): SQLite records are refused
    # there, so the saves go to this PC's app-data folder instead
    if network_share(install_root()) is None and is_writable_folder(portable):
        return portable
    return user_data_dir()


def is_writable_folder(folder: Path) -> bool:
    """Whether ``folder`` exists or can be made (not its parents) and takes a new file.

    A real write, not ``os.access``: a read-only USB stick, Program Files without elevation and
    Windows ACLs all answer only to a write.
    """
    try:
        folder.mkdir(exist_ok=True)
        probe = folder / f".perekat-probe-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
    except OSError:
        return False
    with contextlib.suppress(OSError):
        probe.unlink()
    return True


def user_data_dir(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """The per-user folder for Perekat's saves on this operating system (not created here)."""
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        appdata = environ.get("APPDATA", "")
        base = Path(appdata) if appdata else home / "AppData" / "Roaming"
        return base / APP_FOLDER
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_FOLDER
    xdg = environ.get("XDG_DATA_HOME", "")
    # the XDG spec: a relative value is invalid and is ignored
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / APP_FOLDER.lower()


def user_config_dir(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """The per-user folder for the person's own settings, such as the LRS account (not created)."""
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    if platform.startswith("win") or platform == "darwin":
        return user_data_dir(platform, environ, home)  # Windows and macOS keep both in one place
    xdg = environ.get("XDG_CONFIG_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".config"
    return base / APP_FOLDER.lower()
