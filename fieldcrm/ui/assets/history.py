"""A unit's history, newest first, and the photos of the event picked in it.

The events come from ``AssetService.show`` already in order; this module
only presents them. A photo that sync has not brought to this laptop yet has
no local path and is listed as "photo not yet received" instead of an image.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QWidget,
)

from fieldcrm.domain.asset_fields import INSPECTION_FIELDS
from fieldcrm.ui.assets import texts
from fieldcrm.ui.visits.table_model import Column, RecordsModel

Event = dict[str, Any]
THUMBNAIL = QSize(96, 96)
_DETAILS = ("agreement", "deposit", "refund", *(s.name for s in INSPECTION_FIELDS if s.name != "date"), "reason")



def details(event: Event) -> str:
    """The event's own values, "Label: value" joined, in form order."""
    parts = []
    for name in _DETAILS:
        if name not in event:
            continue
        spec = texts.ASSET_SPECS.get(name)
        caption = texts.label(spec) if spec is not None else QCoreApplication.translate("AssetHistory", "Deposit refunded")
        parts.append(f"{caption}: {texts.value(name, event[name])}")
    photos = event.get("photos", [])
    if photos:
        parts.append(_COUNTS.photos(len(photos)))
    return "; ".join(parts)


class AssetHistoryCounts(QObject):
    """lupdate records plural forms only for ``self.tr`` with a count."""

    def photos(self, count: int) -> str:
        return self.tr("%n photo(s)", "", count)


_COUNTS = AssetHistoryCounts()


HISTORY_COLUMNS: tuple[Column[Event], ...] = (
    Column(lambda: QCoreApplication.translate("AssetHistory", "Date"), lambda e: e["date"] or ""),
    Column(lambda: QCoreApplication.translate("AssetHistory", "What"), lambda e: texts.event_kind(e["kind"])),
    Column(lambda: QCoreApplication.translate("AssetHistory", "From"), lambda e: texts.place(e["from"])),
    Column(lambda: QCoreApplication.translate("AssetHistory", "To"), lambda e: texts.place(e["to"])),
    Column(lambda: QCoreApplication.translate("AssetHistory", "By"), lambda e: e["user"] or ""),
    Column(lambda: QCoreApplication.translate("AssetHistory", "Details"), details),
)


class HistoryTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assetHistory")
        self.events: RecordsModel[Event] = RecordsModel(HISTORY_COLUMNS, self)
        self.setModel(self.events)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def current_event(self) -> Event | None:
        index = self.currentIndex()
        return self.events.record(index.row()) if index.isValid() else None


class PhotoStrip(QListWidget):
    """Thumbnails of one event's photos (stored by content hash, so numbered); a missing file says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventPhotos")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(THUMBNAIL)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setFixedHeight(THUMBNAIL.height() + self.fontMetrics().lineSpacing() * 2 + 16)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def show_event(self, event: Event | None) -> None:
        self.clear()
        for number, photo in enumerate((event or {}).get("photos", []), start=1):
            path = photo["path"]
            if path is None:
                item = QListWidgetItem(QCoreApplication.translate("AssetHistory", "photo not yet received"), self)
                item.setToolTip(photo["sha256"])
                continue
            pixmap = QPixmap(path)  # null for a format Qt cannot decode (HEIC): the name is still shown
            if not pixmap.isNull():
                pixmap = pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
            caption = QCoreApplication.translate("AssetHistory", "Photo {number}").format(number=number)
            item = QListWidgetItem(QIcon(pixmap), caption, self)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)

    def texts(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]
