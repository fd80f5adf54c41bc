"""Asset and asset-event queries. SQL lives here and nowhere above it.

Rows come back as plain dicts of stored values (money in fen, places as
"customer:<id>" / "warehouse:<name>" codes); the domain shapes them for the
GUI and the CLI's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import sqlite_utils

from fieldcrm.storage import search

ASSET_COLUMNS = (
    "id", "deleted", "tag", "serial_number", "type", "brand", "model", "capacity_litres",
    "purchase_date", "purchase_cost", "status", "location", "notes",
)
EVENT_COLUMNS = (
    "id", "deleted", "asset_id", "kind", "on_date", "hlc", "by_user", "site", "from_location",
    "to_location", "status", "agreement", "deposit", "refund", "clean", "display_ok",
    "share_percent", "temperature", "condition", "photos", "reason", "notes",
)
LIST_COLUMNS = (
    "id", "tag", "serial_number", "type", "brand", "model", "capacity_litres", "status", "location",
    "customer_code", "customer_name", "territory", "checked_on", "due_on",
)
PLACEMENT_KINDS = ("deploy", "move")

# The customer a location names, joined by primary key (only page-sized results use it).
_JOIN_CUSTOMER = (
    "LEFT JOIN customers AS c ON substr(a.location, 1, 9) = 'customer:' AND c.id = substr(a.location, 10)"
)
_LIST_SELECT = """
    a.id, a.tag, a.serial_number, a.type, a.brand, a.model, a.capacity_litres, a.status, a.location,
    c.code, c.name, c.territory, k.checked_on,
    CASE WHEN a.status = 'deployed' AND k.checked_on IS NOT NULL
         THEN date(k.checked_on, '+' || :interval || ' days') END
"""


def _insert(db: sqlite_utils.Database, table: str, values: dict[str, Any]) -> None:
    columns = ", ".join(f'"{c}"' for c in values)
    marks = ", ".join("?" for _ in values)
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))


def insert_asset(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    _insert(db, "assets", values)


def insert_event(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    _insert(db, "asset_events", values)


def update_asset(db: sqlite_utils.Database, asset_id: str, values: dict[str, Any]) -> None:
    """Set only the given columns, so capture records exactly the fields that changed."""
    if values:
        assignments = ", ".join(f'"{c}" = ?' for c in values)
        db.execute(f"UPDATE assets SET {assignments} WHERE id = ?", [*values.values(), asset_id])


def find_ids(db: sqlite_utils.Database, tag_or_id: str) -> list[str]:
    """Live assets carrying this tag (more than one only after an offline duplicate), or with this id."""
    rows = db.execute(
        "SELECT id FROM assets WHERE tag = ? AND deleted = 0 "
        "UNION SELECT id FROM assets WHERE id = ? AND deleted = 0",
        [tag_or_id.upper(), tag_or_id],
    )
    return [r[0] for r in rows]


def tag_in_use(db: sqlite_utils.Database, tag: str) -> bool:
    return db.execute("SELECT 1 FROM assets WHERE tag = ? AND deleted = 0", [tag]).fetchone() is not None


def get(db: sqlite_utils.Database, asset_id: str) -> dict[str, Any] | None:
    columns = ", ".join(f'a."{c}"' for c in ASSET_COLUMNS)
    row = db.execute(
        f"SELECT {columns}, k.checked_on FROM assets AS a LEFT JOIN asset_checks AS k ON k.asset_id = a.id "
        "WHERE a.id = ?",
        [asset_id],
    ).fetchone()
    return dict(zip((*ASSET_COLUMNS, "checked_on"), row)) if row else None


def last_event_date(db: sqlite_utils.Database, asset_id: str) -> str | None:
    row = db.execute(
        "SELECT max(on_date) FROM asset_events WHERE asset_id = ? AND deleted = 0", [asset_id]
    ).fetchone()
    return row[0] if row else None


def placement(db: sqlite_utils.Database, asset_id: str, location: str | None) -> dict[str, Any] | None:
    """The newest deploy or move that put the unit where it is: its agreement and the deposit held."""
    if location is None:
        return None
    found = events(
        db, f"asset_id = ? AND to_location = ? AND kind IN {PLACEMENT_KINDS}", [asset_id, location],
        "hlc DESC, id DESC LIMIT 1",
    )
    return found[0] if found else None


def history(db: sqlite_utils.Database, asset_id: str) -> list[dict[str, Any]]:
    """Every event of the unit, newest first (by the day it happened, then by recording order)."""
    return events(db, "asset_id = ?", [asset_id], "on_date DESC, hlc DESC, id DESC")


def events(db: sqlite_utils.Database, where: str, params: list[Any], order: str) -> list[dict[str, Any]]:
    """The live events matching ``where`` (SQL over ``asset_events``) in ``order``, as dicts."""
    columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
    rows = db.execute(
        f"SELECT {columns} FROM asset_events WHERE ({where}) AND deleted = 0 ORDER BY {order}", params
    )
    return [dict(zip(EVENT_COLUMNS, r)) for r in rows]


def customers_by_id(db: sqlite_utils.Database, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Code, name, territory and tombstone of the given customers, for showing places."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    rows = db.execute(
        f"SELECT id, code, name, territory, deleted FROM customers WHERE id IN ({marks})", wanted
    )
    return {r[0]: {"code": r[1], "name": r[2], "territory": r[3], "deleted": r[4]} for r in rows}


PAD = "\x1f"  # as in the asset_search haystack's brand section and storage.search


def asset_phrase(term: str) -> str:
    """The FTS5 phrase finding ``term`` as a substring of a unit's text.

    One or two characters are padded to the trigram the haystack holds for
    each character and pair of the brand (海尔 -> '海尔' + PAD).
    """
    padded = term + PAD * (3 - len(term)) if len(term) < 3 else term
    return '"' + padded.replace('"', '""') + '"'


def _search_clause(term: str, number: int, params: dict[str, Any], broad: bool) -> str:
    """Units whose own text (tag, serial, brand, model) or whose shop (name, code, phone…) holds ``term``.

    Both sides are answered from FTS5 trigram indexes with MATCH (LIKE with
    ESCAPE is not handed to FTS5 and would scan every row). ``broad`` hides
    the rowid from the planner, so a page of a search matching thousands of
    units walks the tag index and stops after the page instead of fetching
    and sorting every match.
    """
    params[f"own{number}"] = asset_phrase(term)
    params[f"shop{number}"] = search.fts_query([term])
    return f"""{"+" if broad else ""}a.rowid IN (
        SELECT rowid FROM asset_search WHERE asset_search MATCH :own{number}
        UNION ALL
        SELECT s.rowid FROM customers AS sc JOIN assets AS s ON s.location = 'customer:' || sc.id AND s.deleted = 0
        WHERE sc.rowid IN (SELECT rowid FROM customer_search WHERE customer_search MATCH :shop{number}))"""


@dataclass(frozen=True)
class AssetQuery:
    """The asset list's filters, pushed down to SQL; ``overdue_before`` is the due cut-off date."""

    status: str | None = None
    type: str | None = None
    location: str | None = None
    territory: str | None = None
    overdue_before: str | None = None
    search: str = ""
    by_due_date: bool = False

    def where(self, *, broad: bool = False) -> tuple[str, dict[str, Any]]:
        """Conditions on ``assets AS a`` only, each answerable from a partial index or a search index."""
        clauses = ["a.deleted = 0"]
        params: dict[str, Any] = {}
        if self.status is not None:
            clauses.append("a.status = :status")
            params["status"] = self.status
        if self.type is not None:
            clauses.append("a.type = :type")
            params["type"] = self.type
        if self.location is not None:
            clauses.append("a.location = :location")
            params["location"] = self.location
        if self.territory is not None:
            clauses.append(
                "a.location IN (SELECT 'customer:' || id FROM customers WHERE territory = :territory AND deleted = 0)"
            )
            params["territory"] = self.territory
        if self.overdue_before is not None:
            clauses.append(
                "a.status = 'deployed' AND a.id IN (SELECT asset_id FROM asset_checks WHERE checked_on < :cutoff)"
            )
            params["cutoff"] = self.overdue_before
        for number, term in enumerate(search.normalise_query(self.search)):
            clauses.append(_search_clause(term, number, params, broad))
        return " WHERE " + " AND ".join(clauses), params


BROAD_MATCHES = 2000


def _is_broad(db: sqlite_utils.Database, terms: list[str]) -> bool:
    """Whether a term matches more than BROAD_MATCHES units' own text, counting no further."""
    for term in terms:
        row = db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM asset_search WHERE asset_search MATCH ? LIMIT ?)",
            [asset_phrase(term), BROAD_MATCHES + 1],
        ).fetchone()
        if row[0] > BROAD_MATCHES:
            return True
    return False


def page(
    db: sqlite_utils.Database, query: AssetQuery, interval_days: int, offset: int, limit: int
) -> list[dict[str, Any]]:
    """One page of the list in two steps: pick the page's rows from the indexes, then join for display.

    Joining first would compute every matching row's columns before sorting
    them; picking rowids first keeps a filter matching thousands of units cheap.
    """
    where, params = query.where(broad=_is_broad(db, search.normalise_query(query.search)))
    if query.by_due_date:
        pick = (
            f"SELECT a.rowid AS rid FROM assets AS a JOIN asset_checks AS k ON k.asset_id = a.id{where} "
            "ORDER BY k.checked_on, a.tag, a.rowid LIMIT :limit OFFSET :offset"
        )
        order = "k.checked_on, a.tag, a.rowid"
    else:
        pick = f"SELECT a.rowid AS rid FROM assets AS a{where} ORDER BY a.tag, a.rowid LIMIT :limit OFFSET :offset"
        order = "a.tag, a.rowid"
    sql = (
        f"SELECT {_LIST_SELECT} FROM ({pick}) AS p JOIN assets AS a ON a.rowid = p.rid "
        f"LEFT JOIN asset_checks AS k ON k.asset_id = a.id {_JOIN_CUSTOMER} ORDER BY {order}"
    )
    rows = db.execute(sql, {**params, "interval": interval_days, "limit": limit, "offset": offset})
    return [dict(zip(LIST_COLUMNS, r)) for r in rows]


def count(db: sqlite_utils.Database, query: AssetQuery) -> int:
    where, params = query.where()
    return int(db.execute(f"SELECT count(*) FROM assets AS a{where}", params).fetchone()[0])


FLAG_COLUMNS = (
    "id", "tag", "type", "brand", "model", "location", "customer_code", "customer_name", "territory",
    "event_id", "on_date", "by_user", "clean", "display_ok", "share_percent", "temperature", "condition", "notes",
)


def flagged(db: sqlite_utils.Database, low_share: int, territory: str | None = None) -> list[dict[str, Any]]:
    """Deployed units whose latest condition report, made where they are now, shows a problem.

    Filtered on the report values copied into ``asset_checks``; the event
    table is read only for the units that are flagged.
    """
    extra = " AND c.territory = :territory" if territory is not None else ""
    rows = db.execute(
        f"""
        SELECT a.id, a.tag, a.type, a.brand, a.model, a.location, c.code, c.name, c.territory,
               e.id, e.on_date, e.by_user, e.clean, e.display_ok, e.share_percent, e.temperature,
               e.condition, e.notes
        FROM asset_checks AS k
        JOIN assets AS a ON a.id = k.asset_id
        JOIN asset_events AS e ON e.id = k.report_id
        {_JOIN_CUSTOMER}
        WHERE k.report_kind = 'inspect'
          AND (k.condition = 'faulty' OR k.clean = 'no' OR k.display_ok = 'no' OR k.share_percent < :low)
          AND a.deleted = 0 AND a.status = 'deployed' AND a.location = k.report_location{extra}
        ORDER BY e.on_date DESC, a.tag
        """,
        {"low": low_share, "territory": territory},
    )
    return [dict(zip(FLAG_COLUMNS, r)) for r in rows]


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])


# --- consistency review -------------------------------------------------------------

def forked_moves(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Movements made concurrently on two laptops (kept current in ``asset_forks`` by triggers)."""
    rows = db.execute(
        """
        SELECT a.id, a.tag, a.location, f.previous_event, f.event_id
        FROM asset_forks AS f JOIN assets AS a ON a.id = f.asset_id AND a.deleted = 0
        ORDER BY a.tag, f.event_id
        """
    )
    return [dict(zip(("asset_id", "tag", "location", "previous_event", "event"), r)) for r in rows]


def location_mismatches(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Units whose stored location is not where their newest movement took them."""
    rows = db.execute(
        """
        SELECT a.id, a.tag, a.location, k.moved_to
        FROM asset_checks AS k JOIN assets AS a ON a.id = k.asset_id AND a.deleted = 0
        WHERE k.moved_to IS NOT NULL AND k.moved_to IS NOT a.location
        ORDER BY a.tag
        """
    )
    return [dict(zip(("asset_id", "tag", "location", "expected_location"), r)) for r in rows]


def status_mismatches(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Deployed units not at a customer, units in stock not in a warehouse, units with no place."""
    rows = db.execute(
        """
        SELECT id, tag, status, location FROM assets
        WHERE deleted = 0 AND (
            location IS NULL
            OR (status = 'deployed' AND substr(location, 1, 9) != 'customer:')
            OR (status = 'in_stock' AND substr(location, 1, 10) != 'warehouse:'))
        ORDER BY tag
        """
    )
    return [dict(zip(("asset_id", "tag", "status", "location"), r)) for r in rows]


def at_missing_customers(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Units in service at a customer that does not exist here or was retired."""
    rows = db.execute(
        f"""
        SELECT a.id, a.tag, a.status, a.location FROM assets AS a {_JOIN_CUSTOMER}
        WHERE a.deleted = 0 AND substr(a.location, 1, 9) = 'customer:'
          AND a.status IN ('deployed', 'in_repair') AND (c.id IS NULL OR c.deleted = 1)
        ORDER BY a.tag
        """
    )
    return [dict(zip(("asset_id", "tag", "status", "location"), r)) for r in rows]


def duplicate_tags(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Tags carried by more than one live unit (registered on two laptops while offline)."""
    rows = db.execute(
        """
        SELECT tag, group_concat(id, ' ') FROM assets WHERE deleted = 0 AND tag IS NOT NULL
        GROUP BY tag HAVING count(*) > 1 ORDER BY tag
        """
    )
    return [{"tag": r[0], "asset_ids": sorted(r[1].split())} for r in rows]
