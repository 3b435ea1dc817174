"""A pilot debriefs a class headless: the results folder read (a torn line skipped, a copied file
counted once), every page stepped through by keys and what it shows, and the source screen opening
a folder, refusing a missing one in words, and debriefing a session from this PC's records."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pygame
import pygame_gui
import pytest
from class_fixture import ANI_REFLECTION, CITRA_REFLECTION, ClassFiles, make_class
from deliberation_fixture import ANONYMOUS_REASON, MARKUP_REASON, write_deliberation
from pilot import draw
from support import FIXTURES

from game.persistence.settings import Settings, SettingsStore
from game.ui.gui import theme
from game.ui.gui.app import App, Folders
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scenes.debrief import DebriefScene
from game.ui.gui.scenes.debrief_source import DebriefSourceScene


@pytest.fixture(scope="module")
def class_files(tmp_path_factory: pytest.TempPathFactory) -> ClassFiles:
    return make_class(tmp_path_factory.mktemp("class"))


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    shutil.copy(FIXTURES / "mini.yaml", scenarios / "mini.yaml")
    saves = tmp_path / "saves"
    SettingsStore(saves).save(Settings(lang="id"))
    application = App(Folders(scenarios, saves))
    yield application
    application.close()


def open_debrief(app: App, sources: list[Path], session: str | None = None) -> DebriefScene:
    """Push the scene; the first frame says "reading", the next turn reads."""
    scene = DebriefScene(app, sources, session)
    app.push(scene)
    draw(app)
    assert scene.reading is None and scene.is_animating
    draw(app)
    assert scene.reading is not None
    return scene


def shown(scene: DebriefScene) -> str:
    sheet = scene.sheet()
    assert sheet is not None
    return "\n".join(sheet.texts)


def tab_labels(scene: DebriefScene) -> list[str]:
    return [tab.text for tab in scene.tabs]


def test_every_page_steps_by_keys_and_shows_the_class(app: App, class_files: ClassFiles) -> None:
    """Right arrow walks Ringkasan → Panduan; each page shows its numbers; Esc goes back."""
    scene = open_debrief(app, [class_files.folder])
    assert tab_labels(scene) == [
        "Ringkasan", "Keputusan", "Peta jalur", "Kelompok", "Refleksi", "Panduan debrief",
    ]  # fmt: skip
    summary = shown(scene)
    assert "5\nPeserta" in summary and "4\nSelesai" in summary and "2\nKelompok" in summary
    assert "1 baris dilewati (rusak atau tidak lengkap), tidak dihitung:" in summary
    assert f"{class_files.budi_file}:{class_files.budi_lines + 1}" in summary
    assert scene.reading is not None and scene.reading.records is not None
    assert scene.reading.records.statements == class_files.statements  # the copy counted once
    draw(app, "debrief-summary")

    app.dispatch(Intent(Action.RIGHT))
    assert scene.page == 1 and app.focus.focused is scene.tabs[1]
    decisions = shown(scene)
    assert "1. Pak Budi meminta Anda membagikan unggahan." in decisions
    assert "Saya menolak dengan sopan." in decisions
    assert "3 · 60%" in decisions and "2 · 40%" in decisions and "0 · 0%" in decisions
    assert "2 · 50%" in decisions  # usul: program 2, diam 2
    # the best option (the highest mean rating) is marked, taken or not: lapor, then program
    assert decisions.count("terbaik") == 2
    first, second = decisions.index("terbaik"), decisions.rindex("terbaik")
    assert decisions.rfind("Saya langsung melapor.", 0, first) > decisions.find("membagikannya")
    assert decisions.rfind("program bersama", 0, second) > first
    draw(app, "debrief-decisions")

    app.dispatch(Intent(Action.RIGHT))
    paths = shown(scene)
    assert "Lebar garis" in paths
    assert scene.reading.debrief is not None
    assert scene.reading.debrief.heat[("pagi", "tolak-halus")] == 3
    draw(app, "debrief-paths")

    app.dispatch(Intent(Action.RIGHT))
    groups = shown(scene)
    assert "Kelompok 1" in groups and "Kelompok 2" in groups and "Peserta" in groups
    draw(app, "debrief-groups")

    app.dispatch(Intent(Action.RIGHT))
    reflections = shown(scene)
    assert ANI_REFLECTION in reflections and CITRA_REFLECTION in reflections
    assert "Ani" not in reflections and "Citra" not in reflections  # anonymous
    draw(app, "debrief-reflections")

    app.dispatch(Intent(Action.RIGHT))
    guide = shown(scene)
    for title in (
        "Apa yang terjadi?",
        "Mengapa?",
        "Apa kata indikator kompetensi?",
        "Apa yang kita pelajari?",
        "Apa yang akan diterapkan masing-masing di tempat kerja?",
    ):
        assert title in guide
    assert "5 peserta, 4 sampai ke akhir." in guide
    draw(app, "debrief-guide")

    app.dispatch(Intent(Action.RIGHT))  # round to the first page
    assert scene.page == 0
    app.dispatch(Intent(Action.CHOOSE, 6))
    assert scene.page == 5
    app.apply_settings(app.settings.with_changes(lang="en"))  # read again, in English
    draw(app)
    draw(app)
    assert "What happened?" in shown(scene) and tab_labels(scene)[0] == "Summary"
    app.dispatch(Intent(Action.BACK))
    assert app.stack.top is None


def test_a_long_page_scrolls_and_tabs_take_clicks(app: App, class_files: ClassFiles) -> None:
    """Page Down moves the guide and stops at its end; a click on a tab turns to its page."""
    app.push(DebriefSourceScene(app))  # something to return to
    scene = open_debrief(app, [class_files.folder])
    app.dispatch(Intent(Action.CHOOSE, 6))
    sheet = scene.sheet()
    assert sheet is not None and sheet.height > scene.view.height
    for _ in range(20):
        app.dispatch(Intent(Action.PAGE_DOWN))
    assert scene.scroll == sheet.height - scene.view.height
    app.dispatch(Intent(Action.UP))
    assert 0 < scene.scroll < sheet.height - scene.view.height
    draw(app)
    tab = scene.tabs[1]
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.process(pygame.event.Event(kind, button=1, pos=tab.rect.center))
    for event in pygame.event.get():
        app.process(event)
    assert scene.page == 1 and scene.scroll == 0
    app.dispatch(Intent(Action.BACK))
    assert isinstance(app.stack.top, DebriefSourceScene)


def test_english_and_the_largest_text_still_fit(app: App, class_files: ClassFiles) -> None:
    """At 150% the tabs fall back to small type and stay on the screen; texts are English."""
    app.apply_settings(app.settings.with_changes(lang="en", text_scale=1.5, high_contrast=True))
    scene = open_debrief(app, [class_files.folder])
    assert tab_labels(scene)[0] == "Summary" and scene.tabs[-1].rect.right <= 1280 - 48
    for index in range(len(scene.pages)):
        scene.show(index)
        draw(app, f"debrief-en-150-hc-{index}")
    assert "What happened?" in shown(scene)


def test_nothing_readable_is_said_in_words(app: App, tmp_path: Path) -> None:
    """A folder of damaged lines: no traceback, a sentence, and Enter goes back."""
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.jsonl").write_text("not json\n{}\n", encoding="utf-8")
    scene = open_debrief(app, [folder])
    assert scene.reading is not None and scene.reading.debrief is None
    assert "Tidak ada pernyataan xAPI yang dapat dibaca" in scene.reading.error
    assert scene.tabs == []
    draw(app, "debrief-nothing")
    app.dispatch(Intent(Action.CONFIRM))
    assert app.stack.top is None


def test_the_source_screen_opens_a_folder_and_refuses_a_missing_one(
    app: App, class_files: ClassFiles, tmp_path: Path
) -> None:
    """The field starts on saves/results when it exists; a missing path is said on the screen."""
    results = app.saves.root / "results"
    shutil.copytree(class_files.folder, results)
    source = DebriefSourceScene(app)
    app.push(source)
    assert source.entry.get_text() == str(results)
    assert app.focus.focused is source.open_button
    draw(app, "debrief-source")
    source.entry.set_text(str(tmp_path / "nowhere"))
    app.dispatch(Intent(Action.CONFIRM))
    assert app.stack.top is source
    assert "Tidak ditemukan" in source.message and "nowhere" in source.message_box.html_text
    source.entry.set_text(str(results))
    app.focus.focus(source.open_button)
    app.dispatch(Intent(Action.CONFIRM))
    scene = app.stack.top
    assert isinstance(scene, DebriefScene) and scene.sources == [results]


def test_browse_opens_the_file_dialog_and_its_pick_fills_the_field(
    app: App, class_files: ClassFiles
) -> None:
    """Browse opens pygame_gui's dialog; Esc closes only the dialog; a picked path is typed in."""
    source = DebriefSourceScene(app)
    app.push(source)
    source.entry.set_text(str(class_files.folder))
    source.activate(source.browse)
    assert source.is_dialog_open
    rows = source.dialog.file_selection_list.item_list
    assert rows, "the dialog starts in the typed folder, which holds files"
    row = rows[0]["button_element"]  # readable: not pygame_gui's dark rows under our ink
    assert row.colours["normal_bg"] == pygame.Color(app.palette.panel)
    assert row.rect.height >= theme.font(app.settings, "body").get_linesize()
    assert app.manager.get_locale() == "id"  # the dialog speaks the player's language
    draw(app, "debrief-source-dialog")
    app.dispatch(Intent(Action.BACK))
    assert app.stack.top is source and not source.is_dialog_open
    source.activate(source.browse)
    event = pygame.event.Event(
        pygame_gui.UI_FILE_DIALOG_PATH_PICKED,
        text=str(class_files.folder),
        ui_element=source.dialog,
    )
    app.process(event)
    assert source.entry.get_text() == str(class_files.folder)


def test_a_session_on_this_pc_is_debriefed_without_files(app: App, tmp_path: Path) -> None:
    """Plays recorded into this saves folder list their session; choosing it reads its records."""
    make_class(tmp_path / "elsewhere")  # its plays were recorded under pcs/<name>
    ani = tmp_path / "elsewhere" / "pcs" / "Ani"
    for item in ani.iterdir():
        shutil.copy(item, app.saves.root / item.name)
    source = DebriefSourceScene(app)
    app.push(source)
    assert list(source.session_buttons.values()) == ["KELAS-A"]
    assert next(iter(source.session_buttons)).text.startswith("KELAS-A · ")
    draw(app, "debrief-source-sessions")
    app.focus.focus(next(iter(source.session_buttons)))
    app.dispatch(Intent(Action.CONFIRM))
    scene = app.stack.top
    assert isinstance(scene, DebriefScene) and scene.session == "KELAS-A"
    draw(app)
    draw(app)
    assert scene.reading is not None and scene.reading.debrief is not None
    assert scene.reading.debrief.summary.whole.participants == 1
    assert "1\nPeserta" in shown(scene)


def test_without_the_scenario_file_the_records_own_texts_are_shown(
    tmp_path: Path, class_files: ClassFiles
) -> None:
    """No mini.yaml in the scenarios folder: a note says so, decisions keep the records' texts,
    the paths page says there is no map."""
    saves = tmp_path / "saves"
    SettingsStore(saves).save(Settings(lang="id"))
    application = App(Folders(tmp_path / "no-scenarios", saves))
    try:
        scene = open_debrief(application, [class_files.folder])
        assert "Berkas skenario 'mini' tidak ada di folder skenario" in shown(scene)
        draw(application, "debrief-no-scenario")
        scene.show(1)
        assert "Saya menolak dengan sopan." in shown(scene) and "terbaik" not in shown(scene)
        scene.show(2)
        assert "Peta tidak tersedia" in shown(scene)
        draw(application, "debrief-no-map")
    finally:
        application.close()


def test_the_decisions_page_shows_the_class_vote_and_group_reasons(
    app: App, tmp_path: Path
) -> None:
    """Under each decision's bars: "Suara kelas: ..." with the facilitator's mark, then each
    group's reason, wrapped inside the page, the page still scrolling to its end."""
    write_deliberation(tmp_path / "results")
    scene = open_debrief(app, [tmp_path / "results"])
    scene.show(1)
    decisions = shown(scene)
    assert "Suara kelas: tolak-halus 8, bagikan 4, lapor 8 (seri, diputus fasilitator)" in decisions
    assert "(fasilitator tidak mengikuti suara terbanyak)" in decisions
    assert f"\u2022 Kelompok <A&B> \u2014 1. tolak-halus: {MARKUP_REASON}" in decisions
    assert f"\u2022 (tanpa nama kelompok) \u2014 1. tolak-halus: {ANONYMOUS_REASON}" in decisions
    assert (
        decisions.index("Suara kelas")
        < decisions.index("Alasan kelompok")
        < decisions.index("Apa usul Anda?")
    )
    sheet = scene.sheet()
    assert sheet is not None
    assert all(rect.right <= sheet.width for rect, _ in sheet.steps)  # wrapped, none cut
    draw(app, "debrief-decisions-deliberation")
    scene.show(3)
    groups = shown(scene)
    assert "Anggota\n-\n4\n3" in groups  # no group (the facilitated class), Kelompok 2, <A&B>
    draw(app, "debrief-groups-members")
    app.apply_settings(app.settings.with_changes(lang="en", text_scale=1.5))
    draw(app)
    draw(app)
    english = app.stack.top
    assert isinstance(english, DebriefScene)
    english.show(1)
    assert "Class vote: tolak-halus 8" in shown(english)
    draw(app, "debrief-decisions-deliberation-en-150")
