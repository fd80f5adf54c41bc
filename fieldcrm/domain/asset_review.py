"""Units whose records disagree with themselves, for the supervisors' review page.

Sync merges each field by last writer wins and keeps the losing concurrent
value as a conflict. For assets that is the right outcome but not the whole
story: two laptops that deployed the same freezer offline leave one location
(the merge's choice) and two deploy events, both kept. This check reads the
append-only history to find what the merge alone cannot explain:

* ``concurrent_moves``: a movement did not start where the previous one ended,
  so two movements were made from the same starting point on two laptops;
* ``location_mismatch``: the unit is not where its newest movement took it;
* ``status_mismatch``: "deployed" but not at a customer, "in stock" but not in
  a warehouse, or no place at all;
* ``customer_missing``: in service at a customer that is retired or unknown here;
* ``duplicate_tag``: two units registered with the same tag on two laptops.

A supervisor settles a unit with ``AssetService.correct`` (a ``correct`` event
at the true place); movements before it are then no longer reported.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldcrm.domain.classifications import Choice
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage import assets as store


class ReviewProblem(Choice):
    CONCURRENT_MOVES = "concurrent_moves", _N("Choice", "Moved on two laptops at once")
    LOCATION_MISMATCH = "location_mismatch", _N("Choice", "Location disagrees with history")
    STATUS_MISMATCH = "status_mismatch", _N("Choice", "Status disagrees with location")
    CUSTOMER_MISSING = "customer_missing", _N("Choice", "At a retired or unknown customer")
    DUPLICATE_TAG = "duplicate_tag", _N("Choice", "Tag used by two units")


def reconcile_check(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every disagreement found, as JSON-able dicts with ``problem`` and the unit's ``asset_id``/``tag``.

    Concurrent movements of one unit are reported once, listing every event involved.
    """
    problems: list[dict[str, Any]] = []
    forks: dict[str, dict[str, Any]] = {}
    for row in store.forked_moves(db):
        entry = forks.setdefault(row["asset_id"], {
            "problem": ReviewProblem.CONCURRENT_MOVES.value, "asset_id": row["asset_id"], "tag": row["tag"],
            "location": row["location"], "events": [],
        })
        for event in (row["previous_event"], row["event"]):
            if event is not None and event not in entry["events"]:
                entry["events"].append(event)
    problems.extend(forks.values())
    for row in store.location_mismatches(db):
        problems.append({"problem": ReviewProblem.LOCATION_MISMATCH.value, **row})
    for row in store.status_mismatches(db):
        problems.append({"problem": ReviewProblem.STATUS_MISMATCH.value, **row})
    for row in store.at_missing_customers(db):
        problems.append({"problem": ReviewProblem.CUSTOMER_MISSING.value, **row})
    for row in store.duplicate_tags(db):
        problems.append({"problem": ReviewProblem.DUPLICATE_TAG.value, "asset_id": None, **row})
    return problems
