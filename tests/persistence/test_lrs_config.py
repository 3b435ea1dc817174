"""The LRS account in the person's config folder, and the background send and check."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections import Counter
from pathlib import Path

import pytest
from lrs_plays import lrs_ids, record_plays, stored_ids
from lrs_server import FlakyProxy, LrsServer, free_port

from game.persistence.lrs_background import (
    OutboxStatus,
    outbox_status,
    start_check,
    start_send,
)
from game.persistence.lrs_config import LrsConfig, LrsConfigStore

SECRET = "s3cret-Sandi-ÜÄ"
POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_the_account_round_trips_through_its_file(tmp_path: Path) -> None:
    """Endpoint, user, password and the end-of-play switch come back as saved."""
    store = LrsConfigStore(tmp_path / "perekat")
    assert store.load() == LrsConfig()
    config = LrsConfig("http://lrs.example/xAPI/", "kunci", SECRET, send_after_play=True)
    store.save(config)
    assert LrsConfigStore(tmp_path / "perekat").load() == config
    assert config.sends_after_play and not LrsConfig(send_after_play=True).sends_after_play


def test_the_account_defaults_to_the_users_config_folder(tmp_path: Path) -> None:
    """Without a folder the store is the user's config folder ($XDG_CONFIG_HOME here)."""
    store = LrsConfigStore()
    assert store.folder == Path(os.environ["XDG_CONFIG_HOME"]) / "perekat"


@POSIX
def test_the_account_file_is_readable_only_by_its_user(tmp_path: Path) -> None:
    """0600 for the file and 0700 for a folder it makes; a looser file is tightened on reading."""
    store = LrsConfigStore(tmp_path / "perekat")
    store.save(LrsConfig("http://lrs.example/xAPI/", "kunci", SECRET))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    store.save(LrsConfig("http://lrs.example/xAPI/", "kunci", "other"))  # replaced: still 0600
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    os.chmod(store.path, 0o644)
    assert store.load().password == "other"
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_the_password_is_never_in_repr_nor_a_damaged_files_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """repr leaves the password out; a damaged file gives no account and a warning without it."""
    config = LrsConfig("http://lrs.example/xAPI/", "kunci", SECRET)
    assert SECRET not in repr(config) and SECRET not in str(config)
    store = LrsConfigStore(tmp_path)
    store.path.write_text('{"password": "' + SECRET + '", ', encoding="utf-8")
    with caplog.at_level(logging.DEBUG):
        assert store.load() == LrsConfig()
    assert "damaged" in caplog.text and SECRET not in caplog.text


def test_a_file_with_wrong_types_keeps_what_is_right(tmp_path: Path) -> None:
    """A value of the wrong type is left at its default, the others are kept."""
    store = LrsConfigStore(tmp_path)
    store.path.write_text(
        json.dumps({"endpoint": "http://x/xAPI/", "user": 5, "send_after_play": "yes"}),
        encoding="utf-8",
    )
    assert store.load() == LrsConfig("http://x/xAPI/")


def test_a_send_and_a_check_to_nowhere_and_refused_leave_the_password_nowhere(
    lrs: LrsServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Unreachable, then 401: the outcomes say which, the records stay waiting, and the
    password is in no log line, no message, no file of the saves folder."""
    saves, config_folder = tmp_path / "saves", tmp_path / "config"
    ids = record_plays(saves, "LRS-SECRET", count=1)
    down = LrsConfig(f"http://127.0.0.1:{free_port()}/xAPI/", "kunci", SECRET)
    LrsConfigStore(config_folder).save(down)
    with caplog.at_level(logging.DEBUG):
        job = start_send(saves, down, timeout=2, attempts=2)
        assert job.wait(30)
        outcome = job.outcome
        assert outcome is not None and outcome.problem is not None
        assert outcome.problem.kind == "unreachable"
        check = start_check(down, timeout=2)
        assert check.wait(30) and check.outcome is not None and check.outcome.problem is not None
        assert check.outcome.problem.kind == "unreachable"
        with FlakyProxy(lrs.port, plan=lambda n, method, path: 401) as proxy:
            refused = LrsConfig(proxy.endpoint, "kunci", SECRET)
            for job in (
                start_send(saves, refused, timeout=2, attempts=1),
                start_check(refused, timeout=2),
            ):
                assert job.wait(30) and job.outcome is not None
                assert job.outcome.problem is not None and job.outcome.problem.kind == "account"
                assert SECRET not in job.outcome.problem.detail
    assert outbox_status(saves, down.endpoint) == OutboxStatus(waiting=len(ids))
    assert SECRET not in caplog.text
    assert SECRET not in repr(outcome) + repr(job)
    for path in saves.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    assert SECRET.encode() in (config_folder / "lrs.json").read_bytes()  # only there


def test_a_background_send_delivers_the_outbox_and_a_check_says_it_answers(
    lrs: LrsServer, tmp_path: Path
) -> None:
    """A send in the background: every statement once in the LRS, the status says sent."""
    ids = record_plays(tmp_path, "LRS-BACKGROUND", count=1)
    config = LrsConfig(lrs.endpoint, "kunci", SECRET)
    check = start_check(config, timeout=10)
    assert check.wait(30) and check.outcome is not None and check.outcome.ok
    job = start_send(tmp_path, config, timeout=10, attempts=2)
    assert job.wait(60)
    outcome = job.outcome
    assert outcome is not None and outcome.ok and outcome.summary is not None
    assert outcome.summary.sent == len(ids) and job.progress == (len(ids), 0)
    assert outbox_status(tmp_path, lrs.endpoint) == OutboxStatus(sent=len(ids))
    held = lrs_ids(lrs.endpoint, "LRS-BACKGROUND")
    assert held == Counter(stored_ids(tmp_path, "LRS-BACKGROUND"))
