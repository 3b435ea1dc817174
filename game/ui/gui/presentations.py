"""In-world presentations drawn as the world shows them: a group chat, a post, a letter.

Owns the pixels of a node's chat (header with member count, incoming bubbles
left on white with per-sender name colours, the player's own bubbles right on
green, small grey times and read ticks), social post (avatar, name, handle,
time, text, reaction/share/comment counts) and official document (a paper sheet
with letterhead band, number, date, subject, body, signature block; never a real
emblem), each fitted into a given rectangle. Layout of the play screen is the
play scene's.
"""

from __future__ import annotations

import pygame

from game.core.model import PLAYER_SENDER, Chat, Document, Post, Presentation, Scenario
from game.numbers import grouped
from game.persistence.settings import Settings
from game.ui.gui import theme
from game.ui.gui.strings import tr

PAD = 16
# Okabe-Ito-friendly, readable on white: sender names cycle through these.
SENDER_COLOURS = ("#B35900", "#0072B2", "#007A5A", "#AA3377", "#6A4C93", "#8A6D00")


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of ``text`` that fit ``width`` pixels in ``font`` (explicit newlines kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        line = ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if font.size(candidate)[0] <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _blit_lines(
    surface: pygame.Surface,
    font: pygame.font.Font,
    lines: list[str],
    colour: pygame.Color,
    x: int,
    y: int,
    right: int | None = None,
) -> int:
    """Draw lines from (x, y); returns the y below them."""
    step = round(font.get_linesize() * 1.15)
    for line in lines:
        image = font.render(line, True, colour)
        surface.blit(image, (right - image.get_width() if right is not None else x, y))
        y += step
    return y


TALLEST = 4000
FIRST_TRY = 1024  # most presentations fit; a taller one is drawn again at its own height
FRAME_EDGE = 32  # the frame's bottom edge and corners lie this far below the content


def render_presentation(
    item: Presentation, width: int, scenario: Scenario, settings: Settings
) -> pygame.Surface:
    """``item`` drawn at ``width`` and as tall as its content (the caller scrolls it).

    The frame (chat background, post card, paper sheet) is drawn to the bottom of the
    surface and cut just under the content, so its bottom edge never shows.
    """
    height = FIRST_TRY
    while True:
        tall = pygame.Surface((width, height), pygame.SRCALPHA)
        rect = tall.get_rect()
        if isinstance(item, Chat):
            bottom = _chat(tall, rect, item, scenario, settings)
        elif isinstance(item, Post):
            bottom = _post(tall, rect, item, scenario, settings)
        else:
            bottom = _document(tall, rect, item, settings)
        cut = min(TALLEST, bottom + PAD)
        if cut + FRAME_EDGE <= height or height == TALLEST:
            return tall.subsurface((0, 0, width, cut)).copy()
        height = min(TALLEST, cut + FRAME_EDGE)  # too short: draw once more, tall enough


def _name(author: str, scenario: Scenario) -> str:
    character = scenario.characters.get(author)
    return character.name if character is not None else author


def _chat(
    surface: pygame.Surface, rect: pygame.Rect, chat: Chat, scenario: Scenario, settings: Settings
) -> int:
    colours, lang = theme.palette(settings), settings.lang
    body = theme.font(settings, "small")
    bold = theme.font(settings, "small", bold=True)
    header_colour = theme.rgb("#075E54" if not settings.high_contrast else "#000000")
    pygame.draw.rect(
        surface,
        theme.rgb("#ECE5DD" if not settings.high_contrast else "#000000"),
        rect,
        border_radius=16,
    )
    header = pygame.Rect(rect.x, rect.y, rect.width, 64)
    pygame.draw.rect(
        surface, header_colour, header, border_top_left_radius=16, border_top_right_radius=16
    )
    white = theme.rgb("#FFFFFF")
    pygame.draw.circle(surface, theme.rgb("#B2DFDB"), (header.x + 34, header.centery), 18)
    surface.blit(bold.render(chat.title.get(lang), True, white), (header.x + 64, header.y + 10))
    if chat.members:
        members = tr(lang, "members", n=chat.members)
        surface.blit(
            body.render(members, True, theme.rgb("#D0E8E4")), (header.x + 64, header.y + 34)
        )
    senders = [m.sender for m in chat.messages if m.sender != PLAYER_SENDER]
    order = list(dict.fromkeys(senders))
    y = header.bottom + 12
    for message in chat.messages:
        mine = message.sender == PLAYER_SENDER
        width = int(rect.width * 0.78)
        lines = wrap(body, message.text.get(lang), width - 2 * PAD)
        name = "" if mine else _name(message.sender, scenario)
        line_step = round(body.get_linesize() * 1.15)
        height = PAD + (line_step if name else 0) + len(lines) * line_step + line_step
        bubble = pygame.Rect(0, y, width, height)
        if mine:
            bubble.right = rect.right - 12
        else:
            bubble.left = rect.x + 12
        fill = colours.bubble_out if mine else colours.bubble_in
        pygame.draw.rect(surface, theme.rgb(fill), bubble, border_radius=12)
        if settings.high_contrast:
            pygame.draw.rect(surface, theme.rgb(colours.ink), bubble, 1, border_radius=12)
        text_y = bubble.y + PAD // 2
        if name:
            index = order.index(message.sender) % len(SENDER_COLOURS)
            name_colour = SENDER_COLOURS[index] if not settings.high_contrast else colours.focus
            surface.blit(bold.render(name, True, theme.rgb(name_colour)), (bubble.x + PAD, text_y))
            text_y += line_step
        text_y = _blit_lines(surface, body, lines, theme.rgb(colours.ink), bubble.x + PAD, text_y)
        stamp = message.time or ""
        right = bubble.right - PAD
        if mine:
            _ticks(surface, (right - 22, text_y + 2), theme.rgb(colours.tolerate))
            right -= 28
        if stamp:
            surface.blit(
                body.render(stamp, True, theme.rgb(colours.muted)),
                (right - body.size(stamp)[0], text_y - 4),
            )
        y = bubble.bottom + 8
    return y


def _ticks(surface: pygame.Surface, at: tuple[int, int], colour: pygame.Color) -> None:
    """Two small read ticks, drawn (the font has no check mark)."""
    x, y = at
    for offset in (0, 7):
        pygame.draw.lines(
            surface,
            colour,
            False,
            [(x + offset, y + 6), (x + offset + 4, y + 10), (x + offset + 12, y)],
            2,
        )


def _post(
    surface: pygame.Surface, rect: pygame.Rect, post: Post, scenario: Scenario, settings: Settings
) -> int:
    colours, lang = theme.palette(settings), settings.lang
    body = theme.font(settings, "body")
    small = theme.font(settings, "small")
    bold = theme.font(settings, "small", bold=True)
    card = rect.inflate(-8, -8)
    pygame.draw.rect(surface, theme.rgb(colours.panel), card, border_radius=16)
    pygame.draw.rect(surface, theme.rgb(colours.muted), card, 1, border_radius=16)
    avatar = (card.x + PAD + 24, card.y + PAD + 24)
    pygame.draw.circle(surface, theme.rgb(colours.tolerate), avatar, 24)
    initial = _name(post.author, scenario)[:1].upper()
    letter = bold.render(initial, True, theme.rgb("#FFFFFF"))
    surface.blit(letter, letter.get_rect(center=avatar))
    surface.blit(
        bold.render(_name(post.author, scenario), True, theme.rgb(colours.ink)),
        (card.x + PAD + 60, card.y + PAD + 2),
    )
    meta = " · ".join(part for part in (post.handle, post.time) if part)
    if meta:
        surface.blit(
            small.render(meta, True, theme.rgb(colours.muted)),
            (card.x + PAD + 60, card.y + PAD + 24),
        )
    lines = wrap(body, post.text.get(lang), card.width - 2 * PAD)
    y = _blit_lines(surface, body, lines, theme.rgb(colours.ink), card.x + PAD, card.y + 80)
    counts = []
    for key, value in (
        ("reactions", post.reactions),
        ("shares", post.shares),
        ("comments", post.comments),
    ):
        if value is not None:
            counts.append(tr(lang, key, n=grouped(value, lang)))
    if counts:
        y += 8
        pygame.draw.line(
            surface, theme.rgb(colours.locked), (card.x + PAD, y), (card.right - PAD, y)
        )
        surface.blit(
            small.render("   ·   ".join(counts), True, theme.rgb(colours.muted)),
            (card.x + PAD, y + 10),
        )
        y += 10 + small.get_linesize()
    return y + 8


def _document(
    surface: pygame.Surface, rect: pygame.Rect, document: Document, settings: Settings
) -> int:
    colours, lang = theme.palette(settings), settings.lang
    small = theme.font(settings, "small")
    bold = theme.font(settings, "small", bold=True)
    sheet = rect.inflate(-16, -8)
    shadow = sheet.move(6, 6)
    pygame.draw.rect(
        surface,
        theme.rgb("#BDB6A8" if not settings.high_contrast else "#333333"),
        shadow,
        border_radius=4,
    )
    pygame.draw.rect(surface, theme.rgb(colours.paper), sheet, border_radius=4)
    ink = theme.rgb(colours.ink)
    y = sheet.y + PAD
    if document.letterhead is not None:
        head = document.letterhead.get(lang).upper().split("\n")
        for line in head:
            image = bold.render(line, True, ink)
            surface.blit(image, image.get_rect(midtop=(sheet.centerx, y)))
            y += round(bold.get_linesize() * 1.1)
        y += 4
        pygame.draw.line(surface, ink, (sheet.x + PAD, y), (sheet.right - PAD, y), 3)
        pygame.draw.line(surface, ink, (sheet.x + PAD, y + 5), (sheet.right - PAD, y + 5), 1)
        y += 16
    inner = sheet.width - 2 * PAD
    for label, value in (("number", document.number), ("date", document.date)):
        if value:
            y = _blit_lines(surface, small, [f"{tr(lang, label)}: {value}"], ink, sheet.x + PAD, y)
    if document.to is not None:
        y = _blit_lines(
            surface,
            small,
            wrap(small, f"{tr(lang, 'to')} {document.to.get(lang)}", inner),
            ink,
            sheet.x + PAD,
            y,
        )
    subject = f"{tr(lang, 'subject')}: {document.subject.get(lang)}"
    y = _blit_lines(surface, bold, wrap(bold, subject, inner), ink, sheet.x + PAD, y + 4)
    y = _blit_lines(
        surface, small, wrap(small, document.body.get(lang), inner), ink, sheet.x + PAD, y + 8
    )
    if document.signature_name:
        y += 12
        role = document.signature_role.get(lang) if document.signature_role else ""
        right = sheet.right - PAD
        lines = [line for line in (role, "", document.signature_name) if line is not None]
        y = _blit_lines(surface, small, lines, ink, 0, y, right=right)
    return y
