"""The asset list: filters, search, paging and counts agree, for the GUI table and the CLI."""

from __future__ import annotations

from typing import Any

import pytest

from fieldcrm.domain.assets import AssetService

Shops = tuple[dict[str, Any], dict[str, Any]]


@pytest.fixture
def fleet(office: AssetService, shops: Shops) -> AssetService:
    """Six units: three freezers and two coolers at two shops or in stock, one rack retired."""
    units = [
        ("BG-001", "freezer", "海尔", "BC/BD-318HD", shops[0]),
        ("BG-002", "freezer", "澳柯玛", "BC/BD-301HNE", shops[1]),
        ("BG-003", "freezer", "星星", "BD/BC-328E", None),
        ("ZS-001", "cooler", "海尔", "SC-318", shops[0]),
        ("ZS-002", "cooler", "星星", "LSC-316C", None),
        ("HJ-001", "display_rack", "金源", "JY-120", None),
    ]
    for tag, kind, brand, model, shop in units:
        office.add({"tag": tag, "type": kind, "brand": brand, "model": model, "serial_number": f"SN-{tag}"})
        if shop is not None:
            office.deploy(tag, shop["id"])
    office.write_off("HJ-001", "damaged")
    return office


def tags(rows: list[dict[str, Any]]) -> list[str]:
    return [r["tag"] for r in rows]


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, ["BG-001", "BG-002", "BG-003", "HJ-001", "ZS-001", "ZS-002"]),
        ({"status": "deployed"}, ["BG-001", "BG-002", "ZS-001"]),
        ({"status": "retired"}, ["HJ-001"]),
        ({"type": "cooler"}, ["ZS-001", "ZS-002"]),
        ({"status": "in_stock", "type": "freezer"}, ["BG-003"]),
        ({"territory": "西湖区"}, ["BG-001", "ZS-001"]),
        ({"search": "海尔"}, ["BG-001", "ZS-001"]),
        ({"search": "星"}, ["BG-003", "ZS-002"]),
        ({"search": "318"}, ["BG-001", "ZS-001"]),
        ({"search": "zs-00"}, ["ZS-001", "ZS-002"]),
        ({"search": "SN-BG-002"}, ["BG-002"]),
        ({"search": "张三超市"}, ["BG-001", "ZS-001"]),
        ({"search": "zscs"}, ["BG-001", "ZS-001"]),
        ({"search": "李四 澳柯玛"}, ["BG-002"]),
        ({"search": "海尔 li"}, []),
        ({"search": "nothing-like-this"}, []),
    ],
)
def test_filters_and_search(fleet: AssetService, filters: dict[str, Any], expected: list[str]) -> None:
    assert tags(fleet.list(**filters)) == expected
    assert fleet.count(**filters) == len(expected)


def test_filter_by_customer_id_or_code(fleet: AssetService, shops: Shops) -> None:
    assert tags(fleet.list(customer=shops[0]["code"])) == ["BG-001", "ZS-001"]
    assert fleet.count(customer=shops[1]["id"]) == 1


def test_pages_follow_the_tag_order(fleet: AssetService) -> None:
    assert tags(fleet.list(limit=2)) == ["BG-001", "BG-002"]
    assert tags(fleet.list(offset=2, limit=2)) == ["BG-003", "HJ-001"]
    assert tags(fleet.list(offset=6)) == []


def test_rows_carry_what_the_table_shows(fleet: AssetService, shops: Shops) -> None:
    [row] = fleet.list(search="BG-001")
    assert row == {
        "id": row["id"], "tag": "BG-001", "serial_number": "SN-BG-001", "type": "freezer", "brand": "海尔",
        "model": "BC/BD-318HD", "capacity_litres": None, "status": "deployed", "location_kind": "customer",
        "customer_id": shops[0]["id"], "customer_code": shops[0]["code"], "customer_name": "张三超市",
        "territory": "西湖区", "warehouse": None, "last_checked_on": "2026-09-30", "due_on": "2026-10-30",
        "overdue": False,
    }
    [stock] = fleet.list(search="BG-003")
    assert (stock["location_kind"], stock["warehouse"], stock["customer_id"], stock["due_on"]) == (
        "warehouse", "总仓", None, None
    )


def test_a_renamed_shop_is_found_by_its_new_name(fleet: AssetService, supervisor_customers: Any, shops: Shops) -> None:
    supervisor_customers.update(shops[1]["id"], {"name": "好又多超市"})
    assert tags(fleet.list(search="好又多")) == ["BG-002"]
