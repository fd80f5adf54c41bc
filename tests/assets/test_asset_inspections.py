"""Inspections: when units are due, which are overdue, which are flagged for supervisors."""

from __future__ import annotations

from typing import Any

import pytest

from fieldcrm.domain.assets import AssetService
from fieldcrm.errors import ValidationErrors
Shops = tuple[dict[str, Any], dict[str, Any]]
GOOD = {"clean": "yes", "display_ok": "yes", "share_percent": "85", "temperature": "-18", "condition": "working"}


def check(office: AssetService, tag: str, date: str, **changes: str) -> dict[str, Any]:
    return office.inspect(tag, {**GOOD, "date": date, **changes})


def test_a_unit_is_due_an_interval_after_its_last_check(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"], date="2026-08-01")
    shown = office.show("BG-001")
    assert (shown["last_checked_on"], shown["due_on"], shown["overdue"]) == ("2026-08-01", "2026-08-31", True)
    check(office, "BG-001", "2026-09-15")
    shown = office.show("BG-001")
    assert (shown["last_checked_on"], shown["due_on"], shown["overdue"]) == ("2026-09-15", "2026-10-15", False)


def test_overdue_lists_deployed_units_longest_overdue_first(office: AssetService, shops: Shops) -> None:
    for tag, deployed_on in (("A-1", "2026-07-01"), ("A-2", "2026-06-01"), ("A-3", "2026-09-20"), ("A-4", "2026-05-01")):
        office.add({"tag": tag, "type": "freezer", "date": "2026-01-05"})
        office.deploy(tag, shops[0]["id"], date=deployed_on)
    office.retrieve("A-4")  # back in stock: nobody inspects a unit in the warehouse
    assert [r["tag"] for r in office.overdue()] == ["A-2", "A-1"]
    assert [r["tag"] for r in office.list(overdue=True)] == ["A-1", "A-2"]
    assert office.count(overdue=True) == 2
    assert [r["tag"] for r in office.overdue(territory="滨江区")] == []
    assert all(r["overdue"] and r["due_on"] < "2026-09-30" for r in office.overdue())


def test_the_interval_is_configurable(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"], date="2026-08-20")
    assert office.count(overdue=True) == 1
    assert office.configure({"inspection_interval_days": "60"})["inspection_interval_days"] == 60
    assert office.count(overdue=True) == 0
    assert office.show("BG-001")["due_on"] == "2026-10-19"
    with pytest.raises(ValidationErrors, match="^inspection_interval_days: must be at least 1$"):
        office.configure({"inspection_interval_days": "0"})
    assert office.settings()["inspection_interval_days"] == 60


def test_faulty_unclean_badly_displayed_and_low_share_units_are_flagged(office: AssetService, shops: Shops) -> None:
    cases = {
        "F-OK": {}, "F-FAULTY": {"condition": "faulty"}, "F-DIRTY": {"clean": "no"},
        "F-DISPLAY": {"display_ok": "no"}, "F-SHARE": {"share_percent": "59"}, "F-EDGE": {"share_percent": "60"},
        "F-ALL": {"condition": "faulty", "clean": "no", "display_ok": "no", "share_percent": "0"},
    }
    for tag, changes in cases.items():
        office.add({"tag": tag, "type": "cooler", "date": "2026-09-01"})
        office.deploy(tag, shops[0]["id"], date="2026-09-01")
        check(office, tag, "2026-09-20", **changes)
    flagged = {f["tag"]: f["reasons"] for f in office.flags()}
    assert flagged == {
        "F-FAULTY": ["faulty"], "F-DIRTY": ["unclean"], "F-DISPLAY": ["display"], "F-SHARE": ["low_share"],
        "F-ALL": ["faulty", "unclean", "display", "low_share"],
    }
    assert office.show("F-SHARE")["flags"] == ["low_share"] and office.show("F-OK")["flags"] == []
    office.configure({"low_share_percent": "61"})
    assert set(f["tag"] for f in office.flags()) == {"F-FAULTY", "F-DIRTY", "F-DISPLAY", "F-SHARE", "F-EDGE", "F-ALL"}
    first = next(f for f in office.flags() if f["tag"] == "F-ALL")
    assert first["customer_name"] == "张三超市" and first["inspected_by"] == "韩梅梅" and first["inspected_on"] == "2026-09-20"


def test_a_flag_clears_with_a_good_inspection_a_repair_or_leaving_the_shop(office: AssetService, shops: Shops) -> None:
    for tag in ("R-1", "R-2", "R-3"):
        office.add({"tag": tag, "type": "freezer", "date": "2026-09-01"})
        office.deploy(tag, shops[0]["id"], date="2026-09-01")
        check(office, tag, "2026-09-10", condition="faulty")
    assert {f["tag"] for f in office.flags()} == {"R-1", "R-2", "R-3"}
    check(office, "R-1", "2026-09-12")
    office.repair_request("R-2", date="2026-09-12")
    assert {f["tag"] for f in office.flags()} == {"R-3"}  # in repair: already being handled
    office.repair_done("R-2", date="2026-09-14")
    office.move("R-3", shops[1]["id"], date="2026-09-14")
    assert office.flags() == []
    assert [office.show(t)["flags"] for t in ("R-1", "R-2", "R-3")] == [[], [], []]


def test_flags_can_be_limited_to_a_territory(office: AssetService, shops: Shops) -> None:
    for tag, shop in (("T-1", shops[0]), ("T-2", shops[1])):
        office.add({"tag": tag, "type": "freezer", "date": "2026-09-01"})
        office.deploy(tag, shop["id"], date="2026-09-01")
        check(office, tag, "2026-09-10", clean="no")
    assert [f["tag"] for f in office.flags(territory="滨江区")] == ["T-2"]


def test_an_inspection_keeps_every_value(office: AssetService, freezer: Any, shops: Shops) -> None:
    office.deploy("BG-001", shops[0]["id"])
    event = office.inspect(
        "BG-001", {"clean": "YES", "display_ok": "no", "share_percent": "100", "temperature": "-40", "condition": "Faulty",
                   "notes": "门封条老化"},
    )
    assert {k: event[k] for k in ("clean", "display_ok", "share_percent", "temperature", "condition", "notes")} == {
        "clean": "yes", "display_ok": "no", "share_percent": 100, "temperature": -40, "condition": "faulty",
        "notes": "门封条老化",
    }

