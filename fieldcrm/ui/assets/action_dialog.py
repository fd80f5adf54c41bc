"""One dialog for every asset action (register, deploy, inspect, move, retrieve, repair, write off, correct).

The form is built from the action's FieldSpecs; a customer line and a photo
list are added when the action takes them. OK calls the service once: a
refusal marks the fields it names and keeps the dialog open with what was
typed; success announces the write on the data bus and closes. The dialog
holds no rules: the service decides what is allowed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldcrm.domain.customer_fields import FieldSpec
from fieldcrm.errors import FieldCRMError, ValidationErrors
from fieldcrm.ui.assets import texts
from fieldcrm.ui.assets.context import AssetContext
from fieldcrm.ui.assets.customer_picker import CustomerPicker
from fieldcrm.ui.assets.field_form import FieldForm, error_label, show_message

PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp *.heic *.heif"


def pick_photos(parent: QWidget) -> list[str]:
    """Ask for photo files; a module function so tests can answer instead of a native file dialog."""
    title = QCoreApplication.translate("AssetDialogs", "Add photos")
    images = QCoreApplication.translate("AssetDialogs", "Images ({patterns})").format(patterns=PHOTO_FILTER)
    files, _ = QFileDialog.getOpenFileNames(parent, title, "", images)
    return list(files)


class PhotoList(QWidget):
    """The photos chosen for an inspection; the service checks that each one is an image."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("inspectionPhotos")
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 5)
        self.add_button = QPushButton(self.tr("Add &photos…"), self)
        self.add_button.setObjectName("addPhotos")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_photos)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def add_photos(self) -> None:
        for path in pick_photos(self):
            if path not in self.paths():
                item = QListWidgetItem(Path(path).name, self.list)
                item.setToolTip(path)
                item.setData(Qt.ItemDataRole.UserRole, path)

    def _remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def paths(self) -> list[str]:
        return [str(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())]


class ActionDialog(QDialog):
    """``submit(dialog)`` makes the one service call and returns its result, or raises a known error."""

    succeeded = Signal(dict)

    def __init__(
        self, context: AssetContext, *, title: str, action: str, specs: Iterable[FieldSpec],
        submit: Callable[["ActionDialog"], dict[str, Any]], intro: str = "", with_customer: bool = False,
        with_photos: bool = False, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assetActionDialog")
        self.setWindowTitle(title)
        self._context = context
        self._submit = submit
        self.result_value: dict[str, Any] | None = None
        self._extra_errors: dict[str, QLabel] = {}

        self.intro = QLabel(intro, self)
        self.intro.setObjectName("actionIntro")
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.customer: CustomerPicker | None = None
        if with_customer:
            self.customer = CustomerPicker(context.customers, self)
            caption = QLabel(self.tr("Customer *"), self)
            caption.setBuddy(self.customer)
            form.addRow(caption, self.customer)
            form.addRow(self._extra_error("customer"))
        self.form = FieldForm(specs, form, self)
        self.photos: PhotoList | None = None
        if with_photos:
            self.photos = PhotoList(self)
            caption = QLabel(self.tr("Photos"), self)
            caption.setBuddy(self.photos.add_button)
            form.addRow(caption, self.photos)
            form.addRow(self._extra_error("photos"))
        self.message = error_label(self, "action")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("actionOk")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _extra_error(self, name: str) -> QLabel:
        self._extra_errors[name] = error_label(self, name)
        return self._extra_errors[name]

    def error(self, name: str) -> str:
        """The message shown for a field (or "action" for one about no field), empty when none."""
        if name == "action":
            return "" if self.message.isHidden() else self.message.text()
        if name in self._extra_errors:
            label = self._extra_errors[name]
            return "" if label.isHidden() else label.text()
        return self.form.error(name)

    def submit(self) -> bool:
        """OK: one service call; True when it was written and the dialog closed."""
        self.form.clear_errors()
        for label in (self.message, *self._extra_errors.values()):
            show_message(label, None)
        try:
            result = self._submit(self)
        except ValidationErrors as refused:
            self._show(refused.errors)
            return False
        except FieldCRMError as refused:
            self._show([refused])
            return False
        self.result_value = result
        self._context.announce()
        self.succeeded.emit(result)
        self.accept()
        return True

    def _show(self, errors: list[Any]) -> None:
        general = []
        for error in self.form.show_errors(errors):
            label = self._extra_errors.get(getattr(error, "field", None) or "")
            if label is not None:
                show_message(label, texts.message(error))
            else:
                general.append(texts.message(error))
        show_message(self.message, "\n".join(general))
