"""`python main.py notes`: the library listed, one note printed, unknown ids and broken files."""

from __future__ import annotations

from pathlib import Path

from test_cli import run


def test_notes_lists_every_note_by_category() -> None:
    """Without an id: a heading per category, each note's id and title, and how to read one."""
    out = run("notes")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Catatan belajar (")
    shown = ("Netralitas ASN", "  netralitas-asn ", "  pela-gandong ", "python main.py notes ID")
    for line in shown:
        assert line in out.stdout, line
    assert out.stdout.index("Kompetensi Perekat Bangsa") < out.stdout.index("Catatan kasus")


def test_notes_prints_one_note_in_english() -> None:
    """With an id and --lang en: title, paragraphs, numbered items, sources and related titles."""
    out = run("notes", "netralitas-asn", "--lang", "en")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert text.startswith("== Civil service neutrality ==")
    assert "  3. mobilising other civil servants;" in text
    assert "Sources:" in text and "Peraturan Pemerintah Nomor 94 Tahun 2021" in text
    flat = " ".join(text.split())
    assert "(read via: nasional.sindonews.com; a public disciplinary dataset)" in flat
    assert "See also: The 2022 joint decree on neutrality (skb-netralitas-2022)" in flat
    assert max(len(line) for line in text.splitlines()) <= 78


def test_an_unknown_note_id_is_a_usage_error_with_a_hint() -> None:
    """A typo exits 2 and names the closest note."""
    out = run("notes", "netralitas-asm")
    assert out.returncode == 2
    assert "netralitas-asm" in out.stderr and "Maksud Anda 'netralitas-asn'?" in out.stderr


def test_a_broken_note_is_reported_and_the_others_still_listed(tmp_path: Path) -> None:
    """Diagnostics on standard error (exit 1); the good notes are listed all the same."""
    good = (Path(__file__).parent.parent / "assets" / "notes" / "fkub.yaml").read_text("utf-8")
    (tmp_path / "fkub.yaml").write_text(good.split("related:")[0], encoding="utf-8")
    (tmp_path / "rusak.yaml").write_text("id: rusak\ntitle: [\n", encoding="utf-8")
    out = run("notes", "--notes-dir", str(tmp_path), "--lang", "en")
    assert out.returncode == 1
    assert "rusak.yaml:3:1: error SCN001" in out.stderr
    assert "  fkub  FKUB and houses of worship" in out.stdout
