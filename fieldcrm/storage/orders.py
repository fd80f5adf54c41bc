"""Product catalogue and order queries. SQL lives here and nowhere above it."""

from __future__ import annotations

from typing import Any

import sqlite_utils

PRODUCT_COLUMNS = ("id", "code", "deleted", "name", "category", "unit", "price", "active")
ORDER_COLUMNS = (
    "id", "code", "deleted", "customer_id", "territory", "visit_id", "rep", "order_date", "status",
    "delivered_on", "total", "notes", "credit_flag", "credit_reason", "credit_reviewed_by", "credit_reviewed_at",
)


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def get_product(db: sqlite_utils.Database, product_id: str) -> dict[str, Any] | None:
    columns = ", ".join(PRODUCT_COLUMNS)
    found = _rows(db, f"SELECT {columns} FROM products WHERE id = ?", [product_id])
    return found[0] if found else None


def find_product(db: sqlite_utils.Database, sku_or_id: str) -> str | None:
    """A live product by id or SKU (SKUs are kept upper-case)."""
    row = db.execute(
        "SELECT id FROM products WHERE id = ? AND deleted = 0 UNION ALL "
        "SELECT id FROM products WHERE code = ? AND deleted = 0 LIMIT 1",
        [sku_or_id, sku_or_id.upper()],
    ).fetchone()
    return row[0] if row else None


def sku_taken(db: sqlite_utils.Database, code: str, other_than: str | None) -> bool:
    row = db.execute(
        "SELECT 1 FROM products WHERE code = ? AND deleted = 0 AND id IS NOT ? LIMIT 1", [code, other_than]
    ).fetchone()
    return row is not None


def list_products(db: sqlite_utils.Database, *, active_only: bool, text: str) -> list[dict[str, Any]]:
    clauses = ["deleted = 0"]
    params: list[Any] = []
    if active_only:
        clauses.append("coalesce(active, 1) = 1")
    for term in text.lower().split():  # every word must appear in the SKU, name or category
        clauses.append("instr(lower(code || ' ' || name || ' ' || coalesce(category, '')), ?) > 0")
        params.append(term)
    columns = ", ".join(PRODUCT_COLUMNS)
    return _rows(db, f"SELECT {columns} FROM products WHERE {' AND '.join(clauses)} ORDER BY category, code", params)


def get_order(db: sqlite_utils.Database, order_id: str) -> dict[str, Any] | None:
    columns = ", ".join(f"o.{c}" for c in ORDER_COLUMNS)
    found = _rows(
        db,
        f"""
        SELECT {columns}, c.code AS customer_code, c.name AS customer_name, v.code AS visit_code
        FROM orders AS o
        LEFT JOIN customers AS c ON c.id = o.customer_id
        LEFT JOIN visits AS v ON v.id = o.visit_id
        WHERE o.id = ?
        """,
        [order_id],
    )
    return found[0] if found else None


def order_lines(db: sqlite_utils.Database, order_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        """
        SELECT l.id, l.line_no, l.product_id, p.code AS sku, p.name, p.unit, l.quantity, l.unit_price, l.discount
        FROM order_lines AS l LEFT JOIN products AS p ON p.id = l.product_id
        WHERE l.order_id = ? AND l.deleted = 0
        ORDER BY l.line_no
        """,
        [order_id],
    )


def customer_order_ids(db: sqlite_utils.Database, customer_id: str, limit: int) -> list[str]:
    rows = db.execute(
        "SELECT id FROM orders WHERE customer_id = ? AND deleted = 0 ORDER BY order_date DESC, id DESC LIMIT ?",
        [customer_id, limit],
    )
    return [r[0] for r in rows]


def open_orders_total(db: sqlite_utils.Database, customer_id: str) -> int:
    """Placed but not yet delivered: promised goods that will become debt."""
    row = db.execute(
        "SELECT coalesce(sum(total), 0) FROM orders WHERE customer_id = ? AND status = 'placed' AND deleted = 0",
        [customer_id],
    ).fetchone()
    return int(row[0])


def flagged_order_ids(db: sqlite_utils.Database, *, include_reviewed: bool, limit: int) -> list[str]:
    """Orders saved over the credit limit, unreviewed first, newest first."""
    reviewed = "" if include_reviewed else " AND credit_reviewed_at IS NULL"
    rows = db.execute(
        f"""
        SELECT id FROM orders WHERE credit_flag = 1 AND deleted = 0{reviewed}
        ORDER BY credit_reviewed_at IS NOT NULL, order_date DESC, id DESC LIMIT ?
        """,
        [limit],
    )
    return [r[0] for r in rows]
