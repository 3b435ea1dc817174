"""The class debrief as one self-contained, printable HTML page.

Owns the page: inline CSS (with ``@media print``), charts as inline SVG (class
averages as bars with the mastery mark at 4, the tiers as a histogram, each
decision's options as bars with counts and shares, the best option marked with
a star and the word, never by colour alone; under the bars the class vote and
the groups' reasons, worded by ``report_deliberation``), the class's paths as a
heat map over the scenario graph (drawn by ``game.analysis.svg``, imported only
then: networkx stays unloaded otherwise), groups side by side,
the reflections (anonymous, escaped), the five-question debrief guide, the
lines that were skipped and, last, the learning notes the scenario links (laid
out by ``report_notes``). Indonesian by default, English with ``lang="en"``. No
script, no external file. It does not count (``aggregate``) or judge (``debrief``).
"""

from __future__ import annotations

from html import escape

from game.classroom.aggregate import ClassRecords, Tally
from game.classroom.debrief import Debrief, DecisionRow
from game.classroom.report_deliberation import decision_html, members_label
from game.classroom.report_notes import STYLE as NOTES_STYLE
from game.classroom.report_notes import LinkedNotes, notes_html
from game.core.model import COMPETENCIES
from game.numbers import grouped

WORDS = {
    "id": {
        "title": "Debrief kelas",
        "sessions": "Sesi",
        "dates": "Waktu",
        "people": "Peserta dan kelompok",
        "participants": "peserta",
        "finished": "sampai ke akhir",
        "plays": "permainan",
        "group": "Kelompok",
        "no_group": "(tanpa kelompok)",
        "averages": "Rata-rata kelas per kompetensi",
        "mastery": "garis tegak: batas penguasaan 4,0",
        "tiers": "Tingkat",
        "decisions": "Pilihan di setiap keputusan",
        "option": "Pilihan",
        "count": "Jumlah",
        "share": "Persen",
        "best": "terbaik",
        "answers": "jawaban",
        "heat": "Jalur kelas di peta skenario",
        "heat_note": "Lebar garis menunjukkan berapa peserta yang melewatinya; angka di "
        "awal garis adalah jumlahnya.",
        "compare": "Perbandingan kelompok",
        "best_share": "Memilih opsi terbaik, per keputusan",
        "reflections": "Refleksi peserta",
        "no_reflections": "Belum ada refleksi.",
        "guide": "Panduan debrief",
        "skipped": "Baris yang dilewati",
        "skipped_none": "Semua baris terbaca.",
        "skipped_some": "{n} baris dilewati (rusak atau tidak lengkap); {shown} yang pertama:",
        "read": "{statements} pernyataan dibaca dari {files} berkas.",
        "read_lrs": "{statements} pernyataan dibaca dari LRS.",
        "no_scenario": "Berkas skenario tidak ditemukan: teks diambil dari catatan, tanpa "
        "opsi terbaik dan peta jalur.",
        "others": "Catatan ini juga memuat skenario lain: {others}. Pilih dengan --scenario ID.",
    },
    "en": {
        "title": "Class debrief",
        "sessions": "Sessions",
        "dates": "When",
        "people": "Participants and groups",
        "participants": "participants",
        "finished": "reached an ending",
        "plays": "plays",
        "group": "Group",
        "no_group": "(no group)",
        "averages": "Class averages per competency",
        "mastery": "upright line: mastery at 4.0",
        "tiers": "Tiers",
        "decisions": "Choices at each decision",
        "option": "Option",
        "count": "Count",
        "share": "Share",
        "best": "best",
        "answers": "answers",
        "heat": "The class's paths over the scenario map",
        "heat_note": "Each line is as wide as the number of participants who took it; the "
        "number at its start is that count.",
        "compare": "Groups side by side",
        "best_share": "Took the best option, per decision",
        "reflections": "Participants' reflections",
        "no_reflections": "No reflections yet.",
        "guide": "Debrief guide",
        "skipped": "Skipped lines",
        "skipped_none": "Every line was read.",
        "skipped_some": "{n} lines skipped (damaged or incomplete); the first {shown}:",
        "read": "{statements} statements read from {files} files.",
        "read_lrs": "{statements} statements read from the LRS.",
        "no_scenario": "The scenario file was not found: texts come from the records, with no "
        "best option and no path map.",
        "others": "These records hold other scenarios too: {others}. Pick one with --scenario ID.",
    },
}

STYLE = """
body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; color: #1F2933;
  background: #FFFFFF; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
h1 { color: #0B4F6C; margin-bottom: 0.2rem; }
h2 { color: #0B4F6C; border-bottom: 2px solid #0B4F6C; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { margin-bottom: 0.3rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #CBD2D9; padding: 0.25rem 0.5rem; text-align: left;
  vertical-align: top; }
td.number, th.number { text-align: right; }
tr.best td { font-weight: bold; }
.meta { color: #52606D; }
.note { background: #FFF8E1; border-left: 4px solid #B7791F; padding: 0.4rem 0.8rem; }
figure { margin: 0.5rem 0; }
svg.graph { max-width: 100%; height: auto; }
ol.guide > li { margin-bottom: 0.8rem; }
ol.guide ul { color: #323F4B; }
blockquote { margin: 0.3rem 0; padding: 0.3rem 0.8rem; border-left: 3px solid #9AA5B1; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  section.decision, figure, table, blockquote { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""
BAR_COLOURS = {"recognize": "#0B4F6C", "tolerate": "#2E7D32", "leverage": "#B7791F"}
TIER_COLOUR = "#52606D"
BEST_ROW = ' class="best"'


def render_html(debrief: Debrief, records: ClassRecords, notes: LinkedNotes | None = None) -> str:
    """The whole page, as text; ``notes``, the learning notes the scenario links, come last."""
    say = WORDS.get(debrief.lang, WORDS["en"])
    summary = debrief.summary
    lang = "en" if debrief.lang == "en" else "id"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(say['title'])}: {escape(debrief.title)}</title>",
        f"<style>{STYLE}{NOTES_STYLE}</style></head>",
        "<body>",
        f"<h1>{escape(say['title'])}: {escape(debrief.title)}</h1>",
        f'<p class="meta">{escape(say["sessions"])}: {escape(", ".join(summary.sessions))}'
        f" &middot; {escape(say['dates'])}: {escape(_dates(summary.first, summary.last))}"
        f" &middot; {escape(summary.scenario_id)}</p>",
    ]
    if debrief.scenario is None:
        parts.append(f'<p class="note">{escape(say["no_scenario"])}</p>')
    others = {sid: n for sid, n in summary.scenarios.items() if sid != summary.scenario_id}
    if others:
        listing = ", ".join(f"{sid} ({grouped(n, debrief.lang)})" for sid, n in others.items())
        parts.append(f'<p class="note">{escape(say["others"].format(others=listing))}</p>')
    parts += [f'<p class="note">{escape(note)}</p>' for note in debrief.notes]
    parts += _people(debrief, say)
    parts += _competencies(debrief, say)
    parts += _decisions(debrief, say)
    parts += _heat(debrief, say)
    parts += _groups(debrief, say)
    parts += _reflections(debrief, say)
    parts += _guide(debrief, say)
    parts += _skipped(records, say, debrief.lang)
    parts += notes_html(notes, debrief.lang)
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _people(debrief: Debrief, say: dict[str, str]) -> list[str]:
    summary, whole, lang = debrief.summary, debrief.summary.whole, debrief.lang
    parts = [
        f'<section id="participants"><h2>{escape(say["people"])}</h2>',
        f"<p><strong>{grouped(whole.participants, lang)}</strong> {escape(say['participants'])}, "
        f"{grouped(whole.finished, lang)} {escape(say['finished'])}; "
        f"{grouped(summary.plays, lang)} {escape(say['plays'])}.</p>",
    ]
    named = {name: tally for name, tally in summary.groups.items() if name}
    if named:
        parts.append(
            f"<table><tr><th>{escape(say['group'])}</th>"
            f'<th class="number">{escape(say["participants"])}</th></tr>'
        )
        members = summary.deliberation.members
        for name, tally in summary.groups.items():
            label = escape(name or say["no_group"])
            count = members.get(name, 0) if name else 0
            if count:
                label += f' <span class="meta">({members_label(count, debrief.lang)})</span>'
            people = grouped(tally.participants, lang)
            parts.append(f'<tr><td>{label}</td><td class="number">{people}</td></tr>')
        parts.append("</table>")
    parts.append("</section>")
    return parts


def _competencies(debrief: Debrief, say: dict[str, str]) -> list[str]:
    whole = debrief.summary.whole
    rows = [(debrief.competency_name(name), whole.competencies.get(name)) for name in COMPETENCIES]
    parts = [
        f'<section id="competencies"><h2>{escape(say["averages"])}</h2>',
        f"<figure>{_average_bars(rows, list(COMPETENCIES))}",
        f'<figcaption class="meta">{escape(say["mastery"])}</figcaption></figure>',
        f"<h3>{escape(say['tiers'])}</h3>",
        f"<figure>{_histogram(whole.tiers, say['tiers'], debrief.lang)}</figure>",
        "</section>",
    ]
    return parts


def _average_bars(rows: list[tuple[str, float | None]], keys: list[str]) -> str:
    label_width, bar_width, row = 300, 360, 30
    width, height = label_width + bar_width + 70, row * len(rows) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-size="13">'
    ]
    for index, (label, value) in enumerate(rows):
        y = 5 + index * row
        shown = f"{value:.2f}" if value is not None else "-"
        out.append(f'<text x="0" y="{y + 17}">{escape(label)}</text>')
        out.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{bar_width}" height="18" fill="#F0F4F8" '
            'stroke="#9AA5B1"/>'
        )
        if value is not None:
            length = bar_width * max(0.0, min(value, 5.0)) / 5
            colour = BAR_COLOURS.get(keys[index], "#0B4F6C")
            out.append(
                f'<rect class="bar" x="{label_width}" y="{y + 4}" width="{length:.1f}" '
                f'height="18" fill="{colour}"/>'
            )
        mastery = label_width + bar_width * 4 / 5
        out.append(
            f'<line x1="{mastery:.1f}" y1="{y}" x2="{mastery:.1f}" y2="{y + 26}" '
            'stroke="#1F2933" stroke-width="2"/>'
        )
        out.append(f'<text x="{label_width + bar_width + 8}" y="{y + 17}">{shown}</text>')
    out.append("</svg>")
    return "".join(out)


def _histogram(tiers: dict[str, int], caption: str, lang: str) -> str:
    most = max(tiers.values(), default=0) or 1
    column, high = 90, 120
    width, height = column * len(tiers) + 20, high + 50
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-size="13"><title>{escape(caption)}</title>'
    ]
    for index, (tier, count) in enumerate(tiers.items()):
        x = 10 + index * column
        bar = high * count / most
        out.append(
            f'<rect class="bar" x="{x + 15}" y="{15 + high - bar:.1f}" width="{column - 30}" '
            f'height="{bar:.1f}" fill="{TIER_COLOUR}"/>'
        )
        out.append(
            f'<text x="{x + column / 2}" y="{12 + high - bar:.1f}" text-anchor="middle">'
            f"{grouped(count, lang)}</text>"
        )
        out.append(
            f'<text x="{x + column / 2}" y="{high + 35}" text-anchor="middle">{escape(tier)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _decisions(debrief: Debrief, say: dict[str, str]) -> list[str]:
    parts = [f'<section id="decisions"><h2>{escape(say["decisions"])}</h2>']
    for number, row in enumerate(debrief.decisions, start=1):
        parts.append('<section class="decision">')
        parts.append(f"<h3>{number}. {escape(row.text)}</h3>")
        parts.append(
            f'<p class="meta">{escape(row.node_id)} &middot; {grouped(row.answers, debrief.lang)} '
            f"{escape(say['answers'])}</p>"
        )
        parts.append(
            f'<table><tr><th>{escape(say["option"])}</th><th class="number">'
            f'{escape(say["count"])}</th><th class="number">{escape(say["share"])}</th>'
            "<th></th></tr>"
        )
        for option in row.options:
            star = f" &#9733; {escape(say['best'])}" if option.is_best else ""
            text = escape(option.text or option.choice_id)
            parts.append(
                f"<tr{BEST_ROW if option.is_best else ''}>"
                f'<td>{text}{star}<br><span class="meta">{escape(option.choice_id)}</span></td>'
                f'<td class="number">{grouped(option.count, debrief.lang)}</td>'
                f'<td class="number">{option.share:.0%}</td>'
                f"<td>{_share_bar(option.share, option.is_best)}</td></tr>"
            )
        under = decision_html(row, debrief.lang)  # the class vote, the groups' reasons
        parts += ["</table>", *under, "</section>"] if under else ["</table></section>"]
    parts.append("</section>")
    return parts


def _share_bar(share: float, is_best: bool) -> str:
    width = 200
    colour = "#2E7D32" if is_best else "#0B4F6C"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="16" '
        f'viewBox="0 0 {width} 16"><rect width="{width}" height="16" fill="#F0F4F8"/>'
        f'<rect class="bar" width="{width * share:.1f}" height="16" fill="{colour}"/></svg>'
    )


def _heat(debrief: Debrief, say: dict[str, str]) -> list[str]:
    if debrief.scenario is None:
        return []
    # imported here: the graph layout needs networkx, which the rest of the classroom never loads
    from game.analysis.layout import layout_scenario
    from game.analysis.svg import graph_svg

    layout = layout_scenario(debrief.scenario)
    picture = graph_svg(layout, lang=debrief.lang, title=say["heat"], heat=debrief.heat)
    picture = picture.split("\n", 1)[1] if picture.startswith("<?xml") else picture
    picture = picture.replace("<svg ", '<svg class="graph" ', 1)
    return [
        f'<section id="heat"><h2>{escape(say["heat"])}</h2>',
        f"<p>{escape(say['heat_note'])}</p>",
        f"<figure>{picture}</figure></section>",
    ]


def _groups(debrief: Debrief, say: dict[str, str]) -> list[str]:
    groups = debrief.summary.groups
    if len([name for name in groups if name]) < 1:
        return []
    names = list(groups)
    header = "".join(f'<th class="number">{escape(name or say["no_group"])}</th>' for name in names)
    parts = [
        f'<section id="groups"><h2>{escape(say["compare"])}</h2>',
        f"<table><tr><th></th>{header}</tr>",
        _group_row(say["participants"], [str(groups[name].participants) for name in names]),
        _group_row(say["finished"], [str(groups[name].finished) for name in names]),
    ]
    for competency in COMPETENCIES:
        cells = [_mean(groups[name].competencies.get(competency)) for name in names]
        parts.append(_group_row(debrief.competency_name(competency), cells))
    for tier in next(iter(groups.values())).tiers:
        parts.append(
            _group_row(
                f"{say['tiers']}: {tier}", [str(groups[n].tiers.get(tier, 0)) for n in names]
            )
        )
    parts.append("</table>")
    best_rows = [row for row in debrief.decisions if any(o.is_best for o in row.options)]
    if best_rows:
        parts += [f"<h3>{escape(say['best_share'])}</h3>", f"<table><tr><th></th>{header}</tr>"]
        for number, row in enumerate(debrief.decisions, start=1):
            if row in best_rows:
                cells = [_best_share(row, groups[name]) for name in names]
                parts.append(_group_row(f"{number}. {row.text}", cells))
        parts.append("</table>")
    parts.append("</section>")
    return parts


def _group_row(label: str, cells: list[str]) -> str:
    values = "".join(f'<td class="number">{escape(cell)}</td>' for cell in cells)
    return f"<tr><th>{escape(label)}</th>{values}</tr>"


def _best_share(row: DecisionRow, tally: Tally) -> str:
    counts = tally.decisions.get(row.node_id, {})
    total = sum(counts.values())
    best = next(option.choice_id for option in row.options if option.is_best)
    return f"{counts.get(best, 0) / total:.0%} ({total})" if total else "-"


def _reflections(debrief: Debrief, say: dict[str, str]) -> list[str]:
    parts = [f'<section id="reflections"><h2>{escape(say["reflections"])}</h2>']
    if not debrief.summary.reflections:
        parts.append(f"<p>{escape(say['no_reflections'])}</p>")
    for text in debrief.summary.reflections:
        parts.append(f"<blockquote>{escape(text)}</blockquote>")
    parts.append("</section>")
    return parts


def _guide(debrief: Debrief, say: dict[str, str]) -> list[str]:
    parts = [f'<section id="guide"><h2>{escape(say["guide"])}</h2>', '<ol class="guide">']
    for title, prompt, evidence in debrief.guide():
        items = "".join(f"<li>{escape(line)}</li>" for line in evidence)
        parts.append(
            f"<li><h3>{escape(title)}</h3><p>{escape(prompt)}</p>"
            + (f"<ul>{items}</ul>" if items else "")
            + "</li>"
        )
    parts += ["</ol>", "</section>"]
    return parts


def read_line(records: ClassRecords, say: dict[str, str], lang: str) -> str:
    """How many statements were read, and from where (no files: read back from an LRS)."""
    key = "read" if records.files else "read_lrs"
    return say[key].format(
        statements=grouped(records.statements, lang), files=grouped(records.files, lang)
    )


def _skipped(records: ClassRecords, say: dict[str, str], lang: str) -> list[str]:
    parts = [
        f'<section id="skipped"><h2>{escape(say["skipped"])}</h2>',
        f"<p>{escape(read_line(records, say, lang))}</p>",
    ]
    if not records.skipped:
        parts.append(f"<p>{escape(say['skipped_none'])}</p>")
    else:
        shown = len(records.reasons)
        parts.append(f"<p>{escape(say['skipped_some'].format(n=records.skipped, shown=shown))}</p>")
        parts.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in records.reasons) + "</ul>")
    parts.append("</section>")
    return parts


def _mean(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "-"


def _dates(first: str, last: str) -> str:
    start, end = first[:10], last[:10]
    if not start:
        return "-"
    return start if start == end else f"{start} – {end}"
