"""What every asset widget is given: the service over one workspace and the data bus.

One object instead of several constructor arguments, built from a page's
``Session`` or, for the customer card's tab, from the editor's workspace and
bus, so the tab can live inside a page that was never told about assets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from fieldcrm.domain.assets import AssetService
from fieldcrm.domain.customers import CustomerService
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.page import Session
from fieldcrm.workspace import Workspace

#: the tables an asset write changes, as announced on the bus
ASSET_TABLES = ("assets", "asset_events")


@dataclass(frozen=True)
class AssetContext:
    workspace: Workspace
    bus: DataBus
    assets: AssetService
    customers: CustomerService

    @classmethod
    def create(cls, workspace: Workspace, bus: DataBus, today: Callable[[], date] = date.today) -> "AssetContext":
        return cls(workspace, bus, AssetService(workspace, today=today), CustomerService(workspace))

    @classmethod
    def of(cls, session: Session) -> "AssetContext":
        return cls.create(session.workspace, session.bus)

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    @property
    def is_supervisor(self) -> bool:
        identity = self.workspace.identity
        return identity is not None and identity.is_supervisor

    def announce(self) -> None:
        """After every asset write: lists, open asset windows and customer tabs refresh from this."""
        self.bus.notify(*ASSET_TABLES)


def touches_assets(tables: set[str]) -> bool:
    """Whether a bus announcement may change what an asset view shows (customer names appear in them too)."""
    return bool(tables & {*ASSET_TABLES, "customers"})
