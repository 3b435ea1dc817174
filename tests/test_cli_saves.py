"""Playing from the command line never loses a save, and resumed plays keep their settings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from test_cli import MINI, last_json, run


def autosave(saves: Path) -> Path:
    return saves / "autosave" / "mini.json"


def test_new_play_keeps_an_unfinished_autosave_aside(tmp_path: Path) -> None:
    """Starting over moves the unfinished autosave aside and says where; --load continues it."""
    saves = tmp_path / "s"
    run("play", str(MINI), "--saves-dir", str(saves), stdin="1\n")
    before = autosave(saves).read_bytes()
    out = run("play", str(MINI), "--saves-dir", str(saves), stdin="")
    kept = list((saves / "autosave").glob("mini.previous-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == before
    assert str(kept[0]) in out.stdout
    again = run(
        "play", str(MINI), "--load", str(kept[0]), "--json", "--saves-dir", str(saves), stdin="1\n"
    )
    assert last_json(again.stdout)["choices"] == ["pagi/tolak-halus", "usul/program"]


def test_new_play_replaces_a_finished_autosave(tmp_path: Path) -> None:
    """A finished play's autosave may be replaced; nothing is set aside."""
    saves = tmp_path / "s"
    run("play", str(MINI), "--saves-dir", str(saves), stdin="1\n1\n")
    run("play", str(MINI), "--saves-dir", str(saves), stdin="2\n")
    assert sorted(p.name for p in (saves / "autosave").iterdir()) == ["mini.json"]


def test_newer_autosave_is_never_overwritten_by_a_new_play(tmp_path: Path) -> None:
    """A save from a newer Perekat is renamed aside before the new play's autosave."""
    saves = tmp_path / "s"
    autosave(saves).parent.mkdir(parents=True)
    autosave(saves).write_text('{"format": "perekat-save", "version": 9}', encoding="utf-8")
    run("play", str(MINI), "--saves-dir", str(saves), stdin="1\n")
    kept = list((saves / "autosave").glob("mini.newer-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text(encoding="utf-8"))["version"] == 9


def test_slots_of_different_scenarios_do_not_clash(tmp_path: Path) -> None:
    """:save x in two scenarios gives two slots; each --load x continues its own."""
    saves = tmp_path / "s"
    other = tmp_path / "other.yaml"
    other.write_text(
        MINI.read_text(encoding="utf-8").replace("id: mini", "id: lain"), encoding="utf-8"
    )
    run("play", str(MINI), "--saves-dir", str(saves), stdin="1\n:save x\n")
    run("play", str(other), "--saves-dir", str(saves), stdin="2\n:save x\n")
    first = run("play", str(MINI), "--load", "x", "--json", "--saves-dir", str(saves), stdin="1\n")
    second = run(
        "play", str(other), "--load", "x", "--json", "--saves-dir", str(saves), stdin="3\n"
    )
    assert last_json(first.stdout)["choices"][0] == "pagi/tolak-halus"
    assert last_json(second.stdout)["choices"][0] == "pagi/bagikan"


def test_assess_mode_survives_resume(tmp_path: Path) -> None:
    """A play started in assess mode cannot be undone after resuming it."""
    saves = tmp_path / "s"
    run("play", str(MINI), "--mode", "assess", "--saves-dir", str(saves), stdin="1\n")
    out = run(
        "play",
        str(MINI),
        "--resume",
        "--mode",
        "learn",
        "--lang",
        "en",
        "--saves-dir",
        str(saves),
        stdin=":undo\n",
    )
    assert "started in 'assess' mode" in out.stdout
    assert "Undo is only available in learning mode" in out.stdout


def test_player_name_is_kept_on_resume(tmp_path: Path) -> None:
    """The name given at the start stays in the autosave header after resuming."""
    saves = tmp_path / "s"
    run("play", str(MINI), "--player", "Budi", "--saves-dir", str(saves), stdin="1\n")
    run("play", str(MINI), "--resume", "--saves-dir", str(saves), stdin=":undo\n")
    header = json.loads(autosave(saves).read_text(encoding="utf-8"))["header"]
    assert header["player"] == "Budi"


def test_undo_after_the_scenario_changed_says_so(tmp_path: Path) -> None:
    """Undo that cannot be replayed is refused with a message; the play goes on."""
    saves = tmp_path / "s"
    copy = tmp_path / "mini.yaml"
    shutil.copy(MINI, copy)
    run("play", str(copy), "--saves-dir", str(saves), stdin="1\n2\n")  # two choices, back at pagi
    text = copy.read_text(encoding="utf-8").replace(
        "goto: rapat\n        add: {kepercayaan: 1}",
        "goto: akhir-baik\n        add: {kepercayaan: 1}",
    )
    copy.write_text(text, encoding="utf-8")
    out = run(
        "play", str(copy), "--resume", "--lang", "en", "--saves-dir", str(saves), stdin=":undo\n1\n"
    )
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert "Cannot undo: the scenario has changed" in out.stdout


def test_resume_onto_a_node_that_became_an_ending_shows_the_report(tmp_path: Path) -> None:
    """The saved node is now an ending: the play is over and the report is shown."""
    saves = tmp_path / "s"
    copy = tmp_path / "mini.yaml"
    shutil.copy(MINI, copy)
    run("play", str(copy), "--saves-dir", str(saves), stdin="1\n")
    text = copy.read_text(encoding="utf-8").replace(
        "    next: usul\n", '    ending: {title: {id: "Selesai", en: "Done"}}\n', 1
    )
    copy.write_text(text, encoding="utf-8")
    out = run("play", str(copy), "--resume", "--json", "--saves-dir", str(saves))
    assert out.returncode == 0 and "LAPORAN" in out.stdout
    assert last_json(out.stdout)["ending"] == "rapat"


def test_resume_at_a_dead_end_exits_one(tmp_path: Path) -> None:
    """A saved play standing on a dead end is reported as a scenario error."""
    saves = tmp_path / "s"
    copy = tmp_path / "mini.yaml"
    shutil.copy(MINI, copy)
    run("play", str(copy), "--saves-dir", str(saves), stdin="1\n")
    text = copy.read_text(encoding="utf-8").replace(
        "goto: akhir-buruk", 'goto: akhir-buruk\n        if: "kepercayaan > 99"'
    )
    text = text.replace('if: "not visited(\\"akhir-buruk\\")"', 'if: "kepercayaan > 99"')
    text = text.replace('if: "sikap == \\"netral\\""', 'if: "kepercayaan > 99"')
    copy.write_text(text, encoding="utf-8")
    out = run("play", str(copy), "--resume", "--lang", "en", "--saves-dir", str(saves))
    assert out.returncode == 1 and "dead end" in out.stderr and "usul" in out.stderr


def test_quitting_before_any_choice_does_not_claim_a_save(tmp_path: Path) -> None:
    """With no choice made, the message says nothing was saved."""
    out = run("play", str(MINI), "--lang", "en", "--saves-dir", str(tmp_path), stdin="")
    assert out.returncode == 3 and "nothing was saved" in " ".join(out.stdout.split())
    assert "--resume" not in out.stdout


def test_invalid_scenario_named_by_id_shows_its_diagnostics(tmp_path: Path) -> None:
    """An id whose file has errors exits 1 with the diagnostics, not 'no such scenario'."""
    (tmp_path / "rapat.yaml").write_text("format: 1\nid: rapat-warga\n", encoding="utf-8")
    out = run("play", "rapat-warga", "--scenarios-dir", str(tmp_path))
    assert out.returncode == 1 and "SCN012" in out.stderr


def test_start_cannot_be_combined_with_resume(tmp_path: Path) -> None:
    """--start with --resume is a usage error."""
    out = run("play", str(MINI), "--start", "usul", "--resume", "--saves-dir", str(tmp_path))
    assert out.returncode == 2


def test_menu_rejects_odd_input_and_ends_on_eof(tmp_path: Path) -> None:
    """Superscript digits and words get a hint; end of input exits 3."""
    shutil.copy(MINI, tmp_path / "mini.yaml")
    out = run(
        "--scenarios-dir", str(tmp_path), "--saves-dir", str(tmp_path / "s"), stdin="\u00b2\nabc\n"
    )
    assert out.returncode == 3 and out.stdout.count("Ketik nomor 1-1") == 2


def test_menu_offers_to_continue_an_unfinished_play(tmp_path: Path) -> None:
    """Picking a scenario with an unfinished autosave asks to continue it."""
    shutil.copy(MINI, tmp_path / "mini.yaml")
    saves = str(tmp_path / "s")
    run("play", str(tmp_path / "mini.yaml"), "--saves-dir", saves, stdin="1\n")
    out = run("--scenarios-dir", str(tmp_path), "--saves-dir", saves, stdin="1\ny\n1\n")
    assert "Lanjutkan?" in out.stdout and out.returncode == 0
    assert "LAPORAN" in out.stdout
