"""After a class's choice: its feedback and rating beside the best option's, and how it was decided.

Owns the outcome screen of a facilitated decision: one column for the option
the class took and one for the best option of the decision (the highest mean
rating, as the class report marks it), each with its rating per competency as
dots, its feedback and any rule it breaks; one column when the class chose the
best. A line says how the vote went (votes, method, a tie or an override).
Continue returns to the projector play, which is already at the next node.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.classroom.debrief import best_option
from game.core.model import COMPETENCIES, Choice, Scenario
from game.core.scoring import COMPETENCY_NAMES
from game.core.state import GroupVote
from game.core.views import NodeView
from game.ui.gui import theme
from game.ui.gui.feedback import feedback_markup
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr

GAP = 24
TOP = 24
DOT_STEP = 22


def vote_line(lang: str, vote: GroupVote) -> str:
    words = [tr(lang, "vote_summary", total=vote.total, method=tr(lang, f"method_{vote.method}"))]
    if vote.tie:
        words.append(tr(lang, "tie_note"))
    if vote.override:
        words.append(tr(lang, "override_note"))
    return "; ".join(words)


class OutcomeScene(Scene):
    def __init__(
        self, app: Any, scenario: Scenario, view: NodeView, choice_id: str, vote: GroupVote
    ) -> None:
        super().__init__(app)
        node = scenario.node(view.node_id)
        offered = tuple(c.choice for c in view.choices if c.is_available)
        chosen = node.choice(choice_id)
        assert chosen is not None
        self.chosen: Choice = chosen
        self.best = best_option(offered)
        self.vote = vote
        self.columns: list[tuple[pygame.Rect, Choice, str]] = []
        self.continue_button: Any = None

    def enter(self) -> None:
        app, manager, lang = self.app, self.app.manager, self.app.lang
        settings = app.settings
        heading_font = theme.font(settings, "heading", bold=True)
        line = theme.font(settings, "body").get_linesize()
        height = line + 16
        summary = UILabel(
            pygame.Rect(theme.MARGIN, TOP, 1280 - 2 * theme.MARGIN, line + 8),
            vote_line(lang, self.vote),
            manager,
            object_id=ObjectID(class_id="@name"),
        )
        self.widgets = [summary]
        same = self.best is None or self.best.choice_id == self.chosen.choice_id
        shown = [(self.chosen, "class_chose")]
        if not same and self.best is not None:
            shown.append((self.best, "best_choice"))
        width = (1280 - 2 * theme.MARGIN - GAP * (len(shown) - 1)) // len(shown)
        top = summary.rect.bottom + 12
        bottom = theme.CANVAS[1] - 24 - height - 16
        self.columns = []
        small = theme.font(settings, "small", bold=True).get_linesize()
        for index, (choice, title_key) in enumerate(shown):
            rect = pygame.Rect(theme.MARGIN + index * (width + GAP), top, width, bottom - top)
            title = tr(lang, title_key)
            if same:
                title += f" · {tr(lang, 'chose_best')}"
            self.columns.append((rect, choice, title))
            rated = sum(1 for name in COMPETENCIES if name in choice.ratings)
            text_top = rect.y + 20 + heading_font.get_linesize() + 12 + rated * (small + 8) + 8
            box = UITextBox(
                feedback_markup(choice, lang),
                pygame.Rect(rect.x + 16, text_top, rect.width - 32, rect.bottom - 12 - text_top),
                manager,
            )
            self.widgets.append(box)
        self.continue_button = UIButton(
            pygame.Rect(1280 - theme.MARGIN - 240, theme.CANVAS[1] - 24 - height, 240, height),
            tr(lang, "continue_story"),
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.widgets.append(self.continue_button)
        app.focus.set([self.continue_button])
        app.dirty = True

    def activate(self, widget: Any) -> None:
        if widget is self.continue_button:
            self.app.pop()

    def handle(self, intent: Intent) -> None:
        if intent.action in (Action.CONFIRM, Action.BACK):
            self.app.pop()
        else:
            self.steer_focus(intent)

    def draw_background(self, surface: pygame.Surface) -> None:
        settings, colours, lang = self.app.settings, self.app.palette, self.app.lang
        heading = theme.font(settings, "heading", bold=True)
        small = theme.font(settings, "small", bold=True)
        ink = theme.rgb(colours.ink)
        for rect, choice, title in self.columns:
            shade = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.rect(
                shade, (*theme.rgb(colours.panel)[:3], 248), shade.get_rect(), border_radius=16
            )
            surface.blit(shade, rect.topleft)
            if choice.violation is not None:
                pygame.draw.rect(surface, theme.rgb(colours.accent), rect, 4, border_radius=16)
            surface.blit(heading.render(title, True, ink), (rect.x + 16, rect.y + 20))
            y = rect.y + 20 + heading.get_linesize() + 12
            dots_x = rect.right - 16 - 5 * DOT_STEP
            for name in COMPETENCIES:
                rating = choice.ratings.get(name)
                if rating is None:
                    continue
                names = COMPETENCY_NAMES.get(name, {})
                label = small.render(f"{names.get(lang, name)}: {rating}/5", True, ink)
                surface.blit(label, (rect.x + 16, y), pygame.Rect(0, 0, dots_x - rect.x - 28, 99))
                colour = theme.rgb(getattr(colours, name))
                for dot in range(5):
                    centre = (dots_x + 9 + dot * DOT_STEP, y + small.get_linesize() // 2)
                    if dot < rating:
                        pygame.draw.circle(surface, colour, centre, 8)
                    pygame.draw.circle(surface, ink, centre, 8, 2)
                y += small.get_linesize() + 8
