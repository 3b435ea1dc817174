"""Build the frozen model from a validated scenario document.

Owns the mapping from plain data to ``game.core.model`` objects, conditions
parsed once here. It assumes the document passed the schema and semantic
checks (``loader`` only calls it then) and skips ``x-`` extension keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from game.core.expressions import parse_condition
from game.core.model import (
    AddEffect,
    Character,
    Chat,
    ChatMessage,
    Choice,
    Document,
    Ending,
    Node,
    Post,
    Presentation,
    Scenario,
    SetEffect,
    Text,
    Value,
    Violation,
)


def _text(value: Any) -> Text:
    if isinstance(value, str):
        return Text.of(value)
    return Text.of({key: item for key, item in value.items()})


def _optional_text(value: Any) -> Text | None:
    return None if value is None else _text(value)


def _own(mapping: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (mapping or {}).items() if not k.startswith("x-")}


def build_scenario(data: Mapping[str, Any], source: str, content_hash: str) -> Scenario:
    """The Scenario that ``data`` (already validated) describes."""
    variables: dict[str, Value] = _own(data.get("variables"))
    variable_types = {name: type(value) for name, value in variables.items()}
    raw_nodes = _own(data["nodes"])
    nodes = {
        node_id: _node(node_id, node, variable_types, raw_nodes)
        for node_id, node in raw_nodes.items()
    }
    characters = {
        character_id: Character(character_id, item["name"], _optional_text(item.get("role")))
        for character_id, item in _own(data.get("characters")).items()
    }
    return Scenario(
        scenario_id=data["id"],
        title=_text(data["title"]),
        start=data["start"],
        nodes=MappingProxyType(nodes),
        format=data["format"],
        summary=_optional_text(data.get("summary")),
        minutes=data.get("minutes"),
        tags=tuple(data.get("tags", ())),
        variables=tuple(variables.items()),
        characters=MappingProxyType(characters),
        source=source,
        content_hash=content_hash,
        background=data.get("background"),
    )


def _node(
    node_id: str, data: Mapping[str, Any], variable_types: dict[str, type], nodes: Mapping[str, Any]
) -> Node:
    ending = data.get("ending")
    return Node(
        node_id=node_id,
        text=_text(data["text"]),
        speaker=data.get("speaker"),
        show_locked=bool(data.get("show_locked", False)),
        choices=tuple(_choice(item, variable_types, nodes) for item in data.get("choices", ())),
        next=data.get("next"),
        ending=None if ending is None else Ending(_text(ending["title"]), ending.get("kind")),
        background=data.get("background"),
        presentation=_presentation(data),
        discussion=tuple(_text(item) for item in data.get("discussion", ())),
        facilitator=_text(data["facilitator"]) if "facilitator" in data else None,
    )


def _presentation(data: Mapping[str, Any]) -> Presentation | None:
    kind = data.get("kind")
    if kind == "chat":
        chat = data["chat"]
        messages = tuple(
            ChatMessage(item["from"], _text(item["text"]), item.get("time"))
            for item in chat["messages"]
        )
        return Chat(_text(chat["title"]), messages, chat.get("members"))
    if kind == "post":
        post = data["post"]
        return Post(
            author=post["author"],
            text=_text(post["text"]),
            handle=post.get("handle"),
            time=post.get("time"),
            reactions=post.get("reactions"),
            shares=post.get("shares"),
            comments=post.get("comments"),
        )
    if kind == "document":
        document = data["document"]
        signature = document.get("signature") or {}
        return Document(
            subject=_text(document["subject"]),
            body=_text(document["body"]),
            letterhead=_optional_text(document.get("letterhead")),
            number=document.get("number"),
            date=document.get("date"),
            to=_optional_text(document.get("to")),
            signature_name=signature.get("name"),
            signature_role=_optional_text(signature.get("role")),
        )
    return None


def _choice(
    data: Mapping[str, Any], variable_types: dict[str, type], nodes: Mapping[str, Any]
) -> Choice:
    condition = data.get("if")
    violation = data.get("violation")
    return Choice(
        choice_id=data["id"],
        text=_text(data["text"]),
        goto=data["goto"],
        condition=None if condition is None else parse_condition(condition, variable_types, nodes),
        sets=tuple(SetEffect(name, value) for name, value in data.get("set", {}).items()),
        adds=tuple(AddEffect(name, amount) for name, amount in data.get("add", {}).items()),
        score=tuple(data.get("score", {}).items()),
        feedback=_optional_text(data.get("feedback")),
        violation=None
        if violation is None
        else Violation(
            violation["rule"], violation["severity"], _optional_text(violation.get("text"))
        ),
        notes=tuple(data.get("notes", ())),
    )
