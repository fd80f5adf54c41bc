"""The search box and classification filters above the customer list.

A bar of plain widgets: it knows which fields the sales department files
customers by (``FILTERABLE_FIELDS``) and turns the user's picks into a search
text and exact-match filters. It reads nothing itself; the page gives it the
territories, routes and reps in use.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fieldcrm.domain.customer_fields import FIELDS_BY_NAME, FILTERABLE_FIELDS, Kind
from fieldcrm.ui.i18n import choice_label, field_label

SEARCH_DELAY_MS = 150
COMBOS_PER_ROW = 5
COMBO_MINIMUM_CHARACTERS = 6
#: filters whose values are whatever is in use, not a fixed list
FREE_TEXT_FILTERS: tuple[str, ...] = tuple(n for n in FILTERABLE_FIELDS if FIELDS_BY_NAME[n].kind is not Kind.CHOICE)


class FilterBar(QWidget):
    #: the search text (after a short pause in typing), a filter or the deleted switch changed
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, code, phone, address, contact or pinyin (e.g. zscs)"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textEdited.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_now)
        self.search.textChanged.connect(self._cleared_by_button)

        self.show_deleted = QCheckBox(self.tr("Show &deleted customers"), self)
        self.show_deleted.setToolTip(self.tr("List the deleted customers, which can be restored"))
        self.show_deleted.toggled.connect(self.changed)
        self.clear_button = QPushButton(self.tr("C&lear filters"), self)
        self.clear_button.clicked.connect(self.clear)

        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_deleted)
        top.addWidget(self.clear_button)

        grid = QGridLayout()
        self.combos: dict[str, QComboBox] = {}
        for number, name in enumerate(FILTERABLE_FIELDS):
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{name}")
            # may be narrower than its longest entry, so the bar fits a 1366-pixel laptop screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)
            combo.addItem(self.tr("All"), None)
            spec = FIELDS_BY_NAME[name]
            if spec.choices is not None:
                for member in spec.choices:
                    combo.addItem(choice_label(member), member.value)
            combo.currentIndexChanged.connect(self.changed)
            label = QLabel(field_label(spec), self)
            label.setBuddy(combo)
            row, column = divmod(number, COMBOS_PER_ROW)
            grid.addWidget(label, row * 2, column)
            grid.addWidget(combo, row * 2 + 1, column)
            self.combos[name] = combo
        grid.setVerticalSpacing(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(grid)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def search_text(self) -> str:
        return self.search.text().strip()

    def filters(self) -> dict[str, str]:
        picked = {name: combo.currentData() for name, combo in self.combos.items()}
        return {name: value for name, value in picked.items() if value is not None}

    def deleted_only(self) -> bool:
        return self.show_deleted.isChecked()

    def set_values_in_use(self, values: dict[str, list[str]]) -> None:
        """Offer the territories, routes and reps in use, keeping what is picked."""
        for name, options in values.items():
            combo = self.combos[name]
            picked = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value in options:
                combo.addItem(value, value)
            if picked is not None and combo.findData(picked) < 0:
                combo.addItem(picked, picked)  # keep a filter whose last customer just left
            combo.setCurrentIndex(_index_of(combo, picked))
            combo.blockSignals(False)

    def clear(self) -> None:
        widgets = [self.search, self.show_deleted, *self.combos.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.show_deleted.setChecked(False)
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self._debounce.stop()
        self.changed.emit()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def _cleared_by_button(self, text: str) -> None:
        """The line edit's clear button changes the text without ``textEdited``."""
        if not text and not self.search.signalsBlocked():
            self._debounce.start()


def _index_of(combo: QComboBox, value: str | None) -> int:
    """The entry holding ``value``; "All" (entry 0) for None or a value not offered."""
    return 0 if value is None else max(0, combo.findData(value))
