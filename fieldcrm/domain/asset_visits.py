"""The units a visit can inspect: one row per unit at the shop, for the visit form's Assets section.

An inspection made at a visit is an ordinary inspect event that also names
the visit (``asset_events.visit_id``), so the unit's history, its due date
and the supervisors' flags treat it like any other. It is written by
``AssetService.inspect_at_visit`` inside the visit entry's transaction; this
module says what the section shows: each unit at the customer now with its
last check and whether it is due, and what was recorded at the visit being
opened (including units moved away since, so an old visit still shows them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldcrm.domain import asset_views as views
from fieldcrm.domain.assets import AssetService
from fieldcrm.storage import asset_visits as visit_store
from fieldcrm.storage import assets as store


@dataclass(frozen=True)
class VisitAsset:
    """A unit as the visit form lists it; ``inspection`` is what this visit recorded, as its history shows it."""

    asset_id: str
    tag: str
    type: str
    last_checked_on: str | None
    due_on: str | None
    overdue: bool
    inspection: dict[str, Any] | None = None

    @property
    def inspected(self) -> bool:
        return self.inspection is not None


def units_at_visit(assets: AssetService, customer_id: str, visit_id: str | None) -> list[VisitAsset]:
    """The customer's units by tag, then any unit inspected at ``visit_id`` that has left the shop since."""
    db = assets.db
    recorded = {e["asset_id"]: e for e in visit_store.inspections_of_visit(db, visit_id)} if visit_id else {}
    customers = store.customers_by_id(db, views.customer_ids(e["to_location"] for e in recorded.values()))
    units = []
    for row in assets.for_customer(customer_id):
        event = recorded.pop(row["id"], None)
        units.append(VisitAsset(
            row["id"], row["tag"], row["type"], row["last_checked_on"], row["due_on"], row["overdue"],
            _shown(assets, event, customers, row["tag"]),
        ))
    interval = assets.settings()["inspection_interval_days"]
    for asset_id, event in recorded.items():
        gone = store.get(db, asset_id)
        if gone is None:  # the unit itself has not arrived on this laptop
            continue
        due = views.due_json(gone["checked_on"], gone["status"], interval, assets.today())
        units.append(VisitAsset(
            asset_id, gone["tag"], gone["type"], due["last_checked_on"], due["due_on"], due["overdue"],
            _shown(assets, event, customers, gone["tag"]),
        ))
    return units


def _shown(
    assets: AssetService, event: dict[str, Any] | None, customers: views.Customers, tag: str
) -> dict[str, Any] | None:
    return None if event is None else views.event_json(event, customers, assets.workspace, tag)
