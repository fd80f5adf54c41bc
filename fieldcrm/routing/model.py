"""Plain data exchanged with the routing engine.

Everything here is immutable and free of Qt/SQLite types so that the Routes
page, the CLI and the demo can build inputs from whatever they hold and show
the results without conversion layers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

LatLon = tuple[float, float]
"""A WGS-84 coordinate as ``(latitude, longitude)`` in degrees."""


class Pin(Enum):
    """Where a stop must stay when the route is re-optimised.

    ``FIRST`` stops open the route and ``LAST`` stops close it, each group in
    the order the caller gave. ``FIXED`` keeps a stop at its current index
    among the stops that have coordinates (the route cannot place the others).
    """

    NONE = "none"
    FIRST = "first"
    LAST = "last"
    FIXED = "fixed"


@dataclass(frozen=True)
class Stop:
    """A customer visit. ``lat``/``lon`` are ``None`` until the customer is geocoded."""

    id: str
    lat: float | None
    lon: float | None
    pin: Pin = Pin.NONE

    @property
    def located(self) -> bool:
        """True when the stop has usable coordinates (NaN counts as missing)."""
        return self.lat is not None and self.lon is not None and not math.isnan(self.lat) and not math.isnan(self.lon)

    @property
    def position(self) -> LatLon:
        """The coordinate; only meaningful for located stops."""
        if self.lat is None or self.lon is None:
            raise ValueError(f"stop {self.id!r} has no coordinates")
        return (self.lat, self.lon)


@dataclass(frozen=True)
class RoutePlan:
    """An ordered route ready for display.

    ``order`` lists every stop id: first the located stops in visiting order,
    then the unlocated ones (also listed in ``unlocated``) in the order they
    were given, so nothing the caller passed in disappears. ``legs_m`` holds
    the metres of each leg over the located stops, depot to first stop through
    last stop back to the depot, so it has ``len(order) - len(unlocated) + 1``
    entries, or none when no stop is located. ``total_m`` is their sum.
    """

    order: tuple[str, ...]
    unlocated: tuple[str, ...]
    legs_m: tuple[float, ...]
    total_m: float

    @property
    def visiting(self) -> tuple[str, ...]:
        """The located stops in visiting order (``order`` without the unlocated tail)."""
        return self.order[: len(self.order) - len(self.unlocated)]
