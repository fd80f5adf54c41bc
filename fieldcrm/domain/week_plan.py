"""The week plan: which route runs on which day, and which of its customers are due that day.

Due dates come from the visit planning rules (``fieldcrm.domain.planning``):
a customer is due once their grade's visit frequency has passed since their
last done visit, and always when never visited. The week is walked day by
day: a customer due on a route's first running day is planned there and is
next due a full frequency later, so a key customer on a Monday-and-Thursday
route is not planned twice in one week unless their frequency asks for it.
Lost customers and retired cards are never due. Delivery runs follow orders,
not visit frequencies, so they are listed with their stop count only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from fieldcrm.domain.planning import DueCustomer, PlanningService
from fieldcrm.domain.references import Clock
from fieldcrm.domain.route_model import Route
from fieldcrm.domain.route_values import RouteKind, Weekday
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.validation import parse_date
from fieldcrm.storage import routes as route_store
from fieldcrm.workspace import Workspace


@dataclass(frozen=True)
class DueStop:
    customer_id: str
    code: str | None
    name: str | None
    grade: str | None
    last_visit: str | None
    due_date: str | None  # None when never visited

    def to_json(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id, "code": self.code, "name": self.name, "grade": self.grade,
            "last_visit": self.last_visit, "due_date": self.due_date,
        }


@dataclass(frozen=True)
class RouteDay:
    """A route running on one day; ``due`` is None for delivery runs."""

    route: Route
    due: tuple[DueStop, ...] | None

    def to_json(self) -> dict[str, Any]:
        r = self.route
        return {
            "id": r.id, "name": r.name, "kind": r.kind.value, "rep": r.rep, "delivery": r.delivery,
            "stops": r.stops, "due": None if self.due is None else [d.to_json() for d in self.due],
        }


@dataclass(frozen=True)
class DayPlan:
    day: date
    weekday: Weekday
    routes: tuple[RouteDay, ...]

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "weekday": self.weekday.value, "routes": [r.to_json() for r in self.routes]}


@dataclass(frozen=True)
class WeekPlan:
    start: date  # a Monday
    days: tuple[DayPlan, ...]  # Monday to Sunday
    unscheduled: tuple[Route, ...]  # routes with no weekdays set

    def to_json(self) -> dict[str, Any]:
        return {
            "week_start": self.start.isoformat(), "days": [d.to_json() for d in self.days],
            "unscheduled": [{"id": r.id, "name": r.name} for r in self.unscheduled],
        }


class WeekPlanService:
    def __init__(self, workspace: Workspace, now: Clock = datetime.now) -> None:
        self.db = workspace.db
        self.now = now
        self.routes = RouteService(workspace)
        self.planning = PlanningService(workspace, now)

    def week(self, start: str | date | None = None, *, territory: str | None = None, kind: str | None = None) -> WeekPlan:
        """The plan of the week (Monday to Sunday) holding ``start``, by default this week."""
        if start is None:
            day = self.now().date()
        else:
            day = start if isinstance(start, date) else date.fromisoformat(parse_date("start", start))
        monday = day - timedelta(days=day.weekday())
        routes = self.routes.list_routes(territory, kind)
        visiting = [r for r in routes if r.days and r.kind is RouteKind.VISITING]
        due = {d.customer_id: d for d in self.planning.due(today=monday + timedelta(days=6))}
        stops = route_store.shown_stops(self.db, [r.id for r in visiting])
        planned = {r.id: _walk(r, monday, stops[r.id], due) for r in visiting}
        days = []
        for weekday in Weekday:
            running = [r for r in routes if weekday in r.days]
            days.append(DayPlan(
                monday + timedelta(days=weekday.number), weekday,
                tuple(RouteDay(r, planned[r.id].get(weekday) if r.id in planned else None) for r in running),
            ))
        return WeekPlan(monday, tuple(days), tuple(r for r in routes if not r.days))


def _walk(
    route: Route, monday: date, stops: list[dict[str, Any]], due: dict[str, DueCustomer],
) -> dict[Weekday, tuple[DueStop, ...]]:
    """Who is due on each running day of one route, in route order."""
    found: dict[Weekday, list[DueStop]] = {day: [] for day in route.days}
    for stop in stops:
        customer = due.get(stop["customer_id"])
        if customer is None:
            continue
        next_due = date.fromisoformat(customer.due_date) if customer.due_date else None
        for weekday in route.days:
            day = monday + timedelta(days=weekday.number)
            if next_due is None or next_due <= day:
                found[weekday].append(DueStop(
                    customer.customer_id, customer.code, customer.name, customer.grade, customer.last_visit,
                    customer.due_date,
                ))
                next_due = day + timedelta(days=customer.frequency_days)
    return {day: tuple(listed) for day, listed in found.items()}
