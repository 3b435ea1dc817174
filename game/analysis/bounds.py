"""Exact bounds of a competency's final average over every complete playthrough.

Owns the fractional programme: the highest (or lowest) mean of a competency's
ratings over all paths from the start to an ending, counting only paths that
rate it at least once. The mean of a path is sum/count, which no plain longest
path maximises; Dinkelbach's method does, exactly: for a trial mean a/b, one
longest-path pass over the acyclic state graph with weight ``rating*b - a`` on
each rating edge finds the path that most exceeds it; that path's mean is the
next trial, and when no path exceeds the trial, the trial is the answer. Every
step is integer arithmetic, so the result is an exact Fraction at any size.
"""

from __future__ import annotations

from fractions import Fraction

from game.analysis.explore import StateGraph

Best = tuple[int, int, int] | None  # (weight, sum of ratings, count of ratings) of a best path


Ways = list[list[tuple[int, int | None]]]  # per state: (target, rating or None) of each move


def average_bound(
    graph: StateGraph, order: list[int], competency: str, highest: bool
) -> Fraction | None:
    """The highest (or lowest) exact mean of ``competency`` over complete plays; None if unrated."""
    sign = 1 if highest else -1
    ways: Ways = [
        [(move.target, _rating(move.ratings, competency)) for move in moves]
        for moves in graph.moves
    ]
    ending = [False] * graph.size
    for state in graph.endings:
        ending[state] = True
    trial: Fraction | None = None
    best = _best_path(ways, ending, order, sign, Fraction(-100))
    while best is not None:
        _, total, count = best
        mean = Fraction(total, count)
        if trial is not None and mean <= trial:
            break
        trial = mean
        best = _best_path(ways, ending, order, sign, trial)
        if best is None or best[0] <= 0:
            break
    return None if trial is None else trial * sign


def _best_path(
    ways: Ways, ending: list[bool], order: list[int], sign: int, trial: Fraction
) -> Best:
    """The complete path rating the competency at least once with the most ``sum - trial*count``.

    Weights are scaled by the trial's denominator to stay integers. Returns the path's
    (weight, signed sum, count), or None when no complete path rates the competency.
    """
    a, b = trial.numerator, trial.denominator
    size = len(ways)
    unrated: list[Best] = [None] * size  # best completion that rates nothing
    rated: list[Best] = [None] * size  # best completion that rates at least once
    for state in reversed(order):
        if ending[state]:
            unrated[state] = (0, 0, 0)
            continue
        best_unrated: Best = None
        best_rated: Best = None
        for target, rating in ways[state]:
            after_unrated, after_rated = unrated[target], rated[target]
            if rating is None:
                if after_unrated is not None and (
                    best_unrated is None or after_unrated[0] > best_unrated[0]
                ):
                    best_unrated = after_unrated
                if after_rated is not None and (
                    best_rated is None or after_rated[0] > best_rated[0]
                ):
                    best_rated = after_rated
                continue
            value = sign * rating
            gain = value * b - a
            for after in (after_unrated, after_rated):
                if after is not None and (best_rated is None or after[0] + gain > best_rated[0]):
                    best_rated = (after[0] + gain, after[1] + value, after[2] + 1)
        unrated[state], rated[state] = best_unrated, best_rated
    return rated[0] if size else None


def _rating(ratings: tuple[tuple[str, int], ...], competency: str) -> int | None:
    for name, value in ratings:
        if name == competency:
            return value
    return None
