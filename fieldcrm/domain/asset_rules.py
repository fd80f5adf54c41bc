"""The asset lifecycle as pure functions: where a unit may go from where it is.

Kept apart from storage so every allowed and refused transition can be tested
without a database, and so the service, the demo generator and a future import
all apply the same rules. A refusal is a FieldError naming what the user gave
(``tag``, ``customer``, ``date``) and saying what to do instead.

Where a unit is lives in ONE value, ``Place.code`` ("customer:<id>" or
"warehouse:<name>"), stored in one column. Under field-level last-writer-wins
sync, two offline deploys of one unit are then two concurrent writes of the
same field, which the merge keeps as a conflict for review; two separate
columns (customer and warehouse) could merge into a unit that is in two places.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fieldcrm.domain.asset_fields import AssetStatus, WriteOffReason
from fieldcrm.errors import FieldError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N

CUSTOMER = "customer"
WAREHOUSE = "warehouse"

MSG_NOT_IN_STOCK = _N("Errors", "{field}: {tag} is {status}; only a unit in stock can be deployed")
MSG_NOT_DEPLOYED = _N("Errors", "{field}: {tag} is {status}; only a deployed unit can be moved")
MSG_NOT_AT_A_CUSTOMER = _N("Errors", "{field}: {tag} is not at a customer (it is {status} at {place})")
MSG_NOT_AT_THIS_CUSTOMER = _N("Errors", "{field}: {tag} is not at customer {customer} (it is at {place})")
MSG_ALREADY_THERE = _N("Errors", "{field}: {tag} is already at {place}")
MSG_ALREADY_IN_REPAIR = _N("Errors", "{field}: {tag} is already in repair")
MSG_NOT_IN_REPAIR = _N("Errors", "{field}: {tag} is {status}, not in repair")
MSG_WRITTEN_OFF = _N("Errors", "{field}: {tag} is written off ({status}); nothing more can happen to it")
MSG_IN_REPAIR_NO_MOVE = _N("Errors", "{field}: {tag} is in repair; record the repair as done first")
MSG_DATE_FUTURE = _N("Errors", "{field}: {value} is in the future")
MSG_DATE_BEFORE = _N("Errors", "{field}: {value} is before the unit's last event ({last})")

WRITTEN_OFF = frozenset({AssetStatus.RETIRED, AssetStatus.LOST})


@dataclass(frozen=True)
class Place:
    """A customer (by id) or a warehouse (by name); ``label`` is only for messages."""

    kind: str
    ref: str
    label: str = field(default="", compare=False)

    @classmethod
    def customer(cls, customer_id: str, label: str = "") -> "Place":
        return cls(CUSTOMER, customer_id, label)

    @classmethod
    def warehouse(cls, name: str) -> "Place":
        return cls(WAREHOUSE, name, name)

    @classmethod
    def parse(cls, code: str | None) -> "Place | None":
        if not code or ":" not in code:
            return None
        kind, ref = code.split(":", 1)
        return cls(kind, ref) if kind in (CUSTOMER, WAREHOUSE) else None

    @property
    def code(self) -> str:
        return f"{self.kind}:{self.ref}"

    @property
    def shown(self) -> str:
        return self.label or self.ref

    @property
    def is_customer(self) -> bool:
        return self.kind == CUSTOMER


@dataclass(frozen=True)
class AssetState:
    """What the rules need to know about a unit: as stored, plus its latest event date."""

    tag: str
    status: AssetStatus
    place: Place | None
    last_date: str | None = None


@dataclass(frozen=True)
class Transition:
    """Where the unit is and what status it has after an event."""

    status: AssetStatus
    place: Place | None


def _refuse(template: str, state: AssetState, field_name: str = "tag", **args: object) -> FieldError:
    place = state.place.shown if state.place else "?"
    return FieldError(field_name, template, tag=state.tag, status=state.status.value, place=place, **args)


def _not_written_off(state: AssetState) -> None:
    if state.status in WRITTEN_OFF:
        raise _refuse(MSG_WRITTEN_OFF, state)


def check_date(state: AssetState, on_date: str, today: date) -> None:
    """An event may be backdated (paper forms) but not into the future or before the last event."""
    if on_date > today.isoformat():
        raise FieldError("date", MSG_DATE_FUTURE, value=on_date)
    if state.last_date and on_date < state.last_date:
        raise FieldError("date", MSG_DATE_BEFORE, value=on_date, last=state.last_date)


def deploy(state: AssetState, customer: Place) -> Transition:
    """Only a unit in stock goes out: a deployed or in-repair unit must come back first."""
    _not_written_off(state)
    if state.status is not AssetStatus.IN_STOCK:
        raise _refuse(MSG_NOT_IN_STOCK, state)
    return Transition(AssetStatus.DEPLOYED, customer)


def move(state: AssetState, customer: Place) -> Transition:
    """Straight from one shop to another, without passing through the warehouse."""
    _not_written_off(state)
    if state.status is AssetStatus.IN_REPAIR:
        raise _refuse(MSG_IN_REPAIR_NO_MOVE, state)
    if state.status is not AssetStatus.DEPLOYED:
        raise _refuse(MSG_NOT_DEPLOYED, state)
    if state.place == customer:
        raise _refuse(MSG_ALREADY_THERE, state, "customer")
    return Transition(AssetStatus.DEPLOYED, customer)


def retrieve(state: AssetState, warehouse: Place, from_customer: Place | None = None) -> Transition:
    """Back to a warehouse, only from the customer that has it; a unit in repair stays in repair."""
    _not_written_off(state)
    if state.place is None or not state.place.is_customer:
        raise _refuse(MSG_NOT_AT_A_CUSTOMER, state)
    if from_customer is not None and from_customer != state.place:
        raise _refuse(MSG_NOT_AT_THIS_CUSTOMER, state, "customer", customer=from_customer.shown)
    status = AssetStatus.IN_REPAIR if state.status is AssetStatus.IN_REPAIR else AssetStatus.IN_STOCK
    return Transition(status, warehouse)


def inspect(state: AssetState, at: Place | None = None) -> Transition:
    """Inspections happen in the shop, including of a unit waiting there for repair.

    ``at`` is the shop of the visit it is part of: only a unit there can be inspected then.
    """
    _not_written_off(state)
    if state.place is None or not state.place.is_customer:
        raise _refuse(MSG_NOT_AT_A_CUSTOMER, state)
    if at is not None and at != state.place:
        raise _refuse(MSG_NOT_AT_THIS_CUSTOMER, state, "customer", customer=at.shown)
    return Transition(state.status, state.place)


def repair_request(state: AssetState) -> Transition:
    _not_written_off(state)
    if state.status is AssetStatus.IN_REPAIR:
        raise _refuse(MSG_ALREADY_IN_REPAIR, state)
    return Transition(AssetStatus.IN_REPAIR, state.place)


def repair_done(state: AssetState) -> Transition:
    """A repaired unit is deployed again if it is still in the shop, else back in stock."""
    _not_written_off(state)
    if state.status is not AssetStatus.IN_REPAIR:
        raise _refuse(MSG_NOT_IN_REPAIR, state)
    at_customer = state.place is not None and state.place.is_customer
    return Transition(AssetStatus.DEPLOYED if at_customer else AssetStatus.IN_STOCK, state.place)


def write_off(state: AssetState, reason: WriteOffReason) -> Transition:
    """The unit keeps its last known place, which is where anyone would look for it."""
    _not_written_off(state)
    status = AssetStatus.LOST if reason is WriteOffReason.LOST else AssetStatus.RETIRED
    return Transition(status, state.place)


def correct(state: AssetState, place: Place) -> Transition:
    """A supervisor's verdict after review: the unit is really at ``place``."""
    _not_written_off(state)
    if state.status is AssetStatus.IN_REPAIR:
        return Transition(AssetStatus.IN_REPAIR, place)
    return Transition(AssetStatus.DEPLOYED if place.is_customer else AssetStatus.IN_STOCK, place)

