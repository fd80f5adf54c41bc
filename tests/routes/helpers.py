"""Helpers for the route tests: the services, a small zoned territory, and what a refused write must not change."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from fieldcrm.domain.customers import CustomerService
from fieldcrm.domain.route_split import SplitService
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.territories import TerritoryService
from fieldcrm.domain.week_plan import WeekPlanService
from fieldcrm.errors import FieldError, ValidationErrors
from fieldcrm.workspace import Workspace

FIELD_ERRORS = (FieldError, ValidationErrors)
ROUTE_TABLES = ("territories", "routes", "route_stops")
DEPOT = "30.2750,120.1300"


@dataclass
class Services:
    workspace: Workspace
    customers: CustomerService
    territories: TerritoryService
    routes: RouteService
    split: SplitService
    week: WeekPlanService

    @classmethod
    def of(cls, workspace: Workspace) -> "Services":
        return cls(
            workspace, CustomerService(workspace), TerritoryService(workspace), RouteService(workspace),
            SplitService(workspace), WeekPlanService(workspace),
        )

    @property
    def db(self) -> sqlite_utils.Database:
        return self.workspace.db

    def shop(self, name: str, lat: float | None = None, lon: float | None = None, **fields: str) -> str:
        values: dict[str, object] = {"name": name, **fields}
        if lat is not None:
            values.update(latitude=lat, longitude=lon)
        return str(self.customers.create(values)["id"])


@dataclass
class Town:
    district: str
    area: str
    beishan: str  # zone
    xixi: str  # zone
    shops: list[str] = field(default_factory=list)  # in 北山街道, on a line west to east
    xixi_shops: list[str] = field(default_factory=list)


def build_town(svc: Services) -> Town:
    t = svc.territories
    district = t.add("主城分区", manager="赵明").id
    area = t.add("西湖区", parent=district, manager="陈志刚").id
    town = Town(district, area, t.add("北山街道", parent=area).id, t.add("西溪街道", parent=area).id)
    # Ten shops on a zigzag so their entry order is a poor route.
    for number in range(10):
        lon = 120.10 + 0.005 * (number * 7 % 10)
        town.shops.append(svc.shop(f"北山{number}号店", 30.27 + 0.001 * (number % 2), lon))
    for number in range(4):
        town.xixi_shops.append(svc.shop(f"西溪{number}号店", 30.28, 120.08 + 0.002 * number))
    t.assign(town.beishan, town.shops)
    t.assign(town.xixi, town.xixi_shops)
    return town


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Rows of every table a territory or route write may touch, and of the change log."""
    tables = (*ROUTE_TABLES, "customers", "change")
    return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def card(svc: Services, customer_id: str) -> dict[str, object]:
    row = svc.db.execute(
        "SELECT territory, route, zone_id FROM customers WHERE id = ?", [customer_id]
    ).fetchone()
    return {"territory": row[0], "route": row[1], "zone_id": row[2]}
