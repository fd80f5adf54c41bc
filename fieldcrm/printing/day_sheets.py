"""Every route of a day as visit sheets: what the reps take out on a given date.

A route runs on the weekdays it lists (``RouteService``); the day's batch is
every visiting route that runs on the date and has stops (delivery runs
follow orders and get no visit sheet), ordered by rep, then route name. On a
rep's laptop it is the rep's own routes and those with no rep set (which the
rep would run); a supervisor prints all of them or one rep's.

Each sheet is built like ``sources.visit_sheet``, so it plans the visits it
lists. Each route is planned in its own transaction: a batch cancelled halfway
leaves the routes already read planned, which printing them again reuses.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from fieldcrm.domain.route_model import Route
from fieldcrm.domain.route_values import RouteKind, Weekday, parse_person
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.validation import parse_date
from fieldcrm.errors import FieldError, NotFound
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.printing import sources
from fieldcrm.printing.model import VisitSheet
from fieldcrm.printing.progress import CancelCheck, Cancelled, ProgressCallback
from fieldcrm.workspace import Workspace

MSG_NO_ROUTES = _N("Errors", "{field}: no route with stops runs on {value}")
MSG_NO_ROUTES_OF = _N("Errors", "{field}: no route of {rep} with stops runs on {value}")
MSG_OWN_ROUTES = _N("Errors", "{field}: a rep prints only their own routes")


def weekday_of(day: str) -> Weekday:
    return list(Weekday)[date.fromisoformat(day).weekday()]


def next_run(days: Sequence[Weekday], today: date) -> date:
    """The first day from ``today`` on which a route with these weekdays runs; today when it lists none."""
    for ahead in range(7):
        candidate = today + timedelta(days=ahead)
        if not days or list(Weekday)[candidate.weekday()] in days:
            return candidate
    return today


def routes_of_day(workspace: Workspace, day: str, rep: str | None = None) -> list[Route]:
    """The visiting routes with stops that run on ``day`` and whose sheets this user prints (see the module docstring).

    NotFound when there is none, so nothing is planned for an empty batch.
    """
    when = parse_date("date", day)
    weekday = weekday_of(when)
    wanted = parse_person("rep", rep)
    identity = workspace.require_identity()
    if not identity.is_supervisor and wanted is not None and wanted != identity.user_name:
        raise FieldError("rep", MSG_OWN_ROUTES)
    mine = None if identity.is_supervisor else identity.user_name
    routes = [
        route for route in RouteService(workspace).list_routes(kind=RouteKind.VISITING.value)
        if weekday in route.days and route.stops > 0
        and (wanted is None or route.rep == wanted) and (mine is None or route.rep in (None, mine))
    ]
    if not routes:
        if wanted is not None:
            raise NotFound(MSG_NO_ROUTES_OF, field="date", value=when, rep=wanted)
        raise NotFound(MSG_NO_ROUTES, field="date", value=when)
    return sorted(routes, key=lambda route: (route.rep or "", route.name))


def day_sheets(
    workspace: Workspace, day: str, rep: str | None = None, *,
    progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None,
) -> list[VisitSheet]:
    """The visit sheet of each of the day's routes, planning their visits; ``progress`` counts stops read."""
    when = parse_date("date", day)
    routes = routes_of_day(workspace, when, rep)
    total = sum(route.stops for route in routes)
    done = 0
    sheets = []
    for route in routes:
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(done, total)
        sheets.append(sources.visit_sheet(workspace, route.id, when, rep=route.rep))
        done += route.stops
    if progress is not None:
        progress(total, total)
    return sheets
