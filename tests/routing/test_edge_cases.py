"""Tiny routes, missing coordinates, duplicates and bad input."""

from __future__ import annotations

import numpy as np
import pytest

from fieldcrm.routing import Stop, distance_matrix, haversine_m, measure, optimize
from tests.routing.helpers import DEPOT, best_pinned_length, random_points, route_length, stops_at


def test_no_stops() -> None:
    plan = optimize(DEPOT, [])
    assert (plan.order, plan.unlocated, plan.legs_m, plan.total_m) == ((), (), (), 0.0)


def test_one_stop_is_out_and_back() -> None:
    plan = optimize(DEPOT, stops_at([(31.33, 121.47)]))
    assert plan.order == ("s0",)
    assert plan.legs_m[0] == pytest.approx(plan.legs_m[1])
    assert plan.total_m == pytest.approx(2 * haversine_m(DEPOT, (31.33, 121.47)))


def test_two_stops() -> None:
    stops = stops_at([(31.33, 121.47), (31.23, 121.57)])
    plan = optimize(DEPOT, stops)
    assert sorted(plan.order) == ["s0", "s1"]
    assert len(plan.legs_m) == 3


def test_duplicate_coordinates_and_stops_at_the_depot() -> None:
    points = [(31.3, 121.5)] * 5 + [DEPOT] * 3 + random_points(10, seed=1)
    stops = stops_at(points)
    plan = optimize(DEPOT, stops)
    assert sorted(plan.order) == sorted(stop.id for stop in stops)
    assert plan.total_m == pytest.approx(route_length(plan.order, stops))
    everyone_home = optimize(DEPOT, stops_at([DEPOT] * 25))
    assert everyone_home.total_m == 0.0
    assert len(everyone_home.order) == 25


def test_unlocated_stops_are_kept_at_the_end_in_input_order() -> None:
    points = random_points(6, seed=2)
    stops = [
        Stop("no-geo-1", None, None),
        *stops_at(points),
        Stop("no-geo-2", 31.2, None),
        Stop("no-geo-3", float("nan"), 121.4),
    ]
    plan = optimize(DEPOT, stops)
    assert plan.unlocated == ("no-geo-1", "no-geo-2", "no-geo-3")
    assert plan.order[-3:] == plan.unlocated
    assert sorted(plan.visiting) == [f"s{i}" for i in range(6)]
    assert len(plan.legs_m) == 7
    only_missing = optimize(DEPOT, [Stop("x", None, None)])
    assert only_missing.order == ("x",) and only_missing.legs_m == ()


def test_legs_add_up_and_measure_keeps_the_given_order() -> None:
    stops = stops_at(random_points(12, seed=3))
    plan = measure(DEPOT, stops)
    assert plan.order == tuple(stop.id for stop in stops)
    assert sum(plan.legs_m) == pytest.approx(plan.total_m)
    assert plan.legs_m[0] == pytest.approx(haversine_m(DEPOT, stops[0].position))
    assert plan.total_m == pytest.approx(route_length(plan.order, stops))
    assert optimize(DEPOT, stops).total_m <= plan.total_m


def test_haversine_and_matrix_agree() -> None:
    assert haversine_m((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111_195, rel=1e-4)
    assert haversine_m((31.23, 121.47), (39.90, 116.40)) == pytest.approx(1_067_000, rel=0.01)  # Shanghai-Beijing
    points = random_points(5, seed=4)
    matrix = distance_matrix(points)
    assert np.allclose(matrix, matrix.T)
    assert matrix[1, 3] == pytest.approx(haversine_m(points[1], points[3]))
    assert distance_matrix([]).shape == (0, 0)


def test_extreme_scales_survive_integer_rounding() -> None:
    tight = stops_at([(DEPOT[0] + i * 1e-6, DEPOT[1]) for i in range(1, 30)][::-1])
    plan = optimize(DEPOT, tight)
    assert plan.total_m == pytest.approx(2 * haversine_m(DEPOT, tight[0].position), rel=1e-6)
    world = stops_at([(-60, -150), (0, -30), (60, 90), (-33.9, 18.4), (51.5, -0.1), (40.7, -74.0), (-33.9, 151.2)])
    assert optimize(DEPOT, world).total_m == pytest.approx(best_pinned_length(world), rel=1e-6)


@pytest.mark.parametrize(
    "stops, message",
    [
        ([Stop("a", 1, 1), Stop("a", 2, 2)], "unique"),
        ([Stop("a", 91, 1)], "invalid coordinates"),
        ([Stop("a", 1, 181)], "invalid coordinates"),
    ],
)
def test_bad_stops_are_rejected(stops: list[Stop], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        optimize(DEPOT, stops)


def test_bad_matrix_and_limits_are_rejected() -> None:
    stops = stops_at(random_points(3, seed=5))
    with pytest.raises(ValueError, match="4x4"):
        optimize(DEPOT, stops, matrix=np.zeros((3, 3)))
    with pytest.raises(ValueError, match="non-negative"):
        optimize(DEPOT, stops, matrix=-np.ones((4, 4)))
    with pytest.raises(ValueError, match="time_limit_s"):
        optimize(DEPOT, stops, time_limit_s=0)
    with pytest.raises(ValueError, match="depot"):
        optimize((100.0, 0.0), stops)


def test_matrix_rows_of_unlocated_stops_are_ignored() -> None:
    stops = [*stops_at(random_points(3, seed=6)), Stop("x", None, None)]
    matrix = np.full((5, 5), np.nan)
    matrix[:4, :4] = distance_matrix([DEPOT, *(stop.position for stop in stops[:3])])
    plan = optimize(DEPOT, stops, matrix=matrix)
    assert plan.unlocated == ("x",)
    assert plan.total_m == pytest.approx(optimize(DEPOT, stops[:3]).total_m)
