"""Routes (路序): who runs them and when, which customers they visit, and in what order.

A customer is on at most one route of each kind (a visiting round and a
delivery run may differ); taking one from route to route is an explicit
``move``, which rewrites the customer's one stop row rather than retiring it
and making another, so two laptops moving the same customer merge into one
route instead of two. The card's ``route`` text follows the customer's
visiting route, since that is the round the Due list and the card name.

Every write checks all its input first and then runs in one transaction:
refused input writes nothing. Stop order lives in each stop's ``position``
(``route_positions``), so an insertion writes one row and an optimisation
only the stops that moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ulid import ULID

from fieldcrm.domain import route_positions
from fieldcrm.domain.route_model import (
    OptimiseResult, Route, RouteView, StopView, measure_legs, route_from_row, routing_stops, row_depot,
)
from fieldcrm.domain.route_values import (
    RouteKind, StopPin, days_text, parse_choice, parse_days, parse_depot, parse_name, parse_person, stored_pin,
)
from fieldcrm.domain.territories import TerritoryService, customer_ids
from fieldcrm.errors import FieldError, NotFound
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.routing import LatLon, cheapest_insertion, optimize
from fieldcrm.storage import routes as store
from fieldcrm.storage import territories as territory_store
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

# The optimiser's search budget: a 300-stop route settles in about 0.4 s.
OPTIMISE_SECONDS = 0.8
EDITABLE = ("name", "territory", "depot", "days", "rep", "delivery")

MSG_NO_ROUTE = _N("Errors", "{field}: no route with id or name '{value}'")
MSG_AMBIGUOUS = _N("Errors", "{field}: '{value}' names {count} routes; use the id")
MSG_NAME_TAKEN = _N("Errors", "{field}: a route named '{value}' already exists")
MSG_ALREADY_HERE = _N("Errors", "{field}: {value} is already on route {route}")
MSG_ON_OTHER = _N("Errors", "{field}: {value} is on {kind} route {route}; move it from there")
MSG_NOT_ON_KIND = _N("Errors", "{field}: {value} is on no {kind} route; assign it instead")
MSG_NOT_ON_ROUTE = _N("Errors", "{field}: {value} is not on route {route}")
MSG_OUTSIDE = _N("Errors", "{field}: {value} is in zone {zone}, outside route {route}'s territory {territory}")
MSG_NO_DEPOT = _N("Errors", "depot: route {route} has no start point; set one first")
MSG_ORDER = _N("Errors", "order: expected each of the route's {count} stops exactly once")
MSG_UNKNOWN_CHANGE = _N("Errors", "{field}: not a route field (one of {allowed})")


class RouteService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.territories = TerritoryService(workspace)

    # -- reading ---------------------------------------------------------------

    def resolve(self, id_or_name: str, field: str = "route") -> str:
        """The id of the live route with this id or (unique) name."""
        text = " ".join(str(id_or_name).split())
        if text and store.get_route(self.db, text) is not None:
            return text
        named = store.route_ids_named(self.db, text) if text else []
        if len(named) > 1:
            raise FieldError(field, MSG_AMBIGUOUS, value=id_or_name, count=len(named))
        if not named:
            raise NotFound(MSG_NO_ROUTE, field=field, value=id_or_name)
        return named[0]

    def _row(self, id_or_name: str, field: str = "route") -> dict[str, Any]:
        row = store.get_route(self.db, self.resolve(id_or_name, field))
        assert row is not None
        return row

    def _stops(self, route_id: str) -> list[dict[str, Any]]:
        return store.shown_stops(self.db, [route_id])[route_id]

    def get(self, id_or_name: str) -> Route:
        return self.list_routes(route_ids=[self.resolve(id_or_name)])[0]

    def list_routes(
        self, territory: str | None = None, kind: str | None = None, *, route_ids: Sequence[str] | None = None,
    ) -> list[Route]:
        """Live routes by name; with ``territory``, those of that node and every node under it."""
        nodes = self.territories.subtree(self.territories.resolve(territory)) if territory else None
        wanted = parse_choice("kind", kind, RouteKind).value if kind else None
        rows = [
            r for r in store.list_routes(self.db, nodes)
            if (wanted is None or r["kind"] == wanted) and (route_ids is None or r["id"] in route_ids)
        ]
        stops = store.shown_stops(self.db, [r["id"] for r in rows])
        return [route_from_row(r, r["stops"], measure_legs(row_depot(r), stops[r["id"]])[2]) for r in rows]

    def view(self, id_or_name: str) -> RouteView:
        """The route with its shown stops in order and each leg's metres."""
        row = self._row(id_or_name)
        rows = self._stops(row["id"])
        legs, back, total = measure_legs(row_depot(row), rows)
        stops = tuple(
            StopView(r["id"], r["customer_id"], r["code"], r["name"], stored_pin(r["pin"]), r["latitude"],
                     r["longitude"], leg)
            for r, leg in zip(rows, legs, strict=True)
        )
        return RouteView(route_from_row(row, len(rows), total), stops, back, total)

    # -- the route itself ------------------------------------------------------

    def create(
        self, name: str, *, kind: str = RouteKind.VISITING.value, territory: str | None = None,
        depot: str | LatLon | None = None, days: str | Iterable[str] | None = None,
        rep: str | None = None, delivery: str | None = None,
    ) -> Route:
        values = self._parse({
            "name": name, "territory": territory, "depot": depot, "days": days, "rep": rep, "delivery": delivery,
        })
        values.update(id=str(ULID()), deleted=0, kind=parse_choice("kind", kind, RouteKind).value)
        with write_transaction(self.db):
            self._check_name_free(values["name"])
            territory_store.insert_row(self.db, "routes", values)
        return self.get(values["id"])

    def update(self, id_or_name: str, **changes: Any) -> list[str]:
        """Change any of ``EDITABLE``; returns the names of those that really changed.

        A new name follows onto the cards of a visiting route's customers; a
        new territory re-scopes the stops and must hold every customer on it.
        """
        unknown = [k for k in changes if k not in EDITABLE]
        if unknown:
            raise FieldError(unknown[0], MSG_UNKNOWN_CHANGE, allowed=", ".join(EDITABLE))
        row = self._row(id_or_name)
        values = self._parse(changes)
        changed = {k: v for k, v in values.items() if row[k] != v}
        stops = self._stops(row["id"])
        if "territory_id" in changed:
            self._check_zones({**row, **changed}, [s["customer_id"] for s in stops])
        with write_transaction(self.db):
            if "name" in changed:
                self._check_name_free(changed["name"])
            territory_store.update_row(self.db, "routes", row["id"], changed)
            if "territory" in changed:
                for stop_id, current in store.stop_territories(self.db, row["id"]):
                    if current != changed["territory"]:
                        territory_store.update_row(self.db, "route_stops", stop_id, {"territory": changed["territory"]})
            if "name" in changed and row["kind"] == RouteKind.VISITING.value:
                for stop in stops:
                    self._set_card_route(stop["customer_id"], changed["name"], expected=row["name"])
        fields = {"territory_id": "territory", "depot_lat": "depot", "depot_lon": "depot"}
        return list(dict.fromkeys(fields.get(column, column) for column in changed))

    def delete(self, id_or_name: str) -> None:
        """Retire the route and its stops (tombstones that sync); customers leave it."""
        row = self._row(id_or_name)
        with write_transaction(self.db):
            territory_store.update_row(self.db, "routes", row["id"], {"deleted": 1})
            for stop_id, customer_id in store.live_stop_ids(self.db, row["id"]):
                territory_store.update_row(self.db, "route_stops", stop_id, {"deleted": 1})
                if row["kind"] == RouteKind.VISITING.value:
                    self._set_card_route(customer_id, None, expected=row["name"])

    def _parse(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Stored columns for the given fields, each checked and named on error."""
        values: dict[str, Any] = {}
        if "name" in raw:
            values["name"] = parse_name("name", raw["name"])
        if "territory" in raw:
            node = str(raw["territory"] or "").strip()
            values["territory_id"] = self.territories.resolve(node) if node else None
            values["territory"] = self.territories.scope_name(values["territory_id"]) if node else self._own_scope()
        if "depot" in raw:
            depot = parse_depot("depot", raw["depot"])
            values["depot_lat"], values["depot_lon"] = depot if depot else (None, None)
        if "days" in raw:
            values["days"] = days_text(parse_days("days", raw["days"]))
        for person in ("rep", "delivery"):
            if person in raw:
                values[person] = parse_person(person, raw[person])
        return values

    def _own_scope(self) -> str | None:
        """A rep's route outside the tree belongs to the rep's territory, so it stays on their laptop."""
        identity = self.workspace.require_identity()
        return None if identity.is_supervisor else identity.territory

    def _check_name_free(self, name: str) -> None:
        if store.route_ids_named(self.db, name):
            raise FieldError("name", MSG_NAME_TAKEN, value=name)

    # -- who is on it ----------------------------------------------------------

    def assign(self, id_or_name: str, customers: Iterable[str], *, cheapest: bool = False) -> list[str]:
        """Add customers to the route, at the end or each where it adds fewest metres; returns their stop ids."""
        row = self._row(id_or_name)
        ids = customer_ids(self.db, customers)
        for member in store.memberships(self.db, ids, row["kind"]):
            code = self._code(member["customer_id"])
            if member["route_id"] == row["id"]:
                raise FieldError("customer", MSG_ALREADY_HERE, value=code, route=row["name"])
            raise FieldError("customer", MSG_ON_OTHER, value=code, kind=row["kind"], route=member["route_name"])
        return self.place(row, ids, {}, cheapest=cheapest)

    def move(self, customers: Iterable[str], to_route: str, *, cheapest: bool = False) -> list[str]:
        """Take customers off their route of the target's kind and onto ``to_route``; returns their stop ids."""
        row = self._row(to_route)
        ids = customer_ids(self.db, customers)
        found = {m["customer_id"]: m for m in store.memberships(self.db, ids, row["kind"])}
        for customer_id in ids:
            member = found.get(customer_id)
            if member is None:
                raise FieldError("customer", MSG_NOT_ON_KIND, value=self._code(customer_id), kind=row["kind"])
            if member["route_id"] == row["id"]:
                raise FieldError("customer", MSG_ALREADY_HERE, value=self._code(customer_id), route=row["name"])
        return self.place(row, ids, {c: found[c]["stop_id"] for c in ids}, cheapest=cheapest)

    def remove(self, id_or_name: str, customers: Iterable[str]) -> None:
        """Take customers off the route (their stops are retired)."""
        row = self._row(id_or_name)
        stops = self._stops_of(row, customer_ids(self.db, customers))
        with write_transaction(self.db):
            for customer_id, stop in stops.items():
                territory_store.update_row(self.db, "route_stops", stop["stop_id"], {"deleted": 1})
                if row["kind"] == RouteKind.VISITING.value:
                    self._set_card_route(customer_id, None, expected=row["name"])

    def set_pin(self, id_or_name: str, customer: str, pin: str) -> None:
        """Pin a stop first, last or to its place (``none`` unpins); the optimiser keeps pins."""
        self.set_pins(id_or_name, [customer], pin)

    def set_pins(self, id_or_name: str, customers: Iterable[str], pin: str) -> None:
        """Pin several stops alike in one transaction (the Routes page pins the selected stops at once)."""
        row = self._row(id_or_name)
        chosen = parse_choice("pin", pin, StopPin)
        stops = self._stops_of(row, customer_ids(self.db, customers)).values()
        stored = None if chosen is StopPin.NONE else chosen.value
        changed = [stop["stop_id"] for stop in stops if stop["pin"] != stored]
        if changed:
            with write_transaction(self.db):
                for stop_id in changed:
                    territory_store.update_row(self.db, "route_stops", stop_id, {"pin": stored})

    def _stops_of(self, row: dict[str, Any], ids: list[str]) -> dict[str, dict[str, Any]]:
        """The stop (its membership row) of each customer on this route, refusing a customer who is not on it."""
        found = {m["customer_id"]: m for m in store.memberships(self.db, ids, row["kind"]) if m["route_id"] == row["id"]}
        for customer_id in ids:
            if customer_id not in found:
                raise FieldError("customer", MSG_NOT_ON_ROUTE, value=self._code(customer_id), route=row["name"])
        return {customer_id: found[customer_id] for customer_id in ids}

    def _code(self, customer_id: str) -> str:
        ref = territory_store.customer_refs(self.db, [customer_id]).get(customer_id)
        return (ref and ref["code"]) or customer_id

    def _check_zones(self, row: dict[str, Any], ids: Sequence[str]) -> None:
        """Customers in a zone must be in the route's territory, or a rep's laptop would hold a route of strangers."""
        if not row["territory_id"] or not ids:
            return
        allowed = set(self.territories.subtree(row["territory_id"]))
        for ref in territory_store.customer_refs(self.db, ids).values():
            if ref["zone_id"] and ref["zone_id"] not in allowed:
                zone = territory_store.get_node(self.db, ref["zone_id"])
                node = territory_store.get_node(self.db, row["territory_id"])
                raise FieldError(
                    "customer", MSG_OUTSIDE, value=ref["code"] or ref["id"],
                    zone=zone["name"] if zone else ref["zone_id"],
                    route=row["name"], territory=node["name"] if node else row["territory_id"],
                )

    def place(
        self, row: dict[str, Any], ids: list[str], moving: dict[str, str], *, cheapest: bool = False,
    ) -> list[str]:
        """Put checked customers on the route row: new stop rows, or the ones in ``moving`` (customer -> stop id).

        Callers have resolved the customers and checked the one-route-per-kind
        rule (``assign``, ``move``, ``SplitService.accept_split``); positions
        are written in one go after the existing stops, or each at its
        cheapest place.
        """
        self._check_zones(row, ids)
        current = self._stops(row["id"])
        refs = territory_store.customer_refs(self.db, ids)
        new_rows = [
            {"id": moving.get(c) or str(ULID()), "customer_id": c, "position": None, "pin": None,
             "latitude": refs[c]["latitude"], "longitude": refs[c]["longitude"]}
            for c in ids
        ]
        order = self._inserted(row, current, new_rows) if cheapest else [*current, *new_rows]
        keys = route_positions.reposition([(r["id"], r["position"]) for r in order])
        with write_transaction(self.db):
            for new in new_rows:
                placed = {"route_id": row["id"], "territory": row["territory"], "position": keys[new["id"]], "pin": None}
                if new["customer_id"] in moving:
                    territory_store.update_row(self.db, "route_stops", new["id"], placed)
                else:
                    created = {"id": new["id"], "deleted": 0, "customer_id": new["customer_id"], **placed}
                    territory_store.insert_row(self.db, "route_stops", created)
            for stop in current:
                if stop["id"] in keys:
                    territory_store.update_row(self.db, "route_stops", stop["id"], {"position": keys[stop["id"]]})
            if row["kind"] == RouteKind.VISITING.value:
                for customer_id in ids:
                    self._set_card_route(customer_id, row["name"])
        return [new["id"] for new in new_rows]

    def _inserted(
        self, row: dict[str, Any], current: list[dict[str, Any]], new_rows: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        """``current`` with each new stop where it adds fewest metres, one after another, others left in order."""
        depot = self._depot(row)
        order = list(current)
        for new in new_rows:
            stop = routing_stops([new])[0]
            plan = cheapest_insertion(depot, routing_stops(order), stop)
            if not stop.located:
                order.append(new)
                continue
            at = plan.visiting.index(new["id"])
            before = plan.visiting[at - 1] if at > 0 else None
            index = 0 if before is None else next(i for i, r in enumerate(order) if r["id"] == before) + 1
            order.insert(index, new)
        return order

    def _set_card_route(self, customer_id: str, name: str | None, expected: str | None = None) -> None:
        """Keep the card's route text on the customer's visiting route; with ``expected``, only if it still says that."""
        ref = territory_store.customer_refs(self.db, [customer_id]).get(customer_id)
        if ref is None or ref["route"] == name or (expected is not None and ref["route"] != expected):
            return
        territory_store.set_card_fields(self.db, customer_id, {"route": name})

    # -- order -----------------------------------------------------------------

    def _depot(self, row: dict[str, Any]) -> LatLon:
        depot = row_depot(row)
        if depot is None:
            raise FieldError("depot", MSG_NO_DEPOT, route=row["name"])
        return depot

    def optimise(self, id_or_name: str) -> OptimiseResult:
        """Reorder the route for the shortest depot-to-depot tour that keeps the pins.

        Customers without coordinates end the route, in their current order,
        and are listed in the result. Only the stops whose key changes are written.
        """
        row = self._row(id_or_name)
        rows = self._stops(row["id"])
        result = self._optimised(row, rows)
        by_id = {r["id"]: r for r in rows}
        self._write_order([by_id[stop_id] for stop_id in result.order])
        return result

    def propose_order(self, id_or_name: str) -> OptimiseResult:
        """What ``optimise`` would do, without writing it.

        The Routes page solves on a worker's read-only connection, so the
        window stays live and Cancel leaves nothing half done, then writes
        ``order`` with ``set_order`` on the one writer (undo passes back
        ``previous_order``).
        """
        row = self._row(id_or_name)
        return self._optimised(row, self._stops(row["id"]))

    def _optimised(self, row: dict[str, Any], rows: list[dict[str, Any]]) -> OptimiseResult:
        depot = self._depot(row)
        before = measure_legs(depot, rows)[2]
        plan = optimize(depot, routing_stops(rows), time_limit_s=OPTIMISE_SECONDS)
        by_id = {r["id"]: r for r in rows}
        return OptimiseResult(
            row["id"], row["name"], before, plan.total_m, tuple(by_id), plan.order,
            tuple(by_id[stop_id]["customer_id"] for stop_id in plan.unlocated),
        )

    def set_order(self, id_or_name: str, stop_ids: Sequence[str]) -> tuple[str, ...]:
        """Put the route's shown stops in this order (drag and drop, undo); returns the order it had."""
        row = self._row(id_or_name)
        rows = self._stops(row["id"])
        by_id = {r["id"]: r for r in rows}
        if len(stop_ids) != len(rows) or set(stop_ids) != set(by_id):
            raise FieldError("order", MSG_ORDER, count=len(rows))
        self._write_order([by_id[stop_id] for stop_id in stop_ids])
        return tuple(by_id)

    def _write_order(self, ordered: list[dict[str, Any]]) -> None:
        """Give new keys to the stops whose key does not fit ``ordered``, in one transaction."""
        keys = route_positions.reposition([(r["id"], r["position"]) for r in ordered])
        with write_transaction(self.db):
            for stop_id, key in keys.items():
                territory_store.update_row(self.db, "route_stops", stop_id, {"position": key})
