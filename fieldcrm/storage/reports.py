"""Queries behind the daily and monthly reports, urgent reports and submissions.

A rep's day is read through the (rep, date) indexes of visits, orders and
payments, so a report costs a few index ranges whatever the size of the log.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

URGENT_COLUMNS = (
    "id", "code", "deleted", "customer_id", "territory", "visit_id", "rep", "reported_at", "category", "note",
    "acknowledged_by", "acknowledged_at",
)
SUBMISSION_COLUMNS = (
    "id", "kind", "period", "rep", "territory", "version", "submitted_at", "remarks", "content",
)


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any] | dict[str, Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def urgent_for_visit(db: sqlite_utils.Database, visit_id: str) -> dict[str, Any] | None:
    """The visit's urgent report, retired or not (a visit re-flagged reuses its report)."""
    columns = ", ".join(URGENT_COLUMNS)
    found = _rows(db, f"SELECT {columns} FROM urgent_reports WHERE visit_id = ? ORDER BY id LIMIT 1", [visit_id])
    return found[0] if found else None


def list_urgent(
    db: sqlite_utils.Database, *, include_acknowledged: bool, limit: int, report_id: str | None = None
) -> list[dict[str, Any]]:
    """Unacknowledged first, newest first within each group (or the one report asked for)."""
    columns = ", ".join(f"u.{c}" for c in URGENT_COLUMNS)
    where = "u.deleted = 0" + ("" if include_acknowledged else " AND u.acknowledged_at IS NULL")
    params: list[Any] = []
    if report_id is not None:
        where = "u.id = ?"
        params.append(report_id)
    return _rows(
        db,
        f"""
        SELECT {columns}, c.code AS customer_code, c.name AS customer_name, v.code AS visit_code
        FROM urgent_reports AS u
        LEFT JOIN customers AS c ON c.id = u.customer_id
        LEFT JOIN visits AS v ON v.id = u.visit_id
        WHERE {where}
        ORDER BY u.acknowledged_at IS NOT NULL, u.reported_at DESC, u.id DESC
        LIMIT ?
        """,
        [*params, limit],
    )


def day_visits(db: sqlite_utils.Database, rep: str, day: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        """
        SELECT v.id, v.code, v.customer_id, c.code AS customer_code, c.name AS customer_name, v.status,
               v.purpose, v.check_in, v.check_out, v.outcome, v.missed_reason, v.complaints,
               v.complaint_handling, v.competitor_products, v.competitor_prices, v.competitor_promotions,
               v.next_action, v.next_visit_date
        FROM visits AS v LEFT JOIN customers AS c ON c.id = v.customer_id
        WHERE v.rep = ? AND v.visit_date = ? AND v.deleted = 0
        ORDER BY v.check_in IS NULL, v.check_in, v.code
        """,
        [rep, day],
    )


def day_orders(db: sqlite_utils.Database, rep: str, day: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        """
        SELECT o.id, o.code, o.customer_id, c.code AS customer_code, c.name AS customer_name, o.visit_id,
               o.status, o.total, o.credit_flag
        FROM orders AS o LEFT JOIN customers AS c ON c.id = o.customer_id
        WHERE o.rep = ? AND o.order_date = ? AND o.deleted = 0
        ORDER BY o.code
        """,
        [rep, day],
    )


def day_payments(db: sqlite_utils.Database, rep: str, day: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        """
        SELECT p.id, p.code, p.customer_id, c.code AS customer_code, c.name AS customer_name, p.visit_id,
               p.amount, p.method
        FROM payments AS p LEFT JOIN customers AS c ON c.id = p.customer_id
        WHERE p.rep = ? AND p.paid_on = ? AND p.deleted = 0
        ORDER BY p.code
        """,
        [rep, day],
    )


def urgent_between(db: sqlite_utils.Database, rep: str, start: str, end: str) -> list[dict[str, Any]]:
    """A rep's urgent reports with ``start <= reported_at < end`` (ISO texts)."""
    columns = ", ".join(f"u.{c}" for c in URGENT_COLUMNS)
    return _rows(
        db,
        f"""
        SELECT {columns}, c.code AS customer_code, c.name AS customer_name
        FROM urgent_reports AS u LEFT JOIN customers AS c ON c.id = u.customer_id
        WHERE u.rep = ? AND u.reported_at >= ? AND u.reported_at < ? AND u.deleted = 0
        ORDER BY u.reported_at
        """,
        [rep, start, end],
    )


def month_by_day(db: sqlite_utils.Database, rep: str, first: str, last: str) -> list[dict[str, Any]]:
    """Per day of the range: visits done, missed, customers seen, complaints and market notes."""
    return _rows(
        db,
        """
        SELECT visit_date AS day,
               sum(status = 'done') AS done,
               sum(status = 'missed') AS missed,
               count(DISTINCT CASE WHEN status = 'done' THEN customer_id END) AS customers,
               sum(status = 'done' AND coalesce(complaints, '') != '') AS complaints,
               sum(status = 'done' AND (coalesce(competitor_products, '') != ''
                   OR coalesce(competitor_prices, '') != '' OR coalesce(competitor_promotions, '') != '')) AS market
        FROM visits
        WHERE rep = ? AND visit_date BETWEEN ? AND ? AND deleted = 0
        GROUP BY visit_date
        """,
        [rep, first, last],
    )


def month_customers(db: sqlite_utils.Database, rep: str, first: str, last: str) -> int:
    row = db.execute(
        """
        SELECT count(DISTINCT customer_id) FROM visits
        WHERE rep = ? AND visit_date BETWEEN ? AND ? AND deleted = 0 AND status = 'done'
        """,
        [rep, first, last],
    ).fetchone()
    return int(row[0])


def money_by_day(db: sqlite_utils.Database, rep: str, first: str, last: str) -> list[dict[str, Any]]:
    """Per day: orders placed (count and amount, cancelled left out) and money collected."""
    return _rows(
        db,
        """
        SELECT day, sum(orders) AS orders, sum(ordered) AS ordered, sum(collected) AS collected FROM (
            SELECT order_date AS day, count(*) AS orders, sum(total) AS ordered, 0 AS collected
            FROM orders
            WHERE rep = ? AND order_date BETWEEN ? AND ? AND deleted = 0 AND status != 'cancelled'
            GROUP BY order_date
            UNION ALL
            SELECT paid_on, 0, 0, sum(amount) FROM payments
            WHERE rep = ? AND paid_on BETWEEN ? AND ? AND deleted = 0
            GROUP BY paid_on
        ) GROUP BY day
        """,
        [rep, first, last, rep, first, last],
    )


def latest_submission(db: sqlite_utils.Database, rep: str, kind: str, period: str) -> dict[str, Any] | None:
    columns = ", ".join(SUBMISSION_COLUMNS)
    found = _rows(
        db,
        f"""
        SELECT {columns} FROM submitted_reports
        WHERE rep = ? AND kind = ? AND period = ? AND deleted = 0
        ORDER BY version DESC, submitted_at DESC LIMIT 1
        """,
        [rep, kind, period],
    )
    return found[0] if found else None


def list_submissions(
    db: sqlite_utils.Database, *, kind: str, rep: str | None, since: str | None, limit: int
) -> list[dict[str, Any]]:
    """The newest version of each (rep, period) submission, newest period first."""
    clauses = ["kind = :kind", "deleted = 0"]
    if rep is not None:
        clauses.append("rep = :rep")
    if since is not None:
        clauses.append("period >= :since")
    columns = ", ".join(SUBMISSION_COLUMNS)
    return _rows(
        db,
        f"""
        SELECT {columns} FROM (
            SELECT *, row_number() OVER (PARTITION BY rep, period ORDER BY version DESC, submitted_at DESC) AS n
            FROM submitted_reports WHERE {" AND ".join(clauses)}
        ) WHERE n = 1
        ORDER BY period DESC, rep
        LIMIT :limit
        """,
        {"kind": kind, "rep": rep, "since": since, "limit": limit},
    )
