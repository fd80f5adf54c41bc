"""Open conflicts as the reviewer sees them, and resolving them.

``fieldcrm.sync.conflicts`` speaks in row ids, field names and stored
values; a reviewer needs "C-7K2Q01 张三超市", "City" and "杭州". This module
does that translation and the writes, so the conflict widgets hold neither
SQL nor sync rules. It runs on the GUI thread's connection, the single
writer, like every other edit made from a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from fieldcrm.domain.customers import CustomerService
from fieldcrm.errors import NotFound
from fieldcrm.sync import conflicts
from fieldcrm.sync.conflicts import Conflict, Kind, Version
from fieldcrm.ui.customers.display import card_title, column_title, display_value
from fieldcrm.ui.sync.texts import local_time
from fieldcrm.workspace import Workspace

CUSTOMERS = "customers"


class Choice(str, Enum):
    """The two outcomes a reviewer can pick; the values are what ``conflicts.resolve`` takes."""

    CURRENT = "winner"
    OTHER = "loser"


@dataclass(frozen=True)
class ConflictRow:
    """One open conflict, worded for display."""

    conflict: Conflict
    record: str
    field: str
    current: str
    current_by: str
    other: str
    other_by: str

    @property
    def id(self) -> str:
        return self.conflict.id

    @property
    def is_delete(self) -> bool:
        return self.conflict.kind is Kind.DELETED_WHILE_EDITED


class ConflictReview:
    """Lists and resolves the open conflicts of one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._customers = CustomerService(workspace)

    def rows(self) -> list[ConflictRow]:
        return [self._row(conflict) for conflict in conflicts.list_conflicts(self._workspace.db)]

    def resolve(self, row: ConflictRow, choice: Choice) -> str:
        """Apply the reviewer's choice; returns the table written, for the data bus."""
        conflicts.resolve(self._workspace.db, row.id, choice.value)
        return row.conflict.tbl

    def _row(self, conflict: Conflict) -> ConflictRow:
        table = conflict.tbl
        record = self._record(table, conflict.row_id)
        if conflict.kind is Kind.DELETED_WHILE_EDITED:
            edits = "; ".join(
                f"{_field_title(table, edit.field)}: {_value(table, edit.field, edit.value)}" for edit in conflict.edits
            )
            return ConflictRow(
                conflict, record, QCoreApplication.translate("SyncConflicts", "Deleted while edited"),
                QCoreApplication.translate("SyncConflicts", "Deleted"), _who(conflict.winner), edits, _who(conflict.loser),
            )
        return ConflictRow(
            conflict, record, _field_title(table, conflict.field),
            _value(table, conflict.field, conflict.winner.value), _who(conflict.winner),
            _value(table, conflict.field, conflict.loser.value), _who(conflict.loser),
        )

    def _record(self, table: str, row_id: str) -> str:
        """Customers by code and name; other records by their table and id."""
        if table == CUSTOMERS:
            try:
                return card_title(self._customers.get(row_id)) or row_id
            except NotFound:
                pass
        return f"{table} {row_id}"


def _field_title(table: str, field: str) -> str:
    return column_title(field) if table == CUSTOMERS else field


def _value(table: str, field: str, value: Any) -> str:
    if table == CUSTOMERS:
        return display_value(field, value)
    return "" if value is None else str(value)


def _who(version: Version) -> str:
    text = QCoreApplication.translate("SyncConflicts", "{user}, {when}")  # literal calls: lupdate finds only those
    return text.format(user=version.user, when=local_time(version.at))
