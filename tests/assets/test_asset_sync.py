"""Asset writes are captured for sync, and two laptops deploying one freezer offline end as a conflict.

The offline double deploy runs through the real merge (``sync.merge.apply_incoming``):
whichever deploy wins, the unit is in exactly one shop, both deploy events are
kept as history, the losing location is listed as a conflict and the asset
review lists the unit until a supervisor settles it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldcrm.domain.asset_review import reconcile_check
from fieldcrm.domain.assets import AssetService
from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService

from fieldcrm.sync.conflicts import list_conflicts
from fieldcrm.sync.merge import apply_incoming
from fieldcrm.sync.outbox import collect_outgoing
from fieldcrm.sync.roles import Author
from fieldcrm.workspace import Workspace, open_workspace
from tests.assets.helpers import FREEZER, service

Shops = tuple[dict[str, Any], dict[str, Any]]


def captured(db: Any, table: str, row_id: str) -> dict[str, Any]:
    """The newest captured value of each field of one row."""
    rows = db.execute(
        "SELECT field, value FROM change WHERE tbl = ? AND row_id = ? ORDER BY hlc", [table, row_id]
    ).fetchall()
    return dict(rows)


def test_every_write_is_captured_in_change(office: AssetService, shops: Shops) -> None:
    unit = office.add(FREEZER)
    site = office.workspace.require_identity().site_id
    fields = captured(office.db, "assets", unit["id"])
    assert fields["tag"] == "BG-001" and fields["status"] == "in_stock" and fields["location"] == "warehouse:总仓"
    assert fields["purchase_cost"] == 215050
    event = office.deploy("BG-001", shops[0]["id"], agreement="TF-1", deposit="500")
    assert captured(office.db, "assets", unit["id"])["location"] == f"customer:{shops[0]['id']}"
    logged = captured(office.db, "asset_events", event["id"])
    assert logged["kind"] == "deploy" and logged["deposit"] == 50000 and logged["agreement"] == "TF-1"
    assert logged["asset_id"] == unit["id"] and logged["to_location"] == f"customer:{shops[0]['id']}"
    before = office.db.execute("SELECT count(*) FROM change WHERE tbl = 'assets'").fetchone()[0]
    office.inspect("BG-001", {"clean": "yes", "display_ok": "yes", "share_percent": "70", "condition": "working"})
    after = office.db.execute("SELECT count(*) FROM change WHERE tbl = 'assets'").fetchone()[0]
    assert after == before  # an inspection moves nothing: only its event row is new
    sites = {r[0] for r in office.db.execute("SELECT DISTINCT site FROM change WHERE tbl LIKE 'asset%'")}
    assert sites == {site}


def test_derived_tables_are_local_and_never_synced(office: AssetService) -> None:
    from fieldcrm.sync.registry import SYNCED_TABLES

    assert {"assets", "asset_events"} <= set(SYNCED_TABLES)
    assert not {"asset_checks", "asset_forks", "asset_search"} & set(SYNCED_TABLES)


def laptop(folder: Path, user: str, role: Role, territory: str | None) -> Workspace:
    ws = open_workspace(folder, create=True)
    ws.initialise(user, role, territory)
    return ws


def send(sender: Workspace, receiver: Workspace) -> None:
    me = sender.require_identity()
    result = apply_incoming(receiver.db, collect_outgoing(sender.db), Author(me.user_name, me.role, me.territory, me.site_id))
    assert result.rejected == []


@pytest.fixture
def laptops(tmp_path: Path) -> Any:
    office = laptop(tmp_path / "office", "韩梅梅", Role.SUPERVISOR, None)
    rep = laptop(tmp_path / "rep", "李雷", Role.REP, "西湖区")
    yield office, rep
    office.close()
    rep.close()


def test_two_laptops_deploying_one_freezer_offline_end_as_a_conflict_not_two_shops(laptops: Any) -> None:
    office_ws, rep_ws = laptops
    customers = CustomerService(office_ws)
    north = customers.create({"name": "张三超市", "territory": "西湖区"})
    south = customers.create({"name": "王五超市", "territory": "西湖区"})
    office, rep = service(office_ws), service(rep_ws)
    unit = office.add(FREEZER)
    send(office_ws, rep_ws)
    assert rep.show("BG-001")["status"] == "in_stock"

    # Both offline: the office deploys it north, the rep deploys the same unit south.
    by_office = office.deploy("BG-001", north["id"], agreement="TF-N", deposit="500")
    by_rep = rep.deploy("BG-001", south["code"], agreement="TF-S", deposit="300")
    send(office_ws, rep_ws)
    send(rep_ws, office_ws)

    places = {f"customer:{north['id']}", f"customer:{south['id']}"}
    rows = [ws.db.execute("SELECT * FROM assets WHERE id = ?", [unit["id"]]).fetchall() for ws in laptops]
    assert rows[0] == rows[1] and len(rows[0]) == 1  # both laptops agree on one row
    for ws, svc in ((office_ws, office), (rep_ws, rep)):
        status, location = ws.db.execute("SELECT status, location FROM assets WHERE id = ?", [unit["id"]]).fetchone()
        assert status == "deployed" and location in places
        # In exactly one shop, whichever list is asked.
        assert len(svc.for_customer(north["id"])) + len(svc.for_customer(south["id"])) == 1
        assert svc.count(status="deployed") == 1
        deploys = {e["id"] for e in svc.show("BG-001")["history"] if e["kind"] == "deploy"}
        assert deploys == {by_office["id"], by_rep["id"]}  # both kept as history
        [conflict] = [c for c in list_conflicts(ws.db) if c.tbl == "assets" and c.row_id == unit["id"]]
        assert conflict.field == "location" and {conflict.winner.value, conflict.loser.value} == places
        [problem] = reconcile_check(ws.db)
        assert problem["problem"] == "concurrent_moves" and problem["tag"] == "BG-001"
        assert set(problem["events"]) >= {by_office["id"], by_rep["id"]}

    # The supervisor settles it: the unit is really in the shop the merge kept.
    kept = office_ws.db.execute("SELECT location FROM assets WHERE id = ?", [unit["id"]]).fetchone()[0]
    office.correct("BG-001", customer_id=kept.split(":", 1)[1], notes="现场确认")
    assert office.review() == []
    send(office_ws, rep_ws)
    assert rep.review() == []
    refund = rep.retrieve("BG-001")["refund"]
    assert refund == (500.0 if kept == f"customer:{north['id']}" else 300.0)  # the deposit of the placement kept


def test_events_arriving_out_of_order_still_give_the_right_checks(laptops: Any) -> None:
    """The local derived tables take the newest values whatever order sync writes events in."""
    office_ws, rep_ws = laptops
    shop = CustomerService(office_ws).create({"name": "张三超市", "territory": "西湖区"})
    office = service(office_ws)
    office.add({**FREEZER, "date": "2026-08-01"})
    office.deploy("BG-001", shop["id"], date="2026-08-02")
    office.inspect("BG-001", {"date": "2026-09-20", "clean": "no", "display_ok": "yes", "share_percent": "90", "condition": "working"})
    records = collect_outgoing(office_ws.db)
    events = [r for r in records if r["tbl"] == "asset_events"]
    others = [r for r in records if r["tbl"] != "asset_events"]
    me = office_ws.require_identity()
    author = Author(me.user_name, me.role, me.territory, me.site_id)
    newest_event = max(events, key=lambda r: r["hlc"])["row"]
    late = [r for r in events if r["row"] == newest_event]
    early = [r for r in events if r["row"] != newest_event]
    for batch in (late, others, early):  # the inspection first, the unit and its earlier events later
        apply_incoming(rep_ws.db, batch, author)
    rep = service(rep_ws)
    shown = rep.show("BG-001")
    assert (shown["last_checked_on"], shown["flags"]) == ("2026-09-20", ["unclean"])
    assert [f["tag"] for f in rep.flags()] == ["BG-001"]
    assert rep.review() == [] and rep.list(search="bg-001")[0]["tag"] == "BG-001"
