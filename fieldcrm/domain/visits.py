"""Visit logs: plan, start, finish, log, edit, find, and a customer's visit history.

Every write is one transaction, and capture records each changed field in it,
so editing a past visit is allowed and ``history`` shows who changed what.
A visit's urgent flag is stored as its urgent report (one list for
supervisors to acknowledge), but is read and edited here as the visit's
``urgent_category``/``urgent_note`` fields. Times are the laptop's local time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Mapping

from ulid import ULID

from fieldcrm.domain import references
from fieldcrm.domain.references import Clock
from fieldcrm.domain.validation import MSG_REQUIRED, money_to_json, parse_date
from fieldcrm.domain.visit_fields import (
    URGENT_FIELDS, VISIT_FIELDS_BY_NAME, VisitPurpose, VisitStatus, parse_record,
)
from fieldcrm.errors import FieldError, NotFound, PermissionDenied, ValidationErrors
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import reports as report_store
from fieldcrm.storage import visits as store
from fieldcrm.storage.customers import HistoryRow
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

MSG_NOT_FOUND = _N("Errors", "visit: no visit with id or code '{id}'")
MSG_OUT_BEFORE_IN = _N("Errors", "{field}: check-out {value} is before check-in {check_in}")
MSG_OUT_WITHOUT_IN = _N("Errors", "{field}: a check-out needs a check-in time")
MSG_PLANNED_CHECKED_IN = _N("Errors", "{field}: a planned visit has no check-in yet; set the status to done")
MSG_NEXT_BEFORE = _N("Errors", "{field}: {value} is before the visit date {visit_date}")
MSG_OTHER_REP = _N("Errors", "{field}: a rep logs visits only under their own name")
MSG_NOT_YOURS = _N("Errors", "visit: {code} belongs to {rep}; only they or a supervisor may change it")


@dataclass(frozen=True)
class VisitSummary:
    """A line of the customer card's visit history."""

    id: str
    code: str
    visit_date: str
    check_in: str | None
    check_out: str | None
    purpose: str
    status: str
    rep: str | None
    outcome: str | None
    missed_reason: str | None
    complaints: str | None
    urgent_category: str | None
    ordered: int  # fen, orders not cancelled
    collected: int  # fen
    items: tuple[tuple[str, str, str | None, int], ...]  # sku, name, unit, quantity

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "code": self.code, "visit_date": self.visit_date, "check_in": self.check_in,
            "check_out": self.check_out, "purpose": self.purpose, "status": self.status, "rep": self.rep,
            "outcome": self.outcome, "missed_reason": self.missed_reason, "complaints": self.complaints,
            "urgent_category": self.urgent_category, "ordered": money_to_json(self.ordered),
            "collected": money_to_json(self.collected),
            "items": [{"sku": s, "name": n, "unit": u, "quantity": q} for s, n, u, q in self.items],
        }


class VisitService:
    def __init__(self, workspace: Workspace, now: Clock = datetime.now) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.now = now

    # -- reading ---------------------------------------------------------------

    def resolve(self, id_or_code: str) -> str:
        found = store.find_id(self.db, "visits", str(id_or_code).strip())
        if found is None:
            raise NotFound(MSG_NOT_FOUND, id=id_or_code)
        return found

    def get(self, id_or_code: str) -> dict[str, Any]:
        """The stored visit with its customer's code and name and its urgent flag."""
        visit = store.get(self.db, self.resolve(id_or_code))
        assert visit is not None
        urgent = report_store.urgent_for_visit(self.db, visit["id"])
        live = urgent is not None and not urgent["deleted"]
        card = store.customer_ref(self.db, visit["customer_id"]) if visit["customer_id"] else None
        return {
            **visit,
            "customer_code": card["code"] if card else None,
            "customer_name": card["name"] if card else None,
            "urgent_category": urgent["category"] if live else None,
            "urgent_note": urgent["note"] if live else None,
            "urgent_acknowledged_by": urgent["acknowledged_by"] if live else None,
        }

    def list(
        self, customer: str | None = None, rep: str | None = None, date: str | None = None, limit: int = 500
    ) -> list[dict[str, Any]]:
        """Visits newest first, filtered by customer (id or code), rep and day."""
        customer_id = references.customer(self.db, customer).id if customer else None
        day = parse_date("date", date) if date else None
        return store.list_visits(self.db, customer_id=customer_id, rep=rep, day=day, limit=limit)

    def history(self, id_or_code: str) -> list[HistoryRow]:
        return store.history(self.db, self.resolve(id_or_code))

    def for_customer(self, customer_id: str, limit: int = 200) -> list[VisitSummary]:
        """The card's visit history, newest first, with what was ordered and collected at each."""
        ref = references.customer(self.db, customer_id)
        items = store.customer_items_by_visit(self.db, ref.id)
        return [
            VisitSummary(
                r.id, r.code, r.visit_date, r.check_in, r.check_out, r.purpose, r.status, r.rep, r.outcome,
                r.missed_reason, r.complaints, r.urgent_category, r.ordered, r.collected,
                tuple(items.get(r.id, ())),
            )
            for r in store.customer_visits(self.db, ref.id, limit)
        ]

    # -- writing ---------------------------------------------------------------

    def plan(
        self, customer_id: str, planned_date: str, purpose: str = VisitPurpose.ROUTINE.value, rep: str | None = None
    ) -> dict[str, Any]:
        """A planned visit, with a code the printed visit sheet shows."""
        raw: dict[str, Any] = {"planned_date": planned_date, "purpose": purpose, "status": VisitStatus.PLANNED.value}
        if rep is not None:
            raw["rep"] = rep
        return self.log(customer_id, raw)

    def start(
        self, customer_id: str, purpose: str | None = None, planned_date: str | None = None
    ) -> dict[str, Any]:
        """Check in at a customer now.

        The oldest open planned visit of this rep at the customer, due by
        ``planned_date`` (default today), is taken over, keeping its code and
        purpose unless one is given; otherwise a new unplanned visit is made.
        """
        ref = references.customer(self.db, customer_id)
        now = self.now()
        day = now.date().isoformat()
        due_by = parse_date("planned_date", planned_date) if planned_date else day
        me = self.workspace.require_identity().user_name
        with write_transaction(self.db):
            planned = store.planned_visit(self.db, ref.id, me, due_by)
            if planned is not None:
                edits = {
                    "status": VisitStatus.DONE.value, "visit_date": day, "check_in": now.strftime("%H:%M"), "rep": me,
                }
                self.update(planned, {**edits, **({"purpose": purpose} if purpose else {})})
                return self.get(planned)
            raw = {
                "visit_date": day, "check_in": now.strftime("%H:%M"), "purpose": purpose or VisitPurpose.ROUTINE.value,
            }
            if planned_date:
                raw["planned_date"] = planned_date
            return self.log(ref.id, raw)

    def finish(self, id_or_code: str, raw: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Check out now, saving whatever else the form holds in the same write."""
        values = {"check_out": self.now().strftime("%H:%M"), **(raw or {})}
        self.update(id_or_code, values)
        return self.get(id_or_code)

    def log(self, customer_id: str, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Record a visit; a done visit today by this workspace's user unless the fields say otherwise."""
        ref = references.customer(self.db, customer_id)
        identity = self.workspace.require_identity()
        values = parse_record(VISIT_FIELDS_BY_NAME, self._defaults(raw), creating=True)
        visit = {k: v for k, v in values.items() if k not in URGENT_FIELDS}
        visit["rep"] = visit.get("rep") or identity.user_name
        self._check_rep(visit["rep"])
        self._check_rules(values)
        visit_id = str(ULID())
        with write_transaction(self.db):
            code = store.next_code(self.db, identity, "V")
            store.insert_row(self.db, "visits", {
                "id": visit_id, "code": code, "deleted": 0, "customer_id": ref.id, "territory": ref.territory,
                **visit,
            })
            self._apply_urgent(visit_id, values.get("urgent_category"), values.get("urgent_note"))
        return self.get(visit_id)

    def update(self, id_or_code: str, raw: Mapping[str, Any]) -> list[str]:
        """Apply edits (past visits too); returns the names of the fields that changed."""
        visit_id = self.resolve(id_or_code)
        values = parse_record(VISIT_FIELDS_BY_NAME, raw, creating=False)
        with write_transaction(self.db):
            current = self.get(visit_id)
            self._check_owner(current)
            if "rep" in values:
                values["rep"] = values["rep"] or current["rep"]
                self._check_rep(values["rep"])
            changed = {k: v for k, v in values.items() if current[k] != v}
            self._check_rules({**current, **changed})
            store.update_row(self.db, "visits", visit_id, {k: v for k, v in changed.items() if k not in URGENT_FIELDS})
            if URGENT_FIELDS & changed.keys():
                merged = {**current, **changed}
                self._apply_urgent(visit_id, merged["urgent_category"], merged["urgent_note"])
        return list(changed)

    def delete(self, id_or_code: str) -> None:
        """Retire a visit logged by mistake (a tombstone that syncs; its urgent flag goes with it)."""
        visit_id = self.resolve(id_or_code)
        with write_transaction(self.db):
            self._check_owner(self.get(visit_id))
            store.update_row(self.db, "visits", visit_id, {"deleted": 1})
            self._apply_urgent(visit_id, None, None)

    # -- rules -----------------------------------------------------------------

    def _defaults(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """A logged visit is done today for a routine purpose; a planned one falls on its planned date."""
        values = dict(raw)
        values.setdefault("purpose", VisitPurpose.ROUTINE.value)
        values.setdefault("status", VisitStatus.DONE.value)
        today = self.now().date().isoformat()
        planned = str(values["status"]).strip().lower() == VisitStatus.PLANNED.value
        if planned and not values.get("planned_date"):
            values["planned_date"] = values.get("visit_date") or today
        if not values.get("visit_date"):
            values["visit_date"] = values["planned_date"] if planned else today
        return values

    def _check_rep(self, rep: str) -> None:
        identity = self.workspace.require_identity()
        if not identity.is_supervisor and rep != identity.user_name:
            raise FieldError("rep", MSG_OTHER_REP)

    def _check_owner(self, visit: Mapping[str, Any]) -> None:
        identity = self.workspace.require_identity()
        if not identity.is_supervisor and visit["rep"] not in (None, identity.user_name):
            raise PermissionDenied(MSG_NOT_YOURS, code=visit["code"], rep=visit["rep"])

    @staticmethod
    def _check_rules(visit: Mapping[str, Any]) -> None:
        """Rules across fields, checked on the visit as it would be saved."""
        errors: list[FieldError] = []
        check_in, check_out = visit.get("check_in"), visit.get("check_out")
        if check_out and not check_in:
            errors.append(FieldError("check_out", MSG_OUT_WITHOUT_IN))
        elif check_out and check_in and check_out < check_in:
            errors.append(FieldError("check_out", MSG_OUT_BEFORE_IN, value=check_out, check_in=check_in))
        if visit.get("status") == VisitStatus.PLANNED.value and check_in:
            errors.append(FieldError("check_in", MSG_PLANNED_CHECKED_IN))
        if visit.get("status") == VisitStatus.MISSED.value and not visit.get("missed_reason"):
            errors.append(FieldError("missed_reason", MSG_REQUIRED))
        next_date, visit_date = visit.get("next_visit_date"), visit.get("visit_date")
        if next_date and visit_date and date.fromisoformat(next_date) < date.fromisoformat(visit_date):
            errors.append(FieldError("next_visit_date", MSG_NEXT_BEFORE, value=next_date, visit_date=visit_date))
        if visit.get("urgent_note") and not visit.get("urgent_category"):
            errors.append(FieldError("urgent_category", MSG_REQUIRED))
        if errors:
            raise ValidationErrors(errors)

    def _apply_urgent(self, visit_id: str, category: str | None, note: str | None) -> None:
        """Keep the visit's one urgent report in step with its flag (inside the caller's transaction)."""
        existing = report_store.urgent_for_visit(self.db, visit_id)
        if category is None:
            if existing is not None and not existing["deleted"]:
                store.update_row(self.db, "urgent_reports", existing["id"], {"category": None, "deleted": 1})
            return
        if existing is not None:
            wanted = {"category": category, "note": note, "deleted": 0}
            store.update_row(
                self.db, "urgent_reports", existing["id"], {k: v for k, v in wanted.items() if existing[k] != v}
            )
            return
        visit = store.get(self.db, visit_id)
        assert visit is not None
        identity = self.workspace.require_identity()
        store.insert_row(self.db, "urgent_reports", {
            "id": str(ULID()), "code": store.next_code(self.db, identity, "U"), "deleted": 0,
            "customer_id": visit["customer_id"], "territory": visit["territory"], "visit_id": visit_id,
            "rep": visit["rep"], "reported_at": self.now().isoformat(timespec="seconds"),
            "category": category, "note": note,
        })
