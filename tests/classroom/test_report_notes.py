"""The class report's learning notes: which notes, in what order, and how they are laid out."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from support import FIXTURES, load_scenario

from game.classroom.report_notes import gather, linked_note_ids, notes_html, notes_text
from game.content.notes import load_notes, notes_dir
from game.core.model import Scenario

LIBRARY = load_notes(notes_dir())


def with_notes(scenario: Scenario, by_choice: dict[str, tuple[str, ...]]) -> Scenario:
    """``scenario`` with the given choices naming the given notes."""
    nodes = {}
    for node_id, node in scenario.nodes.items():
        choices = tuple(
            dataclasses.replace(choice, notes=by_choice.get(choice.choice_id, choice.notes))
            for choice in node.choices
        )
        nodes[node_id] = dataclasses.replace(node, choices=choices)
    return dataclasses.replace(scenario, nodes=nodes)


def mini_with_notes() -> Scenario:
    return with_notes(
        load_scenario(FIXTURES / "mini.yaml"),
        {
            "bagikan": ("netralitas-asn", "perekat-level-2"),
            "tolak-halus": ("perekat-level-2",),
            "diam": ("perekat-level-1", "fkub"),
        },
    )


def test_linked_ids_are_every_choice_note_once_in_first_mention_order() -> None:
    """Each id a choice names appears once, in the order the scenario first names it."""
    assert linked_note_ids(mini_with_notes()) == [
        "perekat-level-2",
        "netralitas-asn",
        "perekat-level-1",
        "fkub",
    ]
    assert linked_note_ids(load_scenario(FIXTURES / "mini.yaml")) == []


def test_gathered_notes_follow_the_library_order_and_keep_the_missing_ids() -> None:
    """Category, then order: the competency levels first; unknown ids are kept as named."""
    linked = gather(["fkub", "nope", "perekat-level-2", "perekat-level-1"], LIBRARY.notes, "x")
    assert [note.note_id for note in linked.notes] == ["perekat-level-1", "perekat-level-2", "fkub"]
    assert linked.missing == ("nope",)
    assert not linked.is_empty


def test_html_section_has_a_card_per_note_with_title_text_and_sources() -> None:
    """Indonesian by default: title, the English title, summary, body, each source, related."""
    linked = gather(linked_note_ids(mini_with_notes()), LIBRARY.notes, "assets/notes")
    html = "\n".join(notes_html(linked, "id"))
    assert html.startswith('<section id="learning-notes"><h2>Catatan pembelajaran</h2>')
    assert html.count('<article class="learning-note"') == 4
    fkub = LIBRARY.notes["fkub"]
    assert fkub.title.get("id") in html and '<p class="other-title" lang="en">' in html
    assert "FKUB and houses of worship" in html
    assert "Forum Kerukunan Umat Beragama ada di provinsi" in html  # the summary
    assert "<li>daftar nama dan KTP paling sedikit 90 orang" in html  # a body list item
    assert "Menteri Agama dan Menteri Dalam Negeri, 2006." in html  # a source with its year
    assert "https://balitbangdiklat.kemenag.go.id" in html
    assert "Lihat juga: Moderasi beragama (moderasi-beragama)" in html
    assert '<span class="marker">1.1</span>' in html  # numbered indicators keep their numbers
    assert html.index("note-perekat-level-1") < html.index("note-netralitas-asn")
    assert html.index("note-netralitas-asn") < html.index("note-fkub")


def test_english_report_shows_english_notes_and_marks_indonesian_fallbacks() -> None:
    """--lang en: the English texts; a text without English keeps lang="id"."""
    linked = gather(["fkub"], LIBRARY.notes, "assets/notes")
    html = "\n".join(notes_html(linked, "en"))
    assert "<h2>Learning notes</h2>" in html and "<h4>FKUB and houses of worship</h4>" in html
    assert '<p class="other-title" lang="id">FKUB dan rumah ibadah</p>' in html
    note = LIBRARY.notes["fkub"]
    indonesian_only = dataclasses.replace(note, body=type(note.body).of("Hanya <b>Indonesia</b>."))
    html = "\n".join(notes_html(gather(["fkub"], {"fkub": indonesian_only}, "x"), "en"))
    assert '<div lang="id"><p>Hanya &lt;b&gt;Indonesia&lt;/b&gt;.</p></div>' in html


def test_no_linked_note_gives_no_section() -> None:
    """A scenario that names no note, or no scenario at all: nothing is added."""
    empty = gather([], LIBRARY.notes, "assets/notes")
    assert empty.is_empty
    assert notes_html(empty, "id") == [] and notes_text(empty, "id") == []
    assert notes_html(None, "en") == [] and notes_text(None, "en") == []


def test_an_unreadable_folder_is_said_in_both_outputs(tmp_path: Path) -> None:
    """No notes folder: the section names the ids it could not read, and where it looked."""
    folder = tmp_path / "gone"
    linked = gather(["fkub", "netralitas-asn"], load_notes(folder).notes, str(folder))
    assert linked.notes == () and linked.missing == ("fkub", "netralitas-asn")
    html = "\n".join(notes_html(linked, "id"))
    assert "Catatan berikut tidak dapat dibaca dari" in html and "fkub, netralitas-asn" in html
    assert "<article" not in html
    text = "\n".join(notes_text(linked, "en"))
    assert "could not be read from" in text and str(folder) in text


def test_text_lines_list_each_note_id_and_title() -> None:
    """The text summary lists id and title, in the library's order."""
    linked = gather(["fkub", "perekat-level-1"], LIBRARY.notes, "assets/notes")
    assert notes_text(linked, "en") == [
        "",
        "Learning notes:",
        "  - perekat-level-1: Level 1: Accepting diversity",
        "  - fkub: FKUB and houses of worship",
    ]
