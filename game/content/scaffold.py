"""A new scenario's first text: the commented template with its id, title and schema line filled.

Owns reading the template shipped as package data (templates/scenario.yaml),
checking the new id against the scenario id pattern, and putting the id, a title
made from it, and a schema modeline that points at the shipped JSON schema from
where the file will be written. It returns text; it does not write files or
decide where they go (the command line does).
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

# The scenario id pattern of scenario.schema.json ("id" at the top level).
SCENARIO_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
TEMPLATE_ID = "skenario-baru"
_ID_LINE = re.compile(rf"^id: {TEMPLATE_ID}$", re.MULTILINE)
_TITLE_LINE = re.compile(r'^title: \{id: "Skenario Baru", en: "Skenario Baru"\}$', re.MULTILINE)
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=\S+$", re.MULTILINE)


class ScaffoldError(ValueError):
    """The id cannot name a scenario (the message says why and what would)."""


def template_text() -> str:
    """The template exactly as shipped (itself a valid scenario with the id 'skenario-baru')."""
    return (resources.files("game.content") / "templates" / "scenario.yaml").read_text(
        encoding="utf-8"
    )


def schema_path() -> Path:
    """Where the shipped scenario schema is on this machine."""
    return Path(__file__).resolve().parent / "schema" / "scenario.schema.json"


def check_id(scenario_id: str) -> None:
    """Refuse an id the schema would refuse, naming the pattern and a fixed-up suggestion."""
    if SCENARIO_ID.fullmatch(scenario_id):
        return
    suggestion = suggest_id(scenario_id)
    hint = f"; e.g. '{suggestion}'" if suggestion else ""
    raise ScaffoldError(
        f"'{scenario_id}' is not a scenario id: use lowercase letters, digits and hyphens, "
        f"starting with a letter or digit{hint}"
    )


def suggest_id(text: str) -> str:
    """An id made from ``text``: 'Rapat_Warga 2' -> 'rapat-warga-2' ('' when nothing is left)."""
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in text.lower()).split()
    return "-".join(words)


def title_from_id(scenario_id: str) -> str:
    """A first title from the id: 'rapat-warga' -> 'Rapat Warga'."""
    return " ".join(word.capitalize() for word in scenario_id.split("-") if word) or scenario_id


def schema_reference(target: Path) -> str:
    """The schema as seen from ``target``: relative inside the project (as the shipped scenarios
    have it, so the line survives moving the project), else an absolute ``file://`` URI."""
    schema = schema_path()
    project = schema.parents[3]  # <project>/game/content/schema/scenario.schema.json
    folder = target.resolve().parent
    if not folder.is_relative_to(project):
        return schema.as_uri()
    return Path(os.path.relpath(schema, folder)).as_posix()


def scaffold(scenario_id: str, target: Path) -> str:
    """The template for a scenario ``scenario_id`` that will be written at ``target``."""
    check_id(scenario_id)
    text = template_text()
    title = title_from_id(scenario_id)
    for pattern, line in (
        (_ID_LINE, f"id: {scenario_id}"),
        (_TITLE_LINE, f'title: {{id: "{title}", en: "{title}"}}'),
        (_MODELINE, f"# yaml-language-server: $schema={schema_reference(target)}"),
    ):
        text, count = pattern.subn(line.replace("\\", "\\\\"), text, count=1)
        if count != 1:  # the shipped template lost a line this function fills
            raise RuntimeError(f"the scenario template has no line matching {pattern.pattern}")
    return text
