"""The pages of the main window, in navigation order.

Adding a capability (Visits, Assets, Routes, Sync, Review) is one line here:
``PageSpec(key, title, icon, factory)``. The key names the page in saved
settings, the title is marked for translation in the "Pages" context, the
icon is a file name in resources/icons, and the factory builds the page from
the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from fieldcrm.i18n import QT_TRANSLATE_NOOP
from fieldcrm.ui.assets.assets_page import AssetsPage
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.page import Page, Session
from fieldcrm.ui.routes.routes_page import RoutesPage
from fieldcrm.ui.sync.sync_page import SyncPage
from fieldcrm.ui.visits.visits_page import VisitsPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[Session], Page]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("customers", QT_TRANSLATE_NOOP("Pages", "Customers"), "customers", CustomersPage),
    PageSpec("visits", QT_TRANSLATE_NOOP("Pages", "Visits"), "calendar", VisitsPage),
    PageSpec("assets", QT_TRANSLATE_NOOP("Pages", "Assets"), "assets", AssetsPage),
    PageSpec("routes", QT_TRANSLATE_NOOP("Pages", "Routes"), "routes", RoutesPage),
    PageSpec("sync", QT_TRANSLATE_NOOP("Pages", "Sync"), "sync", SyncPage),
)
