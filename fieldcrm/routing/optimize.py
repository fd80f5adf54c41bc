"""Route ordering: the shortest depot-to-depot tour that keeps every pin.

Without pins the whole route is one closed tour from fast-tsp. With pins the
anchors split the route into gaps; each gap is a path between two anchors
solved by fast-tsp, and when there are several gaps the free stops are first
shared out by cutting one good tour through all stops into consecutive runs
of the right lengths. Every path is then polished on the true float costs.

Repeatability: fast-tsp has no seed and stops on a clock, so the same input can
come back as the same tour started elsewhere or run backwards. Tours are
therefore returned in a canonical form (depot first, then the direction whose
first stop comes earlier in the input). Up to a few hundred stops the search
settles on the same tour every run, so the plan is identical; at 1,000 stops
separate runs can differ by about 0.1 % (docs/routing.md).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np

from fieldcrm.routing.fast_tsp_solver import solve_cycle, solve_path, solver_budget
from fieldcrm.routing.local_search import FloatMatrix, path_cost, polish_path, swap_positions
from fieldcrm.routing.model import LatLon, RoutePlan, Stop
from fieldcrm.routing.pins import DEPOT, Gap, Layout, layout_slots
from fieldcrm.routing.problem import Matrix, Problem, build_problem

_TRADE_ROUNDS = 10


def optimize(
    depot: LatLon,
    stops: Sequence[Stop],
    *,
    matrix: Matrix | None = None,
    time_limit_s: float = 2.0,
) -> RoutePlan:
    """Order ``stops`` into the shortest route from ``depot`` and back that respects pins.

    ``matrix`` replaces straight-line distances (see ``problem.Matrix``).
    ``time_limit_s`` caps the whole call. Within it the search gets 50 ms plus
    1.5 ms a stop (0.2 s for 100 stops, 0.5 s for 300, 1.55 s for 1,000), so
    the default only binds above about 1,100 stops. Stops without coordinates
    end the order, in input order.
    """
    if time_limit_s <= 0:
        raise ValueError("time_limit_s must be positive")
    deadline = time.monotonic() + time_limit_s
    problem = build_problem(depot, stops, matrix)
    layout = layout_slots([stop.pin for stop in problem.located])
    path = _pinned_route(problem.costs, layout, deadline) if layout.anchored else closed_route(problem.costs, deadline)
    return plan_for_path(problem, path)


def measure(depot: LatLon, stops: Sequence[Stop], *, matrix: Matrix | None = None) -> RoutePlan:
    """Legs and total of the order as given, for display; unlocated stops move to the end."""
    problem = build_problem(depot, stops, matrix)
    path = [DEPOT, *range(1, len(problem.located) + 1), DEPOT]
    return plan_for_path(problem, path)


def plan_for_path(problem: Problem, path: Sequence[int]) -> RoutePlan:
    """Package a depot-to-depot node path of ``problem`` as a ``RoutePlan``."""
    ids = tuple(problem.located[node - 1].id for node in path[1:-1])
    if not ids:
        return RoutePlan(order=problem.unlocated, unlocated=problem.unlocated, legs_m=(), total_m=0.0)
    nodes = np.asarray(path, dtype=np.intp)
    legs = tuple(float(leg) for leg in problem.costs[nodes[:-1], nodes[1:]])
    return RoutePlan(order=ids + problem.unlocated, unlocated=problem.unlocated, legs_m=legs, total_m=sum(legs))


def _seconds_left(deadline: float, n_nodes: int) -> float:
    """Time the solver may use, keeping back what the polish needs afterwards."""
    return deadline - time.monotonic() - (0.02 + 0.0002 * n_nodes)


def closed_route(costs: FloatMatrix, deadline: float) -> list[int]:
    """Canonical depot-to-depot path through every node of ``costs`` (node 0 is the depot)."""
    n = len(costs)
    if n == 1:
        return [DEPOT, DEPOT]
    tour = solve_cycle(costs, solver_budget(n, _seconds_left(deadline, n)))
    # Orient before polishing: on a road matrix the polish must start from the cheaper direction.
    path = polish_path(_canonical_cycle([*tour, DEPOT], costs), costs)
    return _canonical_cycle(path, costs)


def _canonical_cycle(path: list[int], costs: FloatMatrix) -> list[int]:
    """Pick the cheaper direction; when both cost the same, the one whose first stop comes first in the input."""
    reverse = path[::-1]
    ahead, back = path_cost(path, costs), path_cost(reverse, costs)
    if abs(ahead - back) > 1e-9 * max(1.0, ahead):
        return path if ahead < back else reverse
    return path if path[1] <= path[-2] else reverse


def _pinned_route(costs: FloatMatrix, layout: Layout, deadline: float) -> list[int]:
    slots = list(layout.slots)
    members = _share_free_stops(costs, layout, deadline)
    free_left = len(layout.free)
    for gap, nodes in zip(layout.gaps, members, strict=True):
        share = _seconds_left(deadline, len(costs)) * gap.size / max(free_left, 1)
        free_left -= gap.size
        path = _gap_path(costs, gap, nodes, solver_budget(gap.size + 2, share))
        slots[gap.first_slot : gap.first_slot + gap.size] = path[1:-1]
    route = [DEPOT, *(node for node in slots if node is not None), DEPOT]
    return _trade_between_gaps(route, costs, layout.gaps) if len(layout.gaps) > 1 else route


def _trade_between_gaps(route: list[int], costs: FloatMatrix, gaps: Sequence[Gap]) -> list[int]:
    """Swap stops across gaps, then re-polish each gap, until neither helps.

    Cutting one tour into runs decides which gap each stop serves; swaps fix
    the stops that sit better in a neighbouring gap.
    """
    movable = [gap.first_slot + 1 + offset for gap in gaps for offset in range(gap.size)]
    for _ in range(_TRADE_ROUNDS):
        swapped = swap_positions(route, costs, movable)
        if swapped == route:
            break
        route = swapped
        for gap in gaps:
            start, end = gap.first_slot, gap.first_slot + gap.size + 1  # anchors around the gap
            route[start : end + 1] = polish_path(route[start : end + 1], costs)
    return route


def _gap_path(costs: FloatMatrix, gap: Gap, nodes: Sequence[int], budget_s: float) -> list[int]:
    sub = np.asarray([gap.start, gap.end, *nodes], dtype=np.intp)
    local = solve_path(costs[np.ix_(sub, sub)], 0, 1, budget_s)
    return polish_path([int(sub[i]) for i in local], costs)


def _share_free_stops(costs: FloatMatrix, layout: Layout, deadline: float) -> list[list[int]]:
    """Split the free stops into one run per gap, of exactly the gap's size.

    Slices one good tour through all stops at the rotation and direction that
    make the anchor connections cheapest, so stops that belong together stay
    together. Evaluated for every rotation at once with numpy.
    """
    gaps = layout.gaps
    if len(gaps) == 1:
        return [list(layout.free)]
    n = len(costs)
    tour = solve_cycle(costs, solver_budget(n, _seconds_left(deadline, n) / 2))
    free = set(layout.free)
    ring = np.asarray([node for node in tour if node in free], dtype=np.intp)
    size = len(ring)
    offsets = np.cumsum([0, *(gap.size for gap in gaps)])[:-1]
    rotations = np.arange(size)
    options = []
    for candidate in (ring, ring[::-1]):
        total = np.full(size, costs[candidate, np.roll(candidate, -1)].sum())
        for gap, offset in zip(gaps, offsets, strict=True):
            first = candidate[(rotations + offset) % size]
            last = candidate[(rotations + offset + gap.size - 1) % size]
            following = candidate[(rotations + offset + gap.size) % size]
            total += costs[gap.start, first] + costs[last, gap.end] - costs[last, following]
        rotation = int(np.argmin(total))
        options.append((float(total[rotation]), rotation, candidate))
    _, rotation, chosen = min(options, key=lambda option: option[0])
    return [
        [int(node) for node in chosen[(rotation + offset + np.arange(gap.size)) % size]]
        for gap, offset in zip(gaps, offsets, strict=True)
    ]
