"""The week plan: Monday to Sunday side by side, each day's routes and the customers due on them.

Each column is a day; down it run the routes of that day, each followed by
the customers due on it in route order (``WeekPlanService.week``). Delivery
runs follow orders rather than visit frequencies, so they show their stop
count only. The plan is read on a worker (it reads every due customer) and
re-read when routes, stops, customers or visits change while it is shown.
Double-clicking a due customer asks for their card.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldcrm.domain.route_values import Weekday
from fieldcrm.domain.week_plan import DayPlan, RouteDay, WeekPlan
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.routes import readers, texts
from fieldcrm.ui.visits.list_widgets import record_table
from fieldcrm.ui.workers import Job, TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
#: the tables whose changes can change the plan
WEEK_PLAN_TABLES = frozenset({"routes", "route_stops", "territories", "customers", "visits", "settings"})
INDENT = "    "


@dataclass(frozen=True)
class PlanLine:
    """One cell of a day's column: a route heading, or a customer due on the route above."""

    text: str
    tooltip: str
    route_id: str
    customer_id: str | None = None


class WeekPlanModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: WeekPlan | None = None
        self._columns: list[list[PlanLine]] = [[] for _ in Weekday]
        self._bold = QFont()
        self._bold.setBold(True)

    def set_plan(self, plan: WeekPlan | None) -> None:
        self.beginResetModel()
        self._plan = plan
        self._columns = [self._lines(day) for day in plan.days] if plan else [[] for _ in Weekday]
        self.endResetModel()

    @property
    def plan(self) -> WeekPlan | None:
        return self._plan

    def _lines(self, day: DayPlan) -> list[PlanLine]:
        lines: list[PlanLine] = []
        for running in day.routes:
            lines.append(self._heading(running))
            for due in running.due or ():
                text = " ".join(p for p in (due.code, due.name) if p) or due.customer_id
                if due.last_visit is None:
                    tip = self.tr("Never visited")
                else:
                    tip = self.tr("Last visit {last}, due {due}").format(last=due.last_visit, due=due.due_date)
                lines.append(PlanLine(INDENT + text, tip, running.route.id, due.customer_id))
        return lines

    def _heading(self, running: RouteDay) -> PlanLine:
        route = running.route
        if running.due is None:
            summary = self.tr("%n stop(s), delivery", "", route.stops)
        else:
            summary = self.tr("%n due", "", len(running.due))
        people = route.rep or route.delivery or ""
        tip = self.tr("{route}: {stops} stops, {length}").format(
            route=route.name, stops=texts.count(route.stops), length=texts.km(route.length_m)
        )
        text = self.tr("{route} · {summary}").format(route=route.name, summary=summary)
        return PlanLine(text, tip + (f"\n{people}" if people else ""), route.id)

    def line(self, index: AnyIndex) -> PlanLine | None:
        if not index.isValid():
            return None
        lines = self._columns[index.column()]
        return lines[index.row()] if index.row() < len(lines) else None

    def customer_at(self, index: AnyIndex) -> str | None:
        found = self.line(index)
        return found.customer_id if found else None

    def routes_on(self, weekday: Weekday) -> list[str]:
        """The route ids running on a day, in the order shown."""
        return [ln.route_id for ln in self._columns[weekday.number] if ln.customer_id is None]

    def customers_on(self, weekday: Weekday) -> list[str]:
        return [ln.customer_id for ln in self._columns[weekday.number] if ln.customer_id is not None]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else max(len(lines) for lines in self._columns)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.line(index)
        if found is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return found.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return found.tooltip
        if role == Qt.ItemDataRole.FontRole and found.customer_id is None:
            return self._bold
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self.line(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        weekday = list(Weekday)[section]
        if self._plan is None:
            return texts.day_name(weekday)
        day = self._plan.days[section].day
        return self.tr("{weekday} {date}").format(weekday=texts.day_name(weekday), date=texts.short_date(day))


class WeekPlanPanel(QWidget):
    #: a due customer was double-clicked: open their card
    customer_opened = Signal(str)
    #: a plan arrived from the worker
    loaded = Signal()

    def __init__(self, tasks: TaskRunner, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._folder = folder
        self._territory: str | None = None
        self._job: Job | None = None
        self._stale = True
        self.model = WeekPlanModel(self)
        self.table = record_table(self.model, "weekPlanTable", self)
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.week = QDateEdit(QDate.currentDate(), self)
        self.week.setObjectName("weekPlanDate")
        self.week.setCalendarPopup(True)
        self.week.dateChanged.connect(lambda: self.reload())
        previous = QPushButton(self.tr("◀ &Previous week"), self)
        previous.clicked.connect(lambda: self.shift_weeks(-1))
        following = QPushButton(self.tr("&Next week ▶"), self)
        following.clicked.connect(lambda: self.shift_weeks(1))
        this_week = QPushButton(self.tr("&This week"), self)
        this_week.clicked.connect(lambda: self.week.setDate(QDate.currentDate()))
        self.status = QLabel(self)
        self.status.setObjectName("weekPlanStatus")
        self.unscheduled = QLabel(self)
        self.unscheduled.setObjectName("weekPlanUnscheduled")
        self.unscheduled.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(previous)
        controls.addWidget(QLabel(self.tr("Week of"), self))
        controls.addWidget(self.week)
        controls.addWidget(following)
        controls.addWidget(this_week)
        controls.addStretch(1)
        controls.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unscheduled)

    @property
    def start(self) -> date:
        """The Monday of the chosen week."""
        day = self.week.date().toPython()
        return day - timedelta(days=day.weekday())

    def shift_weeks(self, weeks: int) -> None:
        self.week.setDate(self.week.date().addDays(7 * weeks))

    def set_territory(self, node_id: str | None) -> None:
        """Plan the routes of this territory node (None: every route)."""
        if node_id != self._territory:
            self._territory = node_id
            self.reload()

    def data_changed(self, tables: set[str]) -> None:
        if tables & WEEK_PLAN_TABLES:
            self.reload()

    def reload(self) -> Job | None:
        """Read the plan on a worker; while hidden, only remember to read it when shown."""
        if not self.isVisible():
            self._stale = True
            return None
        self._stale = False
        if self._job is not None:
            self._job.cancel()
        folder, start, territory = self._folder, self.start, self._territory
        self._job = job = readers.start(
            self._tasks, lambda progress: readers.week_plan(folder, start, territory, progress),
            self._show, self._failed, self._finished,
        )
        self.status.setText(self.tr("Loading…"))
        return job

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _finished(self) -> None:
        if self._job is self.sender():  # not one replaced by a newer request
            self._job = None

    def _failed(self, error: FieldCRMError) -> None:
        self.status.setText(texts.message(error))

    def _show(self, plan: WeekPlan) -> None:
        self.status.setText("")
        self.model.set_plan(plan)
        names = ", ".join(route.name for route in plan.unscheduled)
        self.unscheduled.setText(self.tr("Routes without days: {routes}").format(routes=names) if names else "")
        self.loaded.emit()

    def _open(self, index: QModelIndex) -> None:
        customer_id = self.model.customer_at(index)
        if customer_id is not None:
            self.customer_opened.emit(customer_id)
