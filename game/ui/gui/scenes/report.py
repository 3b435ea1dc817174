"""The end report: competency bars, the tier and its meaning, violations, the review, reflection.

Owns the report layout: three labelled bars (colour plus label and number, so
colour is never the only carrier), the tier with its official description,
violations in a red-bordered box with rule and sanction tier, a scrollable
per-decision review (choice, rating, best option, feedback), and the reflection
prompt whose answer is saved with the result. Numbers come from core.scoring.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from game.core.engine import Engine
from game.core.model import COMPETENCIES, Scenario
from game.core.scoring import COMPETENCY_NAMES, SEVERITY_MEANINGS, TIER_MEANINGS
from game.ui.gui import theme
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr
from game.ui.terminal.report import best_choice

LEFT = pygame.Rect(theme.MARGIN, 112, 560, 520)
RIGHT = pygame.Rect(656, 112, 576, 440)


class ReportScene(Scene):
    def __init__(self, app: Any, scenario: Scenario, engine: Engine, mode: str) -> None:
        super().__init__(app)
        self.scenario, self.engine, self.mode = scenario, engine, mode
        self.result = engine.result()
        self.widgets: list[Any] = []
        self.saved_reflection = False

    def enter(self) -> None:
        manager, lang = self.app.manager, self.app.lang
        heading = UILabel(
            pygame.Rect(
                theme.MARGIN,
                32,
                1184,
                theme.font(self.app.settings, "heading", bold=True).get_linesize() + 8,
            ),
            f"{tr(lang, 'report')}: {self.scenario.title.get(lang)}",
            manager,
            object_id=ObjectID(class_id="@heading"),
        )
        tier = self.result["tier"]
        meaning = TIER_MEANINGS[tier].get(lang, TIER_MEANINGS[tier]["id"])
        tier_box = UITextBox(
            f"<b>{tr(lang, 'tier')}: {tier}</b><br>{html.escape(meaning)}",
            pygame.Rect(LEFT.x, LEFT.y + 220, LEFT.width, 136),
            manager,
            object_id=ObjectID(class_id="@small_text"),
        )
        violations = self.result["violations"]
        if violations:
            lines = [
                f"<b>{html.escape(v['rule'])}</b> [{v['severity']}]: "
                f"{html.escape(SEVERITY_MEANINGS[v['severity']].get(lang, ''))}"
                for v in violations
            ]
            text = f"<b>{tr(lang, 'violation')}</b><br>" + "<br>".join(lines)
        else:
            text = tr(lang, "no_violations")
        violation_box = UITextBox(
            text,
            pygame.Rect(LEFT.x + 12, LEFT.y + 372, LEFT.width - 24, 140),
            manager,
            object_id=ObjectID(class_id="@small_text"),
        )
        review = UITextBox(
            self._review(), RIGHT, manager, object_id=ObjectID(class_id="@small_text")
        )
        prompt = UILabel(
            pygame.Rect(RIGHT.x, RIGHT.bottom + 12, RIGHT.width, 28),
            self._prompt(),
            manager,
            object_id=ObjectID(class_id="@small"),
        )
        self.entry = UITextEntryLine(
            pygame.Rect(RIGHT.x, RIGHT.bottom + 44, RIGHT.width, 44), manager
        )
        self.entry.set_text_length_limit(300)
        self.save_button = UIButton(
            pygame.Rect(RIGHT.x, 720 - 72, 270, 48), self._save_label(), manager
        )
        self.done_button = UIButton(
            pygame.Rect(RIGHT.right - 270, 720 - 72, 270, 48),
            tr(lang, "to_title"),
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        self.widgets = [
            heading,
            tier_box,
            violation_box,
            review,
            prompt,
            self.entry,
            self.save_button,
            self.done_button,
        ]
        self.app.focus.set([self.entry, self.save_button, self.done_button], 2)

    def _prompt(self) -> str:
        if self.app.lang == "id":
            return "Satu tindakan nyata yang akan saya terapkan di tempat kerja:"
        return "One concrete action I will apply at work:"

    def _save_label(self) -> str:
        if self.saved_reflection:
            return "Tersimpan" if self.app.lang == "id" else "Saved"
        return "Simpan refleksi" if self.app.lang == "id" else "Save reflection"

    def _review(self) -> str:
        lang = self.app.lang
        parts = [f"<b>{tr(lang, 'decisions')}</b>"]
        for number, record in enumerate(self.engine.state.history, start=1):
            node = self.scenario.nodes.get(record.node_id)
            choice = node.choice(record.choice_id) if node else None
            if node is None or choice is None:
                continue
            ratings = ", ".join(f"{name} {value}" for name, value in record.ratings)
            item = f"{number}. {html.escape(choice.text.get(lang))}<br>{tr(lang, 'rating')}: "
            item += ratings or "-"
            best = best_choice(node.choices)
            if (
                best is not None
                and best.choice_id != choice.choice_id
                and sum(r for _, r in best.score) > sum(r for _, r in choice.score)
            ):
                item += f"<br><i>{tr(lang, 'best_option')}: {html.escape(best.text.get(lang))}</i>"
            if choice.feedback is not None:
                item += f"<br>{html.escape(choice.feedback.get(lang))}"
            parts.append(item)
        return "<br><br>".join(parts)

    def save_reflection(self) -> None:
        text = self.entry.get_text().strip()
        if not text:
            return
        self.app.history.append_reflection(self.scenario.scenario_id, text)
        self.saved_reflection = True
        self.save_button.set_text(self._save_label())

    def activate(self, widget: Any) -> None:
        if widget is self.save_button:
            self.save_reflection()
        elif widget is self.done_button:
            self.app.pop()

    def handle(self, intent: Intent) -> None:
        focus = self.app.focus
        if self.move_focus(intent):
            return
        if intent.action is Action.CONFIRM and focus.focused is not None:
            if focus.focused is self.entry:
                self.save_reflection()
            else:
                self.activate(focus.focused)
        elif intent.action is Action.BACK:
            self.app.pop()

    def handle_gui(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.activate(event.ui_element)
        elif event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.save_reflection()

    def draw_background(self, surface: pygame.Surface) -> None:
        settings, colours, lang = self.app.settings, self.app.palette, self.app.lang
        surface.fill(theme.rgb(colours.background))
        font = theme.font(settings, "small", bold=True)
        small = theme.font(settings, "small")
        y = LEFT.y
        for name in COMPETENCIES:
            value = self.result["competencies"][name]
            label = COMPETENCY_NAMES[name].get(lang, COMPETENCY_NAMES[name]["id"])
            surface.blit(font.render(label, True, theme.rgb(colours.ink)), (LEFT.x, y))
            track = pygame.Rect(LEFT.x, y + 28, LEFT.width - 90, 24)
            pygame.draw.rect(surface, theme.rgb(colours.panel), track, border_radius=6)
            pygame.draw.rect(surface, theme.rgb(colours.muted), track, 1, border_radius=6)
            if value is not None:
                bar = track.copy()
                bar.width = round(track.width * value / 5)
                pygame.draw.rect(surface, theme.rgb(getattr(colours, name)), bar, border_radius=6)
                mastery = track.x + round(track.width * 4 / 5)
                pygame.draw.line(
                    surface,
                    theme.rgb(colours.ink),
                    (mastery, track.y - 4),
                    (mastery, track.bottom + 4),
                    2,
                )
            shown = f"{value:.2f}" if value is not None else "-"
            surface.blit(
                small.render(shown, True, theme.rgb(colours.ink)), (track.right + 16, track.y + 2)
            )
            y += 72
        if self.result["violations"]:
            box = pygame.Rect(LEFT.x, LEFT.y + 364, LEFT.width, 156)
            pygame.draw.rect(surface, theme.rgb(colours.panel), box, border_radius=12)
            pygame.draw.rect(surface, theme.rgb(colours.accent), box, 3, border_radius=12)
