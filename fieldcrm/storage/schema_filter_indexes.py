"""Migration step: indexes for the list filters that are not sort columns.

Every classification the customer list filters by had an index through its
sort order (step 8) except nature, ownership and location type, so counting
the list under one of those filters read every card: 133–167 ms for 100,000
demo cards, against 0.2–7 ms for an indexed filter. They take the sort
indexes' shape, (deleted, column, id), so ``storage.customers`` treats every
filter alike. The columns are listed literally: the step is frozen like
every other.
"""

from __future__ import annotations

import sqlite_utils

from fieldcrm.storage.schema_sort_indexes import index_live_cards_by

FILTER_INDEX_COLUMNS = ("nature", "ownership", "location_type")


def add_filter_indexes(db: sqlite_utils.Database) -> None:
    index_live_cards_by(db, FILTER_INDEX_COLUMNS)
