"""Whole numbers as a reader of each language writes them: ``10.000`` in Indonesian, ``10,000``
in English. Standard library only; owns no other formatting."""

from __future__ import annotations


def grouped(value: int, lang: str) -> str:
    """``value`` with its thousands grouped: a dot in Indonesian, a comma in English."""
    return f"{value:,}".replace(",", "." if lang == "id" else ",")
