"""The visual identity: palette, type sizes, fonts, and the pygame_gui theme built from them.

Owns colours (the default paper theme and the high-contrast one), the logical
canvas (1280x720), type sizes scaled by the player's text size, the shipped font
files, and the theme dictionary handed to pygame_gui. It draws nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pygame

from game import paths
from game.persistence.settings import Settings

CANVAS = (1280, 720)
MARGIN = 48
GRID = 8


@dataclass(frozen=True, slots=True)
class Palette:
    background: str
    ink: str
    panel: str
    panel_alpha: int
    primary: str
    primary_ink: str
    accent: str
    focus: str
    muted: str
    locked: str
    recognize: str = "#E69F00"
    tolerate: str = "#56B4E9"
    leverage: str = "#009E73"
    bubble_in: str = "#FFFFFF"
    bubble_out: str = "#DCF8C6"
    paper: str = "#FFFDF8"


DEFAULT = Palette(
    background="#F6F1E9",
    ink="#1F2933",
    panel="#FFFFFF",
    panel_alpha=235,
    primary="#0B4F6C",
    primary_ink="#FFFFFF",
    accent="#C8102E",
    focus="#0B4F6C",
    muted="#52606D",
    locked="#9AA5B1",
)
HIGH_CONTRAST = Palette(
    background="#000000",
    ink="#FFFFFF",
    panel="#000000",
    panel_alpha=240,
    primary="#FFD400",
    primary_ink="#000000",
    accent="#FF6B6B",
    focus="#FFD400",
    muted="#E0E0E0",
    locked="#BDBDBD",
    bubble_in="#1A1A1A",
    bubble_out="#1F3A1F",
    paper="#111111",
)

SIZES = {"small": 16, "body": 22, "name": 20, "heading": 32, "title": 44}


def palette(settings: Settings) -> Palette:
    return HIGH_CONTRAST if settings.high_contrast else DEFAULT


def size(settings: Settings, role: str) -> int:
    """The pixel size of a type role at the player's text size."""
    return round(SIZES[role] * settings.text_scale)


def font_file(settings: Settings, bold: bool = False) -> Path:
    folder = paths.assets_dir() / "fonts"
    if settings.dyslexic_font:
        return folder / ("OpenDyslexic-Bold.otf" if bold else "OpenDyslexic-Regular.otf")
    return folder / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")


@cache
def _font(path: str, pixels: int) -> pygame.font.Font:
    return pygame.font.Font(path, pixels)


def font(settings: Settings, role: str, bold: bool = False) -> pygame.font.Font:
    """A shipped font at a role's size (cached)."""
    return _font(str(font_file(settings, bold)), size(settings, role))


def font_at(settings: Settings, pixels: int, bold: bool = False) -> pygame.font.Font:
    """The player's typeface at a fixed pixel size (a projector's large figures), cached."""
    return _font(str(font_file(settings, bold)), pixels)


def rgb(hex_colour: str) -> pygame.Color:
    return pygame.Color(hex_colour)


def gui_theme(settings: Settings) -> dict[str, Any]:
    """The pygame_gui theme for these settings (fonts, colours, borders)."""
    colours = palette(settings)
    regular, bold = str(font_file(settings)), str(font_file(settings, bold=True))
    italic = (
        regular
        if settings.dyslexic_font
        else str(font_file(settings).with_name("NotoSans-Italic.ttf"))
    )

    def typeface(role: str, is_bold: bool = False) -> dict[str, str]:
        return {
            "name": "perekat-dyslexic" if settings.dyslexic_font else "perekat-noto",
            "size": str(size(settings, role)),
            "bold": "1" if is_bold else "0",
            "regular_path": regular,
            "bold_path": bold,
            "italic_path": italic,
            "bold_italic_path": bold,
        }

    button = {
        "colours": {
            "normal_bg": colours.panel,
            "hovered_bg": colours.background,
            "selected_bg": colours.background,
            "active_bg": colours.primary,
            "disabled_bg": colours.panel,
            "normal_text": colours.ink,
            "hovered_text": colours.ink,
            "selected_text": colours.ink,
            "active_text": colours.primary_ink,
            "disabled_text": colours.locked,
            "normal_border": colours.muted,
            "hovered_border": colours.primary,
            "selected_border": colours.primary,
            "active_border": colours.primary,
            "disabled_border": colours.locked,
        },
        "font": typeface("body"),
        "misc": {
            "shape": "rounded_rectangle",
            "shape_corner_radius": "8",
            "border_width": "2",
            "text_horiz_alignment": "left",
            "text_horiz_alignment_padding": "16",
        },
    }
    primary_button = {
        **button,
        "colours": {
            **button["colours"],
            "normal_bg": colours.primary,
            "hovered_bg": colours.primary,
            "normal_text": colours.primary_ink,
            "hovered_text": colours.primary_ink,
            "normal_border": colours.primary,
        },
        "misc": {**button["misc"], "text_horiz_alignment": "center"},
    }
    text_box = {
        "colours": {
            "dark_bg": "#00000000",
            "normal_text": colours.ink,
            "normal_border": "#00000000",
        },
        "font": typeface("body"),
        # pygame_gui's spacing multiplies the font's own line height (about 1.36x the size),
        # so 1.0 already gives the 1.4 line height of the brief.
        "misc": {"border_width": "0", "shadow_width": "0", "padding": "0,0", "line_spacing": "1.0"},
    }
    label = {
        "colours": {"dark_bg": "#00000000", "normal_text": colours.ink},
        "font": typeface("body"),
        "misc": {"text_horiz_alignment": "left"},
    }
    return {
        "defaults": {
            "colours": {
                "normal_text": colours.ink,
                "dark_bg": colours.panel,
                "normal_border": colours.muted,
            },
            "font": typeface("body"),
        },
        "button": button,
        "@choice": button,
        "@small_button": {**button, "font": typeface("small")},
        "@hit": {
            "colours": {
                key: "#00000000"
                for key in (
                    "normal_bg",
                    "hovered_bg",
                    "selected_bg",
                    "active_bg",
                    "disabled_bg",
                    "normal_border",
                    "hovered_border",
                    "selected_border",
                    "active_border",
                    "disabled_border",
                )
            },
            # invisible: a plain rectangle, not the antialiased rounded shape drawn at 4x size
            "misc": {"shape": "rectangle", "border_width": "0", "shadow_width": "0"},
        },
        # the file dialog's rows (the class debrief's Browse): pygame_gui's own theme makes
        # them dark, which would hide the ink-coloured names; they take the button colours
        **dict.fromkeys(
            (
                "file_dialog.#file_display_list.#file_list_item",
                "file_dialog.#file_display_list.#directory_list_item",
            ),
            {**button, "misc": {**button["misc"], "shape": "rectangle", "border_width": "0"}},
        ),
        "file_dialog.#file_display_list": {
            "misc": {"list_item_height": str(round(size(settings, "body") * 1.6))}
        },
        **dict.fromkeys(
            ("file_dialog.#ok_button", "file_dialog.#cancel_button"),
            {
                **button,
                "font": typeface("small"),
                "misc": {**button["misc"], "text_horiz_alignment": "center"},
            },
        ),
        "@choice_text": {**text_box, "font": typeface("body")},
        "@heading_text": {**text_box, "font": typeface("heading", True)},
        "@primary": primary_button,
        "text_box": text_box,
        "@small_text": {**text_box, "font": typeface("small")},
        "label": label,
        "@heading": {**label, "font": typeface("heading", True)},
        "@title": {**label, "font": typeface("title", True)},
        "@name": {**label, "font": typeface("name", True)},
        "@small": {
            **label,
            "colours": {"dark_bg": "#00000000", "normal_text": colours.muted},
            "font": typeface("small"),
        },
        "@centred": {**label, "misc": {"text_horiz_alignment": "center"}},
        "text_entry_line": {
            "colours": {
                "dark_bg": colours.panel,
                "normal_text": colours.ink,
                "normal_border": colours.primary,
                "selected_bg": colours.primary,
            },
            "font": typeface("body"),
        },
    }
