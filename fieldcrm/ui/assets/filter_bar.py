"""The Assets page's filters: status, type, territory, overdue and a search box.

Emits ``changed`` once per user change (the search after a short pause while
typing), and hands the page an ``AssetFilter``; the list model passes it to
SQL untouched, so the bar holds no knowledge of how units are stored.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from fieldcrm.domain.asset_fields import AssetStatus, AssetType
from fieldcrm.domain.classifications import Choice
from fieldcrm.ui.assets.list_model import AssetFilter
from fieldcrm.ui.i18n import choice_label

SEARCH_PAUSE_MS = 250


class AssetFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("assetSearch")
        self.search.setPlaceholderText(self.tr("Search tag, serial, brand, model or customer"))
        self.search.setClearButtonEnabled(True)
        self.status = self._choices("assetStatusFilter", self.tr("Any status"), AssetStatus)
        self.type = self._choices("assetTypeFilter", self.tr("Any type"), AssetType)
        self.territory = QComboBox(self)
        self.territory.setObjectName("assetTerritoryFilter")
        self.territory.addItem(self.tr("Any territory"), "")
        self.overdue = QCheckBox(self.tr("&Overdue inspection"), self)
        self.overdue.setObjectName("assetOverdueFilter")
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.changed)
        self.search.textChanged.connect(self._pause.start)
        for combo in (self.status, self.type, self.territory):
            combo.activated.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        for widget in (self.status, self.type, self.territory, self.overdue):
            layout.addWidget(widget)

    def _choices(self, name: str, anything: str, choices: type[Choice]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(anything, "")
        for member in choices:
            combo.addItem(choice_label(member), member.value)
        return combo

    def set_territories(self, names: list[str]) -> None:
        """The territories customers are filed in; the one chosen stays chosen."""
        chosen = self.territory.currentData()
        self.territory.clear()
        self.territory.addItem(self.tr("Any territory"), "")
        for name in names:
            self.territory.addItem(name, name)
        self.territory.setCurrentIndex(max(0, self.territory.findData(chosen)))

    def filter(self) -> AssetFilter:
        return AssetFilter(
            status=self.status.currentData() or None, type=self.type.currentData() or None,
            territory=self.territory.currentData() or None, overdue=self.overdue.isChecked(),
            search=self.search.text().strip(),
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
