"""The pages of the class debrief screen, each laid out on a ``Sheet``.

Owns what each page shows and where: the summary (participants, groups,
finished, competency averages as labelled bars, the tiers as a histogram, the
lines skipped and why), the decisions (each option's count and share as a
bar, the best one marked by a star and the word as well as by colour; under
them the facilitated class's vote and the groups' reasons, worded by
``report_deliberation``), the
class's paths as a heat map over the scenario graph, the groups side by side,
the reflections (anonymous) and the facilitator's five questions with what the
records show for each. The numbers are ``game.classroom.debrief``'s and the
graph picture ``graph_picture``'s; the scene owns the tabs, scrolling and keys.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.analysis.picture import REPORT_KEYS
from game.classroom.aggregate import ClassRecords, Tally
from game.classroom.debrief import Debrief, DecisionRow
from game.classroom.report_deliberation import reason_line, vote_line
from game.classroom.report_deliberation import words as reason_words
from game.core.model import COMPETENCIES
from game.numbers import grouped
from game.ui.gui import theme
from game.ui.gui.debrief_sheet import Sheet
from game.ui.gui.graph_picture import GraphPicture, PlayedPath, draw_legend
from game.ui.gui.strings import tr

BEST = "#2E7D32"  # the best option's bar: green, and always with the star and the word
BEST_ON_BLACK = "#66BB6A"  # the same green, light enough on the high-contrast black
REASONS_SHOWN = 3
GROUPS_PER_TABLE = 5
PageBuilder = Callable[[Sheet, Debrief, ClassRecords], None]


def pages(debrief: Debrief) -> list[tuple[str, PageBuilder]]:
    """(tab string key, builder) of each page; groups only when the class has named groups."""
    found: list[tuple[str, PageBuilder]] = [
        ("tab_summary", summary_page),
        ("tab_decisions", decisions_page),
        ("tab_paths", paths_page),
    ]
    if any(name for name in debrief.summary.groups):
        found.append(("tab_groups", groups_page))
    found += [("tab_reflections", reflections_page), ("tab_guide", guide_page)]
    return found


def _heading(sheet: Sheet, text: str) -> None:
    sheet.text(text, role="heading", bold=True, colour=sheet.colours.primary)
    sheet.gap(8)


def _mean(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "-"


# -- summary --------------------------------------------------------------------------------


def summary_page(sheet: Sheet, debrief: Debrief, records: ClassRecords) -> None:
    lang, colours, summary = debrief.lang, sheet.colours, debrief.summary
    whole = summary.whole
    named = [name for name in summary.groups if name]
    tiles = [
        (grouped(whole.participants, lang), tr(lang, "debrief_participants")),
        (grouped(whole.finished, lang), tr(lang, "debrief_finished")),
        (grouped(len(named), lang), tr(lang, "debrief_group_count")),
        (grouped(summary.plays, lang), tr(lang, "debrief_plays")),
    ]
    gap = 24
    width = (sheet.width - gap * (len(tiles) - 1)) // len(tiles)
    number_line, label_line = sheet.line("title", True), sheet.line("body")
    height = 12 + number_line + label_line + 12
    for index, (number, label) in enumerate(tiles):
        x = index * (width + gap)
        sheet.box(pygame.Rect(x, sheet.y, width, height), colours.panel, radius=12)
        sheet.box(pygame.Rect(x, sheet.y, width, height), colours.muted, border=2, radius=12)
        sheet.text(number, x=x + 16, y=sheet.y + 12, width=width - 32, role="title", bold=True,
                   colour=colours.primary)  # fmt: skip
        sheet.text(label, x=x + 16, y=sheet.y + 12 + number_line, width=width - 32)
    sheet.gap(height + 16)
    top = sheet.y
    half = (sheet.width - 48) // 2
    sheet.text(tr(lang, "debrief_averages"), width=half, bold=True)
    _competency_bars(sheet, debrief, whole, 0, half)
    left_bottom = sheet.y
    sheet.y = top
    _tier_histogram(sheet, whole, half + 48, half, lang)
    sheet.y = max(left_bottom, sheet.y) + 16
    sessions = ", ".join(summary.sessions) or "-"
    sheet.text(
        tr(lang, "debrief_read", statements=grouped(records.statements, lang),
           files=grouped(records.files, lang), sessions=sessions),
        colour=colours.muted,
    )  # fmt: skip
    for note in debrief.notes:
        sheet.gap(8)
        sheet.text(note, colour=colours.accent)
    if records.skipped:
        sheet.gap(8)
        sheet.text(tr(lang, "debrief_skipped", n=records.skipped), bold=True, colour=colours.accent)
        for reason in records.reasons[:REASONS_SHOWN]:
            sheet.text(f"• {reason}", x=24, role="small")


def _competency_bars(sheet: Sheet, debrief: Debrief, tally: Tally, x: int, width: int) -> None:
    colours = sheet.colours
    number_width = sheet.font("body", True).size("0.00")[0] + 16
    for name in COMPETENCIES:
        value = tally.competencies.get(name)
        sheet.gap(4)
        sheet.text(debrief.competency_name(name), x=x, width=width)
        track = pygame.Rect(x, sheet.y + 4, width - number_width, sheet.line() - 4)
        sheet.bar(track, (value or 0) / 5, getattr(colours, name), mark=4 / 5)
        sheet.text(_mean(value), x=track.right + 12, y=sheet.y, width=number_width - 12,
                   bold=True, align="right")  # fmt: skip
        sheet.gap(sheet.line() + 4)


def _tier_histogram(sheet: Sheet, tally: Tally, x: int, width: int, lang: str) -> None:
    colours = sheet.colours
    sheet.text(tr(lang, "debrief_tiers"), x=x, width=width, bold=True)
    tiers = list(tally.tiers.items())
    most = max((count for _, count in tiers), default=0)
    line = sheet.line()
    chart = 4 * line  # the tallest bar
    column = width // max(len(tiers), 1)
    base = sheet.y + 16 + line + chart
    for index, (tier, count) in enumerate(tiers):
        left = x + index * column
        height = round(chart * count / most) if most else 0
        bar = pygame.Rect(left + 12, base - height, column - 24, height)
        if height:
            sheet.box(bar, colours.primary, radius=4)
        above = base - height - line - 4
        sheet.text(grouped(count, lang), x=left, y=above, width=column, bold=True, align="centre")
        sheet.text(tier, x=left, y=base + 6, width=column, align="centre")
    sheet.box(pygame.Rect(x, base, width, 2), colours.ink)
    sheet.y = base + 6 + line


# -- decisions ------------------------------------------------------------------------------


def decisions_page(sheet: Sheet, debrief: Debrief, records: ClassRecords) -> None:
    lang = debrief.lang
    if not debrief.decisions:
        sheet.text(tr(lang, "debrief_no_decisions"))
    for number, row in enumerate(debrief.decisions, start=1):
        _decision(sheet, number, row, lang)
        sheet.gap(32)


def _decision(sheet: Sheet, number: int, row: DecisionRow, lang: str) -> None:
    colours = sheet.colours
    sheet.text(f"{number}. {row.text}", bold=True)
    sheet.text(tr(lang, "debrief_answers", n=grouped(row.answers, lang)), colour=colours.muted)
    sheet.gap(8)
    text_width = sheet.width * 45 // 100
    count_width = sheet.font("body", True).size("000 · 100%")[0] + 8
    best_word = tr(lang, "debrief_best")
    best_width = sheet.font("body", True).size(best_word)[0] + sheet.line() + 16
    bar_width = sheet.width - text_width - 24 - count_width - 16 - best_width
    line = sheet.line()
    for option in row.options:
        top = sheet.y
        text = option.text or option.choice_id
        bottom = sheet.text(text, x=0, y=top, width=text_width, bold=option.is_best)
        track = pygame.Rect(text_width + 24, top + 4, bar_width, line - 8)
        best = BEST_ON_BLACK if sheet.settings.high_contrast else BEST
        sheet.bar(track, option.share, best if option.is_best else colours.primary)
        count = f"{grouped(option.count, lang)} · {option.share:.0%}"
        sheet.text(count, x=track.right + 8, y=top, width=count_width, bold=True, align="right")
        if option.is_best:
            left = track.right + 8 + count_width + 16
            sheet.star((left + line // 2 - 2, top + line // 2), line // 2 - 2, "#F2B705")
            sheet.text(best_word, x=left + line, y=top, width=best_width - line, bold=True,
                       colour=best)  # fmt: skip
        sheet.y = max(bottom, top + line) + 10
    _deliberation(sheet, row, lang)


def _deliberation(sheet: Sheet, row: DecisionRow, lang: str) -> None:
    """Under the bars: the facilitated class's vote, then every group's reason (wrapped)."""
    vote = vote_line(row, lang)
    if vote:
        sheet.text(vote, bold=True)
        sheet.gap(6)
    if row.reasons:
        sheet.text(f"{reason_words(lang)['reasons']}:", colour=sheet.colours.muted)
        for reason in row.reasons:
            sheet.text(f"\u2022 {reason_line(row, reason, lang)}", x=16)
            sheet.gap(2)


# -- paths ----------------------------------------------------------------------------------


def paths_page(sheet: Sheet, debrief: Debrief, records: ClassRecords) -> None:
    lang, colours = debrief.lang, sheet.colours
    if debrief.scenario is None:
        sheet.text(tr(lang, "debrief_no_map"))
        return
    # imported here: the layout needs networkx, which only this page of the debrief uses
    from game.analysis.layout import layout_scenario

    sheet.text(tr(lang, "debrief_heat_note"), role="small", colour=colours.muted)
    sheet.gap(8)
    layout = layout_scenario(debrief.scenario)
    small = sheet.font("small")
    keys = ("heat", *REPORT_KEYS[1:])
    scratch = pygame.Surface((sheet.width, 200))
    legend = draw_legend(scratch, (0, 0), sheet.width, small, colours, lang, keys)
    area = pygame.Rect(0, sheet.y, sheet.width, max(160, sheet.view_height - sheet.y - legend - 16))
    number_font = sheet.font("small", bold=True)
    heat = debrief.heat
    # the nodes the class reached filled, the decisions numbered as on the decisions page
    reached = {node for source, choice in heat for node in _ends(debrief, source, choice)}
    numbers = {row.node_id: number for number, row in enumerate(debrief.decisions, start=1)}
    marks = PlayedPath(tuple(reached), frozenset(), numbers)

    def draw_map(surface: pygame.Surface, at: pygame.Rect) -> None:
        pygame.draw.rect(surface, theme.rgb(colours.panel), at, border_radius=12)
        picture = GraphPicture(layout, at.inflate(-32, -32))
        picture.draw(surface, colours, marks, number_font, heat=heat)

    def draw_key(surface: pygame.Surface, at: pygame.Rect) -> None:
        draw_legend(surface, at.topleft, at.width, small, colours, lang, keys)

    sheet.paint(area, draw_map)
    sheet.paint(pygame.Rect(0, area.bottom + 12, sheet.width, legend), draw_key)
    sheet.texts += [str(count) for count in heat.values()]
    sheet.y = area.bottom + 12 + legend


def _ends(debrief: Debrief, source: str, choice_id: str | None) -> tuple[str, ...]:
    """The node a way leaves and the one it leads to."""
    scenario = debrief.scenario
    node = scenario.nodes.get(source) if scenario is not None else None
    if node is None:
        return (source,)
    if choice_id is None:
        return (source, node.next) if node.next is not None else (source,)
    choice = node.choice(choice_id)
    return (source, choice.goto) if choice is not None else (source,)


# -- groups ---------------------------------------------------------------------------------


def groups_page(sheet: Sheet, debrief: Debrief, records: ClassRecords) -> None:
    """A table: a row per measure, a column per group (five at most a table)."""
    lang = debrief.lang
    groups = list(debrief.summary.groups.items())
    for start in range(0, len(groups), GROUPS_PER_TABLE):
        _group_table(sheet, debrief, groups[start : start + GROUPS_PER_TABLE], lang)
        sheet.gap(32)


def _group_table(
    sheet: Sheet, debrief: Debrief, groups: list[tuple[str, Tally]], lang: str
) -> None:
    colours = sheet.colours
    label_width = sheet.width * 3 // 10
    column = (sheet.width - label_width) // max(len(groups), 1)
    line = sheet.line()
    top = sheet.y
    for index, (name, _) in enumerate(groups):
        x = label_width + index * column
        sheet.text(name or tr(lang, "debrief_no_group"), x=x + 8, y=top, width=column - 16,
                   bold=True, colour=colours.primary, align="centre")  # fmt: skip
    sheet.y = top + line + 8
    sheet.box(pygame.Rect(0, sheet.y - 4, sheet.width, 2), colours.ink)
    rows: list[tuple[str, list[float | int | None], str | None]] = [
        (tr(lang, "debrief_participants"), [tally.participants for _, tally in groups], None),
        (tr(lang, "debrief_finished"), [tally.finished for _, tally in groups], None),
    ]
    members = debrief.summary.deliberation.members
    if any(members.get(name) for name, _ in groups if name):  # the members groups named
        counts: list[float | int | None] = [
            members.get(name) or None if name else None for name, _ in groups
        ]
        rows.insert(1, (reason_words(lang)["members_row"], counts, None))
    for name in COMPETENCIES:
        means = [tally.competencies.get(name) for _, tally in groups]
        rows.append((debrief.competency_name(name), list(means), name))
    for tier in groups[0][1].tiers:
        counts = [tally.tiers.get(tier, 0) for _, tally in groups]
        rows.append((f"{tr(lang, 'tier')} {tier}", list(counts), None))
    for label, values, competency in rows:
        top = sheet.y + 6
        bottom = sheet.text(label, y=top, width=label_width - 16)
        for index, value in enumerate(values):
            x = label_width + index * column
            if competency is None:
                shown = "-" if value is None else grouped(int(value), lang)
                sheet.text(shown, x=x + 8, y=top, width=column - 16, bold=True,
                           align="centre")  # fmt: skip
                continue
            number = _mean(value)
            number_width = sheet.font("body", True).size("0.00")[0] + 8
            track = pygame.Rect(x + 8, top + 6, column - 24 - number_width, line - 12)
            share = float(value) / 5 if value is not None else 0.0
            sheet.bar(track, share, getattr(colours, competency), mark=4 / 5)
            sheet.text(number, x=track.right + 4, y=top, width=number_width, bold=True,
                       align="right")  # fmt: skip
        sheet.y = bottom + 6
        sheet.box(pygame.Rect(0, sheet.y, sheet.width, 1), colours.locked)


def _card(colours: theme.Palette) -> Callable[[pygame.Surface, pygame.Rect], None]:
    def paint(surface: pygame.Surface, at: pygame.Rect) -> None:
        pygame.draw.rect(surface, theme.rgb(colours.panel), at, border_radius=12)
        pygame.draw.rect(surface, theme.rgb(colours.muted), at, 2, border_radius=12)

    return paint


# -- reflections and the guide --------------------------------------------------------------


def reflections_page(sheet: Sheet, debrief: Debrief, records: ClassRecords) -> None:
    lang, colours = debrief.lang, sheet.colours
    reflections = debrief.summary.reflections
    if not reflections:
        sheet.text(tr(lang, "debrief_no_reflections"))
        return
    sheet.text(tr(lang, "debrief_reflections_note"), colour=colours.muted)
    sheet.gap(12)
    for text in reflections:
        top, under = sheet.y, len(sheet.steps)
        sheet.y += 16
        sheet.text(f"\u201c{text}\u201d", x=24, width=sheet.width - 48)
        card = pygame.Rect(0, top, sheet.width, sheet.y + 16 - top)
        sheet.steps.insert(under, (card, _card(colours)))  # under the text
        sheet.y = card.bottom + 12


def guide_page(sheet: Sheet, debrief: Debrief, records: ClassRecords) -> None:
    colours = sheet.colours
    line = sheet.line("heading", True)
    for number, (title, prompt, evidence) in enumerate(debrief.guide(), start=1):
        top = sheet.y
        circle = pygame.Rect(0, top, line, line)
        sheet.box(circle, colours.primary, radius=line // 2)
        sheet.text(str(number), x=0, y=top, width=line, role="heading", bold=True,
                   colour=colours.primary_ink, align="centre")  # fmt: skip
        sheet.text(title, x=line + 16, role="heading", bold=True)
        sheet.text(prompt, x=line + 16, colour=colours.muted)
        bullet = sheet.font().size("• ")[0]
        for item in evidence:
            sheet.gap(4)
            sheet.text("•", x=line + 16, y=sheet.y, width=bullet)
            sheet.text(item, x=line + 16 + bullet)
        sheet.gap(28)
