"""Build Perekat's offline bundle: ``dist/perekat/`` and a zip of it, for PCs without Python.

Owns the build: PyInstaller on tools/bundle/perekat.spec (one folder, not one file), then the
content beside the executable (scenarios/, assets/ with the font licences), the player's README in
Indonesian (BACA-SAYA.txt), the licences of the libraries inside, and the zip; it prints the sizes.
It does not test the result (tools/smoke_bundle.py does) and never touches saves/.

    python -m pip install -e ".[bundle]"
    python tools/build_bundle.py            # dist/perekat/ and dist/perekat-<version>-<os>.zip
"""

from __future__ import annotations

import argparse
import importlib.metadata
import platform
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "bundle" / "perekat.spec"
README_TEMPLATE = ROOT / "tools" / "bundle" / "BACA-SAYA.txt"
# The distributions frozen into the bundle whose licences ship with it (LGPL SDL/pygame-ce stays
# replaceable: one folder keeps its libraries as separate files).
SHIPPED = (
    "pygame-ce",
    "pygame_gui",
    "python-i18n",
    "PyYAML",
    "networkx",
    "jsonschema",
    "jsonschema-specifications",
    "referencing",
    "rpds-py",
    "attrs",
    "fastjsonschema",
)
LICENCE_WORDS = ("license", "licence", "lgpl", "copying", "notice", "authors")


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from game import __version__

    return __version__


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system}-{machine}"


def run_pyinstaller(dist: Path, work: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)


def copy_content(bundle: Path) -> None:
    """scenarios/ and assets/ beside the executable, where game/paths.py looks in the bundle."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")
    for name in ("scenarios", "assets"):
        shutil.copytree(ROOT / name, bundle / name, ignore=ignore, dirs_exist_ok=True)


def write_player_readme(bundle: Path, tag: str) -> None:
    text = README_TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("{version}", version()).replace("{platform}", tag)
    # CRLF so that every Notepad shows the lines, also the old ones on office PCs
    (bundle / "BACA-SAYA.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))


def copy_licences(bundle: Path) -> list[str]:
    """Each shipped library's licence files into licenses/<name>/; returns what was missing."""
    target = bundle / "licenses"
    missing = []
    for name in SHIPPED:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
            continue
        found = False
        for file in dist.files or ():
            if any(word in Path(file).name.lower() for word in LICENCE_WORDS):
                source = Path(str(dist.locate_file(file)))
                if source.is_file():
                    folder = target / name
                    folder.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, folder / source.name)
                    found = True
        if not found:
            missing.append(name)
    python_licence = Path(sys.base_prefix) / ("LICENSE.txt" if sys.platform == "win32" else "")
    candidates = [python_licence, *Path(sys.base_prefix).glob("lib/python3*/LICENSE.txt")]
    for candidate in candidates:
        if candidate.is_file():
            (target / "python").mkdir(parents=True, exist_ok=True)
            shutil.copy2(candidate, target / "python" / "LICENSE.txt")
            break
    return missing


def write_zip(bundle: Path, archive: Path) -> None:
    """The folder as ``perekat/...`` in a zip, executable bits kept for unzip on Linux."""
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in sorted(bundle.rglob("*")):
            arcname = Path(bundle.name) / path.relative_to(bundle)
            out.write(path, arcname.as_posix())


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-zip", action="store_true", help="leave out the zip")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    dist: Path = args.dist.resolve()
    run_pyinstaller(dist, args.work.resolve())
    bundle = dist / "perekat"
    tag = platform_tag()
    copy_content(bundle)
    write_player_readme(bundle, tag)
    missing = copy_licences(bundle)
    if missing:
        print(f"warning: no licence file found for {', '.join(missing)}", file=sys.stderr)
    print(f"bundle: {bundle} ({megabytes(folder_size(bundle))})")
    if not args.no_zip:
        archive = dist / f"perekat-{version()}-{tag}.zip"
        write_zip(bundle, archive)
        print(f"zip:    {archive} ({megabytes(archive.stat().st_size)})")
    print(f"built in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
