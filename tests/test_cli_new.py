"""``python main.py new``: a scenario from the template, through subprocess as a writer runs it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from test_cli import ROOT, run

PLAY_ALL_FIRST = "1\n1\n1\n1\n1\n1\n"


def test_new_file_validates_with_no_diagnostic_at_all(tmp_path: Path) -> None:
    """The scaffolded scenario passes validate --json with an empty list: no error, no warning."""
    target = tmp_path / "rapat-warga.yaml"
    out = run("new", "rapat-warga", "-o", str(target))
    assert out.returncode == 0, out.stderr
    checked = run("validate", str(target), "--json")
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout.strip().splitlines()[-1]) == {"diagnostics": []}


def test_new_file_has_the_id_and_a_title_from_it(tmp_path: Path) -> None:
    """The id is filled in, the title made from its words, and the file says how to go on."""
    target = tmp_path / "rapat-warga.yaml"
    out = run("--lang", "en", "new", "rapat-warga", "-o", str(target))
    assert out.returncode == 0, out.stderr
    text = target.read_text(encoding="utf-8")
    assert "\nid: rapat-warga\n" in text and "skenario-baru" not in text
    assert 'title: {id: "Rapat Warga", en: "Rapat Warga"}' in text
    assert text.startswith("# yaml-language-server: $schema=")
    assert f"python main.py validate {target}" in out.stdout


def test_new_writes_into_the_scenarios_folder_by_default(tmp_path: Path) -> None:
    """With no -o the file is scenarios/ID.yaml (here a --scenarios-dir), found by its id."""
    folder = tmp_path / "skenario"
    out = run("--scenarios-dir", str(folder), "new", "rapat-warga")
    assert out.returncode == 0, out.stderr
    assert (folder / "rapat-warga.yaml").is_file()
    played = run(
        "--scenarios-dir",
        str(folder),
        "play",
        "rapat-warga",
        "--ui",
        "text",
        "--json",
        "--saves-dir",
        str(tmp_path / "saves"),
        stdin=PLAY_ALL_FIRST,
    )
    assert played.returncode == 0, played.stderr


def test_new_honours_an_output_file_or_folder(tmp_path: Path) -> None:
    """-o names the file, or an existing folder to hold ID.yaml; missing folders are made."""
    deep = tmp_path / "a" / "b" / "latihan.yml"
    assert run("new", "latihan", "-o", str(deep)).returncode == 0
    assert deep.is_file()
    assert run("new", "latihan", "-o", str(tmp_path)).returncode == 0
    assert (tmp_path / "latihan.yaml").is_file()


def test_new_refuses_an_existing_file_and_leaves_it_untouched(tmp_path: Path) -> None:
    """Exit 2 with a message naming the file; its bytes are exactly as before."""
    target = tmp_path / "rapat-warga.yaml"
    target.write_bytes(b"format: 1\n# my work\n")
    out = run("--lang", "en", "new", "rapat-warga", "-o", str(target))
    assert out.returncode == 2
    assert "already exists" in out.stderr and str(target) in out.stderr
    assert "Traceback" not in out.stderr
    assert target.read_bytes() == b"format: 1\n# my work\n"


@pytest.mark.parametrize("bad", ["Rapat_Warga", "rapat warga", "-x", "rapät"])
def test_new_refuses_an_id_the_schema_refuses(bad: str, tmp_path: Path) -> None:
    """Exit 2, the pattern explained, an id suggested where one can be made, nothing written."""
    out = run("--lang", "en", "new", "-o", str(tmp_path / "x.yaml"), "--", bad)
    assert out.returncode == 2, out.stdout
    assert "is not a scenario id" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "x.yaml").exists()
    if bad == "Rapat_Warga":
        assert "e.g. 'rapat-warga'" in out.stderr


def test_new_refuses_an_id_already_used_in_the_scenarios_folder(tmp_path: Path) -> None:
    """Ids are unique in scenarios/ (SCN015): another file declaring it is named."""
    folder = tmp_path / "skenario"
    folder.mkdir()
    shutil.copy(ROOT / "scenarios" / "hoaks-viral.yaml", folder / "lain.yaml")
    out = run("--lang", "en", "--scenarios-dir", str(folder), "new", "hoaks-viral")
    assert out.returncode == 2 and "already used by" in out.stderr
    assert not (folder / "hoaks-viral.yaml").exists()


def test_new_refuses_a_non_yaml_output(tmp_path: Path) -> None:
    """Scenarios are read from .yaml/.yml files only, so another suffix is a usage error."""
    out = run("--lang", "en", "new", "latihan", "-o", str(tmp_path / "latihan.txt"))
    assert out.returncode == 2 and ".yaml or .yml" in out.stderr
    assert not (tmp_path / "latihan.txt").exists()


def test_new_refuses_a_folder_it_cannot_write(tmp_path: Path) -> None:
    """A file standing where the folder should be: exit 2, said in words, no traceback."""
    blocker = tmp_path / "berkas"
    blocker.write_text("not a folder", encoding="utf-8")
    out = run("--lang", "en", "new", "latihan", "-o", str(blocker / "latihan.yaml"))
    assert out.returncode == 2
    assert f"{blocker} is a file, not a folder" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="needs a user folder permissions bind"
)
def test_new_refuses_a_read_only_folder(tmp_path: Path) -> None:
    """A folder without write permission: exit 2 and 'cannot write', nothing left behind."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        out = run("--lang", "en", "new", "latihan", "-o", str(folder / "latihan.yaml"))
    finally:
        folder.chmod(0o700)
    assert out.returncode == 2 and "cannot write" in out.stderr
    assert list(folder.iterdir()) == []


def test_new_file_plays_to_an_ending_in_the_text_player(tmp_path: Path) -> None:
    """Choosing the first option at every decision ends the play, with a tier and three ratings."""
    target = tmp_path / "rapat-warga.yaml"
    assert run("new", "rapat-warga", "-o", str(target)).returncode == 0
    out = run(
        "play",
        str(target),
        "--ui",
        "text",
        "--json",
        "--saves-dir",
        str(tmp_path / "saves"),
        stdin=PLAY_ALL_FIRST,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["scenario"] == "rapat-warga" and result["ending"].startswith("akhir-")
    assert set(result["competencies"]) == {"recognize", "tolerate", "leverage"}
    assert all(value is not None for value in result["competencies"].values())
