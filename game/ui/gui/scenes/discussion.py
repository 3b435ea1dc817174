"""A decision's discussion on the projector: the question, the options, the questions, a timer.

Owns the screen a facilitated class discusses at: the decision's text and its
options (numbered, as they will be voted), the node's ``discussion`` questions,
a timer counted down from the session's discussion time (start, pause, one more
minute; it rings once at zero) and the node's ``facilitator`` notes, hidden
until the facilitator shows them. "Start the vote" replaces it with the vote.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UITextBox

from game.classroom.session import ClassSession
from game.core.model import Scenario
from game.core.views import NodeView
from game.ui.gui import backdrop, theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

LEFT = pygame.Rect(theme.MARGIN, theme.MARGIN, 740, 0)
RIGHT = pygame.Rect(LEFT.right + 32, theme.MARGIN, 1280 - theme.MARGIN - LEFT.right - 32, 0)
TIMER_HEIGHT = 120


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))  # 0.2 s left still shows 0:01
    return f"{whole // 60}:{whole % 60:02d}"


class DiscussionScene(Scene):
    def __init__(self, app: Any, scenario: Scenario, view: NodeView, session: ClassSession) -> None:
        super().__init__(app)
        self.scenario, self.view, self.session = scenario, view, session
        self.node = scenario.node(view.node_id)
        self.remaining = float(session.discussion_seconds)
        self.running = False
        self.rang = False
        self.notes_shown = False
        self.shown_clock = clock_text(self.remaining)
        self.actions: dict[Any, str] = {}
        self.timer_rect = pygame.Rect(0, 0, 0, 0)

    @property
    def has_timer(self) -> bool:
        return self.session.discussion_seconds > 0

    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        line = theme.font(app.settings, "body").get_linesize()
        height = line + 16
        self.actions = {}
        options = "<br>".join(
            f"<b>{choice.number}.</b> {html.escape(choice.text)}"
            for choice in self.view.choices
            if choice.is_available
        )
        bottom = theme.CANVAS[1] - 24 - height
        question = UITextBox(
            f"{html.escape(self.view.text)}<br><br>{options}",
            pygame.Rect(LEFT.x, LEFT.y, LEFT.width, bottom - 16 - LEFT.y),
            manager,
        )
        self.widgets = [question]
        top = RIGHT.y
        focus: list[Any] = []
        if self.has_timer:
            self.timer_rect = pygame.Rect(RIGHT.x, top, RIGHT.width, TIMER_HEIGHT)
            top = self.timer_rect.bottom + 8
            half = (RIGHT.width - 8) // 2
            toggle = UIButton(
                pygame.Rect(RIGHT.x, top, half, height),
                tr(lang, "timer_pause" if self.running else "timer_start"),
                manager,
            )
            more = UIButton(
                pygame.Rect(RIGHT.x + half + 8, top, half, height), tr(lang, "timer_more"), manager
            )
            self.actions[toggle], self.actions[more] = "timer", "more"
            self.widgets += [toggle, more]
            focus += [toggle, more]
            top += height + 16
        questions = [text.get(lang) for text in self.node.discussion]
        notes_button = UIButton(
            pygame.Rect(RIGHT.x, bottom - height - 12, RIGHT.width, height),
            tr(lang, "hide_notes" if self.notes_shown else "show_notes"),
            manager,
            object_id=ObjectID(class_id="@small_button"),
        )
        self.actions[notes_button] = "notes"
        side: list[str] = []
        if questions:
            side.append(f"<b>{html.escape(tr(lang, 'discussion_questions'))}</b>")
            side += [f"• {html.escape(text)}" for text in questions]
        if self.notes_shown:
            note = self.node.facilitator.get(lang) if self.node.facilitator else ""
            side.append(f"<b>{html.escape(tr(lang, 'show_notes'))}</b>")
            side.append(html.escape(note) if note else html.escape(tr(lang, "no_notes")))
        if side:
            box = UITextBox(
                "<br>".join(side),
                pygame.Rect(RIGHT.x, top, RIGHT.width, notes_button.rect.top - 12 - top),
                manager,
                object_id=ObjectID(class_id="@small_text"),
            )
            self.widgets.append(box)
        back = UIButton(pygame.Rect(LEFT.x, bottom, 240, height), tr(lang, "back"), manager)
        vote = UIButton(
            pygame.Rect(1280 - theme.MARGIN - 360, bottom, 360, height),
            tr(lang, "start_vote"),
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.actions[back], self.actions[vote] = "back", "vote"
        self.widgets += [notes_button, back, vote]
        app.focus.set([vote, *focus, notes_button, back])
        app.dirty = True

    def rebuild(self) -> None:
        focused = self.app.focus.focused
        labels = {widget: self.actions.get(widget) for widget in self.widgets}
        self.exit()
        self.enter()
        for widget, action in self.actions.items():
            if action is not None and action == labels.get(focused):
                self.app.focus.focus(widget)

    def start_vote(self) -> None:
        from game.ui.gui.scenes.vote import vote_scene

        self.app.replace(vote_scene(self.app, self.scenario, self.view, self.session))

    def activate(self, widget: Any) -> None:
        action = self.actions.get(widget)
        if action == "vote":
            self.start_vote()
        elif action == "back":
            self.app.pop()
        elif action == "timer":
            if self.remaining <= 0:
                self.remaining = float(self.session.discussion_seconds)
                self.rang = False
            self.running = not self.running
            self.rebuild()
        elif action == "more":
            self.remaining += 60
            self.rang = False
            self.app.dirty = True
        elif action == "notes":
            self.notes_shown = not self.notes_shown
            self.rebuild()

    def handle(self, intent: Intent) -> None:
        if intent.action is Action.BACK:
            self.app.pop()
        else:
            self.steer_focus(intent)

    # -- the timer ------------------------------------------------------------------------------

    @property
    def is_animating(self) -> bool:
        return self.running

    @property
    def has_visible_change(self) -> bool:
        return clock_text(self.remaining) != self.shown_clock

    def update(self, seconds: float) -> None:
        if not self.running:
            return
        self.remaining = max(0.0, self.remaining - seconds)
        if self.remaining <= 0:
            self.running = False
            if not self.rang:
                self.rang = True
                self.app.sounds.play("tick")
            self.rebuild()

    def draw_background(self, surface: pygame.Surface) -> None:
        colours = self.app.palette
        panel = pygame.Rect(LEFT.x - 8, 16, LEFT.width + 16, theme.CANVAS[1] - 2 * 16)
        backdrop.draw_panel(surface, panel, colours, radius=0)
        if not self.has_timer:
            return
        done = self.remaining <= 0
        fill = colours.accent if done else colours.panel
        pygame.draw.rect(surface, theme.rgb(fill), self.timer_rect, border_radius=16)
        ink = colours.primary_ink if done else colours.ink
        font = theme.font_at(self.app.settings, TIMER_HEIGHT - 24, bold=True)
        self.shown_clock = clock_text(self.remaining)
        words = tr(self.app.lang, "timer_done") if done else self.shown_clock
        if done:
            font = theme.font(self.app.settings, "heading", bold=True)
        image = font.render(words, True, theme.rgb(ink))
        surface.blit(image, image.get_rect(center=self.timer_rect.center))
