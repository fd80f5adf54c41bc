"""The customer card's Assets tab: the units at this shop, each with its last inspection and flags.

Given the customer's id by the card editor (``set_customer``). A shop holds a
handful of units, so they are read whole on the GUI thread: the placement
(agreement, deposit held) from ``AssetService.for_customer`` and each unit's
flags from ``show``. "Inspect…" records a check of the selected unit; Enter
or a double-click opens the unit's window. Refreshes from the data bus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.assets import actions, texts
from fieldcrm.ui.assets.action_dialog import ActionDialog
from fieldcrm.ui.assets.asset_window import AssetWindow, open_asset
from fieldcrm.ui.assets.context import AssetContext, touches_assets
from fieldcrm.ui.page import Session
from fieldcrm.ui.visits.table_model import Column, RecordsModel

Row = dict[str, Any]


def _due(row: Row) -> str:
    if row["overdue"]:
        return QCoreApplication.translate("CustomerAssets", "{date} (overdue)").format(date=row["due_on"])
    return row["due_on"] or ""


COLUMNS: tuple[Column[Row], ...] = (
    Column(lambda: QCoreApplication.translate("CustomerAssets", "Tag"), lambda r: r["tag"]),
    Column(lambda: QCoreApplication.translate("CustomerAssets", "Type"), lambda r: texts.asset_type(r["type"])),
    Column(lambda: QCoreApplication.translate("CustomerAssets", "Status"), lambda r: texts.status(r["status"])),
    Column(lambda: QCoreApplication.translate("CustomerAssets", "Agreement"), lambda r: r["agreement"] or ""),
    Column(lambda: QCoreApplication.translate("CustomerAssets", "Deposit held"), lambda r: texts.money(r["deposit_held"]),
           align_right=True),
    Column(lambda: QCoreApplication.translate("CustomerAssets", "Last inspected"), lambda r: r["last_checked_on"] or ""),
    Column(lambda: QCoreApplication.translate("CustomerAssets", "Next inspection"), _due),
    Column(lambda: QCoreApplication.translate("CustomerAssets", "Flags"), lambda r: texts.flags(r["flags"])),
)


class CustomerAssetsTab(QWidget):
    @staticmethod
    def title() -> str:
        """The tab's caption, translated here so the card editor needs no string of its own."""
        return QCoreApplication.translate("CustomerAssetsTab", "Assets")

    def __init__(
        self, context: AssetContext | Session, customer_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerAssets")
        self._context = context if isinstance(context, AssetContext) else AssetContext.of(context)
        self.customer_id: str | None = None
        self.asset_window: AssetWindow | None = None  # the last unit opened from here
        self.dialog: ActionDialog | None = None  # the last inspection opened from here

        self.summary = QLabel(self)
        self.summary.setObjectName("customerAssetsSummary")
        self.summary.setWordWrap(True)
        self.inspect_button = QPushButton(self.tr("&Inspect…"), self)
        self.inspect_button.setObjectName("inspectAsset")
        self.inspect_button.setAutoDefault(False)
        self.inspect_button.clicked.connect(self.inspect_selected)
        self.model: RecordsModel[Row] = RecordsModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("customerAssetTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.inspect_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._context.bus.changed.connect(self._data_changed)
        self.set_customer(customer_id)

    def set_customer(self, customer_id: str | None) -> None:
        """Show the units at ``customer_id``; None (a new or no card) shows nothing."""
        self.customer_id = customer_id
        self.refresh()

    def refresh(self) -> None:
        keep = self.current()
        rows: list[Row] = []
        summary = ""
        if self.customer_id is not None:
            try:
                rows = self._context.assets.for_customer(self.customer_id)
                for row in rows:
                    row["flags"] = self._context.assets.show(row["id"])["flags"]
            except FieldCRMError as error:  # a card not stored here (yet): nothing can be at it
                rows, summary = [], texts.message(error)
            else:
                summary = self._summary(rows)
        self.model.set_rows(rows)
        self.summary.setText(summary)
        kept = next((n for n, r in enumerate(rows) if keep is not None and r["id"] == keep["id"]), None)
        if kept is not None:
            self.table.selectRow(kept)
        self._update_actions()

    def _summary(self, rows: list[Row]) -> str:
        if not rows:
            return self.tr("No units at this customer.")
        held = sum(r["deposit_held"] or 0 for r in rows)
        return self.tr("%n unit(s) here · deposits held {total} yuan", "", len(rows)).format(total=texts.money(held))

    def current(self) -> Row | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _update_actions(self) -> None:
        self.inspect_button.setEnabled(self.current() is not None and not self._context.read_only)

    def inspect_selected(self) -> ActionDialog | None:
        row = self.current()
        if row is None or self._context.read_only:
            return None
        self.dialog = actions.inspect(self._context, row, self)
        return self.dialog

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.record(index.row())
        if row is not None:
            self.asset_window = open_asset(self._context, row["id"], self)

    def _data_changed(self, tables: set[str]) -> None:
        if self.customer_id is not None and touches_assets(tables):
            self.refresh()
