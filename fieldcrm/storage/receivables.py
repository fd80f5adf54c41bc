"""What customers owe: debts, payments and the first-in-first-out allocation between them.

The allocation rule is written once, in ``open_debts``: a customer's debts
(delivered orders on their delivery date, invoices on their invoice date) are
taken oldest first, same-day debts in the order they were entered; the sum of
everything the customer has paid is applied to them in that order. So debt i
is still open by ``clamp(running_total_i - paid, 0, amount_i)``, where
``running_total_i`` is the sum of debts up to and including i. Only debts and
payments dated on or before the as-of day count.

``aged_balances`` applies the same rule to whole age buckets instead of single
debts, so the aging of every customer needs no sort of every debt by day: an
age bucket holds a run of consecutive days, so its debts are consecutive in
the order above, and as no debt is negative (an order line is never below
zero, an invoice is positive) the sum of ``clamp`` over a run telescopes to
``max(0, running_total_at_its_end - paid) - max(0, running_total_before_it -
paid)``. A test checks both give the same figures on random ledgers.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils


def open_debts(db: sqlite_utils.Database, customer_id: str, as_of: str) -> list[dict[str, Any]]:
    """Every debt of the customer still partly or wholly unpaid on ``as_of``, oldest first."""
    cursor = db.execute(
        """
        WITH debts AS (
            SELECT customer_id, 'order' AS kind, id, code, coalesce(delivered_on, order_date) AS day, total AS amount
            FROM orders WHERE deleted = 0 AND status = 'delivered' AND customer_id = :customer
            UNION ALL
            SELECT customer_id, 'invoice', id, code, invoice_date, amount
            FROM invoices WHERE deleted = 0 AND customer_id = :customer
        ),
        paid AS (
            SELECT customer_id, sum(amount) AS paid FROM payments
            WHERE deleted = 0 AND paid_on <= :as_of AND customer_id = :customer
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


def aged_balances(
    db: sqlite_utils.Database, customer_id: str | None, as_of: str, aged_by: tuple[str, str, str],
) -> list[tuple[str, str | None, str | None, tuple[int, int, int, int], int]]:
    """(customer_id, code, name, open per age bucket, credit) of each customer whose debts and payments differ.

    ``aged_by`` holds the last days a debt can be dated to be 30, 60 and 90
    days old on ``as_of``; the open amounts come youngest bucket first and
    ``credit`` is what was paid ahead. Most owed first, then by customer code
    and id. One pass grouped by customer, so the aging of 100,000 customers
    neither returns nor sorts every open debt; see the module docstring.
    """
    only = " AND customer_id = :customer" if customer_id else ""
    rows = db.execute(
        f"""
        WITH entries AS (
            SELECT customer_id, coalesce(delivered_on, order_date) AS day, total AS debt, 0 AS paid FROM orders
            WHERE deleted = 0 AND status = 'delivered' AND coalesce(delivered_on, order_date) <= :as_of{only}
            UNION ALL
            SELECT customer_id, invoice_date, amount, 0 FROM invoices
            WHERE deleted = 0 AND invoice_date <= :as_of{only}
            UNION ALL
            SELECT customer_id, NULL, 0, amount FROM payments WHERE deleted = 0 AND paid_on <= :as_of{only}
        ),
        running AS (
            SELECT customer_id, sum(paid) AS paid,
                   sum(iif(day <= :aged_90, debt, 0)) AS upto_90,
                   sum(iif(day <= :aged_60, debt, 0)) AS upto_60,
                   sum(iif(day <= :aged_30, debt, 0)) AS upto_30,
                   sum(debt) AS upto_now
            FROM entries GROUP BY customer_id
        )
        SELECT r.customer_id, c.code, c.name,
               max(0, upto_now - paid) - max(0, upto_30 - paid),
               max(0, upto_30 - paid) - max(0, upto_60 - paid),
               max(0, upto_60 - paid) - max(0, upto_90 - paid),
               max(0, upto_90 - paid),
               max(0, paid - upto_now)
        FROM running AS r LEFT JOIN customers AS c ON c.id = r.customer_id
        WHERE upto_now != paid
        ORDER BY max(0, upto_now - paid) DESC, coalesce(c.code, ''), r.customer_id
        """,
        {"customer": customer_id, "as_of": as_of, "aged_30": aged_by[0], "aged_60": aged_by[1], "aged_90": aged_by[2]},
    )
    return [(r[0], r[1], r[2], (r[3], r[4], r[5], r[6]), r[7]) for r in rows]


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

