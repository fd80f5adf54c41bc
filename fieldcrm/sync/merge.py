"""Applying received changes: the entry points the sync orchestrator calls with change files.

Field-level last-writer-wins on (hlc, site) over the full version history:
every version is kept in ``change``, and a live field always holds its
greatest version, so replicas agree whatever order and however often files
arrive. A file (or a sync round's files) is applied in one transaction,
set-based: records are screened as a batch, inserted with one
``executemany`` (duplicates ignored), and only the fields that really
received a new version are re-materialised and re-examined for conflicts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import sqlite_utils

from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import clock, cursors, drift, materialise, roles, touched, unknown_fields
from fieldcrm.sync.drift import ClockWarning
from fieldcrm.sync.materialise import Outcome
from fieldcrm.sync.roles import Author, Rejection

_HLC = itemgetter(3)


@dataclass
class ApplyResult:
    received: int = 0
    applied: int = 0  # versions new to this laptop
    rejected: list[Rejection] = field(default_factory=list)
    # Live rows created or updated, and rows that left this laptop, per table:
    # what the "data changed" signal after a sync carries.
    changed: dict[str, set[str]] = field(default_factory=dict)
    dropped: dict[str, set[str]] = field(default_factory=dict)
    clock_warnings: list[ClockWarning] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        return self.received - self.applied - len(self.rejected)


ChangeFile = tuple[Sequence[Mapping[str, Any]], Author]


def apply_incoming(db: sqlite_utils.Database, records: Sequence[Mapping[str, Any]], author: Author) -> ApplyResult:
    """Apply one change file signed by ``author``; rejected records are reported, the rest applied."""
    return apply_files(db, [(records, author)])


def apply_files(db: sqlite_utils.Database, files: Sequence[ChangeFile]) -> ApplyResult:
    """Apply several change files (records, verified signer) in one transaction.

    What a sync round does with everything new on the share: a card edited
    in several files is rewritten, re-indexed and re-examined once, not once
    per file. Each file is screened against its own signer.
    """
    screened = [(roles.screen(records, author), author) for records, author in files]
    result = ApplyResult(received=sum(len(records) for records, _ in files))
    with materialise.roomy_cache(db), write_transaction(db), materialise.applying(db):
        touched.start(db)
        for batch, author in screened:
            result.rejected.extend(batch.rejected)
            _remember_author(db, author)
            if not batch.rows:
                continue
            result.applied += touched.store_versions(db, batch.rows)
            unknown_fields.defer(db, batch.rows, author)
            hlcs = list(map(_HLC, batch.rows))
            clock.observe(db, max(hlcs))
            cursors.advance(db, author.site_id, max(hlcs))
            warning = drift.note(db, author, hlcs)
            result.clock_warnings.extend([warning] if warning else [])
        outcome = materialise.settle(db)
    result.changed, result.dropped = outcome.changed, outcome.dropped
    return result


def _remember_author(db: sqlite_utils.Database, author: Author) -> None:
    """Keep the signer's name and role so conflicts and history can say who."""
    db.execute(
        """INSERT INTO sites (site_id, user_name, role, territory) VALUES (?, ?, ?, ?)
        ON CONFLICT (site_id) DO UPDATE SET user_name = excluded.user_name, role = excluded.role,
            territory = excluded.territory""",
        [author.site_id, author.user_name, author.role.value, author.territory],
    )


def rematerialise(db: sqlite_utils.Database) -> Outcome:
    """Rebuild every live row from the stored versions; run after an upgrade adds columns.

    Versions of fields the old version did not know reach their new columns,
    deferred role checks are settled, and rows enter or leave this laptop's
    scope as its owner's territory now says.
    """
    with materialise.roomy_cache(db), write_transaction(db), materialise.applying(db):
        unknown_fields.recheck(db)
        touched.start(db)
        touched.touch_everything(db)
        outcome = materialise.settle(db)
    return outcome
