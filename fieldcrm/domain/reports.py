"""Daily and monthly reports built from the visit log, their submission, and urgent reports.

Reports are computed from visits, orders and payments whenever asked, so they
always match the log. Submitting one stores a snapshot (a synced row) so the
supervisor sees what the rep sent even before the underlying rows sync.
Versions: each submission of (rep, kind, period) is a new row numbered one
above the last; submitting again with nothing changed returns the last
version instead of adding one, and ``changed_since_submission`` tells the rep
a resubmission is due after editing a visit.
"""

from __future__ import annotations

import json
import re
from calendar import monthrange
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, Mapping, TypeVar

from ulid import ULID

from fieldcrm.domain import references
from fieldcrm.domain.references import Clock
from fieldcrm.domain.validation import money_to_json, parse_date, parse_value
from fieldcrm.domain.visit_fields import REMARKS, URGENT_NOTE_FIELDS_BY_NAME, parse_record
from fieldcrm.errors import FieldError, NotFound, PermissionDenied
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import reports as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.visits import find_id, insert_row, next_code, update_row
from fieldcrm.workspace import Workspace

DAILY, MONTHLY = "daily", "monthly"
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

MSG_MONTH = _N("Errors", "{field}: '{value}' is not a month in the form YYYY-MM")
MSG_OTHERS_REPORT = _N("Errors", "rep: a rep submits only their own reports")
MSG_ACK_SUPERVISOR = _N("Errors", "urgent: only a supervisor may acknowledge an urgent report")
MSG_URGENT_NOT_FOUND = _N("Errors", "urgent: no urgent report with id or code '{id}'")


def _yuan(rows: tuple[dict[str, Any], ...], *money: str) -> list[dict[str, Any]]:
    return [{k: money_to_json(v) if k in money else v for k, v in row.items()} for row in rows]


@dataclass(frozen=True)
class DailyReport:
    rep: str
    day: str
    visited: tuple[dict[str, Any], ...]
    missed: tuple[dict[str, Any], ...]
    planned: tuple[dict[str, Any], ...]  # still planned for the day, neither done nor missed
    orders: tuple[dict[str, Any], ...]  # "total" in fen
    collections: tuple[dict[str, Any], ...]  # "amount" in fen
    complaints: tuple[dict[str, Any], ...]
    market: tuple[dict[str, Any], ...]
    urgent: tuple[dict[str, Any], ...]
    submitted_version: int | None = None
    changed_since_submission: bool = False

    @property
    def customers_visited(self) -> int:
        return len({v["customer_id"] for v in self.visited})

    @property
    def order_total(self) -> int:
        return sum(o["total"] for o in self.orders if o["status"] != "cancelled")

    @property
    def collected(self) -> int:
        return sum(p["amount"] for p in self.collections)

    def content(self) -> dict[str, Any]:
        """The report as submitted and shown: plain JSON, money in yuan."""
        return {
            "kind": DAILY, "rep": self.rep, "date": self.day,
            "customers_visited": self.customers_visited, "visits_done": len(self.visited),
            "visits_missed": len(self.missed), "visits_planned": len(self.planned),
            "orders_count": sum(1 for o in self.orders if o["status"] != "cancelled"),
            "orders_amount": money_to_json(self.order_total), "collected": money_to_json(self.collected),
            "visited": list(self.visited), "missed": list(self.missed), "planned": list(self.planned),
            "orders": _yuan(self.orders, "total"), "collections": _yuan(self.collections, "amount"),
            "complaints": list(self.complaints), "market": list(self.market), "urgent": list(self.urgent),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            **self.content(), "submitted_version": self.submitted_version,
            "changed_since_submission": self.changed_since_submission,
        }


@dataclass(frozen=True)
class MonthlySummary:
    rep: str
    month: str
    days: tuple[dict[str, Any], ...]  # per day with activity; "ordered"/"collected" in fen
    customers_visited: int
    urgent_reports: int
    submitted_version: int | None = None
    changed_since_submission: bool = False

    def _sum(self, key: str) -> int:
        return sum(int(d[key]) for d in self.days)

    def content(self) -> dict[str, Any]:
        return {
            "kind": MONTHLY, "rep": self.rep, "month": self.month,
            "days_worked": sum(1 for d in self.days if d["done"]), "customers_visited": self.customers_visited,
            "visits_done": self._sum("done"), "visits_missed": self._sum("missed"),
            "complaints": self._sum("complaints"), "market_reports": self._sum("market"),
            "orders_count": self._sum("orders"), "orders_amount": money_to_json(self._sum("ordered")),
            "collected": money_to_json(self._sum("collected")), "urgent_reports": self.urgent_reports,
            "days": _yuan(self.days, "ordered", "collected"),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            **self.content(), "submitted_version": self.submitted_version,
            "changed_since_submission": self.changed_since_submission,
        }


@dataclass(frozen=True)
class SubmittedReport:
    id: str
    kind: str
    period: str
    rep: str
    version: int
    submitted_at: str
    remarks: str | None
    content: dict[str, Any] = field(repr=False)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "SubmittedReport":
        return cls(
            row["id"], row["kind"], row["period"], row["rep"], int(row["version"]), row["submitted_at"],
            row["remarks"], json.loads(row["content"] or "{}"),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "period": self.period, "rep": self.rep, "version": self.version,
            "submitted_at": self.submitted_at, "remarks": self.remarks, "content": self.content,
        }


@dataclass(frozen=True)
class UrgentReport:
    id: str
    code: str | None
    category: str
    note: str | None
    rep: str | None
    reported_at: str
    customer_id: str | None
    customer_code: str | None
    customer_name: str | None
    visit_id: str | None
    visit_code: str | None
    acknowledged_by: str | None
    acknowledged_at: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


R = TypeVar("R", DailyReport, MonthlySummary)


class ReportService:
    def __init__(self, workspace: Workspace, now: Clock = datetime.now) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.now = now

    # -- daily -------------------------------------------------------------------

    def daily(self, rep: str, day: str | date) -> DailyReport:
        """What ``rep`` did on ``day``, from the visit log."""
        day_text = day.isoformat() if isinstance(day, date) else parse_date("date", day)
        visits = store.day_visits(self.db, rep, day_text)
        done = [v for v in visits if v["status"] == "done"]
        customer = ("customer_id", "customer_code", "customer_name")

        def pick(row: Mapping[str, Any], *names: str) -> dict[str, Any]:
            return {n: row[n] for n in (*customer, *names)}

        next_day = (date.fromisoformat(day_text) + timedelta(days=1)).isoformat()
        report = DailyReport(
            rep, day_text,
            visited=tuple(pick(v, "code", "purpose", "check_in", "check_out", "outcome", "next_action",
                               "next_visit_date") for v in done),
            missed=tuple(pick(v, "code", "missed_reason") for v in visits if v["status"] == "missed"),
            planned=tuple(pick(v, "code", "purpose") for v in visits if v["status"] == "planned"),
            orders=tuple(pick(o, "code", "visit_id", "status", "total", "credit_flag")
                         for o in store.day_orders(self.db, rep, day_text)),
            collections=tuple(pick(p, "code", "visit_id", "amount", "method")
                              for p in store.day_payments(self.db, rep, day_text)),
            complaints=tuple(pick(v, "code", "complaints", "complaint_handling") for v in done if v["complaints"]),
            market=tuple(
                pick(v, "code", "competitor_products", "competitor_prices", "competitor_promotions")
                for v in done
                if v["competitor_products"] or v["competitor_prices"] or v["competitor_promotions"]
            ),
            urgent=tuple(pick(u, "code", "category", "note", "reported_at")
                         for u in store.urgent_between(self.db, rep, day_text, next_day)),
        )
        return self._with_status(report, DAILY, day_text)

    def submit_daily(self, rep: str, day: str | date, remarks: str | None = None) -> SubmittedReport:
        report = self.daily(rep, day)
        return self._submit(rep, DAILY, report.day, report.content(), remarks)

    # -- monthly -----------------------------------------------------------------

    def monthly(self, rep: str, month: str) -> MonthlySummary:
        """Per-day figures and totals of ``rep``'s month (``YYYY-MM``)."""
        text = str(month).strip()
        if not _MONTH.match(text):
            raise FieldError("month", MSG_MONTH, value=month)
        year, number = int(text[:4]), int(text[5:])
        first, last = f"{text}-01", f"{text}-{monthrange(year, number)[1]:02d}"
        days: dict[str, dict[str, Any]] = {}
        blank = {"done": 0, "missed": 0, "customers": 0, "complaints": 0, "market": 0, "orders": 0,
                 "ordered": 0, "collected": 0}
        for row in store.month_by_day(self.db, rep, first, last):
            days.setdefault(row["day"], {"date": row["day"], **blank}).update(
                {k: int(row[k] or 0) for k in ("done", "missed", "customers", "complaints", "market")}
            )
        for row in store.money_by_day(self.db, rep, first, last):
            days.setdefault(row["day"], {"date": row["day"], **blank}).update(
                {k: int(row[k] or 0) for k in ("orders", "ordered", "collected")}
            )
        after = (date.fromisoformat(last) + timedelta(days=1)).isoformat()
        summary = MonthlySummary(
            rep, text, tuple(days[d] for d in sorted(days)), store.month_customers(self.db, rep, first, last),
            len(store.urgent_between(self.db, rep, first, after)),
        )
        return self._with_status(summary, MONTHLY, text)

    def submit_monthly(self, rep: str, month: str, remarks: str | None = None) -> SubmittedReport:
        summary = self.monthly(rep, month)
        return self._submit(rep, MONTHLY, summary.month, summary.content(), remarks)

    # -- submissions ---------------------------------------------------------------

    def submissions(
        self, kind: str = DAILY, rep: str | None = None, since: str | None = None, limit: int = 500
    ) -> list[SubmittedReport]:
        """The newest version of each submitted report, newest period first (the supervisor's inbox)."""
        rows = store.list_submissions(self.db, kind=kind, rep=rep, since=since, limit=limit)
        return [SubmittedReport.from_row(r) for r in rows]

    def _with_status(self, report: R, kind: str, period: str) -> R:
        """The report marked with its last submitted version and whether it differs from it."""
        latest = store.latest_submission(self.db, report.rep, kind, period)
        if latest is None:
            return report
        changed = json.loads(latest["content"] or "{}") != report.content()
        return replace(report, submitted_version=latest["version"], changed_since_submission=changed)

    def _submit(
        self, rep: str, kind: str, period: str, content: dict[str, Any], remarks: str | None
    ) -> SubmittedReport:
        identity = self.workspace.require_identity()
        if not identity.is_supervisor and rep != identity.user_name:
            raise PermissionDenied(MSG_OTHERS_REPORT)
        remarks_value = parse_value(REMARKS, remarks)
        text = json.dumps(content, ensure_ascii=False, sort_keys=True)
        with write_transaction(self.db):
            latest = store.latest_submission(self.db, rep, kind, period)
            if latest is not None and json.loads(latest["content"] or "{}") == content \
                    and latest["remarks"] == remarks_value:
                return SubmittedReport.from_row(latest)
            row = {
                "id": str(ULID()), "deleted": 0, "kind": kind, "period": period, "rep": rep,
                "territory": identity.territory, "version": (latest["version"] if latest else 0) + 1,
                "submitted_at": self.now().isoformat(timespec="seconds"), "remarks": remarks_value, "content": text,
            }
            insert_row(self.db, "submitted_reports", row)
        return SubmittedReport.from_row(row)

    # -- urgent --------------------------------------------------------------------

    def urgent(self, include_acknowledged: bool = True, limit: int = 500) -> list[UrgentReport]:
        """Urgent reports, unacknowledged first, newest first."""
        return [
            self._urgent(r) for r in store.list_urgent(self.db, include_acknowledged=include_acknowledged, limit=limit)
        ]

    def flag_urgent(self, category: str, note: str, customer_id: str | None = None) -> UrgentReport:
        """A standalone urgent note (no visit), optionally about a customer."""
        values = parse_record(URGENT_NOTE_FIELDS_BY_NAME, {"category": category, "note": note}, creating=True)
        ref = references.customer(self.db, customer_id) if customer_id else None
        identity = self.workspace.require_identity()
        report_id = str(ULID())
        with write_transaction(self.db):
            insert_row(self.db, "urgent_reports", {
                "id": report_id, "code": next_code(self.db, identity, "U"), "deleted": 0,
                "customer_id": ref.id if ref else None, "territory": ref.territory if ref else identity.territory,
                "rep": identity.user_name, "reported_at": self.now().isoformat(timespec="seconds"), **values,
            })
        return self.get_urgent(report_id)

    def acknowledge(self, id_or_code: str) -> UrgentReport:
        """A supervisor has seen it; acknowledging twice keeps the first acknowledgement."""
        identity = self.workspace.require_identity()
        if not identity.is_supervisor:
            raise PermissionDenied(MSG_ACK_SUPERVISOR)
        report = self.get_urgent(id_or_code)
        if report.acknowledged_at is None:
            with write_transaction(self.db):
                update_row(self.db, "urgent_reports", report.id, {
                    "acknowledged_by": identity.user_name,
                    "acknowledged_at": self.now().isoformat(timespec="seconds"),
                })
        return self.get_urgent(report.id)

    def get_urgent(self, id_or_code: str) -> UrgentReport:
        found = find_id(self.db, "urgent_reports", str(id_or_code).strip())
        rows = store.list_urgent(self.db, include_acknowledged=True, limit=1, report_id=found) if found else []
        if not rows:
            raise NotFound(MSG_URGENT_NOT_FOUND, id=id_or_code)
        return self._urgent(rows[0])

    @staticmethod
    def _urgent(row: Mapping[str, Any]) -> UrgentReport:
        return UrgentReport(
            row["id"], row["code"], row["category"], row["note"], row["rep"], row["reported_at"],
            row["customer_id"], row["customer_code"], row["customer_name"], row["visit_id"], row["visit_code"],
            row["acknowledged_by"], row["acknowledged_at"],
        )
