"""One unit's window: what it is, where it is, the deposit held, its flags, its history and the actions on it.

Opened from the Assets page, the flags and review lists or a customer card;
several can be open at once. It re-reads the unit whenever an asset write is
announced, whoever made it, so its history always ends with the latest event.
Which actions apply is left to the service (its refusal is shown in the
action's dialog); the window only hides them all for a written-off unit or a
read-only workspace, and offers write-off to supervisors.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.domain.asset_fields import AssetStatus
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.assets import actions, texts
from fieldcrm.ui.assets.action_dialog import ActionDialog
from fieldcrm.ui.assets.context import AssetContext, touches_assets
from fieldcrm.ui.assets.history import HistoryTable, PhotoStrip

WRITTEN_OFF = {AssetStatus.RETIRED.value, AssetStatus.LOST.value}
Action = Callable[[AssetContext, dict[str, Any], QWidget], ActionDialog]


class AssetWindow(QDialog):
    def __init__(self, context: AssetContext, tag_or_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assetWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._context = context
        self.unit: dict[str, Any] = context.assets.show(tag_or_id)
        self.asset_id: str = self.unit["id"]
        self.dialog: ActionDialog | None = None  # the last action opened from here

        self.title = QLabel(self)
        self.title.setObjectName("assetTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.fields: dict[str, QLabel] = {}
        details = QFormLayout()
        captions = {
            "type": self.tr("Type"), "status": self.tr("Status"), "brand": self.tr("Brand and model"),
            "serial_number": self.tr("Serial number"), "capacity_litres": self.tr("Capacity (litres)"),
            "location": self.tr("Where"), "placement": self.tr("Placed"), "due": self.tr("Inspections"),
            "flags": self.tr("Flags"), "notes": self.tr("Notes"),
        }
        for name, caption in captions.items():
            label = QLabel(self)
            label.setObjectName(f"asset_{name}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            details.addRow(caption, label)
            self.fields[name] = label
        self.history = HistoryTable(self)
        self.photos = PhotoStrip(self)
        self.history.selectionModel().currentRowChanged.connect(
            lambda current, previous: self.photos.show_event(self.history.current_event())
        )
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        available: dict[str, tuple[str, Action]] = {
            "deploy": (self.tr("&Deploy…"), actions.deploy), "inspect": (self.tr("&Inspect…"), actions.inspect),
            "move": (self.tr("&Move…"), actions.move), "retrieve": (self.tr("&Retrieve…"), actions.retrieve),
            "repair": (self.tr("Re&pair…"), actions.repair), "write_off": (self.tr("&Write off…"), actions.write_off),
        }
        for key, (text, action) in available.items():
            button = QPushButton(text, self)
            button.setObjectName(f"action_{key}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda checked=False, action=action: self.run(action))
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        bar.addWidget(close)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addLayout(details)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel(self.tr("History, newest first"), self))
        bottom_layout.addWidget(self.history, 1)
        bottom_layout.addWidget(self.photos)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bar)
        self.resize(900, 700)
        context.bus.changed.connect(self._data_changed)
        self._show()

    def _show(self) -> None:
        unit = self.unit
        self.setWindowTitle(self.tr("Unit {tag}").format(tag=unit["tag"]))
        self.title.setText(f"{unit['tag']} · {texts.asset_type(unit['type'])}")
        brand = " ".join(p for p in (unit["brand"], unit["model"]) if p)
        placed = unit["placement"]
        placement = ""
        if placed is not None:
            placement = self.tr("since {date} · agreement {agreement} · deposit held {deposit} yuan").format(
                date=placed["since"], agreement=placed["agreement"] or self.tr("none"),
                deposit=texts.money(placed["deposit_held"]))
        values = {
            "type": texts.asset_type(unit["type"]), "status": texts.status(unit["status"]), "brand": brand,
            "serial_number": unit["serial_number"] or "", "capacity_litres": texts.value("", unit["capacity_litres"]),
            "location": texts.place(unit["location"]), "placement": placement, "due": self._due_text(),
            "flags": texts.flags(unit["flags"]), "notes": unit["notes"] or "",
        }
        for name, text in values.items():
            self.fields[name].setText(text)
        self.history.events.set_rows(unit["history"])
        self.history.selectRow(0)
        self.photos.show_event(self.history.current_event())
        self._enable_actions()

    def _due_text(self) -> str:
        unit = self.unit
        last = unit["last_checked_on"] or self.tr("never")
        if not unit["due_on"]:
            return self.tr("last {last}").format(last=last)
        if unit["overdue"]:
            return self.tr("last {last} · overdue since {due}").format(last=last, due=unit["due_on"])
        return self.tr("last {last} · next by {due}").format(last=last, due=unit["due_on"])

    def _enable_actions(self) -> None:
        live = not self._context.read_only and self.unit["status"] not in WRITTEN_OFF
        for button in self.buttons.values():
            button.setEnabled(live)
        self.buttons["write_off"].setVisible(self._context.is_supervisor)
        in_repair = self.unit["status"] == AssetStatus.IN_REPAIR.value
        self.buttons["repair"].setText(self.tr("Re&pair done…") if in_repair else self.tr("Re&pair…"))

    def run(self, action: Action) -> ActionDialog:
        """Open an action's dialog for this unit; the window refreshes when the write is announced."""
        self.dialog = action(self._context, self.unit, self)
        return self.dialog

    def reload(self) -> None:
        try:
            self.unit = self._context.assets.show(self.asset_id)
        except FieldCRMError:  # the unit went away (sync of a duplicate resolved): nothing left to show
            self.close()
            return
        self._show()

    def _data_changed(self, tables: set[str]) -> None:
        if touches_assets(tables):
            self.reload()


def open_asset(context: AssetContext, tag_or_id: str, parent: QWidget | None) -> AssetWindow:
    """Show a unit's window (not modal: the list stays usable beside it)."""
    window = AssetWindow(context, tag_or_id, parent)
    window.show()
    return window
