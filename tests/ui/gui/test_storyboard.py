"""`perekat storyboard`: every screen of a scenario as PNG files and an index page, headless."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import io  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from html.parser import HTMLParser  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
from pilot import is_rich  # noqa: E402
from support import FIXTURES, ROOT, SCENARIOS, load_scenario  # noqa: E402

from game import paths  # noqa: E402
from game.cli import main  # noqa: E402
from game.core.model import Choice, Ending, Node, Scenario, Text  # noqa: E402
from game.ui.gui import storyboard  # noqa: E402
from game.ui.gui.storyboard import encode_png, file_names  # noqa: E402
from game.ui.gui.storyboard_page import graph_rows  # noqa: E402

MINI = FIXTURES / "mini.yaml"

# A scenario whose middle node has no open choice with the initial values, and an orphan node.
DEAD_END = """\
format: 1
id: buntu
title: "Uji <buntu> & \\"kutip\\""
variables:
  siap: false
start: mulai
nodes:
  mulai:
    text: "Mulai."
    choices:
      - id: siapkan
        text: "Saya bersiap."
        goto: tengah
        set: {siap: true}
        score: {recognize: 5}
  tengah:
    text: "Di tengah."
    choices:
      - id: lanjut
        text: "Saya lanjut."
        goto: akhir
        if: "siap"
        score: {recognize: 5}
  akhir:
    text: "Selesai."
    ending: {title: "Akhir", kind: good}
  yatim:
    text: "Tidak ada yang ke sini."
    next: akhir
"""


class Links(HTMLParser):
    """Collects the page's lang, element ids, and the targets of its links and images."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.ids: set[str] = set()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            if values.get(name):
                self.targets.append(str(values[name]))


def links_of(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def pictures(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.png"))


def screens(scenario: Scenario) -> int:
    return len(scenario.nodes) + sum(len(node.choices) for node in scenario.nodes.values())


@pytest.fixture(scope="module")
def mini_board(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The storyboard of the small fixture, in Indonesian at the default size (made once)."""
    folder = tmp_path_factory.mktemp("mini") / "board"
    assert main(["storyboard", str(MINI), "-o", str(folder)]) == 0
    return folder


def test_one_picture_per_node_and_per_choice(mini_board: Path) -> None:
    """As many PNGs as nodes plus choices, named after them."""
    scenario = load_scenario(MINI)
    names = {path.name for path in pictures(mini_board)}
    assert len(names) == screens(scenario)
    assert {"node-pagi.png", "node-pagi--bagikan.png", "node-akhir-baik.png"} <= names


def test_pictures_are_full_canvas_and_not_blank(mini_board: Path) -> None:
    """Each picture is 1280x720 and shows many colours."""
    for path in pictures(mini_board):
        picture = pygame.image.load(str(path))
        assert picture.get_size() == (1280, 720), path.name
        assert is_rich(picture), path.name


def test_index_names_every_node_and_links_only_to_what_exists(mini_board: Path) -> None:
    """index.html has lang, every node id, and each link reaches a file or a card."""
    page = mini_board / "index.html"
    text = page.read_text(encoding="utf-8")
    links = links_of(page)
    assert links.lang == "id" and '<meta charset="utf-8">' in text
    for node_id in load_scenario(MINI).nodes:
        assert f"<code>{node_id}</code>" in text
    for target in links.targets:
        assert not re.match(r"^[a-z]+:", target), target  # self-contained: nothing external
        if target.startswith("#"):
            assert target[1:] in links.ids, target
        else:
            assert (mini_board / target).is_file(), target
    assert len([t for t in links.targets if t.endswith(".png")]) >= 2 * len(pictures(mini_board))


def test_index_rows_follow_the_graph_from_the_start(mini_board: Path) -> None:
    """Cards come in breadth-first order, with Indonesian labels and the ending's kind."""
    text = (mini_board / "index.html").read_text(encoding="utf-8")
    order = [text.index(f'id="node-{node_id}"') for node_id in ("pagi", "rapat", "usul")]
    order += [text.index('id="node-akhir-baik"'), text.index('id="node-akhir-buruk"')]
    assert order == sorted(order)
    assert "Simpul awal" in text and "keputusan" in text and "Rapat Kecil" in text
    assert '<span class="ending-good">baik</span>' in text
    assert "PP 94/2021 Pasal 5 huruf n" in text  # the violation of a choice
    assert "kepercayaan &gt;= 1 and not melapor" in text  # a condition, escaped


def test_summary_names_the_count_and_the_index(mini_board: Path, tmp_path: Path) -> None:
    """Standard output: how many PNGs and where index.html is, then where the comment sheet is."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "storyboard", str(MINI), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines() == [
        f"11 gambar PNG ditulis; buka {tmp_path / 'index.html'}",
        f"Lembar ulasan untuk ahli materi: {tmp_path / 'comments.csv'} "
        "(satu baris per simpul dan pilihan)",
    ]
    assert out.stderr == ""


def test_english_labels_and_a_chosen_size(tmp_path: Path) -> None:
    """--lang en writes English labels and text; --size WxH scales every picture."""
    folder = tmp_path / "board"
    code = main(["storyboard", str(MINI), "-o", str(folder), "--lang", "en", "--size", "640x360"])
    assert code == 0
    text = (folder / "index.html").read_text(encoding="utf-8")
    assert links_of(folder / "index.html").lang == "en"
    assert "The start node" in text and "A Small Meeting" in text and "decision" in text
    assert "Simpul awal" not in text
    for path in pictures(folder):
        assert pygame.image.load(str(path)).get_size() == (640, 360)


def test_shipped_scenario_storyboards_every_screen(tmp_path: Path) -> None:
    """A shipped scenario: one picture per node and per choice, each one drawn."""
    scenario = load_scenario(SCENARIOS / "hoaks-viral.yaml")
    folder = tmp_path / "board"
    assert main(["storyboard", "hoaks-viral", "-o", str(folder), "--size", "320x180"]) == 0
    found = pictures(folder)
    assert len(found) == screens(scenario)
    for path in found[::7]:
        assert is_rich(pygame.image.load(str(path))), path.name
    text = (folder / "index.html").read_text(encoding="utf-8")
    assert all(f"<code>{node_id}</code>" in text for node_id in scenario.nodes)


def test_dead_end_and_orphan_nodes_are_shown_and_marked(tmp_path: Path) -> None:
    """A node with no open choice at the initial values still renders; orphans get a last row."""
    source = tmp_path / "buntu.yaml"
    source.write_text(DEAD_END, encoding="utf-8")
    folder = tmp_path / "board"
    assert main(["storyboard", str(source), "-o", str(folder)]) == 0
    assert len(pictures(folder)) == 6
    assert is_rich(pygame.image.load(str(folder / "node-tengah.png")))
    text = (folder / "index.html").read_text(encoding="utf-8")
    assert text.index("Tidak terjangkau dari simpul awal") < text.index('id="node-yatim"')
    assert "tidak ada pilihan yang terbuka" in text
    assert "Uji &lt;buntu&gt; &amp; &quot;kutip&quot;" in text and "<buntu>" not in text


def test_graph_rows_are_breadth_first_in_file_order() -> None:
    """Depth from the start node; within a depth, file order; unreachable ones apart."""
    assert graph_rows(load_scenario(MINI)) == (
        [["pagi"], ["rapat"], ["usul"], ["akhir-baik", "akhir-buruk"]],
        [],
    )


def test_file_names_are_safe_and_never_shared() -> None:
    """Plain ids keep their names; odd ids are sanitised; a clash gets a distinct name."""
    end = Node("a--b", Text.of("x"), ending=Ending(Text.of("Akhir")))
    odd = Node("../Odd id", Text.of("x"), next="a--b")
    start = Node("a", Text.of("x"), choices=(Choice("b", Text.of("y"), "a--b"),))
    scenario = Scenario("s", Text.of("S"), "a", {"a": start, "a--b": end, "../Odd id": odd})
    names = file_names(scenario)
    assert names[("a", None)] == "node-a.png" and names[("a", "b")] == "node-a--b.png"
    assert names[("a--b", None)] != "node-a--b.png"
    assert len(set(names.values())) == len(names)
    assert all(re.fullmatch(r"node-[a-z0-9_-]+\.png", name) for name in names.values())


def test_png_encoder_round_trips_pixels() -> None:
    """encode_png's files read back with the same pixels, rows padded or not."""
    for size in ((5, 3), (4, 2)):
        surface = pygame.Surface(size, 0, 24, (0xFF, 0xFF00, 0xFF0000, 0))
        for x in range(size[0]):
            for y in range(size[1]):
                surface.set_at((x, y), (x * 40, y * 90, 200 - x * 10))
        data = encode_png(surface.get_buffer().raw, size, surface.get_pitch())
        back = pygame.image.load(io.BytesIO(data), "x.png")
        assert back.get_size() == size
        for x in range(size[0]):
            for y in range(size[1]):
                assert back.get_at((x, y))[:3] == surface.get_at((x, y))[:3]


def test_invalid_scenario_prints_diagnostics_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario with errors: its diagnostics on stderr, exit 1, no picture."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        MINI.read_text(encoding="utf-8").replace("goto: akhir-baik", "goto: akhir-baek"),
        encoding="utf-8",
    )
    assert main(["storyboard", str(bad), "-o", str(tmp_path / "board")]) == 1
    assert "SCN020" in capsys.readouterr().err
    assert not (tmp_path / "board").exists()


@pytest.mark.parametrize("size", ["abc", "1280", "1280x", "0x720", "1280*720", "99999x720"])
def test_malformed_size_is_a_usage_error(
    size: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--size must be WIDTHxHEIGHT in range: otherwise exit 2 with a clear message."""
    with pytest.raises(SystemExit) as stop:
        main(["storyboard", str(MINI), "-o", str(tmp_path), "--size", size])
    assert stop.value.code == 2
    assert "is not a picture size" in capsys.readouterr().err


def test_output_that_is_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o naming a file (or a folder under one): exit 2, the path named, no traceback."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep", encoding="utf-8")
    for output in (blocker, blocker / "board"):
        assert main(["--lang", "en", "storyboard", str(MINI), "-o", str(output)]) == 2
        err = capsys.readouterr().err
        assert "cannot write the storyboard" in err and str(output) in err
        assert "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "keep"


def test_unwritable_picture_is_reported_with_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A picture that cannot be written (permission denied): exit 2 naming that file."""

    def refuse(path: Path, *_: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(storyboard, "_write_png", refuse)
    assert main(["storyboard", str(MINI), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'node-pagi.png'}: Permission denied" in err


def test_rerun_overwrites_ours_and_keeps_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our files are replaced, anything else in the folder stays; the player's saves untouched."""
    player_saves = tmp_path / "saves"
    monkeypatch.setattr(paths, "saves_dir", lambda: player_saves)
    folder = tmp_path / "board"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "node-pagi.png").write_bytes(b"old")
    assert main(["storyboard", str(MINI), "-o", str(folder)]) == 0
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert pygame.image.load(str(folder / "node-pagi.png")).get_size() == (1280, 720)
    assert not player_saves.exists()


def test_storyboard_loads_pygame_only_to_render(tmp_path: Path) -> None:
    """An invalid scenario is reported without pygame ever being imported."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: b\n  bad: [\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from game.cli import main\n"
        f"code = main(['storyboard', {str(bad)!r}, '-o', {str(tmp_path / 'board')!r}])\n"
        "assert 'pygame' not in sys.modules\n"
        "sys.exit(code)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert out.returncode == 1, out.stderr
