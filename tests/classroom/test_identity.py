"""Session codes and pseudonyms: names stay on the PC; pseudonyms are stable where they must be."""

from __future__ import annotations

import pytest

from game.classroom.identity import LOCAL, pseudonym, session_code, session_key


def test_session_codes_are_upper_cased_and_checked() -> None:
    """Letters, digits and '-', 3 to 20 long; one spelling whatever the case typed."""
    assert session_code(" kelas-a ") == "KELAS-A"
    assert session_code("B12") == "B12"
    for bad in ("ab", "-abc", "kelas a", "x" * 21, "kelas_a", "kélas"):
        with pytest.raises(ValueError, match="not allowed"):
            session_code(bad)


def test_the_local_session_cannot_be_claimed_by_a_code() -> None:
    """'local' names individual play; no class session can take it, in any case."""
    with pytest.raises(ValueError, match="reserved"):
        session_code("local")
    assert session_key(None) == LOCAL and session_key("KELAS-A") == "KELAS-A"


def test_a_name_gets_the_same_pseudonym_within_a_session_only() -> None:
    """Same session and name (spacing and case aside): same pseudonym; another session: another."""
    first = pseudonym("KELAS-A", "Siti Aminah", "play-1")
    assert first == pseudonym("KELAS-A", "  siti   AMINAH ", "play-2")
    assert first != pseudonym("KELAS-B", "Siti Aminah", "play-1")
    assert first.startswith("peserta-") and len(first) == len("peserta-") + 8
    assert "siti" not in first.lower()


def test_without_a_name_each_play_has_its_own_pseudonym() -> None:
    """No name given: the pseudonym follows the play's registration, so it is stable on resume."""
    assert pseudonym("KELAS-A", "", "play-1") == pseudonym("KELAS-A", " ", "play-1")
    assert pseudonym("KELAS-A", "", "play-1") != pseudonym("KELAS-A", "", "play-2")
    assert pseudonym(None, "", "play-1") != pseudonym("KELAS-A", "", "play-1")
