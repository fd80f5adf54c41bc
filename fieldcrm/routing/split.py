"""Proposing how to cut a zone's customers into k routes.

Counts come first: a rep's day is mostly visits, so every route gets
``floor(n/k)`` or ``ceil(n/k)`` located stops. Within that, travel is evened
out by trading stops away from the longest route. Membership is decided by
seeded, deterministic steps only (medoid clustering, then trades judged on
nearest-neighbour tours polished by 2-opt/Or-opt), so the same zone and seed
always give the same proposal; fast-tsp then orders each route.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

import numpy as np

from fieldcrm.routing.local_search import FloatMatrix, nearest_neighbour_path, path_cost, polish_path
from fieldcrm.routing.model import LatLon, Stop
from fieldcrm.routing.optimize import closed_route
from fieldcrm.routing.pins import DEPOT
from fieldcrm.routing.problem import Matrix, Problem, build_problem

_CLUSTER_ROUNDS = 25
_TRADE_ROUNDS_PER_ROUTE = 20
_TRADES_CHECKED = 15


def split_balanced(
    depot: LatLon,
    stops: Sequence[Stop],
    k: int,
    *,
    seed: int = 0,
    matrix: Matrix | None = None,
    time_limit_s: float = 1.0,
) -> list[list[str]]:
    """Propose ``k`` routes covering every stop exactly once, each in visiting order.

    Located stop counts differ by at most one between routes, and stops are
    traded between routes while that shortens the longest one. Routes are
    listed clockwise from north by the bearing of their centre from the depot.
    Stops without coordinates go, in input order, to the routes with the
    fewest stops, after the located ones. Pins are ignored: they concern the
    order within a route, which the caller re-optimises after accepting.
    ``time_limit_s`` bounds the final ordering of all routes together.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    if time_limit_s <= 0:
        raise ValueError("time_limit_s must be positive")
    problem = build_problem(depot, stops, matrix)
    groups = _balanced_groups(problem.costs, k, np.random.default_rng(seed))
    groups = _even_out_travel(problem.costs, groups)
    deadline = time.monotonic() + time_limit_s
    routes = []
    for done, nodes in enumerate(sorted(groups, key=lambda group: _bearing(problem, depot, group))):
        share_deadline = time.monotonic() + (deadline - time.monotonic()) / (k - done)
        routes.append([problem.located[node - 1].id for node in _order(problem.costs, nodes, share_deadline)])
    for stop_id in problem.unlocated:
        min(routes, key=len).append(stop_id)
    return routes


def _balanced_groups(costs: FloatMatrix, k: int, rng: np.random.Generator) -> list[list[int]]:
    """Capacity-constrained k-medoids: compact groups with exactly the balanced sizes."""
    count = len(costs) - 1
    if count == 0:
        return [[] for _ in range(k)]
    both_ways = (costs + costs.T) / 2
    medoids = _spread_medoids(both_ways, min(k, count), rng)
    groups = _assign_with_capacity(both_ways, medoids, k)
    for _ in range(_CLUSTER_ROUNDS):
        medoids = [_medoid(both_ways, group) for group in groups if group]
        regrouped = _assign_with_capacity(both_ways, medoids, k)
        if regrouped == groups:
            break
        groups = regrouped
    return groups


def _spread_medoids(both_ways: FloatMatrix, k: int, rng: np.random.Generator) -> list[int]:
    """k-means++ seeding: each next medoid drawn with probability growing with squared distance."""
    nodes = np.arange(1, len(both_ways))
    medoids = [int(rng.choice(nodes))]
    for _ in range(k - 1):
        nearest = both_ways[np.ix_(nodes, np.asarray(medoids, dtype=np.intp))].min(axis=1) ** 2
        # All remaining stops coincide with a medoid: pick any stop not yet chosen.
        weights = nearest if nearest.sum() > 0 else np.isin(nodes, medoids, invert=True).astype(np.float64)
        medoids.append(int(rng.choice(nodes, p=weights / weights.sum())))
    return medoids


def _assign_with_capacity(both_ways: FloatMatrix, medoids: list[int], k: int) -> list[list[int]]:
    """Nearest-medoid assignment where each group takes floor or ceil of n/k stops.

    Stops with most to lose (largest gap between their best and second-best
    medoid) choose first, which keeps groups compact near their borders.
    """
    nodes = np.arange(1, len(both_ways))
    small, bigger = divmod(len(nodes), k)
    distance = both_ways[np.ix_(nodes, np.asarray(medoids, dtype=np.intp))]
    if len(medoids) < k:
        distance = np.hstack([distance, np.full((len(nodes), k - len(medoids)), np.inf)])
    ranked = np.sort(distance, axis=1)
    regret = ranked[:, 1] - ranked[:, 0] if k > 1 else np.zeros(len(nodes))
    groups: list[list[int]] = [[] for _ in range(k)]
    for row in np.lexsort((nodes, -np.nan_to_num(regret, posinf=np.finfo(float).max))):
        for group in np.argsort(distance[row], kind="stable"):
            size = len(groups[group])
            if size < small or (size == small and bigger > 0):
                bigger -= size == small
                groups[group].append(int(nodes[row]))
                break
    return [sorted(group) for group in groups]


def _medoid(both_ways: FloatMatrix, group: list[int]) -> int:
    members = np.asarray(group, dtype=np.intp)
    return int(members[np.argmin(both_ways[np.ix_(members, members)].sum(axis=1))])


def _estimate_tour(costs: FloatMatrix, nodes: Sequence[int]) -> list[int]:
    return polish_path(nearest_neighbour_path(costs, DEPOT, DEPOT, [DEPOT, *nodes]), costs)


def _retour(costs: FloatMatrix, tour: list[int], removed: Sequence[int], added: Sequence[int]) -> list[int]:
    """The tour without ``removed``, with ``added`` at its cheapest spot, re-polished.

    Starting from the current tour keeps each check to a few local moves
    instead of rebuilding a tour from scratch.
    """
    path = [node for node in tour if node not in removed]
    for node in added:
        at = int(np.argmin(_insertion_grid(costs, np.asarray(path, dtype=np.intp), np.asarray([node]))[0]))
        path.insert(at + 1, node)
    return polish_path(path, costs)


def _even_out_travel(costs: FloatMatrix, groups: list[list[int]]) -> list[list[int]]:
    """Trade stops away from the longest route while that makes it shorter.

    A trade is a swap with another route, or a plain move to a route with one
    stop fewer, so counts stay balanced. Candidates are ranked by removal and
    cheapest-insertion costs on the current tours; the best few are checked on
    re-polished tours and the first that lowers the longest route is kept.
    """
    tours = [_estimate_tour(costs, group) for group in groups]
    lengths = [path_cost(tour, costs) for tour in tours]
    for _ in range(_TRADE_ROUNDS_PER_ROUTE * len(groups)):
        longest = int(np.argmax(lengths))
        improved = False
        for giver, taker, given, taken in _ranked_trades(costs, tours, lengths, longest):
            new_giver = _retour(costs, tours[giver], (given,), taken)
            new_taker = _retour(costs, tours[taker], taken, (given,))
            giver_length, taker_length = path_cost(new_giver, costs), path_cost(new_taker, costs)
            if max(giver_length, taker_length) < lengths[longest] * (1 - 1e-9):
                tours[giver], tours[taker] = new_giver, new_taker
                lengths[giver], lengths[taker] = giver_length, taker_length
                improved = True
                break
        if not improved:
            break
    return [sorted(tour[1:-1]) for tour in tours]


def _ranked_trades(
    costs: FloatMatrix, tours: list[list[int]], lengths: list[float], giver: int
) -> list[tuple[int, int, int, tuple[int, ...]]]:
    """The most promising trades ``(giver, taker, stop given, stops taken back)``, best first."""
    source = np.asarray(tours[giver], dtype=np.intp)
    if len(source) < 3:
        return []
    inner = source[1:-1]
    saving = costs[source[:-2], inner] + costs[inner, source[2:]] - costs[source[:-2], source[2:]]
    options: list[tuple[float, int, int, int, tuple[int, ...]]] = []
    for taker, tour in enumerate(tours):
        if taker == giver:
            continue
        target = np.asarray(tour, dtype=np.intp)
        into_taker = _insertion_costs(costs, target, inner)
        taker_inner = target[1:-1]
        if len(target) - 2 < len(inner):
            for i, node in enumerate(inner):
                score = max(lengths[giver] - saving[i], lengths[taker] + into_taker[i])
                options.append((score, taker, i, int(node), ()))
        if len(taker_inner) == 0:
            continue
        back_saving = costs[target[:-2], taker_inner] + costs[taker_inner, target[2:]] - costs[target[:-2], target[2:]]
        into_giver = _insertion_costs(costs, source, taker_inner)
        giver_after = lengths[giver] - saving[:, None] + into_giver[None, :]
        taker_after = lengths[taker] - back_saving[None, :] + into_taker[:, None]
        score_grid = np.maximum(giver_after, taker_after)
        for flat in np.argsort(score_grid, axis=None, kind="stable")[:_TRADES_CHECKED]:
            i, j = np.unravel_index(flat, score_grid.shape)
            options.append((float(score_grid[i, j]), taker, int(i), int(inner[i]), (int(taker_inner[j]),)))
    options.sort(key=lambda option: (option[0], option[1], option[2]))
    return [(giver, taker, node, taken) for _, taker, _, node, taken in options[:_TRADES_CHECKED]]


def _insertion_grid(costs: FloatMatrix, tour: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Extra cost of inserting ``nodes[i]`` into edge ``j`` of ``tour``, as a ``nodes x edges`` grid."""
    before, after = tour[:-1], tour[1:]
    return np.asarray(costs[np.ix_(before, nodes)].T + costs[np.ix_(nodes, after)] - costs[before, after][None, :])


def _insertion_costs(costs: FloatMatrix, tour: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Cheapest extra cost of inserting each of ``nodes`` somewhere into ``tour``."""
    return np.asarray(_insertion_grid(costs, tour, nodes).min(axis=1))


def _order(costs: FloatMatrix, nodes: Sequence[int], deadline: float) -> list[int]:
    if not nodes:
        return []
    sub = np.asarray([DEPOT, *nodes], dtype=np.intp)
    path = closed_route(costs[np.ix_(sub, sub)], deadline)
    return [int(sub[i]) for i in path[1:-1]]


def _bearing(problem: Problem, depot: LatLon, group: Sequence[int]) -> float:
    """Compass bearing (0-360, clockwise from north) of the group's centre; empty groups sort last."""
    if not group:
        return math.inf
    lat = float(np.mean([problem.located[node - 1].position[0] for node in group]))
    lon = float(np.mean([problem.located[node - 1].position[1] for node in group]))
    d_lon = math.radians(lon - depot[1])
    lat1, lat2 = math.radians(depot[0]), math.radians(lat)
    y = math.sin(d_lon) * math.cos(lat2)
    x = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(d_lon)
    return math.degrees(math.atan2(y, x)) % 360
