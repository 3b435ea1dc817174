"""Talking to a Learning Record Store: xAPI 1.0.3 over HTTP, with the standard library only.

Owns the endpoint (checked: http or https, no credentials or query in it;
normalised to end in one slash), Basic auth from a user and a password the caller read from the
environment (never logged, never in a message), the version header, one
keep-alive connection, and what is worth trying again: a network error, a
timeout, 429 or a 5xx is retried with exponential backoff (``attempts`` in all),
then ``LrsUnavailable``; 401/403, 404 and an untrusted certificate are the
person's to fix and raise ``LrsError`` at once with the fix in words. Every
other answer (200, 204, 400, 409, 413) is returned to the caller as it came.

It does not batch, split or remember what was sent (``lrs_send`` and the
records' outbox do) and reads no statement.
"""

from __future__ import annotations

import base64
import http.client
import json
import logging
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from game.errors import RecordsError

VERSION = "1.0.3"
ATTEMPTS = 6  # the first try and five retries: 0.5 + 1 + 2 + 4 + 8 s of waiting
BACKOFF = 0.5
BACKOFF_MAX = 30.0
TIMEOUT = 60.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

log = logging.getLogger(__name__)


class LrsError(RecordsError):
    """The LRS cannot be used as asked (a bad URL, refused credentials): the person must act."""


class LrsUnavailable(LrsError):
    """The LRS could not be reached or kept failing after every retry; trying later may work.

    ``maybe_received``: the last try may have reached the LRS (it timed out or the
    connection broke after the request was sent), so it may hold what was posted."""

    def __init__(self, message: str, maybe_received: bool) -> None:
        super().__init__(message)
        self.maybe_received = maybe_received


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes
    retried: bool  # an earlier try of this request may have reached the LRS

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def message(self) -> str:
        """The LRS's own words about a refusal (its message or warnings), shortened."""
        data = self.json()
        text = ""
        if isinstance(data, dict):
            warnings = data.get("warnings")
            if isinstance(warnings, list) and warnings:
                text = "; ".join(str(item) for item in warnings)
            elif data.get("message"):
                text = str(data["message"])
        if not text:
            text = self.body.decode("utf-8", "replace").strip()
        text = f"{self.status}: {text}" if text else str(self.status)
        return text if len(text) <= 1000 else text[:999] + "…"


def endpoint_of(url: str) -> str:
    """The xAPI root ``url`` names, normalised (one trailing slash); LrsError when unusable."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsError(
            f"--lrs {url!r} is not an http(s) URL; give the LRS's xAPI endpoint, e.g. "
            "https://lrs.example.go.id/xAPI/"
        )
    if parts.username or parts.password:
        raise LrsError(
            "put no user or password in the --lrs URL (it would show in the process list and the "
            "shell's history); give --user and name an environment variable with --password-env"
        )
    if parts.query or parts.fragment:
        raise LrsError(f"--lrs {url!r} has a query or fragment; give the xAPI endpoint alone")
    try:
        port = parts.port
    except ValueError:
        raise LrsError(f"--lrs {url!r} has a port that is not a number") from None
    path = parts.path.rstrip("/") + "/"
    where = f"{parts.hostname}:{port}" if port else str(parts.hostname)
    return f"{parts.scheme}://{where.lower()}{path}"


class LrsClient:
    """One LRS endpoint. ``sleep`` and ``backoff`` are the tests' to shorten; close when done."""

    def __init__(
        self,
        endpoint: str,
        user: str = "",
        password: str = "",
        *,
        timeout: float = TIMEOUT,
        attempts: int = ATTEMPTS,
        backoff: float = BACKOFF,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.endpoint = endpoint_of(endpoint)
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.sleep = sleep
        parts = urlsplit(self.endpoint)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port
        self._root = parts.path
        self._headers = {
            "X-Experience-API-Version": VERSION,
            "Accept": "application/json",
        }
        if user or password:
            token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            self._headers["Authorization"] = f"Basic {token}"
        self._connection: http.client.HTTPConnection | None = None

    def __enter__(self) -> LrsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def post_statements(self, body: bytes) -> Answer:
        """POST a JSON array of statements to ``statements``; the LRS's answer."""
        return self.request("POST", self._root + "statements", body)

    def get_statements(
        self, query: dict[str, str] | None = None, more: str = "", missing_ok: bool = False
    ) -> Answer:
        """GET ``statements`` with ``query``, or the ``more`` link an earlier page gave
        (``missing_ok``: a 404 is an answer, e.g. for one statement asked by id)."""
        if more:
            target = urlsplit(urljoin(self.endpoint, more))
            path = target.path + (f"?{target.query}" if target.query else "")
        else:
            path = self._root + "statements" + (f"?{urlencode(query)}" if query else "")
        return self.request("GET", path, missing_ok=missing_ok)

    def request(
        self, method: str, path: str, body: bytes | None = None, missing_ok: bool = False
    ) -> Answer:
        """Send once, retrying what may pass later; raise LrsError for what will not."""
        retried = False
        for attempt in range(self.attempts):
            if attempt:
                self.sleep(min(BACKOFF_MAX, self.backoff * 2 ** (attempt - 1)))
            try:
                status, data = self._exchange(method, path, body)
            except _Failed as failed:
                retried = retried or failed.maybe_received
                problem = failed.reason
                log.info("LRS %s %s failed (%s), try %d", method, path, problem, attempt + 1)
                if attempt + 1 == self.attempts:
                    raise LrsUnavailable(
                        f"cannot reach the LRS at {self.endpoint}: {problem}. Check the URL and "
                        "that the LRS is up, then run the command again",
                        retried,
                    ) from None
                continue
            if status in RETRY_STATUSES:
                retried = True  # a 5xx may come after the LRS stored the batch
                log.info("LRS %s %s answered %d, try %d", method, path, status, attempt + 1)
                if attempt + 1 == self.attempts:
                    raise LrsUnavailable(
                        f"the LRS at {self.endpoint} keeps failing "
                        f"({Answer(status, data, True).message()}); try again later",
                        True,
                    )
                continue
            if not (missing_ok and status == 404):
                self._refuse(status)
            return Answer(status, data, retried)
        raise AssertionError("unreachable")  # pragma: no cover

    def _refuse(self, status: int) -> None:
        if status in (401, 403):
            raise LrsError(
                f"the LRS at {self.endpoint} refused the credentials ({status}); check --user and "
                "the password in the environment variable --password-env names"
            )
        if status == 404:
            raise LrsError(
                f"no xAPI statements resource at {self.endpoint}statements (404); --lrs should be "
                "the LRS's xAPI endpoint, the address its statements are under (e.g. .../xAPI/)"
            )

    def _exchange(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        headers = dict(self._headers)
        if body is not None:
            headers["Content-Type"] = "application/json"
        connection = self._connection
        if connection is None:
            kind = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
            connection = self._connection = kind(self._host, self._port, timeout=self.timeout)
        sent = False
        try:
            connection.request(method, path, body=body, headers=headers)
            sent = True
            response = connection.getresponse()
            data = response.read()
        except ssl.SSLCertVerificationError as error:
            self.close()
            raise LrsError(
                f"this PC does not trust the certificate of {self.endpoint} "
                f"({error.verify_message}); ask the LRS's administrator, or have the "
                "organisation's certificate installed on this PC"
            ) from None
        except (OSError, http.client.HTTPException) as error:
            self.close()  # a broken connection is not reused
            reason = _reason(error)
            raise _Failed(reason, sent and not isinstance(error, ConnectionRefusedError)) from None
        if response.will_close:
            self.close()
        return response.status, data


class _Failed(Exception):
    def __init__(self, reason: str, maybe_received: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.maybe_received = maybe_received


def _reason(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused (is the LRS running, and is the port right?)"
    if isinstance(error, (socket.timeout, TimeoutError)):
        return "no answer in time"
    if isinstance(error, socket.gaierror):
        return "unknown host name"
    if isinstance(error, http.client.RemoteDisconnected):
        return "the connection was closed before an answer"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return str(text)
