"""Which received records may be applied: well-formed, the signer's own, within the signer's role.

The author is the identity that signed the change file, never anything the
records say about themselves. Every rule looks only at the record and that
author, so every replica accepts and rejects exactly the same records and
they converge whatever else each one holds.

A batch is first screened as a whole with C-level passes (``map``, ``set``,
``min``); only when that finds a problem is it walked record by record to
name the culprits, so the common case costs no Python loop per record.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Iterable, Mapping, Sequence

from fieldcrm.domain.classifications import Role
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync import wire
from fieldcrm.sync.messages import Message
from fieldcrm.sync.registry import PSEUDO_FIELDS, SEEN, is_supervisor_only

INT64 = 1 << 63
# Timestamps at or past this are refused: receiving one would push every clock
# so far that ticking past it could overflow SQLite's 64-bit integers. It is
# the year 4200 in wall-clock terms, so no working clock comes near it.
MAX_HLC = 1 << 62
MAX_ID_LENGTH = 128
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")
_VALUE_TYPES = frozenset({str, int, float, type(None)})


@dataclass(frozen=True)
class Author:
    """The verified signer of a change file."""

    user_name: str
    role: Role
    territory: str | None
    site_id: str

    @property
    def is_supervisor(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)


class Reason(str, Enum):
    MALFORMED = "malformed"
    FORGED = "forged"
    SUPERVISOR_ONLY = "supervisor_only"


MESSAGES = {
    Reason.MALFORMED: _N("Sync", "A change to {field} of {row} is malformed and was not applied"),
    Reason.FORGED: _N("Sync", "A change to {field} of {row} claims another laptop as its author and was not applied"),
    Reason.SUPERVISOR_ONLY: _N(
        "Sync", "{user} may not change {field} of {row} (supervisors only); the change was not applied"
    ),
}


@dataclass(frozen=True)
class Rejection:
    record: Any  # as received: usually a dict, but a malformed file may hold anything
    reason: Reason
    user: str  # the signer

    @property
    def explained(self) -> Message:
        """Which field of which record, by whom and why: a template the Sync page translates."""
        record = self.record if isinstance(self.record, Mapping) else {}
        return Message.of(MESSAGES[self.reason], field=record.get("field"), row=record.get("row"), user=self.user)

    @property
    def message(self) -> str:
        return str(self.explained)


@dataclass
class Screened:
    rows: list[wire.Row] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def screen(records: Sequence[Mapping[str, Any]], author: Author) -> Screened:
    """Split a file's records into rows to apply and rejections, keeping their order."""
    try:
        rows: list[wire.Row] = list(map(wire.as_row, records))
    except (KeyError, TypeError, IndexError):
        return _one_by_one(records, author)
    try:
        if not rows or _batch_ok(rows, author):
            return Screened(rows)
    except TypeError:  # an unhashable table, field or site name
        pass
    return _one_by_one(records, author)


def _batch_ok(rows: list[wire.Row], author: Author) -> bool:
    """Whether every row passes every rule of ``check``, tested column by column.

    It must never accept what ``check`` would reject (a test holds them to
    that); when it says no, ``check`` decides record by record.
    """
    tables, row_ids, fields, hlcs, sites, values, prev_hlcs, prev_sites = zip(*rows)
    if set(sites) != {author.site_id}:
        return False
    names = set(zip(tables, fields))
    if not all(_name_ok(t, f) for t, f in names):
        return False
    if not author.is_supervisor and any(is_supervisor_only(t, f) for t, f in names):
        return False
    if set(map(type, row_ids)) != {str}:
        return False
    if not 0 < min(map(len, row_ids)) <= max(map(len, row_ids)) <= MAX_ID_LENGTH:
        return False
    if set(map(type, hlcs)) != {int} or min(hlcs) <= 0 or max(hlcs) >= MAX_HLC:
        return False
    value_types = set(map(type, values))
    if not value_types <= _VALUE_TYPES or (int in value_types and not _ints_fit(values)):
        return False
    if not set(map(type, prev_hlcs)) <= {int, type(None)} or not set(map(type, prev_sites)) <= {str, type(None)}:
        return False
    if not _ints_fit(prev_hlcs):
        return False
    return SEEN not in {f for _, f in names} or all(_seen_ok(r[5]) for r in rows if r[2] == SEEN)


def _ints_fit(values: Iterable[Any]) -> bool:
    ints = [v for v in values if type(v) is int]
    return not ints or (min(ints) >= -INT64 and max(ints) < INT64)


def _name_ok(table: Any, field_name: Any) -> bool:
    if not isinstance(table, str) or not isinstance(field_name, str) or not _NAME.match(table):
        return False
    return field_name in PSEUDO_FIELDS or (field_name != "id" and bool(_NAME.match(field_name)))


def _seen_ok(value: Any) -> bool:
    """A delete's record of what it had seen must be {site: hlc}, or conflicts could not be told."""
    if not isinstance(value, str):
        return False
    try:
        seen = json.loads(value)
    except ValueError:
        return False
    return isinstance(seen, dict) and all(type(h) is int for h in seen.values())


def _one_by_one(records: Sequence[Mapping[str, Any]], author: Author) -> Screened:
    result = Screened()
    for record in records:
        reason = check(record, author)
        if reason is None:
            result.rows.append(wire.as_row(record))
        else:
            result.rejected.append(Rejection(record, reason, author.user_name))
    return result


def check(record: Mapping[str, Any], author: Author) -> Reason | None:
    """Why one record may not be applied, or None when it may."""
    if not isinstance(record, Mapping) or not all(k in record for k in wire.KEYS):
        return Reason.MALFORMED
    table, row_id, field_name, hlc, site, value, prev_hlc, prev_site = wire.as_row(record)
    well_formed = (
        _name_ok(table, field_name)
        and type(row_id) is str and 0 < len(row_id) <= MAX_ID_LENGTH
        and type(hlc) is int and 0 < hlc < MAX_HLC
        and type(site) is str
        and type(value) in _VALUE_TYPES and _ints_fit([value])
        and (prev_hlc is None or (type(prev_hlc) is int and _ints_fit([prev_hlc])))
        and (prev_site is None or type(prev_site) is str)
        and (field_name != SEEN or _seen_ok(value))
    )
    if not well_formed:
        return Reason.MALFORMED
    if site != author.site_id:
        return Reason.FORGED
    if not author.is_supervisor and is_supervisor_only(table, field_name):
        return Reason.SUPERVISOR_ONLY
    return None
