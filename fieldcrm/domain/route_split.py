"""Cutting a zone's customers into k balanced routes: a proposal first, written only when accepted.

The proposal is plain lists of customer ids, so the Routes page can show it
on the map, let the user drag customers between the lists, and pass the
edited lists to ``accept_split``. Accepting creates the routes, moves the
customers' existing stops of that kind onto them (one stop row per customer
and kind, as ``RouteService.move`` does) and retires the old routes the split
emptied, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldcrm.domain.route_model import Route, row_depot
from fieldcrm.domain.route_values import RouteKind, parse_choice, parse_depot
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.territories import customer_ids
from fieldcrm.errors import FieldError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.routing import LatLon, Stop, measure, split_balanced
from fieldcrm.storage import routes as route_store
from fieldcrm.storage import territories as territory_store
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

SPLIT_SECONDS = 1.0

MSG_NO_CUSTOMERS = _N("Errors", "zone: {zone} has no customers to split")
MSG_COUNT = _N("Errors", "routes: {value} is not between 1 and {count}, the number of customers")
MSG_NO_START = _N("Errors", "depot: no route in {zone} has a start point and no customer has coordinates; give one")
MSG_EMPTY_GROUP = _N("Errors", "routes: route {number} of the split has no customers")
MSG_NOT_IN_ZONE = _N("Errors", "customer: {value} is not in {zone}")
MSG_NAMES = _N("Errors", "names: {count} routes need {count} names, got {given}")


@dataclass(frozen=True)
class SplitProposal:
    start: LatLon  # where every proposed route starts and ends
    groups: list[list[str]]  # customer ids per route, in visiting order


def route_lengths(
    start: LatLon, groups: Sequence[Sequence[str]], customers: Mapping[str, Mapping[str, Any]]
) -> list[float]:
    """Metres of each proposed route: from ``start`` through its located customers in order, and back."""
    return [
        measure(start, [Stop(c, customers[c]["latitude"], customers[c]["longitude"]) for c in group]).total_m
        for group in groups
    ]


@dataclass(frozen=True)
class SplitResult:
    routes: tuple[Route, ...]
    retired: tuple[str, ...]  # names of the old routes the split emptied


class SplitService:
    def __init__(self, workspace: Workspace) -> None:
        self.db = workspace.db
        self.routes = RouteService(workspace)
        self.territories = self.routes.territories

    def propose_split(self, zone: str, k: int, *, depot: str | LatLon | None = None, seed: int = 0) -> list[list[str]]:
        """``k`` lists of customer ids, each in visiting order, covering the zone's customers once.

        Located customers are shared out evenly (counts differ by at most one)
        and traded to even out travel; customers without coordinates go to
        the shortest lists, at the end. The same zone, depot and seed give the
        same proposal. Nothing is written.
        """
        return self.propose(zone, k, depot=depot, seed=seed).groups

    def propose(self, zone: str, k: int, *, depot: str | LatLon | None = None, seed: int = 0) -> SplitProposal:
        """``propose_split`` with the start point the routes would get, to measure them by."""
        node = self.territories.get(zone, "zone")
        customers = self.territories.customers(node.id)
        if not customers:
            raise FieldError("zone", MSG_NO_CUSTOMERS, zone=node.name)
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= len(customers):
            raise FieldError("routes", MSG_COUNT, value=k, count=len(customers))
        start = self._start(node.id, node.name, customers, depot)
        stops = [Stop(c["id"], c["latitude"], c["longitude"]) for c in customers]
        return SplitProposal(start, split_balanced(start, stops, k, seed=seed, time_limit_s=SPLIT_SECONDS))

    def accept_split(
        self, zone: str, groups: Sequence[Sequence[str]], *, kind: str = RouteKind.VISITING.value,
        names: Sequence[str] | None = None, depot: str | LatLon | None = None, rep: str | None = None,
        delivery: str | None = None, days: str | Iterable[str] | None = None,
    ) -> SplitResult:
        """Create one route per group, stops in the group's order, named ``<zone>-1``… unless ``names`` are given.

        Each route runs from ``depot`` (by default as for the proposal) with
        ``rep`` (by default the zone's manager). Customers already on a route
        of ``kind`` are moved; routes left empty by that are retired.
        """
        node = self.territories.get(zone, "zone")
        chosen_kind = parse_choice("kind", kind, RouteKind)
        for number, group in enumerate(groups, start=1):
            if not group:
                raise FieldError("routes", MSG_EMPTY_GROUP, number=number)
        ids = customer_ids(self.db, [c for group in groups for c in group])
        in_zone = {c["id"] for c in self.territories.customers(node.id)}
        outside = [c for c in ids if c not in in_zone]
        if outside:
            refs = territory_store.customer_refs(self.db, outside)
            raise FieldError("customer", MSG_NOT_IN_ZONE, value=refs[outside[0]]["code"] or outside[0], zone=node.name)
        route_names = list(names) if names is not None else [f"{node.name}-{n}" for n in range(1, len(groups) + 1)]
        if len(route_names) != len(groups):
            raise FieldError("names", MSG_NAMES, count=len(groups), given=len(route_names))
        start = self._start(node.id, node.name, territory_store.customer_refs(self.db, ids).values(), depot)
        members = {m["customer_id"]: m for m in route_store.memberships(self.db, ids, chosen_kind.value)}
        emptied = self._emptied(members.values())
        resolved = iter(ids)
        id_groups = [[next(resolved) for _ in group] for group in groups]
        created = []
        with write_transaction(self.db):
            for route_id, _ in emptied:
                territory_store.update_row(self.db, "routes", route_id, {"deleted": 1})
            for name, group in zip(route_names, id_groups, strict=True):
                route = self.routes.create(
                    name, kind=chosen_kind.value, territory=node.id, depot=start, days=days,
                    rep=rep if rep is not None else node.manager, delivery=delivery,
                )
                row = route_store.get_route(self.db, route.id)
                assert row is not None
                moving = {c: members[c]["stop_id"] for c in group if c in members}
                self.routes.place(row, group, moving)
                created.append(route.id)
        return SplitResult(tuple(self.routes.get(r) for r in created), tuple(name for _, name in emptied))

    def _emptied(self, members: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
        """(id, name) of the routes every live stop of which moves in the split."""
        moving: dict[str, set[str]] = {}
        names: dict[str, str] = {}
        for member in members:
            moving.setdefault(member["route_id"], set()).add(member["stop_id"])
            names[member["route_id"]] = member["route_name"]
        return [
            (route_id, names[route_id]) for route_id, stops in sorted(moving.items())
            if {stop_id for stop_id, _ in route_store.live_stop_ids(self.db, route_id)} <= stops
        ]

    def _start(
        self, node_id: str, node_name: str, customers: Iterable[dict[str, Any]], depot: str | LatLon | None,
    ) -> LatLon:
        """The given depot; else that of the first route under the node with one; else the customers' centre."""
        given = parse_depot("depot", depot)
        if given is not None:
            return given
        for route in route_store.list_routes(self.db, self.territories.subtree(node_id)):
            found = row_depot(route)
            if found is not None:
                return found
        located = [
            (c["latitude"], c["longitude"]) for c in customers
            if c["latitude"] is not None and c["longitude"] is not None
        ]
        if not located:
            raise FieldError("depot", MSG_NO_START, zone=node_name)
        return (
            round(sum(lat for lat, _ in located) / len(located), 7),
            round(sum(lon for _, lon in located) / len(located), 7),
        )
