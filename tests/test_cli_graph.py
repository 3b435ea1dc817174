"""The graph command through subprocess: formats by suffix, a play's path, refusals."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_cli import ROOT, run

LINT = ROOT / "tests" / "fixtures" / "lint"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def result_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole output of a real text play with --json: the result is its last line."""
    folder = tmp_path_factory.mktemp("play")
    out = run(
        "play",
        "hoaks-viral",
        "--ui",
        "text",
        "--json",
        "--saves-dir",
        str(folder / "saves"),
        stdin="1\n" * 20,
    )
    assert out.returncode == 0, out.stderr
    path = folder / "play.txt"
    path.write_text(out.stdout, encoding="utf-8")
    return path


def test_graph_writes_svg_with_the_path_of_a_played_result(
    tmp_path: Path, result_file: Path
) -> None:
    """SVG from the suffix; the result's path drawn over exactly the choices it made."""
    output = tmp_path / "hoaks.svg"
    out = run("graph", "hoaks-viral", "-o", str(output), "--result", str(result_file))
    assert out.returncode == 0, out.stderr
    assert str(output) in out.stdout and len(out.stdout.strip().splitlines()) == 1
    chosen = json.loads(result_file.read_text(encoding="utf-8").strip().splitlines()[-1])
    root = ET.parse(output).getroot()
    drawn = [
        f"{e.get('data-source')}/{e.get('data-choice')}"
        for e in root.iter(f"{SVG}polyline")
        if e.get("class") == "path-edge" and e.get("data-choice")
    ]
    assert sorted(drawn) == sorted(chosen["choices"])


def test_graph_writes_png_dot_and_graphml_by_suffix(tmp_path: Path) -> None:
    """Each suffix gives its format: a PNG signature, a digraph, GraphML XML."""
    for name in ("g.png", "g.dot", "g.graphml"):
        out = run(
            "graph", str(LINT / "SCN200-node-no-play-enters.yaml"), "-o", str(tmp_path / name)
        )
        assert out.returncode == 0, out.stderr
        assert "1 unreachable" in out.stdout or "1 tak tercapai" in out.stdout
    assert (tmp_path / "g.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert (tmp_path / "g.dot").read_text(encoding="utf-8").startswith('digraph "lint-200"')
    assert "<graphml" in (tmp_path / "g.graphml").read_text(encoding="utf-8")


def test_graph_refuses_an_unknown_suffix_and_lists_the_four(tmp_path: Path) -> None:
    """A .jpg is a usage error (exit 2) naming the formats it can write; nothing is written."""
    output = tmp_path / "g.jpg"
    out = run("--lang", "en", "graph", "hoaks-viral", "-o", str(output))
    assert out.returncode == 2
    assert ".svg, .png, .dot, .graphml" in out.stderr and "Traceback" not in out.stderr
    assert not output.exists()


def test_graph_refuses_the_result_of_another_scenario(tmp_path: Path, result_file: Path) -> None:
    """A hoaks-viral result over netralitas-pemilu: exit 2, the file named, no traceback."""
    out = run(
        "--lang",
        "en",
        "graph",
        "netralitas-pemilu",
        "-o",
        str(tmp_path / "g.svg"),
        "--result",
        str(result_file),
    )
    assert out.returncode == 2
    assert str(result_file) in out.stderr and "'hoaks-viral'" in out.stderr
    assert "Traceback" not in out.stderr and not (tmp_path / "g.svg").exists()


def test_graph_refuses_a_result_that_is_not_json(tmp_path: Path) -> None:
    """A file that holds no result object is a usage error naming it."""
    bad = tmp_path / "r.json"
    bad.write_text("hello\n", encoding="utf-8")
    out = run(
        "--lang", "en", "graph", "hoaks-viral", "-o", str(tmp_path / "g.svg"), "--result", str(bad)
    )
    assert out.returncode == 2 and str(bad) in out.stderr and "not a play result" in out.stderr


def test_graph_of_an_invalid_scenario_prints_diagnostics_and_exits_1(tmp_path: Path) -> None:
    """A scenario that does not load is not drawn; its errors go to standard error."""
    bad = ROOT / "tests" / "fixtures" / "bad" / "SCN020-goto-unknown-node.yaml"
    out = run("graph", str(bad), "-o", str(tmp_path / "g.svg"))
    assert out.returncode == 1 and "SCN020" in out.stderr and out.stdout == ""


def test_graph_says_clearly_when_it_cannot_write(tmp_path: Path) -> None:
    """An output that is a folder: exit 2 with the path, no traceback."""
    folder = tmp_path / "taken.svg"
    folder.mkdir()
    out = run("--lang", "en", "graph", str(LINT / "clean.yaml"), "-o", str(folder))
    assert out.returncode == 2
    assert f"cannot write {folder}" in out.stderr and "Traceback" not in out.stderr
