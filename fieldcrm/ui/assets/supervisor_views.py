"""The supervisors' lists: units flagged by their latest inspection, and units whose records disagree.

Both lists are short (the flagged units of a territory, the few conflicts
sync leaves) and come whole from ``AssetService.flags``/``review``; they
re-read whenever an asset write is announced. From the review list a unit is
settled with "Correct location…" (``AssetService.correct``), after which the
service no longer reports it.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.domain.asset_rules import Place
from fieldcrm.ui.assets import actions, texts
from fieldcrm.ui.assets.action_dialog import ActionDialog
from fieldcrm.ui.assets.asset_window import AssetWindow, open_asset
from fieldcrm.ui.assets.context import AssetContext, touches_assets
from fieldcrm.ui.visits.table_model import Column, RecordsModel

Row = dict[str, Any]



def location_text(code: str | None) -> str:
    """A stored place code as words; the review shows raw records, customers by id."""
    place = Place.parse(code)
    if place is None:
        return QCoreApplication.translate("AssetReview", "nowhere")
    if place.is_customer:
        return QCoreApplication.translate("AssetReview", "Customer {id}").format(id=place.ref)
    return texts.place({"kind": place.kind, "name": place.ref})


class AssetReviewCounts(QObject):
    """Counted phrases of the review lists: lupdate records plural forms only for ``self.tr`` with a count."""

    def events(self, count: int) -> str:
        return self.tr("%n concurrent event(s)", "", count)

    def units(self, count: int) -> str:
        return self.tr("%n unit(s)", "", count)


_COUNTS = AssetReviewCounts()


def _review_details(row: Row) -> str:
    if "expected_location" in row:
        return QCoreApplication.translate("AssetReview", "history says {place}").format(place=location_text(row["expected_location"]))
    if "events" in row:
        return _COUNTS.events(len(row["events"]))
    if "asset_ids" in row:
        return _COUNTS.units(len(row["asset_ids"]))
    return texts.status(row.get("status"))


FLAG_COLUMNS: tuple[Column[Row], ...] = (
    Column(lambda: QCoreApplication.translate("AssetReview", "Tag"), lambda r: r["tag"]),
    Column(lambda: QCoreApplication.translate("AssetReview", "Customer"), lambda r: " ".join(p for p in (r["customer_code"], r["customer_name"]) if p)),
    Column(lambda: QCoreApplication.translate("AssetReview", "Territory"), lambda r: r["territory"] or ""),
    Column(lambda: QCoreApplication.translate("AssetReview", "Inspected"), lambda r: r["inspected_on"] or ""),
    Column(lambda: QCoreApplication.translate("AssetReview", "By"), lambda r: r["inspected_by"] or ""),
    Column(lambda: QCoreApplication.translate("AssetReview", "Why"), lambda r: texts.flags(r["reasons"])),
)

REVIEW_COLUMNS: tuple[Column[Row], ...] = (
    Column(lambda: QCoreApplication.translate("AssetReview", "Problem"), lambda r: texts.problem(r["problem"])),
    Column(lambda: QCoreApplication.translate("AssetReview", "Tag"), lambda r: r["tag"] or ""),
    Column(lambda: QCoreApplication.translate("AssetReview", "Recorded at"), lambda r: location_text(r.get("location")) if "location" in r else ""),
    Column(lambda: QCoreApplication.translate("AssetReview", "Details"), _review_details),
)


def _unit_of(row: Row) -> str | None:
    """The unit a row is about; a duplicated tag names several, and the first is opened."""
    return row.get("asset_id") or next(iter(row.get("asset_ids", ())), None)


class _RecordList(QWidget):
    """A titled, read-only table that opens the unit of the activated row."""

    def __init__(
        self, context: AssetContext, columns: tuple[Column[Row], ...], load: Callable[[], list[Row]], hint: str,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._load = load
        self.asset_window: AssetWindow | None = None  # the last unit opened from here
        self.model: RecordsModel[Row] = RecordsModel(columns, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open_index)
        self.buttons = QHBoxLayout()
        hint_label = QLabel(hint, self)
        hint_label.setWordWrap(True)
        self.buttons.addWidget(hint_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table, 1)
        context.bus.changed.connect(self._data_changed)

    def current(self) -> Row | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.record(index.row())
        unit = _unit_of(row) if row else None
        if unit is not None:
            self.asset_window = open_asset(self._context, unit, self)

    def _data_changed(self, tables: set[str]) -> None:
        if touches_assets(tables):
            self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._load())


class FlagsView(_RecordList):
    def __init__(self, context: AssetContext, parent: QWidget | None = None) -> None:
        hint = QCoreApplication.translate(
            "AssetReview", "Deployed units whose latest inspection found them faulty, unclean, badly displayed "
            "or low on our share. Enter opens a unit.")
        super().__init__(context, FLAG_COLUMNS, context.assets.flags, hint, parent)
        self.setObjectName("assetFlags")
        self.table.setObjectName("assetFlagTable")
        self.refresh()


class ReviewView(_RecordList):
    def __init__(self, context: AssetContext, parent: QWidget | None = None) -> None:
        hint = QCoreApplication.translate(
            "AssetReview", "Units whose history disagrees with their record, mostly after two laptops moved the "
            "same unit offline. Correct each to where it really is.")
        super().__init__(context, REVIEW_COLUMNS, context.assets.review, hint, parent)
        self.setObjectName("assetReview")
        self.table.setObjectName("assetReviewTable")
        self.dialog: ActionDialog | None = None
        self.correct_button = QPushButton(self.tr("&Correct location…"), self)
        self.correct_button.setObjectName("correctLocation")
        self.correct_button.clicked.connect(self.correct_selected)
        self.correct_button.setEnabled(not context.read_only)
        self.buttons.addWidget(self.correct_button)
        self.refresh()

    def correct_selected(self) -> ActionDialog | None:
        """A duplicated tag names no single unit to correct: open each unit from the list instead."""
        row = self.current()
        if row is None or row.get("asset_id") is None or self._context.read_only:
            return None
        self.dialog = actions.correct(self._context, row["asset_id"], self, tag=row["tag"])
        return self.dialog
