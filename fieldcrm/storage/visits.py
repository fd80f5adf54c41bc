"""Visit queries, plus the row helpers every visit-log table shares.

SQL for visits lives here and nowhere above it. ``insert_row``/``update_row``
write only the columns given, so capture records exactly the fields that
changed; ``next_code`` hands out the short codes printed on sheets and
receipts (V-, O-, P-, I-, U- followed by the site tag and a per-site counter,
unique without a server like customer codes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldcrm.storage.customers import HistoryRow
from fieldcrm.storage.identity import Identity, base32
from fieldcrm.storage.rows import checked_name, insert_row, update_row  # noqa: F401 - the feature's writers

VISIT_COLUMNS = (
    "id", "code", "deleted", "customer_id", "territory", "rep", "visit_date", "planned_date",
    "check_in", "check_out", "purpose", "status", "missed_reason", "outcome", "notes",
    "competitor_products", "competitor_prices", "competitor_promotions", "complaints",
    "complaint_handling", "next_action", "next_visit_date",
)
LIST_COLUMNS = (
    "id", "code", "customer_id", "rep", "visit_date", "planned_date", "check_in", "check_out",
    "purpose", "status", "missed_reason",
)


def next_code(db: sqlite_utils.Database, identity: Identity, prefix: str) -> str:
    """<prefix>-<site tag><this site's counter for prefix>, inside the caller's transaction."""
    key = f"code_seq_{prefix}"
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    seq = int(row[0]) + 1 if row else 1
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, str(seq)])
    return f"{prefix}-{identity.site_tag}{base32(seq, 2)}"


def find_id(db: sqlite_utils.Database, table: str, id_or_code: str) -> str | None:
    """Accept either a row's id or the short code printed for it."""
    row = db.execute(
        f'SELECT id FROM "{checked_name(table)}" WHERE id = ? UNION ALL '
        f'SELECT id FROM "{table}" WHERE code = ? LIMIT 1',
        [id_or_code, id_or_code.upper()],
    ).fetchone()
    return row[0] if row else None


CUSTOMER_REF_COLUMNS = ("id", "code", "name", "territory", "rep", "grade", "credit_limit", "deleted")


def customer_ref(db: sqlite_utils.Database, id_or_code: str) -> dict[str, Any] | None:
    """The few card fields the visit log needs, by id or code (not the whole 70-field card)."""
    columns = ", ".join(CUSTOMER_REF_COLUMNS)
    row = db.execute(
        f"SELECT {columns} FROM customers WHERE id = ? UNION ALL "
        f"SELECT {columns} FROM customers WHERE code = ? LIMIT 1",
        [id_or_code, id_or_code.upper()],
    ).fetchone()
    return dict(zip(CUSTOMER_REF_COLUMNS, row)) if row else None


def get(db: sqlite_utils.Database, visit_id: str) -> dict[str, Any] | None:
    columns = ", ".join(f'"{c}"' for c in VISIT_COLUMNS)
    row = db.execute(f"SELECT {columns} FROM visits WHERE id = ?", [visit_id]).fetchone()
    return dict(zip(VISIT_COLUMNS, row)) if row else None


def planned_visit(db: sqlite_utils.Database, customer_id: str, rep: str, on_or_before: str) -> str | None:
    """The oldest open planned visit of ``rep`` at the customer due by a date, if any."""
    row = db.execute(
        """
        SELECT id FROM visits
        WHERE customer_id = ? AND status = 'planned' AND deleted = 0 AND planned_date <= ?
          AND (rep = ? OR rep IS NULL)
        ORDER BY planned_date, id LIMIT 1
        """,
        [customer_id, on_or_before, rep],
    ).fetchone()
    return row[0] if row else None


def list_visits(
    db: sqlite_utils.Database, *, customer_id: str | None, rep: str | None, day: str | None, limit: int
) -> list[dict[str, Any]]:
    """Newest first, with the customer's code and name for display."""
    clauses = ["v.deleted = 0"]
    params: list[Any] = []
    for column, value in (("customer_id", customer_id), ("rep", rep), ("visit_date", day)):
        if value is not None:
            clauses.append(f"v.{column} = ?")
            params.append(value)
    columns = ", ".join(f"v.{c}" for c in LIST_COLUMNS)
    rows = db.execute(
        f"""
        SELECT {columns}, c.code, c.name, u.category
        FROM visits AS v
        LEFT JOIN customers AS c ON c.id = v.customer_id
        LEFT JOIN urgent_reports AS u ON u.visit_id = v.id AND u.deleted = 0
        WHERE {" AND ".join(clauses)}
        ORDER BY v.visit_date DESC, v.check_in DESC, v.id DESC
        LIMIT ?
        """,
        [*params, limit],
    )
    names = (*LIST_COLUMNS, "customer_code", "customer_name", "urgent_category")
    return [dict(zip(names, row)) for row in rows]


@dataclass(frozen=True)
class VisitRow:
    """One line of a customer's visit history, with what was ordered and collected at it."""

    id: str
    code: str
    visit_date: str
    check_in: str | None
    check_out: str | None
    purpose: str
    status: str
    rep: str | None
    outcome: str | None
    missed_reason: str | None
    complaints: str | None
    ordered: int
    collected: int
    urgent_category: str | None


def customer_visits(db: sqlite_utils.Database, customer_id: str, limit: int) -> list[VisitRow]:
    rows = db.execute(
        """
        SELECT v.id, v.code, v.visit_date, v.check_in, v.check_out, v.purpose, v.status, v.rep,
               v.outcome, v.missed_reason, v.complaints,
               (SELECT coalesce(sum(o.total), 0) FROM orders AS o
                 WHERE o.visit_id = v.id AND o.deleted = 0 AND o.status != 'cancelled'),
               (SELECT coalesce(sum(p.amount), 0) FROM payments AS p
                 WHERE p.visit_id = v.id AND p.deleted = 0),
               (SELECT u.category FROM urgent_reports AS u WHERE u.visit_id = v.id AND u.deleted = 0)
        FROM visits AS v
        WHERE v.customer_id = ? AND v.deleted = 0
        ORDER BY v.visit_date DESC, v.check_in DESC, v.id DESC
        LIMIT ?
        """,
        [customer_id, limit],
    )
    return [VisitRow(*row) for row in rows]


def customer_items_by_visit(
    db: sqlite_utils.Database, customer_id: str
) -> dict[str, list[tuple[str, str, str | None, int]]]:
    """What the customer ordered at each visit: (sku, name, unit, quantity) per visit id."""
    rows = db.execute(
        """
        SELECT o.visit_id, p.code, p.name, p.unit, sum(l.quantity)
        FROM orders AS o
        JOIN order_lines AS l ON l.order_id = o.id AND l.deleted = 0
        LEFT JOIN products AS p ON p.id = l.product_id
        WHERE o.customer_id = ? AND o.visit_id IS NOT NULL AND o.deleted = 0 AND o.status != 'cancelled'
        GROUP BY o.visit_id, l.product_id
        ORDER BY o.visit_id, min(l.line_no)
        """,
        [customer_id],
    )
    items: dict[str, list[tuple[str, str, str | None, int]]] = {}
    for visit_id, code, name, unit, quantity in rows:
        items.setdefault(visit_id, []).append((code or "?", name or "?", unit, int(quantity)))
    return items


def history(db: sqlite_utils.Database, visit_id: str) -> list[HistoryRow]:
    """Every recorded version of the visit's fields and of its urgent flag, newest first."""
    return rows_history(
        db,
        """
        (c.tbl = 'visits' AND c.row_id = :id)
        OR (c.tbl = 'urgent_reports' AND c.field IN ('category', 'note', 'acknowledged_by', 'acknowledged_at')
            AND c.row_id IN (SELECT id FROM urgent_reports WHERE visit_id = :id))
        """,
        {"id": visit_id},
        field="CASE WHEN c.tbl = 'urgent_reports' THEN 'urgent_' || c.field ELSE c.field END",
    )


def rows_history(
    db: sqlite_utils.Database, where: str, params: dict[str, Any], *, field: str = "c.field"
) -> list[HistoryRow]:
    """Change-log versions matching ``where`` with the value each replaced and who wrote it."""
    rows = db.execute(
        f"""
        SELECT {field}, p.value, c.value, c.hlc, coalesce(s.user_name, c.site)
        FROM change AS c
        LEFT JOIN change AS p
            ON p.tbl = c.tbl AND p.row_id = c.row_id AND p.field = c.field
           AND p.hlc = c.prev_hlc AND p.site = c.prev_site
        LEFT JOIN sites AS s ON s.site_id = c.site
        WHERE {where}
        ORDER BY c.hlc DESC, c.site DESC, 1
        """,
        params,
    )
    return [HistoryRow(*row) for row in rows]

