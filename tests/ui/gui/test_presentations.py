"""Presentations are drawn at their content's height, the same however many passes it takes."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402
from support import SCENARIOS, load_scenario  # noqa: E402

from game.persistence.settings import Settings  # noqa: E402
from game.ui.gui import presentations  # noqa: E402
from game.ui.gui.presentations import render_presentation  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def fonts() -> None:
    pygame.display.init()
    pygame.font.init()


@pytest.mark.parametrize(
    ("scenario_id", "node_id"),
    [
        ("hoaks-viral", "grup-pagi"),
        ("hoaks-viral", "tag-medsos"),
        ("netralitas-pemilu", "rapat-bidang"),
    ],
)
@pytest.mark.parametrize("width", [560, 300])
def test_a_short_first_try_gives_the_pixels_of_one_tall_pass(
    monkeypatch: pytest.MonkeyPatch, scenario_id: str, node_id: str, width: int
) -> None:
    """Drawing again at the right height changes nothing: the frame's bottom edge stays cut."""
    scenario = load_scenario(SCENARIOS / f"{scenario_id}.yaml")
    item = scenario.nodes[node_id].presentation
    assert item is not None
    settings = Settings(text_scale=1.5)
    monkeypatch.setattr(presentations, "FIRST_TRY", presentations.TALLEST)
    tall = render_presentation(item, width, scenario, settings)
    monkeypatch.setattr(presentations, "FIRST_TRY", 64)
    retried = render_presentation(item, width, scenario, settings)
    assert tall.get_size() == retried.get_size()
    assert tall.get_height() < presentations.TALLEST
    assert pygame.image.tobytes(tall, "RGBA") == pygame.image.tobytes(retried, "RGBA")
