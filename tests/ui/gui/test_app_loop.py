"""The app's loop: animated turns paced against a deadline, idle turns warming fonts up."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from support import SCENARIOS  # noqa: E402

from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui.app import FRAME_RATE, App, Folders, next_deadline  # noqa: E402
from game.ui.gui.scenes.title import TitleScene  # noqa: E402
from game.ui.gui.warmup import GUI_FONTS, THEME_FONTS, font_warm_ups  # noqa: E402

STEP = 1 / FRAME_RATE


def test_the_first_animated_turn_is_due_a_frame_after_it_began() -> None:
    """With no deadline yet, the next turn is due one frame after this one began."""
    assert next_deadline(None, began=10.0, now=10.004) == pytest.approx(10.0 + STEP)


def test_deadlines_follow_each_other_so_short_oversleeps_do_not_add_up() -> None:
    """A turn that began a little late does not push the ones after it."""
    deadline = 10.0
    for turn in range(1, 6):
        began = deadline + 0.0008  # every sleep overshot a little
        deadline = next_deadline(deadline, began, began + 0.006)
        assert deadline == pytest.approx(10.0 + turn * STEP)


def test_a_turn_a_whole_frame_late_restarts_the_count_instead_of_hurrying() -> None:
    """After a slow frame the next turn runs at once, then the pace resumes from there."""
    assert next_deadline(10.0, began=10.01, now=10.06) == pytest.approx(10.06)


def test_run_stops_when_asked_and_idle_turns_warm_the_fonts(tmp_path: Path) -> None:
    """``until`` ends the loop; meanwhile the idle title turns step through the warm-up."""
    SettingsStore(tmp_path).save(Settings())
    app = App(Folders(SCENARIOS, tmp_path))
    app.push(TitleScene(app))
    turns = 0

    def enough() -> bool:
        nonlocal turns
        turns += 1
        return turns >= 3

    assert app.run(until=enough) == 0
    assert turns == 3 and app.running
    app.close()


def test_the_font_warm_up_takes_two_short_steps_per_font(tmp_path: Path) -> None:
    """Set up, then draw the common glyphs, for each font the play screen uses."""
    SettingsStore(tmp_path).save(Settings(text_scale=1.5, dyslexic_font=True))
    app = App(Folders(SCENARIOS, tmp_path))
    steps = list(font_warm_ups(app.settings, app.manager))
    assert len(steps) == 2 * (len(GUI_FONTS) + 1 + len(THEME_FONTS))
    app.close()
