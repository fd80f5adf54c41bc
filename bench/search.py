"""Search latency on a 100,000-customer workspace: what the customer list needs first.

For each query this times ``storage.customers.page(offset=0, limit=200)`` plus
``storage.customers.count`` (the first page and the total the list shows),
in the list's default order, on one read-write connection like the GUI's. The
queries cover the kinds of term people type: Chinese substrings of one to four
characters (broad ones such as 店 included), codes, phone fragments with and
without separators, pinyin initials, full pinyin and two terms at once. Codes,
phones and a person's pinyin are taken from the workspace itself (fixed
positions in it), since codes differ between builds.

    python bench/search.py [--customers 100000]
"""

from __future__ import annotations

import math
import statistics
import time
from typing import Any

import generate

from fieldcrm.storage import customers as store
from fieldcrm.storage import search
from fieldcrm.storage.customers import CustomerQuery
from fieldcrm.workspace import open_workspace

TARGET_P95_MS = 50.0
PAGE_SIZE = 200
REPEATS = 5
FIXED_QUERIES: tuple[tuple[str, str], ...] = (
    ("chinese-1", "店"), ("chinese-1", "王"), ("chinese-2", "超市"), ("chinese-2", "西湖"), ("chinese-2", "张记"),
    ("chinese-3", "小卖部"), ("chinese-3", "便利店"), ("chinese-3", "文三路"), ("chinese-4", "世纪联华"),
    ("chinese-4", "好邻居便"), ("phone", "0571-8"), ("pinyin-initials", "sjlh"), ("pinyin-initials", "hlj"),
    ("pinyin-initials", "bld"), ("full-pinyin", "lianhua"), ("full-pinyin", "haolinju"),
    ("full-pinyin", "bianlidian"), ("two-terms", "西湖 便利店"),
)


def queries(db: Any) -> list[tuple[str, str]]:
    """The fixed queries plus ones read from the data: a code, phone fragments, a person's pinyin."""

    def value(column: str, offset: int) -> str:
        row = db.execute(
            f'SELECT "{column}" FROM customers WHERE "{column}" IS NOT NULL ORDER BY rowid LIMIT 1 OFFSET ?', [offset]
        ).fetchone()
        return str(row[0])

    code = value("code", 777)
    mobile = value("phones", 4242).split(",")[0]
    owner = search.pinyin_forms(value("owner_name", 1234)).split()
    return [
        *FIXED_QUERIES,
        ("code", code),
        ("code", code[2:].lower()),
        ("phone", mobile[3:10]),
        ("phone", f"{mobile[:3]}-{mobile[3:7]}"),
        ("pinyin-initials", owner[-1]),
        ("full-pinyin", owner[0]),
    ]


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the value below which ``share`` of the values lie."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def time_query(db: Any, text: str) -> dict[str, Any]:
    query = CustomerQuery(search=text)
    runs = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        rows = store.page(db, query, 0, PAGE_SIZE)
        paged = time.perf_counter()
        total = store.count(db, query)
        runs.append(((paged - started) * 1000, (time.perf_counter() - paged) * 1000))
    totals = [page_ms + count_ms for page_ms, count_ms in runs]
    return {
        "matches": total,
        "first_page_rows": len(rows),
        "ms": round(statistics.median(totals), 1),
        "page_ms": round(statistics.median(r[0] for r in runs), 1),
        "count_ms": round(statistics.median(r[1] for r in runs), 1),
        "first_run_ms": round(totals[0], 1),
    }


def run(customers: int = generate.DEFAULT_CUSTOMERS, seed: int = generate.DEFAULT_SEED,
        quick: bool = False) -> dict[str, Any]:
    """Time every query (median of REPEATS runs each); p50 and p95 are over the queries."""
    size = 10_000 if quick else customers
    workspace = open_workspace(generate.workspace(size, seed))
    try:
        measured = [
            {"kind": kind, "query": text, **time_query(workspace.db, text)} for kind, text in queries(workspace.db)
        ]
        started = time.perf_counter()
        store.page(workspace.db, CustomerQuery(), 0, PAGE_SIZE)
        store.count(workspace.db, CustomerQuery())
        unfiltered_ms = (time.perf_counter() - started) * 1000
    finally:
        workspace.close()
    times = [m["ms"] for m in measured]
    p95 = percentile(times, 0.95)
    return {
        "customers": size,
        "queries": len(measured),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": p95,
        "max_ms": max(times),
        "no_search_ms": round(unfiltered_ms, 1),
        "target_p95_ms": TARGET_P95_MS,
        "met": p95 < TARGET_P95_MS if size == generate.DEFAULT_CUSTOMERS else None,
        "per_query": measured,
    }


def main() -> None:
    generate.run_alone(run, "Time the customer list's search on a big workspace.")


if __name__ == "__main__":
    main()
