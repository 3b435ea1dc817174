"""The class report's learning notes: the notes the scenario's choices name, for the debrief.

Owns choosing which notes a class report lists (every id a choice of the
scenario names in ``notes: [...]``, in the library's order: category, then the
note's ``order``, then id), remembering the ids the notes folder could not give
(missing folder, broken or absent file), and laying them out: a printable HTML
section (one card per note with its title, the title in the other language,
summary, body, sources and related notes; cards kept whole across pages where
they fit) and a few lines for the text summary. It reads no files (the caller
loads the library with ``game.content.notes``) and counts nothing.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

from game.core.model import Scenario, Text
from game.core.notes import Note, Paragraph, Source, category_name

WORDS = {
    "id": {
        "heading": "Catatan pembelajaran",
        "intro": "Catatan yang dirujuk umpan balik skenario ini, untuk dibaca bersama atau "
        "dibagikan setelah debrief.",
        "sources": "Sumber",
        "via": "dibaca melalui",
        "secondhand": "Sebagian sumber dibaca melalui laporan sekunder; cocokkan dengan naskah "
        "resminya sebelum mengutip.",
        "related": "Lihat juga",
        "missing": "Catatan berikut tidak dapat dibaca dari {folder}: {ids}.",
    },
    "en": {
        "heading": "Learning notes",
        "intro": "The notes this scenario's feedback refers to, to read together or hand out "
        "after the debrief.",
        "sources": "Sources",
        "via": "read via",
        "secondhand": "Some sources were read through secondary reports; check the official text "
        "before quoting it.",
        "related": "See also",
        "missing": "These notes could not be read from {folder}: {ids}.",
    },
}
WIDTH = 78  # the text summary's width

STYLE = """
section#learning-notes .intro { color: #52606D; }
article.learning-note { border: 1px solid #CBD2D9; border-radius: 4px; padding: 0.4rem 0.9rem;
  margin: 0.8rem 0; }
article.learning-note h4 { margin: 0.2rem 0 0; font-size: 1.1rem; color: #0B4F6C; }
article.learning-note .other-title { margin: 0; color: #52606D; font-style: italic; }
article.learning-note .summary { font-weight: bold; }
article.learning-note ul.items { padding-left: 1.4rem; }
article.learning-note ul.items li.numbered { list-style: none; text-indent: -1.4rem; }
article.learning-note ul.items .marker { display: inline-block; min-width: 1.4rem;
  text-indent: 0; }
article.learning-note ol.sources { font-size: 0.9em; padding-left: 1.4rem; }
.secondhand, .related { font-size: 0.9em; color: #52606D; }
@media print {
  section#learning-notes { break-before: page; }
  h3.note-category, article.learning-note h4 { break-after: avoid; }
  article.learning-note { break-inside: avoid; page-break-inside: avoid; font-size: 0.95em; }
  article.learning-note .related { break-before: avoid; }
  article.learning-note p, article.learning-note li { orphans: 3; widows: 3; }
  article.learning-note .sources-block { break-inside: avoid; }
}
"""


@dataclass(frozen=True, slots=True)
class LinkedNotes:
    """The notes a report lists: those found, in library order, and the ids that were not."""

    notes: tuple[Note, ...] = ()
    missing: tuple[str, ...] = ()  # named by a choice, but not in the folder's library
    folder: str = ""
    titles: Mapping[str, Text] = field(default_factory=dict)  # every loaded note, for related

    @property
    def is_empty(self) -> bool:
        return not self.notes and not self.missing


def linked_note_ids(scenario: Scenario) -> list[str]:
    """Every note id the scenario's choices name, once each, in the order they first appear."""
    seen: dict[str, None] = {}
    for node in scenario.nodes.values():
        for choice in node.choices:
            for note_id in choice.notes:
                seen.setdefault(note_id, None)
    return list(seen)


def gather(note_ids: list[str], library: Mapping[str, Note], folder: str) -> LinkedNotes:
    """The notes ``note_ids`` name, in ``library``'s order; the ids it lacks, as named."""
    wanted = set(note_ids)
    found = tuple(note for note_id, note in library.items() if note_id in wanted)
    missing = tuple(note_id for note_id in note_ids if note_id not in library)
    titles = {note_id: note.title for note_id, note in library.items()}
    return LinkedNotes(found, missing, folder, titles)


def notes_html(linked: LinkedNotes | None, lang: str) -> list[str]:
    """The section, as lines of HTML; nothing when no note is linked (or none was asked for)."""
    if linked is None or linked.is_empty:
        return []
    say = WORDS.get(lang, WORDS["en"])
    parts = [
        f'<section id="learning-notes"><h2>{escape(say["heading"])}</h2>',
        f'<p class="intro">{escape(say["intro"])}</p>',
    ]
    if linked.missing:
        ids = ", ".join(linked.missing)
        parts.append(
            f'<p class="note">{escape(say["missing"].format(folder=linked.folder, ids=ids))}</p>'
        )
    category = ""
    for note in linked.notes:
        if note.category != category:
            category = note.category
            parts.append(f'<h3 class="note-category">{escape(category_name(category, lang))}</h3>')
        parts.append(_card(note, lang, linked.titles, say))
    parts.append("</section>")
    return parts


def _card(note: Note, lang: str, titles: Mapping[str, Text], say: dict[str, str]) -> str:
    other = "id" if lang == "en" else "en"
    out = [
        f'<article class="learning-note" id="note-{escape(note.note_id)}">',
        f"<h4{_lang_of(note.title, lang)}>{escape(note.title.get(lang))}</h4>",
    ]
    if note.title.has(other) and note.title.get(other) != note.title.get(lang):
        out.append(f'<p class="other-title" lang="{other}">{escape(note.title.get(other))}</p>')
    out.append(f'<p class="meta">{escape(note.note_id)}</p>')  # as `notes ID` prints it
    out.append(
        f'<p class="summary"{_lang_of(note.summary, lang)}>{escape(note.summary.get(lang))}</p>'
    )
    out.append(f"<div{_lang_of(note.body, lang)}>{_body(note.paragraphs(lang))}</div>")
    sources = "".join(f"<li>{escape(source_text(source, lang))}</li>" for source in note.sources)
    out.append(
        f'<div class="sources-block"><p><strong>{escape(say["sources"])}</strong></p>'
        f'<ol class="sources">{sources}</ol>'
    )
    if note.is_secondhand:
        out.append(f'<p class="secondhand">{escape(say["secondhand"])}</p>')
    out.append("</div>")
    if note.related:
        named = [f"{titles[i].get(lang)} ({i})" if i in titles else i for i in note.related]
        out.append(f'<p class="related">{escape(say["related"])}: {escape("; ".join(named))}</p>')
    out.append("</article>")
    return "".join(out)


def _lang_of(text: Text, lang: str) -> str:
    """A ``lang`` attribute when ``text`` falls back to Indonesian in an English report."""
    return ' lang="id"' if lang != "id" and not text.has(lang) else ""


def _body(paragraphs: list[Paragraph]) -> str:
    """Running text as paragraphs; consecutive list items as one list, numbers kept."""
    out: list[str] = []
    items: list[str] = []
    for paragraph in [*paragraphs, None]:
        if paragraph is not None and paragraph.is_item:
            if paragraph.marker == "-":
                items.append(f"<li>{escape(paragraph.text)}</li>")
            else:
                items.append(
                    f'<li class="numbered"><span class="marker">{escape(paragraph.marker)}</span> '
                    f"{escape(paragraph.text)}</li>"
                )
            continue
        if items:
            out.append('<ul class="items">' + "".join(items) + "</ul>")
            items = []
        if paragraph is not None:
            out.append(f"<p>{escape(paragraph.text)}</p>")
    return "".join(out)


def source_text(source: Source, lang: str) -> str:
    """One source as a reference: title, issuer, year, address, and what it was read via."""
    text = f"{source.title.get(lang).rstrip('.')}. {source.issuer.get(lang)}"
    if source.year is not None:
        text += f", {source.year}"
    text += "."
    if source.url:
        text += f" {source.url}"
    if source.via is not None:
        text += f" ({WORDS.get(lang, WORDS['en'])['via']}: {source.via.get(lang)})"
    return text


def notes_text(linked: LinkedNotes | None, lang: str) -> list[str]:
    """The section for the text summary: a heading, each note's id and title, what is missing."""
    if linked is None or linked.is_empty:
        return []
    say = WORDS.get(lang, WORDS["en"])
    lines = ["", f"{say['heading']}:"]
    lines += [f"  - {note.note_id}: {note.title.get(lang)}" for note in linked.notes]
    if linked.missing:
        missing = say["missing"].format(folder=linked.folder, ids=", ".join(linked.missing))
        lines += textwrap.wrap(
            missing,
            WIDTH,
            initial_indent="  ",
            subsequent_indent="    ",
            break_long_words=False,  # keep a folder's path and the ids whole
            break_on_hyphens=False,
        )
    return lines
