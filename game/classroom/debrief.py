"""The class debrief: a summary's numbers set against the scenario, and the facilitator's guide.

Owns what the report says beyond counting: each decision with its text and its
options (how many took each, the share, the best option: the highest mean
rating, the first on a tie), the edges of the scenario graph the class walked
and how many took each (for the heat map), the decision where the class did
worst (the lowest mean rating of the options taken) with the competencies it
rates and its discussion questions, and the five questions a facilitator walks
through, in Indonesian and English. Without the scenario file the decisions
keep the texts the statements carry, and there is no best option or heat map.
Each decision also carries the reasons groups typed and the facilitated
classes' vote there (``group_decisions`` gathers them).

It reads no files and renders nothing: ``report_text`` and ``report_html`` do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from game.classroom.aggregate import ClassSummary
from game.classroom.group_decisions import ClassVote, GroupReason
from game.classroom.xapi import node_iri, shorten
from game.core.model import COMPETENCIES, Choice, Scenario
from game.core.scoring import COMPETENCY_NAMES

TEXT_LENGTH = 160
EdgeKey = tuple[str, str | None]  # (source node, choice id; None for a step's way on)

QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "id": (
        (
            "Apa yang terjadi?",
            "Minta beberapa peserta menceritakan situasi dan pilihan mereka dengan kata sendiri, "
            "tanpa menilai dulu. Tunjukkan sebaran pilihan kelas di setiap keputusan.",
        ),
        (
            "Mengapa?",
            "Apa yang mendorong pilihan itu: tekanan atasan, rasa sungkan, kebiasaan, aturan? "
            "Mulailah dari keputusan yang paling membelah kelas dan dengarkan kedua sisi.",
        ),
        (
            "Apa kata indikator kompetensi?",
            "Bandingkan pilihan dengan indikator Perekat Bangsa (mengenali, menghargai, "
            "mendayagunakan perbedaan) dan aturan yang berlaku, terutama di keputusan terlemah "
            "kelas.",
        ),
        (
            "Apa yang kita pelajari?",
            "Rumuskan bersama dua atau tiga pelajaran: apa yang membuat pilihan terbaik sulit, "
            "dan apa yang membantu mengambilnya.",
        ),
        (
            "Apa yang akan diterapkan masing-masing di tempat kerja?",
            "Setiap peserta menyebut satu tindakan nyata untuk minggu depan; refleksi yang "
            "ditulis di akhir permainan dapat menjadi titik awal.",
        ),
    ),
    "en": (
        (
            "What happened?",
            "Ask a few participants to retell the situation and their choices in their own "
            "words, without judging yet. Show the class's spread of choices at each decision.",
        ),
        (
            "Why?",
            "What drove those choices: pressure from a superior, reluctance to object, habit, "
            "the rules? Start with the decision that split the class most and hear both sides.",
        ),
        (
            "What do the competency indicators say?",
            "Set the choices against the Perekat Bangsa indicators (recognise, respect, "
            "leverage difference) and the rules that apply, above all at the class's weakest "
            "decision.",
        ),
        (
            "What did we learn?",
            "Agree on two or three lessons together: what made the best choice hard, and what "
            "helps to take it.",
        ),
        (
            "What will each of us apply at work?",
            "Each participant names one concrete action for next week; the reflections written "
            "at the end of the play are a place to start.",
        ),
    ),
}


EVIDENCE = {
    "id": {
        "happened": "{n} peserta, {done} sampai ke akhir. Tingkat: {tiers}.",
        "split": "Keputusan yang paling membelah kelas: \u201c{text}\u201d ({shares}).",
        "weakest": "Keputusan terlemah kelas: \u201c{text}\u201d (rata-rata nilai pilihan "
        "{rating}); kompetensi yang dinilai: {names}.",
        "best": "Mengapa opsi terbaik lebih baik: {text}",
        "ask": "Tanyakan: {text}",
        "note": "Catatan fasilitator: {text}",
        "means": "Terkuat: {high} ({high_value:.2f}); terlemah: {low} ({low_value:.2f}).",
        "reflections": "{n} refleksi ditulis peserta (lihat bagian Refleksi).",
    },
    "en": {
        "happened": "{n} participants, {done} reached an ending. Tiers: {tiers}.",
        "split": "The decision that split the class most: \u201c{text}\u201d ({shares}).",
        "weakest": "The class's weakest decision: \u201c{text}\u201d (mean rating of the "
        "options taken {rating}); it rates: {names}.",
        "best": "Why the best option is better: {text}",
        "ask": "Ask: {text}",
        "note": "Facilitator's note: {text}",
        "means": "Strongest: {high} ({high_value:.2f}); weakest: {low} ({low_value:.2f}).",
        "reflections": "{n} reflections written by participants (see Reflections).",
    },
}


@dataclass(frozen=True, slots=True)
class OptionRow:
    choice_id: str
    text: str
    count: int
    share: float  # of the decision's answers, 0-1
    is_best: bool = False
    rating: float | None = None  # the mean of the competencies the option rates


@dataclass(frozen=True, slots=True)
class DecisionRow:
    node_id: str
    text: str
    answers: int
    options: tuple[OptionRow, ...]
    mean_rating: float | None = None  # of the options taken, weighted by how many took each
    competencies: tuple[str, ...] = ()  # what the decision rates
    discussion: tuple[str, ...] = ()
    facilitator: str = ""
    best_feedback: str = ""  # why the best option is best (it names the indicators)
    reasons: tuple[GroupReason, ...] = ()  # groups' reasons for their choices here
    vote: ClassVote | None = None  # facilitated classes' votes here, summed

    def option_number(self, choice_id: str) -> int:
        """The option's place in ``options``, from 1 (0 when it is not one of them)."""
        for number, option in enumerate(self.options, start=1):
            if option.choice_id == choice_id:
                return number
        return 0

    @property
    def split(self) -> float:
        """How divided the class was: 1 - the largest share (0 when all agreed)."""
        return 1 - max((option.share for option in self.options), default=1.0)


@dataclass
class Debrief:
    summary: ClassSummary
    lang: str
    title: str
    decisions: list[DecisionRow]
    heat: dict[EdgeKey, int] = field(default_factory=dict)
    scenario: Scenario | None = None
    notes: list[str] = field(default_factory=list)  # e.g. the scenario file was not found

    @property
    def weakest(self) -> DecisionRow | None:
        """The decision with the lowest mean rating of the options the class took."""
        rated = [row for row in self.decisions if row.mean_rating is not None]
        return min(rated, key=lambda row: row.mean_rating or 0.0, default=None)

    @property
    def most_split(self) -> DecisionRow | None:
        contested = [row for row in self.decisions if row.answers > 1]
        return max(contested, key=lambda row: row.split, default=None)

    def questions(self) -> tuple[tuple[str, str], ...]:
        return QUESTIONS.get(self.lang, QUESTIONS["en"])

    def competency_name(self, name: str) -> str:
        names = COMPETENCY_NAMES.get(name, {})
        return names.get(self.lang, names.get("id", name))

    def guide(self) -> list[tuple[str, str, list[str]]]:
        """The five questions: each with its prompt and what this class's records show."""
        say = EVIDENCE.get(self.lang, EVIDENCE["en"])
        whole = self.summary.whole
        tiers = ", ".join(f"{tier} {count}" for tier, count in whole.tiers.items())
        happened = [say["happened"].format(n=whole.participants, done=whole.finished, tiers=tiers)]
        why: list[str] = []
        split = self.most_split
        if split is not None:
            top = sorted(split.options, key=lambda option: -option.count)[:2]
            shares = "; ".join(f"{o.choice_id} {o.share:.0%}" for o in top)
            why.append(say["split"].format(text=split.text, shares=shares))
        indicators: list[str] = []
        weak = self.weakest
        if weak is not None:
            names = ", ".join(self.competency_name(name) for name in weak.competencies)
            rating = f"{weak.mean_rating:.2f}" if weak.mean_rating is not None else "-"
            indicators.append(say["weakest"].format(text=weak.text, rating=rating, names=names))
            if weak.best_feedback:
                indicators.append(say["best"].format(text=weak.best_feedback))
            indicators += [say["ask"].format(text=question) for question in weak.discussion]
            if weak.facilitator:
                indicators.append(say["note"].format(text=weak.facilitator))
        learned: list[str] = []
        means = {k: v for k, v in whole.competencies.items() if v is not None}
        if means:
            low, high = min(means, key=means.__getitem__), max(means, key=means.__getitem__)
            learned.append(
                say["means"].format(
                    high=self.competency_name(high),
                    high_value=means[high],
                    low=self.competency_name(low),
                    low_value=means[low],
                )
            )
        apply = [say["reflections"].format(n=len(self.summary.reflections))]
        evidence = [happened, why, indicators, learned, apply]
        return [
            (title, prompt, lines)
            for (title, prompt), lines in zip(self.questions(), evidence, strict=True)
        ]


def build_debrief(
    summary: ClassSummary,
    scenario: Scenario | None,
    definitions: dict[str, dict[str, Any]],
    lang: str = "id",
) -> Debrief:
    """Set ``summary`` against ``scenario`` (or, without it, the statements' own texts)."""
    decisions = summary.whole.decisions
    if scenario is not None:
        order = [node_id for node_id in scenario.nodes if node_id in decisions]
        order += sorted(node_id for node_id in decisions if node_id not in scenario.nodes)
        title = scenario.title.get(lang)
    else:
        order = sorted(decisions)
        title = summary.scenario_id
    rows = [
        _decision(summary.scenario_id, node_id, decisions[node_id], scenario, definitions, lang)
        for node_id in order
    ]
    reasons, votes = summary.deliberation.reasons, summary.deliberation.votes
    if reasons or votes:
        rows = [
            replace(row, reasons=tuple(reasons.get(row.node_id, ())), vote=votes.get(row.node_id))
            for row in rows
        ]
    heat = edge_counts(scenario, summary.paths) if scenario is not None else {}
    return Debrief(summary, lang, title, rows, heat, scenario)


def edge_counts(
    scenario: Scenario, paths: list[tuple[int, list[tuple[str, str]]]]
) -> dict[EdgeKey, int]:
    """How many counted plays took each way on: their choices, and the steps between them.

    A play recorded from its first decision also walks the steps from the start.
    A way taken twice by one play (a loop) counts once for it.
    """
    counts: Counter[EdgeKey] = Counter()
    ways: dict[tuple[str, str], frozenset[EdgeKey]] = {}  # a choice -> the ways it takes on
    steps: set[EdgeKey] = set()
    _walk_steps(scenario, scenario.start, steps)
    start = frozenset(steps)
    for first, choices in paths:
        parts = [start] if first == 1 else []
        for pair in choices:
            way = ways.get(pair)
            if way is None:
                way = ways[pair] = _way(scenario, *pair)
            parts.append(way)
        counts.update(set().union(*parts))
    return dict(counts)


def _way(scenario: Scenario, node_id: str, choice_id: str) -> frozenset[EdgeKey]:
    """The choice's edge and the steps after it (nothing for a choice the scenario lacks)."""
    node = scenario.nodes.get(node_id)
    choice = node.choice(choice_id) if node is not None else None
    if choice is None:
        return frozenset()
    taken: set[EdgeKey] = {(node_id, choice_id)}
    _walk_steps(scenario, choice.goto, taken)
    return frozenset(taken)


def _walk_steps(scenario: Scenario, node_id: str, taken: set[EdgeKey]) -> None:
    guard = len(scenario.nodes)
    node = scenario.nodes.get(node_id)
    while node is not None and node.next is not None and guard > 0:
        taken.add((node.node_id, None))
        node = scenario.nodes.get(node.next)
        guard -= 1


def mean_rating(choice: Choice) -> float | None:
    ratings = [value for _, value in choice.score]
    return sum(ratings) / len(ratings) if ratings else None


def best_option(choices: tuple[Choice, ...]) -> Choice | None:
    """The option with the highest mean rating (the first on a tie); None when none is rated."""
    best: Choice | None = None
    for choice in choices:
        rating = mean_rating(choice)
        if rating is not None and (best is None or rating > (mean_rating(best) or 0.0)):
            best = choice
    return best


def _decision(
    scenario_id: str,
    node_id: str,
    counts: dict[str, int],
    scenario: Scenario | None,
    definitions: dict[str, dict[str, Any]],
    lang: str,
) -> DecisionRow:
    total = sum(counts.values())
    node = scenario.nodes.get(node_id) if scenario is not None else None
    if node is None:
        texts = _definition_texts(definitions.get(node_iri(scenario_id, node_id), {}), lang)
        options = tuple(
            OptionRow(choice_id, texts.get(choice_id, ""), count, count / total)
            for choice_id, count in sorted(counts.items(), key=lambda item: -item[1])
        )
        return DecisionRow(node_id, texts.get("") or node_id, total, options)
    best = best_option(node.choices)
    known = {choice.choice_id for choice in node.choices}
    rows = [
        OptionRow(
            choice.choice_id,
            shorten(choice.text.get(lang), TEXT_LENGTH),
            counts.get(choice.choice_id, 0),
            counts.get(choice.choice_id, 0) / total if total else 0.0,
            best is not None and choice is best,
            mean_rating(choice),
        )
        for choice in node.choices
    ]
    rows += [
        OptionRow(choice_id, "", count, count / total)
        for choice_id, count in counts.items()
        if choice_id not in known
    ]
    rated = [(row.rating, row.count) for row in rows if row.rating is not None and row.count]
    weight = sum(count for _, count in rated)
    mean = sum(r * c for r, c in rated) / weight if weight else None
    rates = {name for choice in node.choices for name, _ in choice.score}
    return DecisionRow(
        node_id,
        shorten(node.text.get(lang), TEXT_LENGTH),
        total,
        tuple(rows),
        mean,
        tuple(name for name in COMPETENCIES if name in rates),
        tuple(question.get(lang) for question in node.discussion),
        node.facilitator.get(lang) if node.facilitator is not None else "",
        best.feedback.get(lang) if best is not None and best.feedback is not None else "",
    )


def _definition_texts(definition: dict[str, Any], lang: str) -> dict[str, str]:
    """ "" -> the decision's text, choice id -> its text, from a statement's definition."""
    tag = "en-US" if lang == "en" else "id-ID"

    def pick(language_map: Any) -> str:
        if not isinstance(language_map, dict):
            return ""
        text = language_map.get(tag) or next(iter(language_map.values()), "")
        return text if isinstance(text, str) else ""

    texts = {"": pick(definition.get("name"))}
    choices = definition.get("choices")
    for choice in choices if isinstance(choices, list) else []:
        if isinstance(choice, dict) and isinstance(choice.get("id"), str):
            texts[choice["id"]] = shorten(pick(choice.get("description")), TEXT_LENGTH)
    return texts
