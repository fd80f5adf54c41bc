"""The Visits page: today's visits, who is due, the daily report, and the supervisor's lists.

Each section is its own widget over the same ``VisitContext``; they never call
each other, and all refresh from the data bus after any write. The page has
no unsaved state of its own: forms are dialogs that guard their own edits.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from fieldcrm.ui.page import Page, Session
from fieldcrm.ui.visits.context import VisitContext
from fieldcrm.ui.visits.daily_report_section import DailyReportSection, MonthlySummarySection
from fieldcrm.ui.visits.due_section import DueSection
from fieldcrm.ui.visits.products_section import ProductsSection
from fieldcrm.ui.visits.review_section import flagged_section, urgent_section
from fieldcrm.ui.visits.visit_list_section import VisitListSection


class VisitsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        context = VisitContext.of(session)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("visitTabs")
        self.visit_list = VisitListSection(context, self)
        self.due = DueSection(context, self)
        self.daily_report = DailyReportSection(context, self, tasks=session.tasks)
        self.monthly_summary = MonthlySummarySection(context, self)
        self.urgent = urgent_section(context, self)
        self.flagged = flagged_section(context, self)
        self.products = ProductsSection(context, self)
        for widget, title in (
            (self.visit_list, self.tr("Visits")), (self.due, self.tr("Due")),
            (self.daily_report, self.tr("Daily report")), (self.monthly_summary, self.tr("Monthly summary")),
            (self.urgent, self.tr("Urgent reports")),
            (self.flagged, self.tr("Flagged orders")), (self.products, self.tr("Products")),
        ):
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)
