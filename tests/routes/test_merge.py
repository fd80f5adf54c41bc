"""Two laptops editing one route at once: after sync both edits survive and every laptop shows the same order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.territories import TerritoryService
from tests.routes.helpers import DEPOT
from tests.sync.replicas import Replica, WorldClock, exchange_all, make_template, new_replica


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def laptops(template: Path, tmp_path: Path) -> Iterator[tuple[Replica, Replica]]:
    """A supervisor's laptop with a zoned route of six shops, and a 西湖区 rep's laptop that has synced it."""
    world = WorldClock()
    sup = new_replica(template, tmp_path / "sup", world, "韩梅梅", Role.SUPERVISOR, None)
    rep = new_replica(template, tmp_path / "rep", world, "李雷", Role.REP, "西湖区")
    territories = TerritoryService(sup.ws)
    area = territories.add("西湖区", parent=territories.add("主城分区").id)
    zone = territories.add("北山街道", parent=area.id)
    shops = [sup.customers.create({"name": f"{n}号店", "latitude": 30.27, "longitude": 120.1 + 0.01 * n})["id"]
             for n in range(8)]
    territories.assign(zone.id, shops)
    routes = RouteService(sup.ws)
    route = routes.create("北山线", territory=zone.id, depot=DEPOT)
    routes.assign(route.id, shops[:6])
    routes.create("二线", territory=zone.id)
    exchange_all([sup, rep])
    yield sup, rep
    sup.close()
    rep.close()


def _order(replica: Replica, route: str = "北山线") -> list[str]:
    return [s.name or "" for s in RouteService(replica.ws).view(route).stops]


def test_a_reorder_and_an_insertion_made_apart_both_survive(laptops: tuple[Replica, Replica]) -> None:
    sup, rep = laptops
    assert _order(rep) == [f"{n}号店" for n in range(6)]
    sup_routes, rep_routes = RouteService(sup.ws), RouteService(rep.ws)
    order = list(sup_routes.view("北山线").order)
    order.insert(4, order.pop(1))  # the supervisor moves 1号店 after 4号店
    sup_routes.set_order("北山线", order)
    rep_routes.assign("北山线", [_shop(rep, "6号店")], cheapest=True)  # the rep adds 6号店
    rep_routes.set_pin("北山线", _shop(rep, "0号店"), "first")
    exchange_all([sup, rep])
    merged = _order(sup)
    assert merged == _order(rep)
    assert sorted(merged) == [f"{n}号店" for n in range(7)]
    assert merged.index("1号店") == merged.index("4号店") + 1
    assert [s.pin.value for s in sup_routes.view("北山线").stops][0] == "first"


def test_moving_one_customer_to_two_routes_at_once_leaves_it_on_one(laptops: tuple[Replica, Replica]) -> None:
    sup, rep = laptops
    RouteService(rep.ws).create("三线")
    exchange_all([sup, rep])
    shop = _shop(sup, "2号店")
    RouteService(sup.ws).move([shop], "二线")
    RouteService(rep.ws).move([shop], "三线")
    exchange_all([sup, rep])
    on = [
        name for name in ("北山线", "二线", "三线")
        if shop in {s.customer_id for s in RouteService(sup.ws).view(name).stops}
    ]
    assert on == ["三线"]  # the later move wins: one stop row, one route
    assert [s.customer_id for s in RouteService(rep.ws).view("三线").stops] == [shop]


def _shop(replica: Replica, name: str) -> str:
    row = replica.db.execute("SELECT id FROM customers WHERE name = ?", [name]).fetchone()
    return str(row[0])
