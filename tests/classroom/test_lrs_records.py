"""A class read back from a real LRS gives the aggregation what the class's files give it."""

from __future__ import annotations

from pathlib import Path

from class_fixture import make_class
from lrs_server import LrsServer

from game.classroom.aggregate import read_records, read_statements, summarise
from game.classroom.lrs_records import read_lrs_records
from game.classroom.statement_files import find_files, plan_chunks
from game.persistence.lrs_client import LrsClient
from game.persistence.lrs_send import send_outbox
from game.persistence.records import RecordStore


def test_the_lrs_records_summarise_as_the_files_do(lrs: LrsServer, tmp_path: Path) -> None:
    """Sent PC by PC, read back 4 a page: the same facts, voided answers, tallies and texts."""
    klass = make_class(tmp_path, "LRS-READ")
    with LrsClient(lrs.endpoint) as client:
        for pc in sorted((tmp_path / "pcs").iterdir()):
            with RecordStore(pc) as store:
                assert send_outbox(store, client, batch_size=2).left == 0
        remote = read_lrs_records(client, "LRS-READ", page=4)
    files = read_records([klass.folder], workers=1)
    one_by_one = read_statements(plan_chunks(find_files([klass.folder])), 1, workers=1)
    assert remote.facts.keys() == one_by_one.facts.keys()
    assert remote.voided == files.voided and remote.voided
    assert remote.definitions == files.definitions
    assert (remote.statements, remote.skipped) == (files.statements, 0)
    assert summarise(remote) == summarise(files)
    assert summarise(remote, "mini") is not None
