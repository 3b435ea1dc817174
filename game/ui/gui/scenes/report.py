"""The end report: competency bars, the tier and its meaning, violations, the review, reflection.

Owns the report layout: three labelled bars (colour plus label and number, so
colour is never the only carrier), the tier with its official description,
violations in a red-bordered box with rule and sanction tier, a scrollable
per-decision review (choice, rating, best option, feedback), and the reflection
prompt whose answer is saved with the result, and the picture of the path taken
through the decision graph (numbered as the review is; Enter or a click opens it
full size). Numbers come from core.scoring; the graph layout from analysis.
When the person asked for it, the play's end also sends this PC's records to the
LRS in the background (``lrs_after_play``); the report only shows its one line,
under the left column.
"""

from __future__ import annotations

import html
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from game.analysis.layout import GraphLayout, layout_scenario
from game.core.engine import Engine
from game.core.model import COMPETENCIES, Scenario
from game.core.scoring import COMPETENCY_NAMES, SEVERITY_MEANINGS, TIER_MEANINGS
from game.ui.gui import theme
from game.ui.gui.graph_picture import GraphPicture, PlayedPath, draw_legend
from game.ui.gui.intents import Action, Intent
from game.ui.gui.lrs_after_play import AfterPlaySend
from game.ui.gui.scene import Scene
from game.ui.gui.strings import tr
from game.ui.terminal.report import best_choice

LEFT = pygame.Rect(theme.MARGIN, 112, 560, 520)
RIGHT = pygame.Rect(656, 112, 576, 440)
PICTURE_HEIGHT = 160
BAR_HEIGHT = 24


class ReportScene(Scene):
    def __init__(self, app: Any, scenario: Scenario, engine: Engine, mode: str) -> None:
        super().__init__(app)
        self.scenario, self.engine, self.mode = scenario, engine, mode
        self.result = engine.result()
        self.widgets: list[Any] = []
        self.saved_reflection = False
        self.layout: GraphLayout = layout_scenario(scenario)
        self.path = PlayedPath.of(engine.state)
        self.legend_height = 0
        self.top = 112
        self.picture = pygame.Rect(RIGHT.x, self.top, RIGHT.width, PICTURE_HEIGHT)
        self.violation_frame = pygame.Rect(LEFT.x, 476, LEFT.width, 156)
        # -- the LRS send at the end of a play (lrs_after_play): started once, shown in a line
        self.lrs_send = AfterPlaySend.start(app.folders.saves, app.folders.config)
        self.lrs_line = ""

    def enter(self) -> None:
        manager, lang, settings = self.app.manager, self.app.lang, self.app.settings
        heading_height = theme.font(settings, "heading", bold=True).get_linesize() + 8
        heading = UILabel(
            pygame.Rect(theme.MARGIN, 24, 1184, heading_height),
            f"{tr(lang, 'report')}: {self.scenario.title.get(lang)}",
            manager,
            object_id=ObjectID(class_id="@heading"),
        )
        self.top = 24 + heading_height + 12
        self.widgets = [heading, *self._left_column(), *self._right_column()]
        self.app.focus.set([self.picture_button, self.entry, self.save_button, self.done_button], 3)

    def bar_tops(self) -> list[int]:
        """Where each competency's label goes; the bar sits one line below it."""
        line = theme.font(self.app.settings, "small", bold=True).get_linesize()
        step = line + 4 + BAR_HEIGHT + 16
        return [self.top + index * step for index in range(len(COMPETENCIES))]

    def _left_column(self) -> list[Any]:
        """The tier and its meaning under the bars, then the violations box to the bottom."""
        manager, lang = self.app.manager, self.app.lang
        line = theme.font(self.app.settings, "small", bold=True).get_linesize()
        tier_top = self.bar_tops()[-1] + line + 4 + BAR_HEIGHT + 20
        tier = self.result["tier"]
        meaning = TIER_MEANINGS[tier].get(lang, TIER_MEANINGS[tier]["id"])
        tier_box = UITextBox(
            f"<b>{tr(lang, 'tier')}: {tier}</b><br>{html.escape(meaning)}",
            pygame.Rect(LEFT.x, tier_top, LEFT.width, -1),
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
        top = tier_box.rect.bottom + 12
        room = 720 - 24 - top - 16 - self._lrs_line_room()
        inner = pygame.Rect(LEFT.x + 12, top + 8, LEFT.width - 24, -1)
        violation_box = UITextBox(text, inner, manager, object_id=ObjectID(class_id="@small_text"))
        if violation_box.rect.height > room:  # too long: a scrolling box fills the column
            violation_box.kill()
            inner.height = room
            violation_box = UITextBox(
                text, inner, manager, object_id=ObjectID(class_id="@small_text")
            )
        self.violation_frame = violation_box.rect.inflate(24, 16)
        return [tier_box, violation_box]

    def _right_column(self) -> list[Any]:
        """The path picture and its legend, the review, the reflection and the buttons."""
        manager, lang, settings = self.app.manager, self.app.lang, self.app.settings
        body = theme.font(settings, "body").get_linesize()
        self.picture = pygame.Rect(RIGHT.x, self.top, RIGHT.width, PICTURE_HEIGHT)
        scratch = pygame.Surface((RIGHT.width, 200))
        self.legend_height = draw_legend(
            scratch, (0, 0), RIGHT.width, self._legend_font(), self.app.palette, lang
        )
        buttons_top = 720 - 24 - (body + 16)
        self.save_button = UIButton(
            pygame.Rect(RIGHT.x, buttons_top, 276, body + 16), self._save_label(), manager
        )
        self.done_button = UIButton(
            pygame.Rect(RIGHT.right - 276, buttons_top, 276, body + 16),
            tr(lang, "to_title"),
            manager,
            object_id=ObjectID(class_id="@primary"),
        )
        entry_top = buttons_top - 12 - (body + 14)
        self.entry = UITextEntryLine(
            pygame.Rect(RIGHT.x, entry_top, RIGHT.width, body + 14), manager
        )
        self.entry.set_text_length_limit(300)
        prompt = UITextBox(
            self._prompt(),
            pygame.Rect(RIGHT.x, 0, RIGHT.width, -1),
            manager,
            object_id=ObjectID(class_id="@small_text"),
        )
        prompt_top = entry_top - 4 - prompt.rect.height
        prompt.set_relative_position((RIGHT.x, prompt_top))
        review_top = self.picture.bottom + self.legend_height + 20
        self.review = UITextBox(
            self._review(),
            pygame.Rect(RIGHT.x, review_top, RIGHT.width, prompt_top - 12 - review_top),
            manager,
            object_id=ObjectID(class_id="@small_text"),
        )
        self.picture_button = UIButton(
            self.picture, "", manager, object_id=ObjectID(class_id="@hit")
        )
        return [
            self.review,
            self.picture_button,
            prompt,
            self.entry,
            self.save_button,
            self.done_button,
        ]

    # -- the LRS send's line (lrs_after_play) ------------------------------------------------

    def _lrs_line_room(self) -> int:
        """Height kept under the left column for the send's line: two small lines."""
        if self.lrs_send is None:
            return 0
        return 2 * theme.font(self.app.settings, "small").get_linesize() + 8

    def update(self, seconds: float) -> None:
        if self.lrs_send is not None:
            line = self.lrs_send.line(self.app.lang)
            if line != self.lrs_line:
                self.lrs_line = line
                self.app.dirty = True

    def _draw_lrs_line(self, surface: pygame.Surface) -> None:
        if self.lrs_send is None or not self.lrs_line:
            return
        small = theme.font(self.app.settings, "small")
        text = small.render(
            self.lrs_line, True, theme.rgb(self.app.palette.muted), wraplength=LEFT.width
        )
        top = 720 - 24 - self._lrs_line_room() + 8
        surface.blit(text, (LEFT.x, top), pygame.Rect(0, 0, LEFT.width, self._lrs_line_room()))

    def _legend_font(self) -> pygame.font.Font:
        return theme.font(self.app.settings, "small")

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
            if record.rationale:
                reason = html.escape(record.rationale)
                item += f"<br>{tr(lang, 'rationale_heading')}: <i>{reason}</i>"
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
        self.engine.reflect(text)  # the play's listeners keep it: history and learning records
        self.saved_reflection = True
        self.save_button.set_text(self._save_label())

    def activate(self, widget: Any) -> None:
        if widget is self.picture_button:
            from game.ui.gui.scenes.path_map import PathMapScene

            self.app.push(PathMapScene(self.app, self.scenario, self.layout, self.path))
        elif widget is self.save_button:
            self.save_reflection()
        elif widget is self.done_button:
            self.app.pop()

    def handle(self, intent: Intent) -> None:
        focus = self.app.focus
        if self.move_focus(intent):
            return
        if intent.action in (Action.PAGE_UP, Action.PAGE_DOWN):
            self.scroll_review(-0.2 if intent.action is Action.PAGE_UP else 0.2)
        elif intent.action is Action.CONFIRM and focus.focused is not None:
            if focus.focused is self.entry:
                self.save_reflection()
            else:
                self.activate(focus.focused)
        elif intent.action is Action.BACK:
            self.app.pop()

    def scroll_review(self, share: float) -> None:
        bar = self.review.scroll_bar
        if bar is not None:
            bar.set_scroll_from_start_percentage(min(1.0, max(0.0, bar.start_percentage + share)))

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
        for name, y in zip(COMPETENCIES, self.bar_tops(), strict=True):
            value = self.result["competencies"][name]
            label = COMPETENCY_NAMES[name].get(lang, COMPETENCY_NAMES[name]["id"])
            surface.blit(font.render(label, True, theme.rgb(colours.ink)), (LEFT.x, y))
            track = pygame.Rect(LEFT.x, y + font.get_linesize() + 4, LEFT.width - 90, BAR_HEIGHT)
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
            number = small.render(shown, True, theme.rgb(colours.ink))
            surface.blit(number, number.get_rect(midleft=(track.right + 16, track.centery)))
        if self.result["violations"]:
            box = self.violation_frame
            pygame.draw.rect(surface, theme.rgb(colours.panel), box, border_radius=12)
            pygame.draw.rect(surface, theme.rgb(colours.accent), box, 3, border_radius=12)
        self._draw_picture(surface)
        self._draw_lrs_line(surface)

    def _draw_picture(self, surface: pygame.Surface) -> None:
        settings, colours, lang = self.app.settings, self.app.palette, self.app.lang
        picture = self.picture
        pygame.draw.rect(surface, theme.rgb(colours.panel), picture, border_radius=12)
        caption = theme.font(settings, "small", bold=True)
        title = caption.render(tr(lang, "path_map"), True, theme.rgb(colours.ink))
        surface.blit(title, (picture.x + 12, picture.y + 6))
        hint = theme.font(settings, "small").render(
            f"{tr(lang, 'enlarge')} ›", True, theme.rgb(colours.muted)
        )
        surface.blit(hint, hint.get_rect(topright=(picture.right - 12, picture.y + 6)))
        strip = caption.get_linesize() + 8
        area = pygame.Rect(
            picture.x + 8, picture.y + strip, picture.width - 16, picture.height - strip - 8
        )
        GraphPicture(self.layout, area).draw(surface, colours, self.path, caption)
        draw_legend(
            surface,
            (picture.x, picture.bottom + 8),
            picture.width,
            self._legend_font(),
            colours,
            lang,
        )
