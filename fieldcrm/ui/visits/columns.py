"""The columns of the visit log's lists: header, and how a record reads in each cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from fieldcrm.domain.catalogue import Product
from fieldcrm.domain.orders import Order
from fieldcrm.domain.planning import DueCustomer
from fieldcrm.domain.reports import UrgentReport
from fieldcrm.domain.visit_fields import URGENT_NOTE_FIELDS_BY_NAME
from fieldcrm.domain.visits import VisitSummary
from fieldcrm.ui.customers.display import display_value
from fieldcrm.ui.visits import texts
from fieldcrm.ui.visits.table_model import Column


def _span(start: str | None, end: str | None) -> str:
    return "–".join(t for t in (start, end) if t)


def _items(summary: VisitSummary) -> str:
    return ", ".join(f"{name} ×{quantity}" for _, name, _, quantity in summary.items)


def _overdue(due: DueCustomer) -> str:
    if due.days_overdue is None:
        return QCoreApplication.translate("VisitColumns", "never visited")
    return str(due.days_overdue)


def _category(code: str | None) -> str:
    return texts.shown(URGENT_NOTE_FIELDS_BY_NAME["category"], code)


CUSTOMER_VISITS: tuple[Column[VisitSummary], ...] = (
    Column(lambda: QCoreApplication.translate("VisitColumns", "Date"), lambda v: v.visit_date),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Time"), lambda v: _span(v.check_in, v.check_out)),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Purpose"),
           lambda v: texts.visit_value("purpose", v.purpose)),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Status"),
           lambda v: texts.visit_value("status", v.status)),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Rep"), lambda v: v.rep or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Ordered"), lambda v: texts.money(v.ordered), True),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Collected"), lambda v: texts.money(v.collected), True),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Items"), _items),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Urgent"), lambda v: _category(v.urgent_category)),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Outcome"),
           lambda v: (v.outcome or v.missed_reason or "").replace("\n", " ")),
)

VISITS: tuple[Column[dict[str, Any]], ...] = (
    Column(lambda: QCoreApplication.translate("VisitColumns", "Visit"), lambda v: v["code"]),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Date"), lambda v: v["visit_date"]),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Time"), lambda v: _span(v["check_in"], v["check_out"])),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Customer"),
           lambda v: " ".join(p for p in (v["customer_code"], v["customer_name"]) if p)),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Rep"), lambda v: v["rep"] or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Purpose"),
           lambda v: texts.visit_value("purpose", v["purpose"])),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Status"),
           lambda v: texts.visit_value("status", v["status"])),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Urgent"), lambda v: _category(v["urgent_category"])),
)

DUE: tuple[Column[DueCustomer], ...] = (
    Column(lambda: QCoreApplication.translate("VisitColumns", "Code"), lambda d: d.code or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Customer"), lambda d: d.name or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Grade"), lambda d: display_value("grade", d.grade)),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Route"), lambda d: d.route or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Territory"), lambda d: d.territory or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Last visit"), lambda d: d.last_visit or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Due"), lambda d: d.due_date or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Days overdue"), _overdue, True),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Planned"), lambda d: d.next_planned or ""),
)

URGENT: tuple[Column[UrgentReport], ...] = (
    Column(lambda: QCoreApplication.translate("VisitColumns", "Code"), lambda u: u.code or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Reported"), lambda u: u.reported_at.replace("T", " ")),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Rep"), lambda u: u.rep or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Customer"), lambda u: u.customer_name or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Category"), lambda u: _category(u.category)),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Note"), lambda u: (u.note or "").replace("\n", " ")),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Acknowledged by"), lambda u: u.acknowledged_by or ""),
)

FLAGGED: tuple[Column[Order], ...] = (
    Column(lambda: QCoreApplication.translate("VisitColumns", "Order"), lambda o: o.code),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Date"), lambda o: o.order_date),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Customer"), lambda o: o.customer_name or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Rep"), lambda o: o.rep or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Total"), lambda o: texts.money(o.total), True),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Reason"), lambda o: o.credit_reason or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Reviewed by"), lambda o: o.credit_reviewed_by or ""),
)

PRODUCTS: tuple[Column[Product], ...] = (
    Column(lambda: QCoreApplication.translate("VisitColumns", "SKU"), lambda p: p.code),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Product"), lambda p: p.name),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Category"), lambda p: p.category or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Unit"), lambda p: p.unit or ""),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Price"), lambda p: texts.money(p.price), True),
    Column(lambda: QCoreApplication.translate("VisitColumns", "Sold"),
           lambda p: QCoreApplication.translate("VisitColumns", "yes") if p.active
           else QCoreApplication.translate("VisitColumns", "no")),
)
