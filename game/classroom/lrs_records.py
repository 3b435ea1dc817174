"""A class session's records read back from a Learning Record Store, for the class report.

Owns the query (GET ``statements`` about the session's activity, related
activities included, so every statement whose grouping names the session),
paging through ``more`` links, and the voided statements: an LRS leaves the
statements a ``voided`` one retracts out of its answers, so each is fetched by
``voidedStatementId``, and the records hold what the class's JSON Lines files
hold (the retracted answer and its voiding), to be counted the same way. Each
statement becomes the same ``Fact`` the files give (``facts.fact_of``) in the
same ``ClassRecords``, so the aggregation does not know where the statements
came from (the report does only by ``files`` staying 0: "read from the LRS").

It does not send (``game.persistence.lrs_send`` does), and it talks HTTP only
through ``game.persistence.lrs_client``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.classroom.aggregate import REASONS_KEPT, ClassRecords
from game.classroom.facts import SESSION, Fact, fact_of
from game.persistence.lrs_client import LrsClient, LrsError

PAGE = 500  # statements asked for a page; an LRS may give fewer


def session_statements(
    client: LrsClient, session: str, page: int = PAGE
) -> Iterator[dict[str, Any]]:
    """Every statement the LRS holds about session ``session``, ``page`` at a time (voided
    ones' targets left out, as xAPI says)."""
    query = {"activity": f"{SESSION}{session}", "related_activities": "true", "limit": str(page)}
    answer = client.get_statements(query)
    seen_links: set[str] = set()
    while True:
        found = _page(answer, client.endpoint)
        yield from (item for item in found["statements"] if isinstance(item, dict))
        more = found.get("more")
        if not isinstance(more, str) or not more or more in seen_links:
            return
        seen_links.add(more)
        answer = client.get_statements(more=more)


def voided_statement(client: LrsClient, statement_id: str) -> dict[str, Any] | None:
    """The statement ``statement_id`` if the LRS holds it as voided; None when it does not."""
    answer = client.get_statements({"voidedStatementId": statement_id}, missing_ok=True)
    if answer.status != 200:
        return None
    item = answer.json()
    return item if isinstance(item, dict) else None


def read_lrs_records(client: LrsClient, session: str, page: int = PAGE) -> ClassRecords:
    """The class records of ``session`` as the LRS holds them, voided statements included."""
    records = ClassRecords()
    for item in session_statements(client, session, page):
        _add(records, item)
    for target in sorted(records.voided - records.facts.keys()):
        retracted = voided_statement(client, target)
        if retracted is not None:
            _add(records, retracted)
    return records


def _add(records: ClassRecords, item: dict[str, Any]) -> None:
    records.lines += 1
    activity = item.get("object")
    if isinstance(activity, dict) and isinstance(activity.get("id"), str):
        definition = activity.get("definition")
        if "/node/" in activity["id"] and isinstance(definition, dict):
            records.definitions.setdefault(activity["id"], definition)
    fact = fact_of(item)
    if isinstance(fact, Fact):
        records.add(fact)
    elif fact:
        records.skipped += 1
        if len(records.reasons) < REASONS_KEPT:
            records.reasons.append(f"statement {item.get('id')}: {fact}")
    else:
        records.other += 1


def _page(answer: Any, endpoint: str) -> dict[str, Any]:
    data = answer.json()
    if answer.status != 200 or not isinstance(data, dict):
        raise LrsError(f"the LRS at {endpoint} answered a statements query with {answer.message()}")
    if not isinstance(data.get("statements"), list):
        raise LrsError(f"the LRS at {endpoint} answered a statements query without statements")
    return data
