"""The writers' tutorial (docs/writing-scenarios.md) stays true: codes, commands, links, outputs."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest
from test_cli import ROOT, run

from game.cli import build_parser
from game.content.diagnostics import CATALOGUE

DOCS = ROOT / "docs"
TUTORIAL = DOCS / "writing-scenarios.md"
DIAGNOSTICS = DOCS / "diagnostics.md"
COMMAND = re.compile(r"python main\.py((?: [^`#|;>\n]*)?)")

# Shown in the tutorial while another change adds them: their absence is excused, nothing else.
# Once the parser knows one, its flags are checked like any other command's.
PENDING_COMMANDS: set[str] = set()  # every command the tutorial shows has landed
PENDING_FLAGS: set[tuple[str, str]] = set()  # (sub-command, flag); `play --record` has landed


def tutorial() -> str:
    return TUTORIAL.read_text(encoding="utf-8")


def github_anchor(heading: str) -> str:
    """The id GitHub gives a heading: lowercase, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    found: set[str] = set()
    for line in markdown.splitlines():
        match = re.match(r"^#{1,6} (.+)$", line)
        if match:
            found.add(github_anchor(match[1]))
    return found


def sub_commands() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return parser, dict(action.choices)
    raise AssertionError("the parser has no sub-commands")


def shown_commands() -> list[list[str]]:
    """The arguments of every `python main.py ...` the tutorial shows, as a shell splits them."""
    commands = []
    for line in tutorial().splitlines():
        if line.lstrip().startswith("#"):
            continue  # a heading or a YAML comment
        for match in COMMAND.finditer(line):
            commands.append(shlex.split(match[1]))
    return commands


def test_every_catalogued_code_has_a_section_linking_its_full_one() -> None:
    """Each code in the catalogue: a `### SCNxxx` section here, linking diagnostics.md#scnxxx."""
    text = tutorial()
    full = anchors(DIAGNOSTICS.read_text(encoding="utf-8"))
    sections = re.split(r"^### ", text, flags=re.MULTILINE)
    by_code = {part.split("\n", 1)[0].strip(): part for part in sections[1:]}
    for code in CATALOGUE:
        assert code in by_code, f"no '### {code}' section in {TUTORIAL.name}"
        link = f"(diagnostics.md#{code.lower()})"
        assert link in by_code[code], f"{code}'s section does not link {link}"
        assert code.lower() in full, f"diagnostics.md has no '## {code}' section"
        assert "**id**" in by_code[code] and "**en**" in by_code[code], code
    extra = set(by_code) - set(CATALOGUE)
    assert not {c for c in extra if c.startswith("SCN")}, f"codes not in the catalogue: {extra}"


def test_every_command_the_tutorial_shows_is_one_the_parser_knows() -> None:
    """Each `python main.py SUB --flag` shown names a sub-command and flags argparse accepts."""
    parser, known = sub_commands()
    takes_value = {
        option
        for action in parser._actions
        if action.option_strings and action.nargs != 0
        for option in action.option_strings
    }
    commands = shown_commands()
    assert len(commands) > 20  # the pattern still finds the tutorial's commands
    seen = set()
    for words in commands:
        index = 0
        while index < len(words) and words[index].startswith("-"):
            assert words[index] in parser._option_string_actions, f"global {words[index]}"
            index += 2 if words[index] in takes_value else 1
        if index == len(words):
            continue  # `python main.py` alone opens the game
        name = words[index]
        seen.add(name)
        if name not in known:
            assert name in PENDING_COMMANDS, f"the tutorial shows an unknown command: {words}"
            continue
        command = known[name]
        rest = words[index + 1 :]
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        if nested and rest and rest[0] in nested[0].choices:
            command, rest = nested[0].choices[rest[0]], rest[1:]  # e.g. `review merge`
        flags = command._option_string_actions
        for word in rest:
            if word.startswith("-") and len(word) > 1:
                flag = word.split("=", 1)[0]
                if flag not in flags:
                    assert (name, flag) in PENDING_FLAGS, f"'{name}' has no {flag}: {words}"
    assert {"new", "validate", "analyze", "storyboard", "play", "test", "graph"} <= seen


def test_links_in_the_tutorial_lead_somewhere() -> None:
    """Anchors within the tutorial and into diagnostics.md exist; linked files exist."""
    text = tutorial()
    own = anchors(text)
    full = anchors(DIAGNOSTICS.read_text(encoding="utf-8"))
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        path, _, anchor = target.partition("#")
        if not path:
            assert anchor in own, f"no heading for #{anchor}"
        elif path == "diagnostics.md":
            assert not anchor or anchor in full, f"diagnostics.md has no #{anchor}"
        else:
            assert (DOCS / path).exists(), f"no such file: {path}"


def test_readme_links_the_tutorial_from_the_writers_section() -> None:
    """The README's writers' section points at docs/writing-scenarios.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    writers = readme.split("## Writing scenarios", 1)[1].split("\n## ", 1)[0]
    assert "(docs/writing-scenarios.md)" in writers


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with scenarios/rapat-warga.yaml made by `new`, as the tutorial makes it."""
    folder = tmp_path_factory.mktemp("tutorial")
    out = run("--scenarios-dir", str(folder / "scenarios"), "new", "rapat-warga")
    assert out.returncode == 0, out.stderr
    return folder


def test_analyze_output_shown_is_the_real_output(project: Path) -> None:
    """Both languages' `analyze rapat-warga` reports appear in the tutorial exactly."""
    text = tutorial()
    for lang in ("id", "en"):
        out = run(
            "--lang", lang, "--scenarios-dir", "scenarios", "analyze", "rapat-warga", cwd=project
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() in text, f"the {lang} analyze output changed:\n{out.stdout}"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("goto: persiapan", "goto: persiapn"),  # the typo of section 8
        ("        if: 'kepercayaan >= 1'\n", ""),  # the condition section 8 deletes
    ],
)
def test_diagnostics_shown_are_the_real_ones(project: Path, old: str, new: str) -> None:
    """The findings section 8 shows are what validate prints for those edits, line and column."""
    broken = project / "scenarios" / "rapat-warga.yaml"
    original = broken.read_text(encoding="utf-8")
    try:
        broken.write_text(original.replace(old, new, 1), encoding="utf-8")
        text = tutorial()
        for lang in ("id", "en"):
            out = run("--lang", lang, "validate", "scenarios/rapat-warga.yaml", cwd=project)
            lines = [line for line in out.stdout.splitlines() if line]
            assert lines, out.stderr
            if old.startswith("goto") and lang == "en":
                continue  # section 8 shows the typo in Indonesian only
            for line in lines:
                assert line in text, f"validate now prints: {line}"
    finally:
        broken.write_text(original, encoding="utf-8")
