"""The LRS screen and the end-of-play send, in the real window headless, against a real LRS:
the account typed with keys and saved, a connection test, send now without freezing the
window, failures in words, and the report's line after a play."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from lrs_plays import lrs_ids, record_plays, stored_ids
from lrs_server import FlakyProxy, LrsServer, free_port
from pilot import draw, open_app
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine
from support import FIXTURES, load_scenario

from game.persistence.lrs_background import OutboxStatus, outbox_status
from game.persistence.lrs_config import LrsConfig, LrsConfigStore
from game.persistence.settings import Settings
from game.ui.gui.app import App
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scenes.class_hub import ClassHubScene
from game.ui.gui.scenes.lrs import LrsScene
from game.ui.gui.scenes.play import PlayScene
from game.ui.gui.scenes.report import ReportScene
from game.ui.gui.scenes.settings import SettingsScene

SECRET = "Rahasia-LRS-42"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    yield from open_app(
        tmp_path / "saves", Settings(text_speed="instant", lang="id"), config=tmp_path / "config"
    )


def texts(app: App) -> str:
    words = []
    for element in app.manager.get_sprite_group().sprites():
        for attribute in ("text", "html_text"):
            value = getattr(element, attribute, None)
            if isinstance(value, str):
                words.append(value)
    return "\n".join(words)


def type_into(app: App, scene: LrsScene, name: str, text: str) -> None:
    """Focus a field, clear it with Backspace and type ``text`` as a keyboard sends it."""
    app.focus.focus(scene.entries[name])
    app.dispatch(Intent(Action.CONFIRM))
    app.process(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_END, mod=0, unicode=""))
    for _ in range(len(scene.entries[name].get_text()) + 2):
        app.process(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0, unicode=""))
    assert scene.entries[name].get_text() == ""
    for letter in text:
        app.process(pygame.event.Event(pygame.TEXTINPUT, text=letter))
    draw(app)
    assert scene.entries[name].get_text() == text


def press(app: App, scene: LrsScene, action: str) -> None:
    button = next(widget for widget, name in scene.actions.items() if name == action)
    app.focus.focus(button)
    app.dispatch(Intent(Action.CONFIRM))
    draw(app)


def until_done(app: App, scene: LrsScene, seconds: float = 60) -> int:
    """Run the window's frames until the scene's job ends; how many frames were drawn meanwhile."""
    frames, deadline = 0, time.monotonic() + seconds
    while scene.job is not None:
        assert time.monotonic() < deadline, "the LRS job did not end"
        app.dirty = True
        app.frame(1 / 60)  # the window keeps drawing while the send runs
        frames += 1
        time.sleep(0.01)
    draw(app)
    return frames


def open_from_settings(app: App) -> LrsScene:
    app.push(SettingsScene(app))
    settings = app.stack.top
    assert isinstance(settings, SettingsScene)
    while app.focus.focused is not settings.lrs_button:
        app.dispatch(Intent(Action.DOWN))
    assert "Learning Record Store (LRS)" in texts(app)
    app.dispatch(Intent(Action.CONFIRM))
    scene = app.stack.top
    assert isinstance(scene, LrsScene)
    return scene


def test_the_account_typed_in_the_lrs_screen_is_saved_outside_the_saves(
    app: App, tmp_path: Path
) -> None:
    """Settings › LRS: typed with keys, the password hidden, the switch on, Simpan writes the
    config folder's file (not saves/); back to the settings on Esc, and it loads again."""
    scene = open_from_settings(app)
    draw(app, "lrs-empty")
    assert "Isi alamat LRS" in texts(app)
    type_into(app, scene, "endpoint", "http://lrs.example.go.id/xAPI")
    type_into(app, scene, "user", "kunci 1")  # a space and a digit stay letters in a field
    type_into(app, scene, "password", SECRET)
    assert scene.entries["password"].is_text_hidden
    press(app, scene, "switch")
    press(app, scene, "save")
    assert "Tersimpan." in texts(app)
    config = LrsConfigStore(tmp_path / "config").load()
    assert config == LrsConfig("http://lrs.example.go.id/xAPI", "kunci 1", SECRET, True)
    for path in (tmp_path / "saves").rglob("*"):
        assert not path.is_file() or SECRET.encode() not in path.read_bytes()
    draw(app, "lrs-filled")
    app.dispatch(Intent(Action.BACK))
    assert isinstance(app.stack.top, SettingsScene)
    again = open_from_settings(app)
    assert again.entries["endpoint"].get_text() == "http://lrs.example.go.id/xAPI"
    assert again.entries["password"].get_text() == SECRET


def test_a_bad_address_is_said_under_its_field_and_not_saved(app: App, tmp_path: Path) -> None:
    """An address with a password in it is refused in words; nothing is written."""
    scene = open_from_settings(app)
    type_into(app, scene, "endpoint", "https://kunci:sandi@lrs.example/xAPI/")
    press(app, scene, "save")
    assert "Alamat harus URL http(s)" in texts(app)
    assert not (tmp_path / "config" / "lrs.json").exists()


def test_send_now_delivers_the_outbox_while_the_window_keeps_drawing(
    app: App, tmp_path: Path, lrs: LrsServer
) -> None:
    """Uji koneksi says the LRS answers; Kirim sekarang sends in the background (frames go on),
    then the status reads 0 waiting and the LRS holds each statement once."""
    saves = tmp_path / "saves"
    ids = record_plays(saves, "LRS-GUI", count=2)
    scene = open_from_settings(app)
    type_into(app, scene, "endpoint", lrs.endpoint)
    draw(app)
    press(app, scene, "save")
    assert f"{len(ids)} menunggu, 0 terkirim, 0 ditolak" in texts(app)
    press(app, scene, "check")
    until_done(app, scene)
    assert "LRS menjawab dan menerima akun ini." in texts(app)
    press(app, scene, "send")
    assert scene.job is not None and "Mengirim" in texts(app)
    assert not scene.send_button.is_enabled  # one send at a time
    until_done(app, scene)
    words = texts(app)
    assert f"Selesai: {len(ids)} terkirim" in words
    assert f"0 menunggu, {len(ids)} terkirim, 0 ditolak" in words
    draw(app, "lrs-sent")
    assert lrs_ids(lrs.endpoint, "LRS-GUI") == Counter(stored_ids(saves, "LRS-GUI"))
    press(app, scene, "send")
    until_done(app, scene)
    assert "Tidak ada catatan yang menunggu." in texts(app)


def test_an_lrs_that_is_down_or_refuses_the_account_is_said_in_words(
    app: App, tmp_path: Path, lrs: LrsServer
) -> None:
    """A closed port: 'tidak menjawab', the records still waiting; a 401: the account; never a
    traceback, never the password."""
    saves = tmp_path / "saves"
    ids = record_plays(saves, "LRS-GUI-DOWN", count=1)
    scene = open_from_settings(app)
    down = f"http://127.0.0.1:{free_port()}/xAPI/"
    type_into(app, scene, "endpoint", down)
    type_into(app, scene, "password", SECRET)
    press(app, scene, "send")
    until_done(app, scene)
    words = texts(app)
    assert "LRS tidak menjawab" in words and "Traceback" not in words
    assert outbox_status(saves, down) == OutboxStatus(waiting=len(ids))
    draw(app, "lrs-unreachable")
    with FlakyProxy(lrs.port, plan=lambda n, method, path: 401) as proxy:
        type_into(app, scene, "endpoint", proxy.endpoint)
        press(app, scene, "check")
        until_done(app, scene)
    message = scene.message_box.html_text
    assert "LRS menolak akun ini" in message and SECRET not in message
    draw(app, "lrs-refused")
    log = saves / "perekat.log"
    assert not log.exists() or SECRET not in log.read_text(encoding="utf-8")


def test_the_class_hub_has_a_fourth_entry_for_the_lrs(app: App) -> None:
    """Kelas: four entries, the fourth with its hint opens the LRS screen."""
    app.push(ClassHubScene(app))
    draw(app, "class-hub-lrs")
    assert "Kirim catatan ke LRS" in texts(app) and "Alamat dan akun" in texts(app)
    app.dispatch(Intent(Action.CHOOSE, 4))
    assert isinstance(app.stack.top, LrsScene)


def finish_play(app: App) -> ReportScene:
    """A play of the mini scenario to its end in the window, then its report."""
    scenario = load_scenario(FIXTURES / "mini.yaml")
    play = PlayScene(app, scenario, mode="learn")
    app.push(play)
    play.engine.choose("tolak-halus")
    play.engine._advance_to_decision()
    play.engine.choose("program")
    app.replace(ReportScene(app, scenario, play.engine, "learn"))
    report = app.stack.top
    assert isinstance(report, ReportScene)
    return report


def wait_for_line(app: App, report: ReportScene, words: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while words not in report.lrs_line:
        assert time.monotonic() < deadline, report.lrs_line
        app.frame(1 / 60)
        time.sleep(0.02)


def test_the_end_of_a_play_sends_its_records_when_asked(
    app: App, tmp_path: Path, lrs: LrsServer
) -> None:
    """Switch on: the report starts a background send and says so; the LRS has the play."""
    LrsConfigStore(tmp_path / "config").save(LrsConfig(lrs.endpoint, send_after_play=True))
    report = finish_play(app)
    assert report.lrs_send is not None
    wait_for_line(app, report, "Catatan terkirim ke LRS")
    draw(app, "report-lrs-sent")
    assert outbox_status(tmp_path / "saves", lrs.endpoint).waiting == 0


def test_the_end_of_a_play_does_not_wait_for_a_silent_lrs(app: App, tmp_path: Path) -> None:
    """Down: the report opens at once, then says the records stay and go later; switched off:
    no send and no line."""
    down = f"http://127.0.0.1:{free_port()}/xAPI/"
    LrsConfigStore(tmp_path / "config").save(LrsConfig(down, send_after_play=True))
    began = time.monotonic()
    report = finish_play(app)
    draw(app)
    assert time.monotonic() - began < 5
    wait_for_line(app, report, "LRS tidak menjawab; catatan tetap tersimpan")
    draw(app, "report-lrs-unreachable")
    assert outbox_status(tmp_path / "saves", down).waiting > 0
    LrsConfigStore(tmp_path / "config").save(LrsConfig(down, send_after_play=False))
    assert finish_play(app).lrs_send is None


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_four_hub_entries_and_the_lrs_screen_fit_at_every_text_size(
    app: App, scale: float
) -> None:
    """At 100% and 150%: nothing off the canvas, nothing overlapping Back or Simpan."""
    app.apply_settings(app.settings.with_changes(text_scale=scale))
    canvas = pygame.Rect(0, 0, 1280, 720)
    for scene in (ClassHubScene(app), LrsScene(app)):
        app.push(scene)
        if isinstance(scene, LrsScene):
            scene.error = "x"
            scene.say("LRS tidak menjawab. " * 3, True)
        draw(app, f"fit-{type(scene).__name__}-{int(scale * 100)}")
        kinds = (UIButton, UILabel, UITextBox, UITextEntryLine)
        elements = [e for e in app.manager.get_sprite_group().sprites() if isinstance(e, kinds)]
        assert len(elements) > 8
        bottom = [e for e in elements if getattr(e, "text", "") in ("Kembali", "Simpan")]
        assert bottom
        for element in elements:
            assert canvas.contains(element.rect), element
            for button in bottom:
                if element is not button:
                    assert not element.rect.colliderect(button.rect), (element, button)
        app.pop()
