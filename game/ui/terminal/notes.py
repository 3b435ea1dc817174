"""Learning notes as plain text: the list, one note in full, and the lines after feedback.

Owns the wording and layout of notes on a terminal: the library grouped by
category (id and title), one note (title, summary, paragraphs with hanging
bullets, sources with what they were read through, related notes), and the
short pointer the text player prints after a choice's feedback. Loading the
notes is ``game.content.notes``'s job; printing is the caller's.
"""

from __future__ import annotations

import textwrap

from game.core.notes import Note, Source, category_name
from game.ui.terminal.report import WIDTH

WORDS = {
    "id": {
        "library": "Catatan belajar ({count})",
        "read_one": "Baca satu catatan: python main.py notes ID",
        "sources": "Sumber",
        "via": "dibaca melalui",
        "secondhand": "Sebagian sumber dibaca melalui laporan sekunder; cocokkan dengan naskah "
        "resminya sebelum mengutip.",
        "related": "Lihat juga",
        "note": "Catatan belajar",
        "none": "Tidak ada catatan belajar di {folder}.",
        "missing": "tidak ada catatan belajar '{note}' di {folder}.",
    },
    "en": {
        "library": "Learning notes ({count})",
        "read_one": "Read one note: python main.py notes ID --lang en",
        "sources": "Sources",
        "via": "read via",
        "secondhand": "Some sources were read through secondary reports; check the official text "
        "before quoting it.",
        "related": "See also",
        "note": "Learning note",
        "none": "There are no learning notes in {folder}.",
        "missing": "no learning note '{note}' in {folder}.",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["id"])


def _fill(text: str, indent: str = "", hanging: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()),
        WIDTH,
        initial_indent=indent,
        subsequent_indent=hanging or indent,
    )


def render_list(notes: list[tuple[str, list[Note]]], lang: str) -> str:
    """The library: a heading per category, then each note's id and title."""
    count = sum(len(members) for _, members in notes)
    lines = [words(lang)["library"].format(count=count)]
    width = max((len(note.note_id) for _, members in notes for note in members), default=0)
    for category, members in notes:
        lines += ["", category_name(category, lang)]
        for note in members:
            lines.append(f"  {note.note_id.ljust(width)}  {note.title.get(lang)}")
    lines += ["", words(lang)["read_one"]]
    return "\n".join(lines)


def source_line(source: Source, lang: str) -> str:
    """One source as a reference: title, issuer, year, address, and what it was read via."""
    parts = [source.title.get(lang).rstrip("."), source.issuer.get(lang)]
    if source.year is not None:
        parts.append(str(source.year))
    text = ". ".join(parts[:2]) + (f", {parts[2]}" if len(parts) > 2 else "") + "."
    if source.url:
        text += f" {source.url}"
    if source.via is not None:
        text += f" ({words(lang)['via']}: {source.via.get(lang)})"
    return text


def render_note(note: Note, lang: str, titles: dict[str, str] | None = None) -> str:
    """One note in full; ``titles`` (id -> title) names the related notes."""
    say = words(lang)
    title = note.title.get(lang)
    lines = [
        f"== {title} ==",
        f"[{category_name(note.category, lang)} · {note.note_id}]",
        "",
        _fill(note.summary.get(lang)),
        "",
    ]
    for paragraph in note.paragraphs(lang):
        if paragraph.is_item:
            marker = f"  {paragraph.marker} "
            lines.append(_fill(paragraph.text, marker, " " * len(marker)))
        else:
            lines += ["", _fill(paragraph.text)] if lines[-1] else [_fill(paragraph.text)]
    lines += ["", f"{say['sources']}:"]
    lines += [_fill(source_line(source, lang), "  - ", "    ") for source in note.sources]
    if note.is_secondhand:
        lines.append(_fill(say["secondhand"], "  "))
    if note.related:
        named = [f"{titles[i]} ({i})" if titles and i in titles else i for i in note.related]
        lines += ["", _fill(f"{say['related']}: " + "; ".join(named))]
    return "\n".join(lines)


def feedback_lines(notes: list[Note], lang: str) -> list[str]:
    """What the text player prints after feedback: each note's title and summary."""
    return [
        _fill(
            f"{words(lang)['note']}: {note.title.get(lang)} ({note.note_id}). "
            f"{note.summary.get(lang)}",
            "   ",
            "     ",
        )
        for note in notes
    ]
