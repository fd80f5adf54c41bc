"""The asset service: a unit's whole life, the rules refusing what they must, deposits, roles, history."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fieldcrm.domain.assets import AssetService
from fieldcrm.errors import FieldError, NotFound, PermissionDenied
from fieldcrm.workspace import Workspace
from tests.assets.helpers import FREEZER, TODAY, counts, service

Shops = tuple[dict[str, Any], dict[str, Any]]


def where(office: AssetService, tag: str = "BG-001") -> tuple[str, str | None, str | None]:
    shown = office.show(tag)
    place = shown["location"]
    return shown["status"], place.get("customer_id"), place.get("name")


def test_register_stores_every_field_in_stock_at_the_default_warehouse(office: AssetService) -> None:
    unit = office.add(FREEZER)
    assert unit["tag"] == "BG-001" and unit["type"] == "freezer" and unit["brand"] == "海尔"
    assert unit["capacity_litres"] == 318 and unit["purchase_date"] == "2024-01-15"
    assert unit["purchase_cost"] == 2150.5
    assert unit["status"] == "in_stock" and unit["location"] == {"kind": "warehouse", "name": "总仓"}
    [received] = unit["history"]
    assert received["kind"] == "add" and received["to"] == {"kind": "warehouse", "name": "总仓"}
    assert received["user"] == "韩梅梅" and received["date"] == "2024-01-20"
    other = office.add({"tag": "ZS-1", "type": "cooler", "warehouse": "城西仓"})
    assert other["location"] == {"kind": "warehouse", "name": "城西仓"}
    assert other["history"][0]["date"] == TODAY.isoformat()


def test_a_whole_life_deploy_inspect_move_repair_retrieve_write_off(office: AssetService, freezer: Any, shops: Shops) -> None:
    first, second = shops
    deployed = office.deploy("bg-001", first["code"], agreement="TF-2026-0001", deposit="500", date="2026-09-01")
    assert deployed["kind"] == "deploy" and deployed["deposit"] == 500.0 and deployed["agreement"] == "TF-2026-0001"
    assert deployed["from"]["kind"] == "warehouse" and deployed["to"]["name"] == "张三超市"
    assert where(office) == ("deployed", first["id"], "张三超市")

    office.inspect("BG-001", {"clean": "yes", "display_ok": "yes", "share_percent": "80", "condition": "working"})
    moved = office.move("BG-001", second["id"], deposit="300")
    assert moved["refund"] == 500.0 and moved["refund_to"]["customer_id"] == first["id"]
    assert where(office) == ("deployed", second["id"], "李四便利店")

    office.repair_request("BG-001", "不制冷")
    assert where(office)[0] == "in_repair"
    office.repair_done("BG-001", "换了温控器")
    assert where(office) == ("deployed", second["id"], "李四便利店")

    back = office.retrieve("BG-001")
    assert back["refund"] == 300.0 and back["refund_to"]["name"] == "李四便利店"
    assert back["to"] == {"kind": "warehouse", "name": "总仓"}
    assert where(office) == ("in_stock", None, "总仓")

    office.write_off("BG-001", "damaged", notes="压缩机烧毁")
    assert where(office)[0] == "retired"
    kinds = [e["kind"] for e in office.show("BG-001")["history"]]
    assert kinds == ["write_off", "retrieve", "repair_done", "repair_request", "move", "inspect", "deploy", "add"]


def test_refused_transitions_name_the_problem_and_write_nothing(
    office: AssetService, freezer: Any, shops: Shops
) -> None:
    first, second = shops
    ws = office.workspace
    refusals = [
        (lambda: office.move("BG-001", second["id"]), "tag: BG-001 is in_stock; only a deployed unit can be moved"),
        (lambda: office.retrieve("BG-001"), "tag: BG-001 is not at a customer (it is in_stock at 总仓)"),
        (lambda: office.repair_done("BG-001"), "tag: BG-001 is in_stock, not in repair"),
        (
            lambda: office.inspect("BG-001", {"clean": "yes", "display_ok": "yes", "share_percent": "9", "condition": "working"}),
            "tag: BG-001 is not at a customer",
        ),
    ]
    office.add({"tag": "BG-002", "type": "freezer"})
    office.deploy("BG-002", first["id"])
    refusals += [
        (lambda: office.deploy("BG-002", second["id"]), "tag: BG-002 is deployed; only a unit in stock can be deployed"),
        (lambda: office.move("BG-002", first["id"]), "customer: BG-002 is already at"),
        (lambda: office.retrieve("BG-002", customer_id=second["code"]), "customer: BG-002 is not at customer"),
    ]
    office.add({"tag": "BG-003", "type": "freezer"})
    office.deploy("BG-003", first["id"])
    office.repair_request("BG-003")
    refusals += [
        (lambda: office.deploy("BG-003", second["id"]), "tag: BG-003 is in_repair; only a unit in stock"),
        (lambda: office.repair_request("BG-003"), "tag: BG-003 is already in repair"),
        (lambda: office.move("BG-003", second["id"]), "tag: BG-003 is in repair; record the repair as done first"),
    ]
    office.add({"tag": "BG-004", "type": "freezer"})
    office.write_off("BG-004", "lost")
    refusals += [
        (lambda: office.deploy("BG-004", first["id"]), "tag: BG-004 is written off (lost)"),
        (lambda: office.write_off("BG-004", "damaged"), "tag: BG-004 is written off (lost)"),
    ]
    for attempt, message in refusals:
        before = counts(ws)
        with pytest.raises(FieldError) as caught:
            attempt()
        assert caught.value.message.startswith(message), caught.value.message
        assert counts(ws) == before, message


def test_a_unit_in_repair_at_a_shop_comes_back_still_in_repair(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"], deposit="200")
    office.repair_request("BG-001", "灯管不亮")
    back = office.retrieve("BG-001", warehouse="城西仓", customer_id=shops[0]["id"])
    assert back["refund"] == 200.0 and back["status"] == "in_repair"
    assert office.show("BG-001")["location"] == {"kind": "warehouse", "name": "城西仓"}
    office.repair_done("BG-001")
    assert office.show("BG-001")["status"] == "in_stock"


def test_deposit_held_is_shown_and_refunded_once(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"], agreement="A-1", deposit="1000.00")
    shown = office.show("BG-001")
    assert shown["placement"]["deposit_held"] == 1000.0 and shown["placement"]["agreement"] == "A-1"
    [at_shop] = office.for_customer(shops[0]["code"])
    assert at_shop["tag"] == "BG-001" and at_shop["deposit_held"] == 1000.0 and at_shop["agreement"] == "A-1"
    assert office.retrieve("BG-001")["refund"] == 1000.0
    assert office.show("BG-001")["placement"] is None
    office.deploy("BG-001", shops[0]["id"])  # back to the same shop, this time without a deposit
    assert office.retrieve("BG-001")["refund"] == 0.0


def test_events_are_stamped_with_who_and_when(office: AssetService, freezer: Any, shops: Shops) -> None:
    event = office.deploy("BG-001", shops[0]["id"], date="2026-09-20")
    assert event["user"] == "韩梅梅" and event["date"] == "2026-09-20"
    assert event["recorded_at"].startswith("20")
    row = office.db.execute("SELECT by_user, site, hlc FROM asset_events WHERE id = ?", [event["id"]]).fetchone()
    assert row[0] == "韩梅梅" and row[1] == office.workspace.require_identity().site_id and row[2] > 0


def test_reps_deploy_and_inspect_but_only_supervisors_register_or_write_off(
    office: AssetService, freezer: Any, shops: Shops, workspace: Workspace
) -> None:
    rep = service(workspace)
    before = counts(workspace)
    with pytest.raises(PermissionDenied, match="^tag: only a supervisor"):
        rep.add({"tag": "X-1", "type": "cooler"})
    with pytest.raises(PermissionDenied, match="^reason: only a supervisor"):
        rep.write_off("BG-001", "lost")
    with pytest.raises(PermissionDenied):
        rep.configure({"low_share_percent": "50"})
    with pytest.raises(PermissionDenied):
        rep.correct("BG-001", warehouse="总仓")
    assert counts(workspace) == before
    # What reps do (deploy, inspect, repair, retrieve) is covered on the rep's laptop in test_asset_sync.


def test_history_is_newest_first_by_event_date(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"], date="2026-08-01")
    for day in ("2026-08-15", "2026-09-10"):
        office.inspect("BG-001", {"date": day, "clean": "yes", "display_ok": "yes", "share_percent": "70", "condition": "working"})
    dates = [e["date"] for e in office.show("BG-001")["history"]]
    assert dates == ["2026-09-10", "2026-08-15", "2026-08-01", "2024-01-20"]


def test_results_are_plain_json(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"], deposit="88.80")
    for result in (office.show("BG-001"), office.list(), office.flags(), office.overdue(), office.settings(), office.review()):
        assert json.loads(json.dumps(result, ensure_ascii=False)) == result


def test_unknown_tags_and_customers_are_not_found(office: AssetService, freezer: Any) -> None:
    with pytest.raises(NotFound, match="^tag: no asset with tag 'NOPE-1'$"):
        office.show("nope-1")
    with pytest.raises(NotFound, match="^customer: no customer with id or code 'C-NONE'$"):
        office.deploy("BG-001", "C-NONE")
    assert office.show(freezer["id"])["tag"] == "BG-001"  # an id works where a tag does
