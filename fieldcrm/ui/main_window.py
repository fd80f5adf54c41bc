"""The main window: navigation, menus, status bar, and nothing about any page.

Pages come from ``fieldcrm.ui.pages.PAGES``; the window only lists them,
asks the shown page before leaving it, and remembers its own geometry and
the last page in QSettings. It deliberately holds no data: pages get what
they need from the ``Session``.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QByteArray, QUrl, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QStackedWidget, QWidget,
)

from fieldcrm import __version__
from fieldcrm.paths import log_dir
from fieldcrm.ui import prompts
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.i18n import LANGUAGES, choice_label, store_language, stored_language, translate
from fieldcrm.ui.icons import icon
from fieldcrm.ui.index_rebuild import IndexRebuildStatus
from fieldcrm.ui.page import Page, Session
from fieldcrm.ui.pages import PAGES, PageSpec
from fieldcrm.ui.printing.menu import add_print_actions
from fieldcrm.ui.settings import app_settings

GEOMETRY_KEY = "main/geometry"
STATE_KEY = "main/state"
PAGE_KEY = "main/page"


class MainWindow(QMainWindow):
    def __init__(self, session: Session, pages: Sequence[PageSpec] = PAGES) -> None:
        super().__init__()
        self.session = session
        self.setWindowIcon(icon("fieldcrm"))
        self.setWindowTitle(self.tr("FieldCRM — {workspace}").format(workspace=session.workspace.folder))
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget(self)
        self.pages: dict[str, Page] = {}
        self._keys: list[str] = []
        self.go_menu_actions: list[QAction] = []
        for number, spec in enumerate(pages, start=1):
            self._add_page(number, spec)
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 24)
        self.navigation.currentRowChanged.connect(self._go_to_row)
        session.bus.open_customer.connect(self.open_customer)
        session.bus.handed_over.connect(self._hold_pages)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self._restore()

    def _add_page(self, number: int, spec: PageSpec) -> None:
        page = spec.factory(self.session)
        page.setObjectName(f"page_{spec.key}")
        title = translate("Pages", spec.title)
        self.stack.addWidget(page)
        item = QListWidgetItem(icon(spec.icon), title)
        item.setData(Qt.ItemDataRole.UserRole, spec.key)
        self.navigation.addItem(item)
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.show_page(spec.key))
        self.go_menu_actions.append(action)
        self.pages[spec.key] = page
        self._keys.append(spec.key)

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        add_print_actions(file_menu, self.session, self)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for action in self.go_menu_actions:
            go_menu.addAction(action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language (applies after restart)"))
        group = QActionGroup(self)
        current = stored_language()
        choices: list[tuple[str | None, str]] = [(None, self.tr("System language")), *LANGUAGES.items()]
        self.language_actions: dict[str | None, QAction] = {}
        for code, name in choices:
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
            action.triggered.connect(lambda checked=False, code=code: self.choose_language(code))
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("Open the &log folder"), self._open_log_folder)
        help_menu.addAction(self.tr("&About FieldCRM"), self._about)

    def _build_status_bar(self) -> None:
        identity = self.session.workspace.identity
        if identity is None:
            owner = self.tr("No owner")
        else:
            role = choice_label(identity.role)
            if identity.territory:
                owner = self.tr("{user} · {role} · {territory}").format(
                    user=identity.user_name, role=role, territory=identity.territory
                )
            else:
                owner = self.tr("{user} · {role}").format(user=identity.user_name, role=role)
        self.statusBar().addWidget(IndexRebuildStatus(self.session, self))
        self.owner_label = QLabel(owner, self)
        self.owner_label.setObjectName("ownerLabel")
        self.statusBar().addPermanentWidget(self.owner_label)
        if self.session.read_only:
            self.statusBar().addPermanentWidget(QLabel(self.tr("Read-only"), self))

    def _hold_pages(self, held: bool) -> None:
        """While a first sync has the workspace's file, stay on the Sync page and print nothing."""
        self.navigation.setEnabled(not held)
        self.file_menu.setEnabled(not held)
        for action in self.go_menu_actions:
            action.setEnabled(not held)

    # -- pages ----------------------------------------------------------------

    @property
    def current_key(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def show_page(self, key: str) -> bool:
        """Switch pages, unless the shown one has unsaved work the user wants to keep."""
        if key == self.current_key:
            return True
        if not self.pages[self.current_key].can_leave():
            self._select_nav_row(self.stack.currentIndex())
            return False
        row = self._keys.index(key)
        self.stack.setCurrentIndex(row)
        self._select_nav_row(row)
        self.stack.currentWidget().setFocus()
        return True

    def open_customer(self, customer_id: str) -> None:
        """Show a customer's card on the Customers page, whichever page asked (the route map, the week plan)."""
        customers = self.pages.get("customers")
        if isinstance(customers, CustomersPage) and self.show_page("customers"):
            customers.open_customer(customer_id)

    def _go_to_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.show_page(self._keys[row])

    def _select_nav_row(self, row: int) -> None:
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(row)
        self.navigation.blockSignals(False)

    # -- settings -------------------------------------------------------------

    def choose_language(self, code: str | None) -> None:
        store_language(code)
        prompts.show_info(
            self, self.tr("Language"), self.tr("The new language is used from the next time you start FieldCRM.")
        )

    def _restore(self) -> None:
        settings = app_settings()
        geometry = settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 800)
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        key = settings.value(PAGE_KEY)
        row = self._keys.index(key) if key in self._keys else 0
        self.stack.setCurrentIndex(row)
        self._select_nav_row(row)
        self.stack.currentWidget().setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # Only the shown page can hold unsaved work: leaving a page already asked it.
        if not self.pages[self.current_key].can_leave():
            event.ignore()
            return
        settings = app_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.setValue(PAGE_KEY, self.current_key)
        for page in self.pages.values():
            page.save_state()
        self.session.tasks.shutdown()
        event.accept()

    # -- help -----------------------------------------------------------------

    def _open_log_folder(self) -> None:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About FieldCRM"),
            self.tr("FieldCRM {version}\nOffline-first CRM for field sales teams.\n\nWorkspace: {workspace}").format(
                version=__version__, workspace=self.session.workspace.folder
            ),
        )
