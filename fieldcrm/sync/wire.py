"""The record a change travels as between laptops, one per field version.

A record is a plain JSON-able dict so the file-share layer can sign and store
it without knowing what it means; the order of ``KEYS`` is the order of the
columns of ``change`` it maps to, which lets a whole batch be turned into
rows with one C-level ``itemgetter``.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

KEYS = ("tbl", "row", "field", "hlc", "site", "value", "prev_hlc", "prev_site")
# The same columns of ``change``, in the same order.
COLUMNS = "tbl, row_id, field, hlc, site, value, prev_hlc, prev_site"


def columns_of(alias: str) -> str:
    """``COLUMNS`` of the ``change`` row aliased ``alias`` in a join."""
    return ", ".join(f"{alias}.{column}" for column in COLUMNS.split(", "))

Row = tuple[str, str, str, int, str, Any, int | None, str | None]

as_row = itemgetter(*KEYS)


def as_record(row: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip(KEYS, row))

