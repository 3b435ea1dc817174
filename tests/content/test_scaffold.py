"""The new-scenario template: shipped valid, filled with an id, a title and the schema line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.validate import validate_all
from game.content.scaffold import (
    TEMPLATE_ID,
    ScaffoldError,
    check_id,
    scaffold,
    schema_path,
    schema_reference,
    suggest_id,
    template_text,
    title_from_id,
)

ROOT = Path(__file__).resolve().parent.parent.parent


def test_shipped_template_validates_with_no_finding(tmp_path: Path) -> None:
    """The template as shipped passes content checks and lint with no error and no warning."""
    path = tmp_path / "template.yaml"
    path.write_text(template_text(), encoding="utf-8")
    [result] = validate_all([path], "en")
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    assert f"\nid: {TEMPLATE_ID}\n" in template_text()


def test_scaffold_fills_id_and_title_and_changes_nothing_else(tmp_path: Path) -> None:
    """Only the id, title and schema lines differ from the template."""
    text = scaffold("rapat-warga", ROOT / "scenarios" / "rapat-warga.yaml")
    changed = [
        (old, new)
        for old, new in zip(template_text().splitlines(), text.splitlines(), strict=True)
        if old != new
    ]
    assert [new for _, new in changed] == [
        "# yaml-language-server: $schema=../game/content/schema/scenario.schema.json",
        "id: rapat-warga",
        'title: {id: "Rapat Warga", en: "Rapat Warga"}',
    ]


def test_schema_line_matches_the_shipped_scenarios() -> None:
    """A file in scenarios/ gets the very modeline the shipped scenarios open with."""
    shipped = (ROOT / "scenarios" / "hoaks-viral.yaml").read_text(encoding="utf-8")
    first = scaffold("baru", ROOT / "scenarios" / "baru.yaml").splitlines()[0]
    assert first == shipped.splitlines()[0]


def test_schema_reference_resolves_to_the_schema_from_any_folder(tmp_path: Path) -> None:
    """Inside the project a relative path, elsewhere a file URI; both name the real schema."""
    inside = ROOT / "tests" / "fixtures" / "x.yaml"
    assert (inside.parent / schema_reference(inside)).resolve() == schema_path()
    outside = tmp_path / "x.yaml"
    assert schema_reference(outside) == schema_path().as_uri()


@pytest.mark.parametrize("bad", ["Rapat", "rapat_warga", "-rapat", "", "rapat warga", "rapät"])
def test_check_id_refuses_what_the_schema_refuses(bad: str) -> None:
    """Uppercase, underscores, a leading hyphen, spaces and non-ASCII letters are refused."""
    with pytest.raises(ScaffoldError, match="not a scenario id"):
        check_id(bad)


def test_suggestions_and_titles_are_made_from_the_words() -> None:
    """'Rapat_Warga 2' suggests 'rapat-warga-2'; titles capitalise each word of the id."""
    assert suggest_id("Rapat_Warga 2") == "rapat-warga-2"
    assert suggest_id("___") == ""
    assert title_from_id("rapat-warga-2") == "Rapat Warga 2"
    check_id("2024-pemilu")  # a leading digit is allowed
