"""The end-of-play report as plain text.

Owns the wording and layout of the report the text player prints at an ending:
per-competency averages, the tier with its meaning, violations with rule and
sanction tier, and a review of each decision (choice, rating, feedback, and the
best option when another was better). The numbers come from ``core.scoring``.
"""

from __future__ import annotations

import textwrap

from game.core.model import COMPETENCIES, Choice, Scenario
from game.core.scoring import COMPETENCY_NAMES, SEVERITY_MEANINGS, TIER_MEANINGS, result_of
from game.core.state import PlayState
from game.ui.terminal.messages import say

WIDTH = 78


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _ratings(ratings: dict[str, int]) -> str:
    return ", ".join(f"{name} {value}" for name, value in ratings.items()) or "-"


def best_choice(choices: tuple[Choice, ...]) -> Choice | None:
    """The option of a decision with the highest total rating (the first on a tie)."""
    rated = [choice for choice in choices if choice.score]
    return max(rated, key=lambda c: sum(r for _, r in c.score), default=None)


def render_report(scenario: Scenario, state: PlayState, lang: str = "id") -> str:
    """The whole report for ``state`` (normally a finished play) in ``lang``."""
    result = result_of(state)
    lines = [f"== {say(lang, 'report')}: {scenario.title.get(lang)} ==", ""]
    lines.append(say(lang, "competency") + ":")
    for name in COMPETENCIES:
        value = result["competencies"][name]
        shown = f"{value:.2f}" if value is not None else say(lang, "not_assessed")
        label = COMPETENCY_NAMES[name].get(lang, COMPETENCY_NAMES[name]["id"])
        lines.append(f"  - {name:<10} {shown:>6}  ({label})")
    tier = result["tier"]
    lines += ["", f"{say(lang, 'tier')}: {tier}"]
    lines.append(_wrap(TIER_MEANINGS[tier].get(lang, TIER_MEANINGS[tier]["id"]), "  "))
    lines += ["", say(lang, "violations") + ":"]
    if not result["violations"]:
        lines.append("  " + say(lang, "no_violations"))
    for item in result["violations"]:
        meaning = SEVERITY_MEANINGS[item["severity"]].get(
            lang, SEVERITY_MEANINGS[item["severity"]]["id"]
        )
        lines.append(_wrap(f"- {item['rule']} [{item['severity']}]: {meaning}", "  "))
    lines += ["", say(lang, "decisions") + ":"]
    for number, record in enumerate(state.history, start=1):
        node = scenario.nodes.get(record.node_id)
        choice = node.choice(record.choice_id) if node else None
        text = choice.text.get(lang) if choice else record.choice_id
        lines.append(_wrap(f"{number}. [{record.node_id}] {text}", "  "))
        lines.append(f"     {say(lang, 'rating')}: {_ratings(dict(record.ratings))}")
        if record.rationale:
            lines.append(_wrap(f"{say(lang, 'group_reason')}: {record.rationale}", "     "))
        if choice and choice.feedback:
            lines.append(_wrap(f"{say(lang, 'feedback')}: {choice.feedback.get(lang)}", "     "))
        best = best_choice(node.choices) if node else None
        if (
            best is not None
            and choice is not None
            and best.choice_id != choice.choice_id
            and (sum(r for _, r in best.score) > sum(r for _, r in choice.score))
        ):
            label = "Opsi terbaik" if lang == "id" else "Best option"
            lines.append(
                _wrap(f"{label}: {best.text.get(lang)} ({_ratings(best.ratings)})", "     ")
            )
    return "\n".join(lines)
