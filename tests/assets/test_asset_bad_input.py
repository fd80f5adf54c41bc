"""Every kind of bad input gets an error naming the field, and nothing is written."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from fieldcrm.domain.assets import AssetService
from fieldcrm.errors import FieldCRMError, ValidationErrors
from tests.assets.helpers import FREEZER, counts

Shops = tuple[dict[str, Any], dict[str, Any]]
GOOD = {"clean": "yes", "display_ok": "yes", "share_percent": "75", "condition": "working"}

CASES: dict[str, tuple[Callable[[AssetService, Shops], object], str]] = {
    "duplicate tag": (lambda s, c: s.add(FREEZER), "tag: BG-001 is already the tag of another unit"),
    "duplicate tag other case": (lambda s, c: s.add({**FREEZER, "tag": " Bg-001 "}), "tag: BG-001 is already"),
    "tag with spaces": (lambda s, c: s.add({"tag": "BG 9", "type": "freezer"}), "tag: 'BG 9' may hold only"),
    "no tag": (lambda s, c: s.add({"type": "freezer"}), "tag: is required"),
    "blank tag": (lambda s, c: s.add({"tag": "  ", "type": "freezer"}), "tag: is required"),
    "no type": (lambda s, c: s.add({"tag": "X-1"}), "type: is required"),
    "unknown type": (lambda s, c: s.add({"tag": "X-1", "type": "fridge"}), "type: 'fridge' is not one of freezer"),
    "unknown field": (lambda s, c: s.add({"tag": "X-1", "type": "cooler", "colour": "red"}), "colour: unknown field"),
    "bad cost": (lambda s, c: s.add({"tag": "X-1", "type": "cooler", "purchase_cost": "12.345"}), "purchase_cost: '12.345' is not an amount"),
    "negative capacity": (lambda s, c: s.add({"tag": "X-1", "type": "cooler", "capacity_litres": "-1"}), "capacity_litres: must be at least 0"),
    "bad purchase date": (lambda s, c: s.add({"tag": "X-1", "type": "cooler", "purchase_date": "2024-02-30"}), "purchase_date: '2024-02-30' is not a real calendar date"),
    "received in future": (lambda s, c: s.add({"tag": "X-1", "type": "cooler", "date": "2030-01-01"}), "date: 2030-01-01 is in the future"),
    "unknown tag": (lambda s, c: s.deploy("BG-404", c[0]["id"]), "tag: no asset with tag 'BG-404'"),
    "unknown customer": (lambda s, c: s.deploy("BG-001", "C-404"), "customer: no customer with id or code 'C-404'"),
    "negative deposit": (lambda s, c: s.deploy("BG-001", c[0]["id"], deposit="-5"), "deposit: must be at least 0"),
    "deposit not money": (lambda s, c: s.deploy("BG-001", c[0]["id"], deposit="five"), "deposit: 'five' is not an amount"),
    "deploy date in future": (lambda s, c: s.deploy("BG-001", c[0]["id"], date="2026-10-01"), "date: 2026-10-01 is in the future"),
    "deploy before received": (lambda s, c: s.deploy("BG-001", c[0]["id"], date="2023-12-31"), "date: 2023-12-31 is before the unit's last event"),
    "retrieve from stock": (lambda s, c: s.retrieve("BG-001"), "tag: BG-001 is not at a customer"),
    "inspect in stock": (lambda s, c: s.inspect("BG-001", GOOD), "tag: BG-001 is not at a customer"),
    "bad write-off reason": (lambda s, c: s.write_off("BG-001", "stolen"), "reason: 'stolen' is not one of lost, damaged"),
    "no place to correct to": (lambda s, c: s.correct("BG-001"), "location: give either a customer or a warehouse"),
    "two places to correct to": (lambda s, c: s.correct("BG-001", c[0]["id"], "总仓"), "location: give either"),
    "bad status filter": (lambda s, c: s.list(status="broken"), "status: 'broken' is not one of in_stock"),
    "bad type filter": (lambda s, c: s.count(type="fridge"), "type: 'fridge' is not one of"),
    "negative page": (lambda s, c: s.list(offset=-1), "offset: must be at least 0"),
    "bad setting": (lambda s, c: s.configure({"low_share_percent": "101"}), "low_share_percent: must be at most 100"),
}
INSPECTIONS: dict[str, tuple[dict[str, str], str]] = {
    "share above 100": ({**GOOD, "share_percent": "101"}, "share_percent: must be at most 100"),
    "share below 0": ({**GOOD, "share_percent": "-1"}, "share_percent: must be at least 0"),
    "share not a number": ({**GOOD, "share_percent": "80%"}, "share_percent: '80%' is not a whole number"),
    "share missing": ({k: v for k, v in GOOD.items() if k != "share_percent"}, "share_percent: is required"),
    "clean not yes or no": ({**GOOD, "clean": "sort of"}, "clean: 'sort of' is not one of yes, no"),
    "condition unknown": ({**GOOD, "condition": "ok"}, "condition: 'ok' is not one of working, faulty"),
    "temperature too hot": ({**GOOD, "temperature": "45"}, "temperature: must be at most 40"),
    "temperature decimal": ({**GOOD, "temperature": "-18.5"}, "temperature: '-18.5' is not a whole number"),
    "unknown inspection field": ({**GOOD, "smell": "fine"}, "smell: unknown field"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_naming_the_field(office: AssetService, freezer: Any, shops: Shops, case: str) -> None:
    attempt, message = CASES[case]
    before = counts(office.workspace)
    settings = office.settings()
    with pytest.raises(FieldCRMError) as caught:
        attempt(office, shops)
    assert caught.value.message.startswith(message), caught.value.message
    assert counts(office.workspace) == before
    assert office.settings() == settings


@pytest.mark.parametrize("case", INSPECTIONS)
def test_bad_inspections_are_refused_naming_the_field(office: AssetService, freezer: Any, shops: Shops, case: str) -> None:
    office.deploy("BG-001", shops[0]["id"])
    raw, message = INSPECTIONS[case]
    before = counts(office.workspace)
    with pytest.raises(FieldCRMError) as caught:
        office.inspect("BG-001", raw)
    assert caught.value.message == message
    assert counts(office.workspace) == before


def test_every_bad_field_of_a_form_is_reported_at_once(office: AssetService) -> None:
    with pytest.raises(ValidationErrors) as caught:
        office.add({"tag": "X 1", "type": "fridge", "capacity_litres": "lots"})
    assert [e.field for e in caught.value.errors] == ["tag", "type", "capacity_litres"]


def test_a_tag_carried_by_two_units_after_sync_is_refused_until_reviewed(office: AssetService, freezer: Any) -> None:
    """Two laptops may register the same tag offline; lookups by that tag then say so, by id they work."""
    db = office.db
    db.execute("BEGIN")
    db.execute("INSERT INTO assets (id, tag, type, status, location) VALUES ('01TWIN', 'BG-001', 'cooler', 'in_stock', 'warehouse:总仓')")
    db.execute("COMMIT")
    with pytest.raises(FieldCRMError, match="^tag: 2 units carry tag BG-001; open one by its id"):
        office.show("BG-001")
    assert office.show("01TWIN")["type"] == "cooler"
    [duplicate] = [p for p in office.review() if p["problem"] == "duplicate_tag"]
    assert duplicate["asset_ids"] == sorted([freezer["id"], "01TWIN"])
