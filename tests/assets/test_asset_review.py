"""The consistency review: what the merge alone cannot explain is listed until a supervisor settles it."""

from __future__ import annotations

from typing import Any

from fieldcrm.domain.assets import AssetService
from fieldcrm.storage.database import write_transaction

Shops = tuple[dict[str, Any], dict[str, Any]]


def applied(office: AssetService, sql: str, params: list[Any]) -> None:
    """Write as sync applies received values: capture off, inside one transaction."""
    with write_transaction(office.db):
        office.db.execute("UPDATE capture_mode SET applying = 1")
        office.db.execute(sql, params)
        office.db.execute("UPDATE capture_mode SET applying = 0")


def problems(office: AssetService) -> list[tuple[str, str | None]]:
    return [(p["problem"], p.get("tag")) for p in office.review()]


def test_a_normal_life_has_nothing_to_review(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"])
    office.move("BG-001", shops[1]["id"])
    office.retrieve("BG-001")
    assert office.review() == []


def test_a_concurrent_move_received_from_another_laptop_is_listed_then_settled(
    office: AssetService, freezer: Any, shops: Shops
) -> None:
    office.deploy("BG-001", shops[0]["id"])
    # Another laptop, not having seen that deploy, moved the unit from the warehouse to the other shop.
    applied(office, """INSERT INTO asset_events (id, asset_id, kind, on_date, hlc, by_user, site, from_location,
        to_location, status) VALUES ('01OTHER', ?, 'deploy', '2026-09-30', 1, '李雷', 'elsewhere', 'warehouse:总仓', ?, 'deployed')""",
        [freezer["id"], f"customer:{shops[1]['id']}"])
    [problem] = office.review()
    assert problem["problem"] == "concurrent_moves" and "01OTHER" in problem["events"]
    office.correct("BG-001", customer_id=shops[0]["code"], notes="店里确认")
    assert office.review() == []
    assert office.show("BG-001")["history"][0]["kind"] == "correct"


def test_a_location_that_disagrees_with_the_history_is_listed(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"])
    applied(office, "UPDATE assets SET location = ? WHERE id = ?", [f"customer:{shops[1]['id']}", freezer["id"]])
    [problem] = office.review()
    assert problem["problem"] == "location_mismatch"
    assert problem["expected_location"] == f"customer:{shops[0]['id']}"


def test_a_status_that_does_not_fit_the_place_is_listed(office: AssetService, freezer: Any) -> None:
    applied(office, "UPDATE assets SET status = 'deployed' WHERE id = ?", [freezer["id"]])
    assert problems(office) == [("status_mismatch", "BG-001")]


def test_a_unit_at_a_retired_customer_is_listed(
    office: AssetService, freezer: Any, shops: Shops, supervisor_customers: Any
) -> None:
    office.deploy("BG-001", shops[0]["id"])
    supervisor_customers.delete(shops[0]["id"])
    assert problems(office) == [("customer_missing", "BG-001")]
    office.retrieve("BG-001", customer_id=shops[0]["id"])  # it can still be fetched from the closed shop
    assert office.review() == []
