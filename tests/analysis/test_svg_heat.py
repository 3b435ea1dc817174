"""The heat map over the decision graph: each way as wide as the plays that took it."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from game.analysis.layout import layout_scenario
from game.analysis.svg import HEAT_WIDEST, graph_svg
from game.core.model import Scenario


def test_ways_are_drawn_as_wide_as_their_share_with_the_count(mini: Scenario) -> None:
    """The most taken way at the widest stroke, another in proportion, each with its number."""
    heat = {("pagi", "tolak-halus"): 8, ("pagi", "bagikan"): 2, ("rapat", None): 10}
    text = graph_svg(layout_scenario(mini), lang="en", heat=heat)
    ElementTree.fromstring(text.split("\n", 1)[1])  # well-formed
    found = re.findall(
        r'<g class="heat-edge" data-source="([^"]+)" data-target="[^"]+"'
        r'(?: data-choice="([^"]+)")? '
        r'data-count="(\d+)"><title>\d+</title><polyline points="[^"]+" stroke="[^"]+" '
        r'stroke-opacity="[^"]+" stroke-width="([\d.]+)"',
        text,
    )
    widths = {
        (source, choice or None): (int(count), float(width))
        for source, choice, count, width in found
    }
    assert widths[("rapat", None)] == (10, HEAT_WIDEST)
    assert widths[("pagi", "tolak-halus")][1] == pytest.approx(2 + (HEAT_WIDEST - 2) * 0.8)
    assert widths[("pagi", "bagikan")][0] == 2
    assert ("usul", "program") not in widths
    assert "line width = how many took it" in text


def test_without_heat_the_picture_is_unchanged(mini: Scenario) -> None:
    """No heat argument: no heat strokes, the usual legend."""
    assert "heat-edge" not in graph_svg(layout_scenario(mini), lang="en")
