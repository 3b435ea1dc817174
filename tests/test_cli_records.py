"""Learning records through the command line: play with a session, export, names on and off."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ralph.models.xapi.base.statements import BaseXapiStatement
from test_cli import MINI, last_json, run

NAME = "Rahmawati Kusuma"
RATIONALE = "urn:perekat:ext:rationale"  # appears nowhere in the scenario's own text


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def verbs(statements: list[dict[str, Any]]) -> list[str]:
    return [statement["verb"]["display"]["en-US"] for statement in statements]


def class_play(tmp_path: Path, *extra: str, stdin: str = "1\n1\n") -> Any:
    return run(
        "play",
        str(MINI),
        "--ui",
        "text",
        "--saves-dir",
        str(tmp_path / "saves"),
        "--session",
        "kelas-a",
        "--results-dir",
        str(tmp_path / "usb"),
        "--player",
        NAME,
        *extra,
        stdin=stdin,
    )


def export(tmp_path: Path, *extra: str) -> Any:
    return run("records", "export", "--saves-dir", str(tmp_path / "saves"), *extra)


def test_a_class_play_writes_its_statements_to_the_store_and_the_results_file(
    tmp_path: Path,
) -> None:
    """Two choices: two answered and one completed, in the store and in the class's file."""
    out = class_play(tmp_path)
    assert out.returncode == 0, out.stderr
    [results] = list((tmp_path / "usb").iterdir())
    assert results.name.startswith("KELAS-A-peserta-") and results.suffix == ".jsonl"
    statements = [json.loads(line) for line in lines(results)]
    assert verbs(statements) == ["answered", "answered", "completed"]
    for statement in statements:
        BaseXapiStatement.model_validate(statement)
    assert [s["result"].get("response") for s in statements[:2]] == ["tolak-halus", "program"]
    assert len({s["context"]["registration"] for s in statements}) == 1
    exported = export(tmp_path, "--session", "KELAS-A", "-o", str(tmp_path / "all.jsonl"))
    assert exported.returncode == 0, exported.stderr
    assert lines(tmp_path / "all.jsonl") == lines(results)
    assert "3" in exported.stderr and "KELAS-A" in exported.stderr


def test_no_player_name_leaves_the_pc_unless_names_are_on(tmp_path: Path) -> None:
    """Pseudonyms by default: the name is in no statement, file name or export."""
    assert class_play(tmp_path).returncode == 0
    assert export(tmp_path, "-o", str(tmp_path / "all.jsonl")).returncode == 0
    for path in [*(tmp_path / "usb").iterdir(), tmp_path / "all.jsonl"]:
        assert "Rahmawati" not in path.name
        assert "Rahmawati" not in path.read_text(encoding="utf-8")


def test_names_appear_once_the_facilitator_turns_them_on(tmp_path: Path) -> None:
    """records session CODE --names on: later statements of that session carry the name."""
    turned = run(
        "--lang", "en", "records", "session", "kelas-a", "--names", "on",
        "--saves-dir", str(tmp_path / "saves"),
    )  # fmt: skip
    assert turned.returncode == 0 and "real names included" in turned.stdout
    assert class_play(tmp_path).returncode == 0
    [results] = list((tmp_path / "usb").iterdir())
    actors = [json.loads(line)["actor"] for line in lines(results)]
    assert {actor["name"] for actor in actors} == {NAME}
    assert NAME not in results.name


def test_export_is_deterministic_and_can_go_to_stdout(tmp_path: Path) -> None:
    """Two exports give the same bytes; -o - prints the same lines."""
    assert class_play(tmp_path).returncode == 0
    assert export(tmp_path, "-o", str(tmp_path / "a.jsonl")).returncode == 0
    assert export(tmp_path, "-o", str(tmp_path / "b.jsonl")).returncode == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    printed = export(tmp_path, "-o", "-")
    assert printed.stdout.splitlines() == lines(tmp_path / "a.jsonl")


def test_individual_play_is_recorded_under_local(tmp_path: Path) -> None:
    """Without --session the play's records are the PC's own, exported with --session local."""
    saves = str(tmp_path / "saves")
    out = run("play", str(MINI), "--ui", "text", "--saves-dir", saves, stdin="1\n1\n")
    assert out.returncode == 0, out.stderr
    assert export(tmp_path, "--session", "local", "-o", str(tmp_path / "own.jsonl")).returncode == 0
    statements = [json.loads(line) for line in lines(tmp_path / "own.jsonl")]
    assert verbs(statements) == ["answered", "answered", "completed"]
    assert statements[0]["actor"]["account"]["homePage"] == "urn:perekat:local"
    assert (
        export(tmp_path, "--session", "KELAS-A", "-o", str(tmp_path / "none.jsonl")).returncode == 0
    )
    assert lines(tmp_path / "none.jsonl") == []


def test_a_resumed_play_continues_its_records_without_duplicates(tmp_path: Path) -> None:
    """Input ends after one choice; --resume finishes: one registration, each statement once."""
    first = class_play(tmp_path, stdin="1\n")
    assert first.returncode == 3, first.stderr
    second = run(
        "play", str(MINI), "--ui", "text", "--resume", "--saves-dir", str(tmp_path / "saves"),
        "--results-dir", str(tmp_path / "usb"), stdin="1\n",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    [results] = list((tmp_path / "usb").iterdir())
    statements = [json.loads(line) for line in lines(results)]
    assert verbs(statements) == ["answered", "answered", "completed"]
    assert len({s["context"]["registration"] for s in statements}) == 1
    assert {s["actor"]["account"]["homePage"] for s in statements} == {
        "urn:perekat:session:KELAS-A"
    }


def test_undo_in_the_text_player_voids_the_answer(tmp_path: Path) -> None:
    """:undo writes xAPI's voided statement for the answer taken back."""
    out = class_play(tmp_path, stdin="1\n:undo\n1\n1\n")
    assert out.returncode == 0, out.stderr
    [results] = list((tmp_path / "usb").iterdir())
    statements = [json.loads(line) for line in lines(results)]
    assert verbs(statements) == ["answered", "voided", "answered", "answered", "completed"]
    assert statements[1]["object"]["id"] == statements[0]["id"]


def test_bad_session_codes_and_a_group_without_session_are_usage_errors(tmp_path: Path) -> None:
    """Exit 2 with the reason, before any play starts."""
    saves = str(tmp_path / "saves")
    bad = run("play", str(MINI), "--ui", "text", "--saves-dir", saves, "--session", "a b")
    assert bad.returncode == 2 and "not allowed" in bad.stderr
    group = run("play", str(MINI), "--ui", "text", "--saves-dir", saves, "--group", "Tim 1")
    assert group.returncode == 2 and "--session" in group.stderr
    window = run("play", str(MINI), "--ui", "gui", "--saves-dir", saves, "--results-dir", saves)
    assert window.returncode == 2 and "--session" in window.stderr
    assert not (tmp_path / "saves").exists()


def group_play(tmp_path: Path, *extra: str, stdin: str) -> Any:
    return class_play(tmp_path, "--group", "Kelompok 2", *extra, stdin=stdin)


def test_a_group_play_records_each_reason_and_how_many_play(tmp_path: Path) -> None:
    """--group asks for the group's reason after each choice (the next piped line)."""
    out = group_play(
        tmp_path, "--members", "Siti, Budi ,, Ani", stdin="1\nKami sepakat menolak.\n1\n\n"
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("Alasan kelompok (Enter untuk lewati):") == 2
    [results] = list((tmp_path / "usb").iterdir())
    statements = [json.loads(line) for line in lines(results)]
    assert verbs(statements) == ["answered", "answered", "completed"]
    reasons = [s["result"].get("extensions", {}).get(RATIONALE) for s in statements[:2]]
    assert reasons == ["Kami sepakat menolak.", None]  # a blank line skips
    for statement in statements:
        extensions = statement["context"]["extensions"]
        assert extensions["urn:perekat:ext:member-count"] == 3
        assert "urn:perekat:ext:members" not in extensions  # names are off by default
        BaseXapiStatement.model_validate(statement)
    assert "Siti" not in results.read_text(encoding="utf-8")


def test_a_group_s_member_names_appear_only_with_names_on(tmp_path: Path) -> None:
    """records session CODE --names on: the members are listed in every context."""
    turned = run(
        "records", "session", "KELAS-A", "--names", "on", "--saves-dir", str(tmp_path / "saves")
    )
    assert turned.returncode == 0, turned.stderr
    out = group_play(tmp_path, "--members", "Siti, Budi, Ani", stdin="1\nalasan\n1\nlagi\n")
    assert out.returncode == 0, out.stderr
    [results] = list((tmp_path / "usb").iterdir())
    statements = [json.loads(line) for line in lines(results)]
    assert {tuple(s["context"]["extensions"]["urn:perekat:ext:members"]) for s in statements} == {
        ("Siti", "Budi", "Ani")
    }
    reasons = [s["result"]["extensions"][RATIONALE] for s in statements[:2]]
    assert reasons == ["alasan", "lagi"]


def test_a_resumed_group_play_still_asks_for_the_reason(tmp_path: Path) -> None:
    """--resume without --group: the play's group comes from its records, so it asks again."""
    first = group_play(tmp_path, stdin="1\npertama\n")
    assert first.returncode == 3, first.stderr
    second = run(
        "play", str(MINI), "--ui", "text", "--resume", "--saves-dir", str(tmp_path / "saves"),
        "--results-dir", str(tmp_path / "usb"), stdin="1\nkedua\n",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    [results] = list((tmp_path / "usb").iterdir())
    statements = [json.loads(line) for line in lines(results)]
    reasons = [s["result"]["extensions"][RATIONALE] for s in statements[:2]]
    assert reasons == ["pertama", "kedua"]


def test_bad_members_are_usage_errors(tmp_path: Path) -> None:
    """Exit 2 with the reason: no name, 13 names, a name of 61 letters, no --group."""
    saves = str(tmp_path / "saves")
    base = ("--lang", "en", "play", str(MINI), "--ui", "text", "--saves-dir", saves)
    group = ("--session", "KELAS-A", "--group", "Tim 1", "--members")
    for members, reason in (
        (" , ", "give 1-12 names"),
        (",".join(f"Nama {n}" for n in range(13)), "give 1-12 names"),
        ("x" * 61, "use 1-60 printable characters"),
    ):
        out = run(*base, *group, members)
        assert out.returncode == 2 and reason in out.stderr, out.stderr
    alone = run(*base, "--session", "KELAS-A", "--members", "Siti")
    assert alone.returncode == 2 and "give --group NAME too" in alone.stderr
    assert not (tmp_path / "saves").exists()


def test_exporting_a_pc_without_records_writes_an_empty_file(tmp_path: Path) -> None:
    """No records yet: an empty JSON Lines file, a summary saying 0, no database created."""
    out = run(
        "--lang", "en", "records", "export", "--saves-dir", str(tmp_path / "saves"),
        "-o", str(tmp_path / "x.jsonl"),
    )  # fmt: skip
    assert out.returncode == 0 and "0 xAPI statements" in out.stderr
    assert (tmp_path / "x.jsonl").read_text() == ""
    assert not (tmp_path / "saves").exists()


def test_a_class_play_records_the_reflection_typed_after_the_report(tmp_path: Path) -> None:
    """The line after the last choice is the reflection: a commented statement, in the file."""
    out = class_play(tmp_path, stdin="1\n1\nSaya akan mengecek sumber dulu.\n")
    assert out.returncode == 0, out.stderr
    [results] = list((tmp_path / "usb").iterdir())
    statements = [json.loads(line) for line in lines(results)]
    assert verbs(statements) == ["answered", "answered", "completed", "commented"]
    assert statements[-1]["result"]["response"] == "Saya akan mengecek sumber dulu."
    BaseXapiStatement.model_validate(statements[-1])


def test_a_resumed_class_play_writes_on_to_its_results_folder(tmp_path: Path) -> None:
    """--resume without --results-dir: the autosave remembers the class folder, so the rest of
    the play reaches it too and the class report sees the play finished."""
    first = group_play(tmp_path, stdin="1\npertama\n")
    assert first.returncode == 3, first.stderr
    second = run(
        "play", str(MINI), "--ui", "text", "--resume", "--saves-dir", str(tmp_path / "saves"),
        stdin="1\nkedua\n",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    [results] = list((tmp_path / "usb").iterdir())
    verbs = [json.loads(line)["verb"]["id"].rsplit("/", 1)[1] for line in lines(results)]
    assert verbs.count("answered") == 2 and "completed" in verbs
    report = run("class", "report", str(tmp_path / "usb"), "--json")
    assert report.returncode == 0, report.stderr
    found = last_json(report.stdout)
    assert found["participants"] == 1 and sum(found["tiers"].values()) == 1  # it finished


def test_the_text_report_shows_the_group_s_reasons(tmp_path: Path) -> None:
    """The end-of-play review lists each reason the group typed under its decision."""
    out = group_play(tmp_path, stdin="1\nkami sepakat\n1\n\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("Alasan kelompok: kami sepakat") == 1
    assert out.stdout.count("Alasan kelompok:") == 1  # the skipped one shows nothing
