"""What of a play the scenario's conditions can observe, and when two values look the same.

Owns choosing the parts of a play state that matter to the rest of the play:
the variables conditions read, the nodes ``visited()`` names, and, for a
counter that only ever moves one way and is only compared with numbers, the
point past which its exact value no longer matters (``tries >= 3`` cannot tell
4 from 40 when ``tries`` only grows). Values past that point are saturated to
it, so a counter that climbs for ever in a loop gives finitely many states
whenever no condition could tell the difference. This is exact: two states
that saturate alike are played identically by the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.expressions import BoolOp, Compare, Expr, Literal, Not, Variable
from game.core.model import Scenario, Value


@dataclass(frozen=True, slots=True)
class Observation:
    variables: tuple[str, ...]  # read by some condition, in declaration order
    visits: tuple[str, ...]  # named by some visited(), sorted
    ceilings: tuple[int | None, ...]  # per variable: values above are the same as this one
    floors: tuple[int | None, ...]  # per variable: values below are the same as this one

    def saturated(self, values: tuple[Value, ...]) -> tuple[Value, ...]:
        """``values`` with every saturating counter clipped to its bounds."""
        clipped = list(values)
        changed = False
        for slot, value in enumerate(values):
            ceiling, floor = self.ceilings[slot], self.floors[slot]
            if ceiling is not None and isinstance(value, int) and value > ceiling:
                clipped[slot], changed = ceiling, True
            elif floor is not None and isinstance(value, int) and value < floor:
                clipped[slot], changed = floor, True
        return tuple(clipped) if changed else values


def observe(scenario: Scenario) -> Observation:
    """What conditions observe in ``scenario``, and where its counters saturate."""
    read: set[str] = set()
    visits: set[str] = set()
    constants: dict[str, list[int]] = {}
    opaque: set[str] = set()  # compared with something other than an integer literal
    for node in scenario.nodes.values():
        for choice in node.choices:
            if choice.condition is not None:
                read |= choice.condition.variables()
                visits |= choice.condition.visited_nodes()
                _comparisons(choice.condition.expr, constants, opaque)
    declared = dict(scenario.variables)
    variables = tuple(name for name in declared if name in read)
    ceilings: list[int | None] = []
    floors: list[int | None] = []
    for name in variables:
        ceiling = floor = None
        initial = declared[name]
        if isinstance(initial, int) and not isinstance(initial, bool) and name not in opaque:
            numbers = constants.get(name, [])
            direction = _direction(scenario, name)
            if numbers and direction == "up":
                ceiling = max(numbers) + 1
            elif numbers and direction == "down":
                floor = min(numbers) - 1
        ceilings.append(ceiling)
        floors.append(floor)
    return Observation(variables, tuple(sorted(visits)), tuple(ceilings), tuple(floors))


def _direction(scenario: Scenario, name: str) -> str:
    """'up' when every add to ``name`` is positive or zero, 'down' when negative or zero."""
    amounts = [
        add.amount
        for node in scenario.nodes.values()
        for choice in node.choices
        for add in choice.adds
        if add.variable == name
    ]
    if all(amount >= 0 for amount in amounts):
        return "up"
    if all(amount <= 0 for amount in amounts):
        return "down"
    return "both"


def _comparisons(expr: Expr, constants: dict[str, list[int]], opaque: set[str]) -> None:
    """Collect the integer literals each variable is compared with; mark other uses opaque."""
    if isinstance(expr, Not):
        _comparisons(expr.operand, constants, opaque)
    elif isinstance(expr, BoolOp):
        for item in expr.operands:
            _comparisons(item, constants, opaque)
    elif isinstance(expr, Compare):
        for side, other in ((expr.left, expr.right), (expr.right, expr.left)):
            if isinstance(side, Variable):
                if (
                    isinstance(other, Literal)
                    and isinstance(other.value, int)
                    and not isinstance(other.value, bool)
                ):
                    constants.setdefault(side.name, []).append(other.value)
                else:
                    opaque.add(side.name)
            elif not isinstance(side, Literal):
                _comparisons(side, constants, opaque)
    elif isinstance(expr, Variable):
        opaque.add(expr.name)
