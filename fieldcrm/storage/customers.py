"""Customer queries. SQL lives here and nowhere above it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

import sqlite_utils

from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS
from fieldcrm.storage import search
from fieldcrm.storage.rows import insert_row, update_row

CARD_COLUMNS = ("id", "code", "deleted", *(f.name for f in CUSTOMER_FIELDS))
LIST_COLUMNS = (
    "id", "code", "name", "city", "district", "phones", "channel", "grade",
    "lifecycle", "credit_grade", "territory", "route", "rep",
)
SORTABLE = frozenset(LIST_COLUMNS) - {"id"}
# Required, so never NULL: ordered plainly, which lets customers_live_by_name give the order.
NEVER_NULL_SORTS = frozenset({"name"})


@dataclass(frozen=True)
class CustomerQuery:
    """What the list shows: a search text, exact-match filters, an order and a page."""

    search: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "name"
    descending: bool = False
    include_deleted: bool = False
    only_deleted: bool = False  # the trash view, where a retired card is found to restore it

    def where(self, *, broad: bool = False) -> tuple[str, list[Any]]:
        """The WHERE clause; ``broad`` shapes the search for many matches (see ``page``)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.only_deleted:
            clauses.append("customers.deleted = 1")
        elif not self.include_deleted:
            clauses.append("customers.deleted = 0")
        for column, value in sorted(self.filters.items()):
            if column not in CARD_COLUMNS:
                raise ValueError(f"unknown filter column {column!r}")
            clauses.append(f'customers."{column}" = ?')
            params.append(value)
        match, match_params = search.match_clause(search.normalise_query(self.search), broad=broad)
        if match:
            clauses.append(match)
            params.extend(match_params)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def order_by(self) -> str:
        if self.sort not in SORTABLE:
            raise ValueError(f"cannot sort by {self.sort!r}")
        direction = "DESC" if self.descending else "ASC"
        if self.sort in NEVER_NULL_SORTS:
            return f' ORDER BY customers."{self.sort}" {direction}, customers.id {direction}'
        return f' ORDER BY customers."{self.sort}" IS NULL, customers."{self.sort}" {direction}, customers.id {direction}'


def page(db: sqlite_utils.Database, query: CustomerQuery, offset: int, limit: int) -> list[dict[str, Any]]:
    """One page of the list.

    With a search, SQLite cannot know how many customers match, so we ask the
    index: when many do, walking customers_live_by_name in order and keeping
    the matches fills a page after a few hundred rows; when few do, fetching
    just those rows and sorting them beats walking every customer.
    """
    terms = search.normalise_query(query.search)
    broad = bool(terms) and query.sort in NEVER_NULL_SORTS and search.is_broad(db, terms)
    where, params = query.where(broad=broad)
    source = "customers NOT INDEXED" if terms and not broad else "customers"
    columns = ", ".join(f'customers."{c}"' for c in LIST_COLUMNS)
    sql = f"SELECT {columns} FROM {source}{where}{query.order_by()} LIMIT ? OFFSET ?"
    return [dict(zip(LIST_COLUMNS, row)) for row in db.execute(sql, [*params, limit, offset])]


def iter_cards(db: sqlite_utils.Database, query: CustomerQuery) -> Iterator[dict[str, Any]]:
    where, params = query.where()
    columns = ", ".join(f'customers."{c}"' for c in CARD_COLUMNS)
    for row in db.execute(f"SELECT {columns} FROM customers{where}{query.order_by()}", params):
        yield dict(zip(CARD_COLUMNS, row))


def count(db: sqlite_utils.Database, query: CustomerQuery) -> int:
    """The list's total; a search without filters is counted in the search index alone."""
    terms = search.normalise_query(query.search)
    if terms and not query.filters:
        return search.count(db, terms, include_deleted=query.include_deleted, only_deleted=query.only_deleted)
    where, params = query.where()
    return int(db.execute(f"SELECT count(*) FROM customers{where}", params).fetchone()[0])


def get(db: sqlite_utils.Database, customer_id: str) -> dict[str, Any] | None:
    columns = ", ".join(f'"{c}"' for c in CARD_COLUMNS)
    row = db.execute(f"SELECT {columns} FROM customers WHERE id = ?", [customer_id]).fetchone()
    return dict(zip(CARD_COLUMNS, row)) if row else None


def find_id(db: sqlite_utils.Database, id_or_code: str) -> str | None:
    """Accept either the id or the short code a user reads off a card."""
    row = db.execute(
        "SELECT id FROM customers WHERE id = ? UNION ALL SELECT id FROM customers WHERE code = ? LIMIT 1",
        [id_or_code, id_or_code.upper()],
    ).fetchone()
    return row[0] if row else None


def insert(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    insert_row(db, "customers", values)


def update(db: sqlite_utils.Database, customer_id: str, values: dict[str, Any]) -> None:
    """Set only the given columns, so capture records exactly the fields that changed."""
    update_row(db, "customers", customer_id, values)


def distinct_values(db: sqlite_utils.Database, column: str) -> list[str]:
    """The values in use for a free-text classification (territory, route, rep), for filter menus."""
    if column not in CARD_COLUMNS:
        raise ValueError(f"unknown column {column!r}")
    rows = db.execute(
        f'SELECT DISTINCT "{column}" FROM customers WHERE deleted = 0 AND "{column}" IS NOT NULL ORDER BY 1'
    )
    return [r[0] for r in rows]


@dataclass(frozen=True)
class HistoryRow:
    field: str
    old: Any
    new: Any
    hlc: int
    user: str


def history(db: sqlite_utils.Database, customer_id: str) -> list[HistoryRow]:
    """Every recorded version of the card's fields, newest first, with who made it.

    Only the card's own fields count: sync's bookkeeping rows (``@…``) and
    links kept by other features (a route's ``zone_id``) are not card history.
    """
    rows = db.execute(
        f"""
        SELECT c.field, p.value, c.value, c.hlc, coalesce(s.user_name, c.site)
        FROM change AS c
        LEFT JOIN change AS p
            ON p.tbl = c.tbl AND p.row_id = c.row_id AND p.field = c.field
           AND p.hlc = c.prev_hlc AND p.site = c.prev_site
        LEFT JOIN sites AS s ON s.site_id = c.site
        WHERE c.tbl = 'customers' AND c.row_id = ? AND c.field IN ({", ".join("?" for _ in CARD_COLUMNS)})
        ORDER BY c.hlc DESC, c.site DESC, c.field
        """,
        [customer_id, *CARD_COLUMNS],
    )
    return [HistoryRow(*row) for row in rows]
