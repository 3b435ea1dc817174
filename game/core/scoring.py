"""Scoring: competency averages, mastery, the tier, violations and the result object.

Owns the arithmetic of a play's outcome and the official meaning of each tier.
It does not decide what a choice rates (the scenario does) and does not print
(front ends do).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from game.core.model import COMPETENCIES
from game.core.state import DecisionRecord, PlayState

MASTERY = Fraction(4)
TIERS: tuple[str, ...] = ("belum", "dasar", "menengah", "tinggi")

TIER_MEANINGS: dict[str, dict[str, str]] = {
    "tinggi": {
        "id": "Tinggi: mengenali, menghargai, dan mendayagunakan perbedaan secara konstruktif "
        "(Perekat Bangsa level 4-5: menginisiasi, merepresentasikan pemerintah, dan membuat "
        "program yang mengakomodasi perbedaan).",
        "en": "High: recognises, respects and constructively leverages difference (Perekat "
        "Bangsa levels 4-5: initiates, represents the government, builds programmes that "
        "accommodate difference).",
    },
    "menengah": {
        "id": "Menengah: mengenali keberagaman serta aktif menghargai, bersikap tenang, dan "
        "menjaga persatuan (Perekat Bangsa level 2-3), belum mendayagunakan perbedaan.",
        "en": "Intermediate: recognises diversity and actively respects it, stays calm and keeps "
        "unity (Perekat Bangsa levels 2-3), not yet leveraging difference.",
    },
    "dasar": {
        "id": "Dasar: peka memahami dan menerima kemajemukan (Perekat Bangsa level 1), belum "
        "konsisten menghargai dan menjaga persatuan di bawah tekanan.",
        "en": "Basic: aware of and accepting diversity (Perekat Bangsa level 1), not yet "
        "consistent in respecting it and keeping unity under pressure.",
    },
    "belum": {
        "id": "Belum memadai: belum menunjukkan kepekaan terhadap keberagaman secara konsisten "
        "(di bawah Perekat Bangsa level 1).",
        "en": "Not yet adequate: does not yet consistently show awareness of diversity "
        "(below Perekat Bangsa level 1).",
    },
}

SEVERITY_MEANINGS: dict[str, dict[str, str]] = {
    "moral": {
        "id": "sanksi moral kode etik (PP 42/2004 Pasal 15): pernyataan secara tertutup atau "
        "terbuka",
        "en": "code-of-ethics moral sanction (PP 42/2004 art. 15): a closed or open statement",
    },
    "ringan": {
        "id": "hukuman disiplin ringan (PP 94/2021): teguran lisan, teguran tertulis, atau "
        "pernyataan tidak puas secara tertulis",
        "en": "light disciplinary penalty (PP 94/2021): oral or written reprimand, or a written "
        "statement of dissatisfaction",
    },
    "sedang": {
        "id": "hukuman disiplin sedang (PP 94/2021): pemotongan tunjangan kinerja 25% selama 6, 9, "
        "atau 12 bulan",
        "en": "moderate disciplinary penalty (PP 94/2021): a 25% cut of the performance allowance "
        "for 6, 9 or 12 months",
    },
    "berat": {
        "id": "hukuman disiplin berat (PP 94/2021): penurunan jabatan, pembebasan dari jabatan, "
        "hingga pemberhentian",
        "en": "heavy disciplinary penalty (PP 94/2021): demotion, release from the post, up to "
        "dismissal",
    },
}

COMPETENCY_NAMES: dict[str, dict[str, str]] = {
    "recognize": {"id": "Mengenali dan memahami keberagaman", "en": "Recognise diversity"},
    "tolerate": {"id": "Menghargai, toleransi dan persatuan", "en": "Respect, tolerance, unity"},
    "leverage": {"id": "Mendayagunakan perbedaan", "en": "Leverage difference"},
}


def exact_averages(history: list[DecisionRecord]) -> dict[str, Fraction | None]:
    """Per competency, the exact mean of its ratings over the play (None if never rated)."""
    totals = {name: 0 for name in COMPETENCIES}
    counts = {name: 0 for name in COMPETENCIES}
    for record in history:
        for name, rating in record.ratings:
            totals[name] += rating
            counts[name] += 1
    return {
        name: Fraction(totals[name], counts[name]) if counts[name] else None
        for name in COMPETENCIES
    }


def rounded(value: Fraction | None) -> float | None:
    """Round half up to two decimals, as people do by hand."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def tier_of(averages: dict[str, Fraction | None]) -> str:
    """The tier: tinggi, menengah, dasar or belum, from exact averages."""

    def mastered(name: str) -> bool:
        value = averages.get(name)
        return value is not None and value >= MASTERY

    if all(mastered(name) for name in COMPETENCIES):
        return "tinggi"
    if mastered("recognize") and mastered("tolerate"):
        return "menengah"
    if mastered("recognize"):
        return "dasar"
    return "belum"


def result_of(state: PlayState) -> dict[str, Any]:
    """The result object of a (usually finished) play, as ``play --json`` prints it."""
    averages = exact_averages(state.history)
    return {
        "scenario": state.scenario_id,
        "ending": state.ending_id,
        "path": list(state.path),
        "choices": [f"{record.node_id}/{record.choice_id}" for record in state.history],
        "competencies": {name: rounded(value) for name, value in averages.items()},
        "tier": tier_of(averages),
        "violations": [
            {
                "node": record.node_id,
                "choice": record.choice_id,
                "rule": record.violation[0],
                "severity": record.violation[1],
            }
            for record in state.history
            if record.violation is not None
        ],
    }
