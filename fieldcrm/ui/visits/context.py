"""What every visit-log widget is given: the services over one workspace and the data bus.

One object instead of six constructor arguments, built from either a page's
``Session`` or, for the customer card's tab, the editor's workspace and bus,
so the tab can live inside a page that was never told about visits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fieldcrm.domain.catalogue import CatalogueService
from fieldcrm.domain.orders import OrderService
from fieldcrm.domain.planning import PlanningService
from fieldcrm.domain.receivables import ReceivablesService
from fieldcrm.domain.references import Clock
from fieldcrm.domain.reports import ReportService
from fieldcrm.domain.visit_entry import VisitEntryService
from fieldcrm.domain.visits import VisitService
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.page import Session
from fieldcrm.workspace import Workspace

#: the tables a saved visit entry may have changed, announced together on the bus
VISIT_LOG_TABLES = ("visits", "orders", "payments", "urgent_reports")


@dataclass(frozen=True)
class VisitContext:
    workspace: Workspace
    bus: DataBus
    visits: VisitService
    orders: OrderService
    catalogue: CatalogueService
    receivables: ReceivablesService
    planning: PlanningService
    reports: ReportService
    entry: VisitEntryService

    @classmethod
    def create(cls, workspace: Workspace, bus: DataBus, now: Clock = datetime.now) -> VisitContext:
        return cls(
            workspace, bus, VisitService(workspace, now), OrderService(workspace, now), CatalogueService(workspace),
            ReceivablesService(workspace, now), PlanningService(workspace, now), ReportService(workspace, now),
            VisitEntryService(workspace, now),
        )

    @classmethod
    def of(cls, session: Session) -> VisitContext:
        return cls.create(session.workspace, session.bus)

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    @property
    def is_supervisor(self) -> bool:
        identity = self.workspace.identity
        return identity is not None and identity.is_supervisor

    @property
    def user_name(self) -> str:
        identity = self.workspace.identity
        return identity.user_name if identity is not None else ""

    def announce(self, *tables: str) -> None:
        self.bus.notify(*(tables or VISIT_LOG_TABLES))
