"""Demo routes: a valid tree and one optimised route per route name on the cards, the same for the same seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldcrm.demo import build_demo, hangzhou
from fieldcrm.demo_routes import build_routes
from fieldcrm.domain.route_values import Level, RouteKind
from fieldcrm.domain.routes import RouteService
from fieldcrm.domain.territories import TerritoryService
from fieldcrm.errors import WorkspaceError
from fieldcrm.workspace import Workspace, open_workspace
from tests.conftest import make_workspace

CUSTOMERS = 80


def _demo(folder: Path) -> Workspace:
    ws = open_workspace(folder, create=True)
    build_demo(ws, customers=CUSTOMERS, seed=3)
    return ws


def _shape(ws: Workspace) -> list[tuple[str, list[str], list[str]]]:
    """Routes by name with their days and stops (by card name and street: ids and codes differ per run)."""
    routes = RouteService(ws)
    cards = {r[0]: f"{r[1]}|{r[2]}" for r in ws.db.execute("SELECT id, name, street FROM customers")}
    return [
        (r.name, [d.value for d in r.days], [cards[s.customer_id] for s in routes.view(r.id).stops])
        for r in routes.list_routes()
    ]


def test_demo_routes_are_valid_and_reproducible(tmp_path: Path) -> None:
    ws, again = _demo(tmp_path / "a"), _demo(tmp_path / "b")
    try:
        steps: list[tuple[int, int]] = []
        summary = build_routes(ws, seed=3, progress=lambda done, total: steps.append((done, total)))
        build_routes(again, seed=3)
        assert (summary.stops, summary.unrouted) == (CUSTOMERS, 0)
        assert steps[-1] == (summary.routes, summary.routes)
        tree = TerritoryService(ws).tree()
        assert [n.name for n in tree] == ["东部分区", "主城分区", "西部分区"]
        areas = [a for d in tree for a in d.children]
        assert sorted(a.name for a in areas) == sorted(d.name for d in hangzhou.DISTRICTS)
        assert all(a.level is Level.AREA and all(z.level is Level.ZONE for z in a.children) for a in areas)
        assert sum(n.customers for n in tree) == CUSTOMERS
        assert summary.territories == 3 + len(areas) + sum(len(a.children) for a in areas)
        names = {r[0] for r in ws.db.execute("SELECT DISTINCT route FROM customers")}
        routes = RouteService(ws).list_routes()
        assert {r.name for r in routes} == names and len(routes) == summary.routes
        for route in routes:
            view = RouteService(ws).view(route.id)
            assert route.kind is RouteKind.VISITING and route.depot is not None and len(route.days) == 1
            assert route.territory_id in {a.id for a in areas} and route.rep and route.delivery
            on_cards = {r[0] for r in ws.db.execute("SELECT id FROM customers WHERE route = ?", [route.name])}
            assert {s.customer_id for s in view.stops} == on_cards
            assert RouteService(ws).optimise(route.id).after_m == pytest.approx(view.total_m, rel=0.01)
        assert _shape(ws) == _shape(again)
        with pytest.raises(WorkspaceError, match="already has territories or routes"):
            build_routes(ws)
    finally:
        ws.close()
        again.close()


def test_a_reps_demo_gets_routes_but_no_tree(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "rep", user="陈志刚", territory="西湖区")
    try:
        build_demo(ws, customers=20, seed=3)
        summary = build_routes(ws, seed=3)
        assert summary.territories == 0 and TerritoryService(ws).tree() == []
        routes = RouteService(ws).list_routes()
        assert routes and all(r.territory == "西湖区" and r.territory_id is None for r in routes)
        assert sum(r.stops for r in routes) == 20
    finally:
        ws.close()
