"""Merge speed: 100,000 received field changes, side by side with the floor and with Yjs (pycrdt).

The receiver is a supervisor's workspace already holding 10,000 customers.
Four laptops then send 25,000 field edits each, one change file per laptop:
edits of 20 card fields, mostly sequential (each names the version it
replaced), about 5% concurrent with another laptop's edit of the same field.
All figures come from one run (best of ``repeat``, except the two slowest,
measured once):

* ``floor_s``: the same final rows written straight into the same customers
  table (one transaction, ``executemany`` upserts, capture suppressed). The
  table's search-index triggers run, as they do for any write to it.
* ``ours_s``: ``apply_files`` of the four files in one transaction, as a sync
  round applies what it found; ``ours_per_file_s``: ``apply_incoming`` of each
  file in its own transaction.
* ``*_no_search_s``: floor and ours again with the search-index triggers
  dropped, which isolates the cost of sync itself.
* ``floor_bare_s``: the final rows into a bare table of the same columns.
* ``pycrdt_batched_s``: the same edits as Yjs map updates, one merged update
  per laptop (Yjs's own sync step), applied in memory; nothing is written.
  ``pycrdt_batched_to_sqlite_s``: the same merge, then the merged cards read
  back from the document and written into the receiver's customers table
  the floor's way (search index on): what an app built on pycrdt pays to
  have the result queryable, as ours is. ``pycrdt_per_change_s``: one Yjs
  update per edit, as an update log holds them, applied in memory (once).
* ``capture``: a local edit of three fields of one card, one transaction
  each, with the capture triggers and with them dropped (median).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldcrm.domain.classifications import Role
from fieldcrm.storage.database import DB_NAME, write_transaction
from fieldcrm.sync.capture import TRIGGER_PREFIX
from fieldcrm.sync.merge import apply_files, apply_incoming
from fieldcrm.sync.roles import Author
from fieldcrm.workspace import Workspace, open_workspace

ROWS = 10_000
CHANGES = 100_000
SENDERS = 4
CONCURRENT = 0.05
FIELDS = (
    "name", "city", "district", "street", "contacts", "industry", "owner_name", "owner_hobbies",
    "manager_name", "service_area", "sales_capacity", "growth_potential", "relationship", "sales_activity",
    "problems", "strengths", "next_strategy", "reputation", "route", "notes",
)
WORDS = ("超市", "便利店", "批发部", "文三路", "西湖区", "拓展新品", "关系良好", "账期偏长", "需要回访", "Hangzhou")
START_MS = 1_700_000_000_000
SEED_SITE = f"{99:032x}"

Record = dict[str, Any]


@dataclass
class Workload:
    seed: list[Record]  # the 10,000 customers, already on the receiver
    files: list[tuple[list[Record], Author]]  # one change file per sending laptop
    final: dict[str, dict[str, Any]]  # row -> field -> winning value: what the floor writes


def build_workload(rng: random.Random) -> Workload:
    """Edits as laptops that sync now and then make them: mostly chained, some concurrent."""
    rows = [f"01HSEED{n:019d}" for n in range(ROWS)]
    latest: dict[tuple[str, str], tuple[int, str, Any]] = {}
    history: dict[tuple[str, str], list[tuple[int, str]]] = {}
    seed: list[Record] = []
    hlc = START_MS << 16
    for row in rows:
        for field_name, value in (("deleted", 0), ("name", f"{rng.choice(WORDS)}{row[-4:]}"), ("territory", "西湖区")):
            hlc += 1
            seed.append(_record(row, field_name, value, hlc, SEED_SITE, None))
            latest[(row, field_name)] = (hlc, SEED_SITE, value)
    per_site: list[list[Record]] = [[] for _ in range(SENDERS)]
    for n in range(CHANGES):
        site = f"{n % SENDERS:032x}"
        hlc += 1
        key = (rng.choice(rows), rng.choice(FIELDS))
        older = history.get(key, [])
        concurrent = bool(older) and rng.random() < CONCURRENT
        prev = rng.choice(older) if concurrent else (latest[key][:2] if key in latest else None)
        value = f"{rng.choice(WORDS)} {n}"
        per_site[n % SENDERS].append(_record(key[0], key[1], value, hlc, site, prev))
        history.setdefault(key, []).append((hlc, site))
        latest[key] = (hlc, site, value)
    final: dict[str, dict[str, Any]] = {}
    for (row, field_name), (_, _, value) in latest.items():
        if field_name in FIELDS:
            final.setdefault(row, {})[field_name] = value
    files = [(records, Author(f"rep{n}", Role.REP, "西湖区", f"{n:032x}")) for n, records in enumerate(per_site)]
    return Workload(seed, files, final)


def _record(row: str, field_name: str, value: Any, hlc: int, site: str, prev: tuple[int, str] | None) -> Record:
    return {
        "tbl": "customers", "row": row, "field": field_name, "value": value, "hlc": hlc, "site": site,
        "prev_hlc": prev[0] if prev else None, "prev_site": prev[1] if prev else None,
    }


def _seeded(folder: Path, work: Workload) -> Path:
    """A supervisor workspace holding the seed customers; returns its database file to copy."""
    ws = open_workspace(folder, create=True)
    ws.initialise("主管", Role.SUPERVISOR, None)
    apply_incoming(ws.db, work.seed, Author("种子", Role.SUPERVISOR, None, SEED_SITE))
    ws.close()
    return folder / DB_NAME


class Copies:
    """Fresh copies of the seeded workspace, optionally without the search-index triggers."""

    def __init__(self, template: Path, tmp: Path, final: dict[str, dict[str, Any]]) -> None:
        self.template, self.tmp, self.count, self.final = template, tmp, 0, final

    def __call__(self, search: bool = True) -> Workspace:
        self.count += 1
        folder = self.tmp / f"copy{self.count}"
        folder.mkdir()
        shutil.copyfile(self.template, folder / DB_NAME)
        ws = open_workspace(folder)
        if not search:
            _drop_triggers(ws, "search_*")
        return ws


def _drop_triggers(ws: Workspace, pattern: str) -> None:
    found = ws.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB ?", [pattern])
    names = [r[0] for r in found]
    with write_transaction(ws.db):
        for name in names:
            ws.db.execute(f'DROP TRIGGER "{name}"')


def _best(
    repeat: int, setup: Callable[[], Any], timed: Callable[[Any], None], teardown: Callable[[Any], None]
) -> float:
    times = []
    for _ in range(repeat):
        state = setup()
        started = time.perf_counter()
        timed(state)
        times.append(time.perf_counter() - started)
        teardown(state)
    return min(times)


def _upsert(work: Workload) -> tuple[str, list[tuple[Any, ...]]]:
    columns = ", ".join(f'"{f}"' for f in FIELDS)
    updates = ", ".join(f'"{f}" = coalesce(excluded."{f}", "{f}")' for f in FIELDS)
    marks = ", ?" * len(FIELDS)
    sql = f"INSERT INTO customers (id, {columns}) VALUES (?{marks}) ON CONFLICT (id) DO UPDATE SET {updates}"
    return sql, [(row, *(fields.get(f) for f in FIELDS)) for row, fields in work.final.items()]


def time_floor(copies: Copies, work: Workload, repeat: int, *, search: bool) -> float:
    sql, rows = _upsert(work)

    def write(ws: Workspace) -> None:
        with write_transaction(ws.db):
            ws.db.execute("UPDATE capture_mode SET applying = 1")
            ws.db.conn.executemany(sql, rows)
            ws.db.execute("UPDATE capture_mode SET applying = 0")

    return _best(repeat, lambda: copies(search), write, Workspace.close)


def time_floor_bare(tmp: Path, work: Workload, repeat: int) -> float:
    sql, rows = _upsert(work)
    made = iter(range(repeat))

    def setup() -> sqlite3.Connection:
        conn = sqlite3.connect(tmp / f"bare{next(made)}.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"CREATE TABLE customers (id TEXT PRIMARY KEY, {', '.join(f'{f} TEXT' for f in FIELDS)})")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO customers (id) VALUES (?)", [(row,) for row in work.final])
        conn.execute("COMMIT")
        return conn

    def write(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")

    return _best(repeat, setup, write, sqlite3.Connection.close)


def time_ours(copies: Copies, work: Workload, repeat: int, *, search: bool, per_file: bool) -> tuple[float, bool]:
    """Seconds to merge the four files, and whether the result equals the expected final rows."""
    checked: list[bool] = []

    def merge(ws: Workspace) -> None:
        if per_file:
            for records, author in work.files:
                apply_incoming(ws.db, records, author)
        else:
            apply_files(ws.db, work.files)

    def check(ws: Workspace) -> None:
        live = {r[0]: dict(zip(FIELDS, r[1:])) for r in ws.db.execute(f"SELECT id, {', '.join(FIELDS)} FROM customers")}
        checked.append(all(live[row][f] == v for row, fields in work.final.items() for f, v in fields.items()))
        ws.close()

    seconds = _best(repeat, lambda: copies(search), merge, check)
    return seconds, all(checked)


@dataclass
class Yjs:
    """The workload as Yjs map updates: the receiver's starting state and what the laptops send."""

    seed: bytes  # the receiver's document before the merge
    batched: list[bytes]  # one merged update per laptop (Yjs's own sync step)
    per_edit: list[bytes]  # one update per edit, as an update log holds them

    def receiver(self) -> Any:
        from pycrdt import Doc

        doc: Any = Doc()
        doc.apply_update(self.seed)
        return doc


def yjs_updates(work: Workload, *, per_edit: bool) -> Yjs | None:
    """The same edits as pycrdt map updates (key ``row␟field``), or None without pycrdt."""
    try:
        from pycrdt import Doc, Map
    except ImportError:
        return None
    seed: Any = Doc(client_id=999)
    entries = seed.get("customers", type=Map)
    with seed.transaction():
        for r in work.seed:
            entries[f"{r['row']}\x1f{r['field']}"] = r["value"]
    yjs = Yjs(seed.get_update(), [], [])
    for number, (records, _) in enumerate(work.files):
        doc: Any = Doc(client_id=number + 1)
        doc.apply_update(yjs.seed)
        start = doc.get_state()
        laptop_entries = doc.get("customers", type=Map)
        for r in records:  # one Yjs transaction per edit, as a laptop makes them
            before = doc.get_state()
            laptop_entries[f"{r['row']}\x1f{r['field']}"] = r["value"]
            if per_edit:
                yjs.per_edit.append(doc.get_update(before))
        yjs.batched.append(doc.get_update(start))
    return yjs


def _apply_all(updates: list[bytes]) -> Callable[[Any], None]:
    def apply_all(doc: Any) -> None:
        for update in updates:
            doc.apply_update(update)

    return apply_all


def time_pycrdt(yjs: Yjs, repeat: int, *, per_edit: bool) -> tuple[float, float | None]:
    """Seconds for (one update per laptop, one update per edit), merged in memory; nothing is written."""
    batched_s = _best(repeat, yjs.receiver, _apply_all(yjs.batched), lambda doc: None)
    per_edit_s = _best(1, yjs.receiver, _apply_all(yjs.per_edit), lambda doc: None) if per_edit else None
    return batched_s, per_edit_s


def time_pycrdt_to_sqlite(copies: Copies, yjs: Yjs, repeat: int) -> tuple[float, int]:
    """pycrdt's batched merge, then its merged rows written into the receiver's customers table the floor's way.

    What an app built on pycrdt would pay to have the merged cards queryable
    (and searchable) in SQLite, as ours are: the merge, reading the merged
    map back, and one transaction of ``executemany`` upserts of every card
    it holds (the same statement as the floor). Returns the seconds and how
    many (card, field) values ended differently from our merge: Yjs orders
    concurrent writes by client id, not by timestamp.
    """
    from pycrdt import Map

    sql, _ = _upsert(Workload([], [], {}))
    differ: list[int] = []

    def setup() -> tuple[Any, Workspace]:
        return yjs.receiver(), copies()

    def merge_and_write(state: tuple[Any, Workspace]) -> None:
        doc, ws = state
        _apply_all(yjs.batched)(doc)
        cards: dict[str, dict[str, Any]] = {}
        for key, value in doc.get("customers", type=Map).items():
            row, field_name = key.split("\x1f")
            cards.setdefault(row, {})[field_name] = value
        rows = [(row, *(fields.get(f) for f in FIELDS)) for row, fields in cards.items()]
        with write_transaction(ws.db):
            ws.db.execute("UPDATE capture_mode SET applying = 1")
            ws.db.conn.executemany(sql, rows)
            ws.db.execute("UPDATE capture_mode SET applying = 0")

    def check(state: tuple[Any, Workspace]) -> None:
        _, ws = state
        live = {r[0]: dict(zip(FIELDS, r[1:])) for r in ws.db.execute(f"SELECT id, {', '.join(FIELDS)} FROM customers")}
        differ.append(sum(live[row][f] != v for row, fields in copies.final.items() for f, v in fields.items()))
        ws.close()

    seconds = _best(repeat, setup, merge_and_write, check)
    return seconds, max(differ)


def time_capture(copies: Copies, edits: int = 300) -> tuple[float, float]:
    """Median seconds of one local edit with capture, and with the capture triggers dropped."""
    rng = random.Random(7)
    medians = []
    for capture in (True, False):
        ws = copies()
        if not capture:
            _drop_triggers(ws, TRIGGER_PREFIX + "*")
        ids = [r[0] for r in ws.db.execute("SELECT id FROM customers LIMIT 1000")]
        times = []
        for n in range(edits):
            values = [f"{rng.choice(WORDS)} {n}", f"{rng.choice(WORDS)} {n}", f"备注 {n}", rng.choice(ids)]
            started = time.perf_counter()
            with write_transaction(ws.db):
                ws.db.execute("UPDATE customers SET street = ?, next_strategy = ?, notes = ? WHERE id = ?", values)
            times.append(time.perf_counter() - started)
        medians.append(statistics.median(times))
        ws.close()
    return medians[0], medians[1]


def run(repeat: int = 2, quick: bool = False) -> dict[str, Any]:
    """The merge benchmark: every figure side by side from one run.

    ``quick`` measures once and leaves out the two slowest variants (a file
    per transaction, and Yjs with one update per edit).
    """
    repeat = 1 if quick else repeat
    work = build_workload(random.Random(20240601))
    figures: dict[str, Any] = {"changes": CHANGES, "rows": len(work.final)}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        copies = Copies(_seeded(tmp / "seed", work), tmp, work.final)
        floor = time_floor(copies, work, repeat, search=True)
        ours, correct = time_ours(copies, work, repeat, search=True, per_file=False)
        figures |= {"floor_s": round(floor, 3), "ours_s": round(ours, 3), "ours_vs_floor": round(ours / floor, 2)}
        if not quick:
            per_file, per_file_correct = time_ours(copies, work, 1, search=True, per_file=True)
            correct = correct and per_file_correct
            figures |= {"ours_per_file_s": round(per_file, 3), "ours_per_file_vs_floor": round(per_file / floor, 2)}
        floor_no_search = time_floor(copies, work, repeat, search=False)
        ours_no_search, _ = time_ours(copies, work, repeat, search=False, per_file=False)
        figures |= {
            "floor_no_search_s": round(floor_no_search, 3),
            "ours_no_search_s": round(ours_no_search, 3),
            "ours_vs_floor_no_search": round(ours_no_search / floor_no_search, 2),
            "floor_bare_s": round(time_floor_bare(tmp, work, repeat), 3),
            "merge_correct": correct,
        }
        with_capture, without_capture = time_capture(copies)
        figures |= {
            "capture_edit_ms": round(with_capture * 1000, 3),
            "plain_edit_ms": round(without_capture * 1000, 3),
            "capture_overhead": round(with_capture / without_capture, 2),
        }
        yjs = yjs_updates(work, per_edit=not quick)
        if yjs is not None:
            figures |= _pycrdt_figures(copies, yjs, repeat, quick=quick, ours=ours, ours_no_search=ours_no_search)
    return figures


def _pycrdt_figures(
    copies: Copies, yjs: Yjs, repeat: int, *, quick: bool, ours: float, ours_no_search: float
) -> dict[str, Any]:
    """pycrdt in memory, pycrdt with its result written into SQLite, and per edit, each beside ours."""
    batched, per_edit = time_pycrdt(yjs, repeat, per_edit=not quick)
    to_sqlite, differ = time_pycrdt_to_sqlite(copies, yjs, repeat)
    figures: dict[str, Any] = {
        "pycrdt_batched_s": round(batched, 3),
        "ours_no_search_vs_pycrdt_batched": round(ours_no_search / batched, 2),
        "pycrdt_batched_to_sqlite_s": round(to_sqlite, 3),
        "ours_vs_pycrdt_batched_to_sqlite": round(ours / to_sqlite, 2),
        "pycrdt_values_differing_from_ours": differ,
    }
    if per_edit is not None:
        figures |= {"pycrdt_per_change_s": round(per_edit, 3), "ours_vs_pycrdt_per_change": round(ours / per_edit, 2)}
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:>34}: {value}")
