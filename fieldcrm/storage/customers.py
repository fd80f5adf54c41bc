"""Customer queries. SQL lives here and nowhere above it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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
# Columns with an index on (deleted, column, id): schema_sort_indexes, schema_filter_indexes.
INDEXED = SORTABLE | {"nature", "ownership", "location_type"}

# Where a page starts in keyset paging: the sort column's value and the id of the last row shown.
Cursor = tuple[Any, str]
Condition = tuple[str, list[Any]]


def _all_of(conditions: list[Condition]) -> Condition:
    """SQL true when every condition is (empty ones left out), with its parameters in order."""
    kept = [(sql, params) for sql, params in conditions if sql]
    return " AND ".join(sql for sql, _ in kept), [p for _, params in kept for p in params]


@dataclass(frozen=True)
class CustomerQuery:
    """What the list shows: a search text, exact-match filters, an order and where the page starts.

    The order is the sort column, blanks (NULL) last in either direction, ties
    by id. ``after`` starts the page just past a row already shown (keyset
    paging), so a deep page costs what the first one does; an offset instead
    makes SQLite step over every row before it.
    """

    search: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "name"
    descending: bool = False
    include_deleted: bool = False
    only_deleted: bool = False  # the trash view, where a retired card is found to restore it
    after: Cursor | None = None

    def where(self, *, walk: bool = False) -> tuple[str, list[Any]]:
        """The WHERE clause, shaped for how ``_select`` reads the rows.

        By default SQLite may come in through the search or a filter's index.
        ``walk`` shapes it for walking the sort column's index in order: the
        search and the filters on other indexed columns become sets of rowids,
        checked against each index entry without reading the card. Checked on
        the card instead, a filter matching few customers (or ones far along
        the order) made SQLite read most of the table to fill a page.
        """
        state: list[Condition] = []
        if self.only_deleted:
            state.append(("customers.deleted = 1", []))
        elif not self.include_deleted:
            state.append(("customers.deleted = 0", []))
        direct: list[Condition] = []
        members: list[Condition] = []
        for column, value in sorted(self.filters.items()):
            if column not in CARD_COLUMNS:
                raise ValueError(f"unknown filter column {column!r}")
            condition = (f'customers."{column}" = ?', [value])
            if column == "deleted":
                state.append(condition)
            elif walk and column in INDEXED and column != self.sort:
                members.append(condition)
            else:
                direct.append(condition)
        clauses = [*state, *direct]
        for member in members:  # a set per filter: each read from its own index alone, never from the cards
            inner, inner_params = _all_of([*state, member])
            clauses.append((f"+customers.rowid IN (SELECT rowid FROM customers WHERE {inner})", inner_params))
        clauses.append(search.match_clause(search.normalise_query(self.search), broad=walk))
        sql, params = _all_of(clauses)
        return (f" WHERE {sql}" if sql else ""), params

    def following(self, row: dict[str, Any]) -> CustomerQuery:
        """The same query, starting just past ``row`` (one of its results)."""
        return replace(self, after=(row[self.sort], row["id"]))

    def stretches(self, *, walk: bool = True) -> list[Stretch]:
        """The order as runs that one index walk each gives: the column's values, then its blanks.

        "Blanks last" in both directions is not the reverse of itself, so no
        single walk of an index on (deleted, column, id) gives it; each stretch
        is a range of that index (``schema_sort_indexes``), walked forwards
        or backwards. Without ``walk`` (the rows are fetched and sorted) it is
        one stretch, so the rows are found once.
        """
        if self.sort not in SORTABLE:
            raise ValueError(f"cannot sort by {self.sort!r}")
        column = f'customers."{self.sort}"'
        direction, past = ("DESC", "<") if self.descending else ("ASC", ">")
        values = Stretch(f"{column} IS NOT NULL", [], f"{column} {direction}, customers.id {direction}")
        blanks = Stretch(f"{column} IS NULL", [], f"customers.id {direction}")
        if self.after is None:
            stretches = [values, blanks]
        elif self.after[0] is None:
            stretches = [Stretch(f"{blanks.condition} AND customers.id {past} ?", [self.after[1]], blanks.order)]
        else:
            stretches = [Stretch(f"({column}, customers.id) {past} (?, ?)", list(self.after), values.order), blanks]
        if walk or len(stretches) == 1:
            return stretches
        return [Stretch(
            "(" + " OR ".join(f"({s.condition})" for s in stretches) + ")",
            [p for s in stretches for p in s.params],
            f"{column} IS NULL, {values.order}",
        )]


@dataclass(frozen=True)
class Stretch:
    """Rows of the list's order that one index range holds, in that order."""

    condition: str
    params: list[Any]
    order: str


def _select(
    db: sqlite_utils.Database, columns: tuple[str, ...], query: CustomerQuery, offset: int, limit: int | None
) -> Iterator[dict[str, Any]]:
    """Rows of ``query`` in its order, stretch after stretch, skipping ``offset`` and stopping at ``limit``.

    With a search, SQLite cannot know how many customers match, so we ask the
    index: when many do, walking the sort column's index in order and keeping
    the matches fills a page after a few hundred rows; when few do, fetching
    just those rows and sorting them beats walking every customer.
    """
    terms = search.normalise_query(query.search)
    few = bool(terms) and not search.is_broad(db, terms)
    where, params = query.where(walk=not few)
    source = "customers NOT INDEXED" if few else "customers"
    selected = ", ".join(f'customers."{c}"' for c in columns)
    wanted = -1 if limit is None else limit  # SQLite's LIMIT -1: no limit
    for stretch in query.stretches(walk=not few):
        if wanted == 0:
            return
        rows_of_stretch = f"FROM {source}{where} {'AND' if where else 'WHERE'} {stretch.condition}"
        stretch_params = [*params, *stretch.params]
        sql = f"SELECT {selected} {rows_of_stretch} ORDER BY {stretch.order} LIMIT ? OFFSET ?"
        found = 0
        for row in db.execute(sql, [*stretch_params, wanted, offset]):
            found += 1
            yield dict(zip(columns, row))
        if offset and not found:  # the page starts past this stretch: skip what it holds
            offset -= int(db.execute(f"SELECT count(*) {rows_of_stretch}", stretch_params).fetchone()[0])
        else:
            offset = 0
        if wanted > 0:
            wanted -= found


def page(db: sqlite_utils.Database, query: CustomerQuery, offset: int, limit: int) -> list[dict[str, Any]]:
    """One page of the list: ``limit`` rows from ``offset`` (counted from ``query.after`` if set)."""
    return list(_select(db, LIST_COLUMNS, query, offset, limit))


def iter_cards(db: sqlite_utils.Database, query: CustomerQuery) -> Iterator[dict[str, Any]]:
    return _select(db, CARD_COLUMNS, query, 0, None)


def count(db: sqlite_utils.Database, query: CustomerQuery) -> int:
    """The list's total (``after`` ignored); a search without filters is counted in the search index alone."""
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
