"""Intents: what the player means, independent of the key or button that said it.

Owns the one mapping from raw pygame events to intents (CONFIRM, BACK, UP, DOWN,
NEXT/PREVIOUS focus, CHOOSE 1-9, MENU, SKIP, RELOAD, FULLSCREEN). Scenes handle
intents and never read key codes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import pygame


class Action(enum.Enum):
    CONFIRM = "confirm"
    BACK = "back"
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    NEXT_FOCUS = "next_focus"
    PREVIOUS_FOCUS = "previous_focus"
    CHOOSE = "choose"
    MENU = "menu"
    SKIP = "skip"
    RELOAD = "reload"
    FULLSCREEN = "fullscreen"
    PAGE_UP = "page_up"
    PAGE_DOWN = "page_down"
    QUIT = "quit"


@dataclass(frozen=True, slots=True)
class Intent:
    action: Action
    number: int = 0  # for CHOOSE: 1-9


_KEYS: dict[int, Action] = {
    pygame.K_RETURN: Action.CONFIRM,
    pygame.K_KP_ENTER: Action.CONFIRM,
    pygame.K_SPACE: Action.CONFIRM,
    pygame.K_ESCAPE: Action.BACK,
    pygame.K_UP: Action.UP,
    pygame.K_DOWN: Action.DOWN,
    pygame.K_LEFT: Action.LEFT,
    pygame.K_RIGHT: Action.RIGHT,
    pygame.K_F5: Action.RELOAD,
    pygame.K_F11: Action.FULLSCREEN,
    pygame.K_PAGEUP: Action.PAGE_UP,
    pygame.K_PAGEDOWN: Action.PAGE_DOWN,
}
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
_DIGITS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})


def intents_from(event: pygame.event.Event) -> list[Intent]:
    """The intents one pygame event carries (often none)."""
    if event.type == pygame.QUIT:
        return [Intent(Action.QUIT)]
    if event.type == pygame.MOUSEWHEEL and event.y:
        return [Intent(Action.PAGE_UP if event.y > 0 else Action.PAGE_DOWN, abs(event.y))]
    if event.type != pygame.KEYDOWN:
        return []
    if event.key == pygame.K_TAB:
        shifted = bool(event.mod & pygame.KMOD_SHIFT)
        return [Intent(Action.PREVIOUS_FOCUS if shifted else Action.NEXT_FOCUS)]
    if event.key in _DIGITS:
        return [Intent(Action.CHOOSE, _DIGITS[event.key])]
    if event.key == pygame.K_m:
        return [Intent(Action.MENU)]
    action = _KEYS.get(event.key)
    return [Intent(action)] if action is not None else []
