"""Every diagnostic code, one bad file per cause: codes, positions, wording, and what still loads.

Each file in tests/fixtures/bad/ is a tiny scenario, valid but for one mistake, whose first
lines state what validating it must report: ``# expect: CODE LINE:COL`` (1-based). The codes
that no committed file can show (a file over the size cap, bytes that are not UTF-8, two files
sharing an id) are produced here, in tmp_path.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.content.diagnostics import CATALOGUE, ERROR, WARNING
from game.content.loader import load_all, load_bytes, load_file
from game.content.notes import load_notes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BAD = FIXTURES / "bad"
MINI = FIXTURES / "mini.yaml"
BAD_FILES = sorted(BAD.glob("*.yaml"))
EXPECT = re.compile(r"#\s*expect:\s*(SCN\d{3})\s+(\d+):(\d+)\s*$")
# Codes shown by a test below rather than by a committed fixture.
COVERED_HERE = {"SCN004", "SCN006", "SCN015", "SCN027"}

Found = set[tuple[str, int, int]]


def expectations(path: Path) -> Found:
    """The ``# expect: CODE LINE:COL`` lines of the comment block that opens ``path``."""
    found: Found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = EXPECT.match(line)
        if match:
            found.add((match[1], int(match[2]), int(match[3])))
    return found


def reported(path: Path, lang: str = "id") -> Found:
    return {(d.code, d.line, d.col) for d in load_file(path, lang).diagnostics}


def fixture_ids(path: Path) -> str:
    return path.stem


# Codes from SCN200 on are lint over the plays (game.analysis), with their own fixtures and
# tests in tests/analysis/test_lint_codes.py; loading a file alone never reports them.
CONTENT_CODES = {code for code in CATALOGUE if code < "SCN200"}


def test_fixture_folder_holds_a_file_per_fixture_code() -> None:
    """There are at least as many bad files as content codes that fixtures must show."""
    assert len(BAD_FILES) >= len(CONTENT_CODES) - len(COVERED_HERE)


@pytest.mark.parametrize("path", BAD_FILES, ids=fixture_ids)
def test_bad_file_reports_exactly_its_expected_diagnostics(path: Path) -> None:
    """Validating the file gives exactly the (code, line, col) set its header states."""
    expected = expectations(path)
    assert expected, f"{path.name} states no '# expect:' line"
    assert reported(path) == expected


@pytest.mark.parametrize("path", BAD_FILES, ids=fixture_ids)
def test_bad_file_is_named_after_a_code_it_expects(path: Path) -> None:
    """``SCN020-goto-unknown-node.yaml`` expects SCN020, and every expected code is catalogued."""
    named = path.name.split("-", 1)[0]
    codes = {code for code, _, _ in expectations(path)}
    assert named in codes
    assert codes <= set(CATALOGUE)


@pytest.mark.parametrize("path", BAD_FILES, ids=fixture_ids)
def test_language_changes_wording_not_codes_or_positions(path: Path) -> None:
    """English output reports the same codes at the same places as Indonesian."""
    assert reported(path, "en") == reported(path, "id")


def message_fields(code: str, lang: str, message: str) -> list[tuple[str, str]]:
    """(field, value) pairs that fill the catalogue template of ``code`` to give ``message``."""
    parts = re.split(r"(?<!\{)\{(\w+)\}(?!\})", CATALOGUE[code].message[lang])
    fields = parts[1::2]
    literals = [re.escape(part.replace("{{", "{").replace("}}", "}")) for part in parts[0::2]]
    match = re.fullmatch("(.*)".join(literals), message, re.DOTALL)
    assert match, f"{message!r} does not follow the {code} template"
    return list(zip(fields, match.groups(), strict=True))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", BAD_FILES, ids=fixture_ids)
def test_messages_fill_every_template_field(path: Path, lang: str) -> None:
    """Each message is its code's template in ``lang`` with no field left empty."""
    for diagnostic in load_file(path, lang).diagnostics:
        for field, value in message_fields(diagnostic.code, lang, diagnostic.message):
            assert value.strip(), f"{{{field}}} is empty in {diagnostic.message!r}"
        assert diagnostic.severity == CATALOGUE[diagnostic.code].severity


def test_every_catalogued_code_is_covered() -> None:
    """Each code in CATALOGUE is expected by some bad file or produced by a test here."""
    by_files = {code for path in BAD_FILES for code, _, _ in expectations(path)}
    by_tests = {
        code
        for name, function in globals().items()
        if name.startswith("test_")
        for code in COVERED_HERE
        if (function.__doc__ or "").startswith(f"{code}:")
    }
    assert by_tests == COVERED_HERE, (
        "a code in COVERED_HERE has no test whose docstring opens with it"
    )
    missing = CONTENT_CODES - by_files - by_tests
    assert not missing, f"no fixture or test for {sorted(missing)}"


def test_file_over_the_size_cap_is_refused() -> None:
    """SCN004: more bytes than max_bytes is refused at 1:1 before parsing; at the cap it loads."""
    raw = MINI.read_bytes()
    refused = load_bytes(raw, MINI, max_bytes=len(raw) - 1)
    assert refused.scenario is None
    assert [(d.code, d.line, d.col) for d in refused.diagnostics] == [("SCN004", 1, 1)]
    (english,) = load_bytes(raw, MINI, lang="en", max_bytes=100).diagnostics
    assert english.message == (
        f"File too large: the file is {len(raw):,} bytes, over the limit of 100"
    )
    assert load_bytes(raw, MINI, max_bytes=len(raw)).scenario is not None


def test_bytes_that_are_not_utf8_are_refused_at_their_position(tmp_path: Path) -> None:
    """SCN006: invalid UTF-8 is reported on its line and column, not raised."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b'format: 1\nid: kecil\ntitle: "Caf\xe9"\n')
    result = load_file(path)
    assert result.scenario is None
    assert [(d.code, d.line, d.col) for d in result.diagnostics] == [("SCN006", 3, 12)]


def test_unreadable_path_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    """SCN006: a path that cannot be read (here, a missing file) is reported at 1:1."""
    result = load_file(tmp_path / "missing.yaml")
    assert result.scenario is None
    assert [(d.code, d.line, d.col) for d in result.diagnostics] == [("SCN006", 1, 1)]


def test_duplicate_scenario_id_across_files_is_refused(tmp_path: Path) -> None:
    """SCN015: the second file (in path order) reusing an id is refused and names the first."""
    shutil.copy(MINI, tmp_path / "a.yaml")
    shutil.copy(MINI, tmp_path / "b.yaml")
    first, second = load_all([tmp_path])
    assert first.scenario is not None and first.diagnostics == ()
    assert second.scenario is None
    assert [(d.code, d.line, d.col) for d in second.diagnostics] == [("SCN015", 1, 1)]
    assert "'mini'" in second.diagnostics[0].message
    assert "a.yaml" in second.diagnostics[0].message


def test_duplicate_learning_note_id_across_files_is_refused(tmp_path: Path) -> None:
    """SCN027: a second note file reusing an id is refused at its id and names the first."""
    note = (
        'id: sama\ntitle: {id: "Judul", en: "Title"}\ncategory: kasus\n'
        'summary: {id: "Ringkas.", en: "Short."}\nbody: {id: "Isi.", en: "Body."}\n'
        'sources: [{title: "Sumber", issuer: "Penerbit"}]\n'
    )
    (tmp_path / "a.yaml").write_text(note, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("# copy\n" + note, encoding="utf-8")
    library = load_notes(tmp_path)
    assert [note.note_id for note in library] == ["sama"]
    assert [(d.code, Path(d.file).name, d.line, d.col) for d in library.diagnostics] == [
        ("SCN027", "b.yaml", 2, 5)
    ]
    assert "a.yaml" in library.diagnostics[0].message


def test_messages_are_indonesian_by_default_and_english_on_request() -> None:
    """The same file is worded in Indonesian unless lang="en" asks for English."""
    goto = BAD / "SCN020-goto-unknown-node.yaml"
    (indonesian,) = load_file(goto).diagnostics
    (english,) = load_file(goto, lang="en").diagnostics
    assert indonesian.message == (
        "'akir' di nodes.awal.choices[0].goto tidak menunjuk simpul mana pun"
    )
    assert indonesian.hint == "Maksud Anda 'akhir'?"
    assert english.message == "'akir' at nodes.awal.choices[0].goto names no node"
    assert english.hint == "Did you mean 'akhir'?"

    empty = BAD / "SCN022-node-without-outcome.yaml"
    (indonesian,) = load_file(empty).diagnostics
    (english,) = load_file(empty, lang="en").diagnostics
    assert indonesian.message == (
        "Simpul 'akhir' harus punya tepat satu dari choices, next, atau ending (tidak ada)"
    )
    assert english.message == "Node 'akhir' must have exactly one of choices, next, ending (none)"
    assert english.hint.startswith("A decision uses choices")


def test_unknown_key_hint_suggests_closest_key() -> None:
    """A typo 'choises' is an unknown key whose hint names 'choices', in either language."""
    typo = BAD / "SCN010-unknown-node-key-choises.yaml"
    for lang, hint in (("id", "Maksud Anda 'choices'?"), ("en", "Did you mean 'choices'?")):
        (unknown,) = [d for d in load_file(typo, lang).diagnostics if d.code == "SCN010"]
        assert "'choises'" in unknown.message
        assert unknown.hint == hint


def test_file_with_errors_gives_no_scenario() -> None:
    """Any error withholds the scenario; the diagnostics are still all returned."""
    result = load_file(BAD / "SCN020-goto-unknown-node.yaml")
    assert result.scenario is None and not result.is_playable
    assert [d.severity for d in result.diagnostics] == [ERROR]


def test_warnings_alone_still_give_a_scenario() -> None:
    """A file with warnings only is playable, and the warnings are kept."""
    result = load_file(BAD / "SCN101-choice-without-feedback.yaml")
    assert result.scenario is not None and result.scenario_id == "kecil"
    assert [(d.code, d.severity) for d in result.diagnostics] == [("SCN101", WARNING)]


@pytest.mark.parametrize("path", BAD_FILES, ids=fixture_ids)
def test_scenario_is_built_exactly_when_no_error_is_expected(path: Path) -> None:
    """Error fixtures give scenario None; warning-only fixtures give a scenario."""
    severities = {CATALOGUE[code].severity for code, _, _ in expectations(path)}
    result = load_file(path)
    assert (result.scenario is None) == (ERROR in severities)


def test_broken_file_does_not_stop_the_good_ones(tmp_path: Path) -> None:
    """In a folder, broken files get diagnostics while the good files around them still load."""
    shutil.copy(BAD / "SCN003-duplicate-node-id.yaml", tmp_path / "a-broken.yaml")
    (tmp_path / "b-not-utf8.yaml").write_bytes(b"format: 1\nid: \xff\n")
    shutil.copy(MINI, tmp_path / "c-mini.yaml")
    (tmp_path / "d-empty.yaml").write_text("", encoding="utf-8")
    results = {result.path.name: result for result in load_all([tmp_path])}
    assert sorted(results) == ["a-broken.yaml", "b-not-utf8.yaml", "c-mini.yaml", "d-empty.yaml"]
    assert results["c-mini.yaml"].scenario_id == "mini"
    assert results["c-mini.yaml"].diagnostics == ()
    for name, code in (
        ("a-broken.yaml", "SCN003"),
        ("b-not-utf8.yaml", "SCN006"),
        ("d-empty.yaml", "SCN007"),
    ):
        assert results[name].scenario is None
        assert [d.code for d in results[name].diagnostics] == [code]
