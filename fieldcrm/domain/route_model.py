"""What the route services hand to the Routes page and the CLI: plain, immutable values.

Distances are straight-line (haversine) metres, the routing engine's default
cost. Legs are measured over the stops that have coordinates: from the depot
(or, for a route without one, from the previous located stop) to each stop in
turn and back; a stop without coordinates has no leg and does not break the
chain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fieldcrm.domain.route_values import RouteKind, StopPin, Weekday, stored_days, stored_pin
from fieldcrm.routing import LatLon, Stop, haversine_m, measure


def metres(value: float | None) -> int | None:
    """Whole metres for output: straight-line distances are no more precise than that."""
    return None if value is None else int(round(value))


@dataclass(frozen=True)
class Route:
    id: str
    name: str
    kind: RouteKind
    territory_id: str | None
    territory: str | None  # the sync scope (area name) its rows carry
    rep: str | None
    delivery: str | None
    depot: LatLon | None
    days: tuple[Weekday, ...]
    stops: int  # shown stops
    length_m: float  # depot to depot over the located stops in their current order

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind.value, "territory_id": self.territory_id,
            "territory": self.territory, "rep": self.rep, "delivery": self.delivery,
            "depot": None if self.depot is None else {"lat": self.depot[0], "lon": self.depot[1]},
            "days": [d.value for d in self.days], "stops": self.stops, "length_m": metres(self.length_m),
        }


def row_depot(row: dict[str, Any]) -> LatLon | None:
    """A route row's start point; half a coordinate (a merge of two partial edits) counts as none."""
    if row["depot_lat"] is None or row["depot_lon"] is None:
        return None
    return (row["depot_lat"], row["depot_lon"])


def route_from_row(row: dict[str, Any], stops: int, length_m: float) -> Route:
    kinds = {k.value: k for k in RouteKind}
    return Route(
        row["id"], row["name"], kinds.get(row["kind"], RouteKind.VISITING), row["territory_id"], row["territory"],
        row["rep"], row["delivery"], row_depot(row), stored_days(row["days"]), stops, length_m,
    )


@dataclass(frozen=True)
class StopView:
    """One shown stop, in route order; ``leg_m`` is the leg arriving at it (None when it has no coordinates)."""

    stop_id: str
    customer_id: str
    code: str | None
    name: str | None
    pin: StopPin
    latitude: float | None
    longitude: float | None
    leg_m: float | None

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def to_json(self, seq: int) -> dict[str, Any]:
        return {
            "seq": seq, "stop_id": self.stop_id, "customer_id": self.customer_id, "code": self.code,
            "name": self.name, "pin": self.pin.value, "latitude": self.latitude, "longitude": self.longitude,
            "leg_m": metres(self.leg_m),
        }


@dataclass(frozen=True)
class RouteView:
    """A route with its stops in order and the metres of each leg."""

    route: Route
    stops: tuple[StopView, ...]
    return_m: float | None  # last located stop back to the depot; None without a depot
    total_m: float

    @property
    def order(self) -> tuple[str, ...]:
        """Stop ids in route order: what ``RouteService.set_order`` takes back (undo)."""
        return tuple(stop.stop_id for stop in self.stops)

    @property
    def unlocated(self) -> tuple[str, ...]:
        """Customers without coordinates: the optimiser keeps them at the end; someone should geocode them."""
        return tuple(stop.customer_id for stop in self.stops if not stop.located)

    def to_json(self) -> dict[str, Any]:
        shape = self.route.to_json()
        del shape["length_m"]
        shape["stops"] = [stop.to_json(seq) for seq, stop in enumerate(self.stops, start=1)]
        shape["return_m"] = metres(self.return_m)
        shape["total_m"] = metres(self.total_m)
        shape["unlocated"] = list(self.unlocated)
        return shape


@dataclass(frozen=True)
class OptimiseResult:
    """What optimising did; ``previous_order`` is what the page passes back to ``set_order`` to undo it."""

    route_id: str
    name: str
    before_m: float
    after_m: float
    previous_order: tuple[str, ...]
    order: tuple[str, ...]
    unlocated: tuple[str, ...]  # customer ids, now at the end

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.route_id, "name": self.name, "before_m": metres(self.before_m),
            "after_m": metres(self.after_m), "saved_m": metres(self.before_m - self.after_m),
            "stops": len(self.order), "unlocated": list(self.unlocated),
        }


def routing_stops(rows: Sequence[dict[str, Any]]) -> list[Stop]:
    """Stop rows as the routing engine's stops, keyed by stop id."""
    return [Stop(row["id"], row["latitude"], row["longitude"], stored_pin(row["pin"]).routing_pin) for row in rows]


def measure_legs(depot: LatLon | None, rows: Sequence[dict[str, Any]]) -> tuple[list[float | None], float | None, float]:
    """Per stop the leg arriving at it, the leg back to the depot, and the total, for rows in order."""
    stops = routing_stops(rows)
    located = [stop for stop in stops if stop.located]
    if depot is not None:
        plan = measure(depot, stops)
        arriving = dict(zip(plan.visiting, plan.legs_m))
        back = plan.legs_m[-1] if plan.legs_m else None
    else:
        arriving = {b.id: haversine_m(a.position, b.position) for a, b in zip(located, located[1:])}
        back = None
    legs = [arriving.get(stop.id) for stop in stops]
    total = sum(leg for leg in legs if leg is not None) + (back or 0.0)
    return legs, back, total
