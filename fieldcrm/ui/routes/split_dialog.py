"""Splitting a zone's customers into k balanced routes: a proposal to look at, adjust and accept.

The proposal is computed on a worker (it searches for up to a second) and
written only when accepted, as ``SplitService.accept_split`` takes it: one
list of customers per route, in visiting order, with the route names typed
here. Customers can be moved between the proposed routes before accepting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
    QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from fieldcrm.domain.route_split import SplitProposal, SplitResult, SplitService, route_lengths
from fieldcrm.domain.route_values import RouteKind
from fieldcrm.domain.territories import TerritoryNode
from fieldcrm.errors import FieldCRMError
from fieldcrm.routing import LatLon
from fieldcrm.ui.assets.field_form import error_label, show_message
from fieldcrm.ui.i18n import choice_label
from fieldcrm.ui.routes import readers, texts
from fieldcrm.ui.routes.stop_dialogs import try_write
from fieldcrm.ui.workers import Job, TaskRunner

MAX_ROUTES = 50
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole


class SplitDialog(QDialog):
    def __init__(
        self, split: SplitService, tasks: TaskRunner, folder: Path, zone: TerritoryNode,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split {zone} into routes").format(zone=zone.name))
        self._split = split
        self._tasks = tasks
        self._folder = folder
        self._zone = zone
        self._job: Job | None = None
        self._start: LatLon | None = None  # of the routes proposed
        self.result: SplitResult | None = None
        self._customers = {c["id"]: c for c in split.territories.customers(zone.id)}

        self.count = QSpinBox(self)
        self.count.setObjectName("splitCount")
        self.count.setRange(1, max(1, min(MAX_ROUTES, len(self._customers))))
        self.count.setValue(min(2, self.count.maximum()))
        self.kind = QComboBox(self)
        self.kind.setObjectName("splitKind")
        for kind in RouteKind:
            self.kind.addItem(choice_label(kind), kind.value)
        self.propose_button = QPushButton(self.tr("&Propose"), self)
        self.propose_button.setObjectName("splitPropose")
        self.propose_button.clicked.connect(self.propose)
        self.status = QLabel(self)
        self.status.setObjectName("splitStatus")

        self.proposal = QTreeWidget(self)
        self.proposal.setObjectName("splitProposal")
        self.proposal.setHeaderLabels([self.tr("Route / customer"), self.tr("Stops")])
        self.proposal.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.proposal.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.target = QComboBox(self)
        self.target.setObjectName("splitTarget")
        self.move_button = QPushButton(self.tr("&Move selected to"), self)
        self.move_button.setObjectName("splitMove")
        self.move_button.clicked.connect(lambda: self.move_selected(self.target.currentIndex()))
        self.error = error_label(self, "split")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.accept_button = self.buttons.addButton(self.tr("&Create routes"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("splitAccept")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Customers"), QLabel(texts.count(len(self._customers)), self))
        form.addRow(self.tr("Routes"), self.count)
        form.addRow(self.tr("Kind"), self.kind)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.propose_button, 0, Qt.AlignmentFlag.AlignBottom)
        moving = QHBoxLayout()
        moving.addWidget(self.move_button)
        moving.addWidget(self.target, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.proposal, 1)
        layout.addLayout(moving)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 560)
        self._update_buttons()

    # -- proposing ------------------------------------------------------------

    def propose(self) -> Job:
        """Ask the worker for a proposal with the chosen number of routes."""
        if self._job is not None:
            self._job.cancel()
        show_message(self.error, None)
        zone_id, k, folder = self._zone.id, self.count.value(), self._folder
        self._job = job = readers.start(
            self._tasks, lambda progress: readers.propose_split(folder, zone_id, k, progress),
            self.show_proposal, self._show_error, self._finished,
        )
        self.status.setText(self.tr("Proposing…"))
        self._update_buttons()
        return job

    def _finished(self) -> None:
        if self._job is self.sender():
            self._job = None
            self.status.setText("")
            self._update_buttons()

    def show_proposal(self, proposal: SplitProposal) -> None:
        self._start = proposal.start
        self.proposal.clear()
        for number, group in enumerate(proposal.groups, start=1):
            route = QTreeWidgetItem(self.proposal, [f"{self._zone.name}-{number}", ""])
            route.setFlags(route.flags() | Qt.ItemFlag.ItemIsEditable)
            for customer_id in group:
                found = self._customers.get(customer_id, {})
                text = " ".join(str(p) for p in (found.get("code"), found.get("name")) if p) or customer_id
                child = QTreeWidgetItem(route, [text, ""])
                child.setData(0, CUSTOMER_ROLE, customer_id)
                if found.get("latitude") is None:
                    child.setToolTip(0, self.tr("No coordinates: joins the end of the route"))
        self.proposal.expandAll()
        self._renumber()

    def _renumber(self) -> None:
        """Stops and length per route (lengths again after every move), and the routes to move to."""
        self.target.clear()
        lengths = None if self._start is None else route_lengths(self._start, self.groups(), self._customers)
        for row in range(self.proposal.topLevelItemCount()):
            route = self.proposal.topLevelItem(row)
            stops = texts.count(route.childCount())
            route.setText(1, stops if lengths is None else f"{stops} · {texts.km(lengths[row])}")
            self.target.addItem(route.text(0))
        self._update_buttons()

    # -- adjusting ------------------------------------------------------------

    def groups(self) -> list[list[str]]:
        return [
            [str(route.child(n).data(0, CUSTOMER_ROLE)) for n in range(route.childCount())]
            for route in (self.proposal.topLevelItem(row) for row in range(self.proposal.topLevelItemCount()))
        ]

    def names(self) -> list[str]:
        return [self.proposal.topLevelItem(row).text(0) for row in range(self.proposal.topLevelItemCount())]

    def move_selected(self, target_row: int) -> None:
        """Move the selected customers to the end of one proposed route."""
        target = self.proposal.topLevelItem(target_row)
        if target is None:
            return
        for item in self.proposal.selectedItems():
            source = item.parent()
            if source is None or source is target:
                continue
            target.addChild(source.takeChild(source.indexOfChild(item)))
        self._renumber()

    # -- accepting ------------------------------------------------------------

    def accept(self) -> None:
        if self._job is not None or not self.proposal.topLevelItemCount():
            return
        zone, groups, names, kind = self._zone.id, self.groups(), self.names(), str(self.kind.currentData())

        def write() -> None:
            self.result = self._split.accept_split(zone, groups, kind=kind, names=names)

        if try_write(self.error, write):
            super().accept()

    def reject(self) -> None:
        if self._job is not None:
            self._job.cancel()
        super().reject()

    def _update_buttons(self) -> None:
        proposing = self._job is not None
        has_proposal = self.proposal.topLevelItemCount() > 0
        self.propose_button.setEnabled(not proposing)
        self.accept_button.setEnabled(has_proposal and not proposing)
        self.move_button.setEnabled(has_proposal and not proposing)

    def _show_error(self, error: FieldCRMError) -> None:
        show_message(self.error, texts.message(error))
