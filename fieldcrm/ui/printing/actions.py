"""Print actions where the data is: each opens the print preview of one document.

Pages call these with their ``Session`` and the widget to parent the preview
on. The document is read and laid out on a worker (``printing.jobs``: its
own connection, progress and Cancel) and shown in ``PrintPreview``, which
prints it or saves it as PDF. The Routes page wires its documents with one
line each, e.g. ``print_visit_sheet(session, route_id, self)``.

A visit sheet plans the visits it lists, so when its job ends the data bus
hears "visits" and the visit lists refresh.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from fieldcrm.domain.route_model import Route
from fieldcrm.domain.routes import RouteService
from fieldcrm.errors import FieldCRMError
from fieldcrm.printing import jobs
from fieldcrm.printing.jobs import Render
from fieldcrm.printing.day_sheets import next_run
from fieldcrm.ui import prompts
from fieldcrm.ui.page import Session
from fieldcrm.ui.print_preview import PrintPreview

_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(*parts: str) -> str:
    """A PDF name suggested to Save as PDF: the parts joined by dashes, without path separators."""
    return "-".join(_UNSAFE_IN_FILE_NAMES.sub("_", part.strip()) for part in parts if part.strip()) + ".pdf"


def open_preview(
    session: Session, title: str, render: Render, suggested_name: str, parent: QWidget | None, *,
    plans_visits: bool = False,
) -> PrintPreview:
    """Show the preview of ``render`` (non-modal, deleted when closed) and return it."""
    preview = PrintPreview(session.tasks, title, render, suggested_name, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if plans_visits:
        bus = session.bus
        preview.job.finished.connect(lambda: bus.notify("visits"))
    preview.show()
    return preview


def print_customer_cards(session: Session, customer_ids: Sequence[str], parent: QWidget | None) -> PrintPreview:
    """The cards of these customers in one PDF, in the order given (the list's, for a selection)."""
    title = QCoreApplication.translate("PrintActions", "Customer cards ({count})").format(count=len(customer_ids))
    render = jobs.customer_cards(session.workspace.folder, customer_ids)
    return open_preview(session, title, render, file_name("customer-cards", date.today().isoformat()), parent)


def _route(session: Session, route_id: str, parent: QWidget | None) -> Route | None:
    """The route, or None after telling the user it is gone (deleted meanwhile, or by sync)."""
    try:
        return RouteService(session.workspace).get(route_id)
    except FieldCRMError as error:
        prompts.show_error(parent, error)
        return None


def print_visit_sheet(
    session: Session, route_id: str, parent: QWidget | None, day: str | None = None,
) -> PrintPreview | None:
    """The route's visit sheet for ``day``, by default the next day it runs (today if it runs today)."""
    route = _route(session, route_id, parent)
    if route is None:
        return None
    when = day or next_run(route.days, date.today()).isoformat()
    title = QCoreApplication.translate("PrintActions", "Visit sheet: {route}, {date}").format(
        route=route.name, date=when)
    render = jobs.visit_sheet(session.workspace.folder, route.id, when)
    return open_preview(session, title, render, file_name("visit-sheet", route.name, when), parent, plans_visits=True)


def print_route_cards(session: Session, route_id: str, parent: QWidget | None) -> PrintPreview | None:
    """The cards of the route's customers, in stop order."""
    route = _route(session, route_id, parent)
    if route is None:
        return None
    title = QCoreApplication.translate("PrintActions", "Customer cards: {route}").format(route=route.name)
    render = jobs.route_cards(session.workspace.folder, route.id)
    return open_preview(session, title, render, file_name("customer-cards", route.name), parent)


def print_inspection_sheet(
    session: Session, route_id: str, parent: QWidget | None, day: str | None = None,
) -> PrintPreview | None:
    """Every unit deployed on the route with its checklist, as of ``day`` (default today)."""
    route = _route(session, route_id, parent)
    if route is None:
        return None
    when = day or date.today().isoformat()
    title = QCoreApplication.translate("PrintActions", "Inspection sheet: {route}").format(route=route.name)
    render = jobs.inspection_sheet(session.workspace.folder, route.id, when)
    return open_preview(session, title, render, file_name("inspection-sheet", route.name, when), parent)


def print_daily_report(session: Session, rep: str, day: str, parent: QWidget | None) -> PrintPreview:
    """The newest submitted version of the rep's report for the day."""
    title = QCoreApplication.translate("PrintActions", "Daily report of {rep} for {date}").format(rep=rep, date=day)
    render = jobs.daily_report(session.workspace.folder, rep, day)
    return open_preview(session, title, render, file_name("daily-report", rep, day), parent)


def print_day(session: Session, day: str, rep: str | None, parent: QWidget | None) -> PrintPreview:
    """Every route of the day (of ``rep``, if given) as visit sheets in one PDF."""
    if rep:
        title = QCoreApplication.translate("PrintActions", "Visit sheets of {rep} for {date}").format(rep=rep, date=day)
    else:
        title = QCoreApplication.translate("PrintActions", "Visit sheets of every route for {date}").format(date=day)
    render = jobs.day_batch(session.workspace.folder, day, rep)
    return open_preview(session, title, render, file_name("visit-sheets", day, rep or ""), parent, plans_visits=True)
