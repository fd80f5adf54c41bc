"""The Assets part of the visit form: one row per unit at the shop, inspected as part of the visit.

Each unit not yet inspected at this visit is a checkable box: ticking it
opens the inspection fields (the asset specs, less the date, which is the
visit's) and a photo list, and a unit left unticked is simply not inspected.
A unit already inspected at this visit (opening a past visit) is shown with
what was recorded, read-only: events are append-only, so a later correction
is a new inspection from the unit's window. The section holds no rule: the
visit entry service checks and saves the inspections with the visit, and a
refusal names the unit, whose row then shows the message.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from fieldcrm.domain.asset_fields import VISIT_INSPECTION_FIELDS
from fieldcrm.domain.asset_visits import VisitAsset
from fieldcrm.domain.visit_entry import EntryRefused, InspectionInput
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.assets import texts
from fieldcrm.ui.assets.action_dialog import PhotoList
from fieldcrm.ui.assets.field_form import FieldForm, error_label, show_message
from fieldcrm.ui.assets.history import details


class InspectionRow(QGroupBox):
    """A unit to inspect now: tick it, then fill in what was found."""

    edited = Signal()  # ticked or unticked: what makes the form dirty

    def __init__(self, unit: VisitAsset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.setObjectName(f"inspect_{unit.tag}")
        self.setTitle(self.tr("Inspect {tag} ({type})").format(tag=unit.tag, type=texts.asset_type(unit.type)))
        self.setCheckable(True)
        self.setChecked(False)
        self.due = QLabel(self._due_text(), self)
        self.due.setObjectName("unitDue")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = FieldForm(VISIT_INSPECTION_FIELDS, form, self)
        self.photos = PhotoList(self)
        caption = QLabel(self.tr("Photos"), self)
        caption.setBuddy(self.photos.add_button)
        form.addRow(caption, self.photos)
        self.photos_error = error_label(self, "photos")
        form.addRow(self.photos_error)
        self.message = error_label(self, "unit")
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.toggled.connect(self.edited)

    def _due_text(self) -> str:
        """When the unit was last checked (deployed, moved or inspected) and when it is due."""
        unit = self.unit
        if unit.last_checked_on is None:
            return self.tr("Never checked")
        if unit.overdue:
            return self.tr("Last checked {last} · overdue since {due}").format(last=unit.last_checked_on, due=unit.due_on)
        if unit.due_on:
            return self.tr("Last checked {last} · next by {due}").format(last=unit.last_checked_on, due=unit.due_on)
        return self.tr("Last checked {last}").format(last=unit.last_checked_on)

    def input(self) -> InspectionInput | None:
        """What to record for this unit; None when it is left uninspected."""
        if not self.isChecked():
            return None
        return InspectionInput(self.unit.asset_id, self.form.values(), self.photos.paths())

    def clear_errors(self) -> None:
        self.form.clear_errors()
        show_message(self.photos_error, None)
        show_message(self.message, None)

    def show_errors(self, errors: Iterable[FieldCRMError]) -> QWidget:
        """Mark the refused fields; returns the widget to put the cursor in."""
        general = []
        first: QWidget | None = None
        for error in self.form.show_errors(errors):
            if getattr(error, "field", None) == "photos":
                show_message(self.photos_error, texts.message(error))
                first = first or self.photos.add_button
            else:
                general.append(texts.message(error))
        show_message(self.message, "\n".join(general))
        invalid = [f.widget for f in self.form.inputs.values() if f.widget.property("invalid")]
        return invalid[0] if invalid else first or self


class RecordedInspection(QGroupBox):
    """A unit inspected at this visit already: what was found, read-only."""

    def __init__(self, unit: VisitAsset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.setObjectName(f"inspected_{unit.tag}")
        self.setTitle(self.tr("{tag} ({type}): inspected at this visit").format(
            tag=unit.tag, type=texts.asset_type(unit.type)))
        self.found = QLabel(details(unit.inspection or {}), self)
        self.found.setObjectName("inspectionFound")
        self.found.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)


class InspectionSection(QGroupBox):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Assets"))
        self.setObjectName("visitAssets")
        self.rows: dict[str, InspectionRow] = {}
        self.recorded: dict[str, RecordedInspection] = {}
        intro = QLabel(self.tr("The units at this customer. Tick a unit to record its inspection with this visit; "
                               "a unit left unticked is not inspected."), self)
        intro.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(intro)

    def load(self, units: Iterable[VisitAsset]) -> None:
        """Show the units (once, when the form opens); hidden when the customer has none."""
        for unit in units:
            if unit.inspected:
                self.recorded[unit.asset_id] = RecordedInspection(unit, self)
                self._layout.addWidget(self.recorded[unit.asset_id])
            else:
                row = InspectionRow(unit, self)
                row.edited.connect(self.edited)
                self.rows[unit.asset_id] = row
                self._layout.addWidget(row)
        self.setVisible(bool(self.rows or self.recorded))

    def row(self, tag: str) -> InspectionRow:
        return next(r for r in self.rows.values() if r.unit.tag == tag)

    def inputs(self) -> list[InspectionInput]:
        """The inspections to save with the visit: the ticked rows, in the order shown."""
        return [found for row in self.rows.values() if (found := row.input()) is not None]

    def is_dirty(self) -> bool:
        return any(row.isChecked() for row in self.rows.values())

    def set_read_only(self, read_only: bool) -> None:
        for row in self.rows.values():
            row.setEnabled(not read_only)

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.clear_errors()

    def show_refusal(self, refused: EntryRefused) -> QWidget | None:
        """Show an inspection's refusal on its unit's row; None when the unit is not listed here."""
        row = self.rows.get(refused.item or "")
        if row is None:
            return None
        return row.show_errors(refused.errors or [refused.cause])
