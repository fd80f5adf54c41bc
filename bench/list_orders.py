"""The customer list in every order on a 100,000-customer workspace, and what its indexes cost writes.

* ``pages``: per sortable column and direction, the first page (200 rows,
  what a header click shows), deep pages the way the list reads them (keyset:
  the page after row 50,000, or after the middle row of a shorter list, and
  the last page) and the CLI's ``--offset 50000``. Median of ``REPEATS`` runs each; the GUI thread's budget
  is "well under 100 ms".
* ``filtered`` / ``searched``: the slowest first page and deep keyset page
  over every order, with two filters (the most common territory and channel:
  the sort index walked, each filter a set of rowids) and with a broad
  search (店).
* ``counted``: the list's count (shown with every page) under each filter
  the filter bar offers, set to its most common value; median of
  ``REPEATS``. Nature, ownership and location type were counted by reading
  every card until migration step 10 indexed them.
* ``writes``: what the sort indexes (migration step 8) cost, measured inside
  transactions that are rolled back, so the cached workspace is unchanged: a
  card written and a three-field edit through the capture triggers, median
  per write, and loading all the workspace's cards into an empty copy of the
  table (what a snapshot bootstrap does with the live rows), each with the
  indexes and with them dropped; and the load with the sort indexes built
  after it instead of kept row by row.

    python bench/list_orders.py [--customers 100000]
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import generate
from timing import median_ms

from fieldcrm.domain.customer_fields import FILTERABLE_FIELDS
from fieldcrm.storage import customers as store
from fieldcrm.storage.customers import SORTABLE, CustomerQuery
from fieldcrm.storage.schema_sort_indexes import SORT_INDEX_COLUMNS
from fieldcrm.sync.materialise import MERGE_CACHE_KIB
from fieldcrm.workspace import open_workspace

PAGE_SIZE = 200
REPEATS = 5
DEEP_ROW = 50_000
BUDGET_MS = 100.0
WRITES = 200
ROUNDS = 3
EDITED = ("name", "route", "notes")  # two sorted columns and one that is not


def _ms(value: float) -> float:
    return round(value, 1)


def _deep_pages(db: Any, query: CustomerQuery, total: int) -> dict[str, float]:
    """The page after row DEEP_ROW (or the middle row) and the last page, each started past the row before it."""
    deep = min(DEEP_ROW, total // 2)
    before_deep = store.page(db, query, deep - 1, 1)[0]
    before_last = store.page(db, query, max(total - PAGE_SIZE - 1, 0), 1)[0]
    return {
        "deep_ms": _ms(median_ms(lambda: store.page(db, query.following(before_deep), 0, PAGE_SIZE), REPEATS)),
        "last_ms": _ms(median_ms(lambda: store.page(db, query.following(before_last), 0, PAGE_SIZE), REPEATS)),
    }


def time_orders(db: Any, make: Callable[[str, bool], CustomerQuery], *, offset: bool) -> dict[str, dict[str, float]]:
    """Each order's first page and deep pages (and the CLI's offset page when ``offset``)."""
    figures = {}
    for column in sorted(SORTABLE):
        for descending in (False, True):
            query = make(column, descending)
            total = store.count(db, query)
            entry = {"first_ms": _ms(median_ms(lambda: store.page(db, query, 0, PAGE_SIZE), REPEATS))}
            entry |= _deep_pages(db, query, total)
            if offset:
                entry["offset_ms"] = _ms(median_ms(lambda: store.page(db, query, DEEP_ROW, PAGE_SIZE), REPEATS))
            figures[f"{column} {'desc' if descending else 'asc'}"] = entry
    return figures


def time_filter_counts(db: Any) -> dict[str, float]:
    """The count under each filter of the filter bar, at the value most cards have."""
    figures = {}
    for column in FILTERABLE_FIELDS:
        (value,) = db.execute(
            f'SELECT "{column}" FROM customers WHERE deleted = 0 AND "{column}" IS NOT NULL '
            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        query = CustomerQuery(filters={column: value})
        figures[column] = _ms(median_ms(lambda: store.count(db, query), REPEATS))
    return figures


def _worst(figures: dict[str, dict[str, float]]) -> dict[str, float]:
    keys = next(iter(figures.values())).keys()
    return {f"max_{key}": max(entry[key] for entry in figures.values()) for key in keys}


def _rolled_back(db: Any, work: Callable[[], Any], *, indexed: bool) -> Any:
    """Run ``work`` in a transaction that is undone, with the sort indexes or with them dropped."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if not indexed:
            for column in SORT_INDEX_COLUMNS:
                db.execute(f"DROP INDEX customers_live_by_{column}")
        return work()
    finally:
        db.execute("ROLLBACK")


def _per_write_ms(write: Callable[[int], None]) -> float:
    times = []
    for number in range(WRITES):
        started = time.perf_counter()
        write(number)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def time_writes(db: Any) -> dict[str, Any]:
    """Writes with the sort indexes and without, alternating, median of ``ROUNDS`` rounds after a warm-up."""
    ids = [r[0] for r in db.execute("SELECT id FROM customers WHERE deleted = 0 ORDER BY random() LIMIT ?", [WRITES])]
    columns = ", ".join(f'"{c}"' for c in store.CARD_COLUMNS)
    template = dict(zip(store.CARD_COLUMNS, db.execute(f"SELECT {columns} FROM customers LIMIT 1").fetchone()))
    def add(number: int) -> None:
        store.insert(db, template | {"id": f"01BENCHSORT{number:015d}", "code": f"C-SORT{number:05d}"})

    def edit(number: int) -> None:
        store.update(db, ids[number], {column: f"改 {number}" for column in EDITED})

    def load(index_after: bool) -> float:
        """All cards into an empty copy of the table with its indexes, as a bootstrap loads the live rows."""
        db.execute(f"PRAGMA temp.cache_size = -{MERGE_CACHE_KIB}")  # as a bootstrap's load has (roomy_cache)
        db.execute("CREATE TEMP TABLE loaded AS SELECT * FROM customers WHERE 0")
        copies = [
            sql.replace("CREATE INDEX ", "CREATE INDEX temp.copy_").replace(" ON customers ", " ON loaded ")
            for (sql,) in db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL"
            ).fetchall()
        ]
        later = [sql for sql in copies if index_after and any(f"_live_by_{c} " in sql for c in SORT_INDEX_COLUMNS)]
        for sql in copies:
            if sql not in later:
                db.execute(sql)
        started = time.perf_counter()
        db.execute("INSERT INTO temp.loaded SELECT * FROM customers")
        for sql in later:
            db.execute(sql)
        return time.perf_counter() - started

    samples: dict[str, list[float]] = defaultdict(list)
    for round_number in range(ROUNDS + 1):
        measured = {}
        for indexed, name in ((False, "without"), (True, "with")):
            edits = _rolled_back(db, lambda: (_per_write_ms(add), _per_write_ms(edit)), indexed=indexed)
            measured[f"add_card_ms_{name}"], measured[f"edit_3_fields_ms_{name}"] = edits
            measured[f"load_all_cards_s_{name}"] = _rolled_back(db, lambda: load(False), indexed=indexed)
        measured["load_all_cards_s_indexed_after"] = _rolled_back(db, lambda: load(True), indexed=True)
        if round_number:  # the first round warms the caches
            for key, value in measured.items():
                samples[key].append(value)
    return {key: round(statistics.median(values), 3) for key, values in samples.items()}


def run(customers: int = generate.DEFAULT_CUSTOMERS, seed: int = generate.DEFAULT_SEED,
        quick: bool = False) -> dict[str, Any]:
    size = 10_000 if quick else customers
    workspace = open_workspace(generate.workspace(size, seed))
    db = workspace.db
    try:
        plain = time_orders(db, lambda c, d: CustomerQuery(sort=c, descending=d), offset=True)
        territory, channel = db.execute(
            "SELECT territory, channel FROM customers WHERE deleted = 0 GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        filters = {"territory": territory, "channel": channel}
        filtered = time_orders(db, lambda c, d: CustomerQuery(sort=c, descending=d, filters=filters), offset=False)
        searched = time_orders(db, lambda c, d: CustomerQuery(sort=c, descending=d, search="店"), offset=False)
        counted = time_filter_counts(db)
        writes = time_writes(db)
    finally:
        workspace.close()
    worst = _worst(plain)
    slowest = max(
        max(max(entry.values()) for figures in (plain, filtered, searched) for entry in figures.values()),
        max(counted.values()),
    )
    return {
        "customers": size,
        "page_rows": PAGE_SIZE,
        **worst,
        "filtered": {"filters": filters, **_worst(filtered)},
        "searched": {"search": "店", **_worst(searched)},
        "counted": {"max_count_ms": max(counted.values()), "by_filter": counted},
        "budget_ms": BUDGET_MS,
        "met": slowest < BUDGET_MS if size == generate.DEFAULT_CUSTOMERS else None,
        "writes": writes,
        "pages": plain,
    }


def main() -> None:
    generate.run_alone(run, "Time the customer list in every order on a big workspace.")


if __name__ == "__main__":
    main()
