"""Adding one customer to an existing route without reordering the rest."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fieldcrm.routing.model import LatLon, Pin, RoutePlan, Stop
from fieldcrm.routing.optimize import plan_for_path
from fieldcrm.routing.pins import DEPOT
from fieldcrm.routing.problem import Matrix, build_problem


def cheapest_insertion(
    depot: LatLon,
    route: Sequence[Stop],
    new: Stop,
    *,
    matrix: Matrix | None = None,
) -> RoutePlan:
    """Insert ``new`` where it adds the fewest metres, keeping ``route``'s order.

    Reps rely on the order they already know, so only the new stop moves.
    Positions that would break a pin (before a FIRST stop, after a LAST stop,
    or ahead of a FIXED stop, which would shift it) are avoided; if every
    position breaks some pin, the one breaking fewest wins. A new FIRST stop
    goes among the FIRST stops and a new LAST stop among the LAST ones; a new
    FIXED stop has no position yet and is placed like a free one. A new stop
    without coordinates joins the unlocated tail. ``matrix`` covers
    ``[depot, *route, new]``.
    """
    stops = [*route, new]
    problem = build_problem(depot, stops, matrix)
    count = len(problem.located)
    if not new.located:
        return plan_for_path(problem, [DEPOT, *range(1, count + 1), DEPOT])
    existing = problem.located[:-1]
    new_node = count
    before = np.arange(count)  # inserting at position p puts ``new`` after node p (0 = depot)
    after = np.append(np.arange(1, count), DEPOT)
    extra = problem.costs[before, new_node] + problem.costs[new_node, after] - problem.costs[before, after]
    broken = _broken_pins([stop.pin for stop in existing], new.pin)
    position = int(np.lexsort((extra, broken))[0])
    nodes = list(range(1, count))
    nodes.insert(position, new_node)
    return plan_for_path(problem, [DEPOT, *nodes, DEPOT])


def _broken_pins(pins: Sequence[Pin], new_pin: Pin) -> np.ndarray:
    """How many pins each insertion position ``0..len(pins)`` would break."""
    first = np.array([pin is Pin.FIRST for pin in pins], dtype=bool)
    last = np.array([pin is Pin.LAST for pin in pins], dtype=bool)
    fixed = np.array([pin is Pin.FIXED for pin in pins], dtype=bool)
    ahead = np.arange(len(pins))[None, :] >= np.arange(len(pins) + 1)[:, None]  # stops after the new one
    broken = (ahead & fixed).sum(axis=1)
    if new_pin is Pin.FIRST:
        broken += (~ahead & ~first & ~fixed).sum(axis=1)
    else:
        broken += (ahead & first).sum(axis=1)
    if new_pin is Pin.LAST:
        broken += (ahead & ~last & ~fixed).sum(axis=1)
    else:
        broken += (~ahead & last).sum(axis=1)
    return np.asarray(broken)
