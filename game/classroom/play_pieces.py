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
from itertools import compress, groupby, repeat
from operator import eq, itemgetter, le, not_
from typing import Any

from game.classroom.facts import Fact
from game.classroom.plays import Play, PlayKey, PlaySummary, plays_of
from game.classroom.statement_files import Chunk, read_chunk, read_chunks
from game.collector import collector_paused

# Fact's fields by position (``itemgetter`` reads them in C)
_KIND, _ID, _REGISTRATION, _SCENARIO = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)
_STAMP, _VALUE, _DECISION = itemgetter(7), itemgetter(9), itemgetter(10)
SPAN_GAP = 1 << 20


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
    owners: bytes = b""  # array("i"): for each id in plays (they come first), its play's index
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
    voids = list(map(eq, map(_KIND, facts), repeat("voided")))
    piece.voided = list(map(_VALUE, compress(facts, voids)))
    piece.void_ids = list(compress(ids, voids))
    here = set(ids)
    piece.strays = [target for target in piece.voided if target not in here]
    keep = _standing(ids, voids, here, here.intersection(piece.voided))
    kept = list(compress(facts, keep))
    kept_ids = list(compress(ids, keep))
    joined = "\n".join(kept_ids + list(compress(ids, map(not_, keep))))  # kept ids first
    if joined.count("\n") != max(len(ids) - 1, 0):
        raise ValueError("a statement id holds a newline")  # not from a compact line: see merge
    piece.ids = joined
    plays: dict[PlayKey, list[Any]] = {}  # key -> [play, first start, last start, index]
    owners = array("i")  # the play of each kept id
    kept_starts = list(compress(starts, keep))
    keys = list(zip(map(_SCENARIO, kept), map(_REGISTRATION, kept), strict=True))
    at = 0
    for key, same in groupby(keys):  # a play's statements mostly follow one another
        length = len(list(same))
        run = kept[at : at + length]
        entry = plays.get(key)
        if entry is None:
            first = run[0]
            play = Play(first.registration, first.session, first.pseudonym, first.group)
            entry = plays[key] = [play, kept_starts[at], 0, len(plays)]
            _fill(play, run)
        else:
            for fact in run:
                entry[0].add(fact)
        at += length
        entry[2] = kept_starts[at - 1]
        owners.extend(repeat(entry[3], length))
    piece.owners = owners.tobytes()
    piece.plays = [
        (key, play.summary(), first, last) for key, (play, first, last, _) in plays.items()
    ]
    return piece


def _standing(ids: list[str], voids: list[bool], here: set[str], retracted: set[str]) -> list[bool]:
    """Which facts go into plays: not a void, not retracted here, the first copy of its id."""
    keep = list(map(not_, voids))
    if retracted:
        keep = [kept and sid not in retracted for kept, sid in zip(keep, ids, strict=True)]
    if len(here) != len(ids):
        first: dict[str, int] = {}
        for at, sid in enumerate(ids):
            first.setdefault(sid, at)
        pairs = enumerate(zip(keep, ids, strict=True))
        keep = [kept and first[sid] == at for at, (kept, sid) in pairs]
    return keep


def _fill(play: Play, run: list[Fact]) -> None:
    """``play.add`` of each fact of ``run`` (one play's, distinct, none a void) into an empty
    play; in C over the run when each kind's (timestamp, id) never goes back, so that the last
    answer at a decision, the last completion and the last reflection are the latest."""
    kinds = list(map(_KIND, run))
    answered = list(compress(run, map(eq, kinds, repeat("answered"))))
    completed = list(compress(run, map(eq, kinds, repeat("completed"))))
    said = list(compress(run, map(eq, kinds, repeat("commented"))))
    if not (_in_order(answered) and _in_order(completed) and _in_order(said)):
        for fact in run:
            play.add(fact)
        return
    numbers = list(map(_DECISION, answered))
    if 0 in numbers:
        play.loose = [fact for fact in answered if not fact.decision]
    play.answers = dict(zip(numbers, answered, strict=True))
    play.answers.pop(0, None)
    play.completed = completed[-1] if completed else None
    play.reflection = said[-1] if said else None
    stamps = list(map(_STAMP, run))
    play.last = max(stamps)
    play.first = min(filter(None, stamps), default="")


def _in_order(facts: list[Fact]) -> bool:
    """Whether (timestamp, id) never goes back along ``facts``."""
    if len(facts) < 2:
        return True
    order = list(zip(map(_STAMP, facts), map(_ID, facts), strict=True))
    return all(map(le, order, order[1:]))


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
    kept: dict[PlayKey, PlaySummary | None] = field(default_factory=dict)  # None: read again

    def add(self, piece: Piece | None) -> None:
        if piece is None:
            self.exact = False
            return
        self.pieces.append(piece)
        ids = piece.statement_ids()
        before = len(self.seen)
        self.seen.update(ids)
        self.twice = self.twice or len(self.seen) - before != len(ids)
        for void_id, target in zip(piece.void_ids, piece.voided, strict=True):
            if self.voids.setdefault(void_id, target) != target:
                self.exact = False  # two voids with one id retract different statements
        kept = self.kept
        for key, play, _, _ in piece.plays:
            kept[key] = None if key in kept else play  # None: it goes on in another piece

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
            owners = piece.owner_indices()  # for the ids in plays, which come first
            for statement_id, owner in zip(ids, owners, strict=False):
                if statement_id in wanted:
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
        for result in read_chunks(spans):  # in parallel when there is much to read again
            for fact in compress(result.facts, _in_keys(result.facts, wanted)):
                distinct.setdefault(fact.statement_id, fact)
        plays = plays_of(distinct.values(), self.voided)
        return {key: play.summary() for key, play in plays.items()}


def _in_keys(facts: list[Fact], keys: set[PlayKey]) -> list[bool]:
    return [(fact.scenario_id, fact.registration) in keys for fact in facts]


def _joined_spans(path: str, ranges: list[tuple[int, int]]) -> list[Chunk]:
    """Chunks covering the lines that start in each [first, last] range, joined when less than
    ``SPAN_GAP`` apart (reading a few lines of other plays costs less than starting again)."""
    joined: list[list[int]] = []
    for first, last in sorted(ranges):
        if joined and first <= joined[-1][1] + SPAN_GAP:
            joined[-1][1] = max(joined[-1][1], last + 1)
        else:
            joined.append([first, last + 1])
    return [Chunk(path, first, end) for first, end in joined]
