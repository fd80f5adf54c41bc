"""Synced settings and the Due list queries over the trigger-kept ``last_visits`` table."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldcrm.storage.schema_visits import frequency_sql
from fieldcrm.storage.visits import insert_row, update_row


def settings(db: sqlite_utils.Database, prefix: str) -> dict[str, str]:
    """Live settings whose key starts with ``prefix``, by key."""
    rows = db.execute(
        "SELECT id, value FROM settings WHERE id >= ? AND id < ? AND deleted = 0", [prefix, prefix + "\uffff"]
    )
    return {r[0]: r[1] for r in rows}


def frequencies(db: sqlite_utils.Database, grades: list[str]) -> dict[str, int]:
    """Days between visits per grade, read through the same SQL the due-date triggers use."""
    columns = ", ".join(frequency_sql(f":g{n}") for n in range(len(grades)))
    row = db.execute(f"SELECT {columns}", {f"g{n}": g for n, g in enumerate(grades)}).fetchone()
    return dict(zip(grades, row))


def put_setting(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Set one setting. Its key is its id, so the same setting changed on two laptops merges into one row."""
    row = db.execute("SELECT value, deleted FROM settings WHERE id = ?", [key]).fetchone()
    if row is None:
        insert_row(db, "settings", {"id": key, "deleted": 0, "value": value})
    else:
        current = {"value": row[0], "deleted": row[1]}
        wanted = {"value": value, "deleted": 0}
        update_row(db, "settings", key, {k: v for k, v in wanted.items() if current[k] != v})


def _due_where(
    today: str, route: str | None, territory: str | None, rep: str | None
) -> tuple[str, dict[str, Any]]:
    """Retired and lost cards have no due day, so only the filters the user chose are joined."""
    params: dict[str, Any] = {"today": today}
    clauses = []
    for column, value in (("route", route), ("territory", territory), ("rep", rep)):
        if value is not None:
            clauses.append(f"c.{column} = :{column}")
            params[column] = value
    # Filtered, start from that customer index ("+" keeps the planner off the due index).
    clauses.insert(0, "+lv.due_on <= :today" if clauses else "lv.due_on <= :today")
    return " AND ".join(clauses), params


def due(
    db: sqlite_utils.Database, *, today: str, route: str | None, territory: str | None, rep: str | None,
    limit: int | None, offset: int,
) -> list[tuple[Any, ...]]:
    """Customers due on or before ``today``: never visited first, then the longest overdue.

    Rows are (id, code, name, grade, route, territory, rep, last_date, due_on,
    next open planned visit). Unfiltered, this walks the ``due_on`` index in
    order, so a page costs the same whatever the number of customers; a
    route, territory or rep filter starts from that customer index instead.
    """
    where, params = _due_where(today, route, territory, rep)
    params.update(limit=-1 if limit is None else limit, offset=offset)
    return db.execute(
        f"""
        SELECT c.id, c.code, c.name, c.grade, c.route, c.territory, c.rep, lv.last_date, lv.due_on,
               (SELECT min(v.planned_date) FROM visits AS v
                 WHERE v.customer_id = c.id AND v.status = 'planned' AND v.deleted = 0)
        FROM last_visits AS lv JOIN customers AS c ON c.id = lv.customer_id
        WHERE {where}
        ORDER BY lv.due_on, lv.customer_id
        LIMIT :limit OFFSET :offset
        """,
        params,
    ).fetchall()


def due_count(
    db: sqlite_utils.Database, *, today: str, route: str | None, territory: str | None, rep: str | None
) -> int:
    """Unfiltered, a count over the due index alone."""
    if route is None and territory is None and rep is None:
        return int(db.execute("SELECT count(*) FROM last_visits WHERE due_on <= ?", [today]).fetchone()[0])
    where, params = _due_where(today, route, territory, rep)
    sql = f"SELECT count(*) FROM last_visits AS lv JOIN customers AS c ON c.id = lv.customer_id WHERE {where}"
    return int(db.execute(sql, params).fetchone()[0])


def customers_in_entry_order(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Live customers in the order they were entered (rowid), for generators that must be reproducible."""
    cursor = db.execute(
        "SELECT id, name, grade, lifecycle, rep, credit_limit, channel FROM customers WHERE deleted = 0 ORDER BY rowid"
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]
