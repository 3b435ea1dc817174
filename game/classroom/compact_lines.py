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


class NotCompact(Exception):
    """The line is not (or not wholly) in the compact form: parse it whole."""


class CompactLines:
    """Remembers members already parsed; ``fact`` reads a line through them, or returns None."""

    def __init__(self) -> None:
        self.actors: dict[bytes, Any] = {}  # actor member -> (session, pseudonym) or None
        self.verbs: dict[bytes, Any] = {}  # verb member -> kind
        self.contexts: dict[bytes, Any] = {}  # context after the registration -> its facts
        self.results: dict[bytes, Any] = {}  # kind, node and result member -> its facts
        self.objects: dict[bytes, tuple[bytes, dict[str, Any]]] = {}  # IRI -> member, value
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
        who = self._derived(self.actors, line[head.end() - 8 : verb_at], "actor", actor_of)
        kind = self._derived(self.verbs, line[verb_at + 1 : object_at], "verb", kind_of)
        end, activity = self._object(line, object_at + 1)
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
        context = line[context_at + 1 : tail_at]
        registration = _REGISTRATION.match(context, 11)
        target = activity.get("id")
        if (
            who is None
            or not kind
            or kind == "voided"
            or registration is None
            or not context.startswith(b'"context":{')
            or not context.endswith(b"}")
            or not isinstance(target, str)
            or not target.startswith(SCENARIO)
        ):
            raise NotCompact
        others = context[registration.end() : -1]
        group, revision, decision = self._derived(self.contexts, others, "", context_facts)
        scenario_id, _, node_id = target[len(SCENARIO) :].partition("/node/")
        said = self._result(kind, node_id, result)
        return Fact(
            kind, head.group(1).decode(), registration.group(1).decode(), scenario_id, who[0],
            who[1], group, tail.group(1).decode(), node_id, said[0],
            decision if kind == "answered" else 0, said[1], said[2], revision,
        )  # fmt: skip

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
        key = f"{kind}/{node_id}/".encode() + piece
        if key not in self.results:
            parsed = self._member(piece).get("result") if piece else None
            said = result_facts(kind, node_id, parsed)
            if len(self.results) >= LIMIT:
                self.results.clear()
            self.results[key] = said
        said = self.results[key]
        if isinstance(said, str):
            raise NotCompact
        return said

    def _member(self, piece: bytes) -> dict[str, Any]:
        """``piece`` (``"key":value``) as {key: value}; NotCompact when it is not JSON."""
        try:
            parsed = json.loads(b"{" + piece + b"}")
        except (ValueError, RecursionError):
            raise NotCompact from None
        return parsed  # type: ignore[no-any-return]

    def _object(self, line: bytes, start: int) -> tuple[int, dict[str, Any]]:
        """Where the object member at ``start`` ends, and it parsed: known by its IRI or read."""
        opened = line.find(_ID, start, start + 80)
        closed = line.find(b'"', opened + len(_ID)) if opened >= 0 else -1
        if closed < 0:
            raise NotCompact
        iri = line[opened + len(_ID) : closed]
        known = self.objects.get(iri)
        if known is not None and line.startswith(known[0], start):
            return start + len(known[0]), known[1]
        return self._learn_object(line, start, iri)

    def _learn_object(self, line: bytes, start: int, iri: bytes) -> tuple[int, dict[str, Any]]:
        """Parse the object member where it starts; remember it by its IRI."""
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
        parsed = value
        if len(self.objects) >= LIMIT:
            self.objects.clear()
        self.objects[iri] = (member, parsed)
        definition = value.get("definition")
        if b"/node/" in iri and isinstance(definition, dict):
            self.definitions.setdefault(str(value.get("id")), definition)
        return start + len(member), parsed
