"""Loading: x- extension keys are ignored everywhere, the model is built as written."""

from __future__ import annotations

from pathlib import Path

from support import FIXTURES

from game.content.loader import load_bytes, load_file

EXTENDED = b"""\
format: 1
id: ext
x-top: {anything: [1, 2]}
title: {id: "Judul", en: "Title", x-note: "catatan penulis"}
variables:
  skor: 0
  x-draft-variable: "ignored"
characters:
  ani: {name: "Ani", x-casting: "staf baru"}
  x-draft-character: {whatever: true}
start: a
nodes:
  x-draft-node: {text: "belum jadi"}
  a:
    speaker: ani
    text: {id: "Teks", en: "Text"}
    x-layout: wide
    choices:
      - id: satu
        text: {id: "Satu", en: "One"}
        goto: b
        add: {skor: 2}
        score: {recognize: 5, tolerate: 5, leverage: 5}
        feedback: {id: "Baik", en: "Good"}
        x-review: "ok"
        violation: {rule: "PP 42/2004 Pasal 15", severity: moral, x-src: "ASN.md"}
  b:
    text: "Selesai"
    ending: {title: {id: "Akhir", en: "End"}, kind: good, x-mood: calm}
"""


def test_x_keys_are_ignored_everywhere() -> None:
    """Writer notes under x- keys neither error nor reach the model."""
    result = load_bytes(EXTENDED, Path("ext.yaml"))
    assert [d.code for d in result.diagnostics if d.severity == "error"] == []
    scenario = result.scenario
    assert scenario is not None
    assert set(scenario.nodes) == {"a", "b"}
    assert dict(scenario.variables) == {"skor": 0}
    assert set(scenario.characters) == {"ani"}
    assert scenario.title.translations == (("id", "Judul"), ("en", "Title"))


def test_model_is_built_as_written() -> None:
    """Effects, ratings, violation and ending kind reach the frozen model."""
    result = load_bytes(EXTENDED, Path("ext.yaml"))
    scenario = result.scenario
    assert scenario is not None
    choice = scenario.nodes["a"].choices[0]
    assert [(e.variable, e.amount) for e in choice.adds] == [("skor", 2)]
    assert choice.ratings == {"recognize": 5, "tolerate": 5, "leverage": 5}
    assert choice.violation is not None and choice.violation.severity == "moral"
    ending = scenario.nodes["b"].ending
    assert ending is not None and ending.kind == "good"
    assert scenario.nodes["b"].text.get("en") == "Selesai"
    assert len(scenario.content_hash) == 64


def _diagnostic(text: str, code: str, lang: str = "id") -> tuple[str, str]:
    found = [
        d for d in load_bytes(text.encode(), Path("t.yaml"), lang).diagnostics if d.code == code
    ]
    assert found, code
    return found[0].message, found[0].hint


BASE = """\
format: 1
id: t
title: {id: "T", en: "T"}
start: a
nodes:
  a:
    text: {id: "A", en: "A"}
    show_locked: SHOW
    choices:
      - id: c
        text: {id: "C", en: "C"}
        goto: b
        score: {recognize: 5, tolerate: 5, leverage: 5}
        feedback: {id: "F", en: "F"}
        violation: {rule: "PP 94/2021", severity: SEVERITY}
  b:
    text: {id: "B", en: "B"}
    ending: {title: {id: "E", en: "E"}}
"""


def test_yaml11_boolean_gets_a_hint_saying_it_is_text() -> None:
    """`show_locked: yes` is text under the strict loader; the hint says to write true."""
    _, hint = _diagnostic(BASE.replace("SHOW", "yes").replace("SEVERITY", "berat"), "SCN011")
    assert hint == "'yes' dibaca sebagai teks; untuk boolean tulis true atau false."


def test_enum_mistake_suggests_the_allowed_value() -> None:
    """`severity: Berat` suggests `berat`."""
    message, hint = _diagnostic(
        BASE.replace("SHOW", "true").replace("SEVERITY", "Berat"), "SCN016", "en"
    )
    assert "must be one of: moral, ringan, sedang, berat" in message
    assert hint == "Did you mean 'berat'?"


def test_presentations_and_backgrounds_reach_the_model() -> None:
    """chat, post and document build into their dataclasses; backgrounds resolve in views."""
    from support import FIXTURES, load_scenario

    from game.core.engine import Engine
    from game.core.model import Chat, Document, Post

    scenario = load_scenario(FIXTURES / "presentations.yaml")
    chat = scenario.nodes["grup"].presentation
    assert isinstance(chat, Chat) and chat.members == 128
    assert [m.sender for m in chat.messages] == ["hendra", "dini", "me"]
    assert chat.messages[0].time == "07:42" and chat.title.get("en") == "Social Affairs Family"
    post = scenario.nodes["unggahan"].presentation
    assert isinstance(post, Post) and (post.reactions, post.shares, post.comments) == (
        1200,
        340,
        85,
    )
    document = scenario.nodes["surat"].presentation
    assert isinstance(document, Document) and document.signature_name == "Ratna Wulandari"
    assert document.letterhead is not None and "DINAS SOSIAL" in document.letterhead.get("id")
    engine = Engine(scenario)
    assert engine.current().background == "phone"  # the node's own
    engine.advance()
    assert engine.current().background == "office"  # the scenario's default


def test_discussion_questions_and_facilitator_notes_load_into_the_node(tmp_path: Path) -> None:
    """Optional node keys for classroom sessions become Text values; a missing 'en' is SCN100."""
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  rapat:\n",
        "  rapat:\n"
        "    discussion:\n"
        '      - {id: "Apa risikonya?", en: "What is the risk?"}\n'
        '      - "Siapa yang dirugikan?"\n'
        '    facilitator: {id: "Tarik ke indikator 2.2.", en: "Draw out indicator 2.2."}\n',
        1,
    )
    path = tmp_path / "diskusi.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_file(path)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    node = result.scenario.nodes["rapat"]
    assert [q.get("en") for q in node.discussion] == ["What is the risk?", "Siapa yang dirugikan?"]
    assert node.facilitator is not None and node.facilitator.get("en").startswith("Draw out")
    assert [d.code for d in result.diagnostics] == ["SCN100"]  # the question with no English


def test_discussion_must_be_a_list_of_texts(tmp_path: Path) -> None:
    """A discussion written as one string is a schema error at its line."""
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("  rapat:\n", '  rapat:\n    discussion: "Apa risikonya?"\n', 1)
    path = tmp_path / "salah.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_file(path)
    assert result.scenario is None
    assert [d.code for d in result.diagnostics] == ["SCN011"]
