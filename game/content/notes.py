"""Load the learning notes: one strict YAML file per note in assets/notes/, into a library.

Owns reading a notes folder (each file parsed by the strict reader, checked
against ``schema/note.schema.json``, then for unique ids, related ids that
exist and English beside every Indonesian text), building the frozen
``Note`` records, and the shipped library, loaded once per process for the
scenario checks that resolve a choice's ``notes: [...]``. Every problem is a
diagnostic with file, line and column; a broken note never stops the others.
It knows nothing of how notes are shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from game import paths
from game.content.diagnostics import Diagnostic, did_you_mean, has_errors, make
from game.content.loader import display_name, problem_diagnostic
from game.content.schema_check import check_schema, where
from game.content.yaml_strict import Document, YamlRefused, load_document
from game.core.model import Text
from game.core.notes import CATEGORIES, Note, Source

MAX_NOTE_BYTES = 256 * 1024


def _empty() -> Mapping[str, Note]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class NoteLibrary:
    """Every note that loaded, by id (in listing order), and what went wrong."""

    notes: Mapping[str, Note] = field(default_factory=_empty)
    diagnostics: tuple[Diagnostic, ...] = ()
    declared: frozenset[str] = frozenset()  # ids written in the files, broken ones included

    def __len__(self) -> int:
        return len(self.notes)

    def __iter__(self) -> Iterator[Note]:
        return iter(self.notes.values())

    def __contains__(self, note_id: object) -> bool:
        return note_id in self.notes

    def get(self, note_id: str) -> Note | None:
        return self.notes.get(note_id)

    def by_category(self) -> list[tuple[str, list[Note]]]:
        """(category, its notes) for each category that has notes, in the fixed order."""
        groups: list[tuple[str, list[Note]]] = []
        for category in CATEGORIES:
            members = [note for note in self.notes.values() if note.category == category]
            if members:
                groups.append((category, members))
        return groups


def notes_dir() -> Path:
    """Where the shipped notes are."""
    return paths.assets_dir() / "notes"


@cache
def shipped_notes() -> NoteLibrary:
    """The shipped notes, loaded once per process (Indonesian diagnostics)."""
    return load_notes(notes_dir())


def shipped_note_ids() -> frozenset[str]:
    """The ids a scenario's ``notes: [...]`` may name: every note file's declared id."""
    return shipped_notes().declared


@dataclass(slots=True)
class _Read:
    """One note file, parsed: its document (None when refused) and what it reported."""

    path: Path
    file: str
    document: Document | None
    diagnostics: list[Diagnostic]

    @property
    def data(self) -> dict[str, Any]:
        data = self.document.data if self.document is not None else None
        return data if isinstance(data, dict) else {}

    @property
    def declared_id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None


def _read(path: Path, lang: str) -> _Read:
    file = display_name(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        detail = error.strerror or str(error)
        return _Read(path, file, None, [make("SCN006", file, 1, 1, lang, detail=detail)])
    try:
        document = load_document(raw, max_bytes=MAX_NOTE_BYTES)
    except YamlRefused as refused:
        return _Read(path, file, None, [problem_diagnostic(refused.problem, file, lang)])
    if not isinstance(document.data, dict):
        return _Read(path, file, None, [make("SCN007", file, 1, 1, lang)])
    return _Read(path, file, document, check_schema(document, file, lang, name="note"))


def load_notes(folder: Path, lang: str = "id") -> NoteLibrary:
    """Every ``.yaml`` note in ``folder``; a missing folder is an empty library."""
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    reads = [_read(path, lang) for path in files]
    owners: dict[str, str] = {}
    for read in reads:
        note_id = read.declared_id
        if note_id is None or read.document is None:
            continue
        if note_id in owners:
            line, col = read.document.position(("id",))
            read.diagnostics.append(
                make("SCN027", read.file, line, col, lang, name=note_id, other=owners[note_id])
            )
        else:
            owners[note_id] = read.file
    declared = frozenset(owners)
    built: dict[str, Note] = {}
    found: list[Diagnostic] = []
    for read in reads:
        if read.document is not None:
            read.diagnostics.extend(_check(read, declared, lang))
        read.diagnostics.sort(key=lambda d: (d.line, d.col, d.code))
        found.extend(read.diagnostics)
        if read.document is not None and not has_errors(read.diagnostics):
            note = _build(read.data)
            built[note.note_id] = note
    ordered = sorted(built.values(), key=_place)
    return NoteLibrary(
        MappingProxyType({note.note_id: note for note in ordered}), tuple(found), declared
    )


def _place(note: Note) -> tuple[int, int, str]:
    """Where a note is listed: its category, its ``order`` (unset last), its id."""
    unset = 1_000_000
    return (CATEGORIES.index(note.category), note.order or unset, note.note_id)


def _check(read: _Read, declared: frozenset[str], lang: str) -> list[Diagnostic]:
    """Related ids that name no note (SCN026); texts without English (SCN100)."""
    assert read.document is not None
    document, data, found = read.document, read.data, []
    related = data.get("related")
    for index, target in enumerate(related if isinstance(related, list) else []):
        if isinstance(target, str) and target not in declared:
            line, col = document.position(("related", index))
            found.append(
                make(
                    "SCN026",
                    read.file,
                    line,
                    col,
                    lang,
                    name=target,
                    where=where(("related", index)),
                    suggestion=did_you_mean(target, declared, lang),
                )
            )
    for path in (("title",), ("summary",), ("body",)):
        value = data.get(path[0])
        if isinstance(value, str) or (isinstance(value, dict) and "en" not in value):
            line, col = document.position(path)
            found.append(make("SCN100", read.file, line, col, lang, where=where(path)))
    return found


def _text(value: Any) -> Text:
    return Text.of(value if isinstance(value, str) else dict(value))


def _build(data: Mapping[str, Any]) -> Note:
    """The Note that ``data`` (already checked) describes."""
    sources = tuple(
        Source(
            title=_text(item["title"]),
            issuer=_text(item["issuer"]),
            year=item.get("year"),
            url=item.get("url"),
            via=None if item.get("via") is None else _text(item["via"]),
        )
        for item in data["sources"]
    )
    return Note(
        note_id=data["id"],
        title=_text(data["title"]),
        category=data["category"],
        summary=_text(data["summary"]),
        body=_text(data["body"]),
        sources=sources,
        related=tuple(data.get("related", ())),
        order=data.get("order"),
    )
