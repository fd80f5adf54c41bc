"""Receivables: invoices and payments, a customer's balance and the aging of what is owed.

Debts are delivered orders (from their delivery date) and invoices entered by
hand (opening balances, goods billed outside the app). Aging rule: payments
are allocated to the oldest debts first (see ``storage.receivables``); each
debt's unpaid remainder is bucketed by its age in days on the as-of day:
``current`` under 30, ``days_30`` 30-59, ``days_60`` 60-89, ``days_90_plus``
90 or more. A customer who paid more than they owe has a ``credit`` and no
aged debt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Mapping

from ulid import ULID

from fieldcrm.domain import references
from fieldcrm.domain.references import Clock
from fieldcrm.domain.validation import money_to_json, parse_date
from fieldcrm.domain.visit_fields import (
    INVOICE_FIELDS_BY_NAME, PAYMENT_FIELDS_BY_NAME, parse_record, positive,
)
from fieldcrm.storage import receivables as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.visits import insert_row, next_code
from fieldcrm.workspace import Workspace

BUCKETS = ("current", "days_30", "days_60", "days_90_plus")
BUCKET_DAYS = 30  # each bucket but the last spans this many days of age


def bucket_for(age_days: int) -> str:
    """The aging bucket of a debt ``age_days`` old (future-dated debts are current)."""
    return BUCKETS[min(max(age_days, 0) // BUCKET_DAYS, len(BUCKETS) - 1)]


def aged_by(as_of: date) -> tuple[str, str, str]:
    """The last days a debt can be dated to be in days_30, days_60 and days_90_plus on ``as_of``.

    Lets storage bucket debts by comparing ISO dates instead of computing each debt's age.
    """
    first, second, third = (as_of - timedelta(days=BUCKET_DAYS * n) for n in range(1, len(BUCKETS)))
    return first.isoformat(), second.isoformat(), third.isoformat()


@dataclass(frozen=True)
class Balance:
    customer_id: str
    debts: int  # fen: delivered orders and invoices
    paid: int  # fen

    @property
    def outstanding(self) -> int:
        """What the customer still owes; negative when they paid ahead."""
        return self.debts - self.paid

    def to_json(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id, "debts": money_to_json(self.debts), "paid": money_to_json(self.paid),
            "outstanding": money_to_json(self.outstanding),
        }


@dataclass(frozen=True)
class OpenDebt:
    kind: str  # "order" or "invoice"
    id: str
    code: str | None
    day: str
    amount: int
    open: int
    age_days: int

    @property
    def bucket(self) -> str:
        return bucket_for(self.age_days)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "id": self.id, "code": self.code, "date": self.day, "amount": money_to_json(self.amount),
            "open": money_to_json(self.open), "age_days": self.age_days, "bucket": self.bucket,
        }


@dataclass(frozen=True)
class AgingRow:
    customer_id: str | None  # None on the totals row
    customer_code: str | None
    customer_name: str | None
    buckets: tuple[int, int, int, int]  # fen per BUCKETS
    credit: int  # fen paid ahead

    @property
    def outstanding(self) -> int:
        return sum(self.buckets)

    def to_json(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id, "customer_code": self.customer_code, "customer_name": self.customer_name,
            "outstanding": money_to_json(self.outstanding),
            **{name: money_to_json(amount) for name, amount in zip(BUCKETS, self.buckets)},
            "credit": money_to_json(self.credit),
        }


@dataclass(frozen=True)
class Aging:
    as_of: str
    rows: tuple[AgingRow, ...]  # most owed first
    total: AgingRow

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "rows": [r.to_json() for r in self.rows], "total": self.total.to_json()}


@dataclass(frozen=True)
class MoneyRecord:
    """A payment or an invoice as stored (``day`` is paid_on or invoice_date)."""

    kind: str
    id: str
    code: str
    customer_id: str
    day: str
    amount: int
    rep: str | None
    visit_id: str | None
    method: str | None
    reference: str | None
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "id": self.id, "code": self.code, "customer_id": self.customer_id, "date": self.day,
            "amount": money_to_json(self.amount), "rep": self.rep, "visit_id": self.visit_id,
            "method": self.method, "reference": self.reference, "note": self.note,
        }


class ReceivablesService:
    def __init__(self, workspace: Workspace, now: Clock = datetime.now) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.now = now

    def _as_of(self, today: str | date | None) -> date:
        if today is None:
            return self.now().date()
        return today if isinstance(today, date) else date.fromisoformat(parse_date("today", today))

    def payment(
        self, customer_id: str, amount: object, visit_id: str | None = None, paid_on: str | None = None,
        method: str | None = None, reference: str | None = None, note: str | None = None,
    ) -> MoneyRecord:
        """Money collected from a customer, at a visit (same customer) or otherwise."""
        ref = references.customer(self.db, customer_id)
        raw: dict[str, Any] = {
            "amount": amount, "paid_on": paid_on, "method": method, "reference": reference, "note": note,
        }
        values = parse_record(PAYMENT_FIELDS_BY_NAME, raw, creating=True)
        positive("amount", values["amount"])
        visit = references.visit_at(self.db, visit_id, ref.id) if visit_id else None
        identity = self.workspace.require_identity()
        values["paid_on"] = values["paid_on"] or (visit["visit_date"] if visit else self.now().date().isoformat())
        record = {
            "id": str(ULID()), "deleted": 0, "customer_id": ref.id, "territory": ref.territory,
            "visit_id": visit["id"] if visit else None,
            "rep": visit["rep"] if visit else identity.user_name, **values,
        }
        with write_transaction(self.db):
            record["code"] = next_code(self.db, identity, "P")
            insert_row(self.db, "payments", record)
        return self._record("payment", record, "paid_on")

    def invoice(
        self, customer_id: str, amount: object, invoice_date: str | None = None,
        reference: str | None = None, note: str | None = None,
    ) -> MoneyRecord:
        """A debt entered by hand: an opening balance or goods billed outside the app."""
        ref = references.customer(self.db, customer_id)
        raw = {"amount": amount, "invoice_date": invoice_date, "reference": reference, "note": note}
        values = parse_record(INVOICE_FIELDS_BY_NAME, raw, creating=True)
        positive("amount", values["amount"])
        values["invoice_date"] = values["invoice_date"] or self.now().date().isoformat()
        identity = self.workspace.require_identity()
        record = {
            "id": str(ULID()), "deleted": 0, "customer_id": ref.id, "territory": ref.territory,
            "rep": identity.user_name, **values,
        }
        with write_transaction(self.db):
            record["code"] = next_code(self.db, identity, "I")
            insert_row(self.db, "invoices", record)
        return self._record("invoice", record, "invoice_date")

    @staticmethod
    def _record(kind: str, row: Mapping[str, Any], day_column: str) -> MoneyRecord:
        return MoneyRecord(
            kind, row["id"], row["code"], row["customer_id"], row[day_column], row["amount"], row.get("rep"),
            row.get("visit_id"), row.get("method"), row.get("reference"), row.get("note"),
        )

    def payments(self, customer_id: str, limit: int = 200) -> list[MoneyRecord]:
        ref = references.customer(self.db, customer_id)
        return [
            MoneyRecord(
                "payment", r["id"], r["code"], ref.id, r["paid_on"], r["amount"], r["rep"], r["visit_id"],
                r["method"], r["reference"], r["note"],
            )
            for r in store.payments(self.db, ref.id, limit)
        ]

    def balance(self, customer_id: str, today: str | date | None = None) -> Balance:
        ref = references.customer(self.db, customer_id)
        debts, paid = store.totals(self.db, ref.id, self._as_of(today).isoformat()).get(ref.id, (0, 0))
        return Balance(ref.id, debts, paid)

    def open_debts(self, customer_id: str, today: str | date | None = None) -> list[OpenDebt]:
        """The customer's debts not yet fully paid, oldest first, with what is left of each."""
        ref = references.customer(self.db, customer_id)
        as_of = self._as_of(today)
        return [self._debt(row, as_of) for row in store.open_debts(self.db, ref.id, as_of.isoformat())]

    def aging(self, customer_id: str | None = None, today: str | date | None = None) -> Aging:
        """Aged receivables of one customer, or of every customer who owes or has credit."""
        as_of = self._as_of(today)
        ref = references.customer(self.db, customer_id) if customer_id else None
        rows = [AgingRow(*row) for row in store.aged_balances(
            self.db, ref.id if ref else None, as_of.isoformat(), aged_by(as_of),
        )]
        if ref and not rows:
            rows = [AgingRow(ref.id, ref.code, ref.name, (0, 0, 0, 0), 0)]
        sums = [sum(amounts) for amounts in zip(*(r.buckets for r in rows))] or [0, 0, 0, 0]
        total = AgingRow(None, None, None, (sums[0], sums[1], sums[2], sums[3]), sum(r.credit for r in rows))
        return Aging(as_of.isoformat(), tuple(rows), total)

    @staticmethod
    def _debt(row: Mapping[str, Any], as_of: date) -> OpenDebt:
        age = (as_of - date.fromisoformat(row["day"])).days
        return OpenDebt(row["kind"], row["id"], row["code"], row["day"], row["amount"], row["open"], age)
