"""A class's results file: statements appended as JSON Lines, one id at most once.

Owns ``<results-dir>/<session>-<pseudonym>.jsonl``, the copy of a player's
statements that a facilitator collects from many PCs (a USB stick, a shared
folder). Each line is appended, flushed and fsynced on its own, so a kill loses
at most the line being written; a torn last line is left as it is (readers skip
what does not parse) and the next line starts on a fresh one. An id already in
the file is not written again. It does not decide which statements exist (the
records database is the source; the recorder copies from it after each commit).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from game.errors import RecordsError


class StatementFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._ids: set[str] | None = None

    def ids(self) -> set[str]:
        """The ids of the statements the file holds (read once, then kept up to date)."""
        if self._ids is None:
            self._ids = set(read_ids(self.path))
        return self._ids

    def append(self, statements: Iterable[tuple[str, str]]) -> int:
        """Append each (id, JSON text) not yet in the file; returns how many lines were written."""
        known = self.ids()
        fresh = [(key, text) for key, text in statements if key not in known]
        if not fresh:
            return 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("ab") as stream:
                if _ends_mid_line(self.path):
                    stream.write(b"\n")  # after a torn line: never glue a statement onto it
                for key, text in fresh:
                    stream.write(text.encode("utf-8") + b"\n")
                    stream.flush()
                    os.fsync(stream.fileno())
                    known.add(key)
        except OSError as error:
            raise RecordsError(
                f"cannot write the results file {self.path}: {error.strerror or error}"
            ) from None
        return len(fresh)


def read_ids(path: Path) -> list[str]:
    """The statement ids in a JSON Lines file, in order; lines that do not parse are skipped."""
    try:
        lines = path.read_bytes().splitlines()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise RecordsError(
            f"cannot read the results file {path}: {error.strerror or error}"
        ) from None
    found = []
    for line in lines:
        try:
            item = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found.append(item["id"])
    return found


def _ends_mid_line(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            stream.seek(0, os.SEEK_END)
            if stream.tell() == 0:
                return False
            stream.seek(-1, os.SEEK_END)
            return stream.read(1) != b"\n"
    except OSError:
        return False
