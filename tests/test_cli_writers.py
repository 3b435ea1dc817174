"""The writers' commands through subprocess: analyze, and validate with lint over the plays."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support import load_scenario
from test_cli import ROOT, run

from game.persistence.plans import differences, expected_outcome, read_plan, replay

LINT = ROOT / "tests" / "fixtures" / "lint"


def test_analyze_json_is_one_object_on_the_last_line() -> None:
    """Three decisions of two choices: 8 plays, 2 per tier, every count exact."""
    out = run("analyze", str(LINT / "clean.yaml"), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.strip().splitlines()[-1])
    assert data["paths"] == 8 and data["endings"] == ["akhir"]
    assert data["unreachable"] == [] and data["dead_ends"] == []
    assert data["tiers"] == {"belum": 4, "dasar": 2, "menengah": 1, "tinggi": 1}
    assert data["tiers_estimated"] is False
    assert data["decisions"] == {"d1": 8, "d2": 8, "d3": 8}
    assert data["score_range"]["recognize"] == {
        "min": 2.0,
        "max": 5.0,
        "min_exact": "2",
        "max_exact": "5",
    }


def test_analyze_reports_dead_ends_with_their_route_in_words() -> None:
    """The text report names the dead end and the choices that lead there, in English."""
    out = run("analyze", str(LINT / "SCN202-dead-end-after-a-choice.yaml"), "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert "Dead ends: d3 (menghindar > baik)" in out.stdout
    assert "Complete playthroughs: 8" in out.stdout


def test_analyze_of_an_invalid_file_prints_its_diagnostics_and_exits_1() -> None:
    """A scenario that does not load is not analysed; its errors go to standard error."""
    bad = ROOT / "tests" / "fixtures" / "bad" / "SCN020-goto-unknown-node.yaml"
    out = run("analyze", str(bad))
    assert out.returncode == 1 and "SCN020" in out.stderr and out.stdout == ""


def test_analyze_refuses_a_state_limit_below_one() -> None:
    """--max-states 0 is a usage error (exit 2), not an empty analysis."""
    out = run("analyze", str(LINT / "clean.yaml"), "--max-states", "0")
    assert out.returncode == 2 and "--max-states" in out.stderr


def test_validate_fails_on_a_lint_error_and_names_its_place() -> None:
    """A dead end found over the plays is an error: exit 1, with file, line and the fix."""
    out = run("validate", str(LINT / "SCN202-dead-end-after-a-choice.yaml"), "--lang", "en")
    assert out.returncode == 1
    assert "SCN202-dead-end-after-a-choice.yaml:41:3: error SCN202" in out.stdout
    assert "Add a choice with no condition" in out.stdout


def test_validate_passes_the_shipped_scenarios_with_no_finding() -> None:
    """Every shipped scenario is clean under content checks and lint alike, and so is every note."""
    out = run("validate", "--json")
    assert out.returncode == 0, out.stdout
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"diagnostics": []}


def test_play_record_writes_a_plan_that_replays_to_the_same_outcome(tmp_path: Path) -> None:
    """play --record: the written plan names every choice and the outcome the play reached."""
    plan_path = tmp_path / "plans" / "first.yaml"
    answers = "1\n" * 20
    out = run(
        "play",
        "hoaks-viral",
        "--ui",
        "text",
        "--json",
        "--saves-dir",
        str(tmp_path / "s"),
        "--record",
        str(plan_path),
        stdin=answers,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    plan = read_plan(plan_path)
    assert list(plan.choices) == result["choices"]
    assert plan.expect["ending"] == result["ending"] and plan.expect["tier"] == result["tier"]
    scenario = load_scenario(ROOT / "scenarios" / "hoaks-viral.yaml")
    replayed = replay(scenario, plan)
    assert differences(plan.expect, expected_outcome(replayed.state)) == []


def test_play_record_refuses_the_window_and_a_start_node(tmp_path: Path) -> None:
    """A plan is recorded by the text player from the start: other asks are usage errors."""
    plan = str(tmp_path / "p.yaml")
    window = run("play", "hoaks-viral", "--ui", "gui", "--record", plan)
    assert window.returncode == 2 and "--ui text" in window.stderr
    middle = run("play", "hoaks-viral", "--ui", "text", "--start", "evaluasi", "--record", plan)
    assert middle.returncode == 2 and "--start" in middle.stderr
    assert not Path(plan).exists()


def test_test_command_passes_a_clean_scenario_and_fails_a_dead_end() -> None:
    """python main.py test: exit 0 with full coverage, exit 1 with the failing route."""
    clean = run("test", str(LINT / "clean.yaml"), "--lang", "en")
    assert clean.returncode == 0, clean.stdout
    assert "Complete plays: 8" in clean.stdout and "PASSED" in clean.stdout
    dead = run("test", str(LINT / "SCN202-dead-end-after-a-choice.yaml"), "--json")
    assert dead.returncode == 1
    data = json.loads(dead.stdout.strip().splitlines()[-1])
    assert data["passed"] is False and data["failures"][0]["route"][0] == "d1/menghindar"


def test_test_command_random_is_deterministic_for_a_seed() -> None:
    """Two runs with the same --random and --seed print the same report."""
    args = ("test", "hoaks-viral", "--random", "25", "--seed", "4", "--json")
    first, second = run(*args), run(*args)
    assert first.returncode == 0 and first.stdout == second.stdout
    assert json.loads(first.stdout.strip().splitlines()[-1])["requested"] == 25


def test_storyboard_sheet_merges_back_into_the_scenario(tmp_path: Path) -> None:
    """storyboard writes comments.csv; review merge puts a filled comment above its node."""
    scenario = tmp_path / "mini.yaml"
    scenario.write_text((ROOT / "tests" / "fixtures" / "mini.yaml").read_text("utf-8"), "utf-8")
    board = tmp_path / "board"
    made = run("storyboard", str(scenario), "-o", str(board), "--size", "64x36")
    assert made.returncode == 0, made.stderr
    sheet = (board / "comments.csv").read_text(encoding="utf-8-sig")
    assert sheet.startswith("node,choice,kind")
    filled = sheet.replace("node-rapat.png,,", "node-rapat.png,Tambah suasana rapat.,Ahli B", 1)
    (board / "filled.csv").write_text(filled, encoding="utf-8-sig")
    before = scenario.read_text("utf-8")
    dry = run("review", "merge", str(scenario), str(board / "filled.csv"), "--dry-run")
    assert dry.returncode == 0 and scenario.read_text("utf-8") == before
    merged = run("review", "merge", str(scenario), str(board / "filled.csv"))
    assert merged.returncode == 0, merged.stderr
    assert "  # ULASAN (Ahli B): Tambah suasana rapat.\n  rapat:" in scenario.read_text("utf-8")
    assert run("validate", str(scenario)).returncode == 0


BAD_NOTES = ROOT / "tests" / "fixtures" / "bad-notes"


def note_expectations() -> set[tuple[str, str, int, int]]:
    """(file, code, line, col) from the ``# expect: CODE LINE:COL`` lines opening each note."""
    found = set()
    for path in sorted(BAD_NOTES.glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines()[:1]:
            match = re.match(r"#\s*expect:\s*(SCN\d{3})\s+(\d+):(\d+)\s*$", line)
            if match:
                found.add((path.name, match[1], int(match[2]), int(match[3])))
    return found


def test_validate_reports_each_broken_note_with_its_place_and_exits_1() -> None:
    """A notes folder: each bad note's code at its line and column, the fix hints, exit 1."""
    out = run("validate", str(BAD_NOTES), "--notes-dir", str(BAD_NOTES), "--lang", "en")
    assert out.returncode == 1
    reported = set()
    for line in out.stdout.splitlines():
        match = re.match(r"^(.+):(\d+):(\d+): error (SCN\d{3}): ", line)
        if match:
            reported.add((Path(match[1]).name, match[4], int(match[2]), int(match[3])))
    expected = note_expectations()
    assert {code for _, code, _, _ in expected} == {
        "SCN001",
        "SCN012",
        "SCN016",
        "SCN026",
        "SCN027",
    }
    assert reported == expected
    assert "Did you mean 'baik'?" in out.stdout  # the related id's hint
    assert "6 file(s), 5 error(s), 0 warning(s)" in out.stderr


def test_validate_checks_one_note_file_against_its_folder() -> None:
    """A note file named alone: its own findings only, its related ids checked across the folder."""
    target = BAD_NOTES / "SCN026-unknown-related.yaml"
    out = run("validate", str(target), "--notes-dir", str(BAD_NOTES), "--json")
    assert out.returncode == 1
    found = json.loads(out.stdout.strip().splitlines()[-1])["diagnostics"]
    assert [(d["code"], d["line"], d["col"]) for d in found] == [("SCN026", 8, 17)]
    sound = run("validate", str(BAD_NOTES / "00-baik.yaml"), "--notes-dir", str(BAD_NOTES))
    assert sound.returncode == 0, sound.stdout  # the folder's other findings are not its own
    assert "1 file(s), 0 error(s), 0 warning(s)" in sound.stderr


def test_validate_without_paths_checks_the_notes_folder_too(tmp_path: Path) -> None:
    """No path: scenarios/ and the notes folder; a broken note makes the run fail."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "rusak.yaml").write_text("id: rusak\ntitle: [\n", encoding="utf-8")
    out = run("validate", "--notes-dir", str(notes), "--json")
    assert out.returncode == 1
    found = json.loads(out.stdout.strip().splitlines()[-1])["diagnostics"]
    assert [d["code"] for d in found] == ["SCN001"]
    assert found[0]["file"].endswith("rusak.yaml")
