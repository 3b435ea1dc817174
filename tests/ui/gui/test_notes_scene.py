"""A pilot reads the learning notes headless: from the title by keys alone, by mouse, and from
the feedback panel of a choice that names notes, in both languages and three text sizes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pygame_gui
import pytest
from pilot import draw, is_rich, open_app
from support import SCENARIOS

from game.persistence.settings import Settings, SettingsStore
from game.ui.gui import theme
from game.ui.gui.app import App, Folders
from game.ui.gui.intents import Action, Intent
from game.ui.gui.scenes.notes import NotesScene
from game.ui.gui.scenes.play import PlayScene
from game.ui.gui.scenes.title import TitleScene


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    yield from open_app(tmp_path, Settings(text_speed="instant"))


def title_keys(app: App) -> list[str]:
    title = app.stack.top
    assert isinstance(title, TitleScene)
    return list(title.buttons.values())


def open_notes_by_keys(app: App) -> NotesScene:
    """Tab down the title's entries to the learning notes and press Enter."""
    for _ in range(len(title_keys(app))):
        focused = app.focus.focused
        if focused is not None and app.stack.top.buttons[focused] == "notes":  # type: ignore[union-attr]
            break
        app.dispatch(Intent(Action.NEXT_FOCUS))
    app.dispatch(Intent(Action.CONFIRM))
    scene = app.stack.top
    assert isinstance(scene, NotesScene)
    return scene


def focused_action(app: App, scene: NotesScene) -> str:
    assert app.focus.focused is not None
    return scene.actions[app.focus.focused]


def test_title_offers_the_notes_only_when_there_are_notes(tmp_path: Path) -> None:
    """With notes the title lists "Catatan belajar"; with an empty notes folder it does not."""
    SettingsStore(tmp_path).save(Settings())
    for folder, shown in ((None, True), (tmp_path / "none", False)):
        application = App(Folders(SCENARIOS, tmp_path, notes=folder))
        try:
            application.push(TitleScene(application))
            assert ("notes" in title_keys(application)) is shown
        finally:
            application.close()


def test_keys_alone_open_the_notes_read_one_and_come_back(app: App) -> None:
    """Tab to the entry, Enter; arrows to a note, Enter reads it; Esc to the list, Esc out."""
    scene = open_notes_by_keys(app)
    assert scene.note is None
    assert focused_action(app, scene) == "perekat-bangsa"  # the first card has the focus
    for _ in range(40):
        if focused_action(app, scene) == "netralitas-asn":
            break
        app.dispatch(Intent(Action.DOWN))
    assert focused_action(app, scene) == "netralitas-asn"
    draw(app)
    card = app.focus.focused
    assert card is not None and scene.scroller.rect.contains(card.rect)  # revealed by scrolling
    app.dispatch(Intent(Action.CONFIRM))
    note = scene.note
    assert note is not None and note.note_id == "netralitas-asn"
    assert "PP Nomor 94 Tahun 2021 Pasal 5 huruf n" in scene.text.html_text
    assert "Sumber" in scene.text.html_text and "dibaca melalui" in scene.text.html_text
    assert focused_action(app, scene) == "back"
    app.dispatch(Intent(Action.PREVIOUS_FOCUS))  # the last related card
    assert focused_action(app, scene) == note.related[-1]
    app.dispatch(Intent(Action.CONFIRM))  # a related note opens in the reader
    assert scene.note is not None and scene.note.note_id == note.related[-1]
    app.dispatch(Intent(Action.BACK))  # back to the note it came from
    assert scene.note is not None and scene.note.note_id == "netralitas-asn"
    app.dispatch(Intent(Action.BACK))  # back to the list, on the card it was opened from
    assert scene.note is None and focused_action(app, scene) == "netralitas-asn"
    app.dispatch(Intent(Action.BACK))
    assert isinstance(app.stack.top, TitleScene)


def test_reader_scrolls_with_arrows_and_page_keys(app: App) -> None:
    """Up/Down and Page Up/Down move a long note; the wheel is left to pygame_gui."""
    scene = open_notes_by_keys(app)
    scene.open("skb-netralitas-2022")
    draw(app)
    assert scene._scroll_fraction() == 0.0
    app.dispatch(Intent(Action.DOWN))
    draw(app)
    assert scene._scroll_fraction() > 0.0
    app.dispatch(Intent(Action.PAGE_DOWN))
    draw(app)
    lower = scene._scroll_fraction()
    app.dispatch(Intent(Action.PAGE_UP))
    app.dispatch(Intent(Action.PAGE_UP))
    draw(app)
    assert scene._scroll_fraction() == 0.0 < lower


def click(app: App, widget: pygame_gui.core.UIElement) -> None:
    """A left click at the middle of ``widget``, through pygame_gui as a real one goes."""
    at = widget.rect.center
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.process(pygame.event.Event(kind, button=1, pos=at))
    for event in pygame.event.get():
        app.process(event)
    draw(app)


def test_the_mouse_opens_a_note_and_goes_back(app: App) -> None:
    """A click on a card reads the note; a click on Back returns to the list."""
    app.dispatch(Intent(Action.CHOOSE, title_keys(app).index("notes") + 1))
    scene = app.stack.top
    assert isinstance(scene, NotesScene)
    draw(app)
    first = scene.cards[0]
    click(app, first)
    assert scene.note is not None and scene.note.note_id == "perekat-bangsa"
    back = next(widget for widget, action in scene.actions.items() if action == "back")
    click(app, back)
    assert scene.note is None


def feedback_with_notes(app: App) -> PlayScene:
    """The neutrality scenario's first decision answered with the like (it names two notes)."""
    scenario = next(
        r.scenario
        for r in app.scenarios()
        if r.scenario is not None and r.scenario.scenario_id == "netralitas-pemilu"
    )
    scene = PlayScene(app, scenario, mode="learn", start_at="grup-wa")
    app.push(scene)
    for _ in range(10):
        draw(app)
        if scene.phase == "choosing":
            break
        app.dispatch(Intent(Action.CONFIRM))
    app.dispatch(Intent(Action.CHOOSE, 4))
    assert scene.phase == "feedback"
    return scene


def test_feedback_opens_its_note_and_returns_to_the_feedback(app: App) -> None:
    """A "Baca catatan" button per note; Enter on it reads the note; Esc returns to the feedback."""
    scene = feedback_with_notes(app)
    labels = [button.text for button in scene.note_buttons]
    assert labels == [
        "Baca catatan: SKB Netralitas ASN 2022",
        "Baca catatan: Media sosial bagi ASN",
    ]
    assert app.focus.focused is scene.continue_button  # Enter still continues by default
    app.dispatch(Intent(Action.PREVIOUS_FOCUS))
    app.dispatch(Intent(Action.PREVIOUS_FOCUS))
    app.dispatch(Intent(Action.CONFIRM))
    notes = app.stack.top
    assert isinstance(notes, NotesScene)
    assert notes.note is not None and notes.note.note_id == "skb-netralitas-2022"
    assert is_rich(draw(app, "notes-from-feedback"))
    app.dispatch(Intent(Action.BACK))
    assert app.stack.top is scene and scene.phase == "feedback"
    assert scene.note_buttons[app.focus.focused] == "skb-netralitas-2022"  # focus kept
    app.dispatch(Intent(Action.NEXT_FOCUS))
    app.dispatch(Intent(Action.NEXT_FOCUS))
    app.dispatch(Intent(Action.CONFIRM))  # Continue
    assert scene.phase != "feedback" and scene.note_buttons == {}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
@pytest.mark.parametrize("contrast", [False, True])
def test_notes_screens_render_in_every_language_size_and_theme(
    app: App, lang: str, scale: float, contrast: bool
) -> None:
    """Title, list, a long note, a note with many related cards and the feedback panel draw;
    the feedback buttons' labels fit them, so nothing is cut off."""
    settings = app.settings.with_changes(lang=lang, text_scale=scale, high_contrast=contrast)
    app.apply_settings(settings)
    tag = f"{lang}-{int(scale * 100)}{'-hc' if contrast else ''}"
    assert is_rich(draw(app, f"notes-title-{tag}"))
    scene = open_notes_by_keys(app)
    assert is_rich(draw(app, f"notes-list-{tag}"))
    for note_id in ("netralitas-asn", "perekat-bangsa"):
        scene.open(note_id)
        assert is_rich(draw(app, f"notes-{note_id}-{tag}"))
        scene.back_or_leave()
    app.pop()
    play = feedback_with_notes(app)
    assert is_rich(draw(app, f"notes-feedback-{tag}"))
    font = theme.font(app.settings, "small")
    for button in play.note_buttons:
        assert font.size(button.text)[0] + 32 <= button.rect.width, button.text
        assert not button.rect.colliderect(play.continue_button.rect)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_crowded_title_keeps_every_entry_on_screen(app: App, lang: str) -> None:
    """Continue, new game, load, notes, classroom, settings, quit at 150%: all above the version
    line."""
    app.apply_settings(app.settings.with_changes(lang=lang, text_scale=1.5))
    feedback_with_notes(app)  # one choice made: an unfinished autosave to continue
    app.stack.clear()
    app.push(TitleScene(app))
    title = app.stack.top
    assert isinstance(title, TitleScene)
    keys = ["continue", "new_game", "load", "notes", "classroom", "settings", "quit"]
    assert title_keys(app) == keys
    version = title.widgets[2]
    buttons = list(title.buttons)
    assert buttons[-1].rect.bottom <= (version.rect.top if version.visible else 720 - 16)
    assert all(a.rect.bottom <= b.rect.top for a, b in zip(buttons, buttons[1:], strict=False))
    above = title.widgets[1] if title.widgets[1].visible else title.widgets[0]
    assert title.widgets[0].rect.top >= 0 and above.rect.bottom <= buttons[0].rect.top
    assert is_rich(draw(app, f"notes-title-crowded-{lang}-150"))
