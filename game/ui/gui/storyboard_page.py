"""The storyboard's index page: one self-contained HTML file laying out a scenario's screens.

Owns the graph order (rows by breadth-first depth from the start node, ties in
file order, unreachable nodes in a last row of their own), the page's words in
Indonesian and English, and the markup: the scenario's title and summary, then a
card per node with its picture, id, kind, speaker and, for a decision, each choice
with its text, ratings, feedback, thumbnail and a link to the card of its target.
Every scenario text is escaped. It renders no picture and writes no file
(``storyboard`` does both); it needs no pygame.
"""

from __future__ import annotations

import html
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from game.core.model import COMPETENCIES, Chat, Choice, Document, Node, Post, Scenario
from game.core.scoring import COMPETENCY_NAMES

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "page_title": "Papan cerita: {title}",
        "counts": "{nodes} simpul · {choices} pilihan · {images} gambar",
        "how_to_read": "Setiap gambar adalah layar permainan saat simpul itu dicapai dengan nilai "
        "awal variabel. Klik gambar untuk ukuran penuh, klik tujuan pilihan untuk melompat ke "
        "simpulnya.",
        "depth": "Jarak {n} dari simpul awal",
        "depth_start": "Simpul awal",
        "unreachable": "Tidak terjangkau dari simpul awal",
        "kind": "Jenis",
        "kind_decision": "keputusan",
        "kind_step": "langkah",
        "kind_ending": "akhir",
        "speaker": "Pembicara",
        "narration": "narasi (tanpa pembicara)",
        "shown": "Tampilan",
        "shown_chat": "obrolan grup",
        "shown_post": "unggahan media sosial",
        "shown_document": "surat resmi",
        "ending": "Akhir",
        "ending_good": "baik",
        "ending_mixed": "campuran",
        "ending_bad": "buruk",
        "ending_none": "tanpa jenis",
        "text": "Teks",
        "choices": "Pilihan",
        "goes_to": "menuju",
        "continues_to": "Lanjut ke",
        "condition": "Syarat",
        "locked_at_start": "terkunci dengan nilai awal variabel",
        "hidden_at_start": "tidak tampil dengan nilai awal variabel",
        "dead_end": "Dengan nilai awal variabel tidak ada pilihan yang terbuka di sini (gambar "
        "menampilkan pilihannya terkunci): simpul ini baru dapat dimainkan setelah pilihan "
        "sebelumnya mengubah variabel.",
        "feedback": "Umpan balik",
        "no_feedback": "(tanpa umpan balik)",
        "violation": "Pelanggaran",
        "screen_of_feedback": "Layar umpan balik pilihan {choice}",
    },
    "en": {
        "page_title": "Storyboard: {title}",
        "counts": "{nodes} nodes · {choices} choices · {images} pictures",
        "how_to_read": "Each picture is the game screen when a play reaches the node with the "
        "initial variable values. Click a picture for full size, a choice's target to jump to "
        "its node.",
        "depth": "Distance {n} from the start node",
        "depth_start": "The start node",
        "unreachable": "Not reachable from the start node",
        "kind": "Kind",
        "kind_decision": "decision",
        "kind_step": "step",
        "kind_ending": "ending",
        "speaker": "Speaker",
        "narration": "narration (no speaker)",
        "shown": "Shown",
        "shown_chat": "group chat",
        "shown_post": "social media post",
        "shown_document": "official letter",
        "ending": "Ending",
        "ending_good": "good",
        "ending_mixed": "mixed",
        "ending_bad": "bad",
        "ending_none": "no kind",
        "text": "Text",
        "choices": "Choices",
        "goes_to": "goes to",
        "continues_to": "Continues to",
        "condition": "Condition",
        "locked_at_start": "locked with the initial variable values",
        "hidden_at_start": "not shown with the initial variable values",
        "dead_end": "With the initial variable values no choice is open here (the picture shows "
        "its choices locked): the node becomes playable only after earlier choices set "
        "variables.",
        "feedback": "Feedback",
        "no_feedback": "(no feedback)",
        "violation": "Violation",
        "screen_of_feedback": "Feedback screen of choice {choice}",
    },
}

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 2rem 3rem; background: #f6f1e9;
       color: #1f2933; }
header { max-width: 60rem; }
h1 { margin-bottom: .2rem; }
h2 { border-bottom: 2px solid #0b4f6c; padding-bottom: .2rem; margin-top: 2.5rem; }
.note { color: #52606d; }
.row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.card { background: #fff; border: 1px solid #d9d4cb; border-radius: 10px; padding: .75rem;
        width: 340px; }
.card:target { outline: 3px solid #0b4f6c; }
.card img { display: block; width: 100%; height: auto; border-radius: 6px; }
.card h3 { margin: .5rem 0 .25rem; font-size: 1rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; margin: .25rem 0; }
dt { color: #52606d; }
dd { margin: 0; }
.choices { padding-left: 1.2rem; }
.choices li { margin: .6rem 0; }
.choices img { width: 160px; margin: .3rem 0; }
.text { white-space: pre-line; }
.small { font-size: .85rem; color: #52606d; }
.violation, .warning { color: #c8102e; }
.ending-good { color: #00704f; } .ending-mixed { color: #8a5a00; } .ending-bad { color: #c8102e; }
code { background: #eef2f5; padding: 0 .2rem; border-radius: 3px; }
"""


@dataclass(frozen=True, slots=True)
class NodeShot:
    """What was rendered of one node: its picture's file name and what the screen offered.

    ``offered`` lists, in screen order, the choices shown with the initial variable
    values and whether each was open (True) or shown locked (False); a choice not
    listed was hidden. ``feedback`` maps a choice id to its feedback picture's name.
    """

    node_id: str
    image: str
    offered: tuple[tuple[str, bool], ...] = ()
    feedback: tuple[tuple[str, str], ...] = ()


def graph_rows(scenario: Scenario) -> tuple[list[list[str]], list[str]]:
    """Node ids by breadth-first depth from the start (file order within a row), and the rest."""
    depth = {scenario.start: 0}
    queue = deque([scenario.start])
    while queue:
        node = scenario.node(queue.popleft())
        targets = [choice.goto for choice in node.choices]
        if node.next is not None:
            targets.append(node.next)
        for target in targets:
            if target in scenario.nodes and target not in depth:
                depth[target] = depth[node.node_id] + 1
                queue.append(target)
    rows: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    unreachable: list[str] = []
    for node_id in scenario.nodes:  # file order
        if node_id in depth:
            rows[depth[node_id]].append(node_id)
        else:
            unreachable.append(node_id)
    return rows, unreachable


def index_html(
    scenario: Scenario, shots: Mapping[str, NodeShot], lang: str, size: tuple[int, int]
) -> str:
    """The whole page."""
    words = LABELS.get(lang, LABELS["id"])
    title = scenario.title.get(lang)
    rows, unreachable = graph_rows(scenario)
    images = sum(1 + len(shot.feedback) for shot in shots.values())
    choices = sum(len(node.choices) for node in scenario.nodes.values())
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        '<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(words['page_title'].format(title=title))}</title>",
        f"<style>{STYLE}</style>\n</head>\n<body>\n<header>",
        f"<h1>{_e(title)}</h1>",
    ]
    if scenario.summary is not None:
        parts.append(f"<p>{_e(scenario.summary.get(lang))}</p>")
    counts = words["counts"].format(nodes=len(scenario.nodes), choices=choices, images=images)
    parts += [
        f'<p class="note"><code>{_e(scenario.scenario_id)}</code> · {_e(counts)}</p>',
        f'<p class="note">{_e(words["how_to_read"])}</p>',
        "</header>",
    ]
    page = _Page(scenario, shots, words, lang, size)
    for depth, node_ids in enumerate(rows):
        heading = words["depth_start"] if depth == 0 else words["depth"].format(n=depth)
        parts.append(page.row(heading, node_ids, f"depth-{depth}"))
    if unreachable:
        parts.append(page.row(words["unreachable"], unreachable, "unreachable"))
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _href(name: str) -> str:
    return quote(name)


class _Page:
    """Builds the rows and cards of one page."""

    def __init__(
        self,
        scenario: Scenario,
        shots: Mapping[str, NodeShot],
        words: dict[str, str],
        lang: str,
        size: tuple[int, int],
    ) -> None:
        self.scenario, self.shots, self.words, self.lang = scenario, shots, words, lang
        self.width, self.height = size

    def anchor(self, node_id: str) -> str:
        return self.shots[node_id].image.removesuffix(".png")

    def picture(self, name: str, alt: str, width: int) -> str:
        height = round(width * self.height / self.width)
        return (
            f'<a href="{_href(name)}"><img src="{_href(name)}" alt="{_e(alt)}" '
            f'width="{width}" height="{height}" loading="lazy"></a>'
        )

    def link(self, node_id: str) -> str:
        return f'<a href="#{_href(self.anchor(node_id))}"><code>{_e(node_id)}</code></a>'

    def row(self, heading: str, node_ids: list[str], row_id: str) -> str:
        cards = "\n".join(self.card(self.scenario.node(node_id)) for node_id in node_ids)
        return f'<h2 id="{row_id}">{_e(heading)}</h2>\n<div class="row">\n{cards}\n</div>'

    def card(self, node: Node) -> str:
        words, lang = self.words, self.lang
        shot = self.shots[node.node_id]
        text = node.text.get(lang)
        facts = [(words["kind"], _e(words[f"kind_{node.kind}"]))]
        character = self.scenario.characters.get(node.speaker) if node.speaker else None
        if character is not None:
            role = character.role.get(lang) if character.role else ""
            facts.append((words["speaker"], _e(character.name + (f" · {role}" if role else ""))))
        else:
            facts.append((words["speaker"], _e(words["narration"])))
        if node.presentation is not None:
            shown = {Chat: "shown_chat", Post: "shown_post", Document: "shown_document"}
            facts.append((words["shown"], _e(words[shown[type(node.presentation)]])))
        if node.ending is not None:
            kind = node.ending.kind or "none"
            label = _e(words.get(f"ending_{kind}", kind))
            title = _e(node.ending.title.get(lang))
            ending = f'<span class="ending-{_e(kind)}">{label}</span>: {title}'
            facts.append((words["ending"], ending))
        if node.next is not None:
            facts.append((words["continues_to"], self.link(node.next)))
        listing = "".join(f"<dt>{_e(term)}</dt><dd>{value}</dd>" for term, value in facts)
        parts = [
            f'<article class="card" id="{_e(self.anchor(node.node_id))}">',
            self.picture(shot.image, text, 316),
            f"<h3><code>{_e(node.node_id)}</code></h3>",
            f"<dl>{listing}</dl>",
            f"<details><summary>{_e(words['text'])}</summary>"
            f'<p class="text">{_e(text)}</p></details>',
        ]
        if node.choices:
            if not any(is_open for _, is_open in shot.offered):
                parts.append(f'<p class="warning">{_e(words["dead_end"])}</p>')
            items = "\n".join(self.choice(node, choice) for choice in node.choices)
            parts.append(f'<h4>{_e(words["choices"])}</h4>\n<ol class="choices">\n{items}\n</ol>')
        parts.append("</article>")
        return "\n".join(parts)

    def choice(self, node: Node, choice: Choice) -> str:
        words, lang = self.words, self.lang
        shot = self.shots[node.node_id]
        ratings = " · ".join(
            f'<span title="{_e(COMPETENCY_NAMES[name].get(lang, name))}">'
            f"{name} {choice.ratings[name]}/5</span>"
            for name in COMPETENCIES
            if name in choice.ratings
        )
        parts = [
            f"<p><strong>{_e(choice.text.get(lang))}</strong> <code>{_e(choice.choice_id)}</code>"
            f" → {_e(words['goes_to'])} {self.link(choice.goto)}</p>"
        ]
        if ratings:
            parts.append(f'<p class="small">{ratings}</p>')
        if choice.condition is not None:
            offered = dict(shot.offered)
            if choice.choice_id not in offered:
                state = f" ({_e(words['hidden_at_start'])})"
            elif not offered[choice.choice_id]:
                state = f" ({_e(words['locked_at_start'])})"
            else:
                state = ""
            parts.append(
                f'<p class="small">{_e(words["condition"])}: '
                f"<code>{_e(choice.condition.source)}</code>{state}</p>"
            )
        feedback = choice.feedback.get(lang) if choice.feedback else words["no_feedback"]
        parts.append(f'<p class="small">{_e(words["feedback"])}: {_e(feedback)}</p>')
        if choice.violation is not None:
            violation = choice.violation
            detail = f": {_e(violation.text.get(lang))}" if violation.text else ""
            parts.append(
                f'<p class="small violation">{_e(words["violation"])}: '
                f"{_e(violation.rule)} [{_e(violation.severity)}]{detail}</p>"
            )
        image = dict(shot.feedback).get(choice.choice_id)
        if image is None:
            return "<li>" + "\n".join(parts) + "</li>"
        alt = words["screen_of_feedback"].format(choice=choice.choice_id)
        parts.append(self.picture(image, alt, 160))
        anchor = _e(image.removesuffix(".png"))
        return f'<li id="{anchor}">' + "\n".join(parts) + "</li>"
