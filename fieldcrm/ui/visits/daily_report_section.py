"""Visits page: a rep's daily report and monthly summary, built from the visit log, and submitting them.

Building a day's report takes milliseconds (see the benchmarks), so it is
built on the GUI thread whenever asked, and always matches the log. The
daily report prints as submitted (the version the supervisor received), so
Print is offered once a version exists.
"""

from __future__ import annotations

from html import escape
from typing import Any, Sequence

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.domain.reports import DailyReport, MonthlySummary, SubmittedReport
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui import prompts
from fieldcrm.ui.page import Session
from fieldcrm.ui.printing.actions import print_daily_report
from fieldcrm.ui.visits import texts
from fieldcrm.ui.visits.context import VISIT_LOG_TABLES, VisitContext
from fieldcrm.ui.visits.list_widgets import filter_edit
from fieldcrm.ui.workers import TaskRunner

# The report's urgent rows carry the urgent report's own column names.
_FIELD_OF = {"category": "urgent_category", "note": "urgent_note"}


class ReportSection(QWidget):
    """A rep and a period, the report built from the log, and a Submit button.

    Subclasses say how a period is typed, built, submitted and shown; the
    status ("not submitted", "changed since version n") is common to both.
    """

    kind = ""  # object-name prefix: "report" (daily) or "month"

    def __init__(self, context: VisitContext, period_hint: str, period_default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.report: DailyReport | MonthlySummary | None = None
        self.rep_edit = filter_edit(self.tr("Rep"), f"{self.kind}Rep", self, context.user_name)
        self.date_edit = filter_edit(period_hint, f"{self.kind}Date", self, period_default)
        self.show_button = QPushButton(self.tr("S&how"), self)
        self.show_button.clicked.connect(self.build)
        self.submit_button = QPushButton(self.tr("S&ubmit report"), self)
        self.submit_button.setObjectName(f"submit{self.kind.capitalize()}")
        self.submit_button.clicked.connect(self.submit)
        self.status_label = QLabel(self)
        self.status_label.setObjectName(f"{self.kind}Status")
        self.view = QTextBrowser(self)
        self.view.setObjectName(f"{self.kind}View")
        for edit in (self.rep_edit, self.date_edit):
            edit.returnPressed.connect(self.build)
        top = QHBoxLayout()
        for widget in (self.rep_edit, self.date_edit, self.show_button, self.submit_button, *self._more_buttons()):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.view, 1)
        context.bus.changed.connect(self._data_changed)
        self.build()

    def _more_buttons(self) -> list[QPushButton]:
        """Buttons a kind of report adds after Submit (made before the first ``build``)."""
        return []

    def _make(self, rep: str, period: str) -> DailyReport | MonthlySummary:
        raise NotImplementedError

    def _send(self, report: DailyReport | MonthlySummary) -> SubmittedReport:
        raise NotImplementedError

    def _html(self, report: DailyReport | MonthlySummary) -> str:
        raise NotImplementedError

    def build(self) -> None:
        try:
            self.report = self._make(self.rep_edit.text().strip(), self.date_edit.text().strip())
        except FieldCRMError as error:
            self.report = None
            self.view.clear()
            self.status_label.setText(texts.message(error))
        else:
            self.view.setHtml(self._html(self.report))
            self.status_label.setText(self._status(self.report))
        self.submit_button.setEnabled(self.report is not None and not self._context.read_only)

    def submit(self) -> None:
        if self.report is None:
            return
        try:
            submitted = self._send(self.report)
        except FieldCRMError as error:
            prompts.show_error(self, error, texts.message)
            return
        self._context.announce("submitted_reports")
        self.build()
        prompts.show_info(self, self.tr("Report"), self.tr("Submitted as version {version}.").format(
            version=submitted.version))

    def _status(self, report: DailyReport | MonthlySummary) -> str:
        if report.submitted_version is None:
            return self.tr("Not submitted yet")
        if report.changed_since_submission:
            return self.tr("Changed since version {version} was submitted: submit again").format(
                version=report.submitted_version)
        return self.tr("Submitted (version {version})").format(version=report.submitted_version)

    def _data_changed(self, tables: set[str]) -> None:
        if tables & {*VISIT_LOG_TABLES, "submitted_reports"}:
            self.build()


class DailyReportSection(ReportSection):
    kind = "report"

    def __init__(self, context: VisitContext, parent: QWidget | None = None, *, tasks: TaskRunner) -> None:
        self._session = Session(context.workspace, context.bus, tasks)
        super().__init__(context, self.tr("Date (YYYY-MM-DD)"), context.visits.now().date().isoformat(), parent)

    def _more_buttons(self) -> list[QPushButton]:
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("printReport")
        self.print_button.clicked.connect(self.print_report)
        return [self.print_button]

    def build(self) -> None:
        super().build()
        submitted = isinstance(self.report, DailyReport) and self.report.submitted_version is not None
        self.print_button.setEnabled(submitted)
        self.print_button.setToolTip(
            "" if submitted else self.tr("Submit the report first: the print is the submitted version"))

    def print_report(self) -> None:
        """Print the shown rep's submitted report for the shown day."""
        if isinstance(self.report, DailyReport) and self.report.submitted_version is not None:
            print_daily_report(self._session, self.report.rep, self.report.day, self)

    def _make(self, rep: str, period: str) -> DailyReport:
        return self._context.reports.daily(rep, period)

    def _send(self, report: DailyReport | MonthlySummary) -> SubmittedReport:
        assert isinstance(report, DailyReport)
        return self._context.reports.submit_daily(report.rep, report.day)

    def _html(self, report: DailyReport | MonthlySummary) -> str:
        assert isinstance(report, DailyReport)
        content = report.content()
        summary = [
            (self.tr("Customers visited"), str(content["customers_visited"])),
            (self.tr("Visits done"), str(content["visits_done"])),
            (self.tr("Visits missed"), str(content["visits_missed"])),
            (self.tr("Still planned"), str(content["visits_planned"])),
            (self.tr("Orders"), f"{content['orders_count']} · {texts.money(report.order_total)}"),
            (self.tr("Collected"), texts.money(report.collected)),
        ]
        heading = self.tr("Daily report of {rep} for {day}").format(rep=report.rep, day=report.day)
        parts = [f"<h3>{escape(heading)}</h3>", _table(summary)]
        sections: Sequence[tuple[str, Sequence[dict[str, Any]], Sequence[str]]] = (
            (self.tr("Visited"), report.visited, ("code", "customer_name", "check_in", "check_out", "outcome")),
            (self.tr("Missed"), report.missed, ("code", "customer_name", "missed_reason")),
            (self.tr("Complaints"), report.complaints, ("customer_name", "complaints", "complaint_handling")),
            (self.tr("Market information"), report.market,
             ("customer_name", "competitor_products", "competitor_prices", "competitor_promotions")),
            (self.tr("Urgent reports"), report.urgent, ("customer_name", "category", "note")),
        )
        for title, rows, names in sections:
            if rows:
                body = [tuple(texts.visit_value(_FIELD_OF.get(n, n), r.get(n)) for n in names) for r in rows]
                parts += [f"<h4>{escape(title)}</h4>", _table(body)]
        return "".join(parts)



class MonthlySummarySection(ReportSection):
    """The month's totals and its days, which a rep submits like a day's report."""

    kind = "month"

    def __init__(self, context: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Month (YYYY-MM)"), context.visits.now().strftime("%Y-%m"), parent)

    def _make(self, rep: str, period: str) -> MonthlySummary:
        return self._context.reports.monthly(rep, period)

    def _send(self, report: DailyReport | MonthlySummary) -> SubmittedReport:
        assert isinstance(report, MonthlySummary)
        return self._context.reports.submit_monthly(report.rep, report.month)

    def _html(self, report: DailyReport | MonthlySummary) -> str:
        assert isinstance(report, MonthlySummary)
        content = report.content()
        ordered = sum(int(d["ordered"]) for d in report.days)  # fen, as the days carry them
        collected = sum(int(d["collected"]) for d in report.days)
        summary = [
            (self.tr("Days worked"), str(content["days_worked"])),
            (self.tr("Customers visited"), str(content["customers_visited"])),
            (self.tr("Visits done"), str(content["visits_done"])),
            (self.tr("Visits missed"), str(content["visits_missed"])),
            (self.tr("Orders"), f"{content['orders_count']} · {texts.money(ordered)}"),
            (self.tr("Collected"), texts.money(collected)),
            (self.tr("Complaints"), str(content["complaints"])),
            (self.tr("Urgent reports"), str(content["urgent_reports"])),
        ]
        heading = self.tr("Monthly summary of {rep} for {month}").format(rep=report.rep, month=report.month)
        days = [
            (d["date"], str(d["done"]), str(d["missed"]), texts.money(int(d["ordered"])), texts.money(int(d["collected"])))
            for d in report.days
        ]
        header = (self.tr("Day"), self.tr("Done"), self.tr("Missed"), self.tr("Ordered"), self.tr("Collected"))
        by_day = self.tr("Day by day")
        return f"<h3>{escape(heading)}</h3>{_table(summary)}<h4>{escape(by_day)}</h4>{_table([header, *days])}"


def _table(rows: Sequence[Sequence[str]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='3'>{cells}</table>"
