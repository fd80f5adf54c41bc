"""Orders taken at a visit or without one, priced from the catalogue, checked against credit.

Money is integer fen. A line's amount is ``quantity × unit price − discount``
(the discount is an amount off the line, never more than the line). Lines are
fixed once placed: a wrong order is cancelled and taken again, which keeps
what the customer owes traceable and lets the order carry its total for fast
reports. Credit: used = outstanding balance + orders placed but not yet
delivered; an order that would take ``used`` over the customer's credit limit
is saved only with a reason, and is then flagged for a supervisor. A customer
with no limit recorded is not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Sequence

from ulid import ULID

from fieldcrm.domain import references
from fieldcrm.domain.catalogue import Product
from fieldcrm.domain.references import Clock
from fieldcrm.domain.validation import money_to_json
from fieldcrm.domain.visit_fields import (
    LINE_FIELDS_BY_NAME, ORDER_FIELDS_BY_NAME, OrderStatus, parse_record,
)
from fieldcrm.errors import FieldError, NotFound, PermissionDenied, ValidationErrors
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import orders as store
from fieldcrm.storage import receivables as receivable_store
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.visits import find_id, insert_row, next_code, update_row
from fieldcrm.workspace import Workspace

# (sku or id, quantity, unit price or None for the list price, discount or None)
LineInput = Sequence[Any]

MSG_NOT_FOUND = _N("Errors", "order: no order with id or code '{id}'")
MSG_NO_LINES = _N("Errors", "{field}: an order needs at least one line")
MSG_BAD_LINE = _N("Errors", "{field}: line {line} should be product, quantity, price, discount")
MSG_NO_PRODUCT = _N("Errors", "{field}: no product with SKU or id '{value}'")
MSG_INACTIVE = _N("Errors", "{field}: {value} is no longer sold")
MSG_DISCOUNT = _N("Errors", "{field}: discount is more than the line's amount")
MSG_REASON = _N(
    "Errors",
    "{field}: this order takes the customer {excess} yuan over the credit limit of {limit} yuan; "
    "give a reason to save it anyway",
)
MSG_TRANSITION = _N("Errors", "{field}: an order that is {current} cannot become {value}")
MSG_DELIVERED_BEFORE = _N("Errors", "{field}: {value} is before the order date {order_date}")
MSG_REVIEW_SUPERVISOR = _N("Errors", "order: only a supervisor may review an over-limit order")
MSG_CREDIT_WARNING = _N(
    "Credit",
    "This order of {order} yuan takes the customer over the credit limit: limit {limit}, "
    "already used {used}, left {left} yuan",
)

_NEXT_STATUS = {
    OrderStatus.PLACED.value: {OrderStatus.DELIVERED.value, OrderStatus.CANCELLED.value},
    OrderStatus.DELIVERED.value: set(),
    OrderStatus.CANCELLED.value: set(),
}


@dataclass(frozen=True)
class OrderLine:
    product_id: str
    sku: str
    name: str
    unit: str | None
    quantity: int
    unit_price: int  # fen
    discount: int  # fen off the line

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price - self.discount

    def to_json(self) -> dict[str, Any]:
        return {
            "product_id": self.product_id, "sku": self.sku, "name": self.name, "unit": self.unit,
            "quantity": self.quantity, "unit_price": money_to_json(self.unit_price),
            "discount": money_to_json(self.discount), "amount": money_to_json(self.amount),
        }


@dataclass(frozen=True)
class CreditStatus:
    customer_id: str
    limit: int | None  # fen; None when no limit is recorded
    balance: int  # fen outstanding (negative when paid ahead)
    open_orders: int  # fen placed, not yet delivered

    @property
    def used(self) -> int:
        return self.balance + self.open_orders

    @property
    def left(self) -> int | None:
        return None if self.limit is None else self.limit - self.used

    def to_json(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id, "limit": money_to_json(self.limit),
            "balance": money_to_json(self.balance), "open_orders": money_to_json(self.open_orders),
            "used": money_to_json(self.used), "left": money_to_json(self.left),
        }


@dataclass(frozen=True)
class CreditWarning:
    """Shown before saving: the order would exceed the customer's limit by ``excess`` fen."""

    credit: CreditStatus
    order_total: int

    @property
    def excess(self) -> int:
        assert self.credit.limit is not None
        return self.credit.used + self.order_total - self.credit.limit

    @property
    def template(self) -> str:
        return MSG_CREDIT_WARNING

    @property
    def args_map(self) -> dict[str, object]:
        return {
            "order": f"{self.order_total / 100:.2f}", "limit": f"{(self.credit.limit or 0) / 100:.2f}",
            "used": f"{self.credit.used / 100:.2f}", "left": f"{(self.credit.left or 0) / 100:.2f}",
        }

    @property
    def message(self) -> str:
        return self.template.format(**self.args_map)

    def to_json(self) -> dict[str, Any]:
        return {"message": self.message, "excess": money_to_json(self.excess), "credit": self.credit.to_json()}


@dataclass(frozen=True)
class Quote:
    """An order priced and credit-checked but not saved: what the order form shows."""

    customer_id: str
    lines: tuple[OrderLine, ...]
    credit: CreditStatus
    warning: CreditWarning | None

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id, "lines": [line.to_json() for line in self.lines],
            "total": money_to_json(self.total), "credit": self.credit.to_json(),
            "warning": self.warning.to_json() if self.warning else None,
        }


@dataclass(frozen=True)
class Order:
    id: str
    code: str
    customer_id: str
    customer_code: str | None
    customer_name: str | None
    visit_id: str | None
    visit_code: str | None
    rep: str | None
    order_date: str
    status: str
    delivered_on: str | None
    total: int  # fen
    notes: str | None
    credit_flag: bool
    credit_reason: str | None
    credit_reviewed_by: str | None
    lines: tuple[OrderLine, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "code": self.code, "customer_id": self.customer_id, "customer_code": self.customer_code,
            "customer_name": self.customer_name, "visit_id": self.visit_id, "visit_code": self.visit_code,
            "rep": self.rep, "order_date": self.order_date, "status": self.status,
            "delivered_on": self.delivered_on, "total": money_to_json(self.total), "notes": self.notes,
            "credit_flag": self.credit_flag, "credit_reason": self.credit_reason,
            "credit_reviewed_by": self.credit_reviewed_by, "lines": [line.to_json() for line in self.lines],
        }


class OrderService:
    def __init__(self, workspace: Workspace, now: Clock = datetime.now) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.now = now

    # -- pricing and credit ------------------------------------------------------

    def credit(self, customer_id: str) -> CreditStatus:
        ref = references.customer(self.db, customer_id)
        today = self.now().date().isoformat()
        debts, paid = receivable_store.totals(self.db, ref.id, today).get(ref.id, (0, 0))
        return CreditStatus(ref.id, ref.credit_limit, debts - paid, store.open_orders_total(self.db, ref.id))

    def check_credit(self, customer_id: str, order_total: int) -> CreditWarning | None:
        """A warning when an order of ``order_total`` fen would take the customer over the limit."""
        credit = self.credit(customer_id)
        if credit.limit is None or credit.used + order_total <= credit.limit:
            return None
        return CreditWarning(credit, order_total)

    def quote(self, customer_id: str, lines: Sequence[LineInput]) -> Quote:
        """Price the lines (list price unless given) and check credit, without saving."""
        ref = references.customer(self.db, customer_id)
        priced = self._price(lines)
        total = sum(line.amount for line in priced)
        warning = self.check_credit(ref.id, total)
        return Quote(ref.id, priced, warning.credit if warning else self.credit(ref.id), warning)

    def _price(self, lines: Sequence[LineInput]) -> tuple[OrderLine, ...]:
        if not lines:
            raise FieldError("lines", MSG_NO_LINES)
        errors: list[FieldError] = []
        priced: list[OrderLine] = []
        for number, line in enumerate(lines, start=1):
            try:
                priced.append(self._price_line(line))
            except ValidationErrors as failed:
                errors.extend(_on_line(e, number) for e in failed.errors)
            except FieldError as error:
                errors.append(_on_line(error, number))
        if errors:
            raise ValidationErrors(errors)
        return tuple(priced)

    def _price_line(self, line: LineInput) -> OrderLine:
        if isinstance(line, (str, bytes)) or not 2 <= len(line) <= 4:
            raise FieldError("lines", MSG_BAD_LINE)
        product_ref, quantity, price, discount = (*line, None, None)[:4]
        values = parse_record(
            LINE_FIELDS_BY_NAME,
            {"product": product_ref, "quantity": quantity, "unit_price": price, "discount": discount},
            creating=True,
        )
        found = store.find_product(self.db, values["product"])
        row = store.get_product(self.db, found) if found else None
        if row is None:
            raise FieldError("product", MSG_NO_PRODUCT, value=values["product"])
        product = Product.from_row(row)
        if not product.active:
            raise FieldError("product", MSG_INACTIVE, value=product.code)
        unit_price = product.price if values["unit_price"] is None else values["unit_price"]
        result = OrderLine(
            product.id, product.code, product.name, product.unit, values["quantity"], unit_price,
            values["discount"] or 0,
        )
        if result.amount < 0:
            raise FieldError("discount", MSG_DISCOUNT)
        return result

    # -- writing -----------------------------------------------------------------

    def add(
        self, customer_id: str, lines: Sequence[LineInput], visit_id: str | None = None, reason: str | None = None,
        order_date: str | None = None, notes: str | None = None,
    ) -> Order:
        """Place an order; over the credit limit it needs ``reason`` and is flagged for a supervisor."""
        ref = references.customer(self.db, customer_id)
        values = parse_record(
            ORDER_FIELDS_BY_NAME, {"order_date": order_date, "notes": notes, "reason": reason}, creating=False
        )
        visit = references.visit_at(self.db, visit_id, ref.id) if visit_id else None
        priced = self._price(lines)
        total = sum(line.amount for line in priced)
        identity = self.workspace.require_identity()
        order_id = str(ULID())
        with write_transaction(self.db):
            warning = self.check_credit(ref.id, total)
            if warning is not None and not values["reason"]:
                raise FieldError(
                    "reason", MSG_REASON,
                    excess=f"{warning.excess / 100:.2f}", limit=f"{(ref.credit_limit or 0) / 100:.2f}",
                )
            insert_row(self.db, "orders", {
                "id": order_id, "code": next_code(self.db, identity, "O"), "deleted": 0, "customer_id": ref.id,
                "territory": ref.territory, "visit_id": visit["id"] if visit else None,
                "rep": visit["rep"] if visit else identity.user_name,
                "order_date": values["order_date"] or (visit["visit_date"] if visit else self.now().date().isoformat()),
                "status": OrderStatus.PLACED.value, "total": total, "notes": values["notes"],
                "credit_flag": 1 if warning else 0, "credit_reason": values["reason"] if warning else None,
            })
            for number, line in enumerate(priced, start=1):
                insert_row(self.db, "order_lines", {
                    "id": str(ULID()), "deleted": 0, "order_id": order_id, "territory": ref.territory,
                    "line_no": number, "product_id": line.product_id, "quantity": line.quantity,
                    "unit_price": line.unit_price, "discount": line.discount,
                })
        return self.get(order_id)

    def set_status(self, id_or_code: str, status: str, delivered_on: str | None = None) -> Order:
        """Deliver or cancel a placed order; delivery makes it a debt from ``delivered_on`` (default today)."""
        order = self.get(id_or_code)
        parsed = parse_record(
            ORDER_FIELDS_BY_NAME, {"status": status, "delivered_on": delivered_on}, creating=False
        )
        new = parsed["status"]
        if new not in _NEXT_STATUS[order.status]:
            raise FieldError("status", MSG_TRANSITION, current=order.status, value=new)
        changes: dict[str, Any] = {"status": new}
        if new == OrderStatus.DELIVERED.value:
            day = parsed["delivered_on"] or self.now().date().isoformat()
            if date.fromisoformat(day) < date.fromisoformat(order.order_date):
                raise FieldError("delivered_on", MSG_DELIVERED_BEFORE, value=day, order_date=order.order_date)
            changes["delivered_on"] = day
        with write_transaction(self.db):
            update_row(self.db, "orders", order.id, changes)
        return self.get(order.id)

    def review(self, id_or_code: str) -> Order:
        """A supervisor has seen an over-limit order; it leaves the flagged list."""
        identity = self.workspace.require_identity()
        if not identity.is_supervisor:
            raise PermissionDenied(MSG_REVIEW_SUPERVISOR)
        order = self.get(id_or_code)
        with write_transaction(self.db):
            update_row(self.db, "orders", order.id, {
                "credit_reviewed_by": identity.user_name,
                "credit_reviewed_at": self.now().isoformat(timespec="seconds"),
            })
        return self.get(order.id)

    # -- reading -----------------------------------------------------------------

    def get(self, id_or_code: str) -> Order:
        found = find_id(self.db, "orders", str(id_or_code).strip())
        row = store.get_order(self.db, found) if found else None
        if row is None:
            raise NotFound(MSG_NOT_FOUND, id=id_or_code)
        lines = tuple(
            OrderLine(
                r["product_id"], r["sku"] or "?", r["name"] or "?", r["unit"], r["quantity"], r["unit_price"],
                r["discount"] or 0,
            )
            for r in store.order_lines(self.db, row["id"])
        )
        return Order(
            row["id"], row["code"], row["customer_id"], row["customer_code"], row["customer_name"], row["visit_id"],
            row["visit_code"], row["rep"], row["order_date"], row["status"], row["delivered_on"], row["total"],
            row["notes"], bool(row["credit_flag"]), row["credit_reason"], row["credit_reviewed_by"], lines,
        )

    def for_customer(self, customer_id: str, limit: int = 100) -> list[Order]:
        ref = references.customer(self.db, customer_id)
        return [self.get(i) for i in store.customer_order_ids(self.db, ref.id, limit)]

    def flagged(self, include_reviewed: bool = False, limit: int = 500) -> list[Order]:
        """Orders saved over the credit limit, for the supervisor; unreviewed first."""
        return [self.get(i) for i in store.flagged_order_ids(self.db, include_reviewed=include_reviewed, limit=limit)]


def _on_line(error: FieldError, number: int) -> FieldError:
    """The same error, carrying the 1-based line number in ``args_map['line']`` for the order form."""
    args = {k: v for k, v in error.args_map.items() if k != "field"}
    args["line"] = number
    return FieldError(error.field, error.template, **args)
