"""Adding, removing and moving stops, and splitting a zone, through the page's actions and dialogs."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from fieldcrm.domain.route_split import route_lengths
from fieldcrm.ui.routes import texts
from fieldcrm.ui.routes.routes_page import RoutesPage
from fieldcrm.ui.routes.split_dialog import SplitDialog
from fieldcrm.ui.routes.stop_dialogs import AddStopDialog, MoveStopsDialog
from tests.routes.helpers import DEPOT
from tests.ui.conftest import Prompts
from tests.ui.routes.conftest import Routed


def choose(page: RoutesPage, routed: Routed, customers: list[str]) -> None:
    page.select_stops([s.stop_id for s in page.stop_model.stops if s.customer_id in customers])


def test_a_customer_is_added_where_it_adds_least_and_one_on_another_route_is_moved(
    page: RoutesPage, routed: Routed, answers: Prompts
) -> None:
    shops = routed.town.shops
    dialog = page.editing.add_customer()
    assert isinstance(dialog, AddStopDialog) and dialog.cheapest.isChecked()
    dialog.picker.setText(routed.svc.customers.get(shops[6])["code"])
    dialog.accept()
    assert not dialog.isVisible()
    order = routed.order(routed.beishan)
    assert len(order) == 7 and shops[6] in order
    assert shops[6] in [s.customer_id for s in page.stop_model.stops]
    assert routed.svc.customers.get(shops[6])["route"] == "北山线"

    other = routed.svc.routes.create("北山二线", territory="北山街道")
    routed.svc.routes.assign(other.id, [shops[7]])
    dialog = page.editing.add_customer()
    assert isinstance(dialog, AddStopDialog)
    dialog.picker.setText(shops[7])
    answers.confirms.append(False)
    dialog.accept()
    assert dialog.isVisible() and "is on visiting route 北山二线" in dialog.error.text()
    answers.confirms.append(True)
    dialog.accept()
    assert not dialog.isVisible() and shops[7] in routed.order(routed.beishan)
    assert routed.svc.routes.view(other.id).stops == ()


def test_the_selected_stops_are_removed_after_asking(page: RoutesPage, routed: Routed, answers: Prompts) -> None:
    shops = routed.town.shops
    choose(page, routed, shops[1:3])
    answers.confirms.append(False)
    page.editing.remove_action.trigger()
    assert len(routed.order(routed.beishan)) == 6
    answers.confirms.append(True)
    page.editing.remove_action.trigger()
    assert routed.order(routed.beishan) == [shops[0], *shops[3:6]]
    assert "Take 2 customer(s) off 北山线?" in answers.asked[-1]
    assert routed.svc.customers.get(shops[1])["route"] is None
    assert page.stop_model.rowCount() == 4 and not page.selected_stops()


def test_stops_move_to_another_route_and_a_refusal_stays_in_the_dialog(
    page: RoutesPage, routed: Routed, answers: Prompts
) -> None:
    shops = routed.town.shops
    area_route = routed.svc.routes.create("西湖线", territory="西湖区", depot=DEPOT)
    page.session.bus.notify("routes")
    choose(page, routed, [shops[0], shops[4]])
    dialog = page.editing.move_selected()
    assert isinstance(dialog, MoveStopsDialog)
    assert [dialog.target.itemText(row) for row in range(dialog.target.count())] == ["西湖线", "西溪线"]
    dialog.target.setCurrentIndex(1)  # 西溪线: its zone does not hold 北山 customers
    assert not dialog.cheapest.isEnabled()  # no start point there
    dialog.accept()
    assert dialog.isVisible() and "outside route 西溪线's territory 西溪街道" in dialog.error.text()
    assert dialog.error.text().startswith("Customer:")
    dialog.target.setCurrentIndex(0)
    assert dialog.cheapest.isEnabled() and dialog.cheapest.isChecked()
    dialog.accept()
    assert not dialog.isVisible()
    assert sorted(routed.order(area_route)) == sorted([shops[0], shops[4]])
    assert routed.order(routed.beishan) == [shops[1], shops[2], shops[3], shops[5]]


def test_moving_with_no_other_route_of_the_kind_says_so(page: RoutesPage, routed: Routed, answers: Prompts) -> None:
    routed.svc.routes.delete(routed.xixi.id)
    page.session.bus.notify("routes", "route_stops", "customers")
    choose(page, routed, routed.town.shops[:1])
    assert page.editing.move_selected() is None
    assert answers.infos == ["There is no other visiting route to move to."]


def test_a_zone_is_split_into_balanced_routes_from_a_proposal(
    qtbot: QtBot, page: RoutesPage, routed: Routed
) -> None:
    page.select_node(routed.town.beishan)
    assert page.editing.split_action.isEnabled()
    page.select_node(routed.town.area)
    assert not page.editing.split_action.isEnabled()  # only zones are split
    page.select_node(routed.town.beishan)
    dialog = page.editing.split_zone()
    assert isinstance(dialog, SplitDialog)
    assert not dialog.accept_button.isEnabled()
    dialog.count.setValue(3)
    with qtbot.waitSignal(dialog.propose().finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: dialog.accept_button.isEnabled())
    groups = dialog.groups()
    assert len(groups) == 3 and sorted(c for g in groups for c in g) == sorted(routed.town.shops)
    assert sorted(len(g) for g in groups) == [3, 3, 4]
    shown = [dialog.proposal.topLevelItem(n).text(1) for n in range(3)]
    assert all(text.endswith(" km") for text in shown)  # each proposed route's length
    moved = groups[0][0]
    dialog.proposal.topLevelItem(0).child(0).setSelected(True)
    dialog.move_selected(2)  # adjust: the first customer of route 1 goes to route 3
    assert dialog.groups()[2][-1] == moved and len(dialog.groups()[0]) == len(groups[0]) - 1
    zone = routed.svc.split.territories.get(routed.town.beishan, "zone")
    customers = {c["id"]: c for c in routed.svc.split.territories.customers(zone.id)}
    lengths = route_lengths(routed.svc.split.propose(zone.id, 3).start, dialog.groups(), customers)
    assert [dialog.proposal.topLevelItem(n).text(1).split(" · ")[1] for n in range(3)] == [texts.km(m) for m in lengths]
    assert dialog.proposal.topLevelItem(2).text(1) != shown[2]  # measured again after the move
    dialog.proposal.topLevelItem(1).setText(0, "北山中线")
    adjusted = dialog.groups()
    dialog.accept()
    assert not dialog.isVisible() and dialog.result is not None
    assert [r.name for r in dialog.result.routes] == ["北山街道-1", "北山中线", "北山街道-3"]
    assert dialog.result.retired == ("北山线",)  # every stop of it moved
    assert [r.name for r in page.route_model.routes] == ["北山中线", "北山街道-1", "北山街道-3"]
    assert [c for r in dialog.result.routes for c in routed.order(r)] == [c for g in adjusted for c in g]
