"""The architecture's layering: lower layers never import higher ones or heavy libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parent.parent / "game"
# layer -> packages (under game.) it must not import
FORBIDDEN = {
    "core": ("content", "analysis", "persistence", "classroom", "ui", "cli"),
    "content": ("analysis", "persistence", "classroom", "ui", "cli"),
    "persistence": ("analysis", "classroom", "ui", "cli"),
    "analysis": ("persistence", "classroom", "ui", "cli"),
    "classroom": ("ui", "cli"),
}
THIRD_PARTY = {
    "core": ("yaml", "pygame", "pygame_gui", "networkx", "jsonschema", "fastjsonschema"),
    "content": ("pygame", "pygame_gui", "networkx"),
    "persistence": ("pygame", "pygame_gui", "networkx"),
    "analysis": ("pygame", "pygame_gui", "yaml"),
    "classroom": ("pygame", "pygame_gui"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downward(layer: str) -> None:
    """No module of a layer imports a higher layer or a library it must not use."""
    offenders = []
    for path in sorted((GAME / layer).rglob("*.py")):
        for name in imported_modules(path):
            top = name.split(".")[0]
            inner = name.split(".")[1] if name.startswith("game.") and "." in name else ""
            if top in THIRD_PARTY[layer] or inner in FORBIDDEN[layer]:
                offenders.append(f"{path.relative_to(GAME)} imports {name}")
    assert offenders == []


def test_networkx_lives_only_in_analysis() -> None:
    """No module outside game/analysis imports networkx (the architecture's rule)."""
    offenders = [
        str(path.relative_to(GAME))
        for path in sorted(GAME.rglob("*.py"))
        if "analysis" not in path.relative_to(GAME).parts
        and any(name.split(".")[0] == "networkx" for name in imported_modules(path))
    ]
    assert offenders == []


BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ImportError('blocked for this test: ' + name)
        return None
sys.meta_path.insert(0, Block())
"""


def run_blocked(blocked: set[str], code: str) -> subprocess.CompletedProcess[str]:
    script = BLOCKER.format(blocked=blocked) + code
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=GAME.parent, timeout=60
    )


def test_core_runs_with_only_the_standard_library() -> None:
    """Every core module imports with yaml, pygame and networkx unavailable."""
    modules = [f"game.core.{p.stem}" for p in (GAME / "core").glob("*.py")]
    out = run_blocked(
        {"yaml", "pygame", "networkx", "jsonschema", "fastjsonschema"},
        "".join(f"import {m}\n" for m in modules),
    )
    assert out.returncode == 0, out.stderr


def test_classroom_runs_with_only_the_standard_library() -> None:
    """xAPI statements and the records listener import with every third-party library blocked."""
    modules = [f"game.classroom.{p.stem}" for p in (GAME / "classroom").glob("*.py")]
    out = run_blocked(
        {"yaml", "pygame", "pygame_gui", "networkx", "jsonschema", "fastjsonschema"},
        "".join(f"import {m}\n" for m in modules),
    )
    assert out.returncode == 0, out.stderr


def test_validate_never_loads_pygame() -> None:
    """validate (content checks and lint over the plays) works with pygame blocked."""
    code = (
        "from game.cli import main\n"
        "assert main(['validate', 'tests/fixtures/lint/clean.yaml']) == 0\n"
        "assert main(['analyze', 'tests/fixtures/lint/clean.yaml', '--json']) == 0\n"
    )
    out = run_blocked({"pygame", "pygame_gui"}, code)
    assert out.returncode == 0, out.stderr


def test_text_play_never_loads_pygame_or_networkx() -> None:
    """The text player works with pygame and networkx blocked."""
    code = (
        "from game.cli import main\n"
        "import io, sys\n"
        "sys.stdin = io.StringIO('1\\n1\\n')\n"
        "import tempfile\n"
        "saves = tempfile.mkdtemp()\n"
        "assert main(['play', 'tests/fixtures/mini.yaml', '--ui', 'text', '--saves-dir', saves])"
        " == 0\n"
    )
    out = run_blocked({"pygame", "pygame_gui", "networkx"}, code)
    assert out.returncode == 0, out.stderr
