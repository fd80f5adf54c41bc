"""Optimise keeps FIRST, LAST and FIXED stops where they were promised."""

from __future__ import annotations

import pytest

from fieldcrm.routing import Pin, Stop, optimize
from fieldcrm.routing.pins import Gap, layout_slots
from fieldcrm.routing.sample_data import DEFAULT_DEPOT, sample_stops
from tests.routing.helpers import DEPOT, best_pinned_length, random_points, satisfies_pins, stops_at


@pytest.mark.parametrize(
    "pins",
    [
        {2: Pin.FIRST},
        {5: Pin.LAST},
        {3: Pin.FIXED},
        {1: Pin.FIRST, 6: Pin.FIRST, 0: Pin.LAST},
        {0: Pin.FIXED, 4: Pin.FIRST, 7: Pin.LAST},
        {2: Pin.FIXED, 5: Pin.FIXED, 1: Pin.LAST},
        {7: Pin.FIXED, 3: Pin.LAST},
    ],
)
def test_pinned_route_is_the_best_order_that_keeps_the_pins(pins: dict[int, Pin]) -> None:
    stops = stops_at(random_points(8, seed=len(pins) * 10 + min(pins)), pins)
    plan = optimize(DEPOT, stops)
    assert satisfies_pins(plan.order, stops)
    assert plan.total_m == pytest.approx(best_pinned_length(stops), rel=1e-6)


def test_pins_hold_on_a_large_route() -> None:
    stops = sample_stops(200, "clustered", 5)
    pins = {3: Pin.FIRST, 10: Pin.FIRST, 50: Pin.LAST, 7: Pin.FIXED, 60: Pin.FIXED, 120: Pin.FIXED}
    pinned = [Stop(s.id, s.lat, s.lon, pins.get(i, Pin.NONE)) for i, s in enumerate(stops)]
    plan = optimize(DEFAULT_DEPOT, pinned)
    assert satisfies_pins(plan.order, pinned)
    assert plan.order[:2] == (stops[3].id, stops[10].id)
    assert plan.order[-1] == stops[50].id
    assert plan.order.index(stops[7].id) == 7
    assert plan.order.index(stops[60].id) == 60
    assert plan.order.index(stops[120].id) == 120


def test_first_and_last_pins_cost_little_when_they_suit_the_route() -> None:
    stops = sample_stops(100, "uniform", 21)
    free = optimize(DEFAULT_DEPOT, stops)
    first, last = free.order[0], free.order[-1]
    pinned = [Stop(s.id, s.lat, s.lon, {first: Pin.FIRST, last: Pin.LAST}.get(s.id, Pin.NONE)) for s in stops]
    plan = optimize(DEFAULT_DEPOT, pinned)
    assert (plan.order[0], plan.order[-1]) == (first, last)
    assert plan.total_m <= free.total_m * 1.001


def test_fixed_index_counts_only_located_stops() -> None:
    points = random_points(5, seed=4)
    stops = [
        Stop("nowhere", None, None),
        *(Stop(f"s{i}", lat, lon) for i, (lat, lon) in enumerate(points[:2])),
        Stop("anchor", *points[2], pin=Pin.FIXED),
        *(Stop(f"t{i}", lat, lon) for i, (lat, lon) in enumerate(points[3:])),
    ]
    plan = optimize(DEPOT, stops)
    assert plan.order.index("anchor") == 2
    assert plan.order[-1] == "nowhere"


def test_layout_resolves_conflicting_pins_without_raising() -> None:
    layout = layout_slots([Pin.FIRST, Pin.FIXED, Pin.NONE, Pin.LAST, Pin.FIRST])
    # FIXED keeps index 1; FIRST stops take slots 0 and 2; LAST takes the last slot.
    assert layout.slots == (1, 2, 5, None, 4)
    assert layout.free == (3,)
    assert layout.gaps == (Gap(start=5, end=4, first_slot=3, size=1),)


def test_unpinned_layout_is_one_free_cycle() -> None:
    layout = layout_slots([Pin.NONE] * 3)
    assert not layout.anchored
    assert layout.gaps == (Gap(start=0, end=0, first_slot=0, size=3),)
