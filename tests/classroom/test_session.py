"""Setting up a facilitated session: codes, voters, groups, with errors that name the field."""

from __future__ import annotations

import pytest

from game.classroom.session import CODE_LETTERS, SetupError, class_session, new_code


def test_a_new_code_is_valid_and_has_nothing_to_misread() -> None:
    codes = {new_code() for _ in range(50)}
    assert len(codes) > 45
    for code in codes:
        assert class_session(code, "s", "counts", "").code == code
        assert set(code[4:]) <= set(CODE_LETTERS) and not set(code[4:]) & set("01OI")


def test_the_form_values_become_a_session() -> None:
    session = class_session(" kelas-a ", "hoaks-viral", "hotseat", " 24 ", "Merah,  Biru ,\n Hijau")
    assert session.code == "KELAS-A" and session.participants == 24
    assert session.groups == ("Merah", "Biru", "Hijau")
    assert session.seat.session == "KELAS-A" and session.seat.member_count == 24
    assert not session.names_enabled


@pytest.mark.parametrize(
    ("values", "key"),
    [
        (("a!", "counts", ""), "code"),
        (("LOCAL", "counts", ""), "code"),
        (("KELAS-A", "raise", ""), "method"),
        (("KELAS-A", "counts", "dua"), "participants"),
        (("KELAS-A", "counts", "201"), "participants_max"),
        (("KELAS-A", "hotseat", ""), "participants_hotseat"),
        (("KELAS-A", "hotseat", "1"), "participants_hotseat"),
    ],
)
def test_unusable_values_name_their_field(values: tuple[str, str, str], key: str) -> None:
    code, method, participants = values
    with pytest.raises(SetupError) as raised:
        class_session(code, "s", method, participants)
    assert raised.value.key == key


@pytest.mark.parametrize(
    ("groups", "key"),
    [("A, a", "groups_twice"), (",".join(f"G{i}" for i in range(21)), "groups_max"),
     ("x" * 41, "groups_long")],
)  # fmt: skip
def test_groups_need_distinct_short_names(groups: str, key: str) -> None:
    with pytest.raises(SetupError) as raised:
        class_session("KELAS-A", "s", "counts", "", groups)
    assert raised.value.key == key
