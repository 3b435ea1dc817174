"""The title screen: continue the latest unfinished play, start a new one, or quit.

Owns the title layout and its entries; an entry appears only when what it opens
exists (continue only with an unfinished autosave, the learning notes only when
there are notes), fitted above the version line at any text size. It does not
list scenarios (the library scene does).
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game import __version__
from game.persistence.saves import SaveGame
from game.ui.gui import theme
from game.ui.gui.illustrations import background
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

BUTTON_WIDTH = 480


def latest_unfinished(app: Any) -> tuple[Any, SaveGame] | None:
    """The most recent unfinished autosave of a playable scenario, with its scenario."""
    folder = app.saves.root / "autosave"
    if not any("." not in path.stem for path in folder.glob("*.json")):
        return None  # nothing saved yet: no need to load every scenario for the title
    found: list[tuple[str, Any, SaveGame]] = []
    for result in app.scenarios():
        scenario = result.scenario
        if scenario is None:
            continue
        path = app.saves.autosave_path(scenario.scenario_id)
        if not path.exists():
            continue
        try:
            save = app.saves.read(path)
        except Exception:  # noqa: BLE001 - a damaged save is set aside by read(); skip it
            continue
        if not save.state.is_finished:
            found.append((save.header.saved_at, scenario, save))
    if not found:
        return None
    _, scenario, save = max(found, key=lambda item: item[0])
    return scenario, save


def has_saves(app: Any) -> bool:
    """Whether there is any autosave or named slot to load."""
    root = app.saves.root
    found = [*(root / "autosave").glob("*.json"), *(root / "slots").glob("*/*.json")]
    return any("." not in path.stem for path in found)  # set-aside copies carry a dot


class TitleScene(Scene):
    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        x = theme.MARGIN + 24
        self.widgets: list[Any] = [
            UILabel(
                pygame.Rect(
                    x, 112, 480, theme.font(app.settings, "title", True).get_linesize() + 8
                ),
                tr(lang, "app_title"),
                manager,
                object_id=ObjectID(class_id="@title"),
            ),
            UITextBox(
                tr(lang, "tagline"),
                pygame.Rect(
                    x, 112 + theme.font(app.settings, "title", True).get_linesize() + 16, 480, -1
                ),
                manager,
            ),
            UILabel(
                pygame.Rect(
                    x,
                    720 - 48 - theme.font(app.settings, "small").get_linesize(),
                    400,
                    theme.font(app.settings, "small").get_linesize(),
                ),
                f"v{__version__}",
                manager,
                object_id=ObjectID(class_id="@small"),
            ),
        ]
        self.unfinished = latest_unfinished(app)
        entries: list[tuple[str, str]] = []
        if self.unfinished is not None:
            title = self.unfinished[0].title.get(lang)
            entries.append(("continue", f"{tr(lang, 'continue')}: {title}"))
        entries.append(("new_game", tr(lang, "new_game")))
        if has_saves(app):
            entries.append(("load", tr(lang, "pause_load")))
        if app.has_notes():
            entries.append(("notes", tr(lang, "learning_notes")))
        entries.append(("classroom", tr(lang, "classroom")))
        entries += [("settings", tr(lang, "pause_settings")), ("quit", tr(lang, "quit"))]
        self.buttons: dict[Any, str] = {}
        height, gap, y = self._fit(len(entries))
        for key, label in entries:
            button = UIButton(
                pygame.Rect(x, y, BUTTON_WIDTH, height),
                label,
                manager,
                object_id=ObjectID(class_id="@primary" if not self.buttons else "@choice"),
            )
            self.buttons[button] = key
            self.widgets.append(button)
            y += height + gap
        app.focus.set(list(self.buttons))

    def _fit(self, count: int) -> tuple[int, int, int]:
        """Button height, gap and first top so ``count`` entries end above the version line:
        when crowded (large text, many entries) tighter buttons, then the title lifted (the
        tagline left out when that is not enough), and last the version line left out."""
        line = theme.font(self.app.settings, "body").get_linesize()
        title, tagline, version = self.widgets[:3]
        floor = version.rect.top - 16
        height, gap, after = line + 24, 16, 40
        if tagline.rect.bottom + after + count * (height + gap) - gap > floor:
            height, gap, after = line + 12, 8, 24
        total = count * (height + gap) - gap
        above = tagline  # the entries start under it
        overflow = tagline.rect.bottom + after + total - floor
        if overflow > title.rect.top - 24:  # lifting the title is not enough: drop the tagline
            tagline.hide()
            above = title
            overflow = title.rect.bottom + after + total - floor
        lift = min(max(overflow, 0), title.rect.top - 24)
        for widget in (title, tagline):
            widget.set_relative_position((widget.rect.x, widget.rect.y - lift))
        if overflow > lift:
            version.hide()
        return height, gap, above.rect.bottom + after

    def activate(self, key: str) -> None:
        from game.ui.gui.scenes.library import LibraryScene
        from game.ui.gui.scenes.play import PlayScene

        if key == "quit":
            self.app.running = False
        elif key == "new_game":
            self.app.push(LibraryScene(self.app))
        elif key == "load":
            from game.ui.gui.scenes.load import LoadScene

            self.app.push(LoadScene(self.app))
        elif key == "notes":
            from game.ui.gui.scenes.notes import NotesScene

            self.app.push(NotesScene(self.app))
        elif key == "classroom":
            from game.ui.gui.scenes.class_hub import ClassHubScene

            self.app.push(ClassHubScene(self.app))
        elif key == "settings":
            from game.ui.gui.scenes.settings import SettingsScene

            self.app.push(SettingsScene(self.app))
        elif key == "continue" and self.unfinished is not None:
            scenario, save = self.unfinished
            self.app.push(PlayScene(self.app, scenario, save=save))

    def handle(self, intent: Intent) -> None:
        focus = self.app.focus
        if self.move_focus(intent):
            return
        if intent.action is Action.CONFIRM and focus.focused is not None:
            self.activate(self.buttons[focus.focused])
        elif intent.action is Action.CHOOSE and 1 <= intent.number <= len(self.buttons):
            self.activate(list(self.buttons.values())[intent.number - 1])
        elif intent.action is Action.BACK:
            self.app.running = False

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.buttons:
            self.activate(self.buttons[event.ui_element])

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(background("office", theme.CANVAS, self.app.settings.high_contrast), (0, 0))
        colours = self.app.palette
        shade = pygame.Surface((560, theme.CANVAS[1]), pygame.SRCALPHA)
        shade.fill((*theme.rgb(colours.panel)[:3], colours.panel_alpha))
        surface.blit(shade, (theme.MARGIN - 8, 0))
