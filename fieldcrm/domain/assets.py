"""Freezers, coolers, racks and signage placed in shops (冰柜管理): the service the GUI and CLI call.

Each write is one ``BEGIN IMMEDIATE`` transaction that re-reads the unit, applies
the lifecycle rules of ``asset_rules`` to what is stored *now*, appends one
event (stamped with who, the day and the hybrid-logical-clock time) and sets
the unit's ``status``/``location`` fields; capture triggers record it all for
sync in the same transaction. Anything refused raises before the first write,
so nothing is written, photos included (``BlobBatch`` removes the files it
copied when the transaction does not commit).

Results are plain JSON-able dicts (money in yuan) so ``asset … --json`` prints
them as they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ulid import ULID

from fieldcrm.domain import asset_rules as rules
from fieldcrm.domain import asset_settings, asset_views as views
from fieldcrm.domain.asset_fields import (
    ASSET_FIELDS, INSPECTION_FIELDS, NOTES, PLACEMENT_FIELDS, REPAIR_FIELDS, RETRIEVE_FIELDS,
    VISIT_INSPECTION_FIELDS, WAREHOUSE, WRITE_OFF_FIELDS, AssetStatus, AssetType, EventKind, WriteOffReason, normalise_tag, parse_form,
)
from fieldcrm.domain.asset_review import reconcile_check
from fieldcrm.domain.asset_rules import AssetState, Place, Transition
from fieldcrm.domain.asset_settings import AssetSettings
from fieldcrm.domain.customer_fields import FieldSpec, Kind, Section
from fieldcrm.domain.validation import money_to_json, parse_value
from fieldcrm.errors import FieldError, NotFound, PermissionDenied
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import asset_visits as visit_store
from fieldcrm.storage import assets as store
from fieldcrm.storage import attachments
from fieldcrm.storage import customers as customer_store
from fieldcrm.storage.assets import AssetQuery
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import clock
from fieldcrm.workspace import Workspace

MAX_PHOTOS = 12

MSG_NO_TAG = _N("Errors", "tag: no asset with tag '{tag}'")
MSG_AMBIGUOUS_TAG = _N("Errors", "tag: {count} units carry tag {tag}; open one by its id from the review list")
MSG_DUPLICATE_TAG = _N("Errors", "{field}: {value} is already the tag of another unit")
MSG_NO_CUSTOMER = _N("Errors", "customer: no customer with id or code '{id}'")
MSG_TOO_MANY_PHOTOS = _N("Errors", "{field}: at most {limit} photos per inspection")
MSG_INSPECTED_AT_VISIT = _N("Errors", "{field}: {tag} is already inspected at this visit")
MSG_ONE_PLACE = _N("Errors", "{field}: give either a customer or a warehouse")
MSG_BAD_PAGE = _N("Errors", "{field}: must be at least 0")
MSG_SUPERVISOR_ADD = _N("Errors", "tag: only a supervisor or administrator may register units")
MSG_SUPERVISOR_WRITE_OFF = _N("Errors", "reason: only a supervisor or administrator may write units off")
MSG_SUPERVISOR_CORRECT = _N("Errors", "location: only a supervisor or administrator may correct a location")
MSG_SUPERVISOR_SETTINGS = _N("Errors", "settings: only a supervisor or administrator may change asset settings")

_STATUS_FILTER = FieldSpec("status", Kind.CHOICE, Section.BASIC, "", choices=AssetStatus)
_TYPE_FILTER = FieldSpec("type", Kind.CHOICE, Section.BASIC, "", choices=AssetType)

Rows = list[dict[str, Any]]  # spelled once here: inside the class, ``list`` is the method


@dataclass(frozen=True)
class _Unit:
    """A unit as stored when a write starts, with what the rules need to know."""

    id: str
    row: dict[str, Any]
    state: AssetState


class AssetService:
    """One call per user action on units; ``today`` is injectable so due dates can be tested."""

    def __init__(self, workspace: Workspace, *, today: Callable[[], date] = date.today) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.today = today

    # --- lookups -----------------------------------------------------------------

    def resolve(self, tag_or_id: str) -> str:
        """The id of the unit with this tag (or id); NotFound or an error naming the tag otherwise."""
        tag = normalise_tag(tag_or_id)
        ids = store.find_ids(self.db, tag)
        if not ids:
            raise NotFound(MSG_NO_TAG, tag=tag)
        if len(ids) > 1:
            raise FieldError("tag", MSG_AMBIGUOUS_TAG, count=len(ids), tag=tag)
        return ids[0]

    def _customer(self, id_or_code: str, *, retired_ok: bool = False) -> Place:
        """A customer by id or code; a retired one only where the unit may still be there."""
        found = customer_store.find_id(self.db, str(id_or_code).strip())
        known = store.customers_by_id(self.db, [found]).get(found) if found else None
        if found is None or known is None or (known["deleted"] and not retired_ok):
            raise NotFound(MSG_NO_CUSTOMER, id=id_or_code)
        return Place.customer(found, known["code"] or found)

    def _load(self, tag_or_id: str) -> _Unit:
        asset_id = self.resolve(tag_or_id)
        row = store.get(self.db, asset_id)
        assert row is not None
        place = Place.parse(row["location"])
        if place is not None and place.is_customer:
            known = store.customers_by_id(self.db, [place.ref]).get(place.ref, {})
            place = Place.customer(place.ref, known.get("code") or place.ref)
        state = AssetState(row["tag"], AssetStatus(row["status"]), place, store.last_event_date(self.db, asset_id))
        return _Unit(asset_id, row, state)

    def settings(self) -> dict[str, Any]:
        return asset_settings.load(self.db).as_json()

    def _settings(self) -> AssetSettings:
        return asset_settings.load(self.db)

    # --- writes --------------------------------------------------------------------

    def _require_supervisor(self, template: str) -> None:
        if not self.workspace.require_identity().is_supervisor:
            raise PermissionDenied(template)

    def configure(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Change the inspection interval, the low-share threshold or the default warehouse."""
        self._require_supervisor(MSG_SUPERVISOR_SETTINGS)
        with write_transaction(self.db):
            return asset_settings.save(self.db, raw).as_json()

    def add(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Register a unit, received into a warehouse (the default one unless ``warehouse`` is given)."""
        self._require_supervisor(MSG_SUPERVISOR_ADD)
        values = parse_form(ASSET_FIELDS, raw, creating=True)
        warehouse = values.pop("warehouse", None) or self._settings().default_warehouse
        received = values.pop("date", None) or self.today().isoformat()
        identity = self.workspace.require_identity()
        asset_id = str(ULID())
        place = Place.warehouse(warehouse)
        rules.check_date(AssetState(values["tag"], AssetStatus.IN_STOCK, None), received, self.today())
        with write_transaction(self.db):
            if store.tag_in_use(self.db, values["tag"]):
                raise FieldError("tag", MSG_DUPLICATE_TAG, value=values["tag"])
            row = {"id": asset_id, "deleted": 0, **values, "status": AssetStatus.IN_STOCK.value, "location": place.code}
            store.insert_asset(self.db, row)
            store.insert_event(self.db, {
                "id": str(ULID()), "deleted": 0, "asset_id": asset_id, "kind": EventKind.ADD.value,
                "on_date": received, "hlc": clock.tick(self.db), "by_user": identity.user_name,
                "site": identity.site_id, "to_location": place.code, "status": AssetStatus.IN_STOCK.value,
            })
        return self.show(asset_id)

    def _record(
        self, unit: _Unit, kind: EventKind, transition: Transition, on_date: str | None, **fields: Any
    ) -> dict[str, Any]:
        """Append the event and move the unit (inside the caller's transaction); returns the event row."""
        identity = self.workspace.require_identity()
        day = on_date or self.today().isoformat()
        rules.check_date(unit.state, day, self.today())
        to_location = transition.place.code if transition.place else None
        event = {
            "id": str(ULID()), "deleted": 0, "asset_id": unit.id, "kind": kind.value, "on_date": day,
            "hlc": clock.tick(self.db), "by_user": identity.user_name, "site": identity.site_id,
            "from_location": unit.row["location"], "to_location": to_location,
            "status": transition.status.value, **{k: v for k, v in fields.items() if v is not None},
        }
        store.insert_event(self.db, event)
        changed = {
            k: v for k, v in (("status", transition.status.value), ("location", to_location)) if unit.row[k] != v
        }
        store.update_asset(self.db, unit.id, changed)
        return event

    def _result(self, event: dict[str, Any], tag: str) -> dict[str, Any]:
        customers = store.customers_by_id(
            self.db, views.customer_ids((event.get("from_location"), event.get("to_location")))
        )
        full = {column: event.get(column) for column in store.EVENT_COLUMNS}
        return views.event_json(full, customers, self.workspace, tag)

    def _held_deposit(self, unit: _Unit) -> int | None:
        """The deposit taken when the unit was placed where it is, which is due back when it leaves."""
        placed = store.placement(self.db, unit.id, unit.row["location"])
        return placed["deposit"] if placed else None

    def deploy(
        self, tag: str, customer_id: str, agreement: str | None = None,
        deposit: str | float | None = None, date: str | None = None,
    ) -> dict[str, Any]:
        """Place a unit from stock at a customer, with the agreement signed and the deposit taken."""
        values = parse_form(PLACEMENT_FIELDS, {"agreement": agreement, "deposit": deposit, "date": date})
        with write_transaction(self.db):
            unit = self._load(tag)
            transition = rules.deploy(unit.state, self._customer(customer_id))
            event = self._record(
                unit, EventKind.DEPLOY, transition, values["date"],
                agreement=values["agreement"], deposit=values["deposit"],
            )
        return self._result(event, unit.state.tag)

    def move(
        self, tag: str, customer_id: str, agreement: str | None = None,
        deposit: str | float | None = None, date: str | None = None,
    ) -> dict[str, Any]:
        """Straight to another shop; the old shop's deposit is due back (``refund``), the new one's taken."""
        values = parse_form(PLACEMENT_FIELDS, {"agreement": agreement, "deposit": deposit, "date": date})
        with write_transaction(self.db):
            unit = self._load(tag)
            transition = rules.move(unit.state, self._customer(customer_id))
            event = self._record(
                unit, EventKind.MOVE, transition, values["date"], agreement=values["agreement"],
                deposit=values["deposit"], refund=self._held_deposit(unit),
            )
        return self._result(event, unit.state.tag)

    def retrieve(
        self, tag: str, warehouse: str | None = None, customer_id: str | None = None, date: str | None = None
    ) -> dict[str, Any]:
        """Bring a unit back to a warehouse; the result's ``refund`` is the deposit to pay back.

        With ``customer_id`` (retrieving from a customer's page) the unit must be at that customer.
        """
        values = parse_form(RETRIEVE_FIELDS, {"warehouse": warehouse, "date": date})
        with write_transaction(self.db):
            unit = self._load(tag)
            source = self._customer(customer_id, retired_ok=True) if customer_id is not None else None
            target = Place.warehouse(values["warehouse"] or self._settings().default_warehouse)
            transition = rules.retrieve(unit.state, target, source)
            event = self._record(unit, EventKind.RETRIEVE, transition, values["date"], refund=self._held_deposit(unit))
        return self._result(event, unit.state.tag)

    def inspect(self, tag: str, raw: Mapping[str, Any], photos: Sequence[str | Path] = ()) -> dict[str, Any]:
        """Record a check of the unit in its shop, with photos stored by content in the workspace."""
        values = parse_form(INSPECTION_FIELDS, raw, creating=True)
        _check_photos(photos)
        on_date = values.pop("date", None)
        with attachments.BlobBatch(self.workspace) as batch, write_transaction(self.db):
            unit = self._load(tag)
            event = self._inspect(unit, rules.inspect(unit.state), on_date, values, photos, batch)
        return self._result(event, unit.state.tag)

    def inspect_at_visit(
        self, asset_id: str, raw: Mapping[str, Any], photos: Sequence[str | Path], *,
        visit_id: str, customer_id: str, on_date: str, batch: attachments.BlobBatch,
    ) -> dict[str, Any]:
        """One row of the visit form's Assets section, written inside the visit's own transaction.

        The inspection takes the visit's date and names the visit; the unit must
        be at the visit's customer and not inspected at this visit already.
        ``batch`` is the visit entry's, so its photos go if the visit does not commit.
        """
        values = parse_form(VISIT_INSPECTION_FIELDS, raw, creating=True)
        _check_photos(photos)
        with write_transaction(self.db):
            unit = self._load(asset_id)
            transition = rules.inspect(unit.state, self._customer(customer_id, retired_ok=True))
            if visit_store.inspected_at(self.db, visit_id, unit.id):
                raise FieldError("tag", MSG_INSPECTED_AT_VISIT, tag=unit.state.tag)
            event = self._inspect(unit, transition, on_date, values, photos, batch, visit_id=visit_id)
        return {**self._result(event, unit.state.tag), "visit_id": visit_id}

    def _inspect(
        self, unit: _Unit, transition: Transition, on_date: str | None, values: dict[str, Any],
        photos: Sequence[str | Path], batch: attachments.BlobBatch, **extra: Any,
    ) -> dict[str, Any]:
        """Copy the photos in and append the inspection (inside the caller's transaction)."""
        # The date is checked again by _record; checking it first avoids copying photos for nothing.
        rules.check_date(unit.state, on_date or self.today().isoformat(), self.today())
        hashes = [batch.add(photo) for photo in photos]
        return self._record(
            unit, EventKind.INSPECT, transition, on_date, photos=json.dumps(hashes) if hashes else None,
            **values, **extra,
        )

    def repair_request(self, tag: str, notes: str | None = None, date: str | None = None) -> dict[str, Any]:
        values = parse_form(REPAIR_FIELDS, {"notes": notes, "date": date})
        with write_transaction(self.db):
            unit = self._load(tag)
            event = self._record(
                unit, EventKind.REPAIR_REQUEST, rules.repair_request(unit.state), values["date"], notes=values["notes"]
            )
        return self._result(event, unit.state.tag)

    def repair_done(self, tag: str, notes: str | None = None, date: str | None = None) -> dict[str, Any]:
        values = parse_form(REPAIR_FIELDS, {"notes": notes, "date": date})
        with write_transaction(self.db):
            unit = self._load(tag)
            event = self._record(
                unit, EventKind.REPAIR_DONE, rules.repair_done(unit.state), values["date"], notes=values["notes"]
            )
        return self._result(event, unit.state.tag)

    def write_off(self, tag: str, reason: str, notes: str | None = None, date: str | None = None) -> dict[str, Any]:
        """Lost or damaged beyond repair (supervisor); the unit keeps its last known place."""
        self._require_supervisor(MSG_SUPERVISOR_WRITE_OFF)
        values = parse_form(WRITE_OFF_FIELDS, {"reason": reason, "notes": notes, "date": date})
        with write_transaction(self.db):
            unit = self._load(tag)
            transition = rules.write_off(unit.state, WriteOffReason(values["reason"]))
            event = self._record(
                unit, EventKind.WRITE_OFF, transition, values["date"], reason=values["reason"], notes=values["notes"]
            )
        return self._result(event, unit.state.tag)

    def correct(
        self, tag: str, customer_id: str | None = None, warehouse: str | None = None, notes: str | None = None
    ) -> dict[str, Any]:
        """Settle a unit from the review list: it really is at this customer or warehouse."""
        self._require_supervisor(MSG_SUPERVISOR_CORRECT)
        if (customer_id is None) == (warehouse is None):
            raise FieldError("location", MSG_ONE_PLACE)
        values = parse_form((WAREHOUSE, NOTES), {"warehouse": warehouse, "notes": notes})
        with write_transaction(self.db):
            unit = self._load(tag)
            place = self._customer(customer_id) if customer_id is not None else None
            if place is None:
                place = Place.warehouse(values["warehouse"] or self._settings().default_warehouse)
            event = self._record(unit, EventKind.CORRECT, rules.correct(unit.state, place), None, notes=values["notes"])
        return self._result(event, unit.state.tag)

    # --- reads -----------------------------------------------------------------------

    def _query(
        self, status: str | None, type: str | None, customer: str | None, territory: str | None,
        overdue: bool, search: str | None, by_due_date: bool = False,
    ) -> AssetQuery:
        cutoff = None
        if overdue:
            interval = self._settings().inspection_interval_days
            cutoff = date.fromordinal(self.today().toordinal() - interval).isoformat()
        return AssetQuery(
            status=parse_value(_STATUS_FILTER, status),
            type=parse_value(_TYPE_FILTER, type),
            location=self._customer(customer, retired_ok=True).code if customer else None,
            territory=(territory or "").strip() or None,
            overdue_before=cutoff,
            search=search or "",
            by_due_date=by_due_date,
        )

    def list(
        self, status: str | None = None, type: str | None = None, customer: str | None = None,
        territory: str | None = None, overdue: bool = False, search: str | None = None,
        offset: int = 0, limit: int = 100,
    ) -> Rows:
        """One page of the asset table, ordered by tag; filters combine with AND."""
        for name, number in (("offset", offset), ("limit", limit)):
            if number < 0:
                raise FieldError(name, MSG_BAD_PAGE)
        query = self._query(status, type, customer, territory, overdue, search)
        return self._rows(query, offset, limit)

    def _rows(self, query: AssetQuery, offset: int, limit: int) -> Rows:
        interval = self._settings().inspection_interval_days
        today = self.today()
        return [views.list_row_json(r, today) for r in store.page(self.db, query, interval, offset, limit)]

    def count(
        self, status: str | None = None, type: str | None = None, customer: str | None = None,
        territory: str | None = None, overdue: bool = False, search: str | None = None,
    ) -> int:
        return store.count(self.db, self._query(status, type, customer, territory, overdue, search))

    def overdue(self, territory: str | None = None) -> Rows:
        """Deployed units not checked within the interval, longest overdue first."""
        return self._rows(self._query(None, None, None, territory, True, None, by_due_date=True), 0, -1)

    def for_customer(self, customer_id: str) -> Rows:
        """The units at one customer, each with its agreement and the deposit held."""
        place = self._customer(customer_id, retired_ok=True)
        rows = self._rows(AssetQuery(location=place.code), 0, -1)
        for row in rows:
            placed = store.placement(self.db, row["id"], place.code)
            row["agreement"] = placed["agreement"] if placed else None
            row["deposit_held"] = money_to_json((placed["deposit"] if placed else None) or 0)
            row["placed_on"] = placed["on_date"] if placed else None
        return rows

    def flags(self, territory: str | None = None) -> Rows:
        """Deployed units whose latest inspection found them faulty, unclean, badly displayed or low on share."""
        low = self._settings().low_share_percent
        return [views.flag_json(r, low) for r in store.flagged(self.db, low, (territory or "").strip() or None)]

    def show(self, tag_or_id: str) -> dict[str, Any]:
        """The unit, where it is, the deposit held, when it is due, its flags and its history newest first."""
        asset_id = self.resolve(tag_or_id)
        row = store.get(self.db, asset_id)
        assert row is not None
        history = store.history(self.db, asset_id)
        placed = store.placement(self.db, asset_id, row["location"])
        codes = [row["location"], *(e["from_location"] for e in history), *(e["to_location"] for e in history)]
        customers = store.customers_by_id(self.db, views.customer_ids(codes))
        settings = self._settings()
        result: dict[str, Any] = {
            k: row[k] for k in store.ASSET_COLUMNS if k not in ("deleted", "location", "purchase_cost")
        }
        result["purchase_cost"] = money_to_json(row["purchase_cost"])
        result["location"] = views.place_json(row["location"], customers)
        result["placement"] = None if placed is None else {
            "event_id": placed["id"], "since": placed["on_date"], "agreement": placed["agreement"],
            "deposit_held": money_to_json(placed["deposit"] or 0),
        }
        result.update(views.due_json(row["checked_on"], row["status"], settings.inspection_interval_days, self.today()))
        result["flags"] = views.current_flags(row, history, settings.low_share_percent)
        result["history"] = [views.event_json(e, customers, self.workspace, row["tag"]) for e in history]
        return result

    def review(self) -> Rows:
        """Units whose history disagrees with their current record (see ``asset_review``)."""
        return reconcile_check(self.db)


def _check_photos(photos: Sequence[str | Path]) -> None:
    """Refuse too many photos or a file that is not an image, before anything is copied or written."""
    if len(photos) > MAX_PHOTOS:
        raise FieldError("photos", MSG_TOO_MANY_PHOTOS, limit=MAX_PHOTOS)
    for photo in photos:
        attachments.check_image(photo)
