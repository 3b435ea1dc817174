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


def average_bound(
    graph: StateGraph, order: list[int], competency: str, highest: bool
) -> Fraction | None:
    """The highest (or lowest) exact mean of ``competency`` over complete plays; None if unrated."""
    sign = 1 if highest else -1
    trial: Fraction | None = None
    best = _best_path(graph, order, competency, sign, Fraction(-100))
    while best is not None:
        _, total, count = best
        mean = Fraction(total, count)
        if trial is not None and mean <= trial:
            break
        trial = mean
        best = _best_path(graph, order, competency, sign, trial)
        if best is None or best[0] <= 0:
            break
    return None if trial is None else trial * sign


def _best_path(
    graph: StateGraph, order: list[int], competency: str, sign: int, trial: Fraction
) -> Best:
    """The complete path rating ``competency`` at least once with the most ``sum - trial*count``.

    Weights are scaled by the trial's denominator to stay integers. Returns the path's
    (weight, signed sum, count), or None when no complete path rates the competency.
    """
    a, b = trial.numerator, trial.denominator
    size = graph.size
    unrated: list[Best] = [None] * size  # best completion that rates nothing
    rated: list[Best] = [None] * size  # best completion that rates at least once
    ending = set(graph.endings)
    for state in reversed(order):
        if state in ending:
            unrated[state] = (0, 0, 0)
            continue
        best_unrated: Best = None
        best_rated: Best = None
        for move in graph.moves[state]:
            rating = _rating(move.ratings, competency)
            after_unrated, after_rated = unrated[move.target], rated[move.target]
            if rating is None:
                best_unrated = _better(best_unrated, after_unrated)
                best_rated = _better(best_rated, after_rated)
                continue
            value = sign * rating
            for after in (after_unrated, after_rated):
                if after is not None:
                    candidate = (after[0] + value * b - a, after[1] + value, after[2] + 1)
                    best_rated = _better(best_rated, candidate)
        unrated[state], rated[state] = best_unrated, best_rated
    return rated[0] if size else None


def _rating(ratings: tuple[tuple[str, int], ...], competency: str) -> int | None:
    for name, value in ratings:
        if name == competency:
            return value
    return None


def _better(current: Best, candidate: Best) -> Best:
    if candidate is None:
        return current
    if current is None or candidate[0] > current[0]:
        return candidate
    return current
