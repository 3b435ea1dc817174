"""The person's Learning Record Store account: endpoint, user, password, and the end-of-play send.

Owns ``LrsConfig`` (the xAPI endpoint, the Basic auth user and password, and
whether each play sends this PC's records when it ends) and its file,
``lrs.json`` in the user's config folder (``game.paths.user_config_dir``:
``$XDG_CONFIG_HOME/perekat`` or ``~/.config/perekat``, ``%APPDATA%\\Perekat``,
``~/Library/Application Support/Perekat``), never the saves folder: saves and
records may be copied, shared or handed in, the account must not travel with them.

The password is kept as typed (an LRS's Basic auth needs it back), so the file is
the protection: on POSIX it is written atomically with mode 0600 from its first
byte, in a folder made 0700, and a file found looser is tightened on reading; on
Windows the per-user ``%APPDATA%`` folder (readable only by that user and the
administrators under the default ACLs) is the protection, and no mode is set.
The password is left out of ``repr`` and of every message and log line here; a
damaged file is reported without its content and read as no account.

It does not talk to the LRS (``lrs_client``), send (``lrs_send``) or show anything.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from game.paths import user_config_dir
from game.persistence.atomic import write_atomic

FILE_NAME = "lrs.json"
FILE_MODE = 0o600
FOLDER_MODE = 0o700

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LrsConfig:
    """An LRS account; ``endpoint`` empty means none is set."""

    endpoint: str = ""
    user: str = ""
    password: str = field(default="", repr=False)
    send_after_play: bool = False

    @property
    def is_set(self) -> bool:
        return bool(self.endpoint.strip())

    @property
    def sends_after_play(self) -> bool:
        """Whether a play's end should send this PC's records (switched on, endpoint set)."""
        return self.send_after_play and self.is_set

    def with_changes(self, **changes: Any) -> LrsConfig:
        return replace(self, **changes)


class LrsConfigStore:
    """Reads and writes ``<folder>/lrs.json``; ``folder`` defaults to the user's config folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = user_config_dir() if folder is None else folder
        self.path = self.folder / FILE_NAME

    def __repr__(self) -> str:
        return f"LrsConfigStore({str(self.folder)!r})"

    def load(self) -> LrsConfig:
        """The stored account; the defaults (none) when there is no file or it is damaged."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return LrsConfig()
        except OSError as error:
            log.warning("cannot read the LRS account in %s: %s", self.path, error.strerror)
            return LrsConfig()
        self._tighten()
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            log.warning("the LRS account in %s is damaged; it is ignored", self.path)
            return LrsConfig()
        known: dict[str, Any] = {}
        for name, kind in (("endpoint", str), ("user", str), ("password", str)):
            if isinstance(data.get(name), kind):
                known[name] = data[name]
        if isinstance(data.get("send_after_play"), bool):
            known["send_after_play"] = data["send_after_play"]
        return LrsConfig(**known)

    def save(self, config: LrsConfig) -> None:
        """Write ``config`` atomically, readable only by this user (POSIX 0600)."""
        if not self.folder.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            if os.name == "posix":
                os.chmod(self.folder, FOLDER_MODE)
        data = {
            "endpoint": config.endpoint.strip(),
            "user": config.user,
            "password": config.password,
            "send_after_play": config.send_after_play,
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        write_atomic(self.path, text.encode("utf-8"), mode=FILE_MODE)

    def _tighten(self) -> None:
        """A file others may read (copied in, or made by hand) is made 0600 again (POSIX)."""
        if os.name != "posix":
            return
        try:
            if stat.S_IMODE(self.path.stat().st_mode) & 0o077:
                os.chmod(self.path, FILE_MODE)
                log.warning("the LRS account in %s was readable by others; now 0600", self.path)
        except OSError:
            pass
