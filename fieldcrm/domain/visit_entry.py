"""A visit with what was ordered, collected and inspected at it, saved as one user action.

The visit form saves the visit, an order, a payment and an inspection of each
unit the rep checked in the shop with one click. Each service writes in its
own transaction; ``record`` runs them inside one outer ``write_transaction``
(theirs become savepoints), so either all of them are stored or, when any is
refused, none is (photos copied in for the inspections included), and the
error says which part refused, and for an inspection which unit. ``draft``
is what the form opens with: it writes nothing, so leaving the form leaves no
half-made visit behind, and it takes over the rep's planned visit at the
customer as ``VisitService.start`` does (keeping the code printed on the
visit sheet).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from fieldcrm.domain import references
from fieldcrm.domain.asset_visits import VisitAsset, units_at_visit
from fieldcrm.domain.assets import AssetService
from fieldcrm.domain.orders import LineInput, Order, OrderService
from fieldcrm.domain.receivables import MoneyRecord, ReceivablesService
from fieldcrm.domain.references import Clock
from fieldcrm.domain.visit_fields import VisitPurpose, VisitStatus
from fieldcrm.domain.visits import VisitService
from fieldcrm.errors import FieldCRMError, FieldError, ValidationErrors
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import attachments
from fieldcrm.storage import visits as visit_store
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

VISIT, ORDER, PAYMENT, INSPECTION = "visit", "order", "payment", "inspection"

MSG_INSPECTED_NOT_DONE = _N("Errors", "{field}: only a visit that took place (done) can record inspections")


@dataclass(frozen=True)
class OrderInput:
    lines: Sequence[LineInput]
    reason: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class PaymentInput:
    amount: object
    method: str | None = None
    reference: str | None = None


@dataclass(frozen=True)
class InspectionInput:
    """One unit checked at the visit: the inspection fields as typed (no date: the visit's) and photo files."""

    asset_id: str
    values: Mapping[str, Any]
    photos: Sequence[str | Path] = ()


@dataclass(frozen=True)
class VisitEntry:
    """What one save stored: the visit as ``VisitService.get`` shows it, the order, payment and inspections."""

    visit: dict[str, Any]
    order: Order | None = None
    payment: MoneyRecord | None = None
    inspections: tuple[dict[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "visit": self.visit, "order": self.order.to_json() if self.order else None,
            "payment": self.payment.to_json() if self.payment else None, "inspections": list(self.inspections),
        }


class EntryRefused(FieldCRMError):
    """One part of an entry was refused, so nothing of the entry was stored.

    Carries the refusing part (visit, order, payment or inspection, with the
    unit's id as ``item``) and its field errors, because the parts have fields
    of the same name (``notes``, ``amount``) and the form must mark the right one.
    """

    def __init__(self, part: str, cause: FieldCRMError, item: str | None = None) -> None:
        self.part = part
        self.item = item
        self.cause = cause
        self.context = cause.context
        if isinstance(cause, ValidationErrors):
            self.errors: list[FieldError] = list(cause.errors)
        elif isinstance(cause, FieldError):
            self.errors = [cause]
        else:
            self.errors = []
        super().__init__(cause.template, **cause.args_map)


@dataclass(frozen=True)
class Draft:
    """The form's opening values: today, now, and the planned visit it takes over, if any."""

    customer_id: str
    customer_code: str | None
    customer_name: str | None
    visit_id: str | None  # the planned visit being taken over
    visit_code: str | None
    values: dict[str, str] = field(default_factory=dict)


class VisitEntryService:
    def __init__(self, workspace: Workspace, now: Clock = datetime.now) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.now = now
        self.visits = VisitService(workspace, now)
        self.orders = OrderService(workspace, now)
        self.receivables = ReceivablesService(workspace, now)
        self.assets = AssetService(workspace, today=lambda: self.now().date())

    def draft(self, customer_id: str) -> Draft:
        """Check-in values for arriving at a customer now; nothing is written until ``record``."""
        ref = references.customer(self.db, customer_id)
        me = self.workspace.require_identity().user_name
        moment = self.now()
        today = moment.date().isoformat()
        values = {
            "visit_date": today, "check_in": moment.strftime("%H:%M"), "status": VisitStatus.DONE.value,
            "purpose": VisitPurpose.ROUTINE.value, "rep": me,
        }
        planned_id = visit_store.planned_visit(self.db, ref.id, me, today)
        planned = visit_store.get(self.db, planned_id) if planned_id else None
        if planned is not None:
            values["purpose"] = planned["purpose"] or values["purpose"]
            values["planned_date"] = planned["planned_date"]
        return Draft(
            ref.id, ref.code, ref.name, planned["id"] if planned else None, planned["code"] if planned else None,
            values,
        )

    def assets_at(self, customer_id: str, visit_id: str | None = None) -> list[VisitAsset]:
        """The units the form's Assets section lists, with what ``visit_id`` recorded for each."""
        return units_at_visit(self.assets, references.customer(self.db, customer_id).id, visit_id)

    def record(
        self, customer_id: str, visit: Mapping[str, Any], *, visit_id: str | None = None,
        order: OrderInput | None = None, payment: PaymentInput | None = None,
        inspections: Sequence[InspectionInput] = (),
    ) -> VisitEntry:
        """Store the visit (new, or edits of ``visit_id``) with an order, a payment and inspections: all or nothing."""
        ref = references.customer(self.db, customer_id)
        with attachments.BlobBatch(self.workspace) as photos, write_transaction(self.db):
            with _part(VISIT):
                if visit_id is None:
                    visit_id = self.visits.log(ref.id, visit)["id"]
                else:
                    self.visits.update(visit_id, visit)
            inspected = self._inspect(ref.id, visit_id, inspections, photos)
            placed = None
            if order is not None:
                with _part(ORDER):
                    placed = self.orders.add(
                        ref.id, order.lines, visit_id=visit_id, reason=order.reason, notes=order.notes
                    )
            paid = None
            if payment is not None:
                with _part(PAYMENT):
                    paid = self.receivables.payment(
                        ref.id, payment.amount, visit_id=visit_id, method=payment.method,
                        reference=payment.reference,
                    )
            return VisitEntry(self.visits.get(visit_id), placed, paid, inspected)

    def _inspect(
        self, customer_id: str, visit_id: str, inspections: Sequence[InspectionInput], photos: attachments.BlobBatch
    ) -> tuple[dict[str, Any], ...]:
        """Record each unit's inspection at the stored visit, on its date (inside ``record``'s transaction)."""
        if not inspections:
            return ()
        stored = self.visits.get(visit_id)
        if stored["status"] != VisitStatus.DONE.value:
            raise EntryRefused(VISIT, FieldError("status", MSG_INSPECTED_NOT_DONE))
        on_date = stored["visit_date"] or self.now().date().isoformat()
        done = []
        for item in inspections:
            with _part(INSPECTION, item.asset_id):
                done.append(self.assets.inspect_at_visit(
                    item.asset_id, item.values, item.photos, visit_id=visit_id, customer_id=customer_id,
                    on_date=on_date, batch=photos,
                ))
        return tuple(done)


@contextmanager
def _part(name: str, item: str | None = None) -> Iterator[None]:
    try:
        yield
    except EntryRefused:
        raise
    except FieldCRMError as error:
        raise EntryRefused(name, error, item) from error
