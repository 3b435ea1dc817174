"""What each choice can lead to: the best ending kind and the best tier of plays through it.

Owns the facts pedagogy lint compares: for every (decision, choice), the best
ending kind any play taking it reaches and the best tier any such play earns;
for every ending, the tiers of the plays that end there. Tiers need the whole
play's ratings, so prefixes (from the start) and suffixes (to an ending) are
carried as sets of balances against mastery, each clipped to a sign as soon as
the rest of the play can no longer change it, and a choice's best tier is the
best combination of a prefix into it with a suffix out of it. When the sets
outgrow a budget the tier facts are left out (None) rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.analysis.counting import SURE, Balance, tier_of_balance
from game.analysis.explore import StateGraph
from game.core.model import COMPETENCIES
from game.core.scoring import MASTERY, TIERS

KINDS = ("bad", "mixed", "good")  # worst to best; an ending without a kind counts as none
SET_BUDGET = 200_000


@dataclass
class Outcomes:
    """Best outcomes per move (a choice at one play state) and per choice over all its states.

    Kinds are indices into KINDS (-1: no ending kind reached), tiers into TIERS.
    """

    move_kind: dict[tuple[int, str], int] = field(default_factory=dict)
    move_tier: dict[tuple[int, str], int] | None = None
    ending_tiers: dict[str, set[str]] | None = None


def outcomes(graph: StateGraph, order: list[int], budget: int = SET_BUDGET) -> Outcomes:
    """Best ending kind and tier per move; tiers per ending (tier facts None over ``budget``)."""
    found = Outcomes(move_kind=_move_kinds(graph, order))
    sets = _balance_sets(graph, order, budget)
    if sets is None:
        return found
    prefixes, suffixes = sets
    width = 2 * len(COMPETENCIES)
    mastery = int(MASTERY)
    move_tier: dict[tuple[int, str], int] = {}
    ending_tiers: dict[str, set[str]] = {}
    fronts: dict[tuple[bool, int], list[Balance]] = {}

    def front(is_prefix: bool, state: int) -> list[Balance]:
        key = (is_prefix, state)
        if key not in fronts:
            fronts[key] = _pareto(prefixes[state] if is_prefix else suffixes[state])
        return fronts[key]

    top = len(TIERS) - 1
    for state in order:
        node_id = graph.nodes[state]
        if state in graph.endings:
            tiers = ending_tiers.setdefault(node_id, set())
            tiers |= {tier_of_balance(p) for p in prefixes[state]}
            continue
        for move in graph.moves[state]:
            if move.choice_id is None or not suffixes[move.target] or not prefixes[state]:
                continue
            best = -1
            shift = _shift(move.ratings, mastery, width)
            # a balance at least as high everywhere never earns a lower tier: only the
            # Pareto-best prefixes and suffixes can give the best tier
            for prefix in front(True, state):
                for suffix in front(False, move.target):
                    best = max(best, TIERS.index(tier_of_balance(_join(prefix, shift, suffix))))
                    if best == top:
                        break
                if best == top:
                    break
            move_tier[(state, move.choice_id)] = best
    found.move_tier, found.ending_tiers = move_tier, ending_tiers
    return found


def best_per_choice(
    per_move: dict[tuple[int, str], int], graph: StateGraph
) -> dict[tuple[str, str], int]:
    """The best of each choice over every play state where it is taken."""
    best: dict[tuple[str, str], int] = {}
    for (state, choice_id), value in per_move.items():
        key = (graph.nodes[state], choice_id)
        best[key] = max(best.get(key, -1), value)
    return best


def _pareto(balances: set[Balance]) -> list[Balance]:
    """The balances no other one matches or beats in every part."""
    ranked = sorted(balances, key=sum, reverse=True)
    kept: list[Balance] = []
    for balance in ranked:
        if not any(all(k >= b for k, b in zip(other, balance, strict=True)) for other in kept):
            kept.append(balance)
    return kept


def _move_kinds(graph: StateGraph, order: list[int]) -> dict[tuple[int, str], int]:
    """Per move, the best ending kind reachable after it (index into KINDS, -1 for none)."""
    reach = [0] * graph.size  # bit k: an ending of kind KINDS[k] can be reached
    for state in graph.endings:
        ending = graph.scenario.nodes[graph.nodes[state]].ending
        kind = ending.kind if ending is not None else None
        reach[state] = 1 << KINDS.index(kind) if kind in KINDS else 0
    for state in reversed(order):
        for move in graph.moves[state]:
            reach[state] |= reach[move.target]
    return {
        (state, move.choice_id): reach[move.target].bit_length() - 1
        for state, moves in enumerate(graph.moves)
        for move in moves
        if move.choice_id is not None
    }


def _balance_sets(
    graph: StateGraph, order: list[int], budget: int
) -> tuple[list[set[Balance]], list[set[Balance]]] | None:
    """Clipped prefix balances into each state and suffix balances out of it."""
    mastery = int(MASTERY)
    width = 2 * len(COMPETENCIES)
    zero: Balance = (0,) * width
    future_low, future_high = _bounds(graph, order, mastery, width, forward=False)
    past_low, past_high = _bounds(graph, order, mastery, width, forward=True)
    prefixes: list[set[Balance]] = [set() for _ in range(graph.size)]
    suffixes: list[set[Balance]] = [set() for _ in range(graph.size)]
    total = 0
    if graph.size and future_low[0] is not None:
        prefixes[0].add(zero)
    for state in order:
        for move in graph.moves[state]:
            low, high = future_low[move.target], future_high[move.target]
            if low is None or high is None:
                continue
            shift = _shift(move.ratings, mastery, width)
            for prefix in prefixes[state]:
                moved = _clip(_join(prefix, shift, zero), low, high)
                if moved not in prefixes[move.target]:
                    prefixes[move.target].add(moved)
                    total += 1
        if total > budget:
            return None
    for state in graph.endings:
        suffixes[state].add(zero)
    for state in reversed(order):
        low, high = past_low[state], past_high[state]
        if low is None or high is None:
            continue
        for move in graph.moves[state]:
            shift = _shift(move.ratings, mastery, width)
            for suffix in suffixes[move.target]:
                moved = _clip(_join(zero, shift, suffix), low, high)
                if moved not in suffixes[state]:
                    suffixes[state].add(moved)
                    total += 1
        if total > budget:
            return None
    return prefixes, suffixes


def _bounds(
    graph: StateGraph, order: list[int], mastery: int, width: int, forward: bool
) -> tuple[list[Balance | None], list[Balance | None]]:
    """Per state, the least and most each balance changes before it (forward) or after it."""
    low: list[Balance | None] = [None] * graph.size
    high: list[Balance | None] = [None] * graph.size
    zero: Balance = (0,) * width
    if forward:
        if graph.size:
            low[0] = high[0] = zero
        for state in order:
            here_low, here_high = low[state], high[state]
            if here_low is None or here_high is None:
                continue
            for move in graph.moves[state]:
                shift = _shift(move.ratings, mastery, width)
                _widen(low, high, move.target, _add(here_low, shift), _add(here_high, shift))
        return low, high
    for state in graph.endings:
        low[state] = high[state] = zero
    for state in reversed(order):
        for move in graph.moves[state]:
            after_low, after_high = low[move.target], high[move.target]
            if after_low is None or after_high is None:
                continue
            shift = _shift(move.ratings, mastery, width)
            _widen(low, high, state, _add(after_low, shift), _add(after_high, shift))
    return low, high


def _widen(
    low: list[Balance | None], high: list[Balance | None], state: int, lo: Balance, hi: Balance
) -> None:
    current_low, current_high = low[state], high[state]
    if current_low is None or current_high is None:
        low[state], high[state] = lo, hi
        return
    low[state] = tuple(min(a, b) for a, b in zip(current_low, lo, strict=True))
    high[state] = tuple(max(a, b) for a, b in zip(current_high, hi, strict=True))


def _add(a: Balance, b: Balance) -> Balance:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _shift(ratings: tuple[tuple[str, int], ...], mastery: int, width: int) -> Balance:
    shift = [0] * width
    for name, value in ratings:
        index = COMPETENCIES.index(name)
        shift[2 * index] += value - mastery
        shift[2 * index + 1] += 1
    return tuple(shift)


def _join(prefix: Balance, shift: Balance, suffix: Balance) -> Balance:
    """A whole balance from its parts; a part already clipped to a sign decides it."""
    values = []
    for index in range(len(prefix)):
        if index % 2:
            values.append(1 if prefix[index] or shift[index] or suffix[index] else 0)
            continue
        parts = (prefix[index], suffix[index])
        if SURE in parts:
            values.append(SURE)
        elif -SURE in parts:
            values.append(-SURE)
        else:
            values.append(prefix[index] + shift[index] + suffix[index])
    return tuple(values)


def _clip(balance: Balance, low: Balance, high: Balance) -> Balance:
    """Clip each part to a sign when the rest of the play (``low``..``high``) cannot move it."""
    values = list(balance)
    for index in range(0, len(values), 2):
        value = values[index]
        if value in (SURE, -SURE):
            continue
        if value + low[index] >= 0:
            values[index] = SURE
        elif value + high[index] < 0:
            values[index] = -SURE
    return tuple(values)
