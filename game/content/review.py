"""The review comment sheet: a CSV for subject-matter experts, and merging it back into the file.

Owns the sheet's shape (one row per node and one per choice, in file order, with
the texts, ratings and feedback a reviewer judges, the picture the storyboard made
of it, and empty ``comment`` and ``reviewer`` columns), writing it (UTF-8 with a
byte-order mark, so spreadsheet programs on office PCs open Indonesian text
correctly), reading a filled-in sheet back (rows that name no node or choice of
the scenario are reported, not guessed), and merging the comments into the
scenario's YAML as comment lines above the node or choice they concern, so the
writer sees each remark where the change is to be made. The merge adds comment
lines only: the scenario reads exactly as before, and a comment already merged is
not added twice. It renders nothing; the storyboard's pictures are the GUI's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from game.core.model import Choice, Node, Scenario, Text

COLUMNS = (
    "node",
    "choice",
    "kind",
    "text_id",
    "text_en",
    "ratings",
    "feedback_id",
    "feedback_en",
    "picture",
    "comment",
    "reviewer",
)
MARK = "# ULASAN"  # "review" in Indonesian: the start of every merged comment line


@dataclass(frozen=True, slots=True)
class ReviewComment:
    node_id: str
    choice_id: str  # "" for a comment on the node itself
    text: str
    reviewer: str
    row: int  # line of the sheet, for messages


def sheet_rows(scenario: Scenario, pictures: Mapping[tuple[str, str], str]) -> list[dict[str, str]]:
    """Every node and every choice as a row; ``pictures`` maps (node, choice or "") to a file."""
    rows: list[dict[str, str]] = []
    for node_id, node in scenario.nodes.items():
        rows.append(_row(node_id, "", _node_kind(node), node.text, "", None, pictures))
        for choice in node.choices:
            ratings = " ".join(f"{name} {value}" for name, value in choice.score)
            rows.append(
                _row(node_id, choice.choice_id, "choice", choice.text, ratings, choice, pictures)
            )
    return rows


def _node_kind(node: Node) -> str:
    if node.presentation is None:
        return node.kind
    return f"{node.kind} ({type(node.presentation).__name__.lower()})"


def _row(
    node_id: str,
    choice_id: str,
    kind: str,
    text: Text,
    ratings: str,
    choice: Choice | None,
    pictures: Mapping[tuple[str, str], str],
) -> dict[str, str]:
    feedback = choice.feedback if choice is not None else None
    return {
        "node": node_id,
        "choice": choice_id,
        "kind": kind,
        "text_id": text.get("id"),
        "text_en": text.get("en") if text.has("en") else "",
        "ratings": ratings,
        "feedback_id": feedback.get("id") if feedback is not None else "",
        "feedback_en": feedback.get("en") if feedback is not None and feedback.has("en") else "",
        "picture": pictures.get((node_id, choice_id), ""),
        "comment": "",
        "reviewer": "",
    }


def sheet_text(rows: Iterable[Mapping[str, str]]) -> str:
    """The sheet as CSV text (the caller writes it with a byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def read_comments(text: str, scenario: Scenario) -> tuple[list[ReviewComment], list[str]]:
    """The filled-in comments of a sheet, and a problem line for each row that fits nothing.

    Spreadsheet programs may save with ``;`` instead of ``,``; both are read.
    """
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    separator = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=separator)
    missing = [
        name for name in ("node", "choice", "comment") if name not in (reader.fieldnames or [])
    ]
    if missing:
        return [], [f"the sheet has no column {', '.join(missing)}; keep the header row as written"]
    comments: list[ReviewComment] = []
    problems: list[str] = []
    for number, row in enumerate(reader, start=2):
        comment = (row.get("comment") or "").strip()
        if not comment:
            continue
        node_id = (row.get("node") or "").strip()
        choice_id = (row.get("choice") or "").strip()
        node = scenario.nodes.get(node_id)
        if node is None:
            problems.append(
                f"row {number}: no node '{node_id}' in the scenario; comment not merged"
            )
            continue
        if choice_id and node.choice(choice_id) is None:
            problems.append(
                f"row {number}: node '{node_id}' has no choice '{choice_id}'; comment not merged"
            )
            continue
        reviewer = (row.get("reviewer") or "").strip()
        comments.append(ReviewComment(node_id, choice_id, comment, reviewer, number))
    return comments, problems


def merge_comments(
    source: str,
    comments: Iterable[ReviewComment],
    positions: Mapping[tuple[str | int, ...], tuple[int, int]],
    scenario: Scenario,
) -> tuple[str, int]:
    """``source`` with each comment as YAML comment lines above its node or choice.

    ``positions`` are the loader's (1-based line, col) of node keys and choice items.
    Returns the new text and how many comments were added (ones already there are not).
    """
    lines = source.split("\n")
    inserts: dict[int, list[str]] = {}
    added = 0
    for comment in comments:
        node = scenario.nodes[comment.node_id]
        if comment.choice_id:
            index = [c.choice_id for c in node.choices].index(comment.choice_id)
            line, col = positions[("nodes", comment.node_id, "choices", index)]
            indent = max(col - 3, 0)  # the item's "- " starts two columns before its first key
        else:
            line, col = positions[("nodes", comment.node_id)]
            indent = col - 1
        block = _comment_lines(comment, " " * indent)
        if _already_there(lines, line - 1, block):
            continue
        inserts.setdefault(line - 1, []).extend(block)
        added += 1
    for at in sorted(inserts, reverse=True):
        lines[at:at] = inserts[at]
    return "\n".join(lines), added


def _comment_lines(comment: ReviewComment, indent: str) -> list[str]:
    who = f" ({comment.reviewer})" if comment.reviewer else ""
    text_lines = [part.strip() for part in comment.text.splitlines() if part.strip()]
    first, rest = text_lines[0], text_lines[1:]
    return [f"{indent}{MARK}{who}: {first}"] + [f"{indent}#   {part}" for part in rest]


def _already_there(lines: list[str], at: int, block: list[str]) -> bool:
    """True when ``block`` already stands among the comment lines right above line ``at``."""
    above = at
    while above > 0 and lines[above - 1].lstrip().startswith("#"):
        above -= 1
    existing = [line.strip() for line in lines[above:at]]
    wanted = [line.strip() for line in block]
    return any(existing[i : i + len(wanted)] == wanted for i in range(len(existing)))
