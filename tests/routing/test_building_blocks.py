"""The solver adapter, the float polish and the package's import hygiene."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from fieldcrm.routing import distance_matrix
from fieldcrm.routing.fast_tsp_solver import solve_cycle, solve_path, solver_budget
from fieldcrm.routing.local_search import nearest_neighbour_path, path_cost, polish_path
from tests.routing.helpers import random_points


def _costs(count: int, seed: int) -> np.ndarray:
    return distance_matrix(random_points(count, seed=seed))


@pytest.mark.parametrize("count", [1, 2, 3, 4, 12, 40])
def test_cycle_visits_every_node_from_the_depot(count: int) -> None:
    tour = solve_cycle(_costs(count, count), 0.05)
    assert tour[0] == 0 and sorted(tour) == list(range(count))


@pytest.mark.parametrize("count", [2, 3, 4, 25, 80])
def test_path_runs_between_the_requested_ends(count: int) -> None:
    costs = _costs(count, 100 + count)
    path = solve_path(costs, 0, count - 1, 0.05)
    assert path[0] == 0 and path[-1] == count - 1 and sorted(path) == list(range(count))


def test_path_is_as_short_as_exhaustive_search() -> None:
    import itertools

    costs = _costs(8, 7)
    best = min(path_cost([0, *middle, 1], costs) for middle in itertools.permutations(range(2, 8)))
    assert path_cost(polish_path(solve_path(costs, 0, 1, 0.05), costs), costs) == pytest.approx(best)


def test_budget_grows_with_size_and_respects_the_deadline() -> None:
    assert solver_budget(30, 10.0) < solver_budget(300, 10.0) < solver_budget(1000, 10.0)
    assert solver_budget(1000, 0.3) == 0.3
    assert solver_budget(1000, -1.0) > 0


def test_polish_improves_and_keeps_the_ends() -> None:
    costs = _costs(120, 3)
    start = nearest_neighbour_path(costs, 0, 0, range(120))
    polished = polish_path(start, costs)
    assert polished[0] == polished[-1] == 0
    assert sorted(polished[:-1]) == list(range(120))
    assert path_cost(polished, costs) < path_cost(start, costs)


def test_polish_handles_asymmetric_costs_and_short_paths() -> None:
    costs = _costs(30, 4) * np.random.default_rng(0).uniform(1, 2, (30, 30))
    start = nearest_neighbour_path(costs, 0, 29, range(30))
    polished = polish_path(start, costs)
    assert polished[0] == 0 and polished[-1] == 29 and sorted(polished) == list(range(30))
    assert path_cost(polished, costs) <= path_cost(start, costs)
    assert polish_path([0, 1, 0], costs) == [0, 1, 0]


def test_routing_imports_neither_qt_nor_sqlite() -> None:
    script = (
        "import sys, fieldcrm.routing, fieldcrm.routing.sample_data; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'sqlite3', '_sqlite3'))]; "
        "print(bad); assert not bad"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
