"""Sending the outbox to a real LRS (Learning Locker's xapi-statements): exactly once, whatever
the network does, with the statements it refuses kept aside and the rest delivered."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from lrs_plays import lrs_ids, record_plays, stored_ids
from lrs_server import FlakyProxy, LrsServer

from game.persistence.lrs_client import LrsClient
from game.persistence.lrs_send import OutboxSender
from game.persistence.records import CONFLICT, REJECTED, SENDING, SENT, RecordStore, StatementRow


def fast_client(endpoint: str, attempts: int = 6) -> LrsClient:
    return LrsClient(endpoint, "key", "secret", timeout=10, attempts=attempts, backoff=0.01)


def test_every_statement_perekat_writes_is_accepted(lrs: LrsServer, tmp_path: Path) -> None:
    """Answers, undo's voided, endings, reflections, groups with names: the LRS takes them all."""
    ids = record_plays(tmp_path, "LRS-ALL")
    with RecordStore(tmp_path) as store, fast_client(lrs.endpoint) as client:
        summary = OutboxSender(store, client, batch_size=7).send()
        assert (summary.sent, summary.rejected, summary.conflicts, summary.left) == (
            len(ids),
            0,
            0,
            0,
        )
        assert store.deliveries(client.endpoint) == {SENT: len(ids)}
        again = OutboxSender(store, client).send()
    assert (again.sent, again.requests) == (0, 0)  # nothing is sent twice
    assert lrs_ids(lrs.endpoint, "LRS-ALL") == Counter(stored_ids(tmp_path, "LRS-ALL"))


def test_a_flaky_lrs_ends_with_every_statement_there_once(lrs: LrsServer, tmp_path: Path) -> None:
    """Dropped connections and 500s before and after the LRS stored a batch: retried, once."""
    ids = record_plays(tmp_path, "LRS-FLAKY", count=6)
    trouble = {1: "drop-before", 2: "500-after", 4: "drop-after", 6: "500-before", 7: 503}
    with FlakyProxy(lrs.port, plan=lambda n, method, path: trouble.get(n, "pass")) as proxy:
        with RecordStore(tmp_path) as store, fast_client(proxy.endpoint) as client:
            summary = OutboxSender(store, client, batch_size=4).send()
            assert (summary.left, summary.rejected, summary.stopped) == (0, 0, "")
            assert summary.sent + summary.already == len(ids)
        assert len(proxy.requests) > len(trouble)
    assert lrs_ids(lrs.endpoint, "LRS-FLAKY") == Counter(stored_ids(tmp_path, "LRS-FLAKY"))


def test_a_send_that_gives_up_goes_on_next_time(lrs: LrsServer, tmp_path: Path) -> None:
    """After the last retry the send stops and says why; the next send delivers the rest,
    asking first about the batch that may have arrived (it had not)."""
    ids = record_plays(tmp_path, "LRS-STOP")
    trouble = {n: "drop-before" for n in range(2, 50)}
    proxy = FlakyProxy(lrs.port, plan=lambda n, method, path: trouble.get(n, "pass"))
    with proxy, RecordStore(tmp_path) as store, fast_client(proxy.endpoint, 3) as client:
        summary = OutboxSender(store, client, batch_size=5).send()
        assert summary.sent == 10 and summary.left == len(ids) - 10
        assert "cannot reach the LRS" in summary.stopped
        left = len(ids) - 15
        assert store.deliveries(client.endpoint) == {SENT: 10, SENDING: 5, "waiting": left}
        trouble.clear()
        again = OutboxSender(store, client, batch_size=5).send()
        assert (again.sent, again.already, again.left) == (len(ids) - 10, 0, 0)
    assert lrs_ids(lrs.endpoint, "LRS-STOP") == Counter(stored_ids(tmp_path, "LRS-STOP"))


def test_a_statement_the_lrs_rejects_is_kept_aside_and_the_rest_arrive(
    lrs: LrsServer, tmp_path: Path
) -> None:
    """A 400 batch is split until the bad statement stands alone, kept with the LRS's words."""
    ids = record_plays(tmp_path, "LRS-BAD")
    bad = {"id": "not-a-uuid", "actor": {"mbox": "nobody"}, "verb": {}, "object": {}}
    with RecordStore(tmp_path) as store:
        store.insert([StatementRow("not-a-uuid", "LRS-BAD", "r", "mini", "answered", "x",
                                   text=json.dumps(bad))])  # fmt: skip
    with RecordStore(tmp_path) as store, fast_client(lrs.endpoint) as client:
        summary = OutboxSender(store, client, batch_size=8).send()
        assert (summary.sent, summary.rejected, summary.left) == (len(ids), 1, 0)
        [(state, statement_id, message)] = store.refused(client.endpoint)
        assert (state, statement_id) == (REJECTED, "not-a-uuid")
        assert message.startswith("400: ") and "statements.0" in message
        assert OutboxSender(store, client).send().requests == 0  # kept aside, not retried
    assert lrs_ids(lrs.endpoint, "LRS-BAD") == Counter(
        stored_ids(tmp_path, "LRS-BAD") - {"not-a-uuid"}
    )


def test_a_conflicting_id_is_reported_and_kept_aside(lrs: LrsServer, tmp_path: Path) -> None:
    """An id the LRS holds with other content (409) is kept aside; the others go through."""
    ids = record_plays(tmp_path, "LRS-CONFLICT")
    with RecordStore(tmp_path) as store:
        first = json.loads(next(store.export_lines()))
    first["result"]["response"] = "something else"
    with fast_client(lrs.endpoint) as client:
        assert client.post_statements(json.dumps([first]).encode()).status == 200
        with RecordStore(tmp_path) as store:
            summary = OutboxSender(store, client, batch_size=5).send()
            assert (summary.sent, summary.conflicts, summary.left) == (len(ids) - 1, 1, 0)
            assert store.refused(client.endpoint)[0][:2] == (CONFLICT, first["id"])
            assert store.requeue(client.endpoint) == 1  # --requeue: it waits again
            assert [row.statement_id for row in store.outbox(client.endpoint)] == [first["id"]]
