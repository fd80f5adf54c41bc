"""``fieldcrm visit|product|order|payment|receivables|report|due``: the visit log from scripts.

Every value goes through the same services as the visit form, so the CLI
cannot store what the GUI would refuse; this module only turns words into
arguments and results into text or JSON. Money is typed and shown in yuan.
"""

from __future__ import annotations

import argparse
from typing import Any, Callable, Sequence

from fieldcrm.cli.common import (
    EXIT_OK,
    CliParser,
    UsageError,
    emit,
    emit_json,
    note,
    opened_workspace,
    positive_int,
)
from fieldcrm.cli.customer_commands import parse_assignments
from fieldcrm.cli.rendering import table
from fieldcrm.domain.catalogue import CatalogueService
from fieldcrm.domain.orders import OrderService
from fieldcrm.domain.planning import PlanningService
from fieldcrm.domain.receivables import BUCKETS, ReceivablesService
from fieldcrm.domain.reports import DailyReport, MonthlySummary, ReportService, SubmittedReport
from fieldcrm.domain.validation import parse_date
from fieldcrm.domain.visits import VisitService
from fieldcrm.errors import FieldError, ValidationErrors

VISIT_LIST_COLUMNS = (
    "code", "visit_date", "check_in", "check_out", "customer_code", "customer_name", "rep", "purpose", "status",
)


def yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen / 100:.2f}"


def _cell(value: Any) -> str:
    return "" if value is None else str(value).replace("\n", " / ")


# -- visit -------------------------------------------------------------------------


def cmd_visit_log(args: argparse.Namespace) -> int:
    values = parse_assignments(args.assignments)
    with opened_workspace(args) as workspace:
        visit = VisitService(workspace).log(args.customer, values)
    if args.json:
        emit_json(visit)
    else:
        emit(visit["id"])
        note(f"logged {visit['code']} at {visit['customer_code']} ({visit['customer_name']})")
    return EXIT_OK


def cmd_visit_list(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        rows = VisitService(workspace).list(customer=args.customer, rep=args.rep, date=args.date, limit=args.limit)
    if args.json:
        emit_json({"visits": rows})
    elif not rows:
        note("no visits match")
    else:
        for line in table(list(VISIT_LIST_COLUMNS), ([_cell(r[c]) for c in VISIT_LIST_COLUMNS] for r in rows)):
            emit(line)
    return EXIT_OK


# -- product -----------------------------------------------------------------------


def cmd_product_add(args: argparse.Namespace) -> int:
    values = parse_assignments(args.assignments)
    with opened_workspace(args) as workspace:
        product = CatalogueService(workspace).add(values)
    if args.json:
        emit_json(product.to_json())
    else:
        emit(product.id)
        note(f"added {product.code} ({product.name}) at {yuan(product.price)} yuan")
    return EXIT_OK


def cmd_product_list(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        products = CatalogueService(workspace).list(active_only=not args.all, search=args.search or "")
    if args.json:
        emit_json({"products": [p.to_json() for p in products]})
    elif not products:
        note("no products match")
    else:
        body = (
            [p.code, p.name, _cell(p.category), _cell(p.unit), yuan(p.price), "yes" if p.active else "no"]
            for p in products
        )
        for line in table(["sku", "name", "category", "unit", "price", "active"], body):
            emit(line)
    return EXIT_OK


# -- order and payment -------------------------------------------------------------


def parse_lines(words: Sequence[str], discounts: Sequence[str]) -> list[tuple[str, str, str | None, str | None]]:
    """``SKU:QTY[:PRICE]`` words plus ``--discount SKU=AMOUNT`` as the order service's line tuples.

    Values stay text: the service checks quantities, prices and discounts and
    names the field, so the CLI refuses exactly what the order form refuses.
    """
    lines: list[list[str | None]] = []
    for word in words:
        parts = word.split(":")
        if not 2 <= len(parts) <= 3 or not parts[0].strip():
            raise UsageError(f"{word}: expected SKU:QTY or SKU:QTY:PRICE")
        lines.append([parts[0].strip(), parts[1], parts[2] if len(parts) == 3 else None, None])
    for given in discounts:
        sku, equals, amount = given.partition("=")
        if not equals or not sku.strip():
            raise UsageError(f"discount: {given}: expected SKU=AMOUNT")
        matching = [line for line in lines if str(line[0]).upper() == sku.strip().upper()]
        if len(matching) != 1:
            where = "is not on the order" if not matching else "is on several lines; give one line per SKU"
            raise UsageError(f"discount: {sku.strip()} {where}")
        if matching[0][3] is not None:
            raise UsageError(f"discount: {sku.strip()}: given more than once")
        matching[0][3] = amount
    return [(str(sku), str(qty), price, discount) for sku, qty, price, discount in lines]


def _line_error(error: FieldError | ValidationErrors, words: Sequence[str]) -> Exception:
    """A refused line, reported with its number and the word typed for it."""
    errors = error.errors if isinstance(error, ValidationErrors) else [error]
    line = errors[0].args_map.get("line")
    if not isinstance(line, int) or not 1 <= line <= len(words):
        return error
    message = f"{errors[0].message} (line {line}: {words[line - 1]})"
    others = [f"{e.field} on line {e.args_map.get('line')}" for e in errors[1:]]
    if others:
        message += f" (also wrong: {', '.join(dict.fromkeys(others))})"
    return UsageError(message)


def cmd_order_add(args: argparse.Namespace) -> int:
    lines = parse_lines(args.lines, args.discount or [])
    with opened_workspace(args) as workspace:
        try:
            order = OrderService(workspace).add(args.customer, lines, visit_id=args.visit, reason=args.reason)
        except (FieldError, ValidationErrors) as error:
            raise _line_error(error, args.lines) from None
    if args.json:
        emit_json(order.to_json())
        return EXIT_OK
    emit(order.id)
    note(f"placed {order.code} for {order.customer_code} ({order.customer_name}): {yuan(order.total)} yuan")
    if order.credit_flag:
        note("over the credit limit: flagged for a supervisor")
    return EXIT_OK


def cmd_payment_add(args: argparse.Namespace) -> int:
    day = parse_date("date", args.date) if args.date else None
    with opened_workspace(args) as workspace:
        payment = ReceivablesService(workspace).payment(
            args.customer, args.amount, visit_id=args.visit, paid_on=day, method=args.method
        )
    if args.json:
        emit_json(payment.to_json())
    else:
        emit(payment.id)
        note(f"recorded {payment.code}: {yuan(payment.amount)} yuan on {payment.day}")
    return EXIT_OK


# -- receivables -------------------------------------------------------------------


def cmd_receivables(args: argparse.Namespace) -> int:
    """One customer: balance, aged debt and open debts. Everyone: the aging table, most owed first."""
    day = parse_date("date", args.date) if args.date else None
    with opened_workspace(args) as workspace:
        service = ReceivablesService(workspace)
        aging = service.aging(args.customer, today=day)
        if args.customer:
            balance = service.balance(args.customer, today=day)
            debts = service.open_debts(args.customer, today=day)
    if args.customer:
        row = aging.rows[0]
        if args.json:
            emit_json({
                "as_of": aging.as_of, "balance": balance.to_json(), "aging": row.to_json(),
                "open_debts": [d.to_json() for d in debts],
            })
            return EXIT_OK
        emit(f"customer     {row.customer_code} ({row.customer_name})")
        emit(f"as of        {aging.as_of}")
        emit(f"debts        {yuan(balance.debts)}")
        emit(f"paid         {yuan(balance.paid)}")
        emit(f"outstanding  {yuan(balance.outstanding)}")
        emit("  ".join(f"{name} {yuan(amount)}" for name, amount in zip(BUCKETS, row.buckets)))
        if debts:
            emit()
            body = ([d.kind, _cell(d.code), d.day, yuan(d.amount), yuan(d.open), str(d.age_days)] for d in debts)
            for line in table(["kind", "code", "date", "amount", "open", "age_days"], body):
                emit(line)
        return EXIT_OK
    if args.json:
        emit_json(aging.to_json())
        return EXIT_OK
    header = ["code", "name", "outstanding", *BUCKETS, "credit"]
    rows = [
        [_cell(r.customer_code), _cell(r.customer_name), yuan(r.outstanding), *map(yuan, r.buckets), yuan(r.credit)]
        for r in (*aging.rows, aging.total)
    ]
    rows[-1][:2] = ["total", ""]
    for line in table(header, rows):
        emit(line)
    return EXIT_OK


# -- reports and planning ----------------------------------------------------------


def daily_text(report: DailyReport) -> list[str]:
    content = report.content()
    lines = [
        f"daily report  {report.rep}  {report.day}",
        f"customers visited  {content['customers_visited']}",
        (
            f"visits done {content['visits_done']}, missed {content['visits_missed']}, "
            f"still planned {content['visits_planned']}"
        ),
        f"orders  {content['orders_count']}  {yuan(report.order_total)} yuan",
        f"collected  {yuan(report.collected)} yuan",
    ]
    if report.submitted_version is not None:
        state = "changed since" if report.changed_since_submission else "as"
        lines.append(f"{state} submitted version {report.submitted_version}")
    for title, rows, columns in (
        ("visited", report.visited, ("code", "customer_code", "customer_name", "check_in", "check_out", "outcome")),
        ("missed", report.missed, ("code", "customer_code", "customer_name", "missed_reason")),
        ("complaints", report.complaints, ("code", "customer_name", "complaints", "complaint_handling")),
        ("urgent", report.urgent, ("code", "customer_name", "category", "note")),
    ):
        if rows:
            lines += ["", title, *table(list(columns), ([_cell(r[c]) for c in columns] for r in rows))]
    return lines


def _report(
    args: argparse.Namespace,
    build: Callable[[ReportService], DailyReport | MonthlySummary],
    submit: Callable[[ReportService], SubmittedReport],
    text: Callable[[Any], list[str]],
) -> int:
    """Build a report (daily or monthly), submit it with ``--submit``, print it or its submission."""
    with opened_workspace(args) as workspace:
        service = ReportService(workspace)
        submitted = submit(service) if args.submit else None
        report = build(service)
    if args.json:
        emit_json(submitted.to_json() if submitted else report.to_json())
        return EXIT_OK
    for line in text(report):
        emit(line)
    if submitted is not None:
        note(f"submitted version {submitted.version} at {submitted.submitted_at}")
    return EXIT_OK


def cmd_report_daily(args: argparse.Namespace) -> int:
    return _report(
        args, lambda s: s.daily(args.rep, args.date), lambda s: s.submit_daily(args.rep, args.date), daily_text
    )


def monthly_text(summary: MonthlySummary) -> list[str]:
    content = summary.content()
    lines = [
        f"monthly summary  {summary.rep}  {summary.month}",
        f"days worked  {content['days_worked']}",
        f"customers visited  {content['customers_visited']}",
        f"visits  {content['visits_done']} done, {content['visits_missed']} missed",
        f"orders  {content['orders_count']}  {content['orders_amount']:.2f} yuan",
        f"collected  {content['collected']:.2f} yuan",
        f"complaints  {content['complaints']}   urgent reports  {content['urgent_reports']}",
    ]
    if summary.submitted_version is not None:
        state = "changed since" if summary.changed_since_submission else "as"
        lines.append(f"{state} submitted version {summary.submitted_version}")
    columns = ["date", "done", "missed", "orders", "ordered", "collected"]
    body = ([d["date"], str(d["done"]), str(d["missed"]), str(d["orders"]), yuan(int(d["ordered"])),
             yuan(int(d["collected"]))] for d in summary.days)
    return [*lines, "", *table(columns, body)] if summary.days else lines


def cmd_report_monthly(args: argparse.Namespace) -> int:
    return _report(
        args, lambda s: s.monthly(args.rep, args.month), lambda s: s.submit_monthly(args.rep, args.month),
        monthly_text,
    )


def cmd_due(args: argparse.Namespace) -> int:
    day = parse_date("date", args.date) if args.date else None
    with opened_workspace(args) as workspace:
        service = PlanningService(workspace)
        total = service.due_count(route=args.route, territory=args.territory, today=day)
        due = service.due(route=args.route, territory=args.territory, today=day, limit=args.limit)
    if args.json:
        emit_json({"total": total, "customers": [d.to_json() for d in due]})
        return EXIT_OK
    if not due:
        note("nobody is due")
        return EXIT_OK
    columns = ["code", "name", "grade", "route", "territory", "last_visit", "due_date", "days_overdue"]
    body = (
        [_cell(d.code), _cell(d.name), _cell(d.grade), _cell(d.route), _cell(d.territory), _cell(d.last_visit),
         _cell(d.due_date), "never visited" if d.days_overdue is None else str(d.days_overdue)]
        for d in due
    )
    for line in table(columns, body):
        emit(line)
    if len(due) < total:
        note(f"showing {len(due)} of {total} customers due (use --limit for more)")
    return EXIT_OK


# -- the command tree ----------------------------------------------------------------


def _json(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what} (see the README)")


def register(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    visit = subcommands.add_parser("visit", help="log and list visits",
                                   description="Visits. CUSTOMER is a customer's id or code.")
    visit_actions = visit.add_subparsers(dest="action", metavar="ACTION", required=True)
    log = visit_actions.add_parser("log", help="record a visit; prints its id (the code goes to stderr)")
    log.add_argument("customer", metavar="CUSTOMER_ID")
    log.add_argument("assignments", nargs="*", metavar="FIELD=VALUE")
    _json(log, "the visit as stored")
    log.set_defaults(handler=cmd_visit_log)
    list_ = visit_actions.add_parser("list", help="visits newest first")
    list_.add_argument("--customer", metavar="ID", help="only this customer's visits")
    list_.add_argument("--rep", metavar="R", help="only this rep's visits")
    list_.add_argument("--date", metavar="YYYY-MM-DD", help="only visits on this day")
    list_.add_argument("--limit", type=positive_int, default=500, metavar="N", help="at most N visits (default 500)")
    _json(list_, "{visits}")
    list_.set_defaults(handler=cmd_visit_list)

    product = subcommands.add_parser("product", help="the product catalogue (supervisors change it)")
    product_actions = product.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = product_actions.add_parser("add", help="add a product; prints its id")
    add.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    _json(add, "the product")
    add.set_defaults(handler=cmd_product_add)
    products = product_actions.add_parser("list", help="the products that can be ordered")
    products.add_argument("--all", action="store_true", help="also products no longer sold")
    products.add_argument("--search", metavar="TEXT", help="SKU, name or category containing TEXT")
    _json(products, "{products}")
    products.set_defaults(handler=cmd_product_list)

    order = subcommands.add_parser("order", help="take orders")
    order_actions = order.add_subparsers(dest="action", metavar="ACTION", required=True)
    order_add = order_actions.add_parser("add", help="place an order; prints its id")
    order_add.add_argument("customer", metavar="CUSTOMER_ID")
    order_add.add_argument("lines", nargs="+", metavar="SKU:QTY[:PRICE]")
    order_add.add_argument("--visit", metavar="V", help="the visit it was taken at (id or V- code)")
    order_add.add_argument("--reason", metavar="TEXT", help="why it may exceed the customer's credit limit")
    order_add.add_argument("--discount", action="append", metavar="SKU=AMOUNT", help="yuan off that SKU's line")
    _json(order_add, "the order")
    order_add.set_defaults(handler=cmd_order_add)

    payment = subcommands.add_parser("payment", help="record money collected")
    payment_actions = payment.add_subparsers(dest="action", metavar="ACTION", required=True)
    pay = payment_actions.add_parser("add", help="record a payment; prints its id")
    pay.add_argument("customer", metavar="CUSTOMER_ID")
    pay.add_argument("amount", metavar="AMOUNT", help="yuan, more than 0")
    pay.add_argument("--visit", metavar="V", help="the visit it was collected at (id or V- code)")
    pay.add_argument("--date", metavar="YYYY-MM-DD", help="the day paid (default the visit's day, else today)")
    pay.add_argument("--method", metavar="METHOD", help="cash, transfer, wechat, alipay or cheque")
    _json(pay, "the payment")
    pay.set_defaults(handler=cmd_payment_add)

    receivables = subcommands.add_parser("receivables", help="what customers owe, aged")
    receivables.add_argument("--customer", metavar="ID", help="one customer's balance and open debts")
    receivables.add_argument("--date", metavar="YYYY-MM-DD", help="as of this day (default today)")
    _json(receivables, "the balance or the aging table")
    receivables.set_defaults(handler=cmd_receivables)

    report = subcommands.add_parser("report", help="reps' reports")
    report_actions = report.add_subparsers(dest="action", metavar="ACTION", required=True)
    daily = report_actions.add_parser("daily", help="a rep's day from the visit log")
    daily.add_argument("--rep", required=True, metavar="R", help="the rep")
    daily.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day")
    daily.add_argument("--submit", action="store_true", help="submit it to the supervisor")
    _json(daily, "the report, or the submission with --submit")
    daily.set_defaults(handler=cmd_report_daily)
    monthly = report_actions.add_parser("monthly", help="a rep's month, day by day, from the visit log")
    monthly.add_argument("--rep", required=True, metavar="R", help="the rep")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM", help="the month")
    monthly.add_argument("--submit", action="store_true", help="submit it to the supervisor")
    _json(monthly, "the summary, or the submission with --submit")
    monthly.set_defaults(handler=cmd_report_monthly)

    due = subcommands.add_parser("due", help="customers due or overdue for a visit")
    due.add_argument("--route", metavar="R", help="only this route")
    due.add_argument("--territory", metavar="T", help="only this territory")
    due.add_argument("--date", metavar="YYYY-MM-DD", help="due as of this day (default today)")
    due.add_argument("--limit", type=positive_int, metavar="N", help="at most N customers (default all)")
    _json(due, "{total, customers}")
    due.set_defaults(handler=cmd_due)
