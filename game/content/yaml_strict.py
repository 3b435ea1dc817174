"""Strict YAML reading for scenario files.

Owns turning a file's bytes into plain Python data (dicts, lists, str, int,
float, bool, None) plus a way to find the line and column of any value by its
path. Strict means: PyYAML's C parser (the pure one when libyaml is missing)
composes the document with our own resolver, under which only ``true`` and
``false`` are booleans, integers are plain decimals (no octal, hex or
sexagesimal), dates and times stay strings; then we construct the values
ourselves, refusing anchors and aliases, duplicate keys, non-string keys and
every tag beyond the standard scalar and collection ones (Python tags are never
constructed). A size cap guards memory. It does not know what a scenario is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from game.collector import collector_paused

DEFAULT_MAX_BYTES = 2 * 1024 * 1024

Path = tuple[Any, ...]


class StrictResolver(BaseResolver):
    """YAML 1.2-like implicit typing: ``true``/``false``, decimal ints and floats, ``null``."""


StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)
StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)
StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""]
)

try:  # libyaml's parser is several times faster; fall back when it is missing.
    from yaml._yaml import CParser

    class StrictCLoader(CParser, StrictResolver):
        """Composes with libyaml's parser and the strict resolver."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            StrictResolver.__init__(self)

    HAS_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    HAS_LIBYAML = False


class StrictPyLoader(Reader, Scanner, Parser, Composer, StrictResolver):
    """Composes with PyYAML's pure-Python parser and the strict resolver."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        StrictResolver.__init__(self)


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """Why a document was refused: a kind (see below), a message, and 1-based positions.

    Kinds: ``syntax``, ``alias``, ``duplicate``, ``too-large``, ``tag``,
    ``encoding``, ``key``.
    """

    kind: str
    message: str
    line: int
    col: int
    other_line: int | None = None
    name: str = ""


class YamlRefused(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
# An anchor (&) or alias (*) can only begin a token: after a line start, a space
# or a flow indicator. Text without such a candidate cannot hold one.
_ANCHOR_CANDIDATE = re.compile(r"(?:^|[\s\[\{,])[&*][^\s]", re.MULTILINE)


@dataclass(slots=True)
class Document:
    """Plain data from one YAML document, with the composed node tree for positions."""

    data: Any
    root: Node | None
    quoted: set[int] = field(default_factory=set)
    _index: dict[int, dict[Any, tuple[Node, Node]]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def _entry(self, path: Path) -> tuple[Node | None, Node | None]:
        """(key node, value node) at ``path``; stops at the deepest existing part."""
        key_node: Node | None = None
        node = self.root
        for part in path:
            if isinstance(node, MappingNode):
                index = self._index.get(id(node))
                if index is None:
                    index = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
                    self._index[id(node)] = index
                found = index.get(part)
                if found is None:
                    break
                key_node, node = found
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                key_node, node = None, node.value[part]
            else:
                break
        return key_node, node

    def position(self, path: Path) -> tuple[int, int]:
        """1-based (line, col) of the value at ``path`` (or of its deepest existing parent)."""
        _, node = self._entry(path)
        if node is None:
            return 1, 1
        return node.start_mark.line + 1, node.start_mark.column + 1

    def key_position(self, path: Path) -> tuple[int, int]:
        """1-based (line, col) of the key whose value is at ``path``."""
        key, node = self._entry(path)
        found = key if key is not None else node
        if found is None:
            return 1, 1
        return found.start_mark.line + 1, found.start_mark.column + 1

    def text_offset(self, path: Path) -> int:
        """Columns between a scalar's start mark and its first character (1 when quoted)."""
        _, node = self._entry(path)
        if isinstance(node, ScalarNode) and node.style in ("'", '"'):
            return 1
        return 0

    def text_position(self, path: Path, offset: int) -> tuple[int, int]:
        """1-based (line, col) in the source of character ``offset`` of the string at ``path``.

        Follows how the scalar is written: the opening quote, escapes (``\\"``, ``\\x41``,
        ``''``), folded line breaks and the indentation of block scalars (``|``, ``>``).
        """
        key, node = self._entry(path)
        if not isinstance(node, ScalarNode) or not self.lines:
            line, col = self.position(path)
            return line, col + self.text_offset(path) + offset
        if node.style in ("|", ">"):
            row, col = self._block_position(node, offset, key)
        else:
            row, col = self._flow_position(node, offset)
        return row + 1, col + 1

    def _line(self, row: int) -> str:
        return self.lines[row] if 0 <= row < len(self.lines) else ""

    def _flow_position(self, node: ScalarNode, offset: int) -> tuple[int, int]:
        """0-based (row, col) of a character of a plain or quoted scalar."""
        row, col = node.start_mark.line, node.start_mark.column
        style = node.style or ""
        col += 1 if style in ("'", '"') else 0
        remaining = offset
        while remaining > 0:
            text = self._line(row)
            if not text[col:].strip():  # the end of a line inside the scalar: a folded break
                if row >= node.end_mark.line:
                    break
                blank = 0
                while (
                    row + 1 + blank < node.end_mark.line and not self._line(row + 1 + blank).strip()
                ):
                    blank += 1
                row += 1 + blank
                col = len(self._line(row)) - len(self._line(row).lstrip())
                remaining -= blank or 1
                continue
            if style == '"' and text[col] == "\\":
                if not text[col + 1 :].strip():  # an escaped line break joins the lines
                    row += 1
                    col = len(self._line(row)) - len(self._line(row).lstrip())
                    continue
                col += {"x": 4, "u": 6, "U": 10}.get(text[col + 1], 2)
            elif style == "'" and text.startswith("''", col):
                col += 2
            else:
                col += 1
            remaining -= 1
        return row, col

    def _block_position(self, node: ScalarNode, offset: int, key: Node | None) -> tuple[int, int]:
        """0-based (row, col) of a character of a literal (|) or folded (>) block scalar."""
        header = self._line(node.start_mark.line)[node.start_mark.column :].split("#")[0]
        explicit = re.search(r"[1-9]", header)
        row = node.start_mark.line + 1
        while row < len(self.lines) and not self._line(row).strip() and offset > 0:
            row, offset = row + 1, offset - 1  # leading blank lines are kept as line breaks
        if explicit and key is not None:  # an indentation indicator counts from the key
            indent = key.start_mark.column + int(explicit.group())
        else:
            indent = len(self._line(row)) - len(self._line(row).lstrip(" "))
        col, remaining = indent, offset
        while remaining > 0:
            if col < len(self._line(row)):
                col, remaining = col + 1, remaining - 1
                continue
            blank = 0
            while row + 1 + blank < len(self.lines) and not self._line(row + 1 + blank).strip():
                blank += 1
            following = self._line(row + 1 + blank)
            if len(following) - len(following.lstrip(" ")) < indent or not following.strip():
                break  # the scalar ends here
            row, col = row + 1 + blank, indent
            remaining -= (1 + blank) if node.style == "|" else (blank or 1)
        return row, col


def decode(raw: bytes) -> str:
    """Bytes as text (UTF-8, an optional BOM); raise YamlRefused naming the bad line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlRefused(
            YamlProblem("encoding", "the file is not UTF-8 text", line, col)
        ) from None


def load_document(raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES, pure: bool = False) -> Document:
    """Parse one strict YAML document from ``raw``; raise YamlRefused on any refusal."""
    if len(raw) > max_bytes:
        raise YamlRefused(
            YamlProblem(
                "too-large",
                f"the file is {len(raw):,} bytes, over the limit of {max_bytes:,}",
                1,
                1,
            )
        )
    text = decode(raw)
    if _ANCHOR_CANDIDATE.search(text):
        _refuse_anchors(text)
    loader_class = StrictPyLoader if pure or not HAS_LIBYAML else StrictCLoader
    loader = loader_class(text)
    with collector_paused():
        return _compose_and_construct(loader, text)


def _compose_and_construct(loader: StrictPyLoader | StrictCLoader, text: str) -> Document:
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or str(error)
        if error.context:
            message = f"{error.context}: {message}"
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise YamlRefused(YamlProblem("syntax", message, line, col)) from None
    except yaml.YAMLError as error:
        raise YamlRefused(YamlProblem("syntax", str(error), 1, 1)) from None
    finally:
        loader.dispose()
    document = Document(None, root, lines=re.split(r"\r\n|\r|\n", text))
    if root is not None:
        document.data = _Constructor(document).construct(root)
    return document


def _refuse_anchors(text: str) -> None:
    """Scan tokens (only when a candidate was seen) and refuse the first anchor or alias."""
    try:
        tokens: Iterator[Any] = yaml.scan(text, Loader=yaml.SafeLoader)
        for token in tokens:
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                mark = token.start_mark
                what = "anchor" if isinstance(token, yaml.AnchorToken) else "alias"
                raise YamlRefused(
                    YamlProblem(
                        "alias",
                        f"YAML {what} '{token.value}' is not allowed in scenarios",
                        mark.line + 1,
                        mark.column + 1,
                        name=str(token.value),
                    )
                )
    except yaml.YAMLError:
        return  # the parse that follows reports the syntax error with its position


class _Constructor:
    """Builds plain values from nodes, refusing shared nodes, duplicate keys and odd tags."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.seen: set[int] = set()

    def construct(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if id(node) in self.seen:  # only an alias makes a node appear twice
            raise YamlRefused(_problem("alias", "YAML aliases are not allowed in scenarios", node))
        self.seen.add(id(node))
        self._check_tag(node)
        if isinstance(node, SequenceNode):
            return [self.construct(item) for item in node.value]
        assert isinstance(node, MappingNode)
        return self._mapping(node)

    def _check_tag(self, node: Node) -> None:
        if node.tag not in _STANDARD_TAGS:
            raise YamlRefused(
                _problem("tag", f"the YAML tag '{node.tag}' is not allowed", node, name=node.tag)
            )

    def _mapping(self, node: MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style
            ):
                raise YamlRefused(
                    _problem("alias", "YAML merge keys (<<) are not allowed", key_node, name="<<")
                )
            if not isinstance(key_node, ScalarNode):
                raise YamlRefused(_problem("key", "a mapping key must be plain text", key_node))
            self._check_tag(key_node)
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in lines:
                raise YamlRefused(
                    _problem(
                        "duplicate",
                        f"duplicate key '{key}' (first on line {lines[key]})",
                        key_node,
                        other_line=lines[key],
                        name=key,
                    )
                )
            lines[key] = line
            result[key] = self.construct(value_node)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        self._check_tag(node)
        tag, value = node.tag, node.value
        if tag == "tag:yaml.org,2002:str":
            return value
        if tag == "tag:yaml.org,2002:bool":
            if value not in ("true", "false"):
                raise YamlRefused(_problem("tag", "booleans are written true or false", node))
            return value == "true"
        if tag == "tag:yaml.org,2002:null":
            return None
        try:
            return int(value) if tag == "tag:yaml.org,2002:int" else float(value)
        except ValueError:
            raise YamlRefused(_problem("tag", f"'{value}' is not a plain number", node)) from None


def _problem(
    kind: str, message: str, node: Node, other_line: int | None = None, name: str = ""
) -> YamlProblem:
    mark = node.start_mark
    return YamlProblem(kind, message, mark.line + 1, mark.column + 1, other_line, name)
