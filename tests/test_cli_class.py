"""class report through the command line: JSON, HTML, text, damage, and plays end to end."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from class_fixture import ANI_REFLECTION, CITRA_REFLECTION, ClassFiles, make_class
from deliberation_fixture import MARKUP_REASON, VOTES, write_deliberation
from test_cli import MINI, ROOT, last_json, run

FIXTURES = str(ROOT / "tests" / "fixtures")


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory) -> ClassFiles:
    return make_class(tmp_path_factory.mktemp("class"))


def report(*args: str) -> subprocess.CompletedProcess[str]:
    return run("class", "report", *args, "--scenarios-dir", FIXTURES)


def test_json_has_the_exact_numbers(klass: ClassFiles) -> None:
    """--json: one object on the last line with the issue's keys and this class's values."""
    out = run("class", "report", str(klass.folder), "--json", "--scenarios-dir", FIXTURES)
    assert out.returncode == 0, out.stderr
    result = last_json(out.stdout)
    assert result == {
        "scenario": "mini",
        "participants": 5,
        "plays": 6,
        "groups": {"Kelompok 1": 2, "Kelompok 2": 3},
        "decisions": {
            "pagi": {"bagikan": 2, "tolak-halus": 3},
            "usul": {"diam": 2, "program": 2},
        },
        "competencies": {"recognize": 3.0, "tolerate": 2.5, "leverage": 3.0},
        "tiers": {"belum": 2, "dasar": 0, "menengah": 0, "tinggi": 2},
        "statements": klass.statements,
        "skipped": 1,
        "scenarios": {"mini": 5},
    }
    assert "1" in out.stderr and str(klass.budi_file) in out.stderr  # the damage is reported


class Page(HTMLParser):
    """Checks tags balance (void elements aside) and keeps the text and the tags seen."""

    VOID = {"meta", "br", "rect", "line", "polyline", "polygon", "circle", "path", "stop"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:]}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(path: Path) -> tuple[Page, str]:
    source = path.read_text(encoding="utf-8")
    page = Page()
    page.feed(source)
    page.close()
    return page, source


@pytest.mark.parametrize(
    ("lang", "questions", "best"),
    [
        ("id", ["Apa yang terjadi?", "Mengapa?", "Apa kata indikator kompetensi?"], "terbaik"),
        ("en", ["What happened?", "Why?", "What will each of us apply at work?"], "best"),
    ],
)
def test_the_html_page_is_whole_and_says_what_the_issue_asks(
    klass: ClassFiles, tmp_path: Path, lang: str, questions: list[str], best: str
) -> None:
    """Balanced tags, its lang, inline SVG (bars, the heat map), the guide, escaped reflections."""
    target = tmp_path / "report.html"
    out = run(
        "--lang", lang, "class", "report", str(klass.folder), "-o", str(target),
        "--scenarios-dir", FIXTURES,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    page, source = parsed(target)
    assert page.problems == [] and page.open == []
    assert page.lang == lang
    assert page.tags.count("svg") >= 8 and 'class="heat-edge"' in source
    assert "<script" not in source and "http://" not in source.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    text = " ".join(page.text)
    for question in questions:
        assert question in text
    assert f"★ {best}" in text
    assert ANI_REFLECTION in text and CITRA_REFLECTION in text  # the parser unescapes
    assert "&lt;b&gt;Tidak&lt;/b&gt; akan ikut menyebar &amp; memanas-manasi." in source
    assert "<b>Tidak</b>" not in source
    assert "@media print" in source
    assert str(klass.budi_file) in text  # the skipped line, at the end


def test_the_text_summary_is_the_default(klass: ClassFiles) -> None:
    """No -o, no --json: a readable summary with the decisions, the guide and the damage."""
    out = run(
        "--lang", "en", "class", "report", str(klass.folder), "--scenarios-dir", FIXTURES
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Class debrief: A Small Meeting (mini)" in out.stdout
    assert "lapor * best" in out.stdout  # rated 5 and 5: the highest mean
    assert "What do the competency indicators say?" in out.stdout
    assert "1 lines skipped" in out.stdout


def test_without_the_scenario_file_the_counts_stay(klass: ClassFiles, tmp_path: Path) -> None:
    """An empty scenarios folder: the same numbers, texts from the records, a note why."""
    out = run(
        "--lang", "en", "class", "report", str(klass.folder), "--scenarios-dir", str(tmp_path),
        "-o", str(tmp_path / "r.html"), "--json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert last_json(out.stdout)["participants"] == 5
    assert "not found" in out.stderr
    page, source = parsed(tmp_path / "r.html")
    assert page.problems == []
    assert "Pak Budi asks you to share a post." in " ".join(page.text)
    assert "heat-edge" not in source


def noted_mini(folder: Path) -> Path:
    """A scenarios folder whose mini.yaml has two choices naming learning notes."""
    folder.mkdir()
    text = MINI.read_text(encoding="utf-8")
    text = text.replace(
        'feedback: {id: "Melanggar netralitas.", en: "Breaks neutrality."}',
        'feedback: {id: "Melanggar netralitas.", en: "Breaks neutrality."}\n'
        "        notes: [netralitas-asn, perekat-level-2]",
    ).replace(
        'feedback: {id: "Indikator 4.3.", en: "Indicator 4.3."}',
        'feedback: {id: "Indikator 4.3.", en: "Indicator 4.3."}\n        notes: [perekat-level-4]',
    )
    assert text.count("notes: [") == 2
    (folder / "mini.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("lang", "heading", "title"),
    [
        ("id", "Catatan pembelajaran", "Netralitas ASN"),
        ("en", "Learning notes", "Civil service neutrality"),
    ],
)
def test_the_html_page_ends_with_the_notes_the_scenario_links(
    klass: ClassFiles, tmp_path: Path, lang: str, heading: str, title: str
) -> None:
    """The notes section: the linked notes only, in library order, with sources, printable."""
    scenarios = noted_mini(tmp_path / "scenarios")
    target = tmp_path / "report.html"
    out = run(
        "--lang", lang, "class", "report", str(klass.folder), "-o", str(target),
        "--scenarios-dir", str(scenarios),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    page, source = parsed(target)
    assert page.problems == [] and page.open == []
    section = source.split('<section id="learning-notes">', 1)[1]
    assert f"<h2>{heading}</h2>" in section
    cards = re.findall(r'<article class="learning-note" id="note-([a-z0-9-]+)"', section)
    assert cards == ["perekat-level-2", "perekat-level-4", "netralitas-asn"]
    assert f"<h4>{title}</h4>" in section and 'class="sources"' in section
    assert (
        "break-inside: avoid" in source
        and "section#learning-notes { break-before: page; }" in source
    )
    assert source.index('id="skipped"') < source.index('id="learning-notes"')


def test_the_text_summary_lists_the_linked_notes(klass: ClassFiles, tmp_path: Path) -> None:
    """The default summary ends with each linked note's id and title."""
    scenarios = noted_mini(tmp_path / "scenarios")
    out = run("class", "report", str(klass.folder), "--scenarios-dir", str(scenarios))
    assert out.returncode == 0, out.stderr
    tail = out.stdout.split("Catatan pembelajaran:\n", 1)[1].splitlines()
    assert tail == [
        "  - perekat-level-2: Level 2: Saling menghargai",
        "  - perekat-level-4: Level 4: Mendayagunakan perbedaan",
        "  - netralitas-asn: Netralitas ASN",
    ]


def test_a_scenario_linking_no_note_has_no_notes_section(klass: ClassFiles, tmp_path: Path) -> None:
    """mini.yaml names no note: neither the page nor the summary has the section."""
    target = tmp_path / "report.html"
    out = report(str(klass.folder), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert 'id="learning-notes"' not in target.read_text(encoding="utf-8")
    out = report(str(klass.folder))
    assert out.returncode == 0 and "Catatan pembelajaran" not in out.stdout


def test_unreadable_notes_are_said_and_the_report_still_written(
    klass: ClassFiles, tmp_path: Path
) -> None:
    """--notes-dir naming no folder: exit 0, the page and stderr say which notes were not read."""
    scenarios = noted_mini(tmp_path / "scenarios")
    target = tmp_path / "report.html"
    out = run(
        "--lang", "en", "class", "report", str(klass.folder), "-o", str(target),
        "--scenarios-dir", str(scenarios), "--notes-dir", str(tmp_path / "gone"),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "learning notes could not be read from" in out.stderr
    page, source = parsed(target)
    assert page.problems == []
    section = source.split('<section id="learning-notes">', 1)[1]
    assert "could not be read from" in section
    assert "netralitas-asn, perekat-level-2, perekat-level-4" in section
    assert "<article" not in section
    assert "heat-edge" in source  # the rest of the report is whole


def test_a_hundred_damaged_files_still_report(klass: ClassFiles, tmp_path: Path) -> None:
    """100 files, each with a torn line and garbage among sound lines: exit 0, all counted."""
    sound = [
        line
        for path in sorted(klass.folder.rglob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    for number in range(100):
        body = [*sound, "{torn", "\x00garbage", sound[number % len(sound)][:50]]
        (tmp_path / f"pc-{number:03d}.jsonl").write_text("\n".join(body), encoding="utf-8")
    out = report(str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    result = last_json(out.stdout)
    assert result["participants"] == 5 and result["statements"] == klass.statements
    assert result["skipped"] == 100 * 4  # Budi's own torn line, then the three added


def test_missing_paths_and_unreadable_records_exit_two(tmp_path: Path) -> None:
    """A path that does not exist, or files with no statement at all: exit 2 with the reason."""
    missing = run("--lang", "en", "class", "report", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    junk = tmp_path / "junk.jsonl"
    junk.write_text("not json\n{also not\n", encoding="utf-8")
    empty = run("--lang", "en", "class", "report", str(junk))
    assert empty.returncode == 2
    assert "no xAPI statement could be read" in empty.stderr and "2 lines skipped" in empty.stderr


def test_a_scenario_not_in_the_records_is_refused(klass: ClassFiles) -> None:
    """--scenario names what the records hold when they do not hold it."""
    out = run("--lang", "en", "class", "report", str(klass.folder), "--scenario", "hoaks-viral")
    assert out.returncode == 2 and "hoaks-viral" in out.stderr and "mini" in out.stderr


def test_group_reasons_and_the_class_vote_are_reported(tmp_path: Path) -> None:
    """--json adds exactly the summed votes; the page shows reasons escaped, balanced; the text
    says the vote and the reasons in English too."""
    write_deliberation(tmp_path / "results")
    folder = str(tmp_path / "results")
    out = report(folder, "--json")
    assert out.returncode == 0, out.stderr
    result = last_json(out.stdout)
    assert result["votes"] == VOTES
    assert result["decisions"] == {
        "pagi": {"bagikan": 1, "lapor": 1, "tolak-halus": 2},
        "usul": {"diam": 1, "program": 2},
    }  # a facilitated play is one participant
    html = tmp_path / "report.html"
    assert report(folder, "-o", str(html)).returncode == 0
    page = Page()
    page.feed(html.read_text(encoding="utf-8"))
    assert page.problems == [] and page.open == []
    shown = "".join(page.text)
    assert MARKUP_REASON in shown and "<b>" not in html.read_text(encoding="utf-8")
    assert "Suara kelas: tolak-halus 8, bagikan 4, lapor 8 (seri, diputus fasilitator)" in shown
    text = " ".join(report("--lang", "en", folder).stdout.split())  # unwrapped
    assert (
        "Class vote: tolak-halus 8, bagikan 4, lapor 8 (a tie, broken by the facilitator)" in text
    )
    assert "Groups' reasons:" in text and "(no group name) \u2014 1. tolak-halus:" in text


def test_two_scripted_class_plays_end_to_end(tmp_path: Path) -> None:
    """Two text plays with --session and --results-dir, then class report DIR --json."""
    # a group play reads the group's reason after each choice: blank lines skip them
    plays = (("Ani", "1\n\n1\n\nSaya akan bertanya dulu.\n"), ("Budi", "bagikan\n\ndiam\n\n"))
    for name, stdin in plays:
        out = run(
            "play", str(MINI), "--ui", "text", "--saves-dir", str(tmp_path / name),
            "--session", "KELAS1", "--group", "Tim A", "--player", name,
            "--results-dir", str(tmp_path / "usb"), stdin=stdin,
        )  # fmt: skip
        assert out.returncode == 0, out.stderr
    shutil.copy(next((tmp_path / "usb").iterdir()), tmp_path / "usb" / "again.jsonl")
    out = report(str(tmp_path / "usb"), "--json")
    assert out.returncode == 0, out.stderr
    result = last_json(out.stdout)
    assert result["participants"] == 2 and result["skipped"] == 0
    assert result["decisions"] == {
        "pagi": {"bagikan": 1, "tolak-halus": 1},
        "usul": {"diam": 1, "program": 1},
    }
    assert result["competencies"] == {"recognize": 3.0, "tolerate": 2.5, "leverage": 3.0}
    assert result["tiers"] == {"belum": 1, "dasar": 0, "menengah": 0, "tinggi": 1}
    assert result["statements"] == 7  # 2 x (2 answered + completed), one reflection
    assert result["groups"] == {"Tim A": 2}
