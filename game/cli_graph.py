"""The ``graph`` command: a scenario's decision graph as SVG, PNG, DOT or GraphML.

Owns its flags, choosing the format from the output's suffix, reading the
result of a play (``play --json``) to draw its path, refusing a result that is
not one or belongs to another scenario (exit 2, naming the file), and writing
the file atomically. The layout, marks and SVG/DOT/GraphML text are
``game.analysis``'s, the PNG the GUI's (pygame, headless), each imported only
when the command runs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from game.cli_support import (
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    add_scenario_arguments,
    scenario_or_report,
)
from game.persistence.atomic import write_atomic

FORMATS = (".svg", ".png", ".dot", ".graphml")
WORDS = {
    "id": {
        "suffix": "tidak tahu cara menulis '{path}': akhiri nama berkas dengan {formats}",
        "unreadable": "tidak dapat membaca hasil {path}: {reason}",
        "not_result": "{path} bukan hasil permainan: harus satu objek JSON (atau baris JSON "
        "yang terakhirnya objek itu), seperti baris terakhir 'play --json'",
        "mismatch": "hasil {path} tidak cocok dengan skenario ini: {reason}",
        "cannot_write": "tidak dapat menulis {path}: {reason}",
        "done": "Graf {scenario} ditulis ke {path} ({nodes} simpul, {edges} sisi{extra})",
        "path": "jalur {count} simpul",
        "unreachable": "{count} tak tercapai",
        "dead_ends": "{count} jalan buntu",
    },
    "en": {
        "suffix": "cannot tell how to write '{path}': end the file name with {formats}",
        "unreadable": "cannot read the result {path}: {reason}",
        "not_result": "{path} is not a play result: it must be one JSON object (or JSON lines "
        "whose last is that object), like the last line of 'play --json'",
        "mismatch": "the result {path} does not fit this scenario: {reason}",
        "cannot_write": "cannot write {path}: {reason}",
        "done": "Graph of {scenario} written to {path} ({nodes} nodes, {edges} edges{extra})",
        "path": "a path of {count} nodes",
        "unreachable": "{count} unreachable",
        "dead_ends": "{count} dead end(s)",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def add_command(commands: Any) -> None:
    """Add ``graph`` to the parser's sub-parsers."""
    graph = commands.add_parser(
        "graph",
        help="the scenario's decision graph as SVG, PNG, DOT or GraphML / graf keputusan",
        description="Draw the decision graph in layers from the start: decisions, steps and "
        "endings by shape and colour, each choice labelled with its id and ratings, nodes no "
        "play enters and dead ends marked; with --result, a play's path over it. SVG and PNG "
        "are made without Graphviz; DOT and GraphML are for other tools.",
    )
    add_scenario_arguments(graph)
    graph.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the file to write; its suffix picks the format: " + ", ".join(FORMATS),
    )
    graph.add_argument(
        "--result",
        type=Path,
        metavar="RESULT.json",
        help="a play's result (the last line of 'play --json') whose path is drawn",
    )


def graph_command(args: argparse.Namespace) -> int:
    said = words(args.lang)
    output: Path = args.output
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise CliError(said["suffix"].format(path=output, formats=", ".join(FORMATS)))
    scenario = scenario_or_report(args)
    if scenario is None:
        return EXIT_INVALID
    # networkx only now
    from game.analysis.layout import layout_scenario
    from game.analysis.overlay import PlayedPath, ResultMismatchError, graph_marks

    path = None
    if args.result is not None:
        try:
            path = PlayedPath.from_result(read_result(args.result, said), scenario)
        except ResultMismatchError as error:
            raise CliError(said["mismatch"].format(path=args.result, reason=error)) from None
    layout = layout_scenario(scenario)
    marks = graph_marks(scenario, layout)
    if suffix == ".svg":
        from game.analysis.svg import graph_svg

        data = graph_svg(layout, marks, path, args.lang, scenario.title.get(args.lang)).encode()
    elif suffix == ".png":
        from game.ui.gui.graph_png import graph_png  # pygame, headless

        data = graph_png(layout, marks, path, args.lang)
    elif suffix == ".dot":
        from game.analysis.export import dot_text

        data = dot_text(scenario, marks, path, args.lang).encode()
    else:
        from game.analysis.export import graphml_text

        data = graphml_text(scenario, marks, path).encode()
    try:
        write_atomic(output, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CliError(said["cannot_write"].format(path=output, reason=reason)) from None
    extra = [said["path"].format(count=len(path.nodes))] if path is not None else []
    if marks.unreachable:
        extra.append(said["unreachable"].format(count=len(marks.unreachable)))
    if marks.dead_ends:
        extra.append(said["dead_ends"].format(count=len(marks.dead_ends)))
    print(
        said["done"].format(
            scenario=scenario.scenario_id,
            path=output,
            nodes=len(layout.nodes),
            edges=len(layout.edges),
            extra="".join(f"; {item}" for item in extra),
        )
    )
    return EXIT_OK


def read_result(file: Path, said: dict[str, str]) -> dict[str, Any]:
    """The result object in ``file``: the whole file, or else its last non-empty line."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise CliError(said["unreadable"].format(path=file, reason=reason)) from None
    lines = [line for line in text.splitlines() if line.strip()]
    for candidate in (text, lines[-1] if lines else ""):
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise CliError(said["not_result"].format(path=file))
