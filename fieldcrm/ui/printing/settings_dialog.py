"""Print settings: the company name and logo on every page, the paper and the language of every print.

They are this workspace's (``printing.settings``, the same as ``fieldcrm
print settings``). The dialog checks everything when saving, through the
same function the CLI uses: a logo that is not a readable image or a name
too long is shown under its field and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from fieldcrm.errors import FieldError
from fieldcrm.printing import settings as print_settings
from fieldcrm.printing.settings import Paper
from fieldcrm.ui.assets.field_form import error_label
from fieldcrm.ui.i18n import LANGUAGES, translate
from fieldcrm.ui.page import Session


class PrintSettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Print settings"))
        current = print_settings.load(session.workspace)
        self.company = QLineEdit(current.company_name, self)
        self.company.setObjectName("printCompany")
        self.company.setMaxLength(print_settings.MAX_COMPANY_NAME)
        self.logo = QLineEdit(str(current.logo_path or ""), self)
        self.logo.setObjectName("printLogo")
        self.logo.setPlaceholderText(self.tr("No logo"))
        self.logo.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._choose_logo)
        self.paper = QComboBox(self)
        self.paper.setObjectName("printPaper")
        for paper, name in ((Paper.A4, self.tr("A4")), (Paper.LETTER, self.tr("Letter"))):
            self.paper.addItem(name, paper.value)
        self.paper.setCurrentIndex(self.paper.findData(current.paper.value))
        self.language = QComboBox(self)
        self.language.setObjectName("printLanguage")
        for code in print_settings.LANGUAGES:
            self.language.addItem(LANGUAGES.get(code, code), code)
        self.language.setCurrentIndex(self.language.findData(current.language))
        self.errors = {name: error_label(self, name) for name in ("company_name", "company_logo")}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        form = QFormLayout()
        self._add_row(form, self.tr("&Company name:"), self.company)
        form.addRow(self.errors["company_name"])
        self._add_row(form, self.tr("&Logo:"), self.logo, logo_row)
        form.addRow(self.errors["company_logo"])
        self._add_row(form, self.tr("&Paper:"), self.paper)
        self._add_row(form, self.tr("Language of &prints:"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _add_row(
        self, form: QFormLayout, text: str, buddy: QWidget, field: QWidget | QHBoxLayout | None = None,
    ) -> None:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        form.addRow(label, field if field is not None else buddy)

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), self.logo.text(), self.tr("Images (*.png *.jpg *.jpeg)"))
        if name:
            self.logo.setText(name)

    def error_message(self, name: str) -> str:
        """The message shown under a field, empty when it is fine."""
        label = self.errors[name]
        return "" if label.isHidden() else label.text()

    def accept(self) -> None:
        """Save and close; refused input stays in the dialog with the reason under its field."""
        for label in self.errors.values():
            label.hide()
        logo = self.logo.text().strip()
        try:
            print_settings.save(
                self._session.workspace, self.company.text(), Path(logo) if logo else None,
                paper=self.paper.currentData(), language=self.language.currentData(),
            )
        except FieldError as error:
            shown = self.errors.get(error.field, self.errors["company_logo"])
            shown.setText(self._message(error))
            shown.show()
            return
        self._session.bus.notify("meta")
        super().accept()

    def _message(self, error: FieldError) -> str:
        """The error in the user's language, naming the field by its label here."""
        labels = {"company_name": self.tr("Company name"), "company_logo": self.tr("Logo")}
        template = translate(error.context, error.template)
        try:
            return template.format(**{**error.args_map, "field": labels.get(error.field, error.field)})
        except (KeyError, IndexError, ValueError):
            return error.message
