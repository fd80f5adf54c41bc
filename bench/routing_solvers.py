"""Benchmark of TSP solvers for FieldCRM's route optimiser (docs/routing.md).

Generates fixed-seed territories (uniform and clustered; 50, 100, 300 and
1,000 stops plus a depot), computes a reference length per territory (the best
of several long fast-tsp runs, or any shorter tour a solver below finds), and
times each solver with a budget of about one second:

* ``fieldcrm``: ``fieldcrm.routing.optimize`` as the app calls it, with its
  default limit and size-dependent budget (run three times to show how
  repeatable it is);
* ``nearest_neighbour``: the greedy baseline;
* each candidate library that is installed (skipped otherwise).

Every tour is measured on the same float haversine matrix. Usage::

    python bench/routing_solvers.py            # markdown table
    python bench/routing_solvers.py --json     # machine-readable, for bench/run.py
    python bench/routing_solvers.py --quick    # smaller and shorter, for a smoke run
    python bench/routing_solvers.py --references > tests/routing/reference_lengths.json
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable from a checkout

import numpy as np

from fieldcrm.routing import distance_matrix, optimize
from fieldcrm.routing.local_search import nearest_neighbour_path, path_cost
from fieldcrm.routing.sample_data import DEFAULT_DEPOT, Spread, sample_stops

SIZES = (50, 100, 300, 1000)
SPREADS: tuple[Spread, ...] = ("uniform", "clustered")
BUDGET_S = 1.0
REFERENCE_RUNS = 3
FIELDCRM_RUNS = 3
TEST_REFERENCE_SIZES = (20, 100, 300, 1000)

Matrix = np.ndarray
Tour = list[int]


@dataclass(frozen=True)
class Candidate:
    """A solver under test: the PyPI package it needs, its licence, and how to call it.

    ``max_stops`` skips sizes where a library ignores its time limit for minutes.
    """

    name: str
    package: str | None
    licence: str
    solve: Callable[[Matrix, float], Tour | None]
    max_stops: int | None = None


def instance_seed(spread: Spread, size: int) -> int:
    """Fixed seed per territory, shared by the benchmark and the cached test references."""
    return size * 10 + SPREADS.index(spread)


def _metres(matrix: Matrix) -> np.ndarray:
    """Whole metres, the integer input most libraries need (1 m is far below any real gap)."""
    return np.rint(matrix).astype(np.int64)


def _nearest_neighbour(matrix: Matrix, budget_s: float) -> Tour:
    return nearest_neighbour_path(matrix, 0, 0, range(len(matrix)))[:-1]


def _fast_tsp(matrix: Matrix, budget_s: float) -> Tour:
    import fast_tsp

    units = np.rint(matrix * (65_535 / matrix.max())).astype(np.int32)
    return list(fast_tsp.find_tour(units, duration_seconds=budget_s))


def _ortools(matrix: Matrix, budget_s: float) -> Tour | None:
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    costs = _metres(matrix).tolist()
    manager = pywrapcp.RoutingIndexManager(len(costs), 1, 0)
    model = pywrapcp.RoutingModel(manager)
    callback = model.RegisterTransitMatrix(costs)  # native lookups; a Python callback is several times slower
    model.SetArcCostEvaluatorOfAllVehicles(callback)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(budget_s * 1000))
    solution = model.SolveWithParameters(params)
    if solution is None:  # no first solution within the budget
        return None
    index, tour = model.Start(0), []
    while not model.IsEnd(index):
        tour.append(manager.IndexToNode(index))
        index = solution.Value(model.NextVar(index))
    return tour


def _pyvroom(matrix: Matrix, budget_s: float) -> Tour:
    import vroom

    problem = vroom.Input()
    problem.set_durations_matrix("car", _metres(matrix).astype(np.uint32))
    problem.add_vehicle(vroom.Vehicle(1, start=0, end=0))
    problem.add_job([vroom.Job(node, location=node) for node in range(1, len(matrix))])
    solution = problem.solve(exploration_level=5, nb_threads=2, timeout=datetime.timedelta(seconds=budget_s))
    steps = solution.routes
    return [0, *(int(job) for job in steps[steps["type"] == "job"]["id"])]


def _pyvrp(matrix: Matrix, budget_s: float) -> Tour:
    from pyvrp import Client, Depot, Location, ProblemData, VehicleType, solve
    from pyvrp.stop import MaxRuntime

    costs = _metres(matrix)
    data = ProblemData(
        locations=[Location(0, 0) for _ in range(len(costs))],
        clients=[Client(location=node) for node in range(1, len(costs))],
        depots=[Depot(location=0)],
        vehicle_types=[VehicleType(1)],
        distance_matrices=[costs],
        duration_matrices=[np.zeros_like(costs)],
    )
    result = solve(data, stop=MaxRuntime(budget_s), seed=0, collect_stats=False)
    route = result.best.routes()[0]
    return [0, *(data.client(step.idx).location for step in route if step.is_client())]


def _hygese(matrix: Matrix, budget_s: float) -> Tour:
    import hygese

    params = hygese.AlgorithmParameters(timeLimit=budget_s, seed=0, nbIter=10**9)
    scaled = matrix * (50_000 / matrix.max())  # HGS refuses distances above 100,000
    solution = hygese.Solver(parameters=params, verbose=False).solve_tsp({"distance_matrix": scaled})
    return [0, *solution.routes[0]]


def _elkai(matrix: Matrix, budget_s: float) -> Tour:
    import elkai

    return list(elkai.DistanceMatrix(_metres(matrix).tolist()).solve_tsp(runs=1))[:-1]


def _commiv(matrix: Matrix, budget_s: float) -> Tour:
    import commiv

    _, tour = commiv.solve_atsp(_metres(matrix).astype(np.uint32), seed=1)
    return list(tour)


CANDIDATES = (
    Candidate("nearest_neighbour", None, "-", _nearest_neighbour),
    Candidate("fast-tsp", "fast-tsp", "MIT", _fast_tsp),
    Candidate("ortools (GLS)", "ortools", "Apache-2.0", _ortools),
    Candidate("pyvroom", "pyvroom", "BSD-2-Clause", _pyvroom, max_stops=300),
    Candidate("pyvrp", "pyvrp", "MIT", _pyvrp),
    Candidate("hygese (HGS-CVRP)", "hygese", "MIT", _hygese),
    Candidate("commiv", "commiv", "Apache-2.0", _commiv),
    Candidate("elkai (LKH, runs=1)", "elkai", "research/non-profit only: excluded", _elkai),
)


def _version(package: str | None) -> str | None:
    if package is None:
        return None
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


@contextlib.contextmanager
def _native_output_to_stderr() -> Iterator[None]:
    """Some libraries print from C straight to file descriptor 1, which would corrupt ``--json``."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _measure(candidate: Candidate, matrix: Matrix) -> dict[str, float | str]:
    """One timed call; a library that crashes or finds nothing is reported, not fatal."""
    started = time.perf_counter()
    try:
        with _native_output_to_stderr():
            tour = candidate.solve(matrix, BUDGET_S)
    except Exception as error:  # third-party solvers fail in their own ways
        return {"skipped": f"failed: {type(error).__name__}: {error}"}
    elapsed = time.perf_counter() - started
    if tour is None:
        return {"skipped": f"no tour within {elapsed:.1f} s"}
    _check_tour(tour, len(matrix))
    return {"length_m": path_cost([*tour, tour[0]], matrix), "seconds": elapsed}


def _check_tour(tour: Tour, size: int) -> None:
    if sorted(tour) != list(range(size)):
        raise AssertionError("solver returned an invalid tour")


def _reference(matrix: Matrix, runs: int, seconds: float) -> float:
    """Best of ``runs`` long fast-tsp runs (the strongest licensable solver we measured)."""
    best = np.inf
    for _ in range(runs):
        tour = _fast_tsp(matrix, seconds)
        best = min(best, path_cost([*tour, tour[0]], matrix))
    return float(best)


def _reference_seconds(size: int, quick: bool) -> float:
    return 1.0 if quick else max(3.0, size / 100)


def _run_fieldcrm(spread: Spread, size: int) -> dict[str, float | int]:
    """``optimize`` with its default time limit, as the app calls it, repeated to show repeatability."""
    stops = sample_stops(size, spread, instance_seed(spread, size))
    lengths, seconds, orders = [], [], set()
    for _ in range(FIELDCRM_RUNS):
        started = time.perf_counter()
        plan = optimize(DEFAULT_DEPOT, stops)
        seconds.append(time.perf_counter() - started)
        lengths.append(plan.total_m)
        orders.add(plan.order)
    return {
        "length_m": min(lengths),
        "worst_length_m": max(lengths),
        "seconds": max(seconds),
        "distinct_orders": len(orders),
    }


def _meets_target(size: int, result: dict) -> bool:
    """The issue's target: within 0.5 % on every run; under 1 s up to 300 stops, under 2 s at 1,000."""
    return bool(result["worst_gap_pct"] <= 0.5 and result["seconds"] < (1.0 if size <= 300 else 2.0))


def run(quick: bool = False) -> dict:
    """Run the whole comparison and return it as plain JSON-ready data (``quick``: up to 300 stops)."""
    reference_runs = 1 if quick else REFERENCE_RUNS
    instances = []
    for spread in SPREADS:
        for size in SIZES[:3] if quick else SIZES:
            stops = sample_stops(size, spread, instance_seed(spread, size))
            matrix = distance_matrix([DEFAULT_DEPOT, *(stop.position for stop in stops)])
            results: dict[str, dict] = {"fieldcrm": _run_fieldcrm(spread, size)}
            for candidate in CANDIDATES:
                if candidate.package is not None and _version(candidate.package) is None:
                    results[candidate.name] = {"skipped": "not installed"}
                    continue
                if candidate.max_stops is not None and size > candidate.max_stops:
                    results[candidate.name] = {"skipped": f"over {candidate.max_stops} stops: ignores its time limit"}
                    continue
                results[candidate.name] = _measure(candidate, matrix)
            long_runs = _reference(matrix, reference_runs, _reference_seconds(size, quick))
            found = [r["length_m"] for r in results.values() if "length_m" in r]
            reference = min([long_runs, *found])
            for result in results.values():
                if "length_m" in result:
                    result["gap_pct"] = round(100 * (result["length_m"] / reference - 1), 3)
                    result["seconds"] = round(result["seconds"], 3)
                if "worst_length_m" in result:
                    result["worst_gap_pct"] = round(100 * (result["worst_length_m"] / reference - 1), 3)
            results["fieldcrm"]["meets_target"] = _meets_target(size, results["fieldcrm"])
            instances.append(
                {
                    "name": f"{spread}-{size}",
                    "spread": spread,
                    "stops": size,
                    "seed": instance_seed(spread, size),
                    "reference_m": round(reference, 1),
                    "solvers": results,
                }
            )
    return {
        "benchmark": "routing_solvers",
        "target": "fieldcrm within 0.5 % of the reference on every run, < 1 s up to 300 stops, < 2 s at 1,000",
        "fieldcrm_meets_target": all(i["solvers"]["fieldcrm"]["meets_target"] for i in instances),
        "budget_s": BUDGET_S,
        "reference": f"best of {reference_runs} fast-tsp runs of max(3 s, stops/100 s) and every tour below",
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_1m": round(os.getloadavg()[0], 2),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "versions": {c.name: _version(c.package) for c in CANDIDATES if c.package},
        "licences": {c.name: c.licence for c in CANDIDATES},
        "instances": instances,
    }


def reference_lengths_for_tests() -> dict[str, float]:
    """Reference lengths for ``tests/routing``: best of long fast-tsp runs per test territory."""
    references = {}
    for spread in SPREADS:
        for size in TEST_REFERENCE_SIZES:
            stops = sample_stops(size, spread, instance_seed(spread, size))
            matrix = distance_matrix([DEFAULT_DEPOT, *(stop.position for stop in stops)])
            references[f"{spread}-{size}"] = round(_reference(matrix, REFERENCE_RUNS, max(5.0, size / 50)), 1)
    return references


def _markdown(report: dict) -> str:
    names = list(report["instances"][0]["solvers"])
    header = "| solver | " + " | ".join(i["name"] for i in report["instances"]) + " |"
    lines = [header, "|" + "---|" * (len(report["instances"]) + 1)]
    for name in names:
        cells = []
        for instance in report["instances"]:
            result = instance["solvers"][name]
            measured = "skipped" not in result
            cells.append(f"{result['gap_pct']:.2f} % / {result['seconds']:.2f} s" if measured else result["skipped"])
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--quick", action="store_true", help="50-300 stops and short reference runs")
    parser.add_argument("--references", action="store_true", help="print the test reference lengths as JSON")
    args = parser.parse_args()
    if args.references:
        print(json.dumps(reference_lengths_for_tests(), indent=2))
        return
    report = run(quick=args.quick)
    print(json.dumps(report, indent=2) if args.json else _markdown(report))


if __name__ == "__main__":
    main()
