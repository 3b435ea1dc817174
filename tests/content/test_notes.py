"""The learning notes: every shipped note loads clean; a broken one is reported at its place."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from support import ROOT, SCENARIOS, load_scenario

from game.content.checks import check_semantics
from game.content.notes import load_notes, notes_dir, shipped_note_ids, shipped_notes
from game.content.schema_check import schema
from game.content.yaml_strict import load_document
from game.core.notes import CATEGORIES, Paragraph

NOTES = notes_dir()
GOOD = """\
id: {note_id}
title: {{id: "Judul", en: "Title"}}
category: kasus
summary: {{id: "Ringkas.", en: "Short."}}
body:
  id: >
    Paragraf satu
    bersambung.

    - butir;

    - 2.3 butir bernomor.
  en: >
    Paragraph one.
sources:
  - title: "Sumber"
    issuer: "Penerbit"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def found(library_folder: Path, lang: str = "id") -> list[tuple[str, str, int, int]]:
    return [
        (d.code, Path(d.file).name, d.line, d.col)
        for d in load_notes(library_folder, lang).diagnostics
    ]


def test_note_schema_is_valid_draft7() -> None:
    """The note schema is well-formed Draft 7, for editors as for the loader."""
    jsonschema.Draft7Validator.check_schema(schema("note"))


def test_every_shipped_note_loads_without_a_diagnostic() -> None:
    """assets/notes/ gives a note per file, with no error and no warning, in either language."""
    files = sorted(NOTES.glob("*.yaml"))
    for lang in ("id", "en"):
        library = load_notes(NOTES, lang)
        assert [d.format() for d in library.diagnostics] == []
        assert len(library) == len(files) >= 19


def test_shipped_notes_cover_what_the_feedback_refers_to() -> None:
    """The levels, neutrality and sanctions, social media, hoaxes, moderation, FKUB and cases."""
    expected = {
        "perekat-bangsa",
        *(f"perekat-level-{level}" for level in range(1, 6)),
        "netralitas-asn",
        "skb-netralitas-2022",
        "sanksi-disiplin-pns",
        "media-sosial-asn",
        "ujaran-kebencian-bkn-2018",
        "uu-ite-pasal-28",
        "cek-hoaks",
        "moderasi-beragama",
        "fkub",
        "pela-gandong",
        "satu-tungku-tiga-batu",
        "provokator-damai-ambon-2011",
    }
    assert expected <= set(shipped_notes().notes)
    assert {note.category for note in shipped_notes()} == set(CATEGORIES)


@pytest.mark.parametrize("note_id", sorted(shipped_note_ids()))
def test_shipped_note_is_complete_in_both_languages(note_id: str) -> None:
    """Title, summary and every paragraph in id and en; at least one source with an issuer."""
    note = shipped_notes().get(note_id)
    assert note is not None
    for text in (note.title, note.summary, note.body):
        assert text.has("id") and text.has("en")
    assert len(note.paragraphs("id")) == len(note.paragraphs("en")) >= 2
    assert note.sources and all(source.issuer.get("en") for source in note.sources)
    assert len(note.title.get("id")) <= 35 and len(note.title.get("en")) <= 40


def test_file_name_is_the_note_id() -> None:
    """Each shipped note is found by its file name: assets/notes/<id>.yaml."""
    for path in NOTES.glob("*.yaml"):
        assert load_document(path.read_bytes()).data["id"] == path.stem


def test_notes_are_listed_by_category_then_order() -> None:
    """Categories in their fixed order; within one, ``order`` first: the overview before level 1."""
    groups = shipped_notes().by_category()
    assert [category for category, _ in groups] == list(CATEGORIES)
    competency = [note.note_id for note in groups[0][1]]
    assert competency[:6] == ["perekat-bangsa", *(f"perekat-level-{n}" for n in range(1, 6))]


def test_body_paragraphs_keep_list_items_and_their_numbers(tmp_path: Path) -> None:
    """Folded lines join; blank lines part paragraphs; ``- `` items keep a marker or number."""
    write(tmp_path, "a.yaml", GOOD.format(note_id="a"))
    (note,) = load_notes(tmp_path)
    assert note.paragraphs("id") == [
        Paragraph("Paragraf satu bersambung."),
        Paragraph("butir;", "-"),
        Paragraph("butir bernomor.", "2.3"),
    ]


def test_a_broken_note_is_reported_with_file_line_and_column(tmp_path: Path) -> None:
    """A misspelt key, a related id that names no note, a YAML error: each at its place."""
    typo = GOOD.format(note_id="a").replace("summary:", "sumary:")
    write(tmp_path, "a.yaml", typo)
    write(tmp_path, "b.yaml", GOOD.format(note_id="b") + "related: [a, dd]\n")
    write(tmp_path, "c.yaml", GOOD.format(note_id="c").replace("title: {", "title: {{"))
    write(tmp_path, "d.yaml", GOOD.format(note_id="d"))
    assert found(tmp_path) == [
        ("SCN012", "a.yaml", 1, 1),  # summary is missing ...
        ("SCN010", "a.yaml", 4, 1),  # ... because it is misspelt here
        ("SCN026", "b.yaml", 18, 14),
        ("SCN001", "c.yaml", 3, 1),
    ]
    library = load_notes(tmp_path)
    assert [note.note_id for note in library] == ["d"]  # the broken ones never stop the good
    (related,) = [d for d in library.diagnostics if d.code == "SCN026"]
    assert related.hint == "Maksud Anda 'd'?"
    assert related.format().startswith(f"{related.file}:18:14: error SCN026: 'dd' di related[1]")


def test_a_note_without_english_is_a_warning_and_still_loads(tmp_path: Path) -> None:
    """SCN100 for a text with only Indonesian; the note is kept."""
    write(tmp_path, "a.yaml", GOOD.format(note_id="a").replace(', en: "Short."', ""))
    assert found(tmp_path, "en") == [("SCN100", "a.yaml", 4, 10)]
    assert len(load_notes(tmp_path)) == 1


def test_a_missing_folder_is_an_empty_library(tmp_path: Path) -> None:
    """No notes folder: nothing to list and nothing to report."""
    library = load_notes(tmp_path / "none")
    assert len(library) == 0 and library.diagnostics == ()


def test_the_documented_example_loads_clean(tmp_path: Path) -> None:
    """The example in docs/learning-notes.md is a valid note (its related id included)."""
    text = (ROOT / "docs" / "learning-notes.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.DOTALL)
    assert example is not None
    folder = tmp_path / "notes"
    shutil.copytree(NOTES, folder)
    write(folder, "contoh-catatan.yaml", example[1])
    assert found(folder) == []
    assert load_notes(folder).get("contoh-catatan") is not None


def test_choice_notes_are_checked_against_the_ids_given(tmp_path: Path) -> None:
    """A caller may pass the notes it knows; an id outside them is SCN026 at the id."""
    fixture = ROOT / "tests" / "fixtures" / "bad" / "SCN026-choice-names-unknown-note.yaml"
    document = load_document(fixture.read_bytes())
    known = {"netralitas-asn", "sanksi-disiplin-pns", "netralitas-asm"}
    assert check_semantics(document, "f.yaml", note_ids=known) == []
    findings = check_semantics(document, "f.yaml", note_ids={"netralitas-asn"})
    assert [(d.code, d.line, d.col) for d in findings] == [("SCN026", 22, 17), ("SCN026", 22, 38)]


def test_shipped_scenarios_carry_their_notes_into_the_model() -> None:
    """A choice's ``notes`` becomes Choice.notes; every id names a shipped note."""
    scenario = load_scenario(SCENARIOS / "netralitas-pemilu.yaml")
    choice = scenario.node("grup-wa").choice("like-saja")
    assert choice is not None and choice.notes == ("skb-netralitas-2022", "media-sosial-asn")
    for path in (SCENARIOS / "netralitas-pemilu.yaml", SCENARIOS / "hoaks-viral.yaml"):
        named = {
            note_id
            for node in load_scenario(path).nodes.values()
            for choice in node.choices
            for note_id in choice.notes
        }
        assert named and named <= shipped_note_ids()
