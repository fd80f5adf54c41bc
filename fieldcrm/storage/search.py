"""The customer search index: one lower-cased haystack per customer in an FTS5 trigram table.

The haystack holds the name, code, phones (as typed and digits only),
address, contacts, the owner's and manager's names, and the full pinyin and
pinyin initials of the name and people, so ``zscs`` and ``zhangsan`` find
张三超市. It is derived data, local to each laptop and never synced; triggers
keep it current whichever code path writes a customer (including sync), and
``rebuild`` recreates it after a bulk load.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

import sqlite_utils
from pypinyin import Style, lazy_pinyin

from fieldcrm.storage.database import on_connect, run_script

SEARCHED_COLUMNS = (
    "name", "code", "phones", "province", "city", "district", "street",
    "contacts", "owner_name", "manager_name",
)
PINYIN_COLUMNS = ("name", "contacts", "owner_name", "manager_name")
_HAN = re.compile(r"[\u3400-\u9fff]")
_NON_DIGIT = re.compile(r"\D")


@lru_cache(maxsize=65536)
def pinyin_forms(text: str) -> str:
    """Full pinyin and initials of the Chinese in ``text``, e.g. 张三超市 -> 'zhangsanchaoshi zscs'."""
    if not _HAN.search(text):
        return ""
    syllables = [s for s in lazy_pinyin(text, errors="ignore") if s.isascii() and s.isalpha()]
    if not syllables:
        return ""
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore") if s.isalpha()).lower()
    return f"{full} {initials}"


def haystack(*values: object) -> str:
    """The searchable text of one customer, given SEARCHED_COLUMNS' values in order."""
    parts: list[str] = []
    by_name = dict(zip(SEARCHED_COLUMNS, values))
    for column, value in by_name.items():
        if value is None or value == "":
            continue
        text = str(value)
        parts.append(text)
        if column == "phones":
            parts.append(_NON_DIGIT.sub(" ", text).replace(" ", ""))
        if column in PINYIN_COLUMNS:
            forms = pinyin_forms(text)
            if forms:
                parts.append(forms)
    return "\n".join(parts).lower()


@on_connect
def _register(conn: sqlite3.Connection) -> None:
    conn.create_function("fieldcrm_haystack", len(SEARCHED_COLUMNS), haystack, deterministic=True)


def _args(prefix: str) -> str:
    return ", ".join(f'{prefix}."{c}"' for c in SEARCHED_COLUMNS)


def install(db: sqlite_utils.Database) -> None:
    """Create the triggers that keep ``customer_search`` in step with ``customers``."""
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in SEARCHED_COLUMNS)
    run_script(
        db,
        f"""
        DROP TRIGGER IF EXISTS search_customers_insert;
        DROP TRIGGER IF EXISTS search_customers_update;
        CREATE TRIGGER search_customers_insert AFTER INSERT ON customers
        BEGIN
            INSERT INTO customer_search (rowid, text) VALUES (NEW.rowid, fieldcrm_haystack({_args("NEW")}));
        END;
        CREATE TRIGGER search_customers_update AFTER UPDATE ON customers WHEN {changed}
        BEGIN
            DELETE FROM customer_search WHERE rowid = NEW.rowid;
            INSERT INTO customer_search (rowid, text) VALUES (NEW.rowid, fieldcrm_haystack({_args("NEW")}));
        END;
        """,
    )


def rebuild(db: sqlite_utils.Database) -> None:
    """Recompute every haystack (after a bulk load or when the rules above change)."""
    db.execute("DELETE FROM customer_search")
    db.execute(
        f"INSERT INTO customer_search (rowid, text) SELECT rowid, fieldcrm_haystack({_args('customers')}) FROM customers"
    )


def normalise_query(text: str) -> list[str]:
    """Split a search box entry into lower-case terms; every term must match."""
    return [t for t in text.lower().split() if t]


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def match_clause(terms: list[str]) -> tuple[str, list[str]]:
    """SQL restricting ``customers`` to rows whose haystack contains every term.

    LIKE on a trigram FTS5 table uses the index for terms of three or more
    characters and scans otherwise, which is still a single pass.
    """
    if not terms:
        return "", []
    conditions = " AND ".join("text LIKE ? ESCAPE '\\'" for _ in terms)
    return (
        f"customers.rowid IN (SELECT rowid FROM customer_search WHERE {conditions})",
        [like_pattern(t) for t in terms],
    )
