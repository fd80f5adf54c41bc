"""Migration step: an index per sortable list column, so every order pages without a sort.

Each ``customers_live_by_<column>`` on (deleted, column, id) holds the list's
order for that column: ``storage.customers`` walks the values' range and then
the blanks' range of it (blanks last in both directions), starting past the
last row shown, so the first page and a deep one both read about a page of
rows. The name order already has ``customers_live_by_name`` (step 6). The
columns are listed literally: the step is frozen like every other.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.database import run_script

SORT_INDEX_COLUMNS = (
    "code", "city", "district", "phones", "channel", "grade", "lifecycle", "credit_grade", "territory",
    "route", "rep",
)


def add_sort_indexes(db: sqlite_utils.Database) -> None:
    index_live_cards_by(db, SORT_INDEX_COLUMNS)


def index_live_cards_by(db: sqlite_utils.Database, columns: tuple[str, ...]) -> None:
    """``customers_live_by_<column>`` on (deleted, column, id) for each of ``columns``.

    Steps 8 and 10 both run it, so it is frozen with them.
    """
    run_script(
        db,
        "\n".join(
            f'CREATE INDEX IF NOT EXISTS customers_live_by_{column} ON customers (deleted, "{column}", id);'
            for column in columns
        ),
    )
