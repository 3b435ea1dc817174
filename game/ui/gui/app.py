"""The GUI application: window, pygame_gui manager, scene stack and the frame loop.

Owns opening the window on the 1280x720 logical canvas (SDL scales it to any
window size and maps the mouse back), turning events into intents for the top
scene, and a loop that costs nothing when idle: it redraws only after an event
or when an animation changed the picture, paces animated turns at 60 a second,
and otherwise sleeps in short steps, using the first idle turns for small
chores (fonts warmed up, sounds synthesised, killed widgets collected).
Settings are applied here (theme, fullscreen). Scenes own their screens; the
engine is never called from draw code.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pygame_gui  # noqa: E402

from game.persistence.history import History  # noqa: E402
from game.persistence.saves import SaveStore  # noqa: E402
from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui import theme  # noqa: E402
from game.ui.gui.focus import FocusRing  # noqa: E402
from game.ui.gui.illustrations import draw_icon  # noqa: E402
from game.ui.gui.intents import Action, Intent, intents_from  # noqa: E402
from game.ui.gui.scene import Scene, SceneStack  # noqa: E402
from game.ui.gui.sound import Sounds  # noqa: E402
from game.ui.gui.theme_ids import UIManager  # noqa: E402
from game.ui.gui.warmup import font_warm_ups  # noqa: E402
from game.ui.gui.window import ask_for_smooth_scaling, fit_window  # noqa: E402

if TYPE_CHECKING:
    from game.content.loader import LoadResult
    from game.content.notes import NoteLibrary

log = logging.getLogger(__name__)
TEXT_FIELDS = (pygame_gui.elements.UITextEntryLine, pygame_gui.elements.UITextEntryBox)
IDLE_SLEEP = 0.03  # seconds between polls when nothing moves: < 50 ms input latency
FRAME_RATE = 60


@dataclass
class Folders:
    scenarios: Path
    saves: Path
    notes: Path | None = None  # the learning notes; None: the shipped ones (assets/notes)
    config: Path | None = None  # the person's LRS account; None: the user's config folder


@dataclass
class App:
    """One running game window."""

    folders: Folders
    settings: Settings = field(default_factory=Settings)
    window: pygame.Surface = field(init=False)
    manager: pygame_gui.UIManager = field(init=False)
    stack: SceneStack = field(default_factory=SceneStack)
    focus: FocusRing = field(default_factory=FocusRing)
    running: bool = True
    dirty: bool = True
    has_garbage: bool = False  # widgets were killed: collect their cycles when idle
    frames_drawn: int = 0

    def __post_init__(self) -> None:
        keep_imports_out_of_collections()
        self.settings_store = SettingsStore(self.folders.saves)
        self.settings = self.settings_store.load()
        self.saves = SaveStore(self.folders.saves)
        self.history = History(self.folders.saves)
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Perekat")
        pygame.display.set_icon(draw_icon(64))
        self.window = self._open_window()
        self.manager = self._new_manager()
        self._scenarios: list[LoadResult] | None = None
        self._notes: NoteLibrary | None = None
        self.sounds = Sounds()
        self.sounds.set_enabled(self.settings.sound)
        self._idle_steps = self._idle_work()

    @property
    def lang(self) -> str:
        return self.settings.lang

    @property
    def palette(self) -> theme.Palette:
        return theme.palette(self.settings)

    def _open_window(self) -> pygame.Surface:
        flags = pygame.SCALED | pygame.RESIZABLE
        if self.settings.fullscreen:
            flags |= pygame.FULLSCREEN
        ask_for_smooth_scaling()
        surface = pygame.display.set_mode(theme.CANVAS, flags)
        fit_window(theme.CANVAS, self.settings.fullscreen)
        return surface

    def _new_manager(self) -> pygame_gui.UIManager:
        manager = UIManager(
            theme.CANVAS, theme.gui_theme(self.settings), enable_live_theme_updates=False
        )
        # rich text asks for bold/italic and the small <font size=3.5>; load them up front
        name = "perekat-dyslexic" if self.settings.dyslexic_font else "perekat-noto"
        sizes = {theme.size(self.settings, role) for role in theme.SIZES} | {13}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # some are loaded by the theme already
            manager.preload_fonts(
                [
                    {"name": name, "point_size": size, "style": style, "antialiased": "1"}
                    for size in sorted(sizes)
                    for style in ("regular", "bold", "italic")
                ]
            )
        return manager

    def scenarios(self, reload: bool = False) -> list[LoadResult]:
        """Every scenario file, loaded once (validated; broken ones carry diagnostics)."""
        if self._scenarios is None or reload:
            # imported here: the title of a first start shows no scenario (a faster start)
            from game.content.loader import load_all

            folder = self.folders.scenarios
            self._scenarios = load_all([folder], self.lang) if folder.is_dir() else []
        return self._scenarios

    def has_notes(self) -> bool:
        """Whether there are learning notes to show (a file check: the title stays fast)."""
        from game.content.notes import notes_dir

        folder = self.folders.notes or notes_dir()
        return any(folder.glob("*.yaml")) if folder.is_dir() else False

    def notes(self) -> NoteLibrary:
        """The learning notes, loaded once (the shipped ones are shared with the scenario
        checks, which load them when a scenario names a note)."""
        if self._notes is None:
            from game.content.notes import load_notes, shipped_notes

            folder = self.folders.notes
            self._notes = shipped_notes() if folder is None else load_notes(folder, self.lang)
        return self._notes

    def apply_settings(self, settings: Settings) -> bool:
        """Save new settings and rebuild what depends on them; the top scene is rebuilt.

        Returns False when the display refused full screen (the window stays as it was).
        """
        applied = True
        changed_window = settings.fullscreen != self.settings.fullscreen
        changed_lang = settings.lang != self.settings.lang
        self.settings = settings
        self.sounds.set_enabled(settings.sound)
        self.settings_store.save(settings)
        top = self.stack.top
        if top is not None:
            top.exit()
        self.manager = self._new_manager()
        self._idle_steps = self._idle_work()
        if changed_window:
            try:
                pygame.display.toggle_fullscreen()
            except pygame.error:
                # some displays (and SDL's dummy driver) cannot switch: keep the window as it was
                applied = False
                self.settings = settings.with_changes(fullscreen=not settings.fullscreen)
                self.settings_store.save(self.settings)
        if changed_lang:
            self._scenarios = None
        if top is not None:
            top.enter()
        self.dirty = True
        return applied

    def _idle_step(self) -> None:
        """One short piece of work for a turn when nothing moves."""
        if self.has_garbage:
            # pygame_gui's killed widgets keep their surfaces in reference cycles, which
            # the collector frees only in its rare full passes: free them while idle
            gc.collect()
            release_freed_memory()
            self.has_garbage = False
        else:
            next(self._idle_steps, None)

    def _idle_work(self) -> Iterator[None]:
        """What the first idle turns do, a step each: fonts warmed up, sounds synthesised."""
        yield from font_warm_ups(self.settings, self.manager)
        self.sounds.prepare()

    # -- the loop ---------------------------------------------------------------------------

    def push(self, scene: Scene) -> None:
        self.stack.push(scene)
        self.dirty = self.has_garbage = True

    def pop(self, result: object = None) -> None:
        self.stack.pop(result)
        self.dirty = self.has_garbage = True
        if self.stack.top is None:
            self.running = False

    def replace(self, scene: Scene) -> None:
        self.stack.replace(scene)
        self.dirty = self.has_garbage = True

    def dispatch(self, intent: Intent) -> None:
        """Hand an intent to the top scene (app-wide ones are handled here)."""
        self.dirty = True
        if intent.action is Action.QUIT:
            self.running = False
            return
        if intent.action is Action.FULLSCREEN:
            self.apply_settings(self.settings.with_changes(fullscreen=not self.settings.fullscreen))
            return
        top = self.stack.top
        if top is not None:
            top.handle(intent)

    def process(self, event: pygame.event.Event) -> None:
        """One pygame event: to pygame_gui first, then as intents to the top scene."""
        self.dirty = True
        consumed = self.manager.process_events(event)
        top = self.stack.top
        if event.type in (
            pygame_gui.UI_BUTTON_PRESSED,
            pygame_gui.UI_TEXT_ENTRY_FINISHED,
            pygame_gui.UI_TEXT_ENTRY_CHANGED,
            pygame_gui.UI_TEXT_EFFECT_FINISHED,
            pygame_gui.UI_FILE_DIALOG_PATH_PICKED,
        ):
            if top is not None:
                top.handle_gui(event)
            return
        if (
            event.type == pygame.KEYDOWN
            and event.key not in (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_F5, pygame.K_F11)
            and (consumed or self.typing_into_text())
        ):
            return  # typed into a focused text entry: a space or a digit is a letter there
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not consumed:
            if top is not None:
                top.handle_click(event.pos)
            return
        for intent in intents_from(event):
            self.dispatch(intent)

    def typing_into_text(self) -> bool:
        """Whether a text field has the keyboard (its keys are letters, not commands).

        pygame_gui takes the letters themselves from TEXTINPUT events and leaves
        the KEYDOWN of a space or a digit unconsumed: without this, typing a group's
        name would press the focused button (Space) or pick a choice (1-9).
        """
        return any(
            isinstance(widget, TEXT_FIELDS) and widget.is_focused
            for widget in self.manager.get_sprite_group().sprites()
        )

    def frame(self, seconds: float) -> None:
        """Update and, when something changed or moves on screen, draw one frame."""
        top = self.stack.top
        if top is not None:
            top.update(seconds)
        animating = top is not None and top.is_animating
        if not (self.dirty or animating):
            return
        self.manager.update(seconds)
        if not self.dirty and top is not None and not top.has_visible_change:
            return  # an animation ticked without changing the picture (between two letters)
        self.window.fill(theme.rgb(self.palette.background))
        if top is not None:
            top.draw_background(self.window)
        self.manager.draw_ui(self.window)
        if top is not None:
            top.draw_overlay(self.window)
        pygame.display.flip()
        self.frames_drawn += 1
        self.dirty = False

    def run(self, frames: int | None = None, until: Callable[[], bool] | None = None) -> int:
        """Run until quit (or until ``frames`` frames were drawn, or ``until()`` holds).

        Returns an exit code.

        While a scene animates, turns are paced against a deadline (each one 1/60 s after
        the one before), so sleeps that overshoot a little do not add up and the loop
        holds 60 turns a second; a turn whose animation changed nothing visible draws
        nothing. Otherwise the loop polls every ``IDLE_SLEEP``, draws only after an event,
        and uses the first idle turns to warm fonts up and synthesise sounds, a short step
        a turn.
        """
        self._quit_on_sigterm()
        last = time.perf_counter()
        deadline: float | None = None  # when the next animated turn is due
        while self.running and self.stack.top is not None:
            now = time.perf_counter()
            try:
                for event in pygame.event.get():
                    self.process(event)
                self.frame(now - last)
            except Exception as error:  # noqa: BLE001 - a failing screen must not lose the game
                self.show_error(error)
            last = now
            if frames is not None:
                self.dirty = True  # smoke runs draw every frame they are asked for
                if self.frames_drawn >= frames:
                    break
            if until is not None and until():
                break
            top = self.stack.top
            if top is not None and top.is_animating:
                deadline = next_deadline(deadline, now, time.perf_counter())
                time.sleep(max(0.0, deadline - time.perf_counter()))
            else:
                deadline = None
                if not self.dirty:
                    self._idle_step()
                    time.sleep(IDLE_SLEEP)
        return 0

    @staticmethod
    def _quit_on_sigterm() -> None:
        """SIGTERM (a logout, a shutdown) becomes a QUIT event: the loop ends cleanly.

        The loop polls instead of blocking in ``event.wait()``, so a Python handler runs;
        every choice is already autosaved, so nothing else needs saving here.
        """
        if threading.current_thread() is not threading.main_thread():
            return
        with contextlib.suppress(ValueError, AttributeError):
            signal.signal(
                signal.SIGTERM, lambda *_: pygame.event.post(pygame.event.Event(pygame.QUIT))
            )

    @property
    def log_path(self) -> Path:
        return self.folders.saves / "perekat.log"

    def show_error(self, error: BaseException) -> None:
        """Log the failure with its traceback and show the error screen (never a crash)."""
        from game.ui.gui.scenes.error import ErrorScene

        self.folders.saves.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} ---\n")
            stream.write("".join(traceback.format_exception(error)))
        log.error("screen failed: %s (details in %s)", error, self.log_path)
        summary = f"{type(error).__name__}: {error}"
        for scene in list(self.stack.scenes):
            with contextlib.suppress(Exception):  # the failing scene may be half built
                scene.exit()
        self.stack.scenes.clear()
        self.manager = self._new_manager()
        self.push(ErrorScene(self, self.log_path, summary))

    def close(self) -> None:
        self.stack.clear()
        self.sounds.close()
        pygame.display.quit()


def keep_imports_out_of_collections() -> None:
    """Exempt what exists at start (modules, classes, functions: alive until exit) from the
    garbage collector's passes, once per process; a full pass then takes a few ms, not 25-35.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()


def release_freed_memory() -> None:
    """Hand freed heap pages back to the system (glibc keeps them for reuse otherwise).

    A few ms; after loading the scenarios it returns about 9 MB of resident memory.
    Elsewhere than glibc (macOS, Windows, musl) there is no such call and nothing happens.
    """
    import ctypes

    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(None).malloc_trim(0)


def next_deadline(deadline: float | None, began: float, now: float) -> float:
    """When the next animated turn is due: 1/60 s after the previous deadline.

    The first animated turn counts from when it began. A turn that ran past its
    successor's deadline (a slow frame) restarts the count from ``now`` instead of
    hurrying the turns after it to catch up.
    """
    step = 1 / FRAME_RATE
    due = (began if deadline is None else deadline) + step
    return now if due < now - step else due
