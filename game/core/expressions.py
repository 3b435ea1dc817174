"""The condition language of choices' ``if``: parse, type-check, evaluate, explain.

A condition is parsed with :mod:`ast` and then rebuilt into a small tree of our
own from a whitelist of node kinds; nothing is ever passed to ``eval``. Owns the
grammar (integer, double-quoted string and ``true``/``false`` literals, the six
comparisons, ``and``/``or``/``not``, parentheses and ``visited("node-id")``),
its static type rules and the wording of why a condition is false. It does not
know about YAML positions: errors carry an offset inside the condition text.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from game.core.model import Value

_COMPARE_SYMBOLS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
}
_ORDERING = frozenset({"<", "<=", ">", ">="})
_COMPARE: dict[str, Callable[[Value, Value], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,  # type: ignore[operator]
    "<=": lambda a, b: a <= b,  # type: ignore[operator]
    ">": lambda a, b: a > b,  # type: ignore[operator]
    ">=": lambda a, b: a >= b,  # type: ignore[operator]
}


MAX_CONDITION_LENGTH = 2000
# A single '=' outside strings and not part of ==, !=, <=, >=.
_LONE_EQUALS = re.compile(r'^(?:[^"=!<>]|"[^"]*"|[=!<>]=)*(?P<equals>=)(?!=)')


class ConditionError(ValueError):
    """A condition that does not parse, uses something outside the language, or mistypes.

    ``offset`` is the 0-based character offset inside the condition text;
    ``kind`` is ``syntax``, ``outside`` (not in the language), ``variable``
    (unknown variable), ``node`` (``visited`` of an unknown node) or ``type``.
    """

    def __init__(self, message: str, offset: int, kind: str, name: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.kind = kind
        self.name = name


@dataclass(frozen=True, slots=True)
class Literal:
    value: Value


@dataclass(frozen=True, slots=True)
class Variable:
    name: str


@dataclass(frozen=True, slots=True)
class Visited:
    node_id: str


@dataclass(frozen=True, slots=True)
class Not:
    operand: Expr


@dataclass(frozen=True, slots=True)
class BoolOp:
    op: str  # "and" | "or"
    operands: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Compare:
    left: Expr
    op: str
    right: Expr


Expr = Literal | Variable | Visited | Not | BoolOp | Compare


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed, checked condition with the text it came from."""

    source: str
    expr: Expr

    def evaluate(self, variables: Mapping[str, Value], visited: Collection[str]) -> bool:
        """True when the condition holds for these variables and visited nodes."""
        return bool(_evaluate(self.expr, variables, visited))

    def variables(self) -> frozenset[str]:
        """Names of the variables the condition reads."""
        return frozenset(_names(self.expr, Variable))

    def visited_nodes(self) -> frozenset[str]:
        """Node ids the condition asks ``visited`` about."""
        return frozenset(_names(self.expr, Visited))


def parse_condition(
    source: str,
    variable_types: Mapping[str, type],
    node_ids: Collection[str] | None = None,
) -> Condition:
    """Parse and check ``source``; raise :class:`ConditionError` pointing inside it.

    ``variable_types`` maps each declared variable to ``int``, ``bool`` or
    ``str``; ``node_ids`` (when given) are the ids ``visited`` may name.
    """
    # Line breaks (from YAML block scalars) act as spaces; the length stays the same,
    # so every offset still points into the text as written.
    stripped = source.strip().replace("\r", " ").replace("\n", " ")
    if not stripped:
        raise ConditionError("empty condition", 0, "syntax")
    lead = len(source) - len(source.lstrip())
    if len(stripped) > MAX_CONDITION_LENGTH:
        raise ConditionError(
            f"the condition is longer than {MAX_CONDITION_LENGTH} characters; split the logic "
            "across variables",
            lead,
            "syntax",
        )
    lone_equals = _LONE_EQUALS.search(stripped)
    if lone_equals is not None:
        raise ConditionError(
            "'=' assigns; compare with '=='", lone_equals.start("equals") + lead, "syntax"
        )
    try:
        tree = ast.parse(stripped, mode="eval")
    except (RecursionError, MemoryError):
        raise ConditionError("the condition is nested too deeply", lead, "syntax") from None
    except SyntaxError as error:
        earlier_lines = stripped.split("\n")[: max((error.lineno or 1) - 1, 0)]
        # offset 0 or None: the text ended before the expression did.
        column = error.offset - 1 if error.offset else len(stripped)
        offset = sum(len(line) + 1 for line in earlier_lines) + column + lead
        raise ConditionError(
            f"syntax error: {error.msg}", min(offset, len(source)), "syntax"
        ) from None
    builder = _Builder(stripped, lead, variable_types, node_ids)
    try:
        expr = builder.build(tree.body)
        expr_type = builder.type_of(expr, tree.body)
    except RecursionError:
        raise ConditionError("the condition is nested too deeply", lead, "syntax") from None
    if expr_type is not bool:
        raise ConditionError(
            "a condition must be true or false (a comparison, visited(), or a boolean variable)",
            lead,
            "type",
        )
    return Condition(source, expr)


class _Builder:
    """Rebuilds a whitelisted Python AST into our expression tree."""

    def __init__(
        self,
        text: str,
        lead: int,
        variable_types: Mapping[str, type],
        node_ids: Collection[str] | None,
    ) -> None:
        self.text = text
        self.lead = lead
        self.variable_types = variable_types
        self.node_ids = node_ids
        self.origin: dict[int, ast.AST] = {}

    def column(self, node: ast.AST) -> int:
        """Characters before ``node`` in the whole text.

        ``ast`` gives a line number and a UTF-8 byte column within that line.
        """
        row = max(int(getattr(node, "lineno", 1)) - 1, 0)
        lines = self.text.split("\n")
        line = lines[row] if row < len(lines) else ""
        before = sum(len(item) + 1 for item in lines[:row])
        byte_offset = int(getattr(node, "col_offset", 0))
        return before + len(line.encode("utf-8")[:byte_offset].decode("utf-8", "ignore"))

    def offset(self, node: ast.AST) -> int:
        return self.column(node) + self.lead

    def fail(
        self, message: str, node: ast.AST, kind: str = "outside", name: str = ""
    ) -> ConditionError:
        return ConditionError(message, self.offset(node), kind, name)

    def build(self, node: ast.AST) -> Expr:
        expr = self._build(node)
        self.origin[id(expr)] = node
        return expr

    def _build(self, node: ast.AST) -> Expr:
        if isinstance(node, ast.BoolOp):
            op = "and" if isinstance(node.op, ast.And) else "or"
            return BoolOp(op, tuple(self.build(value) for value in node.values))
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                return Not(self.build(node.operand))
            if (
                isinstance(node.op, ast.USub)
                and isinstance(node.operand, ast.Constant)
                and type(node.operand.value) is int
            ):
                return Literal(-self._literal(node.operand).value)  # type: ignore[operator]
            raise self.fail("only 'not' and a minus sign before a number are allowed", node)
        if isinstance(node, ast.Compare):
            if len(node.ops) != 1:
                raise self.fail("compare two things at a time; join comparisons with 'and'", node)
            symbol = _COMPARE_SYMBOLS.get(type(node.ops[0]))
            if symbol is None:
                raise self.fail("only == != < <= > >= compare", node)
            return Compare(self.build(node.left), symbol, self.build(node.comparators[0]))
        if isinstance(node, ast.Constant):
            return self._literal(node)
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        raise self.fail(f"'{self._segment(node)}' is not part of the condition language", node)

    def _starts_with(self, node: ast.AST, character: str) -> bool:
        start = self.column(node)
        return self.text[start : start + 1] == character

    def _segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.text, node) or type(node).__name__

    def _literal(self, node: ast.Constant) -> Literal:
        value = node.value
        if type(value) is int:
            if not self._segment(node).isdecimal() or not self._segment(node).isascii():
                raise self.fail("integers are written with the digits 0-9 only", node)
            return Literal(value)
        if type(value) is str:
            if not self._starts_with(node, '"'):
                raise self.fail('strings are written in double quotes: "text"', node)
            return Literal(value)
        if isinstance(value, bool):
            raise self.fail("booleans are written true and false", node)
        raise self.fail(f"'{self._segment(node)}' is not an allowed value", node)

    def _name(self, node: ast.Name) -> Expr:
        if node.id == "true":
            return Literal(True)
        if node.id == "false":
            return Literal(False)
        if node.id not in self.variable_types:
            raise self.fail(f"unknown variable '{node.id}'", node, "variable", node.id)
        return Variable(node.id)

    def _call(self, node: ast.Call) -> Visited:
        if not (isinstance(node.func, ast.Name) and node.func.id == "visited"):
            raise self.fail('the only function is visited("node-id")', node)
        arguments = node.args
        if node.keywords or len(arguments) != 1:
            raise self.fail('visited takes one node id: visited("node-id")', node)
        argument = arguments[0]
        if not (
            isinstance(argument, ast.Constant)
            and type(argument.value) is str
            and self._starts_with(argument, '"')
        ):
            raise self.fail("visited takes one node id in double quotes", argument)
        node_id = argument.value
        if self.node_ids is not None and node_id not in self.node_ids:
            raise self.fail(f"visited() names no node '{node_id}'", argument, "node", node_id)
        return Visited(node_id)

    def type_of(self, expr: Expr, origin: ast.AST | None = None) -> type:
        """Static type of ``expr``; raises ConditionError on a type mistake."""
        where = self.origin.get(id(expr), origin) or ast.Constant(value=None, col_offset=0)
        if isinstance(expr, Literal):
            return type(expr.value)
        if isinstance(expr, Variable):
            return self.variable_types[expr.name]
        if isinstance(expr, Visited):
            return bool
        if isinstance(expr, Not):
            if self.type_of(expr.operand) is not bool:
                raise self.fail("'not' needs something true or false", where, "type")
            return bool
        if isinstance(expr, BoolOp):
            for operand in expr.operands:
                if self.type_of(operand) is not bool:
                    raise self.fail(
                        f"'{expr.op}' joins things that are true or false",
                        self.origin.get(id(operand), where),
                        "type",
                    )
            return bool
        left, right = self.type_of(expr.left), self.type_of(expr.right)
        if left is not right:
            raise self.fail(
                f"cannot compare {_TYPE_NAMES[left]} with {_TYPE_NAMES[right]}", where, "type"
            )
        if expr.op in _ORDERING and left is not int:
            raise self.fail(f"'{expr.op}' compares integers only", where, "type")
        return bool


_TYPE_NAMES = {int: "an integer", bool: "a boolean", str: "a string"}


def _evaluate(expr: Expr, variables: Mapping[str, Value], visited: Collection[str]) -> Value:
    if isinstance(expr, Literal):
        return expr.value
    if isinstance(expr, Variable):
        return variables[expr.name]
    if isinstance(expr, Visited):
        return expr.node_id in visited
    if isinstance(expr, Not):
        return not _evaluate(expr.operand, variables, visited)
    if isinstance(expr, BoolOp):
        if expr.op == "and":
            return all(_evaluate(item, variables, visited) for item in expr.operands)
        return any(_evaluate(item, variables, visited) for item in expr.operands)
    return _COMPARE[expr.op](
        _evaluate(expr.left, variables, visited), _evaluate(expr.right, variables, visited)
    )


def _names(expr: Expr, kind: type) -> list[str]:
    if isinstance(expr, Variable) and kind is Variable:
        return [expr.name]
    if isinstance(expr, Visited) and kind is Visited:
        return [expr.node_id]
    if isinstance(expr, Not):
        return _names(expr.operand, kind)
    if isinstance(expr, BoolOp):
        return [name for item in expr.operands for name in _names(item, kind)]
    if isinstance(expr, Compare):
        return _names(expr.left, kind) + _names(expr.right, kind)
    return []


_WORDS = {
    "id": {
        "and": "dan",
        "or": "atau",
        "not": "bukan",
        "visited": "sudah melewati",
        "now": "sekarang",
        "needs": "Perlu",
    },
    "en": {
        "and": "and",
        "or": "or",
        "not": "not",
        "visited": "visited",
        "now": "now",
        "needs": "Needs",
    },
}


def render(expr: Expr, lang: str = "id") -> str:
    """The expression written back in the condition language, connectives in ``lang``."""
    words = _WORDS.get(lang, _WORDS["id"])
    if isinstance(expr, Literal):
        if isinstance(expr.value, bool):
            return "true" if expr.value else "false"
        if isinstance(expr.value, str):
            return f'"{expr.value}"'
        return str(expr.value)
    if isinstance(expr, Variable):
        return expr.name
    if isinstance(expr, Visited):
        return f'{words["visited"]} "{expr.node_id}"'
    if isinstance(expr, Not):
        return f"{words['not']} {_wrapped(expr.operand, lang)}"
    if isinstance(expr, BoolOp):
        joiner = f" {words[expr.op]} "
        return joiner.join(_wrapped(item, lang) for item in expr.operands)
    return f"{render(expr.left, lang)} {expr.op} {render(expr.right, lang)}"


def _wrapped(expr: Expr, lang: str) -> str:
    text = render(expr, lang)
    return f"({text})" if isinstance(expr, BoolOp) else text


def explain(
    condition: Condition,
    variables: Mapping[str, Value],
    visited: Collection[str],
    lang: str = "id",
) -> str:
    """Why ``condition`` is false now, naming the unmet parts and current values."""
    words = _WORDS.get(lang, _WORDS["id"])
    unmet = _unmet(condition.expr, variables, visited)
    parts = []
    for part in unmet:
        text = _wrapped(part, lang) if len(unmet) > 1 else render(part, lang)
        current = sorted(_names(part, Variable))
        if current:
            values = ", ".join(f"{name} = {render(Literal(variables[name]))}" for name in current)
            text += f" ({words['now']} {values})"
        parts.append(text)
    return f"{words['needs']}: " + f"; {words['and']} ".join(parts)


def _unmet(expr: Expr, variables: Mapping[str, Value], visited: Collection[str]) -> list[Expr]:
    """The smallest parts of a false expression that make it false."""
    if isinstance(expr, BoolOp) and expr.op == "and":
        found: list[Expr] = []
        for item in expr.operands:
            if not _evaluate(item, variables, visited):
                found.extend(_unmet(item, variables, visited))
        return found
    return [expr]
