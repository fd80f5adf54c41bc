"""Helpers for the visit-log tests: a fixed clock, the services, data written the way sync writes it.

Supervisor-only data (grades, credit limits, the catalogue) reaches a rep's
laptop by sync, so it is written here the way sync writes: inside a
transaction with ``capture_mode.applying`` set, so it is not recaptured.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator

import sqlite_utils
from ulid import ULID

from fieldcrm.domain.catalogue import CatalogueService
from fieldcrm.domain.customers import CustomerService
from fieldcrm.domain.orders import OrderService
from fieldcrm.domain.planning import PlanningService
from fieldcrm.domain.receivables import ReceivablesService
from fieldcrm.domain.reports import ReportService
from fieldcrm.domain.visits import VisitService
from fieldcrm.errors import FieldError, ValidationErrors
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.visits import insert_row
from fieldcrm.workspace import Workspace

# What bad input raises: one FieldError, or several at once; both carry ``.field``.
FIELD_ERRORS = (FieldError, ValidationErrors)
VISIT_LOG_TABLES = (
    "visits", "products", "orders", "order_lines", "invoices", "payments", "settings", "urgent_reports",
    "submitted_reports",
)
PRODUCTS = (
    ("BEV-001", "康师傅冰红茶 500ml×15", "饮料", "箱", 3600),
    ("BEV-002", "农夫山泉 550ml×24", "饮料", "箱", 2880),
    ("ICE-001", "伊利巧乐兹 脆皮", "冰淇淋", "支", 500),
    ("SNK-001", "乐事薯片 原味 70g×20", "零食", "件", 9600),
)


class Clock:
    """A settable 'now' for services, so dates in tests are known."""

    def __init__(self, value: datetime) -> None:
        self.value = value

    def __call__(self) -> datetime:
        return self.value


@dataclass
class Services:
    workspace: Workspace
    customers: CustomerService
    visits: VisitService
    catalogue: CatalogueService
    orders: OrderService
    receivables: ReceivablesService
    planning: PlanningService
    reports: ReportService

    @property
    def db(self) -> sqlite_utils.Database:
        return self.workspace.db


def services_for(workspace: Workspace, clock: Clock) -> Services:
    return Services(
        workspace, CustomerService(workspace), VisitService(workspace, clock), CatalogueService(workspace),
        OrderService(workspace, clock), ReceivablesService(workspace, clock), PlanningService(workspace, clock),
        ReportService(workspace, clock),
    )


@contextmanager
def applying(db: sqlite_utils.Database) -> Iterator[None]:
    """Write the way sync applies received changes: capture off, inside one transaction."""
    with write_transaction(db):
        db.execute("UPDATE capture_mode SET applying = 1")
        yield
        db.execute("UPDATE capture_mode SET applying = 0")


def synced_card_update(db: sqlite_utils.Database, customer_id: str, values: dict[str, Any]) -> None:
    """A supervisor's edit of a card (grade, credit limit) arriving by sync."""
    with applying(db):
        sets = ", ".join(f'"{k}" = ?' for k in values)
        db.execute(f"UPDATE customers SET {sets} WHERE id = ?", [*values.values(), customer_id])


def seed_products(db: sqlite_utils.Database) -> None:
    """The supervisor's catalogue, as received by a rep laptop."""
    with applying(db):
        for code, name, category, unit, price in PRODUCTS:
            insert_row(db, "products", {
                "id": str(ULID()), "code": code, "deleted": 0, "name": name, "category": category, "unit": unit,
                "price": price, "active": 1,
            })


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    tables = (*VISIT_LOG_TABLES, "change", "last_visits")
    return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
