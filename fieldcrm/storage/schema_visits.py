"""Schema step: visits, the catalogue, orders, receivables, planning settings and reports.

Frozen like every step (columns listed literally; a later field is a new
step). Synced tables follow the sync rules: ``id TEXT PRIMARY KEY``, a
``deleted`` tombstone, and no FOREIGN KEY between them, because changes from
other laptops arrive in any order; the services check references instead.
Customer territory is copied onto each row at write time so a rep laptop that
keeps only its own territory can scope these rows without a join.

``last_visits`` is local derived data, never synced: per customer, the date
of the newest done visit and the day the next one is due (that plus the
grade's visit frequency; '' when never visited, so it sorts first; NULL when
the card is retired, lost or not here yet, so it is never listed). Triggers
on visits, on a customer's grade, lifecycle and tombstone, and on the
frequency settings keep it right whichever path writes them, sync included,
so the Due list is one index range in due order instead of a million visits
aggregated or every customer sorted. The frequency defaults are written into
the triggers below and mirrored by ``domain.planning``; changing them takes a
new step.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.database import run_script

TABLES = """
CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    code TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    customer_id TEXT,
    territory TEXT,
    rep TEXT,
    visit_date TEXT,
    planned_date TEXT,
    check_in TEXT,
    check_out TEXT,
    purpose TEXT,
    status TEXT,
    missed_reason TEXT,
    outcome TEXT,
    notes TEXT,
    competitor_products TEXT,
    competitor_prices TEXT,
    competitor_promotions TEXT,
    complaints TEXT,
    complaint_handling TEXT,
    next_action TEXT,
    next_visit_date TEXT
);
CREATE TABLE products (
    id TEXT PRIMARY KEY,
    code TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT,
    category TEXT,
    unit TEXT,
    price INTEGER,
    active INTEGER
);
CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    code TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    customer_id TEXT,
    territory TEXT,
    visit_id TEXT,
    rep TEXT,
    order_date TEXT,
    status TEXT,
    delivered_on TEXT,
    total INTEGER,
    notes TEXT,
    credit_flag INTEGER NOT NULL DEFAULT 0,
    credit_reason TEXT,
    credit_reviewed_by TEXT,
    credit_reviewed_at TEXT
);
CREATE TABLE order_lines (
    id TEXT PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    order_id TEXT,
    territory TEXT,
    line_no INTEGER,
    product_id TEXT,
    quantity INTEGER,
    unit_price INTEGER,
    discount INTEGER
);
CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    code TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    customer_id TEXT,
    territory TEXT,
    rep TEXT,
    invoice_date TEXT,
    amount INTEGER,
    reference TEXT,
    note TEXT
);
CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    code TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    customer_id TEXT,
    territory TEXT,
    visit_id TEXT,
    rep TEXT,
    paid_on TEXT,
    amount INTEGER,
    method TEXT,
    reference TEXT,
    note TEXT
);
CREATE TABLE settings (
    id TEXT PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    value TEXT
);
CREATE TABLE urgent_reports (
    id TEXT PRIMARY KEY,
    code TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    customer_id TEXT,
    territory TEXT,
    visit_id TEXT,
    rep TEXT,
    reported_at TEXT,
    category TEXT,
    note TEXT,
    acknowledged_by TEXT,
    acknowledged_at TEXT
);
CREATE TABLE submitted_reports (
    id TEXT PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    kind TEXT,
    period TEXT,
    rep TEXT,
    territory TEXT,
    version INTEGER,
    submitted_at TEXT,
    remarks TEXT,
    content TEXT
);
CREATE TABLE last_visits (
    customer_id TEXT PRIMARY KEY,
    last_date TEXT,
    due_on TEXT
) WITHOUT ROWID;
"""

INDEXES = """
CREATE INDEX visits_customer_date ON visits (customer_id, visit_date);
CREATE INDEX visits_rep_date ON visits (rep, visit_date);
CREATE INDEX visits_code ON visits (code);
CREATE INDEX visits_planned ON visits (customer_id, planned_date) WHERE status = 'planned' AND deleted = 0;
CREATE INDEX products_code ON products (code);
CREATE INDEX orders_customer ON orders (customer_id, status);
CREATE INDEX orders_visit ON orders (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX orders_rep_date ON orders (rep, order_date);
CREATE INDEX orders_code ON orders (code);
CREATE INDEX orders_flagged ON orders (order_date) WHERE credit_flag = 1;
CREATE INDEX order_lines_order ON order_lines (order_id);
CREATE INDEX invoices_customer ON invoices (customer_id);
CREATE INDEX invoices_code ON invoices (code);
CREATE INDEX payments_customer ON payments (customer_id);
CREATE INDEX payments_visit ON payments (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX payments_rep_date ON payments (rep, paid_on);
CREATE INDEX payments_code ON payments (code);
CREATE INDEX urgent_reports_visit ON urgent_reports (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX urgent_reports_rep_time ON urgent_reports (rep, reported_at);
CREATE INDEX urgent_reports_open ON urgent_reports (reported_at) WHERE acknowledged_at IS NULL;
CREATE INDEX submitted_reports_period ON submitted_reports (rep, kind, period);
CREATE INDEX last_visits_due ON last_visits (due_on);
"""

FREQUENCY_DEFAULTS = {"key": 7, "general": 14, "scattered": 30}


def frequency_sql(grade: str) -> str:
    """Days between visits for a customer of ``grade`` (an SQL expression): the synced setting, else
    the default; an ungraded customer is visited like a general one."""
    code = f"(CASE WHEN {grade} IN ('key', 'scattered') THEN {grade} ELSE 'general' END)"
    defaults = " ".join(f"WHEN '{g}' THEN {d}" for g, d in FREQUENCY_DEFAULTS.items())
    return f"""coalesce(
        (SELECT CAST(value AS INTEGER) FROM settings
         WHERE id = 'visit_frequency.' || {code} AND deleted = 0
           AND CAST(value AS INTEGER) > 0 AND CAST(CAST(value AS INTEGER) AS TEXT) = value),
        CASE {code} {defaults} END)"""


def due_on_sql(newest: str, customer: str) -> str:
    """The due day of ``customer`` whose newest done visit is ``newest`` (SQL expressions)."""
    return f"""(SELECT CASE WHEN c.deleted != 0 OR c.lifecycle IS 'lost' THEN NULL
                 WHEN {newest} IS NULL THEN ''
                 ELSE date({newest}, '+' || {frequency_sql("c.grade")} || ' days') END
        FROM customers AS c WHERE c.id = {customer})"""


def _recompute(customer: str, when: str = "1") -> str:
    """Re-derive one customer's row from their own visits (an index range of a few rows), so an
    edit back in time, a missed or tombstoned visit, a visit moved to another customer or one
    dropped by sync from a rep's laptop all leave it right, in whatever order sync applies them."""
    return f"""
    INSERT OR REPLACE INTO last_visits (customer_id, last_date, due_on)
    SELECT {customer}, newest, {due_on_sql("newest", customer)}
    FROM (SELECT max(visit_date) AS newest FROM visits
          WHERE customer_id = {customer} AND status = 'done' AND deleted = 0 AND visit_date IS NOT NULL)
    WHERE {customer} IS NOT NULL AND {when};"""


LAST_VISIT_TRIGGERS = f"""
CREATE TRIGGER last_visits_insert AFTER INSERT ON visits
WHEN NEW.status = 'done' AND NEW.deleted = 0 AND NEW.customer_id IS NOT NULL AND NEW.visit_date IS NOT NULL
BEGIN
    INSERT INTO last_visits (customer_id, last_date, due_on)
    VALUES (NEW.customer_id, NEW.visit_date, {due_on_sql("NEW.visit_date", "NEW.customer_id")})
    ON CONFLICT (customer_id) DO UPDATE SET last_date = excluded.last_date, due_on = excluded.due_on
    WHERE last_date IS NULL OR excluded.last_date > last_date;
END;
CREATE TRIGGER last_visits_update AFTER UPDATE OF customer_id, visit_date, status, deleted ON visits
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.visit_date IS NOT NEW.visit_date
  OR OLD.status IS NOT NEW.status OR OLD.deleted IS NOT NEW.deleted
BEGIN
    {_recompute("NEW.customer_id")}
    {_recompute("OLD.customer_id", when="OLD.customer_id IS NOT NEW.customer_id")}
END;
CREATE TRIGGER last_visits_delete AFTER DELETE ON visits
WHEN OLD.status = 'done' AND OLD.deleted = 0
BEGIN
    {_recompute("OLD.customer_id")}
END;
CREATE TRIGGER last_visits_customer_insert AFTER INSERT ON customers
BEGIN
    {_recompute("NEW.id")}
END;
CREATE TRIGGER last_visits_customer_update AFTER UPDATE OF grade, lifecycle, deleted ON customers
WHEN OLD.grade IS NOT NEW.grade OR OLD.lifecycle IS NOT NEW.lifecycle OR OLD.deleted IS NOT NEW.deleted
BEGIN
    {_recompute("NEW.id")}
END;
CREATE TRIGGER last_visits_customer_delete AFTER DELETE ON customers
BEGIN
    DELETE FROM last_visits WHERE customer_id = OLD.id;
END;
CREATE TRIGGER last_visits_frequency_insert AFTER INSERT ON settings
WHEN NEW.id GLOB 'visit_frequency.*'
BEGIN
    UPDATE last_visits SET due_on = {due_on_sql("last_date", "customer_id")} WHERE last_date IS NOT NULL;
END;
CREATE TRIGGER last_visits_frequency_update AFTER UPDATE OF value, deleted ON settings
WHEN NEW.id GLOB 'visit_frequency.*' AND (OLD.value IS NOT NEW.value OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE last_visits SET due_on = {due_on_sql("last_date", "customer_id")} WHERE last_date IS NOT NULL;
END;
"""


def add_visits_orders_receivables(db: sqlite_utils.Database) -> None:
    """Visit logs, catalogue, orders, invoices, payments, settings, urgent and submitted reports."""
    run_script(db, TABLES)
    run_script(db, INDEXES)
    run_script(db, LAST_VISIT_TRIGGERS)
    rebuild_last_visits(db)  # every existing customer is due: none has been visited yet


def rebuild_last_visits(db: sqlite_utils.Database) -> None:
    """Recompute the derived table from scratch (after a bulk load written without its triggers)."""
    db.execute("DELETE FROM last_visits")
    db.execute(
        f"""
        INSERT INTO last_visits (customer_id, last_date, due_on)
        SELECT ids.customer_id, v.newest, {due_on_sql("v.newest", "ids.customer_id")}
        FROM (SELECT id AS customer_id FROM customers
              UNION SELECT customer_id FROM visits WHERE customer_id IS NOT NULL) AS ids
        LEFT JOIN (SELECT customer_id, max(visit_date) AS newest FROM visits
                   WHERE status = 'done' AND deleted = 0 AND visit_date IS NOT NULL
                   GROUP BY customer_id) AS v ON v.customer_id = ids.customer_id
        """
    )
