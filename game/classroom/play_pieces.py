"""A class's results read as plays: each reader process groups its piece of a file into plays.

Owns ``read_piece`` (in a reader process: one chunk's facts grouped into finished
plays by the ``plays`` rules, with every statement id, the ids its voids retract
and where each play's lines lie) and ``PlayMerge`` (in the report's process:
the plays of all pieces, exactly as if every statement had been gathered in one
place first). A play is taken as its reader finished it when its statements
meet in no other piece. A play that goes on in another piece (a chunk boundary
cut it), holds a statement id read elsewhere too (a file copied twice), or loses
a statement to a void read in another piece is read again, statement by
statement, from where its lines lie, and built the way statement-by-statement
records build plays (the first copy of an id wins; a void retracts wherever it
is). An id both a void and a fact somewhere, read twice, makes ``exact`` false:
the caller then reads every statement one by one.

Sending finished plays instead of every statement is what makes the class
report fast: the report's process merges about 20,000 plays, not 250,000
statements (docs/performance.md).

It does not tally (``aggregate``) and parses no line itself (``statement_files``).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import Any

from game.classroom.facts import Fact
from game.classroom.plays import Play, PlayKey, PlaySummary, plays_of
from game.classroom.statement_files import Chunk, read_chunk, read_chunks
from game.collector import collector_paused

_ID = itemgetter(1)  # Fact.statement_id


@dataclass
class Piece:
    """One chunk's plays and what is needed to merge them with the other chunks'."""

    chunk: Chunk
    lines: int = 0
    other: int = 0
    skipped: int = 0
    reasons: list[tuple[int, str]] = field(default_factory=list)
    definitions: dict[str, dict[str, Any]] = field(default_factory=dict)
    plays: list[tuple[PlayKey, PlaySummary, int, int]] = field(default_factory=list)  # key,
    # the play, where its first and last lines start
    ids: str = ""  # every fact's statement id in order, a newline between
    owners: bytes = b""  # array("i"): for each id, its play's index in ``plays`` (-1: none)
    voided: list[str] = field(default_factory=list)  # ids this piece's voids retract
    strays: list[str] = field(default_factory=list)  # of them, ids not read in this piece
    void_ids: list[str] = field(default_factory=list)  # the voids' own ids

    def statement_ids(self) -> list[str]:
        return self.ids.split("\n") if self.ids else []

    def owner_indices(self) -> array[int]:
        found = array("i")
        found.frombytes(self.owners)
        return found


@collector_paused()
def read_piece(chunk: Chunk) -> Piece:
    """Read ``chunk`` and group its facts into plays (a reader process's whole job)."""
    result = read_chunk(chunk, positions=True)
    piece = Piece(
        chunk, result.lines, result.other, result.skipped, result.reasons, result.definitions
    )
    facts, starts = result.facts, result.starts or []
    ids = list(map(_ID, facts))
    voids = [fact for fact in facts if fact.kind == "voided"]
    piece.voided = [fact.value for fact in voids]
    piece.void_ids = list(map(_ID, voids))
    here = set(ids)
    piece.strays = [target for target in piece.voided if target not in here]
    retracted = here.intersection(piece.voided)
    joined = "\n".join(ids)
    if joined.count("\n") != max(len(ids) - 1, 0):
        raise ValueError("a statement id holds a newline")  # not from a compact line: see merge
    piece.ids = joined
    plays: dict[PlayKey, list[Any]] = {}  # key -> [play, first start, last start, index]
    owners = array("i")
    seen: set[str] = set()
    for fact, start in zip(facts, starts, strict=True):
        statement_id = fact.statement_id
        if fact.kind == "voided" or statement_id in retracted or statement_id in seen:
            seen.add(statement_id)
            owners.append(-1)
            continue
        seen.add(statement_id)
        key = (fact.scenario_id, fact.registration)
        entry = plays.get(key)
        if entry is None:
            play = Play(fact.registration, fact.session, fact.pseudonym, fact.group)
            entry = plays[key] = [play, start, start, len(plays)]
        entry[0].add(fact)
        entry[2] = start
        owners.append(entry[3])
    piece.owners = owners.tobytes()
    piece.plays = [
        (key, play.summary(), first, last) for key, (play, first, last, _) in plays.items()
    ]
    return piece


def read_pieces(chunks: list[Chunk], workers: int | None) -> Iterator[Piece | None]:
    """Each chunk read as a ``Piece``; None for a chunk whose ids cannot travel joined."""
    return read_chunks(chunks, workers, _read_piece_or_none)


def _read_piece_or_none(chunk: Chunk) -> Piece | None:
    try:
        return read_piece(chunk)
    except ValueError:
        return None


@dataclass
class PlayMerge:
    """The plays of every piece, added in chunk order, then ``finish``-ed."""

    pieces: list[Piece] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # every distinct statement id
    voids: dict[str, str] = field(default_factory=dict)  # a void's id -> what it retracts
    exact: bool = True  # False: read every statement one by one instead
    twice: bool = False  # some id was read twice
    where: dict[PlayKey, list[int]] = field(default_factory=dict)  # key -> pieces holding it
    kept: dict[PlayKey, PlaySummary | None] = field(default_factory=dict)  # None: read again

    def add(self, piece: Piece | None) -> None:
        if piece is None:
            self.exact = False
            return
        at = len(self.pieces)
        self.pieces.append(piece)
        ids = piece.statement_ids()
        before = len(self.seen)
        self.seen.update(ids)
        self.twice = self.twice or len(self.seen) - before != len(ids)
        for void_id, target in zip(piece.void_ids, piece.voided, strict=True):
            if self.voids.setdefault(void_id, target) != target:
                self.exact = False  # two voids with one id retract different statements
        where, kept = self.where, self.kept
        for key, play, _, _ in piece.plays:
            holders = where.get(key)
            if holders is None:
                where[key] = [at]
                kept[key] = play
            else:
                holders.append(at)
                kept[key] = None  # it goes on in another piece

    @property
    def voided(self) -> set[str]:
        """The ids the voids retract (a void read twice, once)."""
        return set(self.voids.values())

    def finish(self) -> Iterable[tuple[PlayKey, PlaySummary]]:
        """Every play, in the order first read; plays touched by other pieces read again."""
        if not self.exact:
            return []
        self._mark_troubled()
        if not self.exact:
            return []
        again = self._read_again([key for key, play in self.kept.items() if play is None])
        return (
            (key, play or again[key]) for key, play in self.kept.items() if play or key in again
        )

    def _mark_troubled(self) -> None:
        """Plays holding an id read twice or retracted by a void in another piece: read again."""
        strays = {target for piece in self.pieces for target in piece.strays} & self.seen
        if not (self.twice or strays):
            return
        counts: Counter[str] = Counter()
        if self.twice:
            for piece in self.pieces:
                counts.update(piece.statement_ids())
        twice = {statement_id for statement_id, count in counts.items() if count > 1}
        void_counts = Counter(void_id for piece in self.pieces for void_id in piece.void_ids)
        if any(counts[void_id] != void_counts[void_id] for void_id in twice & void_counts.keys()):
            self.exact = False  # an id that is a void in one place and a fact in another
            return
        wanted = twice | strays
        for piece in self.pieces:
            ids = piece.statement_ids()
            if wanted.isdisjoint(ids):
                continue
            for statement_id, owner in zip(ids, piece.owner_indices(), strict=True):
                if owner >= 0 and statement_id in wanted:
                    self.kept[piece.plays[owner][0]] = None

    def _read_again(self, keys: list[PlayKey]) -> dict[PlayKey, PlaySummary]:
        """The plays ``keys`` built statement by statement from where their lines lie."""
        if not keys:
            return {}
        wanted = set(keys)
        spans: list[Chunk] = []
        for piece in self.pieces:
            ranges = [(first, last) for key, _, first, last in piece.plays if key in wanted]
            spans += _joined_spans(piece.chunk.path, ranges)
        distinct: dict[str, Fact] = {}
        for result in read_chunks(spans, workers=1):
            for fact in compress(result.facts, _in_keys(result.facts, wanted)):
                distinct.setdefault(fact.statement_id, fact)
        plays = plays_of(distinct.values(), self.voided)
        return {key: play.summary() for key, play in plays.items()}


def _in_keys(facts: list[Fact], keys: set[PlayKey]) -> list[bool]:
    return [(fact.scenario_id, fact.registration) in keys for fact in facts]


def _joined_spans(path: str, ranges: list[tuple[int, int]]) -> list[Chunk]:
    """Chunks covering the lines that start in each [first, last] range, overlaps joined."""
    joined: list[list[int]] = []
    for first, last in sorted(ranges):
        if joined and first <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], last + 1)
        else:
            joined.append([first, last + 1])
    return [Chunk(path, first, end) for first, end in joined]
