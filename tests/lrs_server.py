"""A real Learning Record Store for the tests, and a proxy in front of it that misbehaves on cue.

The LRS is Learning Locker's statement service, the npm package ``xapi-statements``
5.0.1, installed into ``.lrs/`` (``.ci/run`` does it; ``ensure_installed`` does it
here when node and npm exist but the folder does not), run with in-memory storage
and its test authentication (any Basic auth passes) on a free loopback port.
Without node or npm the LRS tests skip with that reason, except under CI
(``CI=true``), where they fail: CI must run them.

``FlakyProxy`` forwards to it, doing to each request what its plan says: pass it,
drop the connection before or after forwarding, answer 500 before or after
forwarding, answer a status of its own, or hold the answer back (after
forwarding) until released, so a test can kill the sender mid-batch.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LRS_DIR = ROOT / ".lrs"
PACKAGE = "xapi-statements@5.0.1"
ENTRY = LRS_DIR / "node_modules" / "xapi-statements" / "dist" / "index.js"
START_SECONDS = 60.0


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where the LRS tests must run."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"the LRS tests must run in CI: {reason}")
    pytest.skip(reason)


def ensure_installed() -> None:
    """Install the LRS into .lrs/ unless it is there (what .ci/run does)."""
    if ENTRY.is_file():
        if shutil.which("node") is None:
            unavailable("node is not installed: the LRS tests need Node.js 18+")
        return
    if shutil.which("node") is None or shutil.which("npm") is None:
        unavailable("node/npm are not installed: the LRS tests need Node.js 18+ and npm")
    LRS_DIR.mkdir(exist_ok=True)
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", PACKAGE],
        cwd=LRS_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0 or not ENTRY.is_file():
        unavailable(f"npm install {PACKAGE} failed: {done.stderr.strip()[-500:]}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LrsServer:
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_lrs(workdir: Path) -> LrsServer:
    """Start the LRS on a free port and wait until it answers."""
    ensure_installed()
    port = free_port()
    env = {
        **os.environ,
        "AUTH_REPO": "test",
        "EVENTS_REPO": "test",
        "MODELS_REPO": "memory",
        "STORAGE_REPO": "memory",
        "EXPRESS_PORT": str(port),
        "SERVICE_AWAIT_UPDATES": "true",  # voiding done before the answer: reads see it
        "EXPRESS_MORGAN_DIRECTORY": str(workdir / "access"),
        "FS_LOCAL_STORAGE_DIR": str(workdir / "storage"),
        "WINSTON_CONSOLE_LEVEL": "warn",
    }
    log = workdir / "lrs.log"
    with log.open("wb") as stream:
        process = subprocess.Popen(
            ["node", str(ENTRY)], cwd=workdir, env=env, stdout=stream, stderr=subprocess.STDOUT
        )
    server = LrsServer(port, process, log)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the LRS exited at start: {log.read_text(errors='replace')[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/xAPI/about")
            if connection.getresponse().status == 200:
                connection.close()
                return server
            connection.close()
        except OSError:
            pass
        time.sleep(0.2)
    server.stop()
    pytest.fail(f"the LRS did not answer in {START_SECONDS} s: {log.read_text()[-2000:]}")
    raise AssertionError  # unreachable


# What the proxy does to one request: "pass", "drop-before", "drop-after", "500-before",
# "500-after", "hold" (forward, then answer only once released), or a status number of its own.
Plan = Callable[[int, str, str], str | int]


@dataclass
class FlakyProxy:
    upstream_port: int
    plan: Plan = field(default=lambda number, method, path: "pass")
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # (method, path, what)
    forwarded: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))
    release: threading.Event = field(default_factory=threading.Event)
    server: ThreadingHTTPServer | None = None

    @property
    def endpoint(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"

    def __enter__(self) -> FlakyProxy:
        proxy = self
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                with lock:
                    number = len(proxy.requests)
                    what = proxy.plan(number, self.command, self.path)
                    proxy.requests.append((self.command, self.path, str(what)))
                if what == "drop-before":
                    self.close_connection = True
                    return
                if what == "500-before" or isinstance(what, int):
                    self._answer(500 if what == "500-before" else int(what), b'{"message":"x"}')
                    return
                status, data = self._forward(body)
                proxy.forwarded.release()
                if what == "hold":
                    proxy.release.wait(60)
                if what == "drop-after":
                    self.close_connection = True
                    return
                if what == "500-after":
                    status, data = 500, b'{"message":"proxy: failed after storing"}'
                self._answer(status, data)

            def _forward(self, body: bytes | None) -> tuple[int, bytes]:
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                upstream.request(self.command, self.path, body=body, headers=headers)
                response = upstream.getresponse()
                data = response.read()
                upstream.close()
                return response.status, data

            def _answer(self, status: int, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()
