"""The ``test`` command: play a scenario through the engine, every play or seeded random plays.

Owns the command's flags, its report in words (or one JSON object on the last
line with ``--json``) and its exit code: 1 when any play failed at run time
(a dead end, an error, a play that never ends), else 0. Coverage gaps (nodes
never entered, choices never taken) are reported but do not fail the run. The
playing is ``game.analysis.playtest``'s.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from game.cli_support import (
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    add_scenario_arguments,
    scenario_or_report,
)


def add_command(commands: Any) -> None:
    test = commands.add_parser(
        "test",
        help="play every play or seeded random plays; coverage and errors / uji skenario",
        description="Play the scenario through the game's engine: every play (--all, the "
        "default) or N random plays that prefer choices not yet taken (--random N --seed S). "
        "Reports nodes never entered and choices never taken; fails on any runtime error.",
    )
    add_scenario_arguments(test)
    how = test.add_mutually_exclusive_group()
    how.add_argument("--all", action="store_true", help="every play (default)")
    how.add_argument("--random", type=int, metavar="N", help="N seeded random plays")
    test.add_argument("--seed", type=int, default=0, help="seed of the random plays (default 0)")
    test.add_argument("--json", action="store_true", help="the report as one JSON object")


def playtest_command(args: argparse.Namespace) -> int:
    from game.analysis.analyze import analyze
    from game.analysis.playtest import every_play, random_plays

    if args.random is not None and args.random < 1:
        raise CliError("--random needs at least 1 play")
    scenario = scenario_or_report(args)
    if scenario is None:
        return EXIT_INVALID
    if args.random is not None:
        report = random_plays(scenario, args.random, args.seed)
    else:
        report = every_play(scenario, analyze(scenario).paths)
    data = report.to_dict()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(format_report(data, args.lang))
    return EXIT_OK if data["passed"] else EXIT_INVALID


LABELS = {
    "id": {
        "all": "semua jalur",
        "random": "{n} permainan acak (seed {seed})",
        "plays": "Permainan lengkap",
        "states": "keadaan permainan dimainkan",
        "unbounded": "tak terhingga",
        "endings": "Akhir yang tercapai",
        "nodes": "Simpul tidak pernah dimasuki",
        "choices": "Pilihan tidak pernah diambil",
        "failures": "Kegagalan",
        "none": "tidak ada",
        "times": "kali",
        "passed": "LULUS",
        "failed": "GAGAL",
    },
    "en": {
        "all": "every play",
        "random": "{n} random plays (seed {seed})",
        "plays": "Complete plays",
        "states": "play states played",
        "unbounded": "unbounded",
        "endings": "Endings reached",
        "nodes": "Nodes never entered",
        "choices": "Choices never taken",
        "failures": "Failures",
        "none": "none",
        "times": "times",
        "passed": "PASSED",
        "failed": "FAILED",
    },
}


def format_report(data: dict[str, Any], lang: str) -> str:
    words = LABELS.get(lang, LABELS["en"])
    how = (
        words["all"]
        if data["mode"] == "all"
        else words["random"].format(n=f"{data['requested']:,}", seed=data["seed"])
    )
    plays = data["plays"]
    lines = [f"{data['scenario']}: {how}"]
    shown = f"{plays:,}" if plays is not None else words["unbounded"]
    if data["mode"] == "all":
        shown += f" ({data['states']:,} {words['states']})"
    lines.append(f"  {words['plays']}: {shown}")
    endings = data["endings"]
    if isinstance(endings, dict):
        reached = ", ".join(f"{name} ({count:,})" for name, count in endings.items())
    else:
        reached = ", ".join(endings)
    lines.append(f"  {words['endings']}: {reached or words['none']}")
    lines.append(f"  {words['nodes']}: {', '.join(data['nodes_never_entered']) or words['none']}")
    lines.append(f"  {words['choices']}: {', '.join(data['choices_never_taken']) or words['none']}")
    if data["failures"]:
        lines.append(f"  {words['failures']}:")
        for failure in data["failures"]:
            route = " > ".join(failure["route"]) or "-"
            lines.append(f"    {failure['message']} ({failure['times']} {words['times']})")
            lines.append(f"      {route}")
    lines.append(words["passed"] if data["passed"] else words["failed"])
    return "\n".join(lines)
