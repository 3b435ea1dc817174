"""Smoke-test Perekat's built offline bundle the way a player's PC would run it.

Owns the checks of a built bundle: it unpacks the zip (or copies dist/perekat/) into a folder whose
path has spaces and non-ASCII letters, then runs the executable there: ``--version``, ``validate``
of the shipped scenarios, a scenario played to its ending by piped input (a golden plan's choices),
the portable ``saves/`` with the version in the save header and in the records, and ``--frames`` in
the window headless (SDL's dummy drivers). It does not build (tools/build_bundle.py does) and
touches neither the repository's saves/ nor the user's app-data folder (HOME and the like point into
the scratch folder).

    python tools/smoke_bundle.py                 # the newest dist/perekat-*.zip, else dist/perekat/
    python tools/smoke_bundle.py --bundle dist/perekat
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "playthroughs" / "hoaks-viral" / "best.yaml"
AWKWARD = Path("Pelatihan Kelas Ü") / "perekat ASN é"  # where the bundle is unpacked
CJK_FONTS = ("NotoSansJP-", "NotoSansSC-", "NotoSansKR-")
TIMEOUT = 180  # seconds per run; a hung executable fails instead of stalling CI


class SmokeFailure(Exception):
    pass


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from game import __version__

    return __version__


def unpack(source: Path, scratch: Path) -> Path:
    """The bundle folder under ``scratch/AWKWARD``, from a zip or a folder."""
    target = scratch / AWKWARD
    target.mkdir(parents=True)
    if source.is_dir():
        shutil.copytree(source, target / source.name, symlinks=True)
        return target / source.name
    with zipfile.ZipFile(source) as archive:
        archive.extractall(target)
        for info in archive.infolist():  # zipfile drops Unix modes: put the executable bits back
            mode = info.external_attr >> 16
            if mode & 0o111:
                (target / info.filename).chmod(mode & 0o777)
    return target / "perekat"


def executable(bundle: Path, name: str = "perekat") -> Path:
    return bundle / (f"{name}.exe" if os.name == "nt" else name)


def run(
    command: list[str], cwd: Path, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        input=stdin or "",  # never the terminal's stdin: an empty pipe ends at once
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        check=False,
    )
    shown = " ".join(Path(command[0]).name if i == 0 else part for i, part in enumerate(command))
    print(f"  {shown}: exit {result.returncode} ({time.perf_counter() - started:.1f} s)")
    if result.returncode != 0:
        raise SmokeFailure(
            f"{shown} exited {result.returncode}\n--- stdout\n{result.stdout[-3000:]}"
            f"\n--- stderr\n{result.stderr[-3000:]}"
        )
    return result


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)
    print(f"  ok: {message}")


def smoke(bundle: Path, scratch: Path) -> None:
    exe = executable(bundle)
    check(exe.is_file(), f"the executable {exe.name} is in the bundle")
    check((bundle / "scenarios").is_dir() and (bundle / "assets" / "fonts").is_dir(), "content")
    check((bundle / "BACA-SAYA.txt").is_file(), "the player's README BACA-SAYA.txt")
    licences = list((bundle / "assets" / "fonts").glob("*LICENSE*"))
    check(len(licences) >= 2, f"font licences ({len(licences)})")
    cjk = [p.name for p in bundle.rglob("*") if p.name.startswith(CJK_FONTS)]
    check(not cjk, f"no CJK fonts of pygame_gui ({cjk or 'none'})")

    home = scratch / "home Ü"
    home.mkdir()
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        XDG_DATA_HOME=str(home / "data"),
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYTHONUTF8="0",  # the bundle must not depend on a user's Python settings
    )
    for name in ("PYTHONPATH", "PYTHONHOME", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    outside = scratch / "elsewhere"  # run from another folder: content is found beside the exe
    outside.mkdir()

    said = run([str(exe), "--version"], outside, env).stdout.strip()
    check(said == f"perekat {version()}", f"--version says {said}")

    result = run([str(exe), "validate"], outside, env)
    summary = (result.stdout + result.stderr).strip().splitlines()[-1]
    check(" 0 error(s)" in summary, f"validate: {summary}")

    plan = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    lines = "".join(choice.split("/", 1)[1] + "\n" for choice in plan["choices"])
    command = [str(exe), "play", plan["scenario"], "--ui", "text", "--json"]
    result = run(command, outside, env, stdin=lines)
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    ending = plan["expect"]["ending"]
    check(outcome.get("ending") == ending, f"piped play of {plan['scenario']} reached {ending}")

    saves = bundle / "saves"
    check(saves.is_dir(), "portable mode: saves/ beside the executable")
    check(not any(home.rglob("*")), "nothing written to the user's app-data folder")
    header = json.loads((saves / "autosave" / f"{plan['scenario']}.json").read_text("utf-8"))
    saved = header["header"]["perekat_version"]
    check(saved == version(), f"the save header carries perekat_version {saved}")
    result = run([str(exe), "records", "export", "-o", "-"], outside, env)
    statements = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    versions = {
        s.get("context", {}).get("extensions", {}).get("urn:perekat:ext:app-version")
        for s in statements
    }
    check(bool(statements) and versions == {version()}, f"{len(statements)} records, {versions}")

    # not portable: where saves/ cannot be a folder, the play goes to the user's app-data folder
    shutil.move(saves, bundle / "saves-portable")
    (bundle / "saves").write_text("a file, not a folder", encoding="utf-8")
    run(command, outside, env, stdin=lines)
    roaming = home / "AppData" / "Roaming"
    appdata = roaming / "Perekat" if os.name == "nt" else home / "data" / "perekat"
    autosave = appdata / "autosave" / f"{plan['scenario']}.json"
    check(autosave.is_file(), f"not portable: the save went to {appdata.relative_to(scratch)}")
    (bundle / "saves").unlink()
    shutil.move(bundle / "saves-portable", saves)

    result = run([str(exe), "notes"], outside, env)
    check("perekat-bangsa" in result.stdout, "notes: the learning notes in assets/notes are found")

    run([str(exe), "--ui", "gui", "--frames", "3"], outside, env)
    run([str(exe), "play", plan["scenario"], "--ui", "gui", "--frames", "3"], outside, env)
    check(True, "the window drew 3 frames headless, the title and a play")
    windowed = executable(bundle, "Mainkan-Perekat")
    if os.name == "nt":
        check(windowed.is_file(), "the windowed launcher Mainkan-Perekat.exe")
        run([str(windowed), "play", plan["scenario"], "--ui", "gui", "--frames", "3"], outside, env)
        check(True, "the windowed launcher drew 3 frames")


def newest_zip(dist: Path) -> Path | None:
    zips = sorted(dist.glob("perekat-*.zip"), key=lambda p: p.stat().st_mtime)
    return zips[-1] if zips else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, help="a bundle zip or folder (default: newest zip)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    source = args.bundle or newest_zip(ROOT / "dist") or ROOT / "dist" / "perekat"
    if not source.exists():
        print(f"smoke: no bundle at {source}; run python tools/build_bundle.py", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="perekat-smoke-"))
    started = time.perf_counter()
    try:
        bundle = unpack(source.resolve(), scratch)
        print(f"smoke: {source.name} unpacked in {bundle}")
        smoke(bundle, scratch)
    except SmokeFailure as failure:
        print(f"smoke: FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"smoke: kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"smoke: passed in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
