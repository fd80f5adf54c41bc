"""Reproducible synthetic territories for tests, benchmarks and the demo.

Uses ``random.Random`` rather than numpy so the same seed gives the same stops
on every Python and numpy version, which the cached test references rely on.
"""

from __future__ import annotations

import random
from typing import Literal

from fieldcrm.routing.model import LatLon, Stop

Spread = Literal["uniform", "clustered"]

DEFAULT_DEPOT: LatLon = (31.23, 121.47)
_HALF_SPAN_DEG = 0.35
"""About 70 x 66 km around the depot: a large city territory."""
_CLUSTER_SPREAD_DEG = 0.02
"""About 2 km: a market street or an industrial estate."""
_STOPS_PER_CLUSTER = 40


def sample_stops(count: int, spread: Spread, seed: int, depot: LatLon = DEFAULT_DEPOT) -> list[Stop]:
    """``count`` stops spread evenly over the territory, or gathered around a few centres.

    Clustered territories have one centre per 40 stops (at least three),
    which is how outlets bunch in real trading areas.
    """
    rng = random.Random(seed)
    lat0, lon0 = depot

    def anywhere() -> LatLon:
        lat = lat0 + rng.uniform(-_HALF_SPAN_DEG, _HALF_SPAN_DEG)
        return (lat, lon0 + rng.uniform(-_HALF_SPAN_DEG, _HALF_SPAN_DEG))

    if spread == "uniform":
        points = [anywhere() for _ in range(count)]
    else:
        centres = [anywhere() for _ in range(max(3, count // _STOPS_PER_CLUSTER))]
        points = []
        for _ in range(count):
            lat, lon = rng.choice(centres)
            points.append((lat + rng.gauss(0, _CLUSTER_SPREAD_DEG), lon + rng.gauss(0, _CLUSTER_SPREAD_DEG)))
    return [Stop(id=f"{spread[0]}{seed}-{index:04d}", lat=lat, lon=lon) for index, (lat, lon) in enumerate(points)]
