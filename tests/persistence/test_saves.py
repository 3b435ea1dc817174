"""Saves: atomic writes, headers, slots, and refusing damaged or newer saves safely."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.core.engine import Engine
from game.core.model import Scenario
from game.errors import SaveError
from game.persistence import atomic
from game.persistence.autosave import Autosaver
from game.persistence.saves import SAVE_VERSION, SaveRefused, SaveStore


def played(mini: Scenario) -> Engine:
    engine = Engine(mini)
    engine.choose("tolak-halus")
    return engine


def test_save_round_trips_state_and_header(tmp_path: Path, mini: Scenario) -> None:
    """What is written reads back equal, with scenario id, hash, node, time and player."""
    store = SaveStore(tmp_path)
    engine = played(mini)
    path = store.slot_path("mini", "satu")
    store.write(path, engine.state, mini.content_hash, player="Ani", slot="satu")
    save = store.read(path)
    assert save.state == engine.state
    header = save.header
    assert (header.scenario_id, header.scenario_hash, header.node_id, header.player) == (
        "mini",
        mini.content_hash,
        "rapat",
        "Ani",
    )
    assert header.saved_at.endswith("+00:00")
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["format"] == "perekat-save" and payload["version"] == SAVE_VERSION


def test_autosaver_writes_after_every_choice(tmp_path: Path, mini: Scenario) -> None:
    """Each choice (and the ending) rewrites the autosave with the current node."""
    store = SaveStore(tmp_path)
    engine = Engine(mini)
    saver = Autosaver(store, mini.content_hash)
    engine.bus.subscribe(saver)
    engine.choose("tolak-halus")
    assert store.read(store.autosave_path("mini")).header.node_id == "rapat"
    engine.advance()
    engine.choose("program")
    assert store.read(store.autosave_path("mini")).state.ending_id == "akhir-baik"
    assert saver.saves == 3  # two choices and the ending


@pytest.mark.parametrize(
    ("content", "label"),
    [
        (b'{"format": "perekat-save", "version": 1, "header": {"scenario_id": "mi', "damaged"),
        (b"\x00\x01garbage", "damaged"),
        (b"[]", "damaged"),
        (b'{"format": "perekat-save", "version": 1, "header": {}, "state": {}}', "damaged"),
        (b'{"format": "other"}', "damaged"),
        (b'{"format": "perekat-save", "version": 99, "header": {}, "state": {}}', "newer"),
    ],
)
def test_unusable_save_is_refused_and_kept_aside(
    tmp_path: Path, content: bytes, label: str
) -> None:
    """Damaged, truncated and newer saves raise clearly; their bytes are renamed, not lost."""
    store = SaveStore(tmp_path)
    path = store.autosave_path("mini")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(SaveRefused) as caught:
        store.read(path)
    kept = caught.value.kept_at
    assert kept is not None and kept.read_bytes() == content
    assert f".{label}-" in kept.name and not path.exists()
    assert str(kept) in str(caught.value)


def test_setting_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    """Two damaged saves in the same second keep both copies."""
    store = SaveStore(tmp_path)
    path = store.slot_path("mini", "x")
    path.parent.mkdir(parents=True)
    kept = []
    for content in (b"one", b"two"):
        path.write_bytes(content)
        with pytest.raises(SaveRefused) as caught:
            store.read(path)
        kept.append(caught.value.kept_at)
    assert kept[0] != kept[1]
    assert {p.read_bytes() for p in kept if p} == {b"one", b"two"}


def test_missing_save_is_a_clear_error(tmp_path: Path) -> None:
    """Reading a slot that does not exist raises SaveError naming it."""
    with pytest.raises(SaveError, match="no save"):
        SaveStore(tmp_path).read(tmp_path / "nope.json")


@pytest.mark.parametrize("name", ["", "../etc", "a b", "x" * 41, "-lead"])
def test_bad_slot_names_are_refused(tmp_path: Path, name: str) -> None:
    """Slot names cannot escape the folder or be odd."""
    with pytest.raises(SaveError):
        SaveStore(tmp_path).slot_path("mini", name)


def test_failed_write_keeps_the_old_save_and_leaves_no_temp_file(
    tmp_path: Path, mini: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash before the replace leaves the previous save intact."""
    store = SaveStore(tmp_path)
    path = store.slot_path("mini", "s")
    engine = played(mini)
    store.write(path, engine.state, mini.content_hash)
    before = path.read_bytes()

    def fail(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", fail)
    engine.advance()
    with pytest.raises(SaveError, match="No space"):
        store.write(path, engine.state, mini.content_hash)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["s.json"]


def test_slots_lists_headers_and_marks_unreadable(tmp_path: Path, mini: Scenario) -> None:
    """slots() gives each slot's header, None for one that cannot be read."""
    store = SaveStore(tmp_path)
    store.write(store.slot_path("mini", "a"), played(mini).state, mini.content_hash, slot="a")
    store.slot_path("mini", "b").write_text("{", encoding="utf-8")
    listed = store.slots("mini")
    assert [name for name, _ in listed] == ["a", "b"]
    assert listed[0][1] is not None and listed[0][1].node_id == "rapat"
    assert listed[1][1] is None


def test_atomic_write_replaces_in_one_step(tmp_path: Path) -> None:
    """The target holds the old or the new bytes; no temp file remains."""
    target = tmp_path / "deep" / "f.json"
    atomic.write_atomic(target, b"old")
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(target.parent) == ["f.json"]


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_save_survives_the_writer_being_killed_mid_write(tmp_path: Path) -> None:
    """A process killed while rewriting a save in a loop never leaves it unreadable."""
    import signal
    import subprocess
    import sys
    import time

    target = tmp_path / "autosave.json"
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from game.persistence.atomic import write_atomic\n"
        "target = Path(sys.argv[1])\n"
        "n = 0\n"
        "while True:\n"
        "    n += 1\n"
        "    write_atomic(target, json.dumps({'n': n, 'pad': 'x' * 200000}).encode())\n"
    )
    root = Path(__file__).resolve().parents[2]
    for attempt in range(5):
        process = subprocess.Popen([sys.executable, "-c", script, str(target)], cwd=root)
        deadline = time.monotonic() + 10
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05 + attempt * 0.037)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert json.loads(target.read_bytes())["n"] >= 1


@pytest.mark.parametrize("content", [b'{"n": ' + b"9" * 5000 + b"}", b"[" * 100000 + b"]" * 100000])
def test_pathological_json_is_refused_not_crashed(tmp_path: Path, content: bytes) -> None:
    """Huge integers and deep nesting are refused as damaged and kept."""
    store = SaveStore(tmp_path)
    path = store.autosave_path("mini")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(SaveRefused) as caught:
        store.read(path)
    assert caught.value.kept_at is not None and caught.value.kept_at.read_bytes() == content


def test_write_sets_an_unreadable_file_aside_before_replacing_it(
    tmp_path: Path, mini: Scenario
) -> None:
    """Saving over a damaged or newer file keeps its bytes aside first."""
    store = SaveStore(tmp_path)
    path = store.slot_path("mini", "x")
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "perekat-save", "version": 5}', encoding="utf-8")
    store.write(path, played(mini).state, mini.content_hash)
    kept = list(path.parent.glob("x.newer-*.json"))
    assert len(kept) == 1 and store.read(path).header.node_id == "rapat"


def test_header_and_state_for_different_scenarios_is_damage(tmp_path: Path, mini: Scenario) -> None:
    """A save whose header and state disagree on the scenario is refused and kept."""
    store = SaveStore(tmp_path)
    path = store.slot_path("mini", "x")
    store.write(path, played(mini).state, mini.content_hash)
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload["header"]["scenario_id"] = "other"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(SaveRefused):
        store.read(path)
    assert list(path.parent.glob("x.damaged-*.json"))
