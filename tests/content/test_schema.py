"""The shipped JSON Schema: valid Draft 7, packaged, referenced by scenarios, like the loader."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
from support import FIXTURES, shipped_scenarios

from game.content.schema_check import schema
from game.content.yaml_strict import load_document

VALID = [*shipped_scenarios(), FIXTURES / "mini.yaml"]


def test_schema_is_valid_draft7() -> None:
    """Editors (VS Code's YAML extension) need a well-formed Draft 7 schema."""
    loaded = schema()
    assert loaded["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(loaded)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_scenarios_pass_the_schema_alone(path: Path) -> None:
    """What the loader accepts, a plain Draft 7 validator accepts too."""
    data = load_document(path.read_bytes()).data
    assert list(jsonschema.Draft7Validator(schema()).iter_errors(data)) == []


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_modeline_points_at_the_shipped_schema(path: Path) -> None:
    """The first-line modeline resolves, relative to the file, to the packaged schema."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    target = (path.parent / match.group(1)).resolve()
    assert target.name == "scenario.schema.json" and target.is_file()
