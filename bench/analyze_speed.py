"""analyze on generated scenarios against the bare PyYAML C-loader parse, and its growth.

Run: python bench/analyze_speed.py [--sizes 1000 10000 100000] [--repeat 1]
Prints, per size: the file size; the best-of-N time of ``yaml.load(CSafeLoader)``
(the floor); the time of what ``python main.py analyze`` does after reading the
file (strict load, schema and semantic checks, model build, then exploring every
play state and counting); their ratio (target <= 2); the play states and
transitions explored, and the exploration alone in microseconds per state plus
transition, which stays flat when exploring grows linearly. The scenarios come
from bench/generate.py: every third node a linear step, the rest decisions of
three choices with conditions, set/add effects and all three competencies rated.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import scenario_yaml  # noqa: E402
from timing import best_of  # noqa: E402

from game.analysis.analyze import analyze  # noqa: E402
from game.analysis.explore import explore  # noqa: E402
from game.content.loader import load_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(
        f"python {platform.python_version()} on {platform.machine()}, "
        f"libyaml {'yes' if yaml.__with_libyaml__ else 'no'}"
    )
    print(
        f"{'nodes':>7} {'bytes':>11} {'parse s':>8} {'analyze s':>10} {'ratio':>6} "
        f"{'states':>8} {'trans.':>8} {'explore s':>10} {'us/(s+t)':>9} {'tiers':>10}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"bench-{size}.yaml"
            path.write_text(scenario_yaml(size), encoding="utf-8")
            raw = path.read_bytes()
            bare = best_of(args.repeat, lambda raw=raw: yaml.load(raw, Loader=yaml.CSafeLoader))
            outcome: dict[str, object] = {}

            def whole(path: Path = path, outcome: dict[str, object] = outcome) -> None:
                result = load_file(path, max_bytes=1 << 31)
                assert result.scenario is not None, result.diagnostics[:3]
                outcome["analysis"] = analyze(result.scenario)
                outcome["scenario"] = result.scenario

            full = best_of(args.repeat, whole)
            scenario = outcome["scenario"]
            start = time.perf_counter()
            graph = explore(scenario)  # type: ignore[arg-type]
            walk = time.perf_counter() - start
            per = 1e6 * walk / max(graph.size + graph.transitions(), 1)
            result = outcome["analysis"]
            tiers = "sampled" if result.tiers_estimated else "exact"  # type: ignore[attr-defined]
            print(
                f"{size:>7} {len(raw):>11,} {bare:>8.2f} {full:>10.2f} {full / bare:>6.2f} "
                f"{graph.size:>8,} {graph.transitions():>8,} {walk:>10.2f} {per:>9.1f} {tiers:>10}"
            )


if __name__ == "__main__":
    main()
