"""Perekat's own statement lines, read piece by piece: the fast path of ``statement_files``.

Owns recognising a line as Perekat's recorder writes it (compact JSON, keys in
the builder's order: id, actor, verb, object, result, context, timestamp,
version) and turning it into a ``Fact`` without parsing all of it. The line is
cut at those keys into members; each member is checked as exact JSON, by a
pattern that only JSON matches (the id, the registration, the timestamp and
version) or by being byte for byte a member already parsed (the actor, the
verb, the decision's activity with its long definition, the result, the rest
of the context: the same for many statements). A line whose every member is
sound JSON is a sound JSON object, and the facts are those ``fact_of`` reads
from the whole (through the same helpers, remembered per member); for anything
else ``NotCompact`` is raised, and the caller parses the line whole.

It reads no files and keeps at most ``LIMIT`` remembered members of each kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from game.classroom.facts import (
    SCENARIO,
    Fact,
    actor_of,
    context_facts,
    kind_of,
    result_facts,
)

LIMIT = 20_000
_HEAD = re.compile(rb'\{"id":"([0-9a-fA-F-]{36})","actor":')
_REGISTRATION = re.compile(rb'"registration":"([0-9a-fA-F-]{36})",')
_TAIL = re.compile(rb',"timestamp":"([0-9T:.Z+-]{10,40})","version":"1\.0\.[0-9]{1,3}"\}')
_VERB, _OBJECT, _RESULT, _CONTEXT = b',"verb":', b',"object":', b',"result":', b',"context":'
_TIMESTAMP = b',"timestamp":'
_ID = b'"id":"'
_Target = tuple[str, str] | None  # (scenario, node or "") of an object in a Perekat scenario
_UNKNOWN = object()  # not in a cache (where None is a value)
_new = tuple.__new__  # builds a Fact from a tuple in C: Fact(...) runs a Python __new__


class NotCompact(Exception):
    """The line is not (or not wholly) in the compact form: parse it whole."""


class CompactLines:
    """Remembers members already parsed; ``fact`` reads a line through them, or returns None."""

    def __init__(self) -> None:
        self.actors: dict[bytes, Any] = {}  # actor member -> (session, pseudonym) or None
        self.verbs: dict[bytes, Any] = {}  # verb member -> kind
        self.contexts: dict[bytes, Any] = {}  # context after the registration -> its facts
        self.results: dict[tuple[str, str, bytes], Any] = {}  # kind, node, member -> facts
        self.objects: dict[bytes, tuple[bytes, _Target, int]] = {}  # IRI -> member, target, len
        self.registrations: dict[bytes, str] = {}  # one string per play: smaller to send
        self.definitions: dict[str, dict[str, Any]] = {}  # decision IRI -> its definition

    def fact(self, line: bytes) -> Fact:
        """The line's facts, as ``fact_of`` gives them; NotCompact when not in compact form
        (or when it is a kind ``fact_of`` should judge: voided, refused, not Perekat's)."""
        head = _HEAD.match(line)
        tail_at = line.rfind(_TIMESTAMP)
        if head is None or tail_at < 0:
            raise NotCompact
        tail = _TAIL.fullmatch(line, tail_at)
        verb_at = line.find(_VERB, head.end())
        object_at = line.find(_OBJECT, verb_at + 1) if verb_at >= 0 else -1
        if tail is None or object_at < 0:
            raise NotCompact
        # The hits of the caches are looked up here rather than through _derived: this runs
        # once a line, and each call saved is a few percent of the whole class report.
        actor = line[head.end() - 8 : verb_at]
        who = self.actors.get(actor, _UNKNOWN)
        if who is _UNKNOWN:
            who = self._derived(self.actors, actor, "actor", actor_of)
        verb = line[verb_at + 1 : object_at]
        kind = self.verbs.get(verb) or self._derived(self.verbs, verb, "verb", kind_of)
        start = object_at + 1  # the object: known by its IRI and byte for byte, or parsed
        opened = line.find(_ID, start, start + 80)
        closed = line.find(b'"', opened + len(_ID)) if opened >= 0 else -1
        if closed < 0:
            raise NotCompact
        iri = line[opened + len(_ID) : closed]
        known = self.objects.get(iri)
        if known is not None and line.startswith(known[0], start):
            end, target = start + known[2], known[1]
        else:
            end, target = self._learn_object(line, start, iri)
        result = b""
        if line.startswith(_RESULT, end):
            context_at = line.find(_CONTEXT, end + 1)
            if context_at < 0:
                raise NotCompact
            result = line[end + 1 : context_at]
        elif line.startswith(_CONTEXT, end):
            context_at = end
        else:
            raise NotCompact
        registration = _REGISTRATION.match(line, context_at + 12)
        if (
            who is None
            or not kind
            or kind == "voided"
            or registration is None
            or registration.end() >= tail_at
            or not line.startswith(b'"context":{', context_at + 1)
            or line[tail_at - 1] != 0x7D  # the context closes right before the timestamp
            or target is None
        ):
            raise NotCompact
        others = line[registration.end() : tail_at - 1]
        found = self.contexts.get(others)
        if found is None:
            found = self._derived(self.contexts, others, "", context_facts)
        group, revision, decision, members, facilitated = found
        scenario_id, node_id = target
        said = self.results.get((kind, node_id, result))
        if said is None:
            said = self._result(kind, node_id, result)
        if isinstance(said, str):
            raise NotCompact
        # decided_of, inlined (a call per line): most lines have no reason, members or vote
        vote = said[4] if facilitated else ()
        decided = (said[3], members, vote) if said[3] or members or vote else ()
        raw = registration.group(1)
        play = self.registrations.get(raw) or self._registration(raw)
        return _new(Fact, (
            kind, head.group(1).decode(), play, scenario_id, who[0], who[1], group,
            tail.group(1).decode(), node_id, said[0], decision if kind == "answered" else 0,
            said[1], said[2], revision, decided,
        ))  # fmt: skip

    def _registration(self, raw: bytes) -> str:
        """The registration as text, one string object per play (pickled once per chunk)."""
        if len(self.registrations) >= LIMIT:
            self.registrations.clear()
        text = self.registrations[raw] = raw.decode()
        return text

    def _derived(
        self, cache: dict[bytes, Any], piece: bytes, key: str, derive: Callable[[Any], Any]
    ) -> Any:
        """``derive`` of the member ``piece`` (its value at ``key``; "" for all of it), once."""
        if piece in cache:
            return cache[piece]
        parsed = self._member(piece)
        found = derive(parsed.get(key) if key else parsed)
        if len(cache) >= LIMIT:
            cache.clear()
        cache[piece] = found
        return found

    def _result(self, kind: str, node_id: str, piece: bytes) -> Any:
        """What ``result_facts`` makes of the result member ``piece`` (a reason or the facts)."""
        parsed = self._member(piece).get("result") if piece else None
        said = result_facts(kind, node_id, parsed)
        if len(self.results) >= LIMIT:
            self.results.clear()
        self.results[kind, node_id, piece] = said
        return said

    def _member(self, piece: bytes) -> dict[str, Any]:
        """``piece`` (``"key":value``) as {key: value}; NotCompact when it is not JSON."""
        try:
            parsed = json.loads(b"{" + piece + b"}")
        except (ValueError, RecursionError):
            raise NotCompact from None
        return parsed  # type: ignore[no-any-return]

    def _learn_object(self, line: bytes, start: int, iri: bytes) -> tuple[int, _Target]:
        """Parse the object member where it starts; remember it (and its target) by its IRI."""
        prefix = b'"object":'
        if not line.startswith(prefix, start):
            raise NotCompact
        try:
            text = line[start + len(prefix) :].decode("utf-8")
            value, length = json.JSONDecoder().raw_decode(text)
        except (ValueError, RecursionError):
            raise NotCompact from None
        member = line[start : start + len(prefix) + len(text[:length].encode("utf-8"))]
        if not isinstance(value, dict):
            raise NotCompact
        target_id = value.get("id")
        target: _Target = None
        if isinstance(target_id, str) and target_id.startswith(SCENARIO):
            scenario_id, _, node_id = target_id[len(SCENARIO) :].partition("/node/")
            target = scenario_id, node_id
        if len(self.objects) >= LIMIT:
            self.objects.clear()
        self.objects[iri] = (member, target, len(member))
        definition = value.get("definition")
        if b"/node/" in iri and isinstance(definition, dict):
            self.definitions.setdefault(str(value.get("id")), definition)
        return start + len(member), target
