"""Reviewing real conflicts on the Sync page: listed readably, settled by the buttons, announced on the bus."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fieldcrm.domain.customers import CustomerService
from fieldcrm.ui.sync.conflict_model import ConflictModel
from fieldcrm.ui.sync.conflict_review import ConflictReview
from fieldcrm.workspace import Workspace
from tests.ui.sync.conftest import MakePage
from tests.ui.sync.exchange import city_conflict, deleted_while_edited, send
from tests.ui.sync.fakes import FakeEngine


def test_the_conflict_model_passes_the_model_tester(
    qtmodeltester: ModelTester, workspace: Workspace, other_laptop: Workspace
) -> None:
    city_conflict(workspace, other_laptop)
    deleted_while_edited(workspace, other_laptop)
    model = ConflictModel()
    model.set_rows(ConflictReview(workspace).rows())
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_a_field_conflict_is_listed_and_the_other_value_taken(
    qtbot: QtBot, make_page: MakePage, workspace: Workspace, other_laptop: Workspace, engine: FakeEngine
) -> None:
    card = city_conflict(workspace, other_laptop)
    page = make_page(workspace, engine)
    panel = page.conflicts
    code = CustomerService(workspace).get(card)["code"]
    row = panel.selected()
    assert row is not None
    assert (row.record, row.field, row.current, row.other) == (f"{code} 张三超市", "City", "温州", "宁波")
    assert row.current_by.startswith("韩梅, ") and row.other_by.startswith("李雷, ")
    assert (panel.keep_button.text(), panel.other_button.text()) == ("Keep current", "Use other value")

    with qtbot.waitSignal(page._session.bus.changed) as changed:
        panel.other_button.click()
    assert changed.args == [{"customers"}]
    assert CustomerService(workspace).get(card)["city"] == "宁波"
    assert panel.model.rowCount() == 0 and panel.empty_label.isVisible()
    assert not panel.keep_button.isEnabled()


def test_keeping_the_current_value_settles_it_for_the_other_laptop_too(
    make_page: MakePage, workspace: Workspace, other_laptop: Workspace, engine: FakeEngine
) -> None:
    card = city_conflict(workspace, other_laptop)
    page = make_page(workspace, engine)
    page.conflicts.keep_button.click()
    send(workspace, other_laptop)
    assert ConflictReview(other_laptop).rows() == []
    assert CustomerService(other_laptop).get(card)["city"] == "温州"


def test_a_delete_that_raced_an_edit_can_be_undone_keeping_the_edit(
    make_page: MakePage, workspace: Workspace, other_laptop: Workspace, engine: FakeEngine
) -> None:
    card = deleted_while_edited(workspace, other_laptop)
    page = make_page(workspace, engine)
    panel = page.conflicts
    row = panel.selected()
    assert row is not None and row.is_delete
    assert (row.current, row.other) == ("Deleted", "Phones: 13912345678")
    assert (panel.keep_button.text(), panel.other_button.text()) == ("Keep deleted", "Restore with the edit")
    panel.other_button.click()
    restored = CustomerService(workspace).get(card)
    assert (restored["deleted"], restored["phones"]) == (0, "13912345678")
    assert panel.model.rowCount() == 0


def test_a_conflict_settled_meanwhile_is_reported_inline(
    make_page: MakePage, workspace: Workspace, other_laptop: Workspace, engine: FakeEngine
) -> None:
    card = city_conflict(workspace, other_laptop)
    page = make_page(workspace, engine)
    CustomerService(workspace).update(card, {"city": "宁波"})  # typing the losing value settles it, unannounced
    page.conflicts.keep_button.click()
    assert page.conflicts.error_label.isVisible()
    assert page.conflicts.error_label.text() == "This conflict is already resolved"
    assert page.conflicts.model.rowCount() == 0


def test_the_list_follows_changes_announced_by_others(
    make_page: MakePage, workspace: Workspace, other_laptop: Workspace, engine: FakeEngine
) -> None:
    page = make_page(workspace, engine)
    assert page.conflicts.model.rowCount() == 0
    city_conflict(workspace, other_laptop)
    page._session.bus.notify("visits")
    assert page.conflicts.model.rowCount() == 1
