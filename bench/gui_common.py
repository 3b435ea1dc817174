"""Shared by the GUI benches: describing the machine, measuring other load, an Xvfb display.

Owns only what every bench prints or needs around its measurement; each bench
script owns what it measures.
"""

from __future__ import annotations

import contextlib
import os
import platform
import resource
import subprocess
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def code_state() -> str:
    """The commit measured, and whether game/ had uncommitted changes (read-only git calls)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "game"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown (no git)"
    return f"{head or 'unknown'}{' + uncommitted changes in game/' if dirty else ''}"


def machine_busy() -> tuple[float, float]:
    """(busy seconds of every core from /proc/stat, CPU seconds of this script and its children)."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    busy = (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return busy, mine


def print_others(start: tuple[float, float], started: float) -> None:
    """How much of the machine other processes used while the bench ran (0% = a quiet machine)."""
    busy, mine = machine_busy()
    wall = time.monotonic() - started
    cores = os.cpu_count() or 1
    others = max(0.0, (busy - start[0]) - (mine - start[1]))
    print(
        f"\nother processes used {100 * others / (wall * cores):.0f}% of the {cores} cores during "
        f"this run ({wall:.0f} s). Above ~10%, rerun on a quiet machine."
    )


def print_machine(drivers: list[str]) -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {cpu_model()}, {cores} cores usable ({os.cpu_count()} online)")
    print(
        f"python {platform.python_version()} ({platform.machine()}), pygame-ce "
        f"{version('pygame-ce')}, pygame_gui {version('pygame_gui')}"
    )
    print(f"SDL video drivers measured: {', '.join(drivers)}")
    print(f"date: {time.strftime('%Y-%m-%d')}, code: {code_state()}")
    load = os.getloadavg()[0]
    busy = "  <- the machine may be busy; see 'other processes' at the end" if load > 1.0 else ""
    print(f"load average (1 min) at start: {load:.2f}{busy}")
    render = os.environ.get("SDL_RENDER_DRIVER", "SDL's default")
    print(f"SDL render driver for the SCALED window: {render}")


@contextlib.contextmanager
def xvfb(size: str = "1920x1080x24") -> Iterator[dict[str, str]]:
    """An Xvfb display started (and stopped) by this script; yields the env to reach it."""
    number = next(
        n
        for n in range(90, 200)
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists()
    )
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", size, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield {"DISPLAY": f":{number}", "SDL_VIDEODRIVER": "x11"}
    finally:
        server.terminate()
        server.wait(timeout=10)
