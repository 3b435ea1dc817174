"""The play screen: a scenario node by node, with choices, feedback and the ending.

Owns the play layout (the scene illustration, an in-world presentation when the
node has one, the speaker's name tab and the text panel with its typewriter,
the choices as wrapped cards, laid out by ``choice_cards``, selectable by mouse,
keys 1-9 and arrows+Enter, locked ones greyed with their reason) and the
learning-mode feedback panel
(with a button for each learning note the choice names, which opens it over the
feedback); a group's play (a seat with a group, also when loaded from a save) asks
for the group's reason before a choice is made (``rationale``); what lies under
the widgets is composed once per state by ``backdrop``.
It drives the engine through its pull API and subscribes the autosave and
history listeners; it never calls the engine while drawing.
"""

from __future__ import annotations

import html
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.classroom.identity import Seat
from game.classroom.recorder import seat_of_play, subscribe_records
from game.core.engine import Engine
from game.core.model import Chat, Choice, Scenario
from game.core.state import PlayState
from game.core.views import ChoiceView, NodeView
from game.errors import LockedChoiceError, PerekatError, UndoImpossibleError
from game.persistence.autosave import Autosaver
from game.persistence.history import HistoryRecorder
from game.persistence.saves import SaveGame
from game.ui.gui import backdrop, theme
from game.ui.gui.choice_cards import build_choice_cards
from game.ui.gui.feedback import build_feedback, draw_feedback
from game.ui.gui.illustrations import background
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.stage import Stage
from game.ui.gui.strings import tr
from game.ui.terminal.messages import translate

PANEL = pygame.Rect(theme.MARGIN, 720 - theme.MARGIN - 232, 1280 - 2 * theme.MARGIN, 232)
STAGE_TOP = theme.MARGIN
FADE_SECONDS = 0.2  # between nodes; reduced motion turns it into a cut


class PlayScene(Scene):
    autosaves = True  # a play of this PC's player: autosaved, and in this PC's history

    def __init__(
        self,
        app: Any,
        scenario: Scenario,
        mode: str | None = None,
        save: SaveGame | None = None,
        start_at: str | None = None,
        seat: Seat | None = None,
        player: str = "",
    ) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.seat = seat  # the class session this play belongs to; None for individual play
        lang = app.lang
        if save is not None:
            self.engine = Engine(scenario, state=save.state, lang=lang)
            self.mode = save.header.mode
            player = save.header.player
            # a save from before plays carried their records' id goes on under a new one
            self.play_id: str | None = save.header.play_id or None
            # a group's play loaded from a save is the group's again (it asks for reasons) and
            # writes on to the class results folder it wrote to
            self.seat = seat or seat_of_play(app.saves.root, self.play_id)
            if self.seat is not None and self.seat.results_dir is None and save.header.results_dir:
                self.seat = replace(self.seat, results_dir=Path(save.header.results_dir))
        else:
            if self.autosaves:
                # an unfinished earlier play is kept aside, never overwritten
                app.saves.retire_autosave(scenario.scenario_id)
            self.engine = Engine(scenario, lang=lang, start_at=start_at)
            self.mode = mode or app.settings.play_mode
            self.play_id = str(uuid.uuid4())
        self.player = player
        self._subscribe()
        self.widgets: list[Any] = []
        self.choice_buttons: dict[Any, ChoiceView] = {}
        self.choice_cards: list[tuple[pygame.Rect, ChoiceView, Any]] = []
        self.continue_button: Any = None
        self.note_buttons: dict[Any, str] = {}  # feedback's "read the note" buttons -> note id
        self.note_read: str | None = None  # the note last opened from this feedback
        self.text_box: Any = None
        self.feedback_for: Choice | None = None
        self.phase = "reading"
        self.widgets_built = False
        self.stage = Stage()
        self.fade: tuple[pygame.Surface, float] | None = None
        self.notice = ""
        self.panel_visible = True  # the narration panel; folded away when choices need room
        self.stage_visible = True  # the presentation; folded away as a last resort
        self.name_label: Any = None
        self.layer = backdrop.CachedLayer()  # all under the widgets, composed once per state
        self.builds = 0  # bumped whenever the widgets are rebuilt: the layer follows
        self.letters_drawn: int | None = None  # typewriter progress on the last frame drawn
        self.asking: ChoiceView | None = None  # the choice whose group reason is being typed

    # -- building the screen ------------------------------------------------------------------

    def enter(self) -> None:
        if self.phase == "feedback" and self.feedback_for is not None:
            self.show_feedback(self.feedback_for)
        else:
            self.show_node(animate=self.phase == "reading" and not self.widgets_built)
        self.widgets_built = True

    def resume(self, result: Any = None) -> None:
        """Back from the pause menu: act on its answer, or show the play as it was; back from
        the group's reason: make the choice with it (None: Esc, the choices again)."""
        if self.asking is not None:
            choice, self.asking = self.asking, None
            if result is not None:
                self.choose(choice, rationale=str(result))
                return
        elif result == "title":
            self.app.pop()
            return
        if result == "load":
            from game.ui.gui.scenes.load import LoadScene

            self.app.replace(LoadScene(self.app))
            return
        if result == "undo":
            try:
                self.engine.undo()
            except UndoImpossibleError:
                self.notice = tr(self.app.lang, "undo_impossible")
            self.phase = "choosing"
            self.feedback_for = None
        self.enter()

    def exit(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.builds += 1
        self.app.has_garbage = True  # the widgets killed here
        for widget in self.widgets:
            widget.kill()
        self.widgets, self.choice_buttons, self.choice_cards = [], {}, []
        self.continue_button = None
        self.note_buttons = {}
        self.text_box = None
        self.name_label = None

    @property
    def view(self) -> NodeView:
        return self.engine.current(self.app.lang)

    def stage_place(self, view: NodeView) -> pygame.Rect:
        """Where the presentation goes (left) when there is one."""
        bottom = PANEL.top - 56 if self.panel_visible else 720 - theme.MARGIN
        return pygame.Rect(theme.MARGIN, STAGE_TOP, 560, bottom - STAGE_TOP)

    def _text_box(self) -> Any:
        markup = html.escape(self.view.text).replace("\n", "<br>")
        box = UITextBox(markup, PANEL.inflate(-48, -40), self.app.manager)
        self.widgets.append(box)
        return box

    def show_node(self, animate: bool = True) -> None:
        if animate and self.widgets_built and not self.app.settings.reduced_motion:
            self.fade = (self.app.window.copy(), FADE_SECONDS)  # cross-fade from this frame
        self.clear()
        self.notice = "" if self.phase != "choosing" else self.notice
        self.panel_visible = self.stage_visible = True
        self.app.focus.set([])
        view, manager, lang = self.view, self.app.manager, self.app.lang
        self.phase = "reading"
        self.text_box = self._text_box()
        if isinstance(view.presentation, Chat):
            self.app.sounds.play("tick")
        if view.speaker is not None:
            role = view.speaker.role.get(lang) if view.speaker.role else ""
            name = view.speaker.name + (f" · {role}" if role else "")
            width = theme.font(self.app.settings, "name", bold=True).size(name)[0] + 8
            label = UILabel(
                pygame.Rect(PANEL.x + 24, PANEL.y - 40, width, 36),
                name,
                manager,
                object_id=ObjectID(class_id="@name"),
            )
            self.name_label = label
            self.widgets.append(label)
        speed = self.app.settings.characters_per_second
        if animate and speed > 0:
            self.text_box.set_active_effect(
                pygame_gui.TEXT_EFFECT_TYPING_APPEAR, params={"time_per_letter": 1.0 / speed}
            )
        else:
            self.text_revealed()

    def text_revealed(self) -> None:
        """The whole text is on screen: offer what comes next."""
        if self.text_box is not None and self.text_box.active_text_effect is not None:
            # a fresh box shows the whole text at once (stopping the effect midway does not)
            self.widgets.remove(self.text_box)
            self.text_box.kill()
            self.text_box = self._text_box()
        view = self.view
        if view.kind == "decision":
            self.phase = "choosing"
            self.show_choices(view)
        else:
            self.phase = "waiting"
            label = tr(self.app.lang, "continue_story")
            self.continue_button = UIButton(
                pygame.Rect(PANEL.right - 240, PANEL.bottom + 4 - 48, 220, 44),
                label,
                self.app.manager,
                object_id=ObjectID(class_id="@primary"),
            )
            self.widgets.append(self.continue_button)
            self.app.focus.set([self.continue_button])
        self.app.dirty = True

    def show_choices(self, view: NodeView) -> None:
        """The choices as cards (``choice_cards``), the narration and presentation folded away
        when the cards need their room."""
        cards = build_choice_cards(self.app, view, PANEL.top, STAGE_TOP)
        self.panel_visible, self.stage_visible = cards.panel_visible, cards.stage_visible
        if not cards.panel_visible:
            # the narration has been read; fold it away so every choice fits on screen
            for widget in (self.text_box, self.name_label):
                if widget is not None:
                    widget.hide()
        self.widgets += cards.widgets
        self.choice_buttons.update(cards.buttons)
        self.choice_cards += cards.cards
        self.app.focus.set(cards.focusable)

    def show_feedback(self, choice: Choice) -> None:
        """Learning mode: the rating, feedback and any violation, then Continue."""
        self.clear()
        self.phase = "feedback"
        self.feedback_for = choice
        panel = build_feedback(self.app, choice)
        self.note_buttons, self.continue_button = panel.note_buttons, panel.continue_button
        self.widgets += panel.all
        focusable = [*self.note_buttons, self.continue_button]
        read = [b for b, note_id in self.note_buttons.items() if note_id == self.note_read]
        self.app.focus.set(focusable, focusable.index(read[0]) if read else len(focusable) - 1)

    def read_note(self, note_id: str) -> None:
        """Open a learning note over the feedback; Back returns to the feedback."""
        from game.ui.gui.scenes.notes import NotesScene

        self.note_read = note_id
        self.app.push(NotesScene(self.app, note_id))

    # -- acting ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """F5 for writers: read the scenario file again and keep the place when it still exists."""
        if self.scenario.source is None:
            return
        from game.content.loader import load_file  # writers only: not loaded for a play

        result = load_file(Path(self.scenario.source), self.app.lang)
        if result.scenario is None:
            first = result.diagnostics[0] if result.diagnostics else None
            notice = f"{first.code} {first.line}:{first.col} {first.message}" if first else ""
            self.notice = notice[:110] or tr(self.app.lang, "reload_failed")
            self.app.dirty = True
            return
        state = PlayState.from_dict(self.engine.state.to_dict())
        try:
            engine = Engine(result.scenario, state=state, lang=self.app.lang)
        except PerekatError as error:
            self.notice = translate(self.app.lang, str(error))
            self.app.dirty = True
            return
        self.scenario, self.engine = result.scenario, engine
        self._subscribe()
        self.stage.forget()
        self.notice = tr(self.app.lang, "reloaded")
        self.phase = "choosing"
        self.show_node(animate=False)

    def _subscribe(self) -> None:
        """Autosave, history and the learning records listen to the current engine."""
        bus = self.engine.bus
        content_hash, play_id = self.scenario.content_hash, self.play_id or ""
        seat = self.seat
        folder = seat.results_dir if seat is not None else None
        results = str(folder.absolute()) if folder is not None else ""
        if self.autosaves:
            saver = Autosaver(
                self.app.saves, content_hash, self.player, self.mode, play_id, results
            )
            bus.subscribe(saver)
            bus.subscribe(HistoryRecorder(self.app.history, self.mode))
        saves, state, lang = self.app.saves.root, self.engine.state, self.app.lang
        subscribe_records(
            bus, saves, self.scenario, state, self.mode, self.player, lang, self.seat, self.play_id
        )

    def choose(self, choice: ChoiceView, rationale: str | None = None) -> None:
        if not choice.is_available:
            return
        if rationale is None and self.seat is not None and self.seat.group is not None:
            from game.ui.gui.scenes.rationale import RationaleScene

            self.asking = choice  # a group gives its reason first; resume() makes the choice
            self.app.push(RationaleScene(self.app, choice.text))
            return
        try:
            self.engine.choose(choice.choice_id, rationale=rationale or "")
        except LockedChoiceError:
            return
        self.app.sounds.play("click")
        if self.mode == "learn":
            self.show_feedback(choice.choice)
        else:
            self.show_node()

    def proceed(self) -> None:
        """Continue past feedback, along a step, or from the ending to the report."""
        if self.phase == "feedback":
            self.feedback_for = None
            self.note_read = None
            self.show_node()
        elif self.phase == "waiting" and self.view.kind == "ending":
            # imported here: the report pulls in the graph layout (networkx), a play does not
            from game.ui.gui.scenes.report import ReportScene

            self.app.replace(ReportScene(self.app, self.scenario, self.engine, self.mode))
        elif self.phase == "waiting":
            self.engine.advance()
            self.show_node()

    def handle(self, intent: Intent) -> None:
        focus = self.app.focus
        if intent.action is Action.RELOAD:
            self.reload()
            return
        if intent.action in (Action.PAGE_UP, Action.PAGE_DOWN):
            step = 120 * max(intent.number, 1)
            self.scroll_stage(-step if intent.action is Action.PAGE_UP else step)
            return
        if intent.action in (Action.BACK, Action.MENU):
            from game.ui.gui.scenes.pause import PauseScene

            self.app.push(PauseScene(self.app, self))  # the play is autosaved after every choice
            return
        if (
            intent.action is Action.CONFIRM
            and self.phase in ("waiting", "feedback")
            and (self.app.focus.focused is None)
        ):
            self.proceed()
            return
        if self.phase == "reading":
            if intent.action in (Action.CONFIRM, Action.SKIP, Action.CHOOSE):
                self.text_revealed()
            return
        if intent.action is Action.CHOOSE and self.phase == "choosing":
            for _, choice, _ in self.choice_cards:
                if choice.number == intent.number:
                    self.choose(choice)
                    return
        elif intent.action in (Action.DOWN, Action.NEXT_FOCUS, Action.RIGHT):
            focus.move(1)
        elif intent.action in (Action.UP, Action.PREVIOUS_FOCUS, Action.LEFT):
            focus.move(-1)
        elif intent.action is Action.CONFIRM and focus.focused is not None:
            self.activate(focus.focused)

    def activate(self, widget: Any) -> None:
        if widget in self.choice_buttons:
            self.choose(self.choice_buttons[widget])
        elif widget in self.note_buttons:
            self.read_note(self.note_buttons[widget])
        elif widget is self.continue_button:
            self.proceed()

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_EFFECT_FINISHED and event.ui_element is self.text_box:
            self.text_revealed()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.activate(event.ui_element)

    def handle_click(self, position: tuple[int, int]) -> None:
        if self.phase == "reading" and PANEL.collidepoint(position):
            self.text_revealed()

    @property
    def is_animating(self) -> bool:
        return self._letters_typed() is not None or self.fade is not None

    @property
    def has_visible_change(self) -> bool:
        """The fade moves every turn; the typewriter only when a letter was added."""
        return self.fade is not None or self._letters_typed() != self.letters_drawn

    def _letters_typed(self) -> int | None:
        """How far the typewriter is (None when it is not running)."""
        effect = self.text_box.active_text_effect if self.text_box is not None else None
        if effect is None:
            return None
        return int(getattr(effect, "text_progress", -1))  # -1: an effect without progress

    def update(self, seconds: float) -> None:
        if self.fade is not None:
            image, left = self.fade
            # at most a frame's time a turn: the slow turn that built the node (and ran
            # while the old picture stayed up) must not eat the fade
            left -= min(seconds, 1 / 60)
            self.fade = (image, left) if left > 0 else None
            if self.fade is None:
                self.app.dirty = True  # one more frame, without the old picture's last trace

    # -- drawing ---------------------------------------------------------------------------------

    def draw_background(self, surface: pygame.Surface) -> None:
        cards = tuple(
            backdrop.Card(tuple(rect), choice.is_available, bool(hit.hovered))
            for rect, choice, hit in self.choice_cards
        )
        # whatever changes the picture: a rebuild (node, reload, settings), folding, scroll, hover
        shown = (self.builds, self.phase, self.panel_visible, self.stage_visible)
        key = (*shown, self.stage.offset, self.app.settings, cards)
        self.layer.draw(surface, key, lambda image: self._compose(image, cards))
        letters = self._letters_typed()
        self.letters_drawn = None if letters == -1 else letters

    def _compose(self, surface: pygame.Surface, cards: tuple[backdrop.Card, ...]) -> None:
        """Everything under the widgets, drawn whole (the layer keeps it until it changes)."""
        settings, colours = self.app.settings, self.app.palette
        view = self.view
        name = view.background or "office"
        surface.blit(background(name, theme.CANVAS, settings.high_contrast), (0, 0))
        if self.phase == "feedback" and self.feedback_for is not None:
            draw_feedback(surface, settings, self.feedback_for)
            return
        if view.presentation is not None and self.stage_visible:
            self._stage_image(view)
            self.stage.draw(surface, self.stage_place(view), colours)
        if self.panel_visible:
            backdrop.draw_panel(surface, PANEL, colours)
        if self.panel_visible and self.name_label is not None:
            backdrop.draw_name_tab(surface, PANEL, self.name_label.rect.width, colours)
        if view.kind == "ending" and view.ending is not None:
            title = f"{tr(self.app.lang, 'ending')}: {view.ending.title.get(self.app.lang)}"
            backdrop.draw_ending_band(surface, settings, title, STAGE_TOP)
        backdrop.draw_cards(surface, cards, colours)

    def scroll_stage(self, pixels: int) -> None:
        """Scroll a presentation taller than its place (mouse wheel, Page Up/Down)."""
        view = self.view
        if view.presentation is not None and self.stage_visible:
            self._stage_image(view)
            self.stage.scroll(pixels, self.stage_place(view))
            self.app.dirty = True

    def _stage_image(self, view: NodeView) -> pygame.Surface:
        assert view.presentation is not None
        key = (view.node_id, self.app.lang, self.app.settings)
        return self.stage.image(
            key, view.presentation, self.stage_place(view).width, self.scenario, self.app.settings
        )

    def draw_overlay(self, surface: pygame.Surface) -> None:
        if self.fade is not None:
            image, left = self.fade
            image.set_alpha(round(255 * left / FADE_SECONDS))
            surface.blit(image, (0, 0))
        self.app.focus.draw(surface, theme.rgb(self.app.palette.focus))
        if self.notice:
            colours = self.app.palette
            image = theme.font(self.app.settings, "small", bold=True).render(
                self.notice, True, theme.rgb(colours.primary_ink)
            )
            band = image.get_rect(midtop=(640, 12)).inflate(24, 12)
            pygame.draw.rect(surface, theme.rgb(colours.accent), band, border_radius=8)
            surface.blit(image, image.get_rect(center=band.center))
