"""The reviewers' comment sheet: one row per node and choice, read back, merged as comments."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from support import FIXTURES

from game.content.loader import load_bytes, load_file
from game.content.review import COLUMNS, merge_comments, read_comments, sheet_rows, sheet_text

MINI = FIXTURES / "mini.yaml"


def filled(rows: list[dict[str, str]], separator: str = ",") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=separator)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return "\ufeff" + out.getvalue()


def test_the_sheet_has_a_row_per_node_and_per_choice_in_file_order() -> None:
    """Every node, then its choices, with texts, ratings, feedback and the picture's name."""
    scenario = load_file(MINI).scenario
    assert scenario is not None
    rows = sheet_rows(scenario, {("pagi", "bagikan"): "node-pagi--bagikan.png"})
    expected = [(n, "") for n in scenario.nodes]
    assert len(rows) == len(expected) + sum(len(n.choices) for n in scenario.nodes.values())
    share = next(r for r in rows if r["choice"] == "bagikan")
    assert share["ratings"] == "recognize 1 tolerate 1" and share["feedback_en"]
    assert share["picture"] == "node-pagi--bagikan.png" and share["comment"] == ""
    assert list(csv.DictReader(io.StringIO(sheet_text(rows))))[0]["node"] == "pagi"


def test_comments_are_read_with_either_separator_and_unknown_rows_reported() -> None:
    """Spreadsheets may save with ';'; rows naming no node or choice are listed, not merged."""
    scenario = load_file(MINI).scenario
    assert scenario is not None
    rows = sheet_rows(scenario, {})
    rows[0]["comment"] = "Cek jabatan."
    rows[1]["comment"] = "Terlalu panjang."
    rows.append({**rows[1], "choice": "tidak-ada", "comment": "?"})
    for separator in (",", ";"):
        comments, problems = read_comments(filled(rows, separator), scenario)
        assert [(c.node_id, c.choice_id) for c in comments] == [
            ("pagi", ""),
            ("pagi", rows[1]["choice"]),
        ]
        assert len(problems) == 1 and "tidak-ada" in problems[0]


def test_merging_adds_comment_lines_once_and_the_scenario_reads_the_same() -> None:
    """Comments land above their node or choice; merging again adds nothing."""
    result = load_file(MINI)
    assert result.scenario is not None
    rows = sheet_rows(result.scenario, {})
    rows[0]["comment"] = "Baris satu.\nBaris dua."
    rows[0]["reviewer"] = "Ahli A"
    rows[2]["comment"] = "Rating terlalu rendah?"
    comments, _ = read_comments(filled(rows), result.scenario)
    source = MINI.read_text(encoding="utf-8")
    merged, added = merge_comments(source, comments, result.positions, result.scenario)
    assert added == 2
    assert "  # ULASAN (Ahli A): Baris satu.\n  #   Baris dua.\n  pagi:" in merged
    assert f"      # ULASAN: Rating terlalu rendah?\n      - id: {rows[2]['choice']}" in merged
    again = load_bytes(merged.encode(), Path("mini.yaml"))
    assert again.scenario is not None and again.scenario.nodes == result.scenario.nodes
    twice, added_again = merge_comments(merged, comments, again.positions, again.scenario)
    assert added_again == 0 and twice == merged
