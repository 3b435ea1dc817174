"""records send and class report --lrs through the command line, against a real LRS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from class_fixture import make_class
from lrs_plays import lrs_ids, record_plays, stored_ids
from lrs_server import FlakyProxy, LrsServer, free_port
from test_cli import ROOT, last_json, run

from game.paths import user_config_dir
from game.persistence.lrs_config import LrsConfig, LrsConfigStore

FIXTURES = str(ROOT / "tests" / "fixtures")


def send(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run("records", "send", *args, env=env)


def test_sending_to_an_lrs_that_is_down_says_so_and_keeps_the_outbox(
    lrs: LrsServer, tmp_path: Path
) -> None:
    """Connection refused: exit 4, the reason and the fix in words, no traceback; all waits."""
    ids = record_plays(tmp_path, "LRS-DOWN")
    down = f"http://127.0.0.1:{free_port()}/xAPI/"
    out = send("--lrs", down, "--retries", "1", "--saves-dir", str(tmp_path), "--json")
    assert out.returncode == 4, out.stderr
    assert "cannot reach the LRS" in out.stderr and "connection refused" in out.stderr
    assert "Traceback" not in out.stderr
    assert last_json(out.stdout)["left"] == len(ids)
    out = send("--lrs", lrs.endpoint, "--saves-dir", str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    assert last_json(out.stdout) == {
        "lrs": lrs.endpoint, "sent": len(ids), "already": 0, "rejected": 0, "conflicts": 0,
        "left": 0, "requests": 1,
    }  # fmt: skip


def test_a_send_killed_mid_batch_and_started_again_delivers_each_once(
    lrs: LrsServer, tmp_path: Path
) -> None:
    """Killed while the LRS held a batch it had not yet confirmed: the next send finds it there
    (already there), sends the rest, and the LRS holds every statement exactly once."""
    ids = record_plays(tmp_path, "LRS-KILL")
    with FlakyProxy(lrs.port, plan=lambda n, method, path: "hold" if n == 2 else "pass") as proxy:
        args = ["records", "send", "--lrs", proxy.endpoint, "--batch-size", "5"]
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), *args, "--saves-dir", str(tmp_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(3):  # the third batch is in the LRS; its answer is held back
                assert proxy.forwarded.acquire(timeout=60)
        finally:
            child.kill()
            child.wait(30)
        out = send("--lrs", proxy.endpoint, "--saves-dir", str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    summary = last_json(out.stdout)
    assert (summary["already"], summary["sent"], summary["left"]) == (5, len(ids) - 15, 0)
    assert lrs_ids(lrs.endpoint, "LRS-KILL") == Counter(stored_ids(tmp_path, "LRS-KILL"))


def test_refused_credentials_are_said_without_the_password(lrs: LrsServer, tmp_path: Path) -> None:
    """A 401: exit 2, what to check; the password (from the environment) appears nowhere."""
    record_plays(tmp_path, "LRS-AUTH", count=1)
    env = {**os.environ, "PEREKAT_LRS_SECRET": "s3cret-Value"}
    with FlakyProxy(lrs.port, plan=lambda n, method, path: 401) as proxy:
        out = send("--lrs", proxy.endpoint, "--user", "kunci", "--password-env",
                   "PEREKAT_LRS_SECRET", "--saves-dir", str(tmp_path), env=env)  # fmt: skip
    assert out.returncode == 2
    assert "refused the credentials (401)" in out.stderr and "--password-env" in out.stderr
    assert "s3cret-Value" not in out.stdout + out.stderr and "Traceback" not in out.stderr


def test_mistakes_in_the_lrs_flags_are_explained(tmp_path: Path) -> None:
    """A password in the URL, an unset variable, a non-http URL: exit 2 with the fix."""
    saves = ["--saves-dir", str(tmp_path)]
    out = send("--lrs", "http://key:secret@lrs.example/xAPI/", *saves)
    assert out.returncode == 2 and "--password-env" in out.stderr and "secret" not in out.stderr
    out = send("--lrs", "http://lrs.example/xAPI/", "--password-env", "PEREKAT_UNSET_VAR", *saves)
    assert out.returncode == 2 and "PEREKAT_UNSET_VAR, which is not set" in out.stderr
    out = send("--lrs", "lrs.example/xAPI", *saves)
    assert out.returncode == 2 and "not an http(s) URL" in out.stderr


def test_a_class_report_read_back_from_the_lrs_equals_the_one_from_the_files(
    lrs: LrsServer, tmp_path: Path
) -> None:
    """Each PC sends its records; the report from the LRS is the files' report, number for
    number and line for line (voided answers included, paged through 'more')."""
    klass = make_class(tmp_path, "LRS-CLASS")
    kept = klass.budi_file.read_text(encoding="utf-8").splitlines(keepends=True)
    klass.budi_file.write_text("".join(kept[: klass.budi_lines]), encoding="utf-8")  # no tear
    for pc in sorted((tmp_path / "pcs").iterdir()):
        out = send("--lrs", lrs.endpoint, "--batch-size", "3", "--saves-dir", str(pc))
        assert out.returncode == 0, out.stderr
    common = ["--scenarios-dir", FIXTURES, "--lang", "en"]
    files = run("class", "report", str(klass.folder), *common)
    remote = run("class", "report", "--lrs", lrs.endpoint, "--session", "LRS-CLASS", *common)
    assert files.returncode == remote.returncode == 0, remote.stderr
    assert "statements read from the LRS" in remote.stderr
    assert "statements read from the LRS." in remote.stdout
    read_line = "statements read from"
    assert [line for line in remote.stdout.splitlines() if read_line not in line] == [
        line for line in files.stdout.splitlines() if read_line not in line
    ]
    files = run("class", "report", str(klass.folder), "--json", *common)
    remote = run("class", "report", "--lrs", lrs.endpoint, "--session", "LRS-CLASS", "--json",
                 *common)  # fmt: skip
    assert json.loads(remote.stdout.splitlines()[-1]) == last_json(files.stdout)
    assert last_json(files.stdout)["statements"] == klass.statements


def test_send_without_lrs_uses_the_account_saved_in_the_window(
    lrs: LrsServer, tmp_path: Path
) -> None:
    """No --lrs: the window's saved account (endpoint, user, password) is used; none saved:
    exit 2 saying where to save one."""
    ids = record_plays(tmp_path / "saves", "LRS-SAVED")
    config = tmp_path / "config"
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "APPDATA": str(config)}
    saves = ["--saves-dir", str(tmp_path / "saves"), "--json"]
    out = send(*saves, env=env)
    assert out.returncode == 2 and "Pengaturan › LRS" in out.stderr, out.stderr
    LrsConfigStore(user_config_dir(environ=env)).save(
        LrsConfig(endpoint=lrs.endpoint, user="kunci-kelas", password="rahasia")
    )
    out = send(*saves, env=env)
    assert out.returncode == 0, out.stderr
    summary = last_json(out.stdout)
    assert summary["sent"] == len(ids) and summary["lrs"] == lrs.endpoint
