"""Reading a class's results: JSON Lines files of xAPI statements, streamed, in parallel pieces.

Owns finding the files (folders searched for ``*.jsonl`` recursively, files named
explicitly read whatever their suffix), cutting them into byte ranges that worker
processes read a line at a time (a file is never loaded whole, and a line longer
than ``MAX_LINE`` is skipped unread), turning each statement into the few facts a
class report needs (``Fact``), and counting what cannot be used: lines that are
not JSON objects and statements without the fields their verb needs, each with a
``file:line: reason``. Parsing is exact JSON: Perekat's own compact lines are
read piece by piece (``compact_lines``: most of a line repeats across statements
and is parsed once), any other line whole. Also how a piece's facts travel back
from a worker (as columns of plain values). Reading runs with the cyclic garbage
collector paused (``game.collector``): it makes many objects and no cycles.

It does not dedupe, void, group into plays or tally (``play_pieces``, ``plays`` and
``aggregate`` do) and knows no scenario file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

from game.classroom.compact_lines import CompactLines, NotCompact
from game.classroom.facts import Fact, fact_of
from game.collector import collector_paused

MAX_LINE = 1 << 20  # a statement is a few KB; a longer line is not one (and is not read whole)
CHUNK_BYTES = 16 << 20  # a worker's piece of a file
PARALLEL_BYTES = 8 << 20  # below this, starting worker processes costs more than it saves
READ_BUFFER = 1 << 20  # the default 8 KB held two 4 KB lines: readline cost 3x as much


@dataclass(frozen=True, slots=True)
class Chunk:
    """Lines of ``path`` that start at a byte in [start, end)."""

    path: str
    start: int
    end: int


@dataclass
class ChunkResult:
    path: str
    lines: int = 0
    facts: list[Fact] = field(default_factory=list)
    other: int = 0  # sound statements of no interest here (another verb, another tool's)
    skipped: int = 0
    reasons: list[tuple[int, str]] = field(default_factory=list)  # (line within chunk, why)
    definitions: dict[str, dict[str, Any]] = field(default_factory=dict)  # decision IRI -> def
    starts: list[int] | None = None  # where each fact's line starts in the file, when asked

    # Sent back from a worker process, the facts travel as columns of plain values: pickling a
    # NamedTuple runs Python code for each one (__getnewargs__, then __new__), which cost the
    # parent about as much as the reading; zip and tuple.__new__ take them apart and back in C.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["facts"] = list(zip(*self.facts, strict=True))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["facts"] = list(map(tuple.__new__, repeat(Fact), zip(*state["facts"], strict=True)))
        self.__dict__.update(state)


def find_files(paths: Sequence[Path]) -> list[Path]:
    """The files to read: each folder's ``*.jsonl`` (recursively, sorted) and each file named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.jsonl") if p.is_file())
        else:
            found.append(path)
    return found


def plan_chunks(files: Iterable[Path], chunk_bytes: int = CHUNK_BYTES) -> list[Chunk]:
    """Each file as equal pieces of ``chunk_bytes`` or a little more (a file below twice that
    stays whole: a play cut by a boundary is read again; an unreadable file: one piece)."""
    chunks: list[Chunk] = []
    for path in files:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        step = -(-size // max(size // chunk_bytes, 1)) if size else 1
        starts = range(0, max(size, 1), step)
        chunks += [Chunk(str(path), s, min(s + step, size)) for s in starts]
    return chunks


def read_chunks(
    chunks: Sequence[Chunk],
    workers: int | None = None,
    reader: Callable[[Chunk], Any] | None = None,
) -> Iterator[Any]:
    """``reader`` (default ``read_chunk``) of every chunk, in order; read by ``workers``
    processes when that pays."""
    reader = reader or read_chunk
    total = sum(chunk.end - chunk.start for chunk in chunks)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count > 1 and len(chunks) > 1 and total >= PARALLEL_BYTES:
        try:
            with ProcessPoolExecutor(max_workers=min(count, len(chunks))) as pool:
                yield from pool.map(reader, chunks)
            return
        except (OSError, ImportError, NotImplementedError):
            pass  # no worker processes here (a locked-down PC): read in this one
    for chunk in chunks:
        yield reader(chunk)


@collector_paused()
def read_chunk(chunk: Chunk, positions: bool = False) -> ChunkResult:
    """Read one piece of a file a line at a time; never raises for what the file holds.
    ``positions``: also where each fact's line starts (``ChunkResult.starts``)."""
    result = ChunkResult(chunk.path)
    if positions:
        result.starts = []
    reader = _LineReader(result)
    read_compact, facts, starts = reader.compact.fact, result.facts, result.starts
    count = 0  # lines read; result.lines is kept in step before a line may be refused
    try:
        with open(chunk.path, "rb", buffering=READ_BUFFER) as stream:
            position, end, readline = chunk.start, chunk.end, stream.readline
            if position > 0:
                stream.seek(position - 1)
                if stream.read(1) != b"\n":
                    position += _skip_rest(stream)  # that line began in the piece before
            while position < end:  # the loop runs once a statement: kept lean on purpose
                line = readline(MAX_LINE + 1)
                if not line:
                    break
                start = position
                position += len(line)
                count += 1
                if len(line) > MAX_LINE:
                    position += _skip_rest(stream)
                    result.lines = count
                    reader.refuse(f"a line longer than {MAX_LINE} bytes is not a statement")
                    continue
                line = line.strip()
                if not line:
                    continue  # blank lines are not damage
                try:
                    facts.append(read_compact(line))
                except NotCompact:
                    result.lines = count
                    if not reader.read_whole(line):
                        continue
                if starts is not None:
                    starts.append(start)
    except OSError as error:
        result.skipped += 1
        result.reasons.append((0, f"cannot read the file: {error.strerror or error}"))
    result.lines = count
    return result


def _skip_rest(stream: Any) -> int:
    """Read past the end of the current line, a bounded piece at a time; returns bytes read."""
    skipped = 0
    while True:
        piece = stream.readline(MAX_LINE)
        skipped += len(piece)
        if not piece or piece.endswith(b"\n"):
            return skipped


class _LineReader:
    """One chunk's reader state: the compact reader, and lines parsed whole or refused."""

    def __init__(self, result: ChunkResult) -> None:
        self.result = result
        self.compact = CompactLines()
        result.definitions = self.compact.definitions  # decisions' texts, as first read

    def refuse(self, reason: str) -> None:
        self.result.skipped += 1
        self.result.reasons.append((self.result.lines, reason))

    def read_whole(self, line: bytes) -> bool:
        """Parse the line whole; whether it gave a fact (else it is refused or not read)."""
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as error:
            self.refuse(f"not JSON ({_short(error)})")
            return False
        if not isinstance(item, dict):
            self.refuse("not a JSON object")
            return False
        self._keep_definition(item)
        fact = fact_of(item)
        if isinstance(fact, Fact):
            self.result.facts.append(fact)
            return True
        if fact:
            self.refuse(fact)
        else:
            self.result.other += 1
        return False

    def _keep_definition(self, item: dict[str, Any]) -> None:
        activity = item.get("object")
        if isinstance(activity, dict) and isinstance(activity.get("id"), str):
            definition = activity.get("definition")
            if "/node/" in activity["id"] and isinstance(definition, dict):
                self.result.definitions.setdefault(activity["id"], definition)


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) <= 80 else text[:79] + "…"
