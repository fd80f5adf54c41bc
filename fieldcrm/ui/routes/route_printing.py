"""The Routes page's Print menu: the shown route's visit sheet, customer cards and inspection sheet.

Printing lives in ``ui.printing``; this only offers its route documents on
the page's toolbar for the route the user is looking at, enabled once a
route is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from fieldcrm.ui.page import Session
from fieldcrm.ui.print_preview import PrintPreview
from fieldcrm.ui.printing import actions

if TYPE_CHECKING:
    from fieldcrm.ui.routes.routes_page import RoutesPage

RouteDocument = Callable[[Session, str, QWidget | None], PrintPreview | None]


class RoutePrinting(QObject):
    def __init__(self, page: RoutesPage) -> None:
        super().__init__(page)
        self.page = page
        self.preview: PrintPreview | None = None  # the last one opened
        self.menu = QMenu(self.tr("Print"), page)
        documents: tuple[tuple[str, str, RouteDocument], ...] = (
            (self.tr("&Visit sheet"), "printVisitSheet", actions.print_visit_sheet),
            (self.tr("Customer &cards"), "printRouteCards", actions.print_route_cards),
            (self.tr("&Inspection sheet"), "printInspectionSheet", actions.print_inspection_sheet),
        )
        for text, name, document in documents:
            entry = self.menu.addAction(text)
            entry.setObjectName(name)
            entry.triggered.connect(lambda _checked=False, document=document: self.print(document))
        self.action = self.menu.menuAction()
        self.action.setObjectName("printRoute")
        self.action.setToolTip(self.tr("Print the route's visit sheet for its next day, its cards or its inspection sheet"))
        page.toolbar.addSeparator()
        page.toolbar.addAction(self.action)
        button = page.toolbar.widgetForAction(self.action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def update(self) -> None:
        self.action.setEnabled(self.page.current_route() is not None)

    def print(self, document: RouteDocument) -> PrintPreview | None:
        route = self.page.current_route()
        if route is None:
            return None
        self.preview = document(self.page.session, route.id, self.page)
        return self.preview
