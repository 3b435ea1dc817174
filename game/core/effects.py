"""Effects of a choice on the play's variables: ``set`` then ``add``.

Owns applying a choice's effects to a variables mapping. It does not check
types against declarations (the validator does that before a play starts).
"""

from __future__ import annotations

from game.core.model import Choice, Value


def apply_effects(choice: Choice, variables: dict[str, Value]) -> None:
    """Apply ``choice``'s ``set`` effects, then its ``add`` effects, in place."""
    for assignment in choice.sets:
        variables[assignment.variable] = assignment.value
    for increment in choice.adds:
        current = variables[increment.variable]
        variables[increment.variable] = int(current) + increment.amount
