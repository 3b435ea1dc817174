"""How a decision's group reasons and class vote are said, in Indonesian and English.

Owns the wording shared by the text report, the HTML page and the GUI's
decisions page: a reason as "Group — option number. choice: reason" (a reason
without a group is anonymous), the class vote as "Suara kelas: choice n, ..."
with the facilitator's tie-breaks and overrides marked, a group's member count,
and the HTML and text pieces built from those (the HTML escaped).

It counts nothing (``group_decisions`` does) and lays out no page: the reports
and the GUI place these lines where they belong.
"""

from __future__ import annotations

from html import escape

from game.classroom.debrief import DecisionRow
from game.classroom.group_decisions import ClassVote, GroupReason

TEXT_REASONS = 3  # the text report lists a decision's reasons up to this many, else counts them
WORDS = {
    "id": {
        "reasons": "Alasan kelompok",
        "reasons_count": "{n} alasan kelompok (lihat laporan HTML: -o laporan.html)",
        "anonymous": "(tanpa nama kelompok)",
        "vote": "Suara kelas",
        "sessions": "{n} sesi fasilitasi",
        "tie": "seri, diputus fasilitator",
        "override": "fasilitator tidak mengikuti suara terbanyak",
        "times": "{n}\u00d7",
        "members": "{n} anggota",
        "members_row": "Anggota",
    },
    "en": {
        "reasons": "Groups' reasons",
        "reasons_count": "{n} group reasons (see the HTML report: -o report.html)",
        "anonymous": "(no group name)",
        "vote": "Class vote",
        "sessions": "{n} facilitated sessions",
        "tie": "a tie, broken by the facilitator",
        "override": "the facilitator overrode the majority",
        "times": "{n}\u00d7",
        "members": "{n} members",
        "members_row": "Members",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def reason_line(row: DecisionRow, reason: GroupReason, lang: str) -> str:
    """ "Kelompok 1 — 2. cek-sumber: reason" (no option number for a choice not listed)."""
    who = reason.group or words(lang)["anonymous"]
    number = row.option_number(reason.choice_id)
    choice = f"{number}. {reason.choice_id}" if number else reason.choice_id
    return f"{who} \u2014 {choice}: {' '.join(reason.text.split())}"


def vote_line(row: DecisionRow, lang: str) -> str:
    """ "Suara kelas: a 12, b 3 (seri, diputus fasilitator)", or "" without a vote."""
    vote = row.vote
    if vote is None:
        return ""
    say = words(lang)
    counts = ", ".join(f"{choice} {count}" for choice, count in _ordered(row, vote))
    notes = vote_marks(vote, lang)
    if vote.plays > 1:
        notes.insert(0, say["sessions"].format(n=vote.plays))
    shown = f" ({'; '.join(notes)})" if notes else ""
    return f"{say['vote']}: {counts or '-'}{shown}"


def vote_marks(vote: ClassVote, lang: str) -> list[str]:
    """The facilitator's part: a tie broken, the majority overridden (with how often, when the
    vote sums several sessions)."""
    say = words(lang)
    marks = []
    for key, times in (("tie", vote.ties), ("override", vote.overrides)):
        if times:
            several = f" {say['times'].format(n=times)}" if vote.plays > 1 else ""
            marks.append(say[key] + several)
    return marks


def members_label(count: int, lang: str) -> str:
    return words(lang)["members"].format(n=count) if count else ""


def decision_text(row: DecisionRow, lang: str) -> list[str]:
    """The text report's lines under a decision (unwrapped): the vote, then the reasons when
    few, else how many there are."""
    lines = [vote_line(row, lang)] if row.vote is not None else []
    if len(row.reasons) > TEXT_REASONS:
        lines.append(words(lang)["reasons_count"].format(n=len(row.reasons)))
    elif row.reasons:
        lines.append(f"{words(lang)['reasons']}:")
        lines += [f"- {reason_line(row, reason, lang)}" for reason in row.reasons]
    return lines


def decision_html(row: DecisionRow, lang: str) -> list[str]:
    """The HTML under a decision's bars: the vote (its marks in bold), then every reason."""
    say = words(lang)
    parts = []
    vote = row.vote
    if vote is not None:
        counts = ", ".join(
            f"{escape(choice)} <strong>{count}</strong>" for choice, count in _ordered(row, vote)
        )
        notes = [escape(say["sessions"].format(n=vote.plays))] if vote.plays > 1 else []
        notes += [f"<strong>{escape(mark)}</strong>" for mark in vote_marks(vote, lang)]
        shown = f" ({'; '.join(notes)})" if notes else ""
        parts.append(f'<p class="vote">{escape(say["vote"])}: {counts or "-"}{shown}</p>')
    if row.reasons:
        parts.append(f'<p class="meta">{escape(say["reasons"])}:</p><ul class="reasons">')
        for reason in row.reasons:
            parts.append(f"<li>{escape(reason_line(row, reason, lang))}</li>")
        parts.append("</ul>")
    return parts


def _ordered(row: DecisionRow, vote: ClassVote) -> list[tuple[str, int]]:
    """The vote's counts in the order the decision lists its options, others after."""
    listed = [o.choice_id for o in row.options if o.choice_id in vote.counts]
    others = [choice for choice in vote.counts if choice not in listed]
    return [(choice, vote.counts[choice]) for choice in listed + others]
