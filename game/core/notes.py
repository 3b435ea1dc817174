"""The learning notes as loaded: what a note says, where it comes from, and its neighbours.

Owns the frozen Note and Source records, the note categories in their fixed
order with their names in Indonesian and English, and splitting a note's body
into paragraphs and list items. It does not read files (``game.content.notes`` does) and does
not decide how a note is laid out (front ends do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.core.model import Text

CATEGORIES: tuple[str, ...] = (
    "kompetensi",
    "netralitas",
    "media-sosial",
    "moderasi",
    "kerukunan",
    "kasus",
)
"""Note categories, in the order a library lists them."""

CATEGORY_NAMES: dict[str, dict[str, str]] = {
    "kompetensi": {"id": "Kompetensi Perekat Bangsa", "en": "The Perekat Bangsa competency"},
    "netralitas": {"id": "Netralitas ASN", "en": "Civil service neutrality"},
    "media-sosial": {"id": "Media sosial dan hoaks", "en": "Social media and hoaxes"},
    "moderasi": {"id": "Moderasi beragama", "en": "Religious moderation"},
    "kerukunan": {"id": "Kerukunan umat beragama", "en": "Interfaith harmony"},
    "kasus": {"id": "Catatan kasus", "en": "Case notes"},
}


def category_name(category: str, lang: str) -> str:
    """A category's name in ``lang`` (Indonesian when ``lang`` has none)."""
    names = CATEGORY_NAMES.get(category, {"id": category})
    return names.get(lang, names["id"])


@dataclass(frozen=True, slots=True)
class Source:
    """Where a note's facts come from: a regulation, agreement, dataset or report.

    ``via`` names the secondary source the text was read through, when the primary
    text itself has not been checked; front ends show it so a reader knows.
    """

    title: Text
    issuer: Text
    year: int | None = None
    url: str | None = None
    via: Text | None = None


_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*\.?)\s+(.*)$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of a note's body; ``marker`` is "-" for a list item, its number
    ("1.", "2.3") for a numbered one, and empty for running text."""

    text: str
    marker: str = ""

    @property
    def is_item(self) -> bool:
        return bool(self.marker)


@dataclass(frozen=True, slots=True)
class Note:
    """One learning note: a concept, rule or case the feedback refers to."""

    note_id: str
    title: Text
    category: str
    summary: Text
    body: Text
    sources: tuple[Source, ...]
    related: tuple[str, ...] = ()
    order: int | None = None  # place within its category; None comes after, by id

    def paragraphs(self, lang: str) -> list[Paragraph]:
        """The body in ``lang`` as paragraphs: each non-blank line, list items marked."""
        found = []
        for line in self.body.get(lang).splitlines():
            text = line.strip()
            if not text:
                continue
            if text.startswith("- "):
                item = text[2:].strip()
                numbered = _NUMBERED.match(item)
                if numbered:
                    found.append(Paragraph(numbered[2], numbered[1]))
                else:
                    found.append(Paragraph(item, "-"))
            else:
                found.append(Paragraph(text))
        return found

    @property
    def is_secondhand(self) -> bool:
        """Whether some source was read through a secondary report (``via``)."""
        return any(source.via for source in self.sources)
