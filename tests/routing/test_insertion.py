"""Cheapest insertion adds one stop at its cheapest pin-respecting position."""

from __future__ import annotations

import numpy as np
import pytest

from fieldcrm.routing import Pin, Stop, cheapest_insertion, distance_matrix, measure
from tests.routing.helpers import DEPOT, random_points, route_length, stops_at


def _all_insertions(route: list[Stop], new: Stop, costs: np.ndarray | None = None) -> list[float]:
    orders = [[s.id for s in route[:p]] + [new.id] + [s.id for s in route[p:]] for p in range(len(route) + 1)]
    return [route_length(order, [*route, new], costs) for order in orders]


def test_goes_between_its_neighbours_on_a_line() -> None:
    route = stops_at([(31.24, 121.47), (31.26, 121.47), (31.28, 121.47)])
    plan = cheapest_insertion(DEPOT, route, Stop("new", 31.27, 121.47))
    assert plan.order == ("s0", "s1", "new", "s2")


@pytest.mark.parametrize("seed", range(5))
def test_matches_trying_every_position(seed: int) -> None:
    points = random_points(15, seed=seed)
    route, new = stops_at(points[:-1]), Stop("new", *points[-1])
    plan = cheapest_insertion(DEPOT, route, new)
    assert plan.total_m == pytest.approx(min(_all_insertions(route, new)))
    assert [stop_id for stop_id in plan.order if stop_id != "new"] == [stop.id for stop in route]


def test_existing_order_and_pins_are_kept() -> None:
    points = random_points(8, seed=9)
    route = stops_at(points, {0: Pin.FIRST, 3: Pin.FIXED, 7: Pin.LAST})
    near_first = Stop("new", points[0][0] + 1e-4, points[0][1])
    plan = cheapest_insertion(DEPOT, route, near_first)
    assert plan.order[0] == "s0" and plan.order[3] == "s3" and plan.order[-1] == "s7"
    assert plan.order.index("new") > 3


def test_new_first_and_last_stops_join_their_groups() -> None:
    points = random_points(6, seed=10)
    route = stops_at(points, {0: Pin.FIRST, 5: Pin.LAST})
    far = (DEPOT[0] + 0.09, DEPOT[1] + 0.09)
    first = cheapest_insertion(DEPOT, route, Stop("new", *far, pin=Pin.FIRST))
    assert first.order.index("new") <= 1
    last = cheapest_insertion(DEPOT, route, Stop("new", *far, pin=Pin.LAST))
    assert last.order.index("new") >= 5


def test_unlocated_new_stop_joins_the_tail() -> None:
    route = [*stops_at(random_points(4, seed=11)), Stop("old", None, None)]
    plan = cheapest_insertion(DEPOT, route, Stop("new", None, None))
    assert plan.order == ("s0", "s1", "s2", "s3", "old", "new")
    assert plan.unlocated == ("old", "new")
    assert plan.total_m == pytest.approx(measure(DEPOT, route).total_m)


def test_into_an_empty_route_and_with_a_matrix() -> None:
    alone = cheapest_insertion(DEPOT, [], Stop("new", 31.3, 121.5))
    assert alone.order == ("new",) and len(alone.legs_m) == 2
    points = random_points(6, seed=12)
    route, new = stops_at(points[:-1]), Stop("new", *points[-1])
    costs = distance_matrix([DEPOT, *points]) * np.random.default_rng(1).uniform(1, 1.5, (7, 7))
    plan = cheapest_insertion(DEPOT, route, new, matrix=costs)
    assert plan.total_m == pytest.approx(min(_all_insertions(route, new, costs)))
