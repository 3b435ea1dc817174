"""The reveal of a class's vote, and the facilitator's call on ties and overrides.

Owns the screen after the votes are in: first only how many came in; on
"show the result" a bar per option with its count and share, the most-voted
marked. With one leader the class goes on with it; with a tie (or no vote)
the facilitator picks; picking an option the majority did not make asks once
more and is recorded as an override. The decision goes back to the projector
play as ``("decided", choice_id, vote)``.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
from pygame_gui.elements import UITextBox

from game.core.views import ChoiceView
from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scenes.vote import SHEET, VoteScene
from game.ui.gui.strings import tr

TEXT_SHARE = 0.58  # of the row: the option's words; the rest is its bar


class RevealScene(VoteScene):
    """The vote's heading and option cards (``VoteScene``'s), with the bars and the call."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.pending: str | None = None  # an override waiting for its second press
        self.rows: list[tuple[pygame.Rect, ChoiceView]] = []
        self.options: dict[Any, ChoiceView] = {}

    def enter(self) -> None:
        app, manager, lang, ballot = self.app, self.app.manager, self.app.lang, self.ballot
        self.widgets, self.actions, self.options, self.rows = [], {}, {}, []
        heading = self.heading(tr(lang, "reveal_heading"))
        height = self.line() + 16
        bottom = self.bottom()
        top = heading.rect.bottom + 16
        back_rect = pygame.Rect(SHEET.x, bottom, 240, height)
        if not ballot.revealed:
            back = self.button(back_rect, "back", "back")
            words = tr(lang, "reveal_hidden", n=ballot.total)
            self.notice(words, top + 80)
            reveal = self.button(
                pygame.Rect(SHEET.centerx - 200, top + 200, 400, height), "reveal", "reveal", True
            )
            app.focus.set([reveal, back])
            app.dirty = True
            return
        leaders = ballot.leaders()
        text_width = int(SHEET.width * TEXT_SHARE)
        self.options, top = self.option_cards(top, text_width, self.pending)
        self.rows = [(button.rect.copy(), choice) for button, choice in self.options.items()]
        focus: list[Any] = list(self.options)
        message = ""
        if self.pending is not None:
            message = tr(lang, "override_confirm")
        elif not leaders:
            message = tr(lang, "no_votes_call")
        elif len(leaders) > 1:
            message = tr(lang, "tie_call")
        self.widgets.append(
            UITextBox(
                f'<font color="{app.palette.accent}"><b>{html.escape(message)}</b></font>',
                pygame.Rect(SHEET.x, top + 8, SHEET.width, -1),
                manager,
            )
        )
        if len(leaders) == 1 and self.pending is None:
            go = self.button(
                pygame.Rect(SHEET.right - 480, bottom, 480, height), "go_majority", "go", True
            )
            focus.insert(0, go)
        if self.pending is not None:  # back: no override after all
            focus.append(self.button(back_rect, "back", "back"))
        app.focus.set(focus)
        app.dirty = True

    def pick(self, choice: ChoiceView) -> None:
        """A press on an option: the facilitator's call on a tie, or an override asked twice."""
        leaders = self.ballot.leaders()
        if len(leaders) == 1 and choice.choice_id == leaders[0]:
            self.decide(None)
        elif choice.choice_id in leaders or not leaders or self.pending == choice.choice_id:
            self.decide(choice.choice_id)
        else:
            self.pending = choice.choice_id
            self.rebuild()
            for button, shown in self.options.items():
                if shown.choice_id == choice.choice_id:
                    self.app.focus.focus(button)

    def decide(self, pick: str | None) -> None:
        chosen, vote = self.ballot.decide(pick)
        self.app.pop(("decided", chosen, vote))

    def activate(self, widget: Any) -> None:
        if widget in self.options:
            self.pick(self.options[widget])
            return
        action = self.actions.get(widget)
        if action == "reveal":
            self.ballot.reveal()
            self.app.sounds.play("tick")
            self.rebuild()
        elif action == "go":
            self.decide(None)
        elif action == "back" and self.pending is not None:
            self.pending = None
            self.rebuild()
        elif action == "back" and not self.ballot.revealed:
            self.app.pop()

    def handle(self, intent: Intent) -> None:
        if intent.action is Action.BACK:
            if self.pending is not None:
                self.pending = None
                self.rebuild()
            elif not self.ballot.revealed:
                self.app.pop()
        elif intent.action is Action.CHOOSE and self.ballot.revealed:
            for choice in self.offered:
                if choice.number == intent.number:
                    self.pick(choice)
                    return
        else:
            self.steer_focus(intent)

    def draw_background(self, surface: pygame.Surface) -> None:
        super().draw_background(surface)
        if not self.ballot.revealed:
            return
        colours, settings = self.app.palette, self.app.settings
        font = theme.font(settings, "body", bold=True)
        total = max(self.ballot.total, 1)
        most = max(max(self.ballot.counts.values()), 1)
        leaders = set(self.ballot.leaders())
        self.draw_option_cards(surface)
        word = tr(self.app.lang, "majority")
        widest = font.size(f"{total} (100%) · {word}")[0]
        for rect, choice in self.rows:
            count = self.ballot.counts[choice.choice_id]
            leads = choice.choice_id in leaders
            words = f"{count} ({count / total:.0%})" + (f" · {word}" if leads else "")
            label = font.render(words, True, theme.rgb(colours.ink))
            room = SHEET.right - rect.right - 24 - widest - 12
            height = min(rect.h - 12, 44)
            length = max(4, room * count // most)
            bar = pygame.Rect(rect.right + 24, rect.centery - height // 2, length, height)
            colour = colours.primary if leads else colours.muted
            pygame.draw.rect(surface, theme.rgb(colour), bar, border_radius=6)
            surface.blit(label, (bar.right + 12, rect.centery - label.get_height() // 2))
