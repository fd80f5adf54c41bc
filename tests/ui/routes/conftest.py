"""Fixtures for the Routes page: a small zoned town with two routes, and the main window showing the page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from fieldcrm.domain.route_model import Route
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.routes.routes_page import RoutesPage
from fieldcrm.workspace import Workspace
from tests.routes.helpers import DEPOT, Services, Town, build_town


@dataclass
class Routed:
    svc: Services
    town: Town
    beishan: Route  # 北山线: six shops of 北山街道, from the depot, Monday and Thursday
    xixi: Route  # 西溪线: the four shops of 西溪街道, no depot, Tuesday

    def order(self, route: Route) -> list[str]:
        """The stored order, as customer ids."""
        return [stop.customer_id for stop in self.svc.routes.view(route.id).stops]


@pytest.fixture
def routed(supervisor_workspace: Workspace) -> Routed:
    svc = Services.of(supervisor_workspace)
    town = build_town(svc)
    beishan = svc.routes.create("北山线", territory="北山街道", depot=DEPOT, days="mon,thu", rep="李雷")
    svc.routes.assign(beishan.id, town.shops[:6])
    xixi = svc.routes.create("西溪线", territory="西溪街道", days="tue", rep="王芳")
    svc.routes.assign(xixi.id, town.xixi_shops)
    return Routed(svc, town, beishan, xixi)


@pytest.fixture
def window(windows: Callable[[Workspace], MainWindow], routed: Routed) -> MainWindow:
    """The app's main window on the town, showing the Routes page."""
    opened = windows(routed.svc.workspace)
    assert opened.show_page("routes")
    return opened


@pytest.fixture
def page(window: MainWindow) -> RoutesPage:
    found = window.pages["routes"]
    assert isinstance(found, RoutesPage)
    return found
