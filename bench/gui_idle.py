"""CPU the GUI burns while nobody touches it: the title screen and a decision screen.

Run: python bench/gui_idle.py [--seconds 10] [--warm 1] [--drivers dummy x11]

Each case is a fresh process (this script with ``--child``) that runs the game's
own loop, ``App.run()``, unchanged on the main thread. Two ``threading.Timer``
threads mark the window: the first, ``--warm`` seconds in, reads the process's
CPU time (``time.process_time()``, every thread, and utime+stime from
``/proc/self/stat`` as a cross-check); the second, ``--seconds`` later, reads it
again and posts ``pygame.QUIT`` with ``pygame.event.post`` (thread-safe in
pygame-ce), which the app turns into its own quit. The figure is CPU seconds
over wall seconds of that window, in percent of one core.

Cases:
- title: ``App(Folders(scenarios/, <temporary saves>))`` with ``TitleScene`` pushed.
- decision: settings ``text_speed: instant`` written with ``SettingsStore`` in the
  temporary saves folder, then ``PlayScene`` of a scenario from scenarios/ started at
  its first decision node (so the text and the choices are shown at once).
- decision-sound: the decision screen with ``SDL_AUDIODRIVER=dummy`` (SDL's stand-in
  sound card, so the mixer really opens and its thread runs as it would with a sound
  card) after a click was played at the start, as after a choice: sound is on by
  default, and the game closes the mixer after ``sound.SILENT_SECONDS`` of silence,
  so part of the window has it open.
- mixer-open: the same with the mixer kept open (``Sounds.silent_seconds`` set to a
  day), as the game did before it closed the mixer: what the open mixer costs.
- floors: a Python loop of ``time.sleep(0.03)`` alone, and the same with an open
  pygame window polled by ``pygame.event.get()`` (what any 30 ms poll loop costs).
- a second, instrumented run of each game case counts loop turns, frames drawn and
  the main thread's CPU inside ``app.frame`` and ``pygame.event.get`` (the
  instrumentation wraps those two calls; the first run is untouched).

Drivers: SDL's ``dummy`` always; ``x11`` under an Xvfb this script starts itself
when ``Xvfb`` is installed. Prints figures, asserts nothing. Target (the project's
issue): at most 0.5% of one core on the title and on a decision screen once its
text is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gui_common import machine_busy, print_machine, print_others, xvfb  # noqa: E402

CASES = ("title", "decision", "decision-sound", "mixer-open", "floor-sleep", "floor-pygame")
DECISIONS = ("decision", "decision-sound", "mixer-open")


# -- the child: one case in its own process ---------------------------------------------------


def stat_cpu() -> float:
    """utime + stime of this process from /proc/self/stat, in seconds (clock-tick resolution)."""
    fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def read_marks() -> dict[str, float]:
    return {"cpu": time.process_time(), "stat": stat_cpu(), "wall": time.perf_counter()}


def first_decision(scenario: object) -> str | None:
    """The first decision node reached from the start along linear steps (else any decision)."""
    node_id, seen = scenario.start, set()  # type: ignore[attr-defined]
    while node_id is not None and node_id not in seen:
        seen.add(node_id)
        node = scenario.node(node_id)  # type: ignore[attr-defined]
        if node.kind == "decision":
            return node_id
        node_id = node.next
    for node_id, node in scenario.nodes.items():  # type: ignore[attr-defined]
        if node.kind == "decision":
            return node_id
    return None


class Instrument:
    """Counts loop turns and the main thread's CPU inside app.frame and pygame.event.get."""

    def __init__(self, app: object, pygame: object) -> None:
        self.turns = self.polls = 0
        self.frame_cpu = self.poll_cpu = 0.0
        self.counting = False
        frame, get = app.frame, pygame.event.get  # type: ignore[attr-defined]

        def counted_frame(seconds: float) -> None:
            start = time.thread_time()
            frame(seconds)
            if self.counting:
                self.turns += 1
                self.frame_cpu += time.thread_time() - start

        def counted_get(*args: object, **kwargs: object) -> list:
            start = time.thread_time()
            events = get(*args, **kwargs)
            if self.counting:
                self.polls += 1
                self.poll_cpu += time.thread_time() - start
            return events

        app.frame = counted_frame  # type: ignore[attr-defined]
        pygame.event.get = counted_get  # type: ignore[attr-defined]


def child(case: str, seconds: float, warm: float, instrument: bool) -> dict[str, object]:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(ROOT))
    marks: dict[str, dict[str, float]] = {}
    if case == "floor-sleep":
        time.sleep(warm)
        marks["begin"] = read_marks()
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            time.sleep(0.03)
        marks["end"] = read_marks()
        return {"marks": marks, "driver": "-"}

    import pygame

    if case == "floor-pygame":
        pygame.display.init()
        pygame.display.set_mode((1280, 720), pygame.SCALED | pygame.RESIZABLE)
        pygame.display.flip()
        stop_at = time.perf_counter() + warm + seconds
        begun = False
        while time.perf_counter() < stop_at:
            pygame.event.get()
            if not begun and time.perf_counter() >= stop_at - seconds:
                marks["begin"], begun = read_marks(), True
            time.sleep(0.03)
        marks["end"] = read_marks()
        driver = pygame.display.get_driver()
        pygame.display.quit()
        return {"marks": marks, "driver": driver}

    from game.persistence.settings import Settings, SettingsStore
    from game.ui.gui.app import App, Folders
    from game.ui.gui.scenes.play import PlayScene
    from game.ui.gui.scenes.title import TitleScene

    info: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        saves = Path(folder)
        if case in DECISIONS:
            SettingsStore(saves).save(Settings(text_speed="instant"))
        app = App(Folders(ROOT / "scenarios", saves))
        app.push(TitleScene(app))
        if case == "mixer-open":
            app.sounds.silent_seconds = 24 * 3600.0
        if case in DECISIONS:
            scenario = next(r.scenario for r in app.scenarios() if r.scenario is not None)
            node = first_decision(scenario)
            scene = PlayScene(app, scenario, start_at=node)
            app.push(scene)
            info.update(
                scenario=scenario.scenario_id,
                node=node,
                phase=scene.phase,
                choices=len(scene.choice_cards),
                text_speed=app.settings.text_speed,
                presentation=scenario.node(node).presentation is not None,
            )
        if case in ("decision-sound", "mixer-open"):
            app.sounds.play("click")  # as a choice would
        counter = Instrument(app, pygame) if instrument else None

        def begin() -> None:
            marks["begin"] = read_marks()
            info["mixer_begin"] = pygame.mixer.get_init() is not None
            info["frames_before"] = app.frames_drawn
            if counter is not None:
                counter.counting = True

        def end() -> None:
            marks["end"] = read_marks()
            info["mixer_end"] = pygame.mixer.get_init() is not None
            info["frames_during"] = app.frames_drawn - int(info["frames_before"])  # type: ignore[arg-type]
            if counter is not None:
                counter.counting = False
            pygame.event.post(pygame.event.Event(pygame.QUIT))

        timers = [threading.Timer(warm, begin), threading.Timer(warm + seconds, end)]
        for timer in timers:
            timer.daemon = True
            timer.start()
        started = time.perf_counter()
        code = app.run()
        info["run_seconds"] = time.perf_counter() - started
        info["exit_code"] = code
        info["driver"] = pygame.display.get_driver()
        if counter is not None:
            info.update(
                turns=counter.turns,
                polls=counter.polls,
                frame_cpu=counter.frame_cpu,
                poll_cpu=counter.poll_cpu,
            )
        app.close()
    info["marks"] = marks
    return info


# -- the parent ---------------------------------------------------------------------------------


def run_case(
    case: str, env: dict[str, str], seconds: float, warm: float, instrument: bool = False
) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        case,
        "--seconds",
        str(seconds),
        "--warm",
        str(warm),
    ]
    if instrument:
        command.append("--instrument")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{case} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1][len("RESULT ") :])


def percent(result: dict) -> tuple[float, float, float]:
    begin, end = result["marks"]["begin"], result["marks"]["end"]
    wall = end["wall"] - begin["wall"]
    return (
        100 * (end["cpu"] - begin["cpu"]) / wall,
        100 * (end["stat"] - begin["stat"]) / wall,
        wall,
    )


def measure(label: str, env: dict[str, str], seconds: float, warm: float) -> dict[str, float]:
    results = {}
    for case in CASES:
        # SDL's dummy audio device stands in for a sound card, so the mixer opens
        extra = {"SDL_AUDIODRIVER": "dummy"} if case in ("decision-sound", "mixer-open") else {}
        results[case] = run_case(case, dict(env, **extra), seconds, warm)
    driver = results["title"]["driver"]
    print(f"\n== driver: {driver} ({label}), {seconds:g} s window after {warm:g} s warm-up ==")
    decision = results["decision"]
    print(
        f"decision screen: {decision['scenario']} node {decision['node']} "
        f"(phase {decision['phase']}, {decision['choices']} choices, text_speed "
        f"{decision['text_speed']}, presentation {'yes' if decision['presentation'] else 'no'})"
    )
    print(f"{'case':34}{'% of a core':>12}{'/proc stat %':>13}{'frames drawn':>14}")
    figures = {}
    for case in CASES:
        cpu, stat, _wall = percent(results[case])
        frames = results[case].get("frames_during", "-")
        name = {
            "title": "title screen (App.run)",
            "decision": "decision screen (App.run)",
            "decision-sound": "decision, a click played at 0 s",
            "mixer-open": "decision, mixer kept open",
            "floor-sleep": "floor: time.sleep(0.03) loop",
            "floor-pygame": "floor: event.get + sleep(0.03)",
        }[case]
        print(f"{name:34}{cpu:11.2f}%{stat:12.2f}%{frames!s:>14}")
        figures[case] = cpu
    mixers = ", ".join(
        f"{case} {'open' if results[case]['mixer_begin'] else 'closed'} -> "
        f"{'open' if results[case]['mixer_end'] else 'closed'}"
        for case in ("title", *DECISIONS)
    )
    print(f"audio mixer at the window's start -> end (sound is on by default): {mixers}")
    print(
        "(target: title and decision <= 0.50% of one core; /proc stat has 10 ms resolution; "
        "the sound cases run with SDL_AUDIODRIVER=dummy as a stand-in sound card)"
    )
    print("\ninstrumented runs (app.frame and pygame.event.get wrapped; main-thread CPU):")
    for case in ("title", "decision"):
        result = run_case(case, env, seconds, warm, instrument=True)
        cpu, _, wall = percent(result)
        turns = max(result["turns"], 1)
        total_ms = cpu * wall * 10  # cpu% * wall s -> ms
        print(
            f"  {case:9} {cpu:5.2f}% | {result['turns'] / wall:5.1f} loop turns/s, "
            f"{result['frames_during']} frames drawn | per turn: "
            f"{1e6 * result['frame_cpu'] / turns:6.1f} us in app.frame, "
            f"{1e6 * result['poll_cpu'] / max(result['polls'], 1):6.1f} us in event.get, "
            f"{1e3 * total_ms / turns:6.1f} us total process CPU"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warm", type=float, default=1.0)
    parser.add_argument("--drivers", nargs="+", choices=("dummy", "x11"), default=None)
    parser.add_argument("--child", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("--instrument", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child(args.child, args.seconds, args.warm, args.instrument)
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
            summary[driver] = measure("no window system", env, args.seconds, args.warm)
        elif not has_xvfb:
            print("\n== driver: x11 skipped: Xvfb is not installed ==")
        else:
            with xvfb() as extra:
                env = dict(base, **extra)
                label = f"Xvfb {extra['DISPLAY']}"
                summary[driver] = measure(label, env, args.seconds, args.warm)
    print("\nsummary (% of one core while idle; target <= 0.50%):")
    for driver, figures in summary.items():
        print(
            f"  {driver:6} title {figures['title']:.2f}%  decision {figures['decision']:.2f}%  "
            f"after a sound {figures['decision-sound']:.2f}%  "
            f"mixer kept open {figures['mixer-open']:.2f}%  "
            f"floor sleep {figures['floor-sleep']:.2f}%  "
            f"floor pygame {figures['floor-pygame']:.2f}%"
        )

    print_others(start, started)


if __name__ == "__main__":
    main()
