"""The proven core: every tour the engine builds comes from fast-tsp (MIT licence).

fast-tsp runs an Or-opt/Lin-Kernighan local search with LKH-style alpha-nearness
candidates in Rust and solves up to 20 nodes exactly. It reaches the best known
tours of our 50-300 stop benchmarks in about 0.1 s (see docs/routing.md). Its
input limits are handled here and nowhere else:

* costs must be integers in 0..65535, so metres are scaled linearly onto that
  range (about 1 m resolution on a 65 km territory); the float polish that
  follows removes what rounding hides;
* the matrix must be symmetric, so road matrices are averaged with their
  transpose for the search and the caller polishes on the true costs;
* it only makes closed tours, so a path with fixed ends gets a dummy node tied
  to both ends at no cost and to every other node at the maximum cost;
* it needs at least two nodes and takes no seed (see ``canonical_cycle`` in
  the optimiser for how results are made repeatable).
"""

from __future__ import annotations

import fast_tsp
import numpy as np
import numpy.typing as npt

_MAX_COST = 65_535
"""fast-tsp stores distances as unsigned 16-bit integers."""


def solver_budget(n_nodes: int, seconds_left: float) -> float:
    """Seconds of search for ``n_nodes``: enough to settle on this size, never past the deadline.

    fast-tsp spends its whole budget unless stopped, so a fixed budget would
    make a 30-stop route as slow as a 1,000-stop one. 50 ms plus 1.5 ms a node
    is five times what 300 stops need to settle (0.1 s) and gives 1,000 stops
    1.5 s, which they need: with one second, clustered territories of that
    size still end up 0.5 % long in some runs (docs/routing.md).
    """
    wanted = 0.05 + 0.0015 * n_nodes
    return max(0.005, min(wanted, seconds_left))


def solve_cycle(costs: npt.NDArray[np.float64], budget_s: float) -> list[int]:
    """A short closed tour through every node, returned starting at node 0."""
    n = len(costs)
    if n <= 3:
        return list(range(n))
    units = _to_solver_units(_symmetrised(costs), _MAX_COST)
    tour = fast_tsp.find_tour(units, duration_seconds=budget_s, max_threads=None)
    start = tour.index(0)
    return tour[start:] + tour[:start]


def solve_path(costs: npt.NDArray[np.float64], start: int, end: int, budget_s: float) -> list[int]:
    """A short path from ``start`` to ``end`` (distinct nodes) through every node.

    The dummy node is joined to ``start`` and ``end`` at zero cost and to all
    others at twice the largest real cost, which makes any tour that does not
    pass ``start``-dummy-``end`` longer than one that does (a Hamiltonian path
    can be re-ended at ``end`` for at most one real edge's cost).
    """
    n = len(costs)
    if n <= 3:
        middle = [i for i in range(n) if i not in (start, end)]
        return [start, *middle, end]
    units = np.full((n + 1, n + 1), _MAX_COST, dtype=np.int32)
    units[:n, :n] = _to_solver_units(_symmetrised(costs), _MAX_COST // 2)
    units[n, n] = 0
    for anchor in (start, end):
        units[n, anchor] = units[anchor, n] = 0
    tour = fast_tsp.find_tour(units, duration_seconds=budget_s, max_threads=None)
    return _path_through_dummy(tour, n, start, end)


def _symmetrised(costs: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return (costs + costs.T) / 2


def _to_solver_units(costs: npt.NDArray[np.float64], ceiling: int) -> npt.NDArray[np.int32]:
    top = float(costs.max())
    if top <= 0:
        return np.zeros(costs.shape, dtype=np.int32)
    return np.rint(costs * (ceiling / top)).astype(np.int32)


def _path_through_dummy(tour: list[int], dummy: int, start: int, end: int) -> list[int]:
    at = tour.index(dummy)
    ring = tour[at + 1 :] + tour[:at]
    if ring[0] == end and ring[-1] == start:
        ring.reverse()
    if ring[0] == start and ring[-1] == end:
        return ring
    # The search stopped before joining the dummy to both ends; cut the ring at
    # ``start`` and move ``end`` last. Valid, and the float polish repairs the cost.
    at = ring.index(start)
    ring = ring[at:] + ring[:at]
    ring.remove(end)
    return [*ring, end]
