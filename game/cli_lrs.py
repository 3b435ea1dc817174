"""The command line's side of a Learning Record Store: its flags, its client, a class read back.

Owns the flags every command that talks to an LRS shares (``--lrs URL``,
``--user``, ``--password-env VAR``, ``--timeout``, ``--retries``), the password
read from the environment variable ``--password-env`` names (never from argv,
never printed), making the client (for ``records send`` without ``--lrs``, from
the account saved in the window), and ``class report --lrs URL --session CODE``'s
records (``game.classroom.lrs_records``), with a CliError whose message says the
fix for a person's mistake. ``records send`` itself is ``cli_records``'.
"""

from __future__ import annotations

import argparse
import os
import sys

from game.classroom.aggregate import ClassRecords
from game.classroom.identity import session_code
from game.classroom.lrs_records import read_lrs_records
from game.cli_support import CliError
from game.errors import RecordsError
from game.persistence.lrs_client import ATTEMPTS, TIMEOUT, LrsClient
from game.persistence.lrs_config import LrsConfigStore

WORDS = {
    "id": {"read": "{count} pernyataan dibaca dari LRS {lrs} (sesi {session})"},
    "en": {"read": "{count} statements read from the LRS {lrs} (session {session})"},
}


def add_lrs_flags(parser: argparse.ArgumentParser, required: bool, saved: bool = False) -> None:
    """``--lrs`` (required or not) and the flags that go with it; ``saved``: without
    ``--lrs``, the account saved in the window is used (``lrs_client(args, saved=True)``)."""
    parser.add_argument(
        "--lrs",
        required=required,
        default=None,
        metavar="URL",
        help="the organisation's Learning Record Store: its xAPI endpoint, e.g. "
        "https://lrs.example.go.id/xAPI/"
        + ("; default: the account saved in the window (Pengaturan › LRS)" if saved else ""),
    )
    parser.add_argument("--user", default="", metavar="USER", help="Basic auth user (LRS key)")
    parser.add_argument(
        "--password-env",
        default=None,
        metavar="VAR",
        help="the environment variable holding the LRS password (secret); a password is never "
        "given on the command line",
    )
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT, metavar="SECONDS", help="wait for one answer"
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=ATTEMPTS - 1,
        metavar="N",
        help="retries of a request that failed for the network or a 5xx, waiting longer each time",
    )


def password(args: argparse.Namespace) -> str:
    """The password from the environment variable ``--password-env`` names ("" without one)."""
    name = args.password_env
    if not name:
        return ""
    if name not in os.environ:
        raise CliError(
            f"--password-env names the environment variable {name}, which is not set; set it "
            f"to the LRS password first (export {name}=... here, set {name}=... on Windows)"
        )
    return os.environ[name]


def lrs_client(args: argparse.Namespace, saved: bool = False) -> LrsClient:
    """The client ``--lrs`` and its flags describe; CliError for a bad URL or flag. With
    ``saved`` and no ``--lrs``: the account saved in the window (its user and password unless
    ``--user`` or ``--password-env`` are given)."""
    if args.retries < 0 or args.timeout <= 0:
        raise CliError("--retries must be 0 or more and --timeout above 0")
    endpoint, user, secret = args.lrs, args.user, password(args)
    if endpoint is None and saved:
        account = LrsConfigStore().load()
        if not account.is_set:
            raise CliError(
                "no --lrs URL given and no LRS account saved on this PC; give --lrs URL, or "
                "save the account in the window first (Pengaturan › LRS)"
            )
        endpoint, user = account.endpoint, args.user or account.user
        secret = secret if args.password_env else account.password
    try:
        return LrsClient(endpoint, user, secret, timeout=args.timeout, attempts=args.retries + 1)
    except RecordsError as error:
        raise CliError(str(error)) from None


def class_records(args: argparse.Namespace) -> ClassRecords:
    """``class report``'s records from the LRS: the statements of ``--session``."""
    if args.paths:
        raise CliError("class report reads either files and folders or --lrs URL; not both")
    if not args.session:
        raise CliError("class report --lrs needs the class's --session CODE")
    try:
        session = session_code(args.session)
    except ValueError as error:
        raise CliError(str(error)) from None
    with lrs_client(args) as client:
        try:
            records = read_lrs_records(client, session)
        except RecordsError as error:
            raise CliError(str(error)) from None
        if not records.statements:
            raise CliError(f"the LRS at {client.endpoint} holds no statement of session {session}")
        say = WORDS.get(args.lang, WORDS["en"])
        read = say["read"].format(count=records.statements, lrs=client.endpoint, session=session)
        print(f"perekat: {read}", file=sys.stderr)
    return records
