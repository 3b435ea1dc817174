"""The command line through subprocess, as a user or a script runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (error|warning) SCN\d{3}: .+$")


def run(
    *args: str, stdin: str = "", cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run main.py as a user would on a machine with no display (so the text front end)."""
    if env is None:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")
        }
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        encoding="utf-8",
    )


def last_json(output: str) -> dict[str, object]:
    lines = output.strip().splitlines()
    return json.loads(lines[-1])  # type: ignore[no-any-return]


@pytest.fixture
def saves(tmp_path: Path) -> str:
    return str(tmp_path / "saves")


def test_version_is_printed() -> None:
    """--version names the program and version."""
    out = run("--version")
    assert out.returncode == 0 and re.match(r"perekat \d+\.\d+\.\d+", out.stdout)


def test_validate_valid_file_exits_zero() -> None:
    """A valid file: no diagnostic lines, exit 0."""
    out = run("validate", str(MINI))
    assert out.returncode == 0 and out.stdout == ""


def test_validate_reports_file_line_col_and_exits_one(tmp_path: Path) -> None:
    """Each diagnostic is one file:line:col line; errors give exit 1."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        MINI.read_text(encoding="utf-8").replace("goto: akhir-baik", "goto: akhir-baek"),
        encoding="utf-8",
    )
    out = run("validate", str(bad))
    assert out.returncode == 1
    lines = [line for line in out.stdout.splitlines() if not line.startswith("    ")]
    assert lines and all(LINE.match(line) for line in lines)
    assert "SCN020" in out.stdout and "akhir-baik" in out.stdout  # the hint suggests the right id


def test_validate_json_is_one_object_on_the_last_line(tmp_path: Path) -> None:
    """--json prints {"diagnostics": [...]} with every field."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\n", encoding="utf-8")
    out = run("validate", "--json", str(bad))
    data = last_json(out.stdout)
    assert out.returncode == 1
    assert data["diagnostics"] and set(data["diagnostics"][0]) == {  # type: ignore[index]
        "file",
        "line",
        "col",
        "severity",
        "code",
        "message",
        "hint",
    }


def test_validate_speaks_english_with_lang_en(tmp_path: Path) -> None:
    """--lang en words messages in English; the default is Indonesian."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\n", encoding="utf-8")
    assert "Missing required key" in run("validate", "--lang", "en", str(bad)).stdout
    assert "Kunci wajib" in run("validate", str(bad)).stdout


def test_validate_missing_path_is_a_usage_error() -> None:
    """A path that does not exist exits 2."""
    assert run("validate", "no/such/file.yaml").returncode == 2


def test_play_piped_to_the_ending_prints_result_json(saves: str) -> None:
    """Piped input plays to the ending; --json's last line is the result object."""
    out = run("play", str(MINI), "--json", "--saves-dir", saves, stdin="1\n1\n")
    assert out.returncode == 0, out.stderr
    result = last_json(out.stdout)
    assert result["ending"] == "akhir-baik" and result["tier"] == "tinggi"
    assert result["path"] == ["pagi", "rapat", "usul", "akhir-baik"]
    assert "LAPORAN" in out.stdout and "Traceback" not in out.stderr


def test_play_report_names_averages_tier_violations_and_feedback(saves: str) -> None:
    """The ending report shows each part the issue names."""
    out = run(
        "play", str(MINI), "--lang", "en", "--mode", "assess", "--saves-dir", saves, stdin="2\n2\n"
    )
    assert out.returncode == 0
    report = out.stdout.split("REPORT")[1]
    for expected in (
        "recognize",
        "1.00",
        "Tier: belum",
        "PP 94/2021 Pasal 5 huruf n [berat]",
        "heavy disciplinary penalty",
        "Breaks neutrality.",
        "Best option",
    ):
        assert expected in report
    assert "Feedback:" not in out.stdout.split("REPORT")[0]  # assess mode holds feedback back


def test_play_refuses_locked_and_unknown_choices_then_asks_again(saves: str) -> None:
    """A locked choice gives its reason, an unknown one a hint; the prompt repeats."""
    out = run("play", str(MINI), "--lang", "en", "--saves-dir", saves, stdin="3\nxyz\n9\n1\n1\n")
    assert out.returncode == 0
    assert "That choice is locked. Needs: kepercayaan >= 1" in out.stdout
    assert "There is no choice 'xyz'" in out.stdout and "There is no choice '9'" in out.stdout


def test_play_accepts_choice_ids(saves: str) -> None:
    """A line may name the choice id instead of its number."""
    out = run("play", str(MINI), "--json", "--saves-dir", saves, stdin="tolak-halus\nprogram\n")
    assert last_json(out.stdout)["choices"] == ["pagi/tolak-halus", "usul/program"]


def test_input_ending_early_autosaves_and_exits_three_then_resume_finishes(saves: str) -> None:
    """EOF before the ending: message, exit 3; --resume continues from the autosave."""
    first = run("play", str(MINI), "--saves-dir", saves, stdin="1\n")
    assert first.returncode == 3 and "--resume" in first.stdout
    assert (Path(saves) / "autosave" / "mini.json").is_file()
    second = run("play", str(MINI), "--resume", "--json", "--saves-dir", saves, stdin="1\n")
    assert second.returncode == 0
    result = last_json(second.stdout)
    assert result["choices"] == ["pagi/tolak-halus", "usul/program"]


def test_resume_without_autosave_is_a_clear_error(saves: str) -> None:
    """--resume with nothing saved exits 2 with a message."""
    out = run("play", str(MINI), "--resume", "--saves-dir", saves)
    assert out.returncode == 2 and "tidak ada simpanan otomatis untuk 'mini'" in out.stderr
    english = run("play", str(MINI), "--resume", "--lang", "en", "--saves-dir", saves)
    assert "there is no autosave for 'mini'" in english.stderr


def test_damaged_autosave_exits_two_and_keeps_its_bytes(saves: str) -> None:
    """A truncated autosave: clear message, exit 2, no traceback, bytes renamed aside."""
    folder = Path(saves) / "autosave"
    folder.mkdir(parents=True)
    (folder / "mini.json").write_bytes(b'{"format": "perekat-save", "vers')
    out = run("play", str(MINI), "--resume", "--saves-dir", saves)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "damaged" in out.stderr
    kept = list(folder.glob("mini.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"format": "perekat-save", "vers'


def test_newer_save_is_refused_with_exit_two(saves: str) -> None:
    """A save from a newer Perekat is refused and kept."""
    folder = Path(saves) / "autosave"
    folder.mkdir(parents=True)
    (folder / "mini.json").write_text('{"format": "perekat-save", "version": 7}', encoding="utf-8")
    out = run("play", str(MINI), "--resume", "--saves-dir", saves)
    assert out.returncode == 2 and "newer" in out.stderr
    assert list(folder.glob("mini.newer-*.json"))


def test_changed_scenario_resumes_with_a_note_when_node_exists(tmp_path: Path, saves: str) -> None:
    """Edited text: the save resumes and says the scenario changed."""
    copy = tmp_path / "mini.yaml"
    shutil.copy(MINI, copy)
    assert run("play", str(copy), "--saves-dir", saves, stdin="1\n").returncode == 3
    copy.write_text(
        copy.read_text(encoding="utf-8").replace("Rapat dimulai.", "Rapat mulai."), encoding="utf-8"
    )
    out = run("play", str(copy), "--resume", "--saves-dir", saves, stdin="1\n")
    assert out.returncode == 0 and "skenario telah berubah" in out.stdout


def test_changed_scenario_without_the_node_refuses_and_keeps_save(
    tmp_path: Path, saves: str
) -> None:
    """When the saved node is gone: exit 2, and the autosave is left untouched."""
    copy = tmp_path / "mini.yaml"
    shutil.copy(MINI, copy)
    run("play", str(copy), "--saves-dir", saves, stdin="1\n")
    autosave = Path(saves) / "autosave" / "mini.json"
    before = autosave.read_bytes()
    text = copy.read_text(encoding="utf-8").replace("goto: rapat", "goto: usul")
    text = text.replace(
        '  rapat:\n    text: {id: "Rapat dimulai.", en: "The meeting starts."}\n    next: usul\n',
        "",
    )
    copy.write_text(text, encoding="utf-8")
    out = run("play", str(copy), "--resume", "--saves-dir", saves, stdin="1\n")
    assert out.returncode == 2 and "rapat" in out.stderr
    assert autosave.read_bytes() == before


def test_save_slot_and_load_it(saves: str) -> None:
    """:save NAME writes a slot that --load continues."""
    out = run("play", str(MINI), "--saves-dir", saves, stdin="1\n:save satu\n")
    assert out.returncode == 3 and "satu" in out.stdout
    loaded = run("play", str(MINI), "--load", "satu", "--json", "--saves-dir", saves, stdin="1\n")
    assert last_json(loaded.stdout)["ending"] == "akhir-baik"


def test_undo_command_takes_back_a_choice(saves: str) -> None:
    """:undo returns to the decision; the final result has only the redone choice."""
    out = run("play", str(MINI), "--json", "--saves-dir", saves, stdin="2\n:undo\n1\n1\n")
    assert last_json(out.stdout)["choices"] == ["pagi/tolak-halus", "usul/program"]


def test_play_by_id_from_a_scenarios_folder(tmp_path: Path, saves: str) -> None:
    """SCENARIO may be an id looked up in --scenarios-dir."""
    shutil.copy(MINI, tmp_path / "whatever-name.yaml")
    out = run(
        "play",
        "mini",
        "--scenarios-dir",
        str(tmp_path),
        "--saves-dir",
        saves,
        "--json",
        stdin="1\n1\n",
    )
    assert out.returncode == 0 and last_json(out.stdout)["scenario"] == "mini"


def test_play_unknown_id_lists_what_exists(tmp_path: Path) -> None:
    """An unknown id exits 2 naming the available ids."""
    shutil.copy(MINI, tmp_path / "mini.yaml")
    out = run("play", "nope", "--scenarios-dir", str(tmp_path))
    assert out.returncode == 2 and "mini" in out.stderr


def test_play_invalid_scenario_exits_one_with_diagnostics(tmp_path: Path) -> None:
    """An invalid file is not played: diagnostics on stderr, exit 1."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\n", encoding="utf-8")
    out = run("play", str(bad))
    assert out.returncode == 1 and "SCN012" in out.stderr


def test_start_option_begins_at_a_node(saves: str) -> None:
    """--start NODE begins there."""
    out = run("play", str(MINI), "--start", "usul", "--json", "--saves-dir", saves, stdin="1\n")
    assert last_json(out.stdout)["path"] == ["usul", "akhir-baik"]


def test_bad_arguments_exit_two() -> None:
    """argparse usage errors exit 2."""
    assert run("play").returncode == 2
    assert run("play", str(MINI), "--ui", "web").returncode == 2


def test_menu_lists_scenarios_and_plays_the_one_picked(tmp_path: Path, saves: str) -> None:
    """No sub-command: a numbered list; the number picked is played."""
    shutil.copy(MINI, tmp_path / "mini.yaml")
    out = run("--scenarios-dir", str(tmp_path), "--saves-dir", saves, stdin="1\n1\n1\n")
    assert out.returncode == 0
    assert "1. Rapat Kecil (3 menit)" in out.stdout and "LAPORAN" in out.stdout


def test_validate_size_cap_can_be_raised(tmp_path: Path) -> None:
    """Over the cap: SCN004 and exit 1; --max-bytes raises the cap."""
    big = tmp_path / "big.yaml"
    big.write_text(
        MINI.read_text(encoding="utf-8") + "x-pad: " + "a" * 3000 + "\n", encoding="utf-8"
    )
    small_cap = run("validate", "--max-bytes", "1000", str(big))
    assert small_cap.returncode == 1 and "SCN004" in small_cap.stdout
    assert run("validate", "--max-bytes", "100000", str(big)).returncode == 0


def test_one_broken_file_does_not_hide_the_others(tmp_path: Path) -> None:
    """validate reports the broken file and still checks the good one."""
    shutil.copy(MINI, tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("format: 1\nid: b\n  bad: [\n", encoding="utf-8")
    out = run("validate", "--json", str(tmp_path))
    files = {d["file"] for d in last_json(out.stdout)["diagnostics"]}  # type: ignore[attr-defined]
    assert out.returncode == 1 and len(files) == 1 and next(iter(files)).endswith("b.yaml")


def headless_env() -> dict[str, str]:
    return {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def test_gui_title_draws_frames_and_exits(tmp_path: Path) -> None:
    """`python main.py --frames N` opens the game window, draws N frames and exits 0."""
    out = run("--ui", "gui", "--frames", "3", "--saves-dir", str(tmp_path), env=headless_env())
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr


def test_play_opens_the_gui_by_default_when_a_display_exists(tmp_path: Path) -> None:
    """`play SCENARIO` goes straight into the scenario in the window (dummy display here)."""
    out = run(
        "play", "hoaks-viral", "--frames", "5", "--saves-dir", str(tmp_path), env=headless_env()
    )
    assert out.returncode == 0, out.stderr
    assert "=== " not in out.stdout  # not the text player


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM")
def test_sigterm_closes_the_window_cleanly(tmp_path: Path) -> None:
    """A SIGTERM (logout, shutdown) ends the game with exit code 0, not a kill."""
    import signal
    import time

    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--ui", "gui", "--saves-dir", str(tmp_path)],
        env=headless_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    time.sleep(6)  # well past start-up, so the game's own SIGTERM handler is in place
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
