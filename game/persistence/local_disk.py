"""Whether a folder is on this PC's own disk or on a network share.

Owns recognising network file systems: on Windows a UNC path (``\\\\server\\share``)
or a drive letter mapped to a share (``GetDriveTypeW`` says DRIVE_REMOTE); on
Linux the type of the mount that holds the folder, read from ``/proc/self/mounts``
(nfs, cifs/smb, sshfs and the like). SQLite's locking, and its WAL mode above
all, are unreliable over such file systems, so the records database refuses
them. It does not refuse anything itself (``records`` does) and never guesses:
elsewhere (macOS) every folder counts as local.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

# Linux mount types that live on another machine. FUSE mounts show as "fuse.<program>".
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.glusterfs",
        "fuse.ceph-fuse",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a drive letter mapped to a network share


def network_share(folder: Path) -> str | None:
    """What kind of network share ``folder`` is on (e.g. "cifs"), or None on a local disk."""
    if os.name == "nt":
        return windows_share(str(folder.absolute()), _drive_type)
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/mounts", encoding="utf-8", errors="replace") as stream:
                mounts = stream.read()
        except OSError:
            return None
        return network_type(str(folder.resolve()), mounts)
    return None


def network_type(path: str, mounts: str) -> str | None:
    """The network file system type of the mount holding ``path`` in a mount table, or None.

    ``mounts`` is in the format of ``/proc/mounts``: device, mount point (spaces
    escaped as ``\\040``), type, options. The longest mount point that contains
    ``path`` decides, as the kernel does.
    """
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, kind = _unescape(fields[1]), fields[2]
        if _contains(point, path) and len(point) >= len(best):
            best, best_type = point, kind
    return best_type if best_type in NETWORK_TYPES else None


def windows_share(path: str, drive_type: Callable[[str], int]) -> str | None:
    """On Windows: "UNC path" or "network drive" when ``path`` is on a share, else None."""
    text = path.replace("/", "\\")
    upper = text.upper()
    if upper.startswith("\\\\?\\UNC\\") or (
        text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\"))
    ):
        return "UNC path"
    drive = PureWindowsPath(text.removeprefix("\\\\?\\")).drive
    if len(drive) == 2 and drive[1] == ":" and drive_type(drive + "\\") == DRIVE_REMOTE:
        return "network drive"
    return None


def _drive_type(root: str) -> int:
    import ctypes  # Windows only

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(root))


def _contains(point: str, path: str) -> bool:
    if point == "/":
        return path.startswith("/")
    return path == point or path.startswith(point.rstrip("/") + "/")


def _unescape(field: str) -> str:
    """Mount points escape space, tab, newline and backslash as octal: ``\\040`` and so on."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field
