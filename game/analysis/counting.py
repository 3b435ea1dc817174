"""Counting complete playthroughs over an acyclic state graph, without listing them.

Owns the dynamic programmes: how many complete plays go on from each state (and
how many reach it from the start), how many pass each decision node, and how
many end in each tier, exactly (by carrying each competency's rating balance
against mastery along the count) or, when there are too many plays for that,
estimated from seeded plays drawn uniformly among all complete plays.
"""

from __future__ import annotations

import bisect
import random
from collections import Counter
from functools import cache

import networkx as nx

from game.analysis.explore import StateGraph
from game.analysis.graph import decision_graph
from game.core.model import COMPETENCIES
from game.core.scoring import MASTERY, TIERS

EXACT_TIERS_UP_TO = 1_000_000  # plays counted exactly per tier, however many balances
TIER_SAMPLES = 20_000
# balances moved along moves before exact tier counting gives way to sampling (about 0.3 s);
# past a million plays the budget is the state graph's size, but never under the floor, which
# is several times what the shipped scenarios need (20,000-50,000)
BALANCE_BUDGET = 300_000
BALANCE_FLOOR = 60_000
SAMPLED_STEPS = 300_000  # moves taken by all sampled plays together, at most (100 plays at least)

assert len(COMPETENCIES) == 3, "balances and tiers below are written for three competencies"
Balance = tuple[int, ...]  # per competency: ratings minus mastery times their count, and the count


def completions(graph: StateGraph, order: list[int]) -> list[int]:
    """For each state, how many complete plays (choice sequences to an ending) start there."""
    count = [0] * graph.size
    for state in graph.endings:
        count[state] = 1
    for state in reversed(order):
        moves = graph.moves[state]
        if moves:
            count[state] = sum(count[move.target] for move in moves)
    return count


def arrivals(graph: StateGraph, order: list[int]) -> list[int]:
    """For each state, how many ways lead to it from the start."""
    count = [0] * graph.size
    if graph.size:
        count[0] = 1
    for state in order:
        ways = count[state]
        if ways:
            for move in graph.moves[state]:
                count[move.target] += ways
    return count


def passes(
    graph: StateGraph, order: list[int], ahead: list[int], behind: list[int]
) -> dict[str, int]:
    """Per decision node, how many complete plays pass it (once, however often they return)."""
    looping = _nodes_on_loops(graph)
    totals: Counter[str] = Counter()
    for state, node_id in enumerate(graph.nodes):
        if node_id not in looping:
            totals[node_id] += behind[state] * ahead[state]
    total = ahead[0] if graph.size else 0
    for node_id in looping:
        totals[node_id] = total - _avoiding(graph, order, node_id)
    decisions = [
        node_id for node_id, node in graph.scenario.nodes.items() if node.kind == "decision"
    ]
    return {node_id: totals.get(node_id, 0) for node_id in decisions}


def _nodes_on_loops(graph: StateGraph) -> set[str]:
    """Scenario nodes a play may enter more than once (they sit on a cycle of the story)."""
    story = decision_graph(graph.scenario)
    found: set[str] = set()
    for component in nx.strongly_connected_components(story):
        if len(component) > 1:
            found |= component
    found |= {node for node in story if story.has_edge(node, node)}
    return found


def _avoiding(graph: StateGraph, order: list[int], node_id: str) -> int:
    """Complete plays that never enter ``node_id``."""
    count = [0] * graph.size
    for state in graph.endings:
        count[state] = 0 if graph.nodes[state] == node_id else 1
    for state in reversed(order):
        if graph.nodes[state] == node_id:
            count[state] = 0
        elif graph.moves[state]:
            count[state] = sum(count[move.target] for move in graph.moves[state])
    return count[0] if graph.size else 0


def tier_of_balance(balance: Balance) -> str:
    """The tier of a play whose balances against mastery are ``balance``.

    Parts come in (balance, rated) pairs in COMPETENCIES order: recognize, tolerate,
    leverage; a competency is mastered when it was rated and its balance is not negative.
    """
    if not (balance[1] and balance[0] >= 0):
        return "belum"
    if not (balance[3] and balance[2] >= 0):
        return "dasar"
    if not (balance[5] and balance[4] >= 0):
        return "menengah"
    return "tinggi"


def exact_tiers(
    graph: StateGraph, order: list[int], budget: int | None = BALANCE_BUDGET
) -> dict[str, int] | None:
    """How many complete plays end in each tier, counted exactly; None past ``budget`` moves.

    Plays are carried forward from the start as counts per balance (each competency's
    ratings minus mastery, and whether it was rated). Where the rest of every play from
    a state can no longer change whether a balance ends at or above zero, the balance
    is clipped to a sign: far fewer distinct balances, the same counts.
    """
    mastery = int(MASTERY)
    width = 2 * len(COMPETENCIES)
    low, high = _future_balance_bounds(graph, order, mastery)
    carried: list[Counter[Balance] | None] = [None] * graph.size
    if graph.size:
        carried[0] = Counter({(0,) * width: 1})
    ending = set(graph.endings)
    tiers = dict.fromkeys(TIERS, 0)
    work = 0
    for state in order:
        here = carried[state]
        carried[state] = None  # every way into it has been added: free it
        if not here:
            continue
        if state in ending:
            for balance, ways in here.items():
                tiers[tier_of_balance(balance)] += ways
            continue
        for move in graph.moves[state]:
            target = move.target
            floor, ceiling = low[target], high[target]
            if floor is None or ceiling is None:
                continue  # no complete play goes on from there
            shift = _shift(move.ratings, mastery)
            into = carried[target]
            if into is None:
                into = carried[target] = Counter()
            for balance, ways in here.items():
                moved = _clipped(balance, shift, floor, ceiling)
                into[moved] += ways
            work += len(here)
            if budget is not None and work > budget:
                return None
    return tiers


SURE = 1 << 40  # a balance far enough above (or below) zero that nothing can change its sign


def _clipped(balance: Balance, shift: Balance, low: Balance, high: Balance) -> Balance:
    """``balance`` moved by ``shift``, each part clipped when the rest cannot change its sign.

    Written out for the three competencies: this is the inner loop of exact tier counting.
    """
    r = balance[0] + shift[0]
    r = SURE if r + low[0] >= 0 else -SURE if r + high[0] < 0 else r
    t = balance[2] + shift[2]
    t = SURE if t + low[2] >= 0 else -SURE if t + high[2] < 0 else t
    v = balance[4] + shift[4]
    v = SURE if v + low[4] >= 0 else -SURE if v + high[4] < 0 else v
    return (
        r,
        1 if balance[1] or shift[1] else 0,
        t,
        1 if balance[3] or shift[3] else 0,
        v,
        1 if balance[5] or shift[5] else 0,
    )


def _future_balance_bounds(
    graph: StateGraph, order: list[int], mastery: int
) -> tuple[list[Balance | None], list[Balance | None]]:
    """Per state, the least and most each balance can still change on the way to an ending."""
    width = 2 * len(COMPETENCIES)
    low: list[Balance | None] = [None] * graph.size
    high: list[Balance | None] = [None] * graph.size
    for state in graph.endings:
        low[state] = high[state] = (0,) * width
    for state in reversed(order):
        lows: list[Balance] = []
        highs: list[Balance] = []
        for move in graph.moves[state]:
            after_low, after_high = low[move.target], high[move.target]
            if after_low is None or after_high is None:
                continue
            shift = _shift(move.ratings, mastery)
            lows.append(tuple(a + d for a, d in zip(after_low, shift, strict=True)))
            highs.append(tuple(a + d for a, d in zip(after_high, shift, strict=True)))
        if lows:
            low[state] = tuple(min(column) for column in zip(*lows, strict=True))
            high[state] = tuple(max(column) for column in zip(*highs, strict=True))
    return low, high


FIELD = 32  # bits per part of a packed balance
BIAS = 8  # added to every part of every move's shift so packed parts never go negative
MIN_SAMPLES = 100


def _packed(shift: Balance) -> int:
    """A move's shift as one integer, so a sampled play sums its moves with one addition each."""
    return sum((part + BIAS) << (FIELD * index) for index, part in enumerate(shift))


def _unpacked(packed: int, moves: int) -> Balance:
    mask = (1 << FIELD) - 1
    return tuple(
        ((packed >> (FIELD * index)) & mask) - BIAS * moves
        for index in range(2 * len(COMPETENCIES))
    )


def _chances(graph: StateGraph, ahead: list[int]) -> list[list[float]]:
    """Per state, cumulative weights of its moves by the plays that go on through each.

    Counts can be thousands of digits long; both sides are shifted down to their top
    60 bits before becoming floats, which keeps the ratios to float precision.
    """
    chances: list[list[float]] = []
    for state, moves in enumerate(graph.moves):
        drop = max(0, ahead[state].bit_length() - 60)
        running, cumulative = 0.0, []
        for move in moves:
            running += float(ahead[move.target] >> drop)
            cumulative.append(running)
        chances.append(cumulative)
    return chances


@cache
def _shift(ratings: tuple[tuple[str, int], ...], mastery: int) -> Balance:
    """How a move's ratings change a balance (cached: scenarios reuse a few rating sets)."""
    shift = [0] * (2 * len(COMPETENCIES))
    for name, value in ratings:
        index = COMPETENCIES.index(name)
        shift[2 * index] += value - mastery
        shift[2 * index + 1] += 1
    return tuple(shift)


def sampled_tiers(
    graph: StateGraph,
    ahead: list[int],
    samples: int = TIER_SAMPLES,
    seed: int = 0,
    steps: int = SAMPLED_STEPS,
) -> tuple[dict[str, int], int]:
    """Tier counts estimated from plays drawn uniformly among all complete plays.

    Draws ``samples`` plays, fewer when plays are so long that more would take over
    ``steps`` moves in all (at least 100). Returns the estimate and the plays drawn.
    """
    rng = random.Random(seed)
    mastery = int(MASTERY)
    hits: Counter[str] = Counter()
    total = ahead[0]
    chances = _chances(graph, ahead)
    packed = [[_packed(_shift(move.ratings, mastery)) for move in moves] for moves in graph.moves]
    drawn = taken = 0
    while drawn < samples and (drawn < MIN_SAMPLES or taken < steps):
        drawn += 1
        state, balance, length = 0, 0, 0
        while True:
            moves = graph.moves[state]
            if not moves:
                break
            weights = chances[state]
            pick = bisect.bisect_right(weights, rng.random() * weights[-1]) if len(moves) > 1 else 0
            balance += packed[state][pick]
            state = moves[pick].target
            length += 1
        taken += length
        hits[tier_of_balance(_unpacked(balance, length))] += 1
    # integer arithmetic: the total may be far beyond what a float holds
    return {tier: (total * hits[tier] + drawn // 2) // drawn for tier in TIERS}, drawn
