"""The Routes page: tree, routes, stops with legs, drag and drop with undo, pins and Optimise on a worker."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from pytestqt.qtbot import QtBot

from fieldcrm.domain.route_values import Level, StopPin
from fieldcrm.domain.routes import RouteService
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.print_preview import PrintPreview
from fieldcrm.ui.routes import texts
from fieldcrm.ui.routes.routes_page import RoutesPage
from fieldcrm.ui.routes.stop_model import StopTableModel
from fieldcrm.workspace import open_workspace
from tests.printing.conftest import page_texts
from tests.routes.helpers import DEPOT, Services
from tests.ui.routes.conftest import Routed


def choose_node(page: RoutesPage, name: str | None) -> None:
    """Click a node of the tree by name (None: "All routes")."""
    page.select_node(page.territories.resolve(name) if name else None)


def choose_route(page: RoutesPage, name: str) -> None:
    row = next(n for n, route in enumerate(page.route_model.routes) if route.name == name)
    page.route_table.setCurrentIndex(page.route_model.index(row, 0))


def shown_customers(page: RoutesPage) -> list[str]:
    return [stop.customer_id for stop in page.stop_model.stops]


def cell(page: RoutesPage, row: int, column: str) -> str:
    return page.stop_model.index(row, StopTableModel.columns.index(column)).data()


def test_the_tree_shows_the_territories_and_a_node_lists_its_routes(page: RoutesPage, qtmodeltester) -> None:
    model = page.tree_model
    root = model.index(0, 0)
    assert root.data() == "All routes" and page.tree.isExpanded(root)
    district = model.index(0, 0, root)
    area = model.index(0, 0, district)
    zones = [model.index(row, 0, area).data() for row in range(model.rowCount(area))]
    assert (district.data(), area.data(), zones) == ("主城分区", "西湖区", ["北山街道", "西溪街道"])
    assert model.index(0, 2, root).data() == "赵明" and model.index(0, 2, district).data() == "陈志刚"
    assert model.node(model.index(0, 0, area)).level is Level.ZONE
    assert [r.name for r in page.route_model.routes] == ["北山线", "西溪线"]  # every route under the root

    choose_node(page, "北山街道")
    assert [r.name for r in page.route_model.routes] == ["北山线"]
    assert page.current_route().name == "北山线"  # the first route is shown
    choose_node(page, "西溪街道")
    assert [r.name for r in page.route_model.routes] == ["西溪线"]
    choose_node(page, "西湖区")
    assert [r.name for r in page.route_model.routes] == ["北山线", "西溪线"]
    row = page.route_model.index(0, 0)
    assert [page.route_model.index(0, c).data() for c in range(2, 6)] == ["李雷", "", "Mon Thu", "6"]
    assert row.data() == "北山线"
    qtmodeltester.check(model)
    qtmodeltester.check(page.route_model)


def test_a_route_shows_its_stops_with_legs_and_the_total(page: RoutesPage, routed: Routed, qtmodeltester) -> None:
    lost = routed.svc.shop("没坐标小店")
    routed.svc.territories.assign("北山街道", [lost])
    routed.svc.routes.assign(routed.beishan.id, [lost])
    routed.svc.routes.set_order(routed.beishan.id, [*reversed(routed.svc.routes.view(routed.beishan.id).order)])
    page.session.bus.notify("route_stops")
    choose_route(page, "北山线")
    view = routed.svc.routes.view(routed.beishan.id)
    located = [s for s in view.stops if s.located]
    assert shown_customers(page) == [s.customer_id for s in located] + [lost]  # listed apart, at the end
    for row, stop in enumerate(located):
        assert cell(page, row, "number") == str(row + 1)
        assert cell(page, row, "leg") == texts.km(stop.leg_m)
    assert (cell(page, 6, "number"), cell(page, 6, "leg")) == ("", "no coordinates")
    assert page.stop_model.index(6, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert texts.km(view.total_m) in page.total_label.text() and "7 stop" in page.total_label.text()
    assert texts.km(view.return_m) in page.total_label.text()
    assert page.map_note.text() == "1 customer(s) without coordinates not on the map"
    qtmodeltester.check(page.stop_model)


def test_drag_and_drop_reorders_the_stored_route_and_undo_restores_it(page: RoutesPage, routed: Routed) -> None:
    model = page.stop_model
    before = routed.order(routed.beishan)
    moved = before[4]
    page.select_stops([model.stops[4].stop_id])
    data = model.mimeData([model.index(4, 0), model.index(4, 1)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())  # dropped above row 1
    after = routed.order(routed.beishan)
    assert after == [before[0], moved, *[c for c in before[1:] if c != moved]]
    assert shown_customers(page) == after
    assert [s.customer_id for s in page.selected_stops()] == [moved]  # the selection followed the stop
    assert page.editing.undo_action.isEnabled()

    assert model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 6)  # the first two to the end, as Qt asks
    assert routed.order(routed.beishan) == [*after[2:], *after[:2]]

    page.editing.undo_action.trigger()
    assert routed.order(routed.beishan) == after
    page.editing.undo_action.trigger()
    assert routed.order(routed.beishan) == before and shown_customers(page) == before
    assert not page.editing.undo_action.isEnabled()
    page.editing.redo_action.trigger()
    assert routed.order(routed.beishan) == after
    # Dropping where the stops already are changes nothing and adds no step.
    same = model.mimeData([model.index(2, 0)])
    assert not model.dropMimeData(same, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert page.editing.history.count() == 2


def test_an_undo_step_the_route_no_longer_fits_is_refused_and_dropped(
    page: RoutesPage, routed: Routed, answers
) -> None:
    model = page.stop_model
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    routed.svc.routes.remove(routed.beishan.id, [routed.town.shops[5]])  # another writer (sync) took a stop off
    page.session.bus.notify("route_stops", "customers")
    page.editing.undo_action.trigger()
    assert answers.errors and answers.errors[0].startswith("order:")
    assert page.editing.history.count() == 0 and not page.editing.undo_action.isEnabled()


def test_a_refused_change_names_the_route_field_by_its_label(page: RoutesPage, routed: Routed, answers) -> None:
    model = page.stop_model
    page.select_stops([model.stops[0].stop_id])
    routed.svc.routes.remove(routed.beishan.id, [routed.town.shops[0]])  # sync took it off; the page still shows it
    answers.confirms.append(True)
    page.editing.remove_selected()
    assert len(answers.errors) == 1
    assert answers.errors[0].startswith("Customer: ") and "is not on route 北山线" in answers.errors[0]


def test_pins_are_kept_by_optimise_which_is_undoable(qtbot: QtBot, page: RoutesPage, routed: Routed) -> None:
    shops = routed.town.shops
    pinned = shops[4]
    page.select_stops([s.stop_id for s in page.stop_model.stops if s.customer_id == pinned])
    assert page.editing.pin_action.isEnabled()
    page.editing.pin_actions[StopPin.FIRST].trigger()
    assert cell(page, shown_customers(page).index(pinned), "pin") == "First"
    before = routed.svc.routes.view(routed.beishan.id)

    job = page.editing.optimise()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    after = routed.svc.routes.view(routed.beishan.id)
    assert after.stops[0].customer_id == pinned and after.stops[0].pin is StopPin.FIRST
    assert after.total_m < before.total_m
    assert shown_customers(page) == [s.customer_id for s in after.stops]
    assert page.result_label.text() == "北山线: {before} → {after}".format(
        before=texts.km(before.total_m), after=texts.km(after.total_m)
    )
    assert page.editing.undo_action.text() == "&Undo Optimise 北山线"
    page.editing.undo_action.trigger()
    assert routed.svc.routes.view(routed.beishan.id).order == before.order


def test_optimise_solves_on_a_worker_while_the_window_stays_live_and_cancel_writes_nothing(
    qtbot: QtBot, page: RoutesPage, routed: Routed, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    solve = RouteService.propose_order

    def slow(service: RouteService, route: str):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        time.sleep(0.4)
        return solve(service, route)

    monkeypatch.setattr(RouteService, "propose_order", slow)
    before = routed.order(routed.beishan)
    job = page.editing.optimise()
    assert job is not None and page.progress.isVisible() and page.cancel_button.isVisible()
    assert not page.editing.optimise_action.isEnabled() and not page.editing.add_action.isEnabled()
    ticks: list[int] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    with qtbot.waitSignal(job.succeeded, timeout=10_000):
        pass
    timer.stop()
    assert threads and threads[0] is not threading.main_thread()
    assert len(ticks) >= 5  # the event loop kept running while the route was solved
    assert routed.order(routed.beishan) != before
    qtbot.waitUntil(lambda: not page.progress.isVisible())
    assert page.editing.optimise_action.isEnabled()

    changed = routed.order(routed.beishan)
    job = page.editing.optimise()
    assert job is not None
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert routed.order(routed.beishan) == changed
    assert page.result_label.text() == "Optimising cancelled; nothing was changed"


def test_the_page_refreshes_from_the_data_bus_keeping_the_selection(page: RoutesPage, routed: Routed) -> None:
    choose_node(page, "西湖区")
    choose_route(page, "北山线")
    chosen = [page.stop_model.stops[1].stop_id, page.stop_model.stops[3].stop_id]
    page.select_stops(chosen)
    routed.svc.routes.update(routed.beishan.id, name="北山一线")
    routed.svc.customers.update(routed.town.shops[0], {"name": "北山新店"})
    page.session.bus.notify("routes", "customers")
    assert page.current_node().name == "西湖区"
    assert page.current_route().name == "北山一线"
    assert [s.stop_id for s in page.selected_stops()] == chosen
    assert sorted(page.map.selected_stops()) == sorted(chosen)
    assert cell(page, shown_customers(page).index(routed.town.shops[0]), "name") == "北山新店"


def test_a_read_only_workspace_shows_routes_but_changes_nothing(windows, routed: Routed) -> None:
    reader = open_workspace(routed.svc.workspace.folder, read_only=True)
    try:
        window: MainWindow = windows(reader)
        shown = window.pages["routes"]
        assert isinstance(shown, RoutesPage)
        assert shown.stop_model.rowCount() == 6
        shown.select_stops([shown.stop_model.stops[0].stop_id])
        editing = shown.editing
        for action in (
            editing.optimise_action, editing.pin_action, editing.add_action, editing.remove_action,
            editing.move_action, editing.split_action, editing.undo_action,
        ):
            assert not action.isEnabled(), action.text()
        model = shown.stop_model
        assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
        dragged = model.mimeData([model.index(0, 0)])
        assert not model.dropMimeData(dragged, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
        assert shown.editing.optimise() is None
        assert window.close()
    finally:
        reader.close()


def test_the_routes_page_is_in_the_navigation(window: MainWindow) -> None:
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert "Routes" in titles and window.navigation.currentRow() == titles.index("Routes")
    assert not window.navigation.item(titles.index("Routes")).icon().isNull()


def test_changes_made_while_another_page_is_shown_are_read_on_return(
    window: MainWindow, page: RoutesPage, routed: Routed
) -> None:
    assert window.show_page("customers")
    routed.svc.routes.remove(routed.beishan.id, routed.town.shops[:2])
    page.session.bus.notify("route_stops", "customers")
    assert page.stop_model.rowCount() == 6  # hidden: not read yet
    assert window.show_page("routes")
    assert shown_customers(page) == routed.order(routed.beishan) and page.stop_model.rowCount() == 4


def test_a_reps_routes_outside_any_tree_are_listed_and_edited(qtbot: QtBot, windows, workspace) -> None:
    """A rep's laptop has no tree until sync brings one; its routes hang under "All routes"."""
    rep = Services.of(workspace)
    shops = [rep.shop(f"店{n}", 30.27 + 0.002 * (n % 3), 120.10 + 0.004 * n) for n in range(5)]
    route = rep.routes.create("我的线", depot=DEPOT, days="wed")
    rep.routes.assign(route.id, shops)
    window: MainWindow = windows(workspace)
    assert window.show_page("routes")
    shown = window.pages["routes"]
    assert isinstance(shown, RoutesPage)
    assert shown.tree_model.rowCount(shown.tree_model.index(0, 0)) == 0
    assert shown.current_node() is None and shown.current_route().name == "我的线"
    assert shown.editing.optimise_action.isEnabled() and shown.editing.add_action.isEnabled()
    assert not shown.editing.split_action.isEnabled()  # no zones to split
    shown.select_stops([shown.stop_model.stops[0].stop_id])
    shown.editing.pin_actions[StopPin.LAST].trigger()
    assert cell(shown, 0, "pin") == "Last"
    job = shown.editing.optimise()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert rep.routes.view(route.id).stops[-1].customer_id == shops[0]
    assert shown_customers(shown)[-1] == shops[0]


def test_the_print_menu_prints_the_shown_route(qtbot: QtBot, page: RoutesPage, routed: Routed, tmp_path: Path) -> None:
    choose_node(page, None)
    page.route_table.clearSelection()
    page.route_table.setCurrentIndex(QModelIndex())
    assert not page.printing.action.isEnabled()
    choose_route(page, "北山线")
    assert page.printing.action.isEnabled()
    entries = {entry.objectName(): entry for entry in page.printing.menu.actions()}
    assert set(entries) == {"printVisitSheet", "printRouteCards", "printInspectionSheet"}
    entries["printRouteCards"].trigger()
    preview = page.printing.preview
    assert isinstance(preview, PrintPreview) and "北山线" in preview.windowTitle()
    qtbot.waitUntil(lambda: not preview.job.running, timeout=30_000)
    target = tmp_path / "cards.pdf"
    assert preview.save(target)
    assert sum("第 1 页" in text for text in page_texts(target.read_bytes())) == 6
    preview.close()
