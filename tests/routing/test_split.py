"""Split proposes k balanced routes that cover every stop exactly once."""

from __future__ import annotations

from collections import Counter

import pytest

from fieldcrm.routing import Stop, measure, split_balanced
from fieldcrm.routing.sample_data import DEFAULT_DEPOT, Spread, sample_stops
from tests.routing.helpers import DEPOT


def _lengths(routes: list[list[str]], stops: list[Stop]) -> list[float]:
    by_id = {stop.id: stop for stop in stops}
    return [measure(DEFAULT_DEPOT, [by_id[i] for i in route]).total_m for route in routes]


@pytest.mark.parametrize("spread, size, k", [("uniform", 120, 4), ("clustered", 200, 5), ("uniform", 31, 3)])
def test_covers_every_stop_once_with_balanced_counts(spread: Spread, size: int, k: int) -> None:
    stops = sample_stops(size, spread, 40 + k)
    routes = split_balanced(DEFAULT_DEPOT, stops, k, seed=1)
    assert len(routes) == k
    assert Counter(i for route in routes for i in route) == Counter(stop.id for stop in stops)
    sizes = [len(route) for route in routes]
    assert max(sizes) - min(sizes) <= 1


def test_travel_is_balanced_on_an_even_territory() -> None:
    stops = sample_stops(160, "uniform", 77)
    lengths = _lengths(split_balanced(DEFAULT_DEPOT, stops, 4, seed=0), stops)
    assert max(lengths) <= 1.3 * (sum(lengths) / len(lengths))


def test_routes_are_returned_optimised() -> None:
    stops = sample_stops(90, "clustered", 8)
    by_id = {stop.id: stop for stop in stops}
    for route in split_balanced(DEFAULT_DEPOT, stops, 3):
        given = measure(DEFAULT_DEPOT, [by_id[i] for i in route]).total_m
        shuffled = measure(DEFAULT_DEPOT, sorted((by_id[i] for i in route), key=lambda s: s.id)).total_m
        assert given <= shuffled


def test_same_seed_same_proposal() -> None:
    stops = sample_stops(150, "clustered", 9)
    first = split_balanced(DEFAULT_DEPOT, stops, 4, seed=3)
    again = split_balanced(DEFAULT_DEPOT, stops, 4, seed=3)
    assert [sorted(route) for route in first] == [sorted(route) for route in again]


def test_unlocated_stops_fill_the_smallest_routes() -> None:
    stops = [*sample_stops(10, "uniform", 1), Stop("u1", None, None), Stop("u2", None, None)]
    routes = split_balanced(DEFAULT_DEPOT, stops, 4)
    assert sorted(len(route) for route in routes) == [3, 3, 3, 3]
    assert all(route[-1].startswith("u") for route in routes if any(i.startswith("u") for i in route))


def test_more_routes_than_stops_and_a_single_route() -> None:
    stops = sample_stops(2, "uniform", 2)
    routes = split_balanced(DEPOT, stops, 4)
    assert sorted(len(route) for route in routes) == [0, 0, 1, 1]
    assert split_balanced(DEPOT, [], 2) == [[], []]
    whole = split_balanced(DEPOT, sample_stops(12, "uniform", 3), 1)
    assert len(whole) == 1 and len(whole[0]) == 12


def test_invalid_k_is_rejected() -> None:
    with pytest.raises(ValueError):
        split_balanced(DEPOT, [], 0)
