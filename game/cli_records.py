"""The learning-records commands, and the ``play`` flags that decide where a play's records go.

Owns ``records export [--session CODE] -o FILE.jsonl`` (every stored xAPI
statement, or one session's, as JSON Lines in the order stored; ``-o -`` for
standard output; a one-line summary on standard error), ``records session CODE
[--names on|off]`` (whether real names may appear in that session's statements
on this PC), ``records send --lrs URL`` (the statements not yet sent, to the
organisation's Learning Record Store: ``game.persistence.lrs_send``; the
password only from the environment variable ``--password-env`` names, never
from the command line), the ``play`` flags ``--session``, ``--group``, ``--members`` and
``--results-dir`` with the class seat they make, and starting a text play's
recorder. What a statement says is ``game.classroom``'s; where it is stored,
``game.persistence.records``'.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from game.classroom.identity import LOCAL, Seat, group_name, member_names, session_code
from game.classroom.recorder import StatementRecorder, start_recording
from game.cli_lrs import add_lrs_flags, lrs_client
from game.cli_support import EXIT_NOT_SENT, EXIT_OK, CliError, saves_dir
from game.core.engine import Engine
from game.core.model import Scenario
from game.errors import RecordsError
from game.persistence.lrs_send import BATCH_SIZE, OutboxSender, SendSummary
from game.persistence.records import FILE_NAME, RecordStore
from game.ui.terminal.messages import translate

COMMAND = "records"
WORDS = {
    "id": {
        "exported": "{count} pernyataan xAPI ditulis ke {path}{which}",
        "which": " (sesi {session})",
        "names_on": "nama asli dicantumkan",
        "names_off": "nama disamarkan (pseudonim)",
        "session": "Sesi {code}: {names}; {count} pernyataan di PC ini (dibuat {created})",
        "sent": "LRS {lrs}: {sent} terkirim, {already} sudah ada, {rejected} ditolak, "
        "{conflicts} bentrok, {left} tersisa",
        "refused": "  disisihkan ({state}) {id}: {message}",
        "stopped": "pengiriman berhenti: {why}; {left} pernyataan tetap di kotak keluar dan "
        "dikirim saat perintah ini dijalankan lagi",
        "requeued": "{count} pernyataan yang ditolak dimasukkan kembali ke kotak keluar",
    },
    "en": {
        "exported": "{count} xAPI statements written to {path}{which}",
        "which": " (session {session})",
        "names_on": "real names included",
        "names_off": "names hidden (pseudonyms)",
        "session": "Session {code}: {names}; {count} statements on this PC (created {created})",
        "sent": "LRS {lrs}: {sent} sent, {already} already there, {rejected} rejected, "
        "{conflicts} conflicting, {left} left",
        "refused": "  kept aside ({state}) {id}: {message}",
        "stopped": "the send stopped: {why}; {left} statements stay in the outbox and go "
        "when this command runs again",
        "requeued": "{count} refused statements put back in the outbox",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def session_arg(text: str) -> str:
    """argparse type of ``--session``: a session code, upper-cased."""
    try:
        return session_code(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def session_or_local(text: str) -> str:
    """A session code, or ``local`` for the PC's individual plays."""
    return LOCAL if text.strip().lower() == LOCAL else session_arg(text)


def group_arg(text: str) -> str:
    try:
        return group_name(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_play_flags(play: argparse.ArgumentParser) -> None:
    """The ``play`` flags for class sessions and collecting their results."""
    play.add_argument(
        "--session",
        type=session_arg,
        default=None,
        metavar="CODE",
        help="class session code from the facilitator (3-20 letters, digits, '-'): the play's "
        "learning records belong to it; without it they are this PC's individual plays",
    )
    play.add_argument(
        "--group", type=group_arg, default=None, metavar="NAME", help="group within the session"
    )
    play.add_argument(
        "--members",
        default=None,
        metavar="NAMES",
        help='the group\'s members, separated by commas (1-12 names, e.g. "Siti, Budi, Ani"); '
        "their names appear in the records only when names are on for the session",
    )
    play.add_argument(
        "--results-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="also write the play's xAPI statements to DIR/<session>-<pseudonym>.jsonl (a USB "
        "stick or a shared folder the facilitator collects)",
    )


def add_command(commands: Any) -> None:
    """Add ``records`` and its actions to the parser's sub-parsers."""
    records = commands.add_parser(
        COMMAND,
        help="learning records (xAPI) on this PC / catatan belajar",
        description="The learning records of the plays on this PC: xAPI 1.0.3 statements kept in "
        "<saves>/records.sqlite3 (see docs/xapi.md).",
    )
    records.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    records.add_argument("--saves-dir", type=Path, default=argparse.SUPPRESS)
    actions = records.add_subparsers(dest="action", required=True, metavar="ACTION")

    export = actions.add_parser(
        "export", help="write the statements as JSON Lines / ekspor pernyataan"
    )
    export.add_argument(
        "--session",
        type=session_or_local,
        default=None,
        metavar="CODE",
        help="only this session's statements ('local' for individual plays)",
    )
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE.jsonl", help="file to write, or - for stdout"
    )
    export.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    export.add_argument("--saves-dir", type=Path, default=argparse.SUPPRESS)

    session = actions.add_parser(
        "session", help="show a session, or turn real names on or off / atur sesi"
    )
    session.add_argument("code", type=session_or_local, metavar="CODE")
    session.add_argument(
        "--names",
        choices=("on", "off"),
        default=None,
        help="on: statements of this session on this PC carry the player's name as given with "
        "--player; off (the default): pseudonyms only",
    )
    session.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    session.add_argument("--saves-dir", type=Path, default=argparse.SUPPRESS)
    add_send(actions)


def add_send(actions: Any) -> None:
    """``records send``: the outbox to the organisation's Learning Record Store."""
    send = actions.add_parser(
        "send",
        help="send the statements not yet sent to the organisation's LRS / kirim ke LRS",
        description="Send the statements this PC has not yet sent to a Learning Record Store "
        "(POST /statements, xAPI 1.0.3), in batches; each is marked sent once the LRS accepted "
        "it, so running it again sends only what is left (see docs/xapi.md).",
    )
    add_lrs_flags(send, required=False, saved=True)
    send.add_argument(
        "--session",
        type=session_or_local,
        default=None,
        metavar="CODE",
        help="only this session's statements ('local' for individual plays)",
    )
    send.add_argument(
        "--batch-size", type=int, default=BATCH_SIZE, metavar="N", help="statements per POST"
    )
    send.add_argument(
        "--requeue",
        action="store_true",
        help="first put the statements this LRS refused (rejected or conflicting) back in the "
        "outbox, e.g. after the LRS was fixed",
    )
    send.add_argument("--json", action="store_true", help="the summary as one JSON object")
    send.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS)
    send.add_argument("--saves-dir", type=Path, default=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "export":
            return export_command(args)
        if args.action == "send":
            return send_command(args)
        return session_command(args)
    except RecordsError as error:
        raise CliError(str(error)) from None


def export_command(args: argparse.Namespace) -> int:
    folder = saves_dir(args)
    say = words(args.lang)
    which = say["which"].format(session=args.session) if args.session else ""
    if not (folder / FILE_NAME).exists():
        count = _write(args.output, iter(()))
    else:
        with RecordStore(folder) as store:
            _warn(store, args)
            count = _write(args.output, store.export_lines(args.session))
    where = "stdout" if args.output == "-" else args.output
    print(say["exported"].format(count=count, path=where, which=which), file=sys.stderr)
    return EXIT_OK


def session_command(args: argparse.Namespace) -> int:
    say = words(args.lang)
    with RecordStore(saves_dir(args)) as store:
        _warn(store, args)
        if args.names is not None:
            row = store.set_names(args.code, args.names == "on")
        else:
            row = store.session(args.code)
        names = say["names_on"] if row.names_enabled else say["names_off"]
        count = store.count(args.code)
    print(say["session"].format(code=row.code, names=names, count=count, created=row.created))
    return EXIT_OK


def send_command(args: argparse.Namespace) -> int:
    say = words(args.lang)
    if args.batch_size < 1:
        raise CliError("--batch-size must be 1 or more")
    client = lrs_client(args, saved=True)
    summary = SendSummary()
    with client:
        if (saves_dir(args) / FILE_NAME).exists():
            with RecordStore(saves_dir(args)) as store:
                _warn(store, args)
                if args.requeue:
                    count = store.requeue(client.endpoint, args.session)
                    print(say["requeued"].format(count=count), file=sys.stderr)
                sender = OutboxSender(
                    store, client, session=args.session, batch_size=args.batch_size
                )
                summary = sender.send()
    for state, statement_id, message in summary.refusals:
        print(say["refused"].format(state=state, id=statement_id, message=message), file=sys.stderr)
    if summary.stopped:
        print(
            f"perekat: {say['stopped'].format(why=summary.stopped, left=summary.left)}",
            file=sys.stderr,
        )
    counts = {
        "sent": summary.sent,
        "already": summary.already,
        "rejected": summary.rejected,
        "conflicts": summary.conflicts,
        "left": summary.left,
    }
    if args.json:
        print(json.dumps({"lrs": client.endpoint, **counts, "requests": summary.requests}))
    else:
        print(say["sent"].format(lrs=client.endpoint, **counts))
    done = not summary.stopped and not summary.refusals and not summary.left
    return EXIT_OK if done else EXIT_NOT_SENT


def class_seat(args: argparse.Namespace) -> Seat | None:
    """Where the ``play`` flags put the play in a class (None: individual play); CliError
    when they do not fit together or the members are not a list of names."""
    if args.group is not None and args.session is None:
        raise CliError("--group names a group within a session; give --session CODE too")
    if args.members is not None and args.group is None:
        raise CliError("--members lists the members of a group; give --group NAME too")
    members: tuple[str, ...] = ()
    if args.members is not None:
        try:
            members = member_names(args.members)
        except ValueError as error:
            raise CliError(str(error)) from None
    if args.session is None:
        return None  # individual play (its statements may still go to --results-dir)
    return Seat(args.session, args.group, members, results_dir=args.results_dir)


def open_records(args: argparse.Namespace) -> RecordStore:
    """Open this PC's records for a play (before it starts); raise CliError when refused."""
    try:
        store = RecordStore(saves_dir(args))
    except RecordsError as error:
        raise CliError(str(error)) from None
    _warn(store, args)
    return store


def start_play_records(
    args: argparse.Namespace,
    store: RecordStore,
    scenario: Scenario,
    engine: Engine,
    player: str,
    mode: str,
    play_id: str | None,
    seat: Seat | None = None,
) -> StatementRecorder:
    """Start recording a text play (catching up with a resumed one); CliError when refused."""
    try:
        recorder = start_recording(
            store,
            scenario,
            engine.state,
            mode=mode,
            lang=engine.lang,
            player=player,
            play_id=play_id,
            session=args.session,
            group=args.group,
            members=seat.members if seat is not None else (),
            results_dir=args.results_dir,
        )
    except RecordsError as error:
        raise CliError(str(error)) from None
    for note in recorder.notes:
        print(f"perekat: {translate(args.lang, note)}", file=sys.stderr)
    return recorder


def _warn(store: RecordStore, args: argparse.Namespace) -> None:
    for warning in store.warnings:
        print(f"perekat: {translate(args.lang, warning)}", file=sys.stderr)


def _write(output: str, lines: Any) -> int:
    """Write JSON lines to ``output`` (``-``: standard output; a file: replaced atomically)."""
    if output == "-":
        count = 0
        for line in lines:
            sys.stdout.write(line + "\n")
            count += 1
        sys.stdout.flush()
        return count
    path = Path(output)
    if path.is_dir():
        raise CliError(f"cannot write the records to {path}: it is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise CliError(f"cannot write the records to {path}: {error.strerror or error}") from None
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            for line in lines:
                stream.write(line + "\n")
                count += 1
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise CliError(f"cannot write the records to {path}: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return count
