"""The class debrief as plain text, for the terminal: what ``class report`` prints by default.

Owns the wording and layout of the short summary: participants and groups,
class averages and tiers, each decision's options with counts, shares and the
best option starred (under them the class vote and the groups' reasons,
worded by ``report_deliberation``), groups side by side, reflections, the five
debrief questions with what the records show, the skipped lines, and the ids and titles
of the learning notes the scenario links (``report_notes``). The HTML page
(``report_html``) says the same with charts; neither counts anything.
"""

from __future__ import annotations

import textwrap

from game.classroom.aggregate import ClassRecords
from game.classroom.debrief import Debrief
from game.classroom.report_deliberation import decision_text, members_label
from game.classroom.report_html import WORDS, read_line
from game.classroom.report_notes import LinkedNotes, notes_text
from game.core.model import COMPETENCIES
from game.numbers import grouped

WIDTH = 78


def render_text(debrief: Debrief, records: ClassRecords, notes: LinkedNotes | None = None) -> str:
    """The whole summary, as lines of at most ``WIDTH`` characters (long texts wrapped)."""
    say, lang = WORDS.get(debrief.lang, WORDS["en"]), debrief.lang
    summary, whole = debrief.summary, debrief.summary.whole
    lines = [
        f"== {say['title']}: {debrief.title} ({summary.scenario_id}) ==",
        f"{say['sessions']}: {', '.join(summary.sessions)}; "
        f"{say['dates']}: {summary.first[:10]} - {summary.last[:10]}",
    ]
    if debrief.scenario is None:
        lines += _wrap(say["no_scenario"])
    others = {sid: n for sid, n in summary.scenarios.items() if sid != summary.scenario_id}
    if others:
        lines += _wrap(
            say["others"].format(
                others=", ".join(f"{s} ({grouped(n, lang)})" for s, n in others.items())
            )
        )
    lines += ["", f"{say['people']}:"]
    lines.append(
        f"  {grouped(whole.participants, lang)} {say['participants']}, "
        f"{grouped(whole.finished, lang)} {say['finished']}; {grouped(summary.plays, lang)} "
        f"{say['plays']}"
    )
    members = summary.deliberation.members
    for name, tally in summary.groups.items():
        if name or len(summary.groups) > 1:
            count = members.get(name, 0) if name else 0
            said = f" ({members_label(count, debrief.lang)})" if count else ""
            lines.append(
                f"  - {name or say['no_group']}: {grouped(tally.participants, lang)}{said}"
            )
    lines += ["", f"{say['averages']}:"]
    for name in COMPETENCIES:
        value = whole.competencies.get(name)
        shown = f"{value:.2f}" if value is not None else "-"
        bar = "#" * round((value or 0) * 4)
        lines.append(f"  {name:<10} {shown:>5}  {bar}")
    tiers = ", ".join(f"{tier} {grouped(count, lang)}" for tier, count in whole.tiers.items())
    lines += [f"{say['tiers']}: {tiers}", "", f"{say['decisions']}:"]
    for number, row in enumerate(debrief.decisions, start=1):
        answers = grouped(row.answers, lang)
        lines += _wrap(f"{number}. [{row.node_id}] {row.text} ({answers} {say['answers']})")
        for option in row.options:
            star = f" * {say['best']}" if option.is_best else ""
            lines += _wrap(
                f"{grouped(option.count, lang):>6} {option.share:>4.0%}  {option.choice_id}{star}: "
                f"{option.text}",
                "  ",
            )
        for line in decision_text(row, debrief.lang):
            lines += _wrap(line, "  ")
    named = [name for name in summary.groups if name]
    if named:
        lines += ["", f"{say['compare']}:"]
        for name, tally in summary.groups.items():
            means = " ".join(
                f"{c[0]} {tally.competencies[c]:.2f}"
                if tally.competencies.get(c) is not None
                else f"{c[0]} -"
                for c in COMPETENCIES
            )
            lines.append(
                f"  {name or say['no_group']}: {grouped(tally.participants, lang)}; {means}"
            )
    lines += ["", f"{say['reflections']}:"]
    if not summary.reflections:
        lines.append(f"  {say['no_reflections']}")
    for text in summary.reflections:
        lines += _wrap(f"- {' '.join(text.split())}", "  ")
    lines += ["", f"{say['guide']}:"]
    for number, (title, prompt, evidence) in enumerate(debrief.guide(), start=1):
        lines.append(f"{number}. {title}")
        lines += _wrap(prompt, "   ")
        for line in evidence:
            lines += _wrap(f"> {line}", "   ")
    lines += ["", read_line(records, say, debrief.lang)]
    if records.skipped:
        kept = len(records.reasons)
        lines.append(say["skipped_some"].format(n=records.skipped, shown=kept))
        lines += [f"  {reason}" for reason in records.reasons]
    lines += notes_text(notes, debrief.lang)
    return "\n".join(lines)


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")
