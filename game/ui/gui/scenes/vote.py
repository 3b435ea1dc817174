"""Taking a class's vote on the projector: counts from a show of hands, or secret hot-seat votes.

Owns the two ways votes come in. Counts: a row per option where the facilitator
types how many hands went up, shown as dots so the room sees no number before
the reveal. Hot-seat: one participant at a time presses the number of their
choice, confirms it, and the screen covers the options before the next one
steps up; only the tally is kept. Either ends in the reveal. The rules of the
vote are ``game.classroom.voting``'s.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UITextBox, UITextEntryLine

from game.classroom.session import ClassSession
from game.classroom.voting import Ballot, VoteError, ballot_for
from game.core.model import Scenario
from game.core.views import ChoiceView, NodeView
from game.ui.gui import backdrop, forms, theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

SHEET = pygame.Rect(theme.MARGIN, 24, 1280 - 2 * theme.MARGIN, 0)
COUNT_WIDTH = 160


def vote_scene(app: Any, scenario: Scenario, view: NodeView, session: ClassSession) -> Scene:
    """The vote the session asks for at this decision."""
    offered = [choice for choice in view.choices if choice.is_available]
    ballot = ballot_for(session.method, [c.choice_id for c in offered], session.participants)
    if session.method == "hotseat":
        return HotSeatVoteScene(app, scenario, view, offered, ballot)
    return CountsVoteScene(app, scenario, view, offered, ballot)


class VoteScene(Scene):
    """What both ways share: the heading, the options, and going on to the reveal."""

    def __init__(
        self,
        app: Any,
        scenario: Scenario,
        view: NodeView,
        offered: list[ChoiceView],
        ballot: Ballot,
    ) -> None:
        super().__init__(app)
        self.scenario, self.view, self.offered, self.ballot = scenario, view, offered, ballot
        self.actions: dict[Any, str] = {}
        self.cards_drawn: list[tuple[pygame.Rect, bool]] = []  # option cards: place, marked

    def line(self) -> int:
        return theme.font(self.app.settings, "body").get_linesize()

    def heading(self, text: str) -> Any:
        label = forms.heading(self.app, text, SHEET.x, SHEET.width, SHEET.y)
        self.widgets.append(label)
        return label

    def notice(self, words: str, top: int) -> None:
        """A line in large bold across the sheet (votes hidden, the next voter's turn)."""
        box = UITextBox(
            f"<b>{html.escape(words)}</b>",
            pygame.Rect(SHEET.x, top, SHEET.width, -1),
            self.app.manager,
            object_id=ObjectID(class_id="@heading_text"),
        )
        self.widgets.append(box)

    def button(self, rect: pygame.Rect, key: str, action: str, primary: bool = False) -> Any:
        kind = "@primary" if primary else "@choice"
        widget = UIButton(
            rect, tr(self.app.lang, key), self.app.manager, object_id=ObjectID(class_id=kind)
        )
        self.actions[widget] = action
        self.widgets.append(widget)
        return widget

    def option_cards(
        self, top: int, width: int, marked: str | None = None
    ) -> tuple[dict[Any, ChoiceView], int]:
        """A card per option: its whole text wrapped, under a button the size of the card
        (as the play's choices are); ``marked`` gets the primary border. Returns the
        buttons with their options, and the top below the last card."""
        manager = self.app.manager
        self.cards_drawn = []
        buttons: dict[Any, ChoiceView] = {}
        for choice in self.offered:
            box = UITextBox(
                f"<b>{choice.number}.</b> {html.escape(choice.text)}",
                pygame.Rect(SHEET.x + 16, top + 6, width - 32, -1),
                manager,
                object_id=ObjectID(class_id="@choice_text"),
            )
            rect = pygame.Rect(SHEET.x, top, width, box.rect.height + 12)
            hit = UIButton(rect, "", manager, object_id=ObjectID(class_id="@hit"))
            buttons[hit] = choice
            self.widgets += [box, hit]
            self.cards_drawn.append((rect, choice.choice_id == marked))
            top = rect.bottom + 8
        return buttons, top

    def draw_option_cards(self, surface: pygame.Surface) -> None:
        cards = tuple(backdrop.Card(tuple(rect), True, marked) for rect, marked in self.cards_drawn)
        backdrop.draw_cards(surface, cards, self.app.palette)

    def bottom(self) -> int:
        return theme.CANVAS[1] - 24 - (self.line() + 16)

    def rebuild(self) -> None:
        self.exit()
        self.enter()

    def to_reveal(self) -> None:
        from game.ui.gui.scenes.reveal import RevealScene

        self.app.replace(RevealScene(self.app, self.scenario, self.view, self.offered, self.ballot))

    def draw_background(self, surface: pygame.Surface) -> None:
        panel = pygame.Rect(SHEET.x - 16, 16, SHEET.width + 32, theme.CANVAS[1] - 32)
        backdrop.draw_panel(surface, panel, self.app.palette, radius=0)


class CountsVoteScene(forms.FormScene, VoteScene):
    """Counts typed per option; Enter after a count goes on to the next option's."""

    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        self.widgets, self.actions = [], {}
        title = self.heading(tr(lang, "vote_heading"))
        hint = forms.small_text(
            app, tr(lang, "counts_hint"), SHEET.x, title.rect.bottom + 4, SHEET.width
        )
        self.widgets.append(hint)
        top = hint.rect.bottom + 12
        height = self.line() + 16
        self.entries: dict[str, Any] = {}
        text_width = SHEET.width - COUNT_WIDTH - 24
        for choice in self.offered:
            box = UITextBox(
                f"<b>{choice.number}.</b> {html.escape(choice.text)}",
                pygame.Rect(SHEET.x, top, text_width, -1),
                manager,
                object_id=ObjectID(class_id="@choice_text"),
            )
            entry = UITextEntryLine(
                pygame.Rect(SHEET.right - COUNT_WIDTH, top, COUNT_WIDTH, height), manager
            )
            entry.set_allowed_characters("numbers")
            entry.set_text_length_limit(4)
            entry.set_text_hidden(True)  # dots until the reveal
            count = self.ballot.counts[choice.choice_id]
            if count:
                entry.set_text(str(count))
            self.entries[choice.choice_id] = entry
            self.widgets += [box, entry]
            top = max(box.rect.bottom, entry.rect.bottom) + 8
        bottom = self.bottom()
        self.message = UITextBox("", pygame.Rect(SHEET.x, bottom - 48, SHEET.width, 44), manager)
        back = self.button(pygame.Rect(SHEET.x, bottom, 240, height), "back", "back")
        reveal = self.button(
            pygame.Rect(SHEET.right - 360, bottom, 360, height), "reveal", "reveal", True
        )
        self.widgets.append(self.message)
        app.focus.set([*self.entries.values(), reveal, back])
        self.type_where_focused()
        app.dirty = True

    def read_counts(self) -> bool:
        """Put the typed counts in the ballot; False (and why, on screen) when one is wrong."""
        for choice_id, entry in self.entries.items():
            text = entry.get_text().strip()
            try:
                self.ballot.set_count(choice_id, int(text) if text else 0)
            except (ValueError, VoteError) as error:
                self.message.set_text(html.escape(str(error)))
                return False
        return True

    def exit(self) -> None:
        if getattr(self, "entries", None):
            self.read_counts()
        super().exit()
        self.entries = {}
        self.app.has_garbage = True

    def activate(self, widget: Any) -> None:
        if widget in self.entries.values():
            widget.focus()
            return
        action = self.actions.get(widget)
        if action == "back":
            self.app.pop()
        elif action == "reveal" and self.read_counts():
            self.to_reveal()

    def handle(self, intent: Intent) -> None:
        if intent.action is Action.BACK:
            self.app.pop()
        elif self.steer_focus(intent):
            self.type_where_focused()


class HotSeatVoteScene(VoteScene):
    """Voters in turn: ready (options shown), confirm (the pick shown), cover (options hidden)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.cards: dict[Any, ChoiceView] = {}
        self.step = "ready"
        self.picked: ChoiceView | None = None

    @property
    def voter(self) -> int:
        return self.ballot.total + 1

    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        self.widgets, self.actions = [], {}
        n = self.ballot.voters
        if self.step == "cover":
            title = tr(lang, "vote_heading")
        elif n:
            title = tr(lang, "hotseat_turn", k=self.voter, n=n)
        else:
            title = tr(lang, "hotseat_turn_open", k=self.voter)
        heading = self.heading(title)
        top = heading.rect.bottom + 12
        height = self.line() + 16
        bottom = self.bottom()
        focus: list[Any] = []
        self.cards, self.cards_drawn = {}, []
        if self.step == "cover":
            words = (
                tr(lang, "hotseat_all_done", n=n)
                if self.ballot.is_complete
                else tr(lang, "hotseat_cover")
            )
            self.notice(words, top + 80)
            if not self.ballot.is_complete:
                focus.append(
                    self.button(
                        pygame.Rect(SHEET.centerx - 200, top + 240, 400, height),
                        "hotseat_next",
                        "next",
                        True,
                    )
                )
        else:
            hint = (
                tr(lang, "hotseat_confirm", k=self.picked.number)
                if self.picked is not None
                else tr(lang, "hotseat_press", n=max(c.number for c in self.offered))
            )
            box = UITextBox(
                html.escape(hint),
                pygame.Rect(SHEET.x, top, SHEET.width, -1),
                manager,
                object_id=ObjectID(class_id="@small_text"),
            )
            self.widgets.append(box)
            top = box.rect.bottom + 12
            picked = self.picked.choice_id if self.picked is not None else None
            self.cards, top = self.option_cards(top, SHEET.width, picked)
            focus += list(self.cards)
            if self.picked is not None:
                send = self.button(
                    pygame.Rect(SHEET.right - 360, min(top + 8, bottom - height - 12), 360, height),
                    "hotseat_send",
                    "send",
                    True,
                )
                focus.insert(0, send)
        end = self.button(
            pygame.Rect(SHEET.right - 360, bottom, 360, height),
            "reveal" if self.ballot.is_complete else "end_vote",
            "end",
            self.ballot.is_complete,
        )
        focus.append(end)
        if not self.ballot.total:  # once someone has voted, leaving would lose their vote
            focus.append(self.button(pygame.Rect(SHEET.x, bottom, 240, height), "back", "back"))
        app.focus.set(focus)
        app.dirty = True

    def pick(self, choice: ChoiceView) -> None:
        self.picked = choice
        self.rebuild()

    def send(self) -> None:
        if self.picked is None:
            return
        self.ballot.cast(self.picked.choice_id)
        self.picked = None
        self.step = "cover"
        self.app.sounds.play("click")
        self.rebuild()

    def activate(self, widget: Any) -> None:
        if self.step != "cover" and widget in self.cards:
            self.pick(self.cards[widget])
            return
        action = self.actions.get(widget)
        if action == "send":
            self.send()
        elif action == "next":
            self.step = "ready"
            self.rebuild()
        elif action == "end":
            self.to_reveal()
        elif action == "back":
            self.app.pop()

    def handle(self, intent: Intent) -> None:
        if intent.action is Action.BACK:
            if not self.ballot.total:
                self.app.pop()
        elif intent.action is Action.CHOOSE and self.step == "ready":
            for choice in self.offered:
                if choice.number == intent.number:
                    self.pick(choice)
        elif intent.action is Action.CONFIRM and self.step == "ready" and self.picked:
            focused = self.app.focus.focused
            if focused in self.cards and self.cards[focused] is not self.picked:
                self.pick(self.cards[focused])  # Enter on another card: that one instead
            elif focused is None or self.actions.get(focused) == "send" or focused in self.cards:
                self.send()
            else:
                self.steer_focus(intent)
        elif intent.action is Action.CONFIRM and self.step == "cover":
            focused = self.app.focus.focused
            if self.ballot.is_complete or self.actions.get(focused) == "next":
                self.activate(focused)
            else:
                self.steer_focus(intent)
        else:
            self.steer_focus(intent)

    def draw_background(self, surface: pygame.Surface) -> None:
        super().draw_background(surface)
        if self.step != "cover":
            self.draw_option_cards(surface)
