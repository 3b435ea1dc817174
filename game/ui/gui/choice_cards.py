"""A decision's choices as cards: wrapped text (sized by pygame_gui) under a clickable button.

Owns the cards' widgets (the text, "locked" with its reason for a choice not
open, and a transparent button over each card, disabled when locked) and the
layout rule: layouts are tried from the richest down until every choice fits,
beside the presentation above the narration, then with the narration folded
away, then across the whole width with the presentation folded away too. The
play scene decides what a card does and hides what the layout folds away.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UITextBox

from game.core.views import ChoiceView, NodeView
from game.ui.gui import theme
from game.ui.gui.strings import tr

CHOICE_GAP = 12


@dataclass
class ChoiceCards:
    """The cards laid out, and what the layout left on screen."""

    widgets: list[Any] = field(default_factory=list)
    buttons: dict[Any, ChoiceView] = field(default_factory=dict)  # a card's button -> its choice
    cards: list[tuple[pygame.Rect, ChoiceView, Any]] = field(default_factory=list)
    focusable: list[Any] = field(default_factory=list)  # the open choices' buttons, in order
    panel_visible: bool = True  # the narration panel stays
    stage_visible: bool = True  # the presentation stays


def build_choice_cards(app: Any, view: NodeView, panel_top: int, stage_top: int) -> ChoiceCards:
    """The cards of ``view``'s choices, in the richest layout where all fit (the narration
    panel starts at ``panel_top``, the stage at ``stage_top``)."""
    has_stage = view.presentation is not None
    full = 720 - theme.MARGIN - stage_top
    layouts = [(640, 1280 - theme.MARGIN - 640, panel_top - 56 - stage_top, True, True)]
    if not has_stage:
        layouts = [(200, 880, panel_top - 56 - stage_top, True, False)]
    layouts += [
        (layouts[0][0], layouts[0][1], full, False, has_stage),
        (theme.MARGIN, 1280 - 2 * theme.MARGIN, full, False, False),
    ]
    built: dict[int, list[tuple[ChoiceView, Any]]] = {}  # boxes by width, built once
    for left, width, space, panel_fits, stage_fits in layouts:
        keep_panel, keep_stage = panel_fits, stage_fits
        if width not in built:
            built[width] = _choice_boxes(app, view, width)
        boxes = built[width]
        heights = [box.rect.height + 20 for _, box in boxes]
        total = sum(heights) + CHOICE_GAP * (len(boxes) - 1)
        if total <= space or (left, width) == (theme.MARGIN, 1280 - 2 * theme.MARGIN):
            break
    for other in built.values():
        if other is not boxes:
            for _, box in other:
                box.kill()
    cards = ChoiceCards(panel_visible=keep_panel, stage_visible=keep_stage)
    top = stage_top if keep_stage else stage_top + max(0, (space - total) // 2)
    for (choice, box), height in zip(boxes, heights, strict=True):
        rect = pygame.Rect(left, top, width, height)
        box.set_relative_position((rect.x + 20, rect.y + 10))
        hit = UIButton(rect, "", app.manager, object_id=ObjectID(class_id="@hit"))
        if not choice.is_available:
            hit.disable()
        cards.widgets += [box, hit]
        cards.buttons[hit] = choice
        cards.cards.append((rect, choice, hit))
        if choice.is_available:
            cards.focusable.append(hit)
        top += height + CHOICE_GAP
    return cards


def _choice_boxes(app: Any, view: NodeView, width: int) -> list[tuple[ChoiceView, Any]]:
    """Each choice's wrapped text at ``width`` (a locked one with its reason)."""
    boxes = []
    for choice in view.choices:
        markup = f"<b>{choice.number}.</b> {html.escape(choice.text)}"
        if not choice.is_available and choice.locked_reason:
            markup += (
                f"<br><font size=3.5>{tr(app.lang, 'locked')}: "
                f"{html.escape(choice.locked_reason)}</font>"
            )
        box = UITextBox(
            markup,
            pygame.Rect(0, 0, width - 40, -1),
            app.manager,
            object_id=ObjectID(class_id="@choice_text"),
        )
        boxes.append((choice, box))
    return boxes
