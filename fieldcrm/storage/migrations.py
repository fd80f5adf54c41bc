"""The schema's history, one explicit step per version.

The version lives in SQLite's ``user_version``. Each step runs in its own
transaction after a backup copy of the file is made, so a failed migration
leaves the workspace as it was. Steps are frozen: a later field gets a new
step, never an edit of an old one, so a workspace made by any earlier version
opens in this one.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import sqlite_utils

from fieldcrm import __version__
from fieldcrm.errors import WorkspaceError
from fieldcrm.storage.database import run_script
from fieldcrm.storage.schema_visits import add_visits_orders_receivables
from fieldcrm.storage.schema_assets import add_assets
from fieldcrm.storage.schema_inspections import add_visit_inspections
from fieldcrm.storage.schema_routes import add_territories_routes
from fieldcrm.storage.schema_sync import add_sync_bookkeeping
from fieldcrm.storage.schema_list_indexes import add_list_indexes
from fieldcrm.storage.schema_sort_indexes import add_sort_indexes
from fieldcrm.storage.schema_filter_indexes import add_filter_indexes
from fieldcrm.storage.schema_own_versions import list_own_versions
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N

Step = Callable[[sqlite_utils.Database], None]

CUSTOMERS_V1 = """
CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    code TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT,
    province TEXT,
    city TEXT,
    district TEXT,
    street TEXT,
    phones TEXT,
    contacts TEXT,
    founded_on TEXT,
    trading_since TEXT,
    organisation_form TEXT,
    industry TEXT,
    assets INTEGER,
    owner_name TEXT,
    owner_personality TEXT,
    owner_hobbies TEXT,
    owner_family TEXT,
    owner_education TEXT,
    owner_age INTEGER,
    owner_capability TEXT,
    manager_name TEXT,
    manager_personality TEXT,
    manager_hobbies TEXT,
    manager_family TEXT,
    manager_education TEXT,
    manager_age INTEGER,
    manager_capability TEXT,
    legal_rep_name TEXT,
    legal_rep_personality TEXT,
    legal_rep_hobbies TEXT,
    legal_rep_family TEXT,
    legal_rep_education TEXT,
    legal_rep_age INTEGER,
    legal_rep_capability TEXT,
    service_area TEXT,
    sales_capacity TEXT,
    growth_potential TEXT,
    business_philosophy TEXT,
    employees INTEGER,
    annual_sales INTEGER,
    management_style TEXT,
    sales_record TEXT,
    manager_quality TEXT,
    staff_quality TEXT,
    competitor_relations TEXT,
    relationship TEXT,
    cooperation_attitude TEXT,
    sales_activity TEXT,
    problems TEXT,
    strengths TEXT,
    next_strategy TEXT,
    reputation TEXT,
    credit_grade TEXT,
    credit_limit INTEGER,
    payment_terms TEXT,
    credit_incidents TEXT,
    nature TEXT,
    ownership TEXT,
    channel TEXT,
    location_type TEXT,
    grade TEXT,
    lifecycle TEXT,
    territory TEXT,
    route TEXT,
    rep TEXT,
    latitude REAL,
    longitude REAL,
    notes TEXT
);
"""


def _v1_foundation(db: sqlite_utils.Database) -> None:
    """Identity, the hybrid logical clock, the change log and customer cards."""
    run_script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            site_id TEXT NOT NULL,
            site_tag TEXT NOT NULL,
            user_name TEXT NOT NULL,
            role TEXT NOT NULL,
            territory TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE hlc_clock (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
        INSERT INTO hlc_clock (id, last) VALUES (1, 0);
        CREATE TABLE capture_mode (id INTEGER PRIMARY KEY CHECK (id = 1), applying INTEGER NOT NULL);
        INSERT INTO capture_mode (id, applying) VALUES (1, 0);
        -- Every version of every synced field, local or received. value has no
        -- declared type on purpose: any affinity would turn '0571' into 571.
        CREATE TABLE change (
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            site TEXT NOT NULL,
            value,
            prev_hlc INTEGER,
            prev_site TEXT,
            PRIMARY KEY (tbl, row_id, field, hlc, site)
        ) WITHOUT ROWID;
        CREATE INDEX change_by_site ON change (site, hlc);
        CREATE TABLE sites (
            site_id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            role TEXT NOT NULL,
            territory TEXT
        );
        """
    )
    run_script(db, CUSTOMERS_V1)
    run_script(
        db,
        """
        CREATE INDEX customers_code ON customers (code);
        CREATE INDEX customers_name ON customers (name);
        CREATE INDEX customers_territory ON customers (territory);
        CREATE INDEX customers_route ON customers (route);
        CREATE INDEX customers_rep ON customers (rep);
        CREATE VIRTUAL TABLE customer_search USING fts5 (text, tokenize = 'trigram', detail = 'none');
        """
    )


MIGRATIONS: list[Step] = [
    _v1_foundation,
    add_visits_orders_receivables,
    add_assets,
    add_territories_routes,
    add_sync_bookkeeping,
    add_list_indexes,
    add_visit_inspections,
    add_sort_indexes,
    list_own_versions,
    add_filter_indexes,
]
LATEST = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, db_path: Path | None, *, steps: list[Step] | None = None) -> int:
    """Bring ``db`` up to the newest schema; return the version it had before.

    A database newer than this app is refused, naming both versions, before
    anything is written.
    """
    chain = MIGRATIONS if steps is None else steps
    current = schema_version(db)
    if current > len(chain):
        raise WorkspaceError(
            _N(
                "Workspace",
                "This workspace has schema version {found}, made by a newer FieldCRM; "
                "this FieldCRM {app} reads up to version {supported}. Update FieldCRM to open it",
            ),
            found=current, supported=len(chain), app=__version__,
        )
    if current < len(chain) and current > 0 and db_path is not None:
        backup(db, db_path, current)
    for version, step in enumerate(chain[current:], start=current + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise
    return current


def backup(db: sqlite_utils.Database, db_path: Path, version: int) -> Path:
    """Copy the database aside before changing its schema, using SQLite's online backup."""
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"fieldcrm-v{version}-{stamp}.db"
    with sqlite3.connect(target) as copy:
        db.conn.backup(copy)
    copy.close()
    return target
