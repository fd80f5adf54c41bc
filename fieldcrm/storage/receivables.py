"""What customers owe: debts, payments and the first-in-first-out allocation between them.

The allocation rule is written once, in ``open_debts``: a customer's debts
(delivered orders on their delivery date, invoices on their invoice date) are
taken oldest first, same-day debts in the order they were entered; the sum of
everything the customer has paid is applied to them in that order. So debt i
is still open by ``clamp(running_total_i - paid, 0, amount_i)``, where
``running_total_i`` is the sum of debts up to and including i. Only debts and
payments dated on or before the as-of day count.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils


def open_debts(db: sqlite_utils.Database, customer_id: str | None, as_of: str) -> list[dict[str, Any]]:
    """Every debt still partly or wholly unpaid on ``as_of``, oldest first per customer."""
    only = " AND customer_id = :customer" if customer_id else ""
    cursor = db.execute(
        f"""
        WITH debts AS (
            SELECT customer_id, 'order' AS kind, id, code, coalesce(delivered_on, order_date) AS day, total AS amount
            FROM orders WHERE deleted = 0 AND status = 'delivered'{only}
            UNION ALL
            SELECT customer_id, 'invoice', id, code, invoice_date, amount
            FROM invoices WHERE deleted = 0{only}
        ),
        paid AS (
            SELECT customer_id, sum(amount) AS paid FROM payments
            WHERE deleted = 0 AND paid_on <= :as_of{only}
            GROUP BY customer_id
        ),
        running AS (
            SELECT d.*, sum(d.amount) OVER (
                PARTITION BY d.customer_id ORDER BY d.day, d.id ROWS UNBOUNDED PRECEDING
            ) AS cum
            FROM debts AS d WHERE d.day <= :as_of
        )
        SELECT r.customer_id, r.kind, r.id, r.code, r.day, r.amount,
               max(0, min(r.amount, r.cum - coalesce(p.paid, 0))) AS open
        FROM running AS r LEFT JOIN paid AS p ON p.customer_id = r.customer_id
        WHERE r.cum > coalesce(p.paid, 0)
        ORDER BY r.customer_id, r.day, r.id
        """,
        {"customer": customer_id, "as_of": as_of},
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def totals(db: sqlite_utils.Database, customer_id: str | None, as_of: str) -> dict[str, tuple[int, int]]:
    """(debts, paid) per customer on ``as_of``; customers with neither are left out."""
    only = " AND customer_id = :customer" if customer_id else ""
    rows = db.execute(
        f"""
        SELECT customer_id, sum(debt), sum(paid) FROM (
            SELECT customer_id, total AS debt, 0 AS paid FROM orders
            WHERE deleted = 0 AND status = 'delivered' AND coalesce(delivered_on, order_date) <= :as_of{only}
            UNION ALL
            SELECT customer_id, amount, 0 FROM invoices WHERE deleted = 0 AND invoice_date <= :as_of{only}
            UNION ALL
            SELECT customer_id, 0, amount FROM payments WHERE deleted = 0 AND paid_on <= :as_of{only}
        ) GROUP BY customer_id
        """,
        {"customer": customer_id, "as_of": as_of},
    )
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def customer_labels(db: sqlite_utils.Database, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """(code, name) of each customer id, for report lines."""
    rows = db.execute(
        "SELECT c.id, c.code, c.name FROM customers AS c JOIN json_each(?) AS j ON j.value = c.id",
        [json.dumps(ids)],
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def payments(db: sqlite_utils.Database, customer_id: str, limit: int) -> list[dict[str, Any]]:
    cursor = db.execute(
        """
        SELECT p.id, p.code, p.paid_on, p.amount, p.method, p.reference, p.note, p.rep, p.visit_id
        FROM payments AS p
        WHERE p.customer_id = ? AND p.deleted = 0
        ORDER BY p.paid_on DESC, p.id DESC LIMIT ?
        """,
        [customer_id, limit],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]

