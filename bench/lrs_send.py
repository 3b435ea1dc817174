"""records send to a local LRS: 200,000 statements, statements per second, and the bottleneck.

Run: python bench/lrs_send.py [--statements 200000] [--batch-size 500]
Needs node and the LRS the tests use (.lrs/, installed by .ci/run or by the tests).
Fills a records store with real Perekat statements (plays of tests/fixtures/mini.yaml
recorded by the real recorder, repeated with fresh statement ids and registrations:
answered, completed, commented and voided, as a class writes them), then:

1. sends them with the real sender (``OutboxSender``: outbox query, marking
   'sending' and 'sent' in SQLite with FULL sync, posting) to a fresh LRS, timing
   the wall clock, this process's CPU time and the time spent waiting for the
   LRS's answers;
2. posts the same bodies, prebuilt, with a bare ``http.client`` loop to another
   fresh LRS: the LRS's own time for the same POSTs, with the client doing as
   little as it can.

The client is not the bottleneck when (1) takes about as long as (2) and its CPU
time is a small part of the wall clock. ``--no-alone`` skips (2): the test LRS
keeps statements in memory and scans them all for each batch, so it slows as it
fills, and 200,000 take it tens of minutes each time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from lrs_plays import record_plays  # noqa: E402
from lrs_server import start_lrs  # noqa: E402

from game.persistence.lrs_client import LrsClient  # noqa: E402
from game.persistence.lrs_send import OutboxSender  # noqa: E402
from game.persistence.records import RecordStore, StatementRow  # noqa: E402

SESSION = "BENCH-LRS"


def fill(folder: Path, total: int) -> int:
    """``total`` statements (about) in ``folder``'s records; returns the bytes of JSON."""
    template_dir = folder / "template"
    record_plays(template_dir, SESSION, count=4)
    with RecordStore(template_dir) as store:
        templates = list(store.export(SESSION))
    size = 0
    with RecordStore(folder / "records") as store:
        rows: list[StatementRow] = []
        made = 0
        while made < total:
            registration = str(uuid.uuid4())
            ids = {item["id"]: str(uuid.uuid4()) for item in templates}
            for item in templates:
                text = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
                for old, new in ids.items():
                    text = text.replace(old, new)
                old_registration = item["context"]["registration"]
                text = text.replace(old_registration, registration)
                rows.append(
                    StatementRow(
                        ids[item["id"]], SESSION, registration, "mini",
                        item["verb"]["id"].rsplit("/", 1)[1], f"s{made}", text=text,
                    )
                )  # fmt: skip
                size += len(text)
                made += 1
                if made == total:
                    break
            if len(rows) >= 20_000 or made == total:
                store.insert(rows)
                rows = []
    return size


def send_all(folder: Path, endpoint: str, batch_size: int) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, seconds waiting for the LRS's answers, requests) of the real
    sender."""
    with RecordStore(folder / "records") as store, LrsClient(endpoint) as client:
        waited = [0.0]
        post = client.post_statements

        def timed(body: bytes) -> Any:
            start = time.perf_counter()
            try:
                return post(body)
            finally:
                waited[0] += time.perf_counter() - start

        client.post_statements = timed  # type: ignore[method-assign]
        wall, cpu = time.perf_counter(), time.process_time()
        summary = OutboxSender(store, client, batch_size=batch_size).send()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert summary.left == 0 and not summary.refusals, summary
    return wall, cpu, waited[0], summary.requests


def post_alone(folder: Path, port: int, batch_size: int) -> tuple[float, int]:
    """(wall seconds, requests) of the same POSTs, bodies built beforehand, on one connection."""
    with RecordStore(folder / "records") as store:
        texts = list(store.export_lines(SESSION))
    bodies = [
        ("[" + ",".join(texts[start : start + batch_size]) + "]").encode()
        for start in range(0, len(texts), batch_size)
    ]
    headers = {
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        "Authorization": "Basic YTpi",
    }
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    wall = time.perf_counter()
    for body in bodies:
        connection.request("POST", "/xAPI/statements", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        assert response.status == 200, response.status
    wall = time.perf_counter() - wall
    connection.close()
    return wall, len(bodies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument(
        "--no-alone", action="store_true", help="skip the LRS-alone run (it takes as long again)"
    )
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, Python "
          f"{platform.python_version()}, commit {commit}")  # fmt: skip
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        start = time.perf_counter()
        size = fill(folder, args.statements)
        print(f"filled {args.statements} statements ({size / 1e6:.0f} MB of JSON) in "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip
        runs = (("sender", True),) if args.no_alone else (("sender", True), ("LRS alone", False))
        for name, measure in runs:
            workdir = folder / name.replace(" ", "-")
            workdir.mkdir()
            server = start_lrs(workdir)
            try:
                if measure:
                    wall, cpu, waited, requests = send_all(folder, server.endpoint, args.batch_size)
                    share = 100 * cpu / wall
                    print(f"records send, batch {args.batch_size}: {requests} POSTs, "
                          f"{wall:.1f} s, {args.statements / wall:,.0f} statements/s; "
                          f"client CPU {cpu:.1f} s ({share:.0f}% of the wall clock); "
                          f"waiting for the LRS's answers {waited:.1f} s "
                          f"({100 * waited / wall:.0f}%)")  # fmt: skip
                else:
                    wall, requests = post_alone(folder, server.port, args.batch_size)
                    print(f"LRS alone, same {requests} POSTs prebuilt: {wall:.1f} s, "
                          f"{args.statements / wall:,.0f} statements/s")  # fmt: skip
            finally:
                server.stop()


if __name__ == "__main__":
    main()
