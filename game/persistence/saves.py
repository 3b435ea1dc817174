"""Saves: a play state in a versioned JSON file with a small header, written atomically.

Owns the save file format (``{"format": "perekat-save", "version", "header",
"state"}``), where autosaves and named slots live under the saves folder,
reading with one-step migrations, and refusing a damaged, truncated or newer
save clearly: its bytes are renamed aside, never deleted or overwritten. It
does not decide when to save (``autosave`` and the front ends do) and never
imports a UI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game import __version__
from game.core.state import PlayState
from game.errors import SaveError, StateError
from game.persistence.atomic import write_atomic

SAVE_FORMAT = "perekat-save"
SAVE_VERSION = 1
SLOT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")

# version -> function upgrading a save dict of that version to the next one.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


@dataclass(frozen=True, slots=True)
class SaveHeader:
    """What a slot list shows without reading the whole state."""

    scenario_id: str
    scenario_hash: str
    node_id: str
    saved_at: str
    player: str = ""
    slot: str = ""
    mode: str = "learn"
    perekat_version: str = __version__
    play_id: str = ""  # the play's learning-records registration, kept across resumes
    results_dir: str = ""  # the class results folder the play also writes to, kept likewise


@dataclass(frozen=True, slots=True)
class SaveGame:
    header: SaveHeader
    state: PlayState


class SaveRefused(SaveError):
    """A save that cannot be used; ``kept_at`` is where its bytes were moved."""

    def __init__(self, message: str, kept_at: Path | None) -> None:
        super().__init__(message)
        self.kept_at = kept_at


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class SaveStore:
    """The saves folder: ``autosave/<scenario>.json`` and ``slots/<scenario>/<name>.json``.

    Nothing here overwrites a save it cannot read: before a write replaces a
    damaged or newer file, that file is renamed aside.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def autosave_path(self, scenario_id: str) -> Path:
        return self.root / "autosave" / f"{scenario_id}.json"

    def slot_path(self, scenario_id: str, name: str) -> Path:
        """Where slot ``name`` of ``scenario_id`` lives; scenarios' slots never clash."""
        if not SLOT_NAME.match(name):
            raise SaveError(
                f"slot name '{name}' is not allowed: use letters, digits, '-' and '_' "
                "(up to 40, starting with a letter or digit)"
            )
        return self.root / "slots" / scenario_id / f"{name}.json"

    def write(
        self,
        path: Path,
        state: PlayState,
        scenario_hash: str,
        player: str = "",
        slot: str = "",
        mode: str = "learn",
        play_id: str = "",
        results_dir: str = "",
    ) -> SaveHeader:
        """Save ``state`` atomically at ``path``; raise SaveError when the disk refuses."""
        self._keep_unreadable(path)
        header = SaveHeader(
            state.scenario_id,
            scenario_hash,
            state.node_id,
            now_iso(),
            player,
            slot,
            mode,
            play_id=play_id,
            results_dir=results_dir,
        )
        payload = {
            "format": SAVE_FORMAT,
            "version": SAVE_VERSION,
            "header": asdict(header),
            "state": state.to_dict(),
        }
        data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            write_atomic(path, data)
        except OSError as error:
            raise SaveError(f"cannot write the save {path}: {error.strerror or error}") from None
        return header

    def read(self, path: Path) -> SaveGame:
        """Read a save; a damaged or newer one is renamed aside and SaveRefused raised."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise SaveError(f"there is no save at {path}") from None
        except OSError as error:
            raise SaveError(f"cannot read the save {path}: {error.strerror or error}") from None
        problem, label = _problem_of(raw)
        if problem:
            self._refuse(path, problem, label)
        payload = json.loads(raw.decode("utf-8"))
        version = payload["version"]
        while version < SAVE_VERSION:
            payload = MIGRATIONS[version](payload)
            version = payload["version"]
        try:
            header = _header(payload.get("header"))
            state = PlayState.from_dict(payload.get("state"))
        except (SaveError, StateError) as error:
            self._refuse(path, f"the save is damaged ({error})", "damaged")
        if header.scenario_id != state.scenario_id:
            self._refuse(
                path, "the save's header and play state name different scenarios", "damaged"
            )
        return SaveGame(header, state)

    def retire_autosave(self, scenario_id: str) -> Path | None:
        """Before a new play: move an unfinished, damaged or newer autosave aside.

        Returns where it was kept (None when there was none, or it was a finished
        play that a new autosave may replace).
        """
        path = self.autosave_path(scenario_id)
        if not path.exists():
            return None
        try:
            save = self.read(path)
        except SaveRefused as refused:
            return refused.kept_at
        if save.state.is_finished:
            return None
        return set_aside(path, "previous")

    def slots(self, scenario_id: str) -> list[tuple[str, SaveHeader | None]]:
        """Every named slot of a scenario with its header (None for one that cannot be read)."""
        found: list[tuple[str, SaveHeader | None]] = []
        for path in sorted((self.root / "slots" / scenario_id).glob("*.json")):
            if not SLOT_NAME.match(path.stem):
                continue  # a copy set aside (name.damaged-<time>), not a slot
            try:
                payload = json.loads(path.read_text(encoding="utf-8"))
                found.append((path.stem, _header(payload.get("header"))))
            except (OSError, ValueError, RecursionError, AttributeError, SaveError):
                found.append((path.stem, None))
        return found

    def _keep_unreadable(self, path: Path) -> None:
        """Rename ``path`` aside when it holds something a write must not destroy."""
        try:
            raw = path.read_bytes()
        except OSError:
            return
        problem, label = _problem_of(raw)
        if problem:
            set_aside(path, label)

    def _refuse(self, path: Path, reason: str, label: str) -> Any:
        kept = set_aside(path, label)
        where = f"; its bytes are kept at {kept}" if kept else ""
        raise SaveRefused(f"{path}: {reason}{where}", kept)


def _problem_of(raw: bytes) -> tuple[str, str]:
    """(why ``raw`` is not a usable save, "damaged" or "newer"), or ("", "") when it is."""
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        return f"the save is damaged or truncated ({error})", "damaged"
    if not isinstance(payload, dict) or payload.get("format") != SAVE_FORMAT:
        return "the file is not a Perekat save", "damaged"
    version = payload.get("version")
    if type(version) is not int or version < 1:
        return "the save has no valid version", "damaged"
    if version > SAVE_VERSION:
        return (
            f"the save was made by a newer Perekat (save format {version}; this one reads up "
            f"to {SAVE_VERSION}); update Perekat to use it",
            "newer",
        )
    return "", ""


def set_aside(path: Path, label: str) -> Path | None:
    """Rename ``path`` to a free ``<stem>.<label>-<time>[-n].json`` beside it; None if it fails."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    for attempt in range(1000):
        suffix = f"-{attempt}" if attempt else ""
        target = path.with_name(f"{path.stem}.{label}-{stamp}{suffix}{path.suffix}")
        if target.exists():
            continue
        try:
            path.rename(target)
        except OSError:
            return None
        return target
    return None


def _header(data: Any) -> SaveHeader:
    if not isinstance(data, dict):
        raise SaveError("the save header is missing")
    fields = ("scenario_id", "scenario_hash", "node_id", "saved_at")
    if not all(isinstance(data.get(name), str) for name in fields):
        raise SaveError("the save header lacks its scenario, node or time")
    extra = {
        name: data[name]
        for name in ("player", "slot", "mode", "perekat_version", "play_id", "results_dir")
        if isinstance(data.get(name), str)
    }
    if extra.get("mode", "learn") not in ("learn", "assess"):
        raise SaveError("the save header names an unknown play mode")
    return SaveHeader(*(data[name] for name in fields), **extra)
