"""Brute-force oracles and small builders shared by the routing tests."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from fieldcrm.routing import Pin, Stop, distance_matrix
from fieldcrm.routing.model import LatLon

DEPOT: LatLon = (31.23, 121.47)


def stops_at(points: Sequence[LatLon], pins: dict[int, Pin] | None = None) -> list[Stop]:
    """Stops named ``s0, s1, ...`` at ``points`` with optional pins by index."""
    pins = pins or {}
    return [Stop(f"s{i}", lat, lon, pins.get(i, Pin.NONE)) for i, (lat, lon) in enumerate(points)]


def random_points(count: int, seed: int, spread: float = 0.1) -> list[LatLon]:
    rng = np.random.default_rng(seed)
    return [(DEPOT[0] + a, DEPOT[1] + b) for a, b in rng.uniform(-spread, spread, size=(count, 2))]


def route_length(order: Sequence[str], stops: Sequence[Stop], costs: np.ndarray | None = None) -> float:
    """Depot-to-depot length of ``order`` (ids of located stops) on haversine or ``costs``."""
    index = {stop.id: i + 1 for i, stop in enumerate(stops)}
    if costs is None:
        costs = distance_matrix([DEPOT, *(stop.position for stop in stops)])
    nodes = [0, *(index[stop_id] for stop_id in order), 0]
    return float(sum(costs[a, b] for a, b in pairwise(nodes)))


def satisfies_pins(order: Sequence[str], stops: Sequence[Stop]) -> bool:
    """Whether ``order`` keeps every pin as ``layout_slots`` defines them."""
    by_id = {stop.id: stop for stop in stops}
    position = {stop_id: i for i, stop_id in enumerate(order)}
    for i, stop in enumerate(stops):
        if stop.pin is Pin.FIXED and position[stop.id] != i:
            return False
    kinds = [by_id[stop_id].pin for stop_id in order if by_id[stop_id].pin is not Pin.FIXED]
    rank = {Pin.FIRST: 0, Pin.NONE: 1, Pin.LAST: 2}
    ranks = [rank[kind] for kind in kinds]
    if ranks != sorted(ranks):
        return False
    for group in (Pin.FIRST, Pin.LAST):
        given = [stop.id for stop in stops if stop.pin is group]
        if [stop_id for stop_id in order if by_id[stop_id].pin is group] != given:
            return False
    return True


def best_pinned_length(stops: Sequence[Stop], costs: np.ndarray | None = None) -> float:
    """Exhaustive optimum over every order that keeps the pins (small inputs only)."""
    ids = [stop.id for stop in stops]
    return min(
        route_length(order, stops, costs) for order in itertools.permutations(ids) if satisfies_pins(order, stops)
    )
