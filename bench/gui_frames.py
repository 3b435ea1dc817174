"""Frame pacing of the GUI while the typewriter runs and during cross-fades, and its memory.

Run: python bench/gui_frames.py [--seconds 3] [--fades 10] [--drivers dummy x11]

Each case is a fresh process (this script with ``--child``) that runs the game's own
loop, ``App.run()``, unchanged: settings written with ``SettingsStore`` in a temporary
saves folder (``play_mode: assess``), ``App(Folders(scenarios/, saves))`` with
``TitleScene``, one second of ``App.run`` on the title (a person looks at it at least
that long; the app warms its fonts up in those idle turns), ``LibraryScene`` pushed
(it loads the scenarios) and a few idle turns there, then ``PlayScene`` over it:

- narration: ``text_speed: slow`` (20 characters/s), the scenario's start node (text
  panel only), ``App.run`` until the typewriter ends or ``--seconds`` pass.
- decision: the same at the first decision node with a presentation (the chat or post
  on the stage as well).
- fade: ``text_speed: instant`` at that decision node, the key ``1`` posted as a
  KEYDOWN event, ``App.run`` until the 0.2 s cross-fade to the next node has ended;
  ``--fades`` times, each with a fresh play scene (the scenario's background and
  presentation drawn once by then, as in a play) and a few idle turns after it.
- play (memory only): a whole play of the first scenario by keys, learning mode, the
  first choice offered each time, ``text_speed: fast``, a few idle turns after each
  screen settles (as a person reads), until the report; VmRSS and VmHWM at its end.

Wrapping ``pygame.event.get`` (a turn starts), ``App.frame`` (it ends) and
``pygame.display.flip`` (the turn drew), it prints turns per second (the loop's rate
while something moves; the target is 60), frames drawn per second (the typewriter
draws only when a letter was added: 20 a second at this speed), the work of a drawn
frame and of a turn that drew nothing, the gaps between turns (all three leave out
the turn that opened a node), what opening the node cost (``app.push`` or the key's
turn, with the node's first frame), then VmRSS and VmHWM from /proc/self/status. A
second, instrumented run splits the drawn frame into the scene's background and
overlay, pygame_gui's update and draw, and ``pygame.display.flip``; the child
also times 60 bare flips of the same window as the floor.

Window: the game draws on a 1280x720 canvas with pygame.SCALED. Under SDL's
``dummy`` driver there is no real window (the figure is the game's own drawing).
Under ``x11`` (an Xvfb 1920x1080x24 this script starts when ``Xvfb`` is installed)
the window is resized to 1920x1080 with ``pygame.Window``, so SDL scales every
frame up as it would on a 1080p desktop (here with Mesa's software OpenGL, no GPU).
Prints figures, asserts nothing. Targets (the project's issue): 60 frames per second
during the typewriter and transitions at a 1920x1080 window, resident memory <= 200 MB.
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gui_common import machine_busy, print_machine, print_others, xvfb  # noqa: E402

CASES = ("narration", "decision", "fade")
BUDGET = 1 / 60
TITLE_SECONDS = 1.0


# -- the child: one case in its own process ---------------------------------------------------


def memory() -> dict[str, float]:
    """VmRSS and VmHWM (peak) of this process in MB, from /proc/self/status."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


def first_node(scenario: Any, case: str) -> str:
    """The start node (narration) or the first decision that has a presentation."""
    if case == "narration":
        return str(scenario.start)
    nodes = scenario.nodes
    for node_id, node in nodes.items():
        if node.kind == "decision" and node.presentation is not None:
            return str(node_id)
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


class Turns:
    """Per loop turn of App.run: when it began, its work (events + frame), whether it drew."""

    def __init__(self, app: Any, pygame: Any) -> None:
        self.rows: list[tuple[float, float, bool, int]] = []
        self.on = False
        self.run = 0  # which call of App.run a turn belongs to
        self._began = 0.0
        self._flips = 0
        get, frame, flip = pygame.event.get, app.frame, pygame.display.flip

        def counted_get(*args: object, **kwargs: object) -> list:
            self._began = time.perf_counter()
            return get(*args, **kwargs)

        def counted_frame(seconds: float) -> None:
            flips = self._flips
            frame(seconds)
            if self.on:
                end = time.perf_counter()
                self.rows.append((self._began, end - self._began, self._flips > flips, self.run))

        def counted_flip() -> None:
            flip()
            self._flips += 1

        pygame.event.get = counted_get
        app.frame = counted_frame
        pygame.display.flip = counted_flip


SCALING = ("SDL_HINT_RENDER_SCALE_QUALITY", "SDL_RENDER_SCALE_QUALITY")


def scaling() -> dict[str, str]:
    """How SDL was asked to scale the canvas to the window (the game may ask for smoothness)."""
    return {name: os.environ[name] for name in SCALING if name in os.environ}


def floor_child(seconds: float) -> dict[str, object]:
    """A bare pygame window of the same size, flags and scaling, filled and flipped at 60 fps."""
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
        "scaling": scaling(),
    }
    pygame.display.quit()
    return info


def settled(app: Any, turns: int = 3) -> Any:
    """An ``until`` for App.run: true after ``turns`` turns with nothing moving (idle turns)."""
    count = 0

    def until() -> bool:
        nonlocal count
        top = app.stack.top
        count = 0 if top is not None and top.is_animating else count + 1
        return count >= turns

    return until


def play_child() -> dict[str, object]:
    """A whole play by keys (learning mode, first choice offered) to the report: its memory."""
    import pygame

    from game.persistence.settings import Settings, SettingsStore
    from game.ui.gui.app import App, Folders
    from game.ui.gui.intents import Action, Intent
    from game.ui.gui.scenes.library import LibraryScene
    from game.ui.gui.scenes.play import PlayScene
    from game.ui.gui.scenes.title import TitleScene

    with tempfile.TemporaryDirectory() as folder:
        saves = Path(folder)
        SettingsStore(saves).save(Settings(text_speed="fast", play_mode="learn"))
        app = App(Folders(ROOT / "scenarios", saves))
        app.push(TitleScene(app))
        app.frame(0)
        if pygame.display.get_driver() != "dummy":
            pygame.Window.from_display_module().size = (1920, 1080)
        app.run(until=settled(app, 30))
        app.push(LibraryScene(app))  # it loads the scenarios; a person picks one
        app.run(until=settled(app))
        scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
        scene = PlayScene(app, scenario)
        app.push(scene)
        steps = 0
        while app.stack.top is scene and steps < 400:
            app.run(until=settled(app))  # typed out, faded in, a few idle turns: a person reads
            if scene.phase == "choosing":
                number = next(c.number for _, c, _ in scene.choice_cards if c.is_available)
                app.dispatch(Intent(Action.CHOOSE, number))
            else:
                app.dispatch(Intent(Action.CONFIRM))
            steps += 1
        app.run(until=settled(app))
        info = {
            "steps": steps,
            "ended_on": type(app.stack.top).__name__,
            "scenario": scenario.scenario_id,
            "nodes": len(scene.engine.state.path),
            "memory": memory(),
            "driver": pygame.display.get_driver(),
        }
        app.close()
    return info


def child(case: str, seconds: float, fades: int, instrument: bool) -> dict[str, object]:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(ROOT))
    if case == "floor":
        return floor_child(seconds)
    if case == "play":
        return play_child()
    import pygame

    from game.persistence.settings import Settings, SettingsStore
    from game.ui.gui.app import App, Folders
    from game.ui.gui.scenes.library import LibraryScene
    from game.ui.gui.scenes.play import PlayScene
    from game.ui.gui.scenes.title import TitleScene

    info: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        saves = Path(folder)
        speed = "instant" if case == "fade" else "slow"
        SettingsStore(saves).save(Settings(text_speed=speed, play_mode="assess"))
        app = App(Folders(ROOT / "scenarios", saves))
        app.push(TitleScene(app))
        app.frame(0)
        if pygame.display.get_driver() != "dummy":
            pygame.Window.from_display_module().size = (1920, 1080)
        on_title = time.perf_counter() + TITLE_SECONDS
        app.run(until=lambda: time.perf_counter() >= on_title)
        app.push(LibraryScene(app))  # it loads the scenarios; a person picks one
        app.run(until=settled(app))
        scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
        node = first_node(scenario, case)
        timers = Timers()
        turns = Turns(app, pygame)
        if instrument:
            timers.wrap(PlayScene, "draw_background", "scene background")
            timers.wrap(PlayScene, "draw_overlay", "scene overlay (fade, focus)")
            timers.wrap(pygame.display, "flip", "display.flip")
            timers.wrap(app.manager, "update", "pygame_gui update")
            timers.wrap(app.manager, "draw_ui", "pygame_gui draw_ui")
        info.update(
            scenario=scenario.scenario_id,
            node=node,
            characters=len(scenario.node(node).text.get(app.lang)),
            speed=app.settings.characters_per_second,
            window=list(pygame.display.get_window_size()),
            canvas=list(app.window.get_size()),
            driver=pygame.display.get_driver(),
            scaling=scaling(),
        )
        opens: list[float] = []
        open_rows: list[int] = []  # the turns that opened a node, reported apart
        cpu_before = time.process_time()
        start = time.perf_counter()
        if case == "fade":
            for _ in range(fades):
                scene = PlayScene(app, scenario, start_at=node)
                app.push(scene)
                app.run(until=lambda: not app.dirty)  # the choices drawn, the loop idle
                turns.on = timers.on = True
                turns.run += 1
                chose = len(turns.rows)
                pygame.event.post(
                    pygame.event.Event(
                        pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="1", scancode=0
                    )
                )
                app.run(until=lambda s=scene: s.engine.state.node_id != node and s.fade is None)
                turns.on = timers.on = False
                opens.append(turns.rows[chose][1])  # the turn of the key: choose, build, draw
                open_rows.append(chose)
                app.run(until=settled(app))  # a few idle turns on the new node, as a person reads
                app.pop()
            finished = True
        else:
            scene = PlayScene(app, scenario, start_at=node)
            turns.on = timers.on = True
            began = time.perf_counter()
            app.push(scene)
            pushed = time.perf_counter() - began
            cut = time.perf_counter() + seconds
            app.run(until=lambda: not scene.is_animating or time.perf_counter() >= cut)
            turns.on = timers.on = False
            opens.append(pushed + turns.rows[0][1])
            open_rows.append(0)
            finished = not scene.is_animating
        elapsed = time.perf_counter() - start
        info.update(
            rows=turns.rows,
            opens=opens,
            open_rows=open_rows,
            elapsed=elapsed,
            cpu=time.process_time() - cpu_before,
            finished=finished,
            memory=memory(),
            spent=dict(timers.spent),
        )
        flips = []
        for _ in range(60):
            began = time.perf_counter()
            pygame.display.flip()
            flips.append(time.perf_counter() - began)
        info["bare_flip"] = statistics.median(flips)
        app.close()
    return info


# -- the parent ---------------------------------------------------------------------------------


def run_case(
    case: str, env: dict[str, str], seconds: float, fades: int, instrument: bool = False
) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        case,
        "--seconds",
        str(seconds),
        "--fades",
        str(fades),
    ]
    if instrument:
        command.append("--instrument")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{case} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1][len("RESULT ") :])


def ms(value: float) -> str:
    return f"{1000 * value:6.2f}"


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def summarise(result: dict) -> dict[str, float]:
    """Turn rate, drawn-frame rate and costs over the measured turns (a fade's own turns)."""
    rows = result["rows"]
    opening = set(result["open_rows"])
    # gaps between turns of the same App.run (between two fades the play scene was rebuilt),
    # leaving out the gap after a turn that opened a node (that turn is reported as "open")
    gaps = [
        b[0] - a[0]
        for index, (a, b) in enumerate(zip(rows, rows[1:], strict=False))
        if a[3] == b[3] and index not in opening
    ] or [0.0]
    steady = [row for index, row in enumerate(rows) if index not in opening]
    drawn = [row[1] for row in steady if row[2]] or [0.0]
    quiet = [row[1] for row in steady if not row[2]] or [0.0]
    span = sum(gaps)
    turn_rate = (len(gaps) / span) if span else 0.0
    draw_share = sum(1 for row in steady if row[2]) / max(len(steady), 1)
    return {
        "turns": len(rows),
        "turn_rate": turn_rate,
        "draw_rate": turn_rate * draw_share,
        "drawn_avg": statistics.fmean(drawn),
        "drawn_p95": p95(drawn),
        "drawn_max": max(drawn),
        "over": sum(1 for cost in drawn if cost > BUDGET),
        "quiet_avg": statistics.fmean(quiet),
        "gap_p95": p95(gaps),
        "gap_max": max(gaps),
        "open": statistics.median(result["opens"]),
        "open_max": max(result["opens"]),
        "cpu": 100 * result["cpu"] / result["elapsed"],
        "rss": result["memory"]["VmRSS"],
        "hwm": result["memory"]["VmHWM"],
    }


def measure(label: str, env: dict[str, str], seconds: float, fades: int) -> dict[str, dict]:
    figures = {}
    header = False
    for case in CASES:
        result = run_case(case, env, seconds, fades)
        if not header:
            window, canvas = result["window"], result["canvas"]
            print(
                f"\n== driver: {result['driver']} ({label}), window {window[0]}x{window[1]}, "
                f"canvas {canvas[0]}x{canvas[1]} SCALED, scaling hints "
                f"{result['scaling'] or 'none (SDL default)'} =="
            )
            print(
                f"{'case':10}{'turns':>6}{'turn/s':>7}{'draw/s':>7}{'drawn avg':>10}{'p95':>7}"
                f"{'max':>7}{'>16.7':>6}{'idle turn':>10}{'gap p95':>8}{'gap max':>8}"
                f"{'open ms':>8}{'CPU %':>7}{'RSS MB':>7}{'HWM MB':>7}"
            )
            header = True
        row = summarise(result)
        print(
            f"{case:10}{row['turns']:6d}{row['turn_rate']:7.1f}{row['draw_rate']:7.1f}"
            f"{ms(row['drawn_avg']):>10}{ms(row['drawn_p95']):>7}{ms(row['drawn_max']):>7}"
            f"{row['over']:6d}{ms(row['quiet_avg']):>10}{ms(row['gap_p95']):>8}"
            f"{ms(row['gap_max']):>8}{ms(row['open']):>8}{row['cpu']:7.1f}{row['rss']:7.1f}"
            f"{row['hwm']:7.1f}"
        )
        what = (
            f"{fades} cross-fades from node {result['node']} (choice 1), instant text"
            if case == "fade"
            else f"node {result['node']}: {result['characters']} characters at "
            f"{result['speed']:g}/s; effect "
            f"{'finished' if result['finished'] else 'still typing at the cut-off'}"
        )
        print(
            f"{'':10}{result['scenario']} {what}; bare flip of this window "
            f"{ms(result['bare_flip']).strip()} ms; worst open {ms(row['open_max']).strip()} ms"
        )
        figures[case] = row
    print(
        "(turn/s: loop turns a second while something moves, the target 60; draw/s: frames "
        "drawn a second; drawn avg/p95/max: work of a turn that drew, events + app.frame incl. "
        "flip, the turns that opened a node left out; '>16.7': drawn frames over the 60 fps "
        "budget; idle turn: work of a turn that drew nothing; gap: time between two turns' "
        "starts; open: app.push or the key's turn with the node's first frame (median); "
        "CPU %: of one core over the phase)"
    )
    floor = run_case("floor", dict(env, **result["scaling"]), seconds, fades)
    print(
        f"floor: a bare 1280x720 SCALED window ({floor['window'][0]}x{floor['window'][1]}, "
        f"scaling hints {floor['scaling'] or 'none'}), "
        f"fill + flip at 60 fps: {ms(floor['flip']).strip()} ms per frame, "
        f"RSS {floor['memory']['VmRSS']:.1f} MB (peak {floor['memory']['VmHWM']:.1f} MB)"
    )
    play = run_case("play", env, seconds, fades)
    print(
        f"a whole play by keys ({play['scenario']}, learning mode, {play['nodes']} nodes, "
        f"{play['steps']} keys, ended on {play['ended_on']}): "
        f"RSS {play['memory']['VmRSS']:.1f} MB, peak {play['memory']['VmHWM']:.1f} MB"
    )
    figures["play"] = {"rss": play["memory"]["VmRSS"], "hwm": play["memory"]["VmHWM"]}
    print("instrumented runs, ms per drawn frame:")
    for case in CASES:
        result = run_case(case, env, seconds, fades, instrument=True)
        drawn = [row for row in result["rows"] if row[2]]
        count = max(len(drawn), 1)
        total = statistics.fmean([row[1] for row in drawn]) if drawn else 0.0
        parts = ", ".join(
            f"{name} {ms(spent / count).strip()}"
            for name, spent in sorted(result["spent"].items(), key=lambda item: -item[1])
            if name != "pygame_gui update"
        )
        update = result["spent"].get("pygame_gui update", 0.0) / max(len(result["rows"]), 1)
        print(
            f"  {case:10} drawn frame {ms(total).strip()} = {parts}; pygame_gui update "
            f"{ms(update).strip()} per turn"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--fades", type=int, default=10)
    parser.add_argument("--drivers", nargs="+", choices=("dummy", "x11"), default=None)
    parser.add_argument("--child", choices=(*CASES, "floor", "play"), help=argparse.SUPPRESS)
    parser.add_argument("--instrument", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child(args.child, args.seconds, args.fades, args.instrument)
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
            summary[driver] = measure("no window system", env, args.seconds, args.fades)
        elif not has_xvfb:
            print("\n== driver: x11 skipped: Xvfb is not installed ==")
        else:
            with xvfb() as extra:
                summary[driver] = measure(
                    f"Xvfb {extra['DISPLAY']}", dict(base, **extra), args.seconds, args.fades
                )
    print(
        "\nsummary (targets: 60 fps during the typewriter and transitions at 1920x1080, "
        "RSS <= 200 MB):"
    )
    for driver, figures in summary.items():
        for case, row in figures.items():
            if case == "play":
                print(
                    f"  {driver:6} whole play: RSS {row['rss']:.0f} MB (peak {row['hwm']:.0f} MB)"
                )
                continue
            print(
                f"  {driver:6} {case:10} {row['turn_rate']:5.1f} turns/s, {row['draw_rate']:5.1f} "
                f"drawn/s, drawn frame avg {ms(row['drawn_avg']).strip()} ms, worst "
                f"{ms(row['drawn_max']).strip()} ms, open {ms(row['open']).strip()} ms, "
                f"RSS {row['rss']:.0f} MB (peak {row['hwm']:.0f} MB)"
            )

    print_others(start, started)


if __name__ == "__main__":
    main()
