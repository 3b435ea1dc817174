"""How groups and facilitated classes decided: read alike by both readers, gathered per decision,
and said in the text and HTML reports (escaped), with a class without them unchanged."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from class_fixture import make_class
from deliberation_fixture import (
    ANONYMOUS_REASON,
    MARKUP_REASON,
    PROGRAM_REASON,
    SHARE_REASON,
    VOTES,
    deliberation_lines,
    write_deliberation,
)
from support import FIXTURES, load_scenario

from game.classroom.aggregate import read_records, summarise
from game.classroom.compact_lines import CompactLines
from game.classroom.debrief import build_debrief
from game.classroom.facts import Fact, fact_of
from game.classroom.report_html import render_html
from game.classroom.report_text import render_text
from game.classroom.statement_files import Chunk, ChunkResult, read_chunk


def test_fast_path_and_parse_path_agree_on_reasons_and_votes() -> None:
    """Every line read compactly (twice: remembered pieces) gives fact_of's facts, and those
    carry the reasons, member counts and votes."""
    reader = CompactLines()
    lines = [line.encode() for line in deliberation_lines()]
    for line in lines * 2:
        assert reader.fact(line) == fact_of(json.loads(line))
    facts = [reader.fact(line) for line in lines]
    assert [f.rationale for f in facts if f.rationale] == [
        MARKUP_REASON, PROGRAM_REASON, SHARE_REASON, ANONYMOUS_REASON,
    ]  # fmt: skip
    assert [f.members for f in facts] == [3, 3, 4, 4, 0, 20, 20]
    assert facts[5].vote == (
        "counts",
        (("tolak-halus", 8), ("lapor", 8), ("bagikan", 4)),
        True,
        False,
    )
    assert all(not f.vote for f in facts[:5])


def test_facts_with_reasons_and_votes_travel_from_a_worker(tmp_path: Path) -> None:
    """A chunk's facts, pickled as columns and back, are the same facts."""
    path = write_deliberation(tmp_path)
    result = read_chunk(Chunk(str(path), 0, path.stat().st_size))
    back: ChunkResult = pickle.loads(pickle.dumps(result))
    assert back.facts == result.facts and all(isinstance(f, Fact) for f in back.facts)


def test_a_vote_outside_a_facilitated_play_or_misshapen_is_left_out() -> None:
    """The answer still counts; only the vote is dropped."""
    line = json.loads(deliberation_lines()[-1])
    line["context"]["extensions"]["urn:perekat:ext:mode"] = "group"
    fact = fact_of(line)
    assert isinstance(fact, Fact) and fact.vote == () and fact.value == "program"
    line = json.loads(deliberation_lines()[-1])
    line["result"]["extensions"]["urn:perekat:ext:vote"]["counts"] = {"program": -1}
    fact = fact_of(line)
    assert isinstance(fact, Fact) and fact.vote == ()


def test_reasons_votes_and_members_are_gathered_per_decision(tmp_path: Path) -> None:
    """The counted answers' reasons (group, choice, text), votes summed, marks counted."""
    summary = summarise(read_records([write_deliberation(tmp_path)], workers=1))
    assert summary is not None
    found = summary.deliberation
    pagi = [(r.group, r.choice_id, r.text) for r in found.reasons["pagi"]]
    assert pagi == [
        ("Kelompok 2", "bagikan", SHARE_REASON),
        ("Kelompok <A&B>", "tolak-halus", MARKUP_REASON),
        ("", "tolak-halus", ANONYMOUS_REASON),
    ]
    assert {node: vote.counts for node, vote in found.votes.items()} == VOTES
    assert (found.votes["pagi"].ties, found.votes["pagi"].overrides) == (1, 0)
    assert (found.votes["usul"].ties, found.votes["usul"].overrides) == (0, 1)
    assert found.members == {"Kelompok <A&B>": 3, "Kelompok 2": 4, "": 20}
    assert summary.to_json(read_records([tmp_path], workers=1))["votes"] == VOTES


@pytest.fixture
def reports(tmp_path: Path) -> tuple[str, str]:
    records = read_records([write_deliberation(tmp_path)], workers=1)
    summary = summarise(records)
    assert summary is not None
    debrief = build_debrief(summary, load_scenario(FIXTURES / "mini.yaml"), records.definitions)
    return render_text(debrief, records), render_html(debrief, records)


def test_the_text_report_lists_few_reasons_and_the_class_vote(reports: tuple[str, str]) -> None:
    """Three reasons at pagi are listed, one at usul; the votes carry the facilitator's marks."""
    text = reports[0]
    assert "Kelompok <A&B> \u2014 1. tolak-halus: Kami <b>menolak</b> & tetap sopan." in text
    assert f"(tanpa nama kelompok) \u2014 1. tolak-halus: {ANONYMOUS_REASON}" in text
    assert f"Kelompok 2 \u2014 2. bagikan: {SHARE_REASON}" in text
    assert "Suara kelas: tolak-halus 8, bagikan 4, lapor 8 (seri, diputus fasilitator)" in text
    unwrapped = " ".join(text.split())
    assert (
        "Suara kelas: program 8, diam 12 (fasilitator tidak mengikuti suara terbanyak)" in unwrapped
    )
    assert "- Kelompok <A&B>: 1 (3 anggota)" in text and "- Kelompok 2: 1 (4 anggota)" in text


def test_the_html_report_escapes_the_reasons_under_the_bars(reports: tuple[str, str]) -> None:
    """Every reason is under its decision, its markup escaped; the vote is a note below."""
    page = reports[1]
    assert "<b>menolak</b>" not in page and "Kelompok <A&B>" not in page
    assert "Kami &lt;b&gt;menolak&lt;/b&gt; &amp; tetap sopan." in page
    assert "Kelompok &lt;A&amp;B&gt; \u2014 1. tolak-halus:" in page
    pagi, usul = page.index("Pak Budi meminta"), page.index("Apa usul Anda?")
    assert pagi < page.index(SHARE_REASON) < usul < page.index(PROGRAM_REASON)
    assert (
        '<p class="vote">Suara kelas: tolak-halus <strong>8</strong>, bagikan <strong>4</strong>, '
        "lapor <strong>8</strong> (<strong>seri, diputus fasilitator</strong>)</p>"
    ) in page
    assert '(<span class="meta">' not in page and '<span class="meta">(3 anggota)</span>' in page


def test_a_class_without_reasons_or_votes_reports_as_before(tmp_path: Path) -> None:
    """No reason, vote or member count: no key, line or element of them."""
    records = read_records([make_class(tmp_path).folder], workers=1)
    summary = summarise(records)
    assert summary is not None
    assert "votes" not in summary.to_json(records)
    debrief = build_debrief(summary, load_scenario(FIXTURES / "mini.yaml"), records.definitions)
    assert all(row.reasons == () and row.vote is None for row in debrief.decisions)
    text, page = render_text(debrief, records), render_html(debrief, records)
    assert "Suara kelas" not in text and "Alasan" not in text and "anggota" not in text
    assert 'class="vote"' not in page and 'class="reasons"' not in page
    assert "</table></section>" in page
