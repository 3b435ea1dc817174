"""Semantic checks of a scenario document: the rules a JSON Schema cannot state.

Owns references (start, goto, next, speaker, visited), node shape (exactly one
of choices/next/ending), duplicate choice ids, variables in conditions and
effects and their types, condition parsing, rating consistency within a
decision, Indonesian and English text, feedback, a 5 for each assessed
competency, loops of linear steps, coverage of the three competencies, and
the learning notes a choice names (the shipped library, loaded only when a
file names one, unless the caller passes the ids it knows).
Written defensively: it runs on documents that may also have schema errors and
skips what is malformed (the schema check reports that). It does not explore
plays (``game.analysis`` does).
"""

from __future__ import annotations

import keyword
from collections.abc import Collection, Iterator
from typing import Any

from game.content.diagnostics import Diagnostic, did_you_mean, make, plain_text_hint
from game.content.schema_check import where
from game.content.wording import detail_in
from game.content.yaml_strict import Document
from game.core.expressions import ConditionError, parse_condition
from game.core.model import COMPETENCIES, PLAYER_SENDER

PRESENTATION_KINDS = ("chat", "post", "document")

_TYPE_NAMES = {
    "id": {int: "bilangan bulat", bool: "boolean (true/false)", str: "teks"},
    "en": {int: "an integer", bool: "a boolean (true/false)", str: "a string"},
}
# Words of the condition language, and Python keywords its parser would trip on.
RESERVED_WORDS = frozenset(keyword.kwlist) | {"true", "false", "visited"}
_CONDITION_CODES = {"syntax": "SCN033", "outside": "SCN034", "type": "SCN035"}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _entries(value: Any) -> Iterator[tuple[str, Any]]:
    """Items of a user-keyed mapping, without ``x-`` extension keys."""
    for key, item in _mapping(value).items():
        if isinstance(key, str) and not key.startswith("x-"):
            yield key, item


def _value_type(value: Any) -> type | None:
    if isinstance(value, bool):
        return bool
    if isinstance(value, int):
        return int
    if isinstance(value, str):
        return str
    return None


class _Checker:
    def __init__(
        self, document: Document, file: str, lang: str, note_ids: Collection[str] | None = None
    ) -> None:
        self._note_ids = note_ids
        self.document = document
        self.data = _mapping(document.data)
        self.file = file
        self.lang = lang
        self.found: list[Diagnostic] = []
        self.nodes = dict(_entries(self.data.get("nodes")))
        self.variables = {
            name: kind
            for name, value in _entries(self.data.get("variables"))
            if (kind := _value_type(value)) is not None
        }
        self.characters = dict(_entries(self.data.get("characters")))

    def add(self, code: str, path: tuple[Any, ...], key: bool = False, **params: Any) -> None:
        locate = self.document.key_position if key else self.document.position
        line, col = locate(path)
        self.found.append(make(code, self.file, line, col, self.lang, **params))

    @property
    def note_ids(self) -> Collection[str]:
        """The learning notes a choice may name (the shipped ones unless given)."""
        if self._note_ids is None:
            from game.content.notes import shipped_note_ids  # read only when a file names one

            self._note_ids = shipped_note_ids()
        return self._note_ids

    def notes(self, choice: dict[str, Any], path: tuple[Any, ...]) -> None:
        """Each id in a choice's ``notes`` names a learning note (SCN026)."""
        named = choice.get("notes")
        for index, note_id in enumerate(named if isinstance(named, list) else []):
            if isinstance(note_id, str) and note_id not in self.note_ids:
                here = path + ("notes", index)
                self.add(
                    "SCN026",
                    here,
                    name=note_id,
                    where=where(here),
                    suggestion=did_you_mean(note_id, sorted(self.note_ids), self.lang),
                )

    def type_name(self, kind: type) -> str:
        return _TYPE_NAMES.get(self.lang, _TYPE_NAMES["id"])[kind]

    def run(self) -> list[Diagnostic]:
        for name, value in _entries(self.data.get("variables")):
            if name in RESERVED_WORDS:
                self.add("SCN017", ("variables", name), key=True, name=name)
            hint = plain_text_hint(value, self.lang)
            if hint:
                self.add("SCN104", ("variables", name), name=name, detail=value, suggestion=hint)
        start = self.data.get("start")
        has_nodes = bool(_mapping(self.data.get("nodes")))  # an empty map has its own error
        if isinstance(start, str) and has_nodes and start not in self.nodes:
            self.reference(start, ("start",))
        self.texts()
        assessed: set[str] = set()
        for node_id, node in self.nodes.items():
            if isinstance(node, dict):
                assessed |= self.node(node_id, node)
        self.step_loops()
        missing = [name for name in COMPETENCIES if name not in assessed]
        if has_nodes and missing:
            self.add("SCN103", (), detail=", ".join(missing))
        return self.found

    def reference(self, target: str, path: tuple[Any, ...]) -> None:
        self.add(
            "SCN020",
            path,
            name=target,
            where=where(path),
            suggestion=did_you_mean(target, self.nodes, self.lang),
        )

    def node(self, node_id: str, node: dict[str, Any]) -> set[str]:
        base = ("nodes", node_id)
        present = [key for key in ("choices", "next", "ending") if key in node]
        if len(present) != 1:
            detail = (
                ", ".join(present) if present else ("tidak ada" if self.lang == "id" else "none")
            )
            self.add("SCN022", base, key=True, name=node_id, detail=detail)
        speaker = node.get("speaker")
        if isinstance(speaker, str) and speaker not in self.characters:
            self.add(
                "SCN021",
                base + ("speaker",),
                name=speaker,
                suggestion=did_you_mean(speaker, self.characters, self.lang),
            )
        target = node.get("next")
        if isinstance(target, str) and target not in self.nodes:
            self.reference(target, base + ("next",))
        self.presentation(node_id, node)
        choices = node.get("choices")
        if not isinstance(choices, list):
            return set()
        return self.decision(node_id, choices)

    def presentation(self, node_id: str, node: dict[str, Any]) -> None:
        """``kind`` and its data key go together; chat senders are characters or ``me``."""
        base = ("nodes", node_id)
        kind = node.get("kind")
        given = [key for key in PRESENTATION_KINDS if key in node]
        if isinstance(kind, str) and kind in PRESENTATION_KINDS and kind not in given:
            self.add("SCN024", base + ("kind",), name=node_id, detail=kind)
        for key in given:
            if key != kind:
                self.add("SCN025", base + (key,), key=True, name=node_id, detail=key)
        chat = _mapping(node.get("chat"))
        messages = chat.get("messages")
        for index, message in enumerate(messages if isinstance(messages, list) else []):
            sender = _mapping(message).get("from")
            if (
                isinstance(sender, str)
                and sender != PLAYER_SENDER
                and (sender not in self.characters)
            ):
                options = [*self.characters, PLAYER_SENDER]
                self.add(
                    "SCN021",
                    base + ("chat", "messages", index, "from"),
                    name=sender,
                    suggestion=did_you_mean(sender, options, self.lang),
                )

    def decision(self, node_id: str, choices: list[Any]) -> set[str]:
        base = ("nodes", node_id, "choices")
        seen: set[str] = set()
        rated_sets: list[frozenset[str]] = []
        assessed: set[str] = set()
        best: dict[str, int] = {}
        for index, choice in enumerate(choices):
            if not isinstance(choice, dict):
                continue  # the schema check reports it; no follow-on findings from it
            path = base + (index,)
            choice_id = choice.get("id")
            if isinstance(choice_id, str):
                if choice_id in seen:
                    self.add("SCN023", path + ("id",), name=choice_id, other=node_id)
                seen.add(choice_id)
            goto = choice.get("goto")
            if isinstance(goto, str) and goto not in self.nodes:
                self.reference(goto, path + ("goto",))
            condition = choice.get("if")
            if isinstance(condition, str):
                self.condition(condition, path + ("if",))
            self.effects(choice, path)
            self.notes(choice, path)
            raw_score = _mapping(choice.get("score"))
            score = {
                name: rating
                for name, rating in raw_score.items()
                if name in COMPETENCIES and type(rating) is int
            }
            assessed |= set(score)
            if len(score) == len(raw_score) and isinstance(choice.get("score", {}), dict):
                # only well-formed scores take part (a misspelt one already has its error)
                rated_sets.append(frozenset(score))
            for name, rating in score.items():
                best[name] = max(best.get(name, 0), rating)
            if "feedback" not in choice and isinstance(choice_id, str):
                self.add("SCN101", path, name=choice_id, other=node_id)
        if len(set(rated_sets)) > 1:
            detail = " / ".join(",".join(sorted(s)) or "-" for s in dict.fromkeys(rated_sets))
            self.add("SCN042", ("nodes", node_id), key=True, name=node_id, detail=detail)
            return assessed
        for name, rating in best.items():
            if rating < 5:
                self.add(
                    "SCN102", ("nodes", node_id), key=True, name=node_id, detail=name, other=rating
                )
        return assessed

    def condition(self, source: str, path: tuple[Any, ...]) -> None:
        try:
            parse_condition(source, self.variables, self.nodes)
        except ConditionError as error:
            line, col = self.document.text_position(path, error.offset)
            if error.kind == "variable":
                code, params = (
                    "SCN030",
                    {
                        "name": error.name,
                        "where": where(path),
                        "suggestion": did_you_mean(error.name, self.variables, self.lang),
                    },
                )
            elif error.kind == "node":
                code, params = (
                    "SCN020",
                    {
                        "name": error.name,
                        "where": where(path),
                        "suggestion": did_you_mean(error.name, self.nodes, self.lang),
                    },
                )
            else:
                code = _CONDITION_CODES[error.kind]
                params = {"detail": detail_in(self.lang, error.message)}
            self.found.append(make(code, self.file, line, col, self.lang, **params))

    def effects(self, choice: dict[str, Any], path: tuple[Any, ...]) -> None:
        for name, value in _mapping(choice.get("set")).items():
            here = path + ("set", name)
            declared = self.variables.get(name)
            if declared is None:
                self.undeclared(name, here)
            elif _value_type(value) not in (None, declared):
                self.add(
                    "SCN031",
                    here,
                    name=name,
                    detail=self.type_name(_value_type(value) or str),
                    expected=self.type_name(declared),
                )
        for name in _mapping(choice.get("add")):
            here = path + ("add", name)
            declared = self.variables.get(name)
            if declared is None:
                self.undeclared(name, here)
            elif declared is not int:
                self.add("SCN032", here, key=True, name=name, detail=self.type_name(declared))

    def undeclared(self, name: str, path: tuple[Any, ...]) -> None:
        self.add(
            "SCN030",
            path,
            key=True,
            name=name,
            where=where(path),
            suggestion=did_you_mean(name, self.variables, self.lang),
        )

    def texts(self) -> None:
        for path, value in _texts(self.data):
            if isinstance(value, dict):
                if "id" in value and "en" not in value:
                    self.add("SCN100", path, where=where(path))
            elif isinstance(value, str):
                self.add("SCN100", path, where=where(path))

    def step_loops(self) -> None:
        """Report each cycle made only of linear steps (a play would never stop there)."""
        follow = {
            node_id: node.get("next")
            for node_id, node in self.nodes.items()
            if isinstance(node, dict)
            and isinstance(node.get("next"), str)
            and "choices" not in node
            and "ending" not in node
        }
        settled: set[str] = set()
        for origin in follow:
            trail: list[str] = []
            current: Any = origin
            while current in follow and current not in settled and current not in trail:
                trail.append(current)
                current = follow[current]
            if current in trail:
                loop = trail[trail.index(current) :]
                self.add(
                    "SCN044", ("nodes", loop[0]), key=True, detail=" -> ".join(loop + [loop[0]])
                )
            settled.update(trail)


def _texts(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every TEXT value of the document with its path."""
    for key in ("title", "summary"):
        if key in data:
            yield (key,), data[key]
    for character_id, character in _entries(data.get("characters")):
        if isinstance(character, dict) and "role" in character:
            yield ("characters", character_id, "role"), character["role"]
    for node_id, node in _entries(data.get("nodes")):
        if not isinstance(node, dict):
            continue
        base = ("nodes", node_id)
        if "text" in node:
            yield base + ("text",), node["text"]
        if "facilitator" in node:
            yield base + ("facilitator",), node["facilitator"]
        discussion = node.get("discussion")
        for index, question in enumerate(discussion if isinstance(discussion, list) else []):
            yield base + ("discussion", index), question
        ending = node.get("ending")
        if isinstance(ending, dict) and "title" in ending:
            yield base + ("ending", "title"), ending["title"]
        choices = node.get("choices")
        for index, choice in enumerate(choices if isinstance(choices, list) else []):
            if not isinstance(choice, dict):
                continue
            path = base + ("choices", index)
            for key in ("text", "feedback"):
                if key in choice:
                    yield path + (key,), choice[key]
            violation = choice.get("violation")
            if isinstance(violation, dict) and "text" in violation:
                yield path + ("violation", "text"), violation["text"]
        yield from _presentation_texts(base, node)


def _presentation_texts(
    base: tuple[Any, ...], node: dict[str, Any]
) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """The TEXT values inside a node's chat, post or document."""
    chat = _mapping(node.get("chat"))
    if "title" in chat:
        yield base + ("chat", "title"), chat["title"]
    messages = chat.get("messages")
    for index, message in enumerate(messages if isinstance(messages, list) else []):
        if isinstance(message, dict) and "text" in message:
            yield base + ("chat", "messages", index, "text"), message["text"]
    post = _mapping(node.get("post"))
    if "text" in post:
        yield base + ("post", "text"), post["text"]
    document = _mapping(node.get("document"))
    for key in ("letterhead", "to", "subject", "body"):
        if key in document:
            yield base + ("document", key), document[key]
    signature = _mapping(document.get("signature"))
    if "role" in signature:
        yield base + ("document", "signature", "role"), signature["role"]


def check_semantics(
    document: Document, file: str, lang: str = "id", note_ids: Collection[str] | None = None
) -> list[Diagnostic]:
    """Diagnostics for every semantic rule ``document`` breaks.

    ``note_ids`` are the learning notes choices may name; by default the shipped ones.
    """
    return _Checker(document, file, lang, note_ids).run()
