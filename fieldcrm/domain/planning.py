"""Visit planning: how often each customer grade is visited, and who is due.

Frequencies are company policy, so they are synced settings a supervisor
changes and every laptop reads; the defaults apply until one is set. A
customer without a grade is visited like a general one. A customer is due
when their last done visit was at least their frequency ago, and a customer
never visited is always due. The due date of every customer is kept by
triggers in the local ``last_visits`` table (see ``storage.schema_visits``),
which is what makes the list fast at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from fieldcrm.domain.classifications import Grade
from fieldcrm.domain.customer_fields import FIELDS_BY_NAME
from fieldcrm.domain.references import Clock
from fieldcrm.domain.validation import MSG_REQUIRED, parse_date, parse_value
from fieldcrm.domain.visit_fields import FREQUENCY_DAYS
from fieldcrm.errors import FieldError, PermissionDenied
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import planning as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.storage.schema_visits import FREQUENCY_DEFAULTS
from fieldcrm.workspace import Workspace

DEFAULT_FREQUENCIES: dict[str, int] = dict(FREQUENCY_DEFAULTS)
UNGRADED_AS = Grade.GENERAL.value
SETTING_PREFIX = "visit_frequency."

MSG_SUPERVISORS_ONLY = _N("Errors", "frequency_days: only a supervisor may change visit frequencies")


@dataclass(frozen=True)
class DueCustomer:
    customer_id: str
    code: str | None
    name: str | None
    grade: str | None
    route: str | None
    territory: str | None
    rep: str | None
    last_visit: str | None
    frequency_days: int
    days_overdue: int | None  # None when never visited; 0 when due today
    next_planned: str | None  # an open planned visit, if one is already on a sheet

    @property
    def due_date(self) -> str | None:
        if self.last_visit is None:
            return None
        return (date.fromisoformat(self.last_visit) + timedelta(days=self.frequency_days)).isoformat()

    def to_json(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id, "code": self.code, "name": self.name, "grade": self.grade,
            "route": self.route, "territory": self.territory, "rep": self.rep, "last_visit": self.last_visit,
            "frequency_days": self.frequency_days, "due_date": self.due_date, "days_overdue": self.days_overdue,
            "next_planned": self.next_planned,
        }


class PlanningService:
    def __init__(self, workspace: Workspace, now: Clock = datetime.now) -> None:
        self.workspace = workspace
        self.db = workspace.db
        self.now = now

    def frequencies(self) -> dict[str, int]:
        """Days between visits per grade code, as the due dates are computed."""
        return store.frequencies(self.db, list(DEFAULT_FREQUENCIES))

    def set_frequency(self, grade: str, days: object) -> None:
        if not self.workspace.require_identity().is_supervisor:
            raise PermissionDenied(MSG_SUPERVISORS_ONLY)
        code = parse_value(FIELDS_BY_NAME["grade"], grade)
        if code is None:
            raise FieldError("grade", MSG_REQUIRED)
        number = parse_value(FREQUENCY_DAYS, days)
        with write_transaction(self.db):
            store.put_setting(self.db, SETTING_PREFIX + code, str(number))

    def due(
        self, route: str | None = None, territory: str | None = None, today: str | date | None = None,
        rep: str | None = None, limit: int | None = None, offset: int = 0,
    ) -> list[DueCustomer]:
        """Customers due or overdue: never visited first, then the longest overdue; pages with limit/offset."""
        day = self._day(today)
        frequencies = self.frequencies()
        rows = store.due(
            self.db, today=day.isoformat(), route=route, territory=territory, rep=rep, limit=limit, offset=offset
        )
        result = []
        for cid, code, name, grade, route_, territory_, rep_, last, due_on, planned in rows:
            if last is None:
                frequency, overdue = frequencies.get(grade or UNGRADED_AS, frequencies[UNGRADED_AS]), None
            else:
                due_day = date.fromisoformat(due_on)
                frequency, overdue = (due_day - date.fromisoformat(last)).days, (day - due_day).days
            result.append(
                DueCustomer(cid, code, name, grade, route_, territory_, rep_, last, frequency, overdue, planned)
            )
        return result

    def due_count(
        self, route: str | None = None, territory: str | None = None, today: str | date | None = None,
        rep: str | None = None,
    ) -> int:
        """How many customers ``due`` would list, for a paged view."""
        return store.due_count(self.db, today=self._day(today).isoformat(), route=route, territory=territory, rep=rep)

    def _day(self, today: str | date | None) -> date:
        if today is None:
            return self.now().date()
        return today if isinstance(today, date) else date.fromisoformat(parse_date("today", today))
