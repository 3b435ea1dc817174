"""class report over a large class: 10,000 participants, about 250,000 xAPI statements.

Run: python bench/class_report.py [--participants 10000] [--files 50] [--repeat 1] [--keep DIR]
Generates the class's results with the real statement builders: each participant
plays hoaks-viral and netralitas-pemilu to an ending by random available choices
(one play in ten takes a choice back: a voided answer and a new one; one in
three writes a reflection), in two sessions of five groups, spread over
``--files`` JSON Lines files. Then times ``class report DIR --json`` in this
process (best of ``--repeat``) and as a subprocess (also the text report and
``-o report.html``, which load the scenario and build the debrief), and prints
statements per second and the peak resident memory of each
(``resource.getrusage``; the in-process figure includes generating), then how
long a plain CPU loop takes, to compare machines and days. Target: <= 5 s,
memory bounded.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import best_of  # noqa: E402

from game.classroom.identity import Attempt, pseudonym  # noqa: E402
from game.classroom.xapi import (  # noqa: E402
    answered_statement,
    completed_statement,
    reflection_statement,
    statement_id,
    voided_statement,
)
from game.cli import main as cli_main  # noqa: E402
from game.content.loader import load_file  # noqa: E402
from game.core.engine import Engine  # noqa: E402
from game.core.model import Scenario  # noqa: E402

SCENARIOS = ("hoaks-viral", "netralitas-pemilu")
START = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
REFLECTIONS = (
    "Saya akan mengecek sumber sebelum meneruskan pesan.",
    "Saya akan mengajak rekan berdiskusi sebelum memutuskan.",
    "I will ask before I assume.",
)


def dump(statement: dict[str, object]) -> str:
    return json.dumps(statement, ensure_ascii=False, separators=(",", ":"))


def play_lines(
    scenario: Scenario, attempt: Attempt, rng: random.Random, when: datetime
) -> list[str]:
    """One play's statements, as the recorder writes them."""
    engine = Engine(scenario, lang=attempt.lang)
    lines: list[str] = []
    undo_at = rng.randrange(8) if rng.random() < 0.1 else -1
    while not engine.is_finished:
        if engine.current().kind == "step":
            engine.advance()
            continue
        index = len(engine.state.history)
        choices = [c for c in engine.current().choices if c.is_available]
        record = engine.choose(rng.choice(choices).choice_id)
        when += timedelta(seconds=rng.randrange(20, 90))
        answer = answered_statement(attempt, scenario, record, index, 0, when)
        lines.append(dump(answer))
        if index == undo_at and not engine.is_finished:
            engine.undo()
            lines.append(dump(voided_statement(attempt, answer["id"], when)))
            record = engine.choose(rng.choice(choices).choice_id)
            lines.append(dump(answered_statement(attempt, scenario, record, index, 1, when)))
    lines.append(dump(completed_statement(attempt, scenario, engine.state, 0, when)))
    if rng.random() < 1 / 3:
        text = rng.choice(REFLECTIONS)
        lines.append(dump(reflection_statement(attempt, scenario, text, 0, when)))
    return lines


def generate(folder: Path, participants: int, files: int, seed: int = 7) -> int:
    """Write the class's results into ``folder``; returns the number of statements."""
    rng = random.Random(seed)
    scenarios = [load_file(ROOT / "scenarios" / f"{name}.yaml").scenario for name in SCENARIOS]
    streams = [
        (folder / f"pc-{number:03d}.jsonl").open("w", encoding="utf-8") for number in range(files)
    ]
    count = 0
    try:
        for person in range(participants):
            session = "KELAS-A" if person % 2 else "KELAS-B"
            group = f"Kelompok {person % 5 + 1}"
            stream = streams[person % files]
            for scenario in scenarios:
                assert scenario is not None
                registration = str(rng.getrandbits(128))
                registration = statement_id(registration, "bench")  # a UUID, reproducibly
                alias = pseudonym(session, f"peserta {person}", registration)
                attempt = Attempt(registration, alias, session, group)
                when = START + timedelta(minutes=rng.randrange(600))
                lines = play_lines(scenario, attempt, rng, when)
                stream.write("\n".join(lines) + "\n")
                count += len(lines)
    finally:
        for stream in streams:
            stream.close()
    return count


def in_process(folder: Path) -> dict[str, object]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli_main(["class", "report", str(folder), "--json"])
    assert code == 0, code
    return json.loads(out.getvalue().strip().splitlines()[-1])  # type: ignore[no-any-return]


def _cpu() -> float:
    """User and system seconds of this process and its finished children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="generate into (or reuse) DIR")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        if args.keep is None or not any(folder.glob("*.jsonl")):
            folder.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            count = generate(folder, args.participants, args.files)
            print(f"generated {count} statements in {time.perf_counter() - started:.1f} s")
        size = sum(path.stat().st_size for path in folder.glob("*.jsonl"))
        print(f"{args.files} files, {size / 1e6:.0f} MB")
        report: dict[str, object] = {}

        def once() -> None:
            report.update(in_process(folder))

        before = _cpu()
        seconds = best_of(args.repeat, once)
        cpu = (_cpu() - before) / args.repeat
        statements = int(str(report["statements"]))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"in process: {seconds:.2f} s, {statements / seconds:,.0f} statements/s, "
            f"{report['participants']} participants, {report['skipped']} skipped, "
            f"CPU {cpu:.2f} s (its readers included), peak RSS {peak:.0f} MB (generating included)"
        )
        for label, extra in (("--json", ["--json"]), ("text", []), ("-o report.html", ["-o"])):
            if extra == ["-o"]:
                extra = ["-o", str(Path(scratch) / "report.html")]
            before = _cpu()
            started = time.perf_counter()
            run = subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "class", "report", str(folder), *extra],
                capture_output=True,
                text=True,
                check=True,
            )
            seconds = time.perf_counter() - started
            cpu = _cpu() - before
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"subprocess {label}: {seconds:.2f} s, {statements / seconds:,.0f} statements/s, "
                f"CPU {cpu:.2f} s, peak RSS {peak:.0f} MB (the largest: the command or a reader)"
            )
            if extra == ["--json"]:
                assert json.loads(run.stdout.strip().splitlines()[-1]) == report
        print(f"machine: a loop of 20 million additions took {_loop_seconds():.2f} s")


def _loop_seconds() -> float:
    """A plain CPU loop, to compare this machine's speed between runs (about 1.3 s when fast)."""
    started = time.perf_counter()
    total = 0
    for number in range(20_000_000):
        total += number
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
