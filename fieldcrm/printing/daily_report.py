"""The rep's daily report (业务日报) as submitted: the version the supervisor received, on paper to sign.

It prints the submitted snapshot, not the live figures, so the paper matches
what was sent even when a visit was edited afterwards (the app shows that a
resubmission is due; the paper shows which version it is).
"""

from __future__ import annotations

from dataclasses import replace
from typing import BinaryIO, Sequence

from reportlab.platypus import Flowable

from fieldcrm.domain.visit_fields import OrderStatus, PaymentMethod, UrgentCategory, VisitPurpose
from fieldcrm.printing import labels as L
from fieldcrm.printing import pages
from fieldcrm.printing.catalog import Translator, translator
from fieldcrm.printing.flowables import Cell, CellLike, Grid, TextBlock, heading, label
from fieldcrm.printing.model import DailyReportDoc, ReportLine
from fieldcrm.printing.progress import CancelCheck, ProgressCallback, Ticker
from fieldcrm.printing.settings import PrintSettings
from fieldcrm.printing.wording import choice, joined, money

SIZE = 8.5
FIGURE_COLUMNS = (1.4, 1.0, 1.4, 1.0, 1.4, 1.0)


def render_daily_report(
    report: DailyReportDoc, settings: PrintSettings, out: BinaryIO, *,
    progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None,
) -> int:
    """Write the report as a PDF to ``out`` and return its page count; ``progress`` counts its parts laid out."""
    tr = translator(settings.language)
    parts = report_parts(report, tr)
    ticker = Ticker(len(parts), progress, cancelled)
    story: list[Flowable] = []
    for part in parts:
        story += [pages.progress_tick(ticker), *part]
    story.append(pages.signatures(tr, tr(L.REP_SIGNATURE)))
    masthead = pages.Masthead(tr(L.DAILY_REPORT), (
        (tr(L.REP), report.rep), (tr(L.DATE), report.date), (tr(L.VERSION), str(report.version)),
        (tr(L.SUBMITTED), report.submitted_at.replace("T", " ")),
    ))
    return pages.build(out, story, settings, masthead, tr, ticker)


def report_parts(report: DailyReportDoc, tr: Translator) -> list[list[Flowable]]:
    """The figures, the remarks, then one table per list of the report."""
    f = report.figures
    figures = Grid(FIGURE_COLUMNS, [
        [label(tr(L.CUSTOMERS_VISITED)), str(f.customers_visited), label(tr(L.VISITS_DONE)), str(f.visits_done),
         label(tr(L.VISITS_MISSED)), str(f.visits_missed)],
        [label(tr(L.VISITS_PLANNED)), str(f.visits_planned), label(tr(L.ORDERS_COUNT)), str(f.orders_count),
         label(tr(L.ORDERS_AMOUNT)), money(f.orders_amount)],
        [label(tr(L.COLLECTED)), money(f.collected), label(""), "", label(""), ""],
    ], size=SIZE)
    parts: list[list[Flowable]] = [[figures]]
    if report.remarks:
        parts.append([*heading(tr(L.REMARKS)), TextBlock(report.remarks, size=SIZE)])
    visits: list[list[CellLike]] = [
        [_customer(v.customer_code, v.customer_name), v.code, choice(tr, VisitPurpose, v.purpose),
         joined(v.check_in, v.check_out, sep=" - "), v.outcome or "",
         joined(v.next_action, v.next_visit_date, sep=" / ")]
        for v in report.visited
    ]
    parts.append(_table(tr(L.VISITS), (1.7, 0.9, 1.0, 0.9, 2.2, 1.8),
                        [tr(L.CUSTOMER), tr(L.CODE), tr(L.PURPOSE), tr(L.CHECK_IN_OUT), tr(L.OUTCOME), tr(L.NEXT)],
                        visits, tr))
    parts.append(_lines(tr(L.MISSED_VISITS), (1.7, 0.9, 4.0), [tr(L.REASON)], report.missed, tr))
    planned = [ReportLine(p.customer_code, p.customer_name, p.code,
                          tuple(choice(tr, VisitPurpose, c) for c in p.columns)) for p in report.planned]
    parts.append(_lines(tr(L.PLANNED_VISITS), (1.7, 0.9, 4.0), [tr(L.PURPOSE)], planned, tr))
    orders: list[list[CellLike]] = [
        [_customer(o.customer_code, o.customer_name), o.code,
         choice(tr, OrderStatus, o.status) + (f" ({tr(L.CREDIT_REVIEW)})" if o.credit_flag else ""),
         Cell(money(o.total), align="right")]
        for o in report.orders
    ]
    parts.append(_table(tr(L.ORDERS), (2.2, 1.0, 1.6, 1.2),
                        [tr(L.CUSTOMER), tr(L.CODE), tr(L.STATUS), tr(L.AMOUNT)], orders, tr))
    collections: list[list[CellLike]] = [
        [_customer(c.customer_code, c.customer_name), c.code, choice(tr, PaymentMethod, c.method),
         Cell(money(c.amount), align="right")]
        for c in report.collections
    ]
    parts.append(_table(tr(L.COLLECTIONS), (2.2, 1.0, 1.6, 1.2),
                        [tr(L.CUSTOMER), tr(L.CODE), tr(L.METHOD), tr(L.AMOUNT)], collections, tr))
    parts.append(_lines(tr(L.COMPLAINTS), (1.5, 0.9, 2.2, 2.2), [tr(L.COMPLAINTS), tr(L.HANDLING)],
                        report.complaints, tr))
    parts.append(_lines(tr(L.MARKET), (1.5, 0.9, 1.5, 1.5, 1.5),
                        [tr(L.COMPETITOR_PRODUCTS), tr(L.COMPETITOR_PRICES), tr(L.COMPETITOR_PROMOTIONS)],
                        report.market, tr))
    urgent = [_urgent_line(u, tr) for u in report.urgent]
    parts.append(_lines(tr(L.URGENT), (1.5, 0.9, 1.1, 2.4, 1.1),
                        [tr(L.CATEGORY), tr(L.NOTES), tr(L.REPORTED_AT)], urgent, tr))
    return parts


def _urgent_line(line: ReportLine, tr: Translator) -> ReportLine:
    """Category by its label and the report time without ISO's ``T``."""
    category, note, reported_at = (*line.columns, "", "", "")[:3]
    return replace(line, columns=(choice(tr, UrgentCategory, category), note, reported_at.replace("T", " ")))


def _customer(code: str | None, name: str | None) -> str:
    return joined(code, name)


def _table(title: str, columns: Sequence[float], header: Sequence[str], rows: Sequence[Sequence[CellLike]],
           tr: Translator) -> list[Flowable]:
    body: list[Flowable] = [Grid(columns, [list(header), *rows], header_rows=1, size=SIZE)] if rows \
        else [TextBlock(tr(L.NONE), size=SIZE)]
    return [*heading(f"{title} ({len(rows)})"), *body]


def _lines(title: str, columns: Sequence[float], heads: Sequence[str], lines: Sequence[ReportLine],
           tr: Translator) -> list[Flowable]:
    """A table of customer, code and the line's own columns."""
    rows: list[Sequence[CellLike]] = [
        [_customer(line.customer_code, line.customer_name), line.code or "",
         *(line.columns + ("",) * (len(heads) - len(line.columns)))[:len(heads)]]
        for line in lines
    ]
    return _table(title, columns, [tr(L.CUSTOMER), tr(L.CODE), *heads], rows, tr)
