"""pygame_gui's UI manager with a theme that looks element ids up by a compact key.

pygame_gui (0.6.14 and before) caches each element's list of combined theme ids
under a key built by chained ``str.join`` calls, which put one id list's text
between every character of the next: a key grows with the product of four id
lists' lengths. Inside containers (the library's cards: a panel in a scrolling
container) a key reached tens of megabytes; opening the library took 0.67 s and
left 86 MB in that cache. This module owns the same lookup keyed by the id
lists themselves, and a ``UIManager`` that uses it; the ids found, and so every
element's look, are pygame_gui's own. It does not change theming otherwise.
When pygame_gui no longer builds its key that way, ``HAS_JOINED_KEY`` turns
false and the plain upstream theme is used.
"""

from __future__ import annotations

import inspect
from typing import Any

import pygame_gui
from pygame_gui.core.ui_appearance_theme import UIAppearanceTheme

IdList = list[str | None] | None


def _has_joined_key() -> bool:
    """Whether this pygame_gui still keys its id cache with the chained joins."""
    try:
        source = inspect.getsource(UIAppearanceTheme.build_all_combined_ids)
    except (OSError, TypeError):
        return True  # no source to read (a frozen build): keep the fix
    return "str(element_ids).join(" in source


HAS_JOINED_KEY = _has_joined_key()


class CompactIdTheme(UIAppearanceTheme):
    """The upstream theme; only the cache of combined ids is keyed by tuples."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._combined: dict[tuple[tuple[str | None, ...] | None, ...], list[str]] = {}

    def build_all_combined_ids(
        self,
        element_base_ids: IdList,
        element_ids: IdList,
        class_ids: IdList,
        object_ids: IdList,
    ) -> list[str]:
        """The element's combined ids, most specific first (as upstream computes them)."""
        lists = (element_base_ids, element_ids, class_ids, object_ids)
        key = tuple(None if ids is None else tuple(ids) for ids in lists)
        found = self._combined.get(key)
        if found is not None:
            return found
        combined: list[str] = []
        if all(ids is not None for ids in lists):
            assert element_base_ids is not None and element_ids is not None
            assert class_ids is not None and object_ids is not None
            size = len(element_ids)
            if not len(object_ids) == len(class_ids) == len(element_base_ids) == size:
                raise ValueError(
                    "Object & class ID hierarchy is not equal in length to Element ID hierarchy"
                    f" Element IDs: {element_ids}\nClass IDs: {class_ids}\n"
                    f"\nObject IDs: {object_ids}\n"
                )
            if size:
                self._get_next_id_node(  # upstream's walk: object, class, then element ids
                    None, element_base_ids, element_ids, class_ids, object_ids, 0, size, combined
                )
            # then, pass by pass, each id less its outermost parent, until a pass meets one
            # that has none (upstream's loop, the same order)
            current = combined[:]
            done = not current
            while not done:
                for index, current_id in enumerate(current):
                    _, dot, rest = current_id.partition(".")
                    if not dot:
                        done = True
                    else:
                        current[index] = rest
                        combined.append(rest)
        self._combined[key] = combined
        return combined


class UIManager(pygame_gui.UIManager):
    """pygame_gui's manager, with the compact-key theme while upstream needs it."""

    def create_new_theme(self, theme_path: Any = None) -> UIAppearanceTheme:
        if not HAS_JOINED_KEY:
            return super().create_new_theme(theme_path)
        theme = CompactIdTheme(self.resource_loader, self._locale)
        if theme_path is not None:
            theme.load_theme(theme_path)
        return theme
