"""Routes: fields, who is on them (one route per kind), order, pins, legs, undo."""

from __future__ import annotations

import pytest

from fieldcrm.domain.route_values import RouteKind, StopPin, Weekday
from fieldcrm.routing import haversine_m
from tests.routes.helpers import DEPOT, FIELD_ERRORS, Services, Town, card, counts


def test_a_route_keeps_its_fields_and_is_found_by_id_or_name(sup: Services, town: Town) -> None:
    made = sup.routes.create(
        " 北山 周一线 ", kind="delivery", territory="北山街道", depot=DEPOT, days="thu, 周一", rep="陈志刚",
        delivery="郭杰",
    )
    route = sup.routes.get("北山 周一线")
    assert route == made
    assert (route.name, route.kind, route.territory_id, route.territory) == (
        "北山 周一线", RouteKind.DELIVERY, town.beishan, "西湖区")
    assert (route.rep, route.delivery, route.depot, route.days) == (
        "陈志刚", "郭杰", (30.275, 120.13), (Weekday.MON, Weekday.THU))
    assert route.to_json() == {
        "id": route.id, "name": "北山 周一线", "kind": "delivery", "territory_id": town.beishan,
        "territory": "西湖区", "rep": "陈志刚", "delivery": "郭杰", "depot": {"lat": 30.275, "lon": 120.13},
        "days": ["mon", "thu"], "stops": 0, "length_m": 0,
    }


def test_routes_of_a_node_include_those_of_the_nodes_under_it(sup: Services, town: Town) -> None:
    sup.routes.create("北山线", territory="北山街道")
    sup.routes.create("西溪线", territory="西溪街道", kind="delivery")
    sup.routes.create("无片区线")
    assert [r.name for r in sup.routes.list_routes()] == ["北山线", "无片区线", "西溪线"]
    assert [r.name for r in sup.routes.list_routes("西湖区")] == ["北山线", "西溪线"]
    assert [r.name for r in sup.routes.list_routes("北山街道")] == ["北山线"]
    assert [r.name for r in sup.routes.list_routes(kind="delivery")] == ["西溪线"]


def test_a_reps_route_outside_the_tree_stays_in_the_reps_territory(rep: Services) -> None:
    assert rep.routes.create("我的线").territory == "西湖区"


def test_one_route_of_each_kind_and_moving_is_explicit(sup: Services, town: Town) -> None:
    first, second = sup.routes.create("一线"), sup.routes.create("二线")
    delivery = sup.routes.create("送货线", kind="delivery")
    shop = town.shops[0]
    (stop,) = sup.routes.assign(first.id, [shop])
    assert card(sup, shop)["route"] == "一线"
    before = counts(sup.db)
    with pytest.raises(FIELD_ERRORS, match="^customer: .* is on visiting route 一线; move it from there"):
        sup.routes.assign(second.id, [town.shops[1], shop])
    with pytest.raises(FIELD_ERRORS, match="^customer: .* is already on route 一线"):
        sup.routes.assign("一线", [shop])
    assert counts(sup.db) == before
    sup.routes.assign(delivery.id, [shop])  # a delivery run is another kind
    assert sup.routes.move([shop], "二线") == [stop]  # the same stop row, now on another route
    assert [s.customer_id for s in sup.routes.view("二线").stops] == [shop]
    assert sup.routes.view("一线").stops == ()
    assert card(sup, shop)["route"] == "二线"  # the card follows the visiting route, not the delivery one
    with pytest.raises(FIELD_ERRORS, match="is on no visiting route; assign it instead"):
        sup.routes.move([town.shops[1]], "二线")


def test_removing_and_deleting_take_customers_off_and_clear_their_card(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线")
    sup.routes.assign(route.id, town.shops[:3])
    sup.routes.remove(route.id, [town.shops[0]])
    assert card(sup, town.shops[0])["route"] is None
    assert [s.customer_id for s in sup.routes.view(route.id).stops] == town.shops[1:3]
    sup.routes.delete(route.id)
    assert sup.routes.list_routes() == [] and card(sup, town.shops[1])["route"] is None
    assert sup.db.execute("SELECT count(*) FROM route_stops WHERE deleted = 0").fetchone()[0] == 0
    sup.routes.create("一线")  # the name is free again


def test_renaming_follows_onto_the_cards_and_a_new_territory_rescopes_the_stops(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线", territory="北山街道")
    sup.routes.assign(route.id, town.shops[:2])
    assert sup.routes.update(route.id, name="北山一线", depot=DEPOT, rep="陈志刚") == ["name", "depot", "rep"]
    assert card(sup, town.shops[0])["route"] == "北山一线"
    assert sup.routes.update("北山一线", territory="主城分区", depot=DEPOT) == ["territory"]
    assert {r[0] for r in sup.db.execute("SELECT territory FROM route_stops WHERE deleted = 0")} == {"主城分区"}
    assert sup.routes.update("北山一线", depot="", days="") == ["depot"]
    assert sup.routes.get(route.id).depot is None


def test_a_customer_zoned_outside_the_routes_territory_is_refused(sup: Services, town: Town) -> None:
    route = sup.routes.create("北山线", territory="北山街道")
    with pytest.raises(FIELD_ERRORS, match="^customer: .* is in zone 西溪街道, outside route 北山线's territory 北山街道"):
        sup.routes.assign(route.id, [town.xixi_shops[0]])
    sup.routes.assign(route.id, town.shops[:2])
    with pytest.raises(FIELD_ERRORS, match="^customer: "):
        sup.routes.update(route.id, territory="西溪街道")
    assert sup.routes.get(route.id).territory_id == town.beishan


def test_legs_run_from_the_depot_through_each_located_stop_and_back(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线", depot=DEPOT)
    lost = sup.shop("没坐标小店")
    sup.routes.assign(route.id, [town.shops[0], lost, town.shops[1]])
    view = sup.routes.view(route.id)
    a, b = (sup.customers.get(s) for s in town.shops[:2])
    depot = (30.275, 120.13)
    assert [s.leg_m for s in view.stops][1] is None
    assert view.stops[0].leg_m == pytest.approx(haversine_m(depot, (a["latitude"], a["longitude"])))
    assert view.stops[2].leg_m == pytest.approx(haversine_m((a["latitude"], a["longitude"]), (b["latitude"], b["longitude"])))
    assert view.return_m == pytest.approx(haversine_m((b["latitude"], b["longitude"]), depot))
    assert view.total_m == pytest.approx(view.stops[0].leg_m + view.stops[2].leg_m + view.return_m)
    assert view.unlocated == (lost,)
    sup.routes.update(route.id, depot="")
    plain = sup.routes.view(route.id)
    assert plain.stops[0].leg_m is None and plain.return_m is None
    assert plain.total_m == pytest.approx(view.stops[2].leg_m)


def test_optimising_shortens_keeps_pins_and_puts_the_unlocated_last(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线", depot=DEPOT)
    lost = sup.shop("没坐标小店")
    shops = town.shops
    sup.routes.assign(route.id, [*shops[:4], lost, *shops[4:]])
    sup.routes.set_pin(route.id, shops[5], "first")
    sup.routes.set_pin(route.id, shops[0], "LAST")
    sup.routes.set_pin(route.id, shops[2], "fixed")  # third among the located stops
    before = sup.routes.view(route.id)
    result = sup.routes.optimise(route.id)
    after = sup.routes.view(route.id)
    order = [s.customer_id for s in after.stops]
    assert result.before_m == pytest.approx(before.total_m) and result.after_m == pytest.approx(after.total_m)
    assert result.after_m < result.before_m
    assert order[0] == shops[5] and order[2] == shops[2] and order[-2] == shops[0] and order[-1] == lost
    assert sorted(order) == sorted([*shops, lost])
    assert result.unlocated == (lost,) and after.unlocated == (lost,)
    assert result.previous_order == before.order and result.order == after.order
    assert [s.pin for s in after.stops if s.pin is not StopPin.NONE] == [StopPin.FIRST, StopPin.FIXED, StopPin.LAST]
    assert sup.routes.set_order(route.id, result.previous_order) == result.order  # undo
    assert sup.routes.view(route.id).order == before.order
    sup.routes.set_pin(route.id, shops[5], "none")
    assert {s.customer_id: s.pin for s in sup.routes.view(route.id).stops}[shops[5]] is StopPin.NONE


def test_cheapest_insertion_puts_a_customer_between_its_neighbours_writing_one_row(sup: Services) -> None:
    route = sup.routes.create("直线", depot="30.0,120.0")
    line = [sup.shop(f"{n}号", 30.0, 120.0 + 0.01 * n) for n in (1, 2, 4, 5)]
    sup.routes.assign(route.id, line)
    newest = sup.db.execute("SELECT max(hlc) FROM change").fetchone()[0]
    middle = sup.shop("3号", 30.0, 120.03)
    (stop,) = sup.routes.assign(route.id, [middle], cheapest=True)
    assert [s.customer_id for s in sup.routes.view(route.id).stops] == [*line[:2], middle, *line[2:]]
    written = sup.db.execute("SELECT DISTINCT row_id FROM change WHERE tbl = 'route_stops' AND hlc > ?", [newest])
    assert [r[0] for r in written] == [stop]
    far = sup.shop("没坐标")
    sup.routes.assign(route.id, [far], cheapest=True)
    assert sup.routes.view(route.id).stops[-1].customer_id == far


def test_set_order_takes_exactly_the_routes_stops(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线")
    sup.routes.assign(route.id, town.shops[:3])
    order = sup.routes.view(route.id).order
    before = counts(sup.db)
    for bad in (order[:2], (*order[:2], order[0]), (*order[:2], "nope")):
        with pytest.raises(FIELD_ERRORS, match="^order: expected each of the route's 3 stops exactly once"):
            sup.routes.set_order(route.id, bad)
    assert counts(sup.db) == before
    assert sup.routes.set_order(route.id, order[::-1]) == order
    assert sup.routes.view(route.id).order == order[::-1]


def test_a_retired_customer_drops_out_of_the_route_until_restored(sup: Services, town: Town) -> None:
    route = sup.routes.create("一线")
    sup.routes.assign(route.id, town.shops[:3])
    sup.customers.delete(town.shops[1])
    view = sup.routes.view(route.id)
    assert [s.customer_id for s in view.stops] == [town.shops[0], town.shops[2]]
    sup.routes.set_order(route.id, view.order[::-1])
    sup.customers.restore(town.shops[1])
    assert len(sup.routes.view(route.id).stops) == 3


def test_optimising_an_empty_or_unlocated_route_changes_nothing(sup: Services) -> None:
    route = sup.routes.create("空线", depot=DEPOT)
    empty = sup.routes.optimise(route.id)
    assert (empty.before_m, empty.after_m, empty.order) == (0.0, 0.0, ())
    lost = sup.shop("没坐标小店")
    sup.routes.assign(route.id, [lost])
    result = sup.routes.optimise(route.id)
    assert (result.after_m, result.unlocated) == (0.0, (lost,))
