"""The route map: drawn from coordinates, numbered markers, the depot, clicks that open cards, zoom and pan."""

from __future__ import annotations

import random

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldcrm.domain.route_model import Route, RouteView, StopView
from fieldcrm.domain.route_values import RouteKind, StopPin
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.routes.map_view import RouteMapView
from fieldcrm.ui.routes.routes_page import RoutesPage
from tests.ui.routes.conftest import Routed


def colours(image: QImage, step: int = 4) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def marker_position(view: RouteMapView, stop_id: str) -> QPoint:
    return view.mapFromScene(view.markers[stop_id].scenePos())


def synthetic_route(stops: int, seed: int = 7) -> RouteView:
    rng = random.Random(seed)
    shown = tuple(
        StopView(f"s{n}", f"c{n}", f"C-{n:04d}", f"店{n}", StopPin.FIXED if n == 3 else StopPin.NONE,
                 30.25 + rng.uniform(-0.1, 0.1), 120.15 + rng.uniform(-0.1, 0.1), 100.0)
        for n in range(stops)
    )
    route = Route("r1", "大线", RouteKind.VISITING, None, None, None, None, (30.25, 120.15), (), stops, 0.0)
    return RouteView(route, shown, 100.0, 100.0 * stops)


def test_the_map_draws_numbered_stops_the_tour_and_the_depot(page: RoutesPage, routed: Routed) -> None:
    view = page.map
    shown = page.stop_model.stops
    assert len(view.markers) == len(shown) == 6
    for number, stop in enumerate(shown, start=1):
        marker = view.markers[stop.stop_id]
        (label,) = marker.childItems()
        assert label.text() == str(number)
    assert view.depot_marker is not None and view.tour is not None
    assert view.tour.path().elementCount() == 8  # from the depot through six stops and back to it
    image = view.viewport().grab().toImage()
    assert len(colours(image)) > 3  # background, tour, markers, depot: not blank
    for stop in shown:
        assert view.viewport().rect().contains(marker_position(view, stop.stop_id))  # fitted: all in sight


def test_pinned_stops_are_marked_and_unlocated_ones_left_off(page: RoutesPage, routed: Routed) -> None:
    lost = routed.svc.shop("没坐标小店")
    routed.svc.territories.assign("北山街道", [lost])
    routed.svc.routes.assign(routed.beishan.id, [lost])
    routed.svc.routes.set_pin(routed.beishan.id, routed.town.shops[2], "last")
    page.session.bus.notify("route_stops", "customers")
    assert page.stop_model.rowCount() == 7 and len(page.map.markers) == 6
    pinned = next(s for s in page.stop_model.stops if s.customer_id == routed.town.shops[2])
    marker = page.map.markers[pinned.stop_id]
    assert "Pinned: Last" in marker.toolTip()
    plain = next(m for stop_id, m in page.map.markers.items() if stop_id != pinned.stop_id)
    assert marker.path().boundingRect() != plain.path().boundingRect() or marker.pen() != plain.pen()


def test_clicking_a_stop_opens_its_card_in_the_main_window(
    qtbot: QtBot, window: MainWindow, page: RoutesPage
) -> None:
    stop = page.stop_model.stops[2]
    with qtbot.waitSignal(page.session.bus.open_customer, timeout=2000) as opened:
        qtbot.mouseClick(page.map.viewport(), Qt.MouseButton.LeftButton, pos=marker_position(page.map, stop.stop_id))
    assert opened.args == [stop.customer_id]
    assert window.current_key == "customers"
    customers = window.pages["customers"]
    assert isinstance(customers, CustomersPage)
    assert customers.editor.customer_id == stop.customer_id


def test_ctrl_click_picks_stops_on_the_map_and_the_table_follows(
    qtbot: QtBot, window: MainWindow, page: RoutesPage
) -> None:
    first, third = page.stop_model.stops[0], page.stop_model.stops[2]
    page.select_stops([first.stop_id])
    assert page.map.selected_stops() == [first.stop_id]
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.mouseClick(page.map.viewport(), Qt.MouseButton.LeftButton, ctrl, marker_position(page.map, third.stop_id))
    assert window.current_key == "routes"  # picking is not opening
    assert [s.stop_id for s in page.selected_stops()] == [first.stop_id, third.stop_id]
    row = page.stop_table.visualRect(page.stop_model.index(4, 1)).center()
    qtbot.mouseClick(page.stop_table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, row)
    assert page.map.selected_stops() == [page.stop_model.stops[4].stop_id]


def test_the_wheel_zooms_around_the_cursor_dragging_pans_and_fit_shows_all(qtbot: QtBot, page: RoutesPage) -> None:
    view = page.map
    fitted = view.transform().m11()
    at = QPointF(view.viewport().width() * 0.3, view.viewport().height() * 0.6)
    under = view.mapToScene(at.toPoint())
    wheel = QWheelEvent(
        at, view.viewport().mapToGlobal(at), QPoint(), QPoint(0, 240), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.transform().m11() > fitted * 1.5
    after = view.mapToScene(at.toPoint())
    assert abs(after.x() - under.x()) < 2 / view.transform().m11() + 1  # the point under the cursor stayed
    assert abs(after.y() - under.y()) < 2 / view.transform().m11() + 1

    centre = view.mapToScene(view.viewport().rect().center())
    empty = QPointF(5, 5)
    assert view.marker_at(empty) is None
    for kind, point, buttons in (
        (QMouseEvent.Type.MouseButtonPress, empty, Qt.MouseButton.LeftButton),
        (QMouseEvent.Type.MouseMove, QPointF(45, 35), Qt.MouseButton.LeftButton),
        (QMouseEvent.Type.MouseMove, QPointF(85, 65), Qt.MouseButton.LeftButton),
        (QMouseEvent.Type.MouseButtonRelease, QPointF(85, 65), Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind, point, view.viewport().mapToGlobal(point), Qt.MouseButton.LeftButton, buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view.viewport(), event)
    moved = view.mapToScene(view.viewport().rect().center())
    assert (moved - centre).manhattanLength() > 10 / view.transform().m11()

    qtbot.mouseClick(page.fit_button, Qt.MouseButton.LeftButton)
    assert view.transform().m11() == fitted


def test_a_thousand_stop_route_is_drawn_with_a_marker_each(qtbot: QtBot) -> None:
    view = RouteMapView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    route = synthetic_route(1000)
    view.show_route(route)
    assert len(view.markers) == 1000
    assert view.tour is not None and view.tour.path().elementCount() == 1002
    assert len(colours(view.viewport().grab().toImage())) > 3
    view.show_route(None)
    assert view.markers == {} and not view.scene().items()
