"""Where the folders are, from source and in the offline bundle (sys.frozen faked, no build)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from game import paths

# a classroom's folder as office PCs name them: spaces and a letter outside ASCII
AWKWARD = "Pelatihan Kelas Ü/perekat"


def fake_bundle(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Pretend to be the bundle whose executable sits in ``folder``; returns the executable."""
    folder.mkdir(parents=True, exist_ok=True)
    executable = folder / ("perekat.exe" if os.name == "nt" else "perekat")
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    monkeypatch.setattr(sys, "_MEIPASS", str(folder / "_internal"), raising=False)
    return executable


def test_from_source_every_folder_is_in_the_project_root() -> None:
    """Running source, scenarios/, assets/ and saves/ are the project root's, as before."""
    assert not paths.is_frozen()
    assert paths.scenarios_dir() == paths.PROJECT_ROOT / "scenarios"
    assert paths.assets_dir() == paths.PROJECT_ROOT / "assets"
    assert paths.saves_dir() == paths.PROJECT_ROOT / "saves"


def test_bundle_finds_content_beside_its_executable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In the bundle, scenarios/ and assets/ are beside the executable, even in an awkward path."""
    root = tmp_path / AWKWARD
    fake_bundle(monkeypatch, root)
    (root / "scenarios").mkdir()
    (root / "assets").mkdir()
    assert paths.install_root() == root.resolve()
    assert paths.scenarios_dir() == root.resolve() / "scenarios"
    assert paths.assets_dir() == root.resolve() / "assets"


def test_bundle_falls_back_to_content_inside_the_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A bundle built with its content inside (no folder beside the executable) still finds it."""
    root = tmp_path / AWKWARD
    fake_bundle(monkeypatch, root)
    (root / "_internal" / "scenarios").mkdir(parents=True)
    assert paths.scenarios_dir() == root / "_internal" / "scenarios"
    assert paths.assets_dir() == root.resolve() / "assets"  # neither exists: the documented place


def test_bundle_saves_beside_the_executable_when_writable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Portable mode: saves/ is made beside the executable and used; the probe leaves no file."""
    root = tmp_path / AWKWARD
    fake_bundle(monkeypatch, root)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    saves = paths.saves_dir()
    assert saves == root.resolve() / "saves"
    assert saves.is_dir()
    assert list(saves.iterdir()) == []
    assert not (tmp_path / "xdg").exists()


def test_bundle_saves_go_to_app_data_when_the_folder_is_not_writable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where saves/ cannot be a writable folder (here a file of that name), the app-data folder."""
    root = tmp_path / AWKWARD
    fake_bundle(monkeypatch, root)
    (root / "saves").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data Ü"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming Ü"))
    expected = paths.user_data_dir()
    assert paths.saves_dir() == expected
    assert str(expected).startswith(str(tmp_path))


def test_bundle_on_a_network_share_saves_to_app_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Run from a share (S:\\Pelatihan), saves and records stay on this PC, where SQLite is safe."""
    from game.persistence import local_disk

    root = tmp_path / AWKWARD
    fake_bundle(monkeypatch, root)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setattr(local_disk, "network_share", lambda folder: "cifs")
    assert paths.saves_dir() == paths.user_data_dir()
    assert not (root / "saves").exists()


@pytest.mark.skipif(
    os.name == "nt" or os.geteuid() == 0, reason="permissions do not bind root or Windows ACLs"
)
def test_bundle_on_a_read_only_folder_saves_to_app_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A read-only install (Program Files, a locked share) sends saves to the app-data folder."""
    root = tmp_path / AWKWARD
    fake_bundle(monkeypatch, root)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    root.chmod(0o555)
    try:
        assert paths.saves_dir() == tmp_path / "xdg" / "perekat"
        assert not (root / "saves").exists()
    finally:
        root.chmod(0o755)


def test_is_writable_folder_refuses_a_missing_parent(tmp_path: Path) -> None:
    """Only the folder itself is made, never a chain of parents."""
    assert not paths.is_writable_folder(tmp_path / "no such" / "saves")
    assert not (tmp_path / "no such").exists()


def test_user_data_dir_on_windows_is_appdata_perekat(tmp_path: Path) -> None:
    """Windows: %APPDATA%\\Perekat, or the usual Roaming folder when APPDATA is unset."""
    appdata = tmp_path / "Roaming Ü"
    assert paths.user_data_dir("win32", {"APPDATA": str(appdata)}, tmp_path) == appdata / "Perekat"
    assert paths.user_data_dir("win32", {}, tmp_path) == tmp_path / "AppData/Roaming/Perekat"


def test_user_data_dir_on_linux_follows_xdg(tmp_path: Path) -> None:
    """Linux: $XDG_DATA_HOME/perekat when absolute, else ~/.local/share/perekat."""
    xdg = tmp_path / "data Ü"
    assert paths.user_data_dir("linux", {"XDG_DATA_HOME": str(xdg)}, tmp_path) == xdg / "perekat"
    relative = {"XDG_DATA_HOME": "relative/data"}
    assert paths.user_data_dir("linux", relative, tmp_path) == tmp_path / ".local/share/perekat"
    assert paths.user_data_dir("linux", {}, tmp_path) == tmp_path / ".local/share/perekat"


def test_user_data_dir_on_macos_is_application_support(tmp_path: Path) -> None:
    """macOS: ~/Library/Application Support/Perekat."""
    expected = tmp_path / "Library/Application Support/Perekat"
    assert paths.user_data_dir("darwin", {}, tmp_path) == expected


def test_user_config_dir_follows_each_system(tmp_path: Path) -> None:
    """The person's config folder: $XDG_CONFIG_HOME/perekat or ~/.config/perekat on Linux,
    %APPDATA%\\Perekat on Windows, Application Support on macOS; never the saves folder."""
    xdg = tmp_path / "config Ü"
    assert (
        paths.user_config_dir("linux", {"XDG_CONFIG_HOME": str(xdg)}, tmp_path) == xdg / "perekat"
    )
    relative = {"XDG_CONFIG_HOME": "relative"}
    assert paths.user_config_dir("linux", relative, tmp_path) == tmp_path / ".config/perekat"
    appdata = tmp_path / "Roaming"
    windows = paths.user_config_dir("win32", {"APPDATA": str(appdata)}, tmp_path)
    assert windows == appdata / "Perekat"
    expected = tmp_path / "Library/Application Support/Perekat"
    assert paths.user_config_dir("darwin", {}, tmp_path) == expected
