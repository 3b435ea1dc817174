"""Time to the first drawn title frame of the GUI against a bare pygame window.

Run: python bench/gui_startup.py [--runs 5] [--drivers dummy x11]

Each run is a fresh ``python -c`` process. The game's child records
``time.perf_counter()`` on its first line, imports ``game.cli`` and then
``game.ui.gui.run`` (as ``python main.py`` does before its window), builds
``App(Folders(scenarios/, <temporary saves folder>))``, pushes ``TitleScene`` and
calls ``app.frame(0)`` once: a first start, so the title finds no autosave and
loads no scenario. The bare child imports pygame, initialises the display, opens
the same 1280x720 SCALED|RESIZABLE window, fills it and flips. ``perf_counter``
is CLOCK_MONOTONIC on Linux, shared by every process, so the parent subtracts the
moment it spawned the child from the moment the child's frame was on screen: the
figure includes the interpreter's own start. The two kinds of run alternate, after
one unrecorded warm-up of each (file cache), and the median of ``--runs`` is
printed with the phases of the game's start and the imports that cost most
(``python -X importtime``).

Drivers: SDL's ``dummy`` always; ``x11`` under an Xvfb this script starts
itself (1920x1080x24) when ``Xvfb`` is installed. Prints figures, asserts nothing.
Targets (the project's issue): first title frame <= 1.0 s on a 2-core machine and
<= 2.5x the bare window measured in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gui_common import machine_busy, print_machine, print_others, xvfb  # noqa: E402

CANVAS = (1280, 720)

GAME_CHILD = r"""
import time; T0 = time.perf_counter()
import os, sys, json, tempfile
from pathlib import Path
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import game.cli  # what `python main.py` imports before it decides to open the window
TC = time.perf_counter()
import game.ui.gui.run  # what the command line then imports for the window
T1 = time.perf_counter()
from game.ui.gui.app import App, Folders
from game.ui.gui.scenes.title import TitleScene
import pygame
with tempfile.TemporaryDirectory() as saves:
    app = App(Folders(Path("scenarios").resolve(), Path(saves)))
    T2 = time.perf_counter()
    app.push(TitleScene(app))  # loads the scenarios only when an autosave exists (none here)
    T4 = time.perf_counter()
    app.frame(0)
    T5 = time.perf_counter()
    out = dict(t0=T0, cli=TC, imports=T1, app=T2, title=T4, frame=T5,
               loaded=app._scenarios is not None, mixer=pygame.mixer.get_init() is not None,
               frames_drawn=app.frames_drawn, driver=pygame.display.get_driver(),
               window=list(pygame.display.get_window_size()),
               sdl=".".join(map(str, pygame.get_sdl_version())))
    app.close()
print("RESULT " + json.dumps(out), flush=True)
"""

BARE_CHILD = r"""
import time; T0 = time.perf_counter()
import os, json
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
T1 = time.perf_counter()
INIT
window = pygame.display.set_mode((1280, 720), pygame.SCALED | pygame.RESIZABLE)
window.fill((246, 241, 233))
pygame.display.flip()
T5 = time.perf_counter()
out = dict(t0=T0, imports=T1, frame=T5, driver=pygame.display.get_driver(),
           window=list(pygame.display.get_window_size()))
pygame.quit()
print("RESULT " + json.dumps(out), flush=True)
"""
# the bare window: import pygame, init, set_mode, flip (pygame.init() starts audio too)
BARE_INIT_CHILD = BARE_CHILD.replace("INIT", "pygame.init()")
# the display alone: the floor of any pygame window
BARE_DISPLAY_CHILD = BARE_CHILD.replace("INIT", "pygame.display.init()")


PROFILE_CHILD = r"""
import os, sys, json, tempfile, cProfile, pstats
from pathlib import Path
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import game.cli, game.ui.gui.run
from game.ui.gui.app import App, Folders
from game.ui.gui.scenes.title import TitleScene
with tempfile.TemporaryDirectory() as saves:
    import time
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    app = App(Folders(Path("scenarios").resolve(), Path(saves)))
    app.push(TitleScene(app))
    app.frame(0)
    profile.disable()
    wall = time.perf_counter() - start
    app.close()
rows = [
    [file, line, name, calls, own, cumulative]
    for (file, line, name), (_, calls, own, cumulative, _) in pstats.Stats(profile).stats.items()
]
print("RESULT " + json.dumps({"rows": rows, "wall": wall}), flush=True)
"""


def child_env(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env.update(extra)
    return env


def run_child(code: str, env: dict[str, str], flags: tuple[str, ...] = ()) -> tuple[Any, str]:
    spawned = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *flags, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    exited = time.perf_counter()
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    result = json.loads(lines[-1][len("RESULT ") :])
    if isinstance(result, dict):
        result["spawned"], result["exited"] = spawned, exited
    return result, done.stderr


def importtime(env: dict[str, str]) -> list[tuple[str, int, int, int]]:
    """(module, depth, self us, cumulative us) for each module the game child imports."""
    _, stderr = run_child(GAME_CHILD, env, ("-X", "importtime"))
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line[len("import time:") :].split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append((name.strip(), depth, int(own), int(cumulative)))
    return rows


def group(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:3]) if parts[0] == "game" else parts[0]


def short(file: str, line: int, name: str) -> str:
    if file == "~":
        return name  # a built-in
    path = Path(file)
    with contextlib.suppress(ValueError):
        return f"{path.relative_to(ROOT)}:{line}({name})"
    parts = path.parts
    where = parts[parts.index("site-packages") + 1 :] if "site-packages" in parts else parts[-2:]
    return f"{'/'.join(where)}:{line}({name})"


def print_profile(env: dict[str, str]) -> None:
    """cProfile of App() + push(TitleScene) + frame(0), after the imports (one run, inflated)."""
    result, _ = run_child(PROFILE_CHILD, env)
    rows = result["rows"]
    print(
        f"\nApp() + push(TitleScene) + frame(0) under cProfile (one run, inflated): "
        f"{result['wall']:.3f} s"
    )
    print("the game's own calls by cumulative time (top 14):")
    own = [row for row in rows if str(ROOT / "game") in row[0]]
    for file, line, name, calls, _, cumulative in sorted(own, key=lambda r: -r[5])[:14]:
        print(f"  {cumulative:7.3f} s {calls:6d}x {short(file, line, name)}")
    print("where the time is spent, by own time (top 8):")
    for file, line, name, calls, spent, _ in sorted(rows, key=lambda r: -r[4])[:8]:
        print(f"  {spent:7.3f} s {calls:6d}x {short(file, line, name)}")


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure(label: str, env: dict[str, str], runs: int) -> dict[str, float]:
    for code in (BARE_INIT_CHILD, BARE_DISPLAY_CHILD, GAME_CHILD):
        run_child(code, env)  # warm-ups: file cache, fontconfig cache
    bare, display, game = [], [], []
    for _ in range(runs):
        bare.append(run_child(BARE_INIT_CHILD, env)[0])
        display.append(run_child(BARE_DISPLAY_CHILD, env)[0])
        game.append(run_child(GAME_CHILD, env)[0])
    sample = game[0]
    print(
        f"\n== driver: {sample['driver']} ({label}), SDL {sample['sdl']}, "
        f"window {sample['window'][0]}x{sample['window'][1]}, {runs} runs each, median =="
    )
    clock = time.get_clock_info("perf_counter").implementation
    print(f"clock shared by parent and child: {clock}")

    def spans(results: list[dict], start: str, end: str) -> list[float]:
        return [r[end] - r[start] for r in results]

    bare_frame = median(spans(bare, "spawned", "frame"))
    display_frame = median(spans(display, "spawned", "frame"))
    game_frame = median(spans(game, "spawned", "frame"))
    print(f"{'':38}{'median s':>10}{'min s':>8}{'max s':>8}")
    rows = [
        ("bare window, pygame.init(): flipped", spans(bare, "spawned", "frame")),
        ("  interpreter start", spans(bare, "spawned", "t0")),
        ("  import pygame", spans(bare, "t0", "imports")),
        ("  pygame.init()+set_mode+flip", spans(bare, "imports", "frame")),
        ("bare window, display.init(): flipped", spans(display, "spawned", "frame")),
        ("  display.init()+set_mode+flip", spans(display, "imports", "frame")),
        ("game: spawn -> title frame drawn", spans(game, "spawned", "frame")),
        ("  interpreter start", spans(game, "spawned", "t0")),
        ("  import game.cli", spans(game, "t0", "cli")),
        ("  import game.ui.gui.run", spans(game, "cli", "imports")),
        ("  App() (display, sound, window, UI)", spans(game, "imports", "app")),
        ("  push(TitleScene) (widgets)", spans(game, "app", "title")),
        ("  app.frame(0) (first draw+flip)", spans(game, "title", "frame")),
        ("game: spawn -> process exited", spans(game, "spawned", "exited")),
    ]
    for name, values in rows:
        print(f"{name:38}{median(values):10.3f}{min(values):8.3f}{max(values):8.3f}")
    ratio = game_frame / bare_frame
    print(
        f"ratio game / bare pygame.init() window: {ratio:.2f}; game / display-only window: "
        f"{game_frame / display_frame:.2f}   (targets: <= 1.0 s and <= 2.5x)"
    )
    loaded = sum(1 for r in game if r["loaded"])
    mixers = sum(1 for r in game if r["mixer"])
    print(
        f"first start (empty saves folder): scenarios loaded before the frame in {loaded} of "
        f"{runs} runs, mixer open in {mixers} of {runs}"
    )
    print_profile(env)
    imports = importtime(env)
    by_group: dict[str, int] = defaultdict(int)
    for name, _, own, _ in imports:
        by_group[group(name)] += own
    total = sum(own for _, _, own, _ in imports)
    print(f"\nimports under -X importtime (one run, inflated by the tracing): {total / 1e6:.3f} s")
    print("import tree, cumulative >= 15 ms (children above their parent, as Python prints it):")
    for name, depth, _, cumulative in imports:
        if cumulative >= 15_000:
            print(f"  {cumulative / 1e6:6.3f} s  {'  ' * depth}{name}")
    print("self time by package (top 10):")
    for name, own in sorted(by_group.items(), key=lambda item: -item[1])[:10]:
        print(f"  {name:36}{own / 1e6:8.3f} s {100 * own / total:5.1f}%")
    return {"bare": bare_frame, "display": display_frame, "game": game_frame, "ratio": ratio}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--drivers", nargs="+", choices=("dummy", "x11"), default=None)
    args = parser.parse_args()
    has_xvfb = shutil.which("Xvfb") is not None
    drivers = args.drivers or (["dummy", "x11"] if has_xvfb else ["dummy"])
    shown = [d if d == "dummy" else "x11 (Xvfb 1920x1080x24)" for d in drivers]
    if "x11" not in drivers and not has_xvfb:
        shown.append("x11 skipped: Xvfb not installed")
    print_machine(shown)
    started, start = time.monotonic(), machine_busy()
    summary = {}
    for driver in drivers:
        if driver == "dummy":
            env = child_env({"SDL_VIDEODRIVER": "dummy"})
            summary[driver] = measure("no window system", env, args.runs)
        elif not has_xvfb:
            print("\n== driver: x11 skipped: Xvfb is not installed ==")
        else:
            with xvfb() as extra:
                summary[driver] = measure(f"Xvfb {extra['DISPLAY']}", child_env(extra), args.runs)
    print("\nsummary (median s to first frame):")
    for driver, figures in summary.items():
        print(
            f"  {driver:6} bare (pygame.init) {figures['bare']:.3f}  bare (display) "
            f"{figures['display']:.3f}  game {figures['game']:.3f}  ratio {figures['ratio']:.2f}"
        )

    print_others(start, started)


if __name__ == "__main__":
    main()
