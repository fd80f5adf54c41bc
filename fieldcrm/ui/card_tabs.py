"""Tabs other features add to the customer card (visits, assets…), registered in one place.

A card tab is a widget built from the workspace and the data bus, with a
translated ``title()`` and ``set_customer(id or None)`` called whenever the
card shows another customer, or none. The editor only lists them.
"""

from __future__ import annotations

from typing import Callable, Protocol

from PySide6.QtWidgets import QWidget

from fieldcrm.ui.data_bus import DataBus
from fieldcrm.workspace import Workspace


class CardTab(Protocol):
    def set_customer(self, customer_id: str | None) -> None: ...


CardTabFactory = Callable[[Workspace, DataBus, QWidget], tuple[str, QWidget]]


def _visits(workspace: Workspace, bus: DataBus, parent: QWidget) -> tuple[str, QWidget]:
    from fieldcrm.ui.visits.context import VisitContext
    from fieldcrm.ui.visits.customer_visits_tab import CustomerVisitsTab

    return CustomerVisitsTab.title(), CustomerVisitsTab(VisitContext.create(workspace, bus), parent)


def _assets(workspace: Workspace, bus: DataBus, parent: QWidget) -> tuple[str, QWidget]:
    from fieldcrm.ui.assets.context import AssetContext
    from fieldcrm.ui.assets.customer_assets_tab import CustomerAssetsTab

    return CustomerAssetsTab.title(), CustomerAssetsTab(AssetContext.create(workspace, bus), parent=parent)


CARD_TABS: tuple[CardTabFactory, ...] = (_visits, _assets)
