"""A visit with what was ordered and collected at it, saved as one user action.

The visit form saves up to three records (the visit, an order, a payment)
with one click. Each service writes in its own transaction; ``record`` runs
them inside one outer ``write_transaction`` (theirs become savepoints), so
either all of them are stored or, when any is refused, none is, and the
error says which part refused. ``draft`` is what the form opens with: it
writes nothing, so leaving the form leaves no half-made visit behind, and it
takes over the rep's planned visit at the customer as ``VisitService.start``
does (keeping the code printed on the visit sheet).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterator, Mapping, Sequence

from fieldcrm.domain import references
from fieldcrm.domain.orders import LineInput, Order, OrderService
from fieldcrm.domain.receivables import MoneyRecord, ReceivablesService
from fieldcrm.domain.references import Clock
from fieldcrm.domain.visit_fields import VisitPurpose, VisitStatus
from fieldcrm.domain.visits import VisitService
from fieldcrm.errors import FieldCRMError, FieldError, ValidationErrors
from fieldcrm.storage import visits as visit_store
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

VISIT, ORDER, PAYMENT = "visit", "order", "payment"


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
class VisitEntry:
    """What one save stored: the visit as ``VisitService.get`` shows it, and the order and payment if any."""

    visit: dict[str, Any]
    order: Order | None = None
    payment: MoneyRecord | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "visit": self.visit, "order": self.order.to_json() if self.order else None,
            "payment": self.payment.to_json() if self.payment else None,
        }


class EntryRefused(FieldCRMError):
    """One part of an entry was refused, so nothing of the entry was stored.

    Carries the refusing part (visit, order or payment) and its field errors,
    because the visit, the order and the payment have fields of the same name
    (``notes``, ``amount``) and the form must mark the right one.
    """

    def __init__(self, part: str, cause: FieldCRMError) -> None:
        self.part = part
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

    def record(
        self, customer_id: str, visit: Mapping[str, Any], *, visit_id: str | None = None,
        order: OrderInput | None = None, payment: PaymentInput | None = None,
    ) -> VisitEntry:
        """Store the visit (new, or edits of ``visit_id``) with an order and a payment at it: all or nothing."""
        ref = references.customer(self.db, customer_id)
        with write_transaction(self.db):
            with _part(VISIT):
                if visit_id is None:
                    visit_id = self.visits.log(ref.id, visit)["id"]
                else:
                    self.visits.update(visit_id, visit)
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
            return VisitEntry(self.visits.get(visit_id), placed, paid)


@contextmanager
def _part(name: str) -> Iterator[None]:
    try:
        yield
    except EntryRefused:
        raise
    except FieldCRMError as error:
        raise EntryRefused(name, error) from error
