"""Frame times of the GUI while the typewriter runs, and the resident memory after it.

Run: python bench/gui_frames.py [--seconds 3] [--drivers dummy x11]

Each case is a fresh process (this script with ``--child``): settings
``text_speed: slow`` written with ``SettingsStore`` in a temporary saves folder,
``App(Folders(scenarios/, saves))`` with ``TitleScene`` and then ``PlayScene`` pushed,
and a loop paced as ``App.run`` paces it (sleep to 1/60 s) that hands the app its
events and calls ``app.frame(dt)`` with the real dt, until the text effect
finishes or ``--seconds`` pass. Per frame it times the work (events + frame: update,
draw, flip); it prints the average, 95th percentile and worst, the frames per second
reached, and then VmRSS and VmHWM from /proc/self/status. A second, instrumented
run splits the frame into the scene's background drawing, pygame_gui's update
and draw, and ``pygame.display.flip`` (those calls wrapped; the first run is
untouched), and the child also times 60 bare flips of the same window as the floor.

Cases: the scenario's start node (a narration panel) and its first decision node
with a presentation (the chat/post drawn on the stage as well), both from scenarios/.

Window: the game draws on a 1280x720 canvas with pygame.SCALED. Under SDL's
``dummy`` driver there is no real window (the figure is the game's own drawing).
Under ``x11`` (an Xvfb 1920x1080x24 this script starts when ``Xvfb`` is installed)
the window is resized to 1920x1080 with ``pygame.Window``, so SDL scales every
frame up as it would on a 1080p desktop (here with Mesa's software OpenGL, no GPU).
Prints figures, asserts nothing. Targets (the project's issue): 60 frames per second
during the typewriter at a 1920x1080 window, resident memory <= 200 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gui_common import machine_busy, print_machine, print_others, xvfb  # noqa: E402

CASES = ("narration", "decision")
BUDGET = 1 / 60


# -- the child: one case in its own process ---------------------------------------------------


def memory() -> dict[str, float]:
    """VmRSS and VmHWM (peak) of this process in MB, from /proc/self/status."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


def first_node(scenario: object, case: str) -> str:
    """The start node (narration) or the first decision reached that has a presentation."""
    if case == "narration":
        return scenario.start  # type: ignore[attr-defined]
    nodes = scenario.nodes  # type: ignore[attr-defined]
    for node_id, node in nodes.items():
        if node.kind == "decision" and node.presentation is not None:
            return node_id
    return next(node_id for node_id, node in nodes.items() if node.kind == "decision")


class Timers:
    """Wall time spent inside a few wrapped calls, while ``on``."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.on = False

    def wrap(self, owner: object, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def timed(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                if self.on:
                    self.spent[label] += time.perf_counter() - start

        setattr(owner, name, timed)


def floor_child(seconds: float) -> dict[str, object]:
    """A bare pygame window of the same size and flags, filled and flipped at 60 fps."""
    import pygame

    pygame.display.init()
    surface = pygame.display.set_mode((1280, 720), pygame.SCALED | pygame.RESIZABLE)
    if pygame.display.get_driver() != "dummy":
        pygame.Window.from_display_module().size = (1920, 1080)
        settle = time.perf_counter() + 0.3
        while time.perf_counter() < settle:
            pygame.event.get()
            pygame.display.flip()
            time.sleep(0.01)
    costs = []
    start = time.perf_counter()
    while time.perf_counter() - start < min(seconds, 1.0):
        began = time.perf_counter()
        pygame.event.get()
        surface.fill((246, 241, 233) if len(costs) % 2 else (240, 235, 228))
        pygame.display.flip()
        costs.append(time.perf_counter() - began)
        time.sleep(max(0.0, BUDGET - (time.perf_counter() - began)))
    info = {
        "flip": statistics.median(costs),
        "memory": memory(),
        "window": list(pygame.display.get_window_size()),
        "driver": pygame.display.get_driver(),
    }
    pygame.display.quit()
    return info


def child(case: str, seconds: float, instrument: bool) -> dict[str, object]:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(ROOT))
    if case == "floor":
        return floor_child(seconds)
    import pygame

    from game.persistence.settings import Settings, SettingsStore
    from game.ui.gui.app import App, Folders
    from game.ui.gui.scenes.play import PlayScene
    from game.ui.gui.scenes.title import TitleScene

    info: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        saves = Path(folder)
        SettingsStore(saves).save(Settings(text_speed="slow"))
        app = App(Folders(ROOT / "scenarios", saves))
        app.push(TitleScene(app))
        app.frame(0)
        if pygame.display.get_driver() != "dummy":
            window = pygame.Window.from_display_module()
            window.size = (1920, 1080)
            settle = time.perf_counter() + 0.3
            while time.perf_counter() < settle:
                for event in pygame.event.get():
                    app.process(event)
                app.frame(0.01)
                time.sleep(0.01)
        scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
        node = first_node(scenario, case)
        text = scenario.node(node).text.get(app.lang)
        timers = Timers()
        scene = PlayScene(app, scenario, start_at=node)
        if instrument:
            timers.wrap(scene, "draw_background", "scene background")
            timers.wrap(scene, "draw_overlay", "scene overlay")
            timers.wrap(pygame.display, "flip", "display.flip")
        app.push(scene)
        if instrument:
            timers.wrap(app.manager, "update", "pygame_gui update")
            timers.wrap(app.manager, "draw_ui", "pygame_gui draw_ui")
            timers.on = True
        info.update(
            scenario=scenario.scenario_id,
            node=node,
            characters=len(text),
            speed=app.settings.characters_per_second,
            animating=scene.is_animating,
            window=list(pygame.display.get_window_size()),
            canvas=list(app.window.get_size()),
            driver=pygame.display.get_driver(),
        )
        costs, ends = [], []
        drawn_before = app.frames_drawn
        cpu_before = time.process_time()
        start = last = time.perf_counter()
        finished = False
        while True:
            began = time.perf_counter()
            for event in pygame.event.get():
                app.process(event)
            app.frame(began - last)
            last = began
            done = time.perf_counter()
            costs.append(done - began)
            ends.append(done)
            if not scene.is_animating:
                finished = True
                break
            if done - start >= seconds:
                break
            time.sleep(max(0.0, BUDGET - (time.perf_counter() - began)))
        elapsed = time.perf_counter() - start
        info.update(
            costs=costs,
            ends=ends,
            elapsed=elapsed,
            drawn=app.frames_drawn - drawn_before,
            cpu=time.process_time() - cpu_before,
            finished=finished,
            memory=memory(),
            spent=dict(timers.spent),
        )
        timers.on = False
        flips = []
        for _ in range(60):
            began = time.perf_counter()
            pygame.display.flip()
            flips.append(time.perf_counter() - began)
        info["bare_flip"] = statistics.median(flips)
        app.close()
    return info


# -- the parent ---------------------------------------------------------------------------------


def run_case(case: str, env: dict[str, str], seconds: float, instrument: bool = False) -> dict:
    command = [sys.executable, __file__, "--child", case, "--seconds", str(seconds)]
    if instrument:
        command.append("--instrument")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{case} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1][len("RESULT ") :])


def ms(value: float) -> str:
    return f"{1000 * value:6.2f}"


def measure(label: str, env: dict[str, str], seconds: float) -> dict[str, dict[str, float]]:
    figures = {}
    header = False
    for case in CASES:
        result = run_case(case, env, seconds)
        if not header:
            window, canvas = result["window"], result["canvas"]
            print(
                f"\n== driver: {result['driver']} ({label}), window {window[0]}x{window[1]}, "
                f"canvas {canvas[0]}x{canvas[1]} SCALED, up to {seconds:g} s of typewriter =="
            )
            print(
                f"{'case':10}{'frames':>7}{'fps':>7}{'avg ms':>8}{'p95 ms':>8}{'max ms':>8}"
                f"{'1st ms':>8}{'>16.7':>6}{'gap ms':>8}{'CPU %':>7}{'RSS MB':>8}{'HWM MB':>8}"
            )
            header = True
        costs = result["costs"]
        steady = costs[1:] or costs
        ends = result["ends"]
        gaps = [b - a for a, b in zip(ends, ends[1:], strict=False)] or [0.0]
        fps = result["drawn"] / result["elapsed"]
        p95 = statistics.quantiles(steady, n=20)[-1] if len(steady) >= 20 else max(steady)
        over = sum(1 for cost in steady if cost > BUDGET)
        rss, hwm = result["memory"]["VmRSS"], result["memory"]["VmHWM"]
        cpu = 100 * result["cpu"] / result["elapsed"]
        print(
            f"{case:10}{result['drawn']:7d}{fps:7.1f}{ms(statistics.fmean(steady)):>8}"
            f"{ms(p95):>8}{ms(max(steady)):>8}{ms(costs[0]):>8}{over:6d}{ms(max(gaps)):>8}"
            f"{cpu:7.1f}{rss:8.1f}{hwm:8.1f}"
        )
        print(
            f"{'':10}{result['scenario']} node {result['node']}: {result['characters']} "
            f"characters at {result['speed']:g}/s; effect "
            f"{'finished' if result['finished'] else 'still typing at the cut-off'}; "
            f"bare flip of this window {ms(result['bare_flip']).strip()} ms"
        )
        figures[case] = {
            "fps": fps,
            "avg": statistics.fmean(steady),
            "max": max(steady),
            "rss": rss,
            "hwm": hwm,
        }
    print(
        "(avg/p95/max: work per frame after the first, events + app.frame incl. flip; "
        "'1st': the first frame; '>16.7': frames over the 60 fps budget; 'gap': worst time "
        "between two frames' ends; CPU %: of one core over the phase)"
    )
    floor = run_case("floor", env, seconds)
    print(
        f"floor: a bare 1280x720 SCALED window ({floor['window'][0]}x{floor['window'][1]}), "
        f"fill + flip at 60 fps: {ms(floor['flip']).strip()} ms per frame, "
        f"RSS {floor['memory']['VmRSS']:.1f} MB (peak {floor['memory']['VmHWM']:.1f} MB)"
    )
    print("instrumented runs, ms per drawn frame:")
    for case in CASES:
        result = run_case(case, env, seconds, instrument=True)
        drawn = max(result["drawn"], 1)
        total = statistics.fmean(result["costs"])
        parts = ", ".join(
            f"{name} {ms(spent / drawn).strip()}"
            for name, spent in sorted(result["spent"].items(), key=lambda item: -item[1])
        )
        print(f"  {case:10} frame {ms(total).strip()} = {parts}, rest in events/update")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--drivers", nargs="+", choices=("dummy", "x11"), default=None)
    parser.add_argument("--child", choices=(*CASES, "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--instrument", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child(args.child, args.seconds, args.instrument)
        print("RESULT " + json.dumps(result), flush=True)
        return
    has_xvfb = shutil.which("Xvfb") is not None
    drivers = args.drivers or (["dummy", "x11"] if has_xvfb else ["dummy"])
    shown = [d if d == "dummy" else "x11 (Xvfb 1920x1080x24)" for d in drivers]
    if "x11" not in drivers and not has_xvfb:
        shown.append("x11 skipped: Xvfb not installed")
    print_machine(shown)
    started, start = time.monotonic(), machine_busy()
    base = dict(os.environ, PYGAME_HIDE_SUPPORT_PROMPT="1")
    summary = {}
    for driver in drivers:
        if driver == "dummy":
            env = dict(base, SDL_VIDEODRIVER="dummy")
            summary[driver] = measure("no window system", env, args.seconds)
        elif not has_xvfb:
            print("\n== driver: x11 skipped: Xvfb is not installed ==")
        else:
            with xvfb() as extra:
                summary[driver] = measure(
                    f"Xvfb {extra['DISPLAY']}", dict(base, **extra), args.seconds
                )
    print("\nsummary (targets: 60 fps during the typewriter at 1920x1080, RSS <= 200 MB):")
    for driver, figures in summary.items():
        for case, row in figures.items():
            print(
                f"  {driver:6} {case:10} {row['fps']:5.1f} fps, frame avg {ms(row['avg']).strip()} "
                f"ms, worst {ms(row['max']).strip()} ms, RSS {row['rss']:.0f} MB "
                f"(peak {row['hwm']:.0f} MB)"
            )

    print_others(start, started)


if __name__ == "__main__":
    main()
