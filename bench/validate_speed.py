"""Load+validate time of generated scenarios against the bare PyYAML C-loader parse.

Run: python bench/validate_speed.py [--sizes 100 1000 10000] [--repeat 3]
Prints, per size, the file size, the best-of-N time of ``yaml.load(CSafeLoader)``
(the floor any YAML-based loader stands on), the best-of-N time of Perekat's
full load (strict parse, schema, semantic checks, model build), and the ratio.
The first full load in a process also compiles the schema validator; that
one-off cost is printed separately.
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

from game.content import schema_check  # noqa: E402
from game.content.loader import load_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"python {platform.python_version()} on {platform.machine()}, "
        f"libyaml {'yes' if yaml.__with_libyaml__ else 'no'}"
    )
    start = time.perf_counter()
    schema_check._fast_validator()
    print(f"one-off schema validator compile: {time.perf_counter() - start:.3f} s")
    print(f"{'nodes':>7} {'bytes':>10} {'bare parse s':>13} {'validate s':>11} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"bench-{size}.yaml"
            path.write_text(scenario_yaml(size), encoding="utf-8")
            raw = path.read_bytes()
            bare = best_of(args.repeat, lambda raw=raw: yaml.load(raw, Loader=yaml.CSafeLoader))
            result = load_file(path, max_bytes=1 << 30)
            assert result.scenario is not None, result.diagnostics[:3]
            full = best_of(args.repeat, lambda path=path: load_file(path, max_bytes=1 << 30))
            print(f"{size:>7} {len(raw):>10} {bare:>13.3f} {full:>11.3f} {full / bare:>6.2f}")


if __name__ == "__main__":
    main()
