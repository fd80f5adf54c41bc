"""Every field of a visit and of what is taken at it (orders, payments, invoices, products).

Declared with the customer card's ``FieldSpec``/``Kind`` machinery and parsed by
the same ``parse_value``, so a date, an amount or a choice is accepted or
refused the same way on a visit as on a card, and the GUI can build its forms
from these tuples. Two gaps of that machinery are bridged here rather than
worked around elsewhere: ``Kind`` has no time of day (check-in/out are TEXT
specs normalised by ``parse_time``), and ``FieldSpec.section`` is annotated
with the card's ``Section`` (these specs carry ``RecordSection``, a str Enum
like it).
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any, Mapping

from fieldcrm.domain.classifications import Choice
from fieldcrm.domain.customer_fields import FieldSpec, Kind
from fieldcrm.domain.validation import MSG_REQUIRED, MSG_UNKNOWN_FIELD, parse_value
from fieldcrm.errors import FieldError, ValidationErrors
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N

MSG_TIME_FORMAT = _N("Errors", "{field}: '{value}' is not a time in the form HH:MM")
MSG_NOT_POSITIVE = _N("Errors", "{field}: must be more than 0")


class VisitPurpose(Choice):
    ROUTINE = "routine", _N("Choice", "Routine visit")
    DEVELOPMENT = "development", _N("Choice", "New-customer development")
    DELIVERY = "delivery", _N("Choice", "Delivery")
    COLLECTION = "collection", _N("Choice", "Collection")
    COMPLAINT = "complaint", _N("Choice", "Complaint handling")
    ASSET_SERVICE = "asset_service", _N("Choice", "Asset service")
    PROMOTION = "promotion", _N("Choice", "Promotion")


class VisitStatus(Choice):
    PLANNED = "planned", _N("Choice", "Planned")
    DONE = "done", _N("Choice", "Done")
    MISSED = "missed", _N("Choice", "Missed")


class UrgentCategory(Choice):
    CUSTOMER_CLOSING = "customer_closing", _N("Choice", "Customer closing")
    BIG_COMPLAINT = "big_complaint", _N("Choice", "Big complaint")
    COMPETITOR_MOVE = "competitor_move", _N("Choice", "Competitor move")
    CREDIT_RISK = "credit_risk", _N("Choice", "Credit risk")


class OrderStatus(Choice):
    PLACED = "placed", _N("Choice", "Placed")
    DELIVERED = "delivered", _N("Choice", "Delivered")
    CANCELLED = "cancelled", _N("Choice", "Cancelled")


class PaymentMethod(Choice):
    CASH = "cash", _N("Choice", "Cash")
    TRANSFER = "transfer", _N("Choice", "Bank transfer")
    WECHAT = "wechat", _N("Choice", "WeChat Pay")
    ALIPAY = "alipay", _N("Choice", "Alipay")
    CHEQUE = "cheque", _N("Choice", "Cheque")


class RecordSection(str, Enum):
    """Form groups of the visit log and the records taken at a visit."""

    VISIT = "visit"
    MARKET = "market"
    COMPLAINTS = "complaints"
    FOLLOW_UP = "follow_up"
    URGENT = "urgent"
    PRODUCT = "product"
    ORDER = "order"
    PAYMENT = "payment"


SECTION_LABELS = {
    RecordSection.VISIT: _N("VisitField", "Visit"),
    RecordSection.MARKET: _N("VisitField", "Market information"),
    RecordSection.COMPLAINTS: _N("VisitField", "Complaints and objections"),
    RecordSection.FOLLOW_UP: _N("VisitField", "Follow-up"),
    RecordSection.URGENT: _N("VisitField", "Urgent report"),
    RecordSection.PRODUCT: _N("VisitField", "Product"),
    RecordSection.ORDER: _N("VisitField", "Order"),
    RecordSection.PAYMENT: _N("VisitField", "Payment"),
}


def _spec(name: str, kind: Kind, section: RecordSection, label: str, **kw: Any) -> FieldSpec:
    if kind is Kind.LONGTEXT:
        kw.setdefault("max_length", 4000)
    return FieldSpec(name, kind, section, label, **kw)  # type: ignore[arg-type]


V, M, CO, F, U = (
    RecordSection.VISIT, RecordSection.MARKET, RecordSection.COMPLAINTS,
    RecordSection.FOLLOW_UP, RecordSection.URGENT,
)

VISIT_FIELDS: tuple[FieldSpec, ...] = (
    _spec("visit_date", Kind.DATE, V, _N("VisitField", "Date"), required=True),
    _spec("planned_date", Kind.DATE, V, _N("VisitField", "Planned for")),
    _spec("check_in", Kind.TEXT, V, _N("VisitField", "Check-in"), max_length=5),
    _spec("check_out", Kind.TEXT, V, _N("VisitField", "Check-out"), max_length=5),
    _spec("purpose", Kind.CHOICE, V, _N("VisitField", "Purpose"), choices=VisitPurpose, required=True),
    _spec("status", Kind.CHOICE, V, _N("VisitField", "Status"), choices=VisitStatus, required=True),
    _spec("missed_reason", Kind.TEXT, V, _N("VisitField", "Reason missed")),
    _spec("rep", Kind.TEXT, V, _N("VisitField", "Rep")),
    _spec("outcome", Kind.LONGTEXT, V, _N("VisitField", "Outcome")),
    _spec("notes", Kind.LONGTEXT, V, _N("VisitField", "Notes")),
    _spec("competitor_products", Kind.LONGTEXT, M, _N("VisitField", "Competitor products seen")),
    _spec("competitor_prices", Kind.LONGTEXT, M, _N("VisitField", "Competitor prices")),
    _spec("competitor_promotions", Kind.LONGTEXT, M, _N("VisitField", "Competitor promotions")),
    _spec("complaints", Kind.LONGTEXT, CO, _N("VisitField", "Complaints or objections")),
    _spec("complaint_handling", Kind.LONGTEXT, CO, _N("VisitField", "How they were handled")),
    _spec("next_action", Kind.LONGTEXT, F, _N("VisitField", "Next action")),
    _spec("next_visit_date", Kind.DATE, F, _N("VisitField", "Next visit")),
    _spec("urgent_category", Kind.CHOICE, U, _N("VisitField", "Urgent"), choices=UrgentCategory),
    _spec("urgent_note", Kind.LONGTEXT, U, _N("VisitField", "Urgent note")),
)
VISIT_FIELDS_BY_NAME = {f.name: f for f in VISIT_FIELDS}
# Stored on the visit's urgent report, not on the visit row: one list for supervisors.
URGENT_FIELDS = frozenset({"urgent_category", "urgent_note"})
TIME_FIELDS = frozenset({"check_in", "check_out"})

P = RecordSection.PRODUCT
PRODUCT_FIELDS: tuple[FieldSpec, ...] = (
    _spec("code", Kind.TEXT, P, _N("VisitField", "SKU"), required=True, max_length=40),
    _spec("name", Kind.TEXT, P, _N("VisitField", "Product name"), required=True),
    _spec("category", Kind.TEXT, P, _N("VisitField", "Category"), max_length=60),
    _spec("unit", Kind.TEXT, P, _N("VisitField", "Unit"), max_length=20),
    _spec("price", Kind.MONEY, P, _N("VisitField", "Price"), required=True, minimum=0),
    _spec("active", Kind.INT, P, _N("VisitField", "Active (1 yes, 0 no)"), minimum=0, maximum=1),
)
PRODUCT_FIELDS_BY_NAME = {f.name: f for f in PRODUCT_FIELDS}

O = RecordSection.ORDER
ORDER_FIELDS: tuple[FieldSpec, ...] = (
    _spec("order_date", Kind.DATE, O, _N("VisitField", "Order date")),
    _spec("notes", Kind.LONGTEXT, O, _N("VisitField", "Notes")),
    _spec("reason", Kind.TEXT, O, _N("VisitField", "Reason for exceeding the credit limit"), max_length=500),
    _spec("status", Kind.CHOICE, O, _N("VisitField", "Order status"), choices=OrderStatus, required=True),
    _spec("delivered_on", Kind.DATE, O, _N("VisitField", "Delivered on")),
)
ORDER_FIELDS_BY_NAME = {f.name: f for f in ORDER_FIELDS}

LINE_FIELDS: tuple[FieldSpec, ...] = (
    _spec("product", Kind.TEXT, O, _N("VisitField", "Product"), required=True, max_length=40),
    _spec("quantity", Kind.INT, O, _N("VisitField", "Quantity"), required=True, minimum=1, maximum=1_000_000),
    _spec("unit_price", Kind.MONEY, O, _N("VisitField", "Unit price"), minimum=0),
    _spec("discount", Kind.MONEY, O, _N("VisitField", "Discount"), minimum=0),
)
LINE_FIELDS_BY_NAME = {f.name: f for f in LINE_FIELDS}

PAY = RecordSection.PAYMENT
PAYMENT_FIELDS: tuple[FieldSpec, ...] = (
    _spec("amount", Kind.MONEY, PAY, _N("VisitField", "Amount"), required=True),
    _spec("paid_on", Kind.DATE, PAY, _N("VisitField", "Paid on")),
    _spec("method", Kind.CHOICE, PAY, _N("VisitField", "Method"), choices=PaymentMethod),
    _spec("reference", Kind.TEXT, PAY, _N("VisitField", "Reference")),
    _spec("note", Kind.LONGTEXT, PAY, _N("VisitField", "Note")),
)
PAYMENT_FIELDS_BY_NAME = {f.name: f for f in PAYMENT_FIELDS}

INVOICE_FIELDS: tuple[FieldSpec, ...] = (
    _spec("amount", Kind.MONEY, PAY, _N("VisitField", "Amount"), required=True),
    _spec("invoice_date", Kind.DATE, PAY, _N("VisitField", "Invoice date")),
    _spec("reference", Kind.TEXT, PAY, _N("VisitField", "Reference")),
    _spec("note", Kind.LONGTEXT, PAY, _N("VisitField", "Note")),
)
INVOICE_FIELDS_BY_NAME = {f.name: f for f in INVOICE_FIELDS}

URGENT_NOTE_FIELDS: tuple[FieldSpec, ...] = (
    _spec("category", Kind.CHOICE, U, _N("VisitField", "Urgent"), choices=UrgentCategory, required=True),
    _spec("note", Kind.LONGTEXT, U, _N("VisitField", "Urgent note"), required=True),
)
URGENT_NOTE_FIELDS_BY_NAME = {f.name: f for f in URGENT_NOTE_FIELDS}

FREQUENCY_DAYS = _spec(
    "frequency_days", Kind.INT, F, _N("VisitField", "Visit every (days)"), required=True, minimum=1, maximum=366,
)
REMARKS = _spec("remarks", Kind.LONGTEXT, V, _N("VisitField", "Remarks"))

# What only a supervisor may change, per synced table (read by sync/registry.py).
SUPERVISOR_ONLY: dict[str, frozenset[str]] = {
    "products": frozenset({*PRODUCT_FIELDS_BY_NAME, "deleted"}),
    "settings": frozenset({"value", "deleted"}),
    "orders": frozenset({"credit_reviewed_by", "credit_reviewed_at"}),
    "urgent_reports": frozenset({"acknowledged_by", "acknowledged_at"}),
}

_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})$")


def parse_time(field_name: str, value: Any) -> str:
    """A time of day as HH:MM (9:05 and 09:05 both become 09:05; 24:00 is refused)."""
    text = str(value).strip()
    match = _TIME.match(text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise FieldError(field_name, MSG_TIME_FORMAT, value=value)
    return f"{int(match[1]):02d}:{match[2]}"


def parse_record(
    fields: Mapping[str, FieldSpec], raw: Mapping[str, Any], *, creating: bool
) -> dict[str, Any]:
    """``parse_fields`` for one of the record types above: every bad field is reported at once."""
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, value in raw.items():
        spec = fields.get(name)
        try:
            if spec is None:
                raise FieldError(name, MSG_UNKNOWN_FIELD)
            blank = value is None or (isinstance(value, str) and not value.strip())
            if name in TIME_FIELDS and not blank:
                values[name] = parse_time(name, value)
            else:
                values[name] = parse_value(spec, value)
        except FieldError as error:
            errors.append(error)
    if creating:
        errors.extend(
            FieldError(spec.name, MSG_REQUIRED)
            for spec in fields.values()
            if spec.required and spec.name not in raw
        )
    if errors:
        raise ValidationErrors(errors)
    return values


def positive(field_name: str, fen: int) -> int:
    """Payments and invoices must move money: zero or negative is refused."""
    if fen <= 0:
        raise FieldError(field_name, MSG_NOT_POSITIVE)
    return fen
