"""Stored asset rows turned into what the GUI shows and the CLI prints as JSON.

Plain dicts of JSON types only: money in yuan, dates ISO, places spelled out
with the customer's code and name, photos with their local path or None when
the file has not been received yet. One shaping for every caller, so the
GUI's table and ``asset show --json`` never disagree.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Iterable

from fieldcrm.domain.asset_fields import EventKind, FlagReason
from fieldcrm.domain.asset_rules import Place
from fieldcrm.domain.validation import money_to_json
from fieldcrm.storage import attachments
from fieldcrm.sync.clock import to_datetime
from fieldcrm.workspace import Workspace

Customers = dict[str, dict[str, Any]]

_EVENT_EXTRAS = (
    "agreement", "clean", "display_ok", "share_percent", "temperature", "condition", "reason", "notes",
)
_REFUNDING = (EventKind.MOVE.value, EventKind.RETRIEVE.value)


def customer_ids(codes: Iterable[str | None]) -> set[str]:
    """The customers named by a set of location codes, to fetch their names in one query."""
    ids = set()
    for code in codes:
        place = Place.parse(code)
        if place is not None and place.is_customer:
            ids.add(place.ref)
    return ids


def place_json(code: str | None, customers: Customers) -> dict[str, Any] | None:
    place = Place.parse(code)
    if place is None:
        return None
    if not place.is_customer:
        return {"kind": place.kind, "name": place.ref}
    known = customers.get(place.ref, {})
    return {
        "kind": place.kind,
        "customer_id": place.ref,
        "code": known.get("code"),
        "name": known.get("name"),
        "territory": known.get("territory"),
    }


def photos_json(workspace: Workspace, stored: str | None) -> list[dict[str, Any]]:
    hashes: list[str] = json.loads(stored) if stored else []
    result = []
    for sha256 in hashes:
        path = attachments.path_for(workspace, sha256)
        result.append({"sha256": sha256, "path": str(path) if path else None})
    return result


def event_json(row: dict[str, Any], customers: Customers, workspace: Workspace, tag: str | None = None) -> dict[str, Any]:
    """One history entry; kind-specific values appear only when the event has them."""
    result: dict[str, Any] = {
        "id": row["id"],
        "asset_id": row["asset_id"],
        "tag": tag,
        "kind": row["kind"],
        "date": row["on_date"],
        "recorded_at": to_datetime(row["hlc"]).isoformat(timespec="seconds") if row["hlc"] else None,
        "user": row["by_user"],
        "from": place_json(row["from_location"], customers),
        "to": place_json(row["to_location"], customers),
        "status": row["status"],
    }
    for name in _EVENT_EXTRAS:
        if row[name] is not None:
            result[name] = row[name]
    if row["deposit"] is not None:
        result["deposit"] = money_to_json(row["deposit"])
    if row["kind"] in _REFUNDING:
        result["refund"] = money_to_json(row["refund"] or 0)
        result["refund_to"] = result["from"]
    if row["photos"]:
        result["photos"] = photos_json(workspace, row["photos"])
    return result


def due_json(checked_on: str | None, status: str | None, interval_days: int, today: date) -> dict[str, Any]:
    due_on = None
    if status == "deployed" and checked_on:
        due_on = date.fromordinal(date.fromisoformat(checked_on).toordinal() + interval_days).isoformat()
    return {"last_checked_on": checked_on, "due_on": due_on, "overdue": bool(due_on and due_on < today.isoformat())}


def list_row_json(row: dict[str, Any], today: date) -> dict[str, Any]:
    """A row of the asset table: flat columns, place split into customer and warehouse."""
    place = Place.parse(row["location"])
    at_customer = place is not None and place.is_customer
    return {
        "id": row["id"],
        "tag": row["tag"],
        "serial_number": row["serial_number"],
        "type": row["type"],
        "brand": row["brand"],
        "model": row["model"],
        "capacity_litres": row["capacity_litres"],
        "status": row["status"],
        "location_kind": place.kind if place else None,
        "customer_id": place.ref if place and at_customer else None,
        "customer_code": row["customer_code"],
        "customer_name": row["customer_name"],
        "territory": row["territory"],
        "warehouse": place.ref if place and not at_customer else None,
        "last_checked_on": row["checked_on"],
        "due_on": row["due_on"],
        "overdue": bool(row["due_on"] and row["due_on"] < today.isoformat()),
    }


def flag_reasons(report: dict[str, Any], low_share: int) -> list[str]:
    """Why this inspection needs a supervisor's attention (empty when it does not)."""
    reasons = []
    if report.get("condition") == "faulty":
        reasons.append(FlagReason.FAULTY.value)
    if report.get("clean") == "no":
        reasons.append(FlagReason.UNCLEAN.value)
    if report.get("display_ok") == "no":
        reasons.append(FlagReason.DISPLAY.value)
    share = report.get("share_percent")
    if share is not None and share < low_share:
        reasons.append(FlagReason.LOW_SHARE.value)
    return reasons


def flag_json(row: dict[str, Any], low_share: int) -> dict[str, Any]:
    place = Place.parse(row["location"])
    return {
        "id": row["id"],
        "tag": row["tag"],
        "type": row["type"],
        "brand": row["brand"],
        "model": row["model"],
        "customer_id": place.ref if place else None,
        "customer_code": row["customer_code"],
        "customer_name": row["customer_name"],
        "territory": row["territory"],
        "inspection_id": row["event_id"],
        "inspected_on": row["on_date"],
        "inspected_by": row["by_user"],
        "clean": row["clean"],
        "display_ok": row["display_ok"],
        "share_percent": row["share_percent"],
        "temperature": row["temperature"],
        "condition": row["condition"],
        "notes": row["notes"],
        "reasons": flag_reasons(row, low_share),
    }


def current_flags(asset: dict[str, Any], history: list[dict[str, Any]], low_share: int) -> list[str]:
    """The rule of ``storage.assets.flagged`` for one unit whose history (newest first) is loaded.

    Only a deployed unit is flagged, on its latest condition report, and only if
    that report is an inspection made where the unit is now (a repair done clears it).
    """
    if asset["status"] != "deployed":
        return []
    for event in history:
        if event["kind"] == EventKind.REPAIR_DONE.value:
            return []
        if event["kind"] == EventKind.INSPECT.value:
            return flag_reasons(event, low_share) if event["to_location"] == asset["location"] else []
    return []
