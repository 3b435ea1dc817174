"""In-world presentations as text: a group chat, a social media post, an official letter.

Owns how the text player draws a node's chat, post or document in a terminal,
within the report width. It does not decide when they are shown (the player
does) and knows nothing of pixels (the GUI draws its own).
"""

from __future__ import annotations

import textwrap

from game.core.model import PLAYER_SENDER, Chat, Document, Post, Presentation, Scenario
from game.numbers import grouped
from game.ui.terminal.report import WIDTH

_WORDS = {
    "id": {
        "members": "anggota",
        "you": "Anda",
        "reactions": "reaksi",
        "shares": "dibagikan",
        "comments": "komentar",
        "number": "Nomor",
        "date": "Tanggal",
        "to": "Yth.",
        "subject": "Perihal",
        "group": "Grup",
        "post": "Unggahan",
    },
    "en": {
        "members": "members",
        "you": "You",
        "reactions": "reactions",
        "shares": "shares",
        "comments": "comments",
        "number": "Number",
        "date": "Date",
        "to": "To",
        "subject": "Subject",
        "group": "Group",
        "post": "Post",
    },
}


def render_presentation(presentation: Presentation, scenario: Scenario, lang: str = "id") -> str:
    """The presentation as lines of text no wider than the report."""
    words = _WORDS.get(lang, _WORDS["id"])
    if isinstance(presentation, Chat):
        return _chat(presentation, scenario, lang, words)
    if isinstance(presentation, Post):
        return _post(presentation, scenario, lang, words)
    return _document(presentation, lang, words)


def _fill(text: str, indent: str, width: int = WIDTH) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(
            textwrap.wrap(
                " ".join(paragraph.split()), width, initial_indent=indent, subsequent_indent=indent
            )
            or [indent.rstrip()]
        )
    return lines


def _name(author: str, scenario: Scenario) -> str:
    character = scenario.characters.get(author)
    return character.name if character is not None else author


def _chat(chat: Chat, scenario: Scenario, lang: str, words: dict[str, str]) -> str:
    members = f" · {chat.members} {words['members']}" if chat.members else ""
    lines = [f"┌ {words['group']}: {chat.title.get(lang)}{members}"]
    for message in chat.messages:
        is_mine = message.sender == PLAYER_SENDER
        sender = words["you"] if is_mine else _name(message.sender, scenario)
        time = f" {message.time}" if message.time else ""
        indent = "│      " if is_mine else "│ "
        lines.append(f"{indent}{sender}{time}:")
        lines.extend(_fill(message.text.get(lang), indent + "  "))
    lines.append("└" + "─" * 20)
    return "\n".join(lines)


def _post(post: Post, scenario: Scenario, lang: str, words: dict[str, str]) -> str:
    handle = f" {post.handle}" if post.handle else ""
    time = f" · {post.time}" if post.time else ""
    lines = [f"┌ {words['post']}: {_name(post.author, scenario)}{handle}{time}"]
    lines.extend(_fill(post.text.get(lang), "│ "))
    counts = [
        f"{grouped(value, lang)} {words[key]}"
        for key, value in (
            ("reactions", post.reactions),
            ("shares", post.shares),
            ("comments", post.comments),
        )
        if value is not None
    ]
    if counts:
        lines.append("│ " + " · ".join(counts))
    lines.append("└" + "─" * 20)
    return "\n".join(lines)


def _document(document: Document, lang: str, words: dict[str, str]) -> str:
    rule = "═" * (WIDTH - 2)
    lines = [f"╔{rule}"]
    if document.letterhead is not None:
        lines.extend(_fill(document.letterhead.get(lang).upper(), "║ "))
        lines.append(f"╟{'─' * (WIDTH - 2)}")
    for label, value in (("number", document.number), ("date", document.date)):
        if value:
            lines.append(f"║ {words[label]}: {value}")
    if document.to is not None:
        lines.extend(_fill(f"{words['to']} {document.to.get(lang)}", "║ "))
    lines.extend(_fill(f"{words['subject']}: {document.subject.get(lang)}", "║ "))
    lines.append("║")
    lines.extend(_fill(document.body.get(lang), "║ "))
    if document.signature_name:
        lines.append("║")
        role = document.signature_role.get(lang) if document.signature_role else ""
        for line in (role, document.signature_name):
            if line:
                lines.append("║" + line.rjust(WIDTH - 2))
    lines.append(f"╚{rule}")
    return "\n".join(lines)
