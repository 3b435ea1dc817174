"""Indonesian diagnostics read in Indonesian, details from parsers included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import FIXTURES

from game.content.loader import load_file
from game.content.wording import detail_in

ENGLISH = re.compile(r"\b(the|is|are|found|expected|while|must|only|cannot|allowed|never)\b")
BAD = sorted((FIXTURES / "bad").glob("*.yaml"))


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_indonesian_messages_carry_no_english_detail(path: Path) -> None:
    """Every diagnostic of every bad fixture is worded in Indonesian by default."""
    for diagnostic in load_file(path).diagnostics:
        assert not ENGLISH.search(diagnostic.message), diagnostic.message


def test_unknown_detail_is_kept_verbatim() -> None:
    """A detail without a known pattern passes through rather than being mangled."""
    assert detail_in("id", "zzz qqq") == "zzz qqq"
    assert detail_in("en", "cannot compare a string with an integer") == (
        "cannot compare a string with an integer"
    )
