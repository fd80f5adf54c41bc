"""File > Print settings…: company, logo, paper and language, checked on saving and used by every print."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from fieldcrm.printing import settings as print_settings
from fieldcrm.printing.settings import Paper
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.printing import actions
from fieldcrm.ui.printing.settings_dialog import PrintSettingsDialog
from fieldcrm.workspace import Workspace
from tests.printing.conftest import COMPANY, PNG, Populated, reader
from tests.printing.gui.conftest import rendered, texts_of

Windows = Callable[[Workspace], MainWindow]


def test_saved_settings_are_on_the_next_print(qtbot: QtBot, windows: Windows, populated: Populated,
                                             tmp_path: Path) -> None:
    window = windows(populated.workspace)
    changed: list[set[str]] = []
    window.session.bus.changed.connect(changed.append)
    dialog = PrintSettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.company.text() == ""
    assert (dialog.paper.currentData(), dialog.language.currentData()) == ("a4", "zh_CN")
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    dialog.company.setText(f"  {COMPANY} ")
    dialog.logo.setText(str(logo))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and changed == [{"meta"}]
    stored = print_settings.load(populated.workspace)
    assert (stored.company_name, stored.logo_path, stored.paper, stored.language) == (
        COMPANY, logo, Paper.LETTER, "en")

    preview = rendered(qtbot, actions.print_customer_cards(window.session, populated.customer_ids[:1], window))
    target = tmp_path / "out"
    target.mkdir()
    texts = texts_of(preview, target)
    assert COMPANY in texts[0] and "Customer card" in texts[0]
    first = reader((target / "preview.pdf").read_bytes()).pages[0]
    assert round(float(first.mediabox.width)) == 612  # Letter


def test_a_bad_logo_is_shown_under_its_field_and_nothing_is_saved(qtbot: QtBot, windows: Windows,
                                                                   populated: Populated, tmp_path: Path) -> None:
    window = windows(populated.workspace)
    dialog = PrintSettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    dialog.company.setText(COMPANY)
    dialog.logo.setText(str(bad))
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error_message("company_logo").startswith(f"Logo: cannot read the image {bad}")
    assert dialog.error_message("company_name") == ""
    assert print_settings.load(populated.workspace).company_name == ""
    dialog.logo.clear()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.error_message("company_logo") == ""
    assert print_settings.load(populated.workspace).company_name == COMPANY


def test_the_file_menu_opens_the_print_settings(qtbot: QtBot, windows: Windows, populated: Populated) -> None:
    window = windows(populated.workspace)
    action = window.findChild(QAction, "printSettingsAction")
    assert action is not None and action.isEnabled()
    opened: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PrintSettingsDialog)
        opened.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, answer)
    action.trigger()
    assert opened == ["Print settings"]
