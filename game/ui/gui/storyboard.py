"""Storyboards: every screen of a scenario as a PNG file, for review without playing it.

Owns rendering them headless with the game's own play screen (PlayScene on an
App): one picture per node as a play shows it on reaching the node with the
initial variable values, text fully shown; one per choice of a decision with its
learning-mode feedback panel; scaling to the asked size; stable file names; and
writing the pictures and the index page beside them. The App keeps its settings
in a throwaway folder, so a storyboard never writes autosaves, history or
settings into the player's saves/. It does not lay out the index page
(``storyboard_page`` does) and it does not play: no choice is made, nothing is
scored or recorded.
"""

from __future__ import annotations

import os

# Always headless, even on a desktop: SDL reads these when pygame starts its video and audio.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import contextlib  # noqa: E402
import dataclasses  # noqa: E402
import hashlib  # noqa: E402
import re  # noqa: E402
import struct  # noqa: E402
import tempfile  # noqa: E402
import warnings  # noqa: E402
import zlib  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from types import MappingProxyType  # noqa: E402

import pygame  # noqa: E402

from game import paths  # noqa: E402
from game.core.model import Scenario  # noqa: E402
from game.core.state import PlayState  # noqa: E402
from game.errors import DeadEndError, PerekatError  # noqa: E402
from game.persistence.settings import Settings, SettingsStore  # noqa: E402
from game.ui.gui import theme  # noqa: E402
from game.ui.gui.app import App, Folders  # noqa: E402
from game.ui.gui.scenes.play import PlayScene  # noqa: E402
from game.ui.gui.storyboard_page import NodeShot, index_html  # noqa: E402

INDEX_NAME = "index.html"
_UNSAFE = re.compile(r"[^a-z0-9_-]")
_LONGEST_ID = 80  # characters of an id kept in a file name (file systems allow 255 bytes)
PNG_LEVEL = 3  # zlib level: half the time of 6 on these screens, files about a quarter larger


class StoryboardWriteError(PerekatError):
    """The folder, a picture or the index could not be written; the message names the path."""


@dataclasses.dataclass(frozen=True, slots=True)
class Storyboard:
    """What was written: every picture, in order, and the index page."""

    images: tuple[Path, ...]
    index: Path


def file_stem(raw: str) -> str:
    """A safe file name part for an id: the id itself when it is plain, else a marked variant.

    Valid ids are ``[a-z0-9-]`` and pass unchanged; anything else is replaced and
    suffixed with a hash of the original so two ids never share a name.
    """
    safe = _UNSAFE.sub("_", raw.lower())[:_LONGEST_ID] or "_"
    if safe == raw:
        return raw
    return f"{safe}-{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:8]}"


def file_names(scenario: Scenario) -> dict[tuple[str, str | None], str]:
    """(node id, choice id or None) -> PNG file name, unique in the scenario, in file order.

    ``node-<node>.png`` and ``node-<node>--<choice>.png``. Ids may contain ``--``, so
    a name already taken (node ``a--b`` beside choice ``b`` of node ``a``) gets a hash.
    """
    names: dict[tuple[str, str | None], str] = {}
    taken: set[str] = set()
    for node in scenario.nodes.values():
        keys: list[tuple[str, str | None]] = [(node.node_id, None)]
        keys += [(node.node_id, choice.choice_id) for choice in node.choices]
        for node_id, choice_id in keys:
            stem = f"node-{file_stem(node_id)}"
            if choice_id is not None:
                stem += f"--{file_stem(choice_id)}"
            if stem in taken:
                key = f"{node_id}\0{choice_id or ''}".encode()
                stem += f"-{hashlib.sha1(key).hexdigest()[:8]}"
            taken.add(stem)
            names[(node_id, choice_id)] = f"{stem}.png"
    return names


def encode_png(pixels: bytes, size: tuple[int, int], pitch: int, level: int = PNG_LEVEL) -> bytes:
    """A PNG of 8-bit RGB pixels, ``pitch`` bytes from one row's start to the next.

    pygame.image.save compresses at a fixed, slow level: about 75 ms a screen here,
    against 20 for this (a storyboard of 80 pictures saves four seconds).
    """
    width, height = size
    stride = width * 3
    rows = b"".join(
        b"\x00" + pixels[y * pitch : y * pitch + stride] for y in range(height)
    )  # filter type 0 (none) before each row

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit truecolour
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, level))
        + chunk(b"IEND", b"")
    )


def _write_png(path: Path, pixels: bytes, size: tuple[int, int], pitch: int) -> None:
    data = encode_png(pixels, size, pitch)
    with path.open("wb") as stream:
        stream.write(data)


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Turn a failed write into a StoryboardWriteError naming the path that failed."""
    try:
        yield
    except OSError as error:
        where = error.filename if error.filename is not None else path
        reason = error.strerror or str(error)
        raise StoryboardWriteError(f"cannot write the storyboard to {where}: {reason}") from None


def _rgb_surface(size: tuple[int, int]) -> pygame.Surface:
    """A 24-bit surface whose bytes are R, G, B in order, as PNG wants them.

    Blitting the canvas into it and copying its buffer takes about 2.5 ms; asking
    pygame.image.tobytes for "RGB" takes about 9.
    """
    return pygame.Surface(size, 0, 24, (0xFF, 0xFF00, 0xFF0000, 0))


def make_storyboard(
    scenario: Scenario, folder: Path, lang: str = "id", size: tuple[int, int] = theme.CANVAS
) -> Storyboard:
    """Render every screen of ``scenario`` into ``folder`` with ``index.html``.

    Files of ours already there are overwritten; nothing else is touched. Raises
    StoryboardWriteError when the folder or a file cannot be written, and
    DeadEndError when not even the start node can be shown.
    """
    with _writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    names = file_names(scenario)
    shots: dict[str, NodeShot] = {}
    images: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="perekat-storyboard-") as saves:
        app = _headless_app(Path(saves), lang)
        rgb = _rgb_surface(size)

        def save(name: str) -> None:
            app.dirty = True
            app.frame(0.0)
            picture = app.window
            if size != theme.CANVAS:
                picture = pygame.transform.smoothscale(picture, size)
            rgb.blit(picture, (0, 0))
            with _writing(folder / name):
                _write_png(folder / name, rgb.get_buffer().raw, size, rgb.get_pitch())
            images.append(folder / name)

        try:
            for node in scenario.nodes.values():
                scene = _show(app, scenario, node.node_id)
                offered = tuple((c.choice_id, c.is_available) for c in scene.view.choices)
                save(names[(node.node_id, None)])
                feedback = []
                for choice in node.choices:
                    scene.show_feedback(choice)
                    app.focus.set([])
                    name = names[(node.node_id, choice.choice_id)]
                    save(name)
                    feedback.append((choice.choice_id, name))
                shots[node.node_id] = NodeShot(
                    node.node_id, names[(node.node_id, None)], offered, tuple(feedback)
                )
        finally:
            app.close()
    index = folder / INDEX_NAME
    with _writing(index):
        index.write_text(index_html(scenario, shots, lang, size), encoding="utf-8")
    return Storyboard(tuple(images), index)


def _headless_app(saves: Path, lang: str) -> App:
    """An App whose settings live in ``saves``: text at once, no fade, no sound."""
    settings = Settings(lang=lang, text_speed="instant", reduced_motion=True, sound=False)
    SettingsStore(saves).save(settings)
    with warnings.catch_warnings():
        # SDL's dummy driver has no accelerated renderer; that is expected here
        warnings.filterwarnings("ignore", "no fast renderer")
        return App(Folders(paths.scenarios_dir(), saves))


def _show(app: App, scenario: Scenario, node_id: str) -> PlayScene:
    """The play screen on ``node_id`` with its text shown whole, as a player first sees it."""
    try:
        scene = PlayScene(app, scenario, mode="learn", start_at=node_id)
    except DeadEndError:
        # No choice is open with the initial values: the node needs variables set on the way.
        # Show it as a play standing there with those values would, its choices shown locked
        # with their reasons (a screen with no choice at all would explain nothing).
        node = dataclasses.replace(scenario.node(node_id), show_locked=True)
        nodes = MappingProxyType({**scenario.nodes, node_id: node})
        scene = PlayScene(app, dataclasses.replace(scenario, nodes=nodes), mode="learn")
        state = PlayState(scenario.scenario_id, node_id, scenario.initial_variables)
        state.enter(node_id)
        scene.engine.state = state
    app.stack.replace(scene)
    if scene.phase == "reading":
        scene.text_revealed()
    # No focus ring: on a still picture, a ring around choice 1 reads as the recommended answer.
    app.focus.set([])
    return scene
