"""Inspecting the units in a shop as part of the visit: saved with the visit or not at all."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from fieldcrm.domain.visit_entry import (
    INSPECTION,
    PAYMENT,
    VISIT,
    EntryRefused,
    InspectionInput,
    PaymentInput,
    VisitEntryService,
)
from fieldcrm.storage import attachments
from tests.assets.helpers import JPEG, PNG, image
from tests.visits.asset_helpers import FOUND, files_in, place_unit
from tests.visits.helpers import Clock, Services, counts

VISIT_DAY = "2024-06-10"  # the clock fixture's day


@pytest.fixture
def entry(svc: Services, clock: Clock) -> VisitEntryService:
    return VisitEntryService(svc.workspace, clock)


@pytest.fixture
def units(svc: Services, shop: dict[str, Any]) -> list[str]:
    return [place_unit(svc.db, shop["id"], "BG-001"), place_unit(svc.db, shop["id"], "BG-002")]


def unit_rows(svc: Services, asset_id: str) -> list[tuple[Any, ...]]:
    return svc.db.execute(
        "SELECT kind, on_date, visit_id, share_percent, temperature, photos FROM asset_events "
        "WHERE asset_id = ? ORDER BY hlc", [asset_id],
    ).fetchall()


def written(svc: Services) -> tuple[Any, ...]:
    """What a refused entry must leave as it was: the visit log, the events, the change log and the files."""
    events = svc.db.execute("SELECT count(*) FROM asset_events").fetchone()[0]
    return counts(svc.db)["visits"], counts(svc.db)["change"], events, files_in(svc.workspace.attachments)


def test_the_units_at_the_shop_are_listed_with_their_last_check_and_due_date(
    entry: VisitEntryService, shop: dict[str, Any], units: list[str]
) -> None:
    listed = entry.assets_at(shop["id"])
    assert [(u.tag, u.type, u.last_checked_on, u.due_on, u.overdue, u.inspected) for u in listed] == [
        ("BG-001", "freezer", "2024-05-01", "2024-05-31", True, False),
        ("BG-002", "freezer", "2024-05-01", "2024-05-31", True, False),
    ]


def test_an_inspection_is_saved_with_the_visit_on_its_date_and_names_it(
    svc: Services, entry: VisitEntryService, shop: dict[str, Any], units: list[str], tmp_path: Path
) -> None:
    saved = entry.record(
        shop["id"], {"outcome": "冰柜正常"},
        inspections=[InspectionInput(units[0], FOUND, [image(tmp_path, "shelf.png")])],
    )
    visit_id = saved.visit["id"]
    [inspection] = saved.inspections
    assert (inspection["kind"], inspection["date"], inspection["visit_id"]) == ("inspect", VISIT_DAY, visit_id)
    assert unit_rows(svc, units[0])[-1][:5] == ("inspect", VISIT_DAY, visit_id, 80, -18)
    assert attachments.path_for(svc.workspace, hashlib.sha256(PNG).hexdigest()) is not None
    assert saved.to_json()["inspections"] == [inspection]

    listed = {u.tag: u for u in entry.assets_at(shop["id"], visit_id)}
    assert (listed["BG-001"].last_checked_on, listed["BG-001"].due_on, listed["BG-001"].overdue) == (
        VISIT_DAY, "2024-07-10", False)
    assert listed["BG-001"].inspection is not None and listed["BG-001"].inspection["share_percent"] == 80
    assert listed["BG-002"].inspection is None and listed["BG-002"].overdue  # left uninspected
    assert entry.assets.show("BG-001")["history"][0]["id"] == inspection["id"]
    captured = svc.db.execute(
        "SELECT value FROM change WHERE tbl = 'asset_events' AND row_id = ? AND field = 'visit_id'", [inspection["id"]]
    ).fetchone()
    assert captured == (visit_id,)  # the link travels with the inspection


@pytest.mark.parametrize(
    "values, field",
    [
        ({**FOUND, "share_percent": "150"}, "share_percent"),
        ({**FOUND, "share_percent": "-1"}, "share_percent"),
        ({k: v for k, v in FOUND.items() if k != "clean"}, "clean"),
        ({**FOUND, "temperature": "冷"}, "temperature"),
        ({**FOUND, "date": "2024-06-01"}, "date"),  # the date is the visit's, not typed per unit
    ],
)
def test_a_bad_inspection_value_refuses_the_whole_entry(
    svc: Services, entry: VisitEntryService, shop: dict[str, Any], units: list[str], tmp_path: Path,
    values: dict[str, str], field: str,
) -> None:
    before = written(svc)
    with pytest.raises(EntryRefused) as refused:
        entry.record(shop["id"], {"outcome": "补货"}, inspections=[
            InspectionInput(units[0], FOUND, [image(tmp_path, "good.png")]), InspectionInput(units[1], values),
        ])
    assert (refused.value.part, refused.value.item) == (INSPECTION, units[1])
    assert field in [e.field for e in refused.value.errors]
    assert written(svc) == before  # no visit, no first inspection, no photo copied


def test_a_photo_that_is_not_an_image_refuses_the_entry_and_keeps_no_file(
    svc: Services, entry: VisitEntryService, shop: dict[str, Any], units: list[str], tmp_path: Path
) -> None:
    before = written(svc)
    with pytest.raises(EntryRefused) as refused:
        entry.record(shop["id"], {}, inspections=[
            InspectionInput(units[0], FOUND, [image(tmp_path, "a.jpg", JPEG)]),
            InspectionInput(units[1], FOUND, [image(tmp_path, "notes.txt", b"not a picture")]),
        ])
    assert (refused.value.part, refused.value.item, refused.value.errors[0].field) == (INSPECTION, units[1], "photos")
    assert written(svc) == before


def test_a_refused_payment_after_the_inspections_takes_their_photos_back(
    svc: Services, entry: VisitEntryService, shop: dict[str, Any], units: list[str], tmp_path: Path
) -> None:
    before = written(svc)
    with pytest.raises(EntryRefused) as refused:
        entry.record(
            shop["id"], {}, payment=PaymentInput("0"),
            inspections=[InspectionInput(units[0], FOUND, [image(tmp_path, "a.png")])],
        )
    assert refused.value.part == PAYMENT
    assert written(svc) == before


def test_only_a_unit_at_this_shop_and_only_once_per_visit(
    svc: Services, entry: VisitEntryService, shop: dict[str, Any], units: list[str]
) -> None:
    other = svc.customers.create({"name": "李四便利店", "territory": "西湖区", "rep": "李雷"})
    elsewhere = place_unit(svc.db, other["id"], "BG-009")
    with pytest.raises(EntryRefused) as refused:
        entry.record(shop["id"], {}, inspections=[InspectionInput(elsewhere, FOUND)])
    assert (refused.value.item, refused.value.errors[0].field) == (elsewhere, "customer")
    assert "BG-009" in refused.value.message

    saved = entry.record(shop["id"], {}, inspections=[InspectionInput(units[0], FOUND)])
    with pytest.raises(EntryRefused, match="already inspected at this visit") as again:
        entry.record(shop["id"], {}, visit_id=saved.visit["id"], inspections=[InspectionInput(units[0], FOUND)])
    assert again.value.item == units[0]
    with pytest.raises(EntryRefused) as twice:
        entry.record(shop["id"], {}, inspections=[InspectionInput(units[1], FOUND), InspectionInput(units[1], FOUND)])
    assert twice.value.item == units[1]


def test_a_missed_visit_records_no_inspection(
    svc: Services, entry: VisitEntryService, shop: dict[str, Any], units: list[str]
) -> None:
    before = written(svc)
    with pytest.raises(EntryRefused) as refused:
        entry.record(
            shop["id"], {"status": "missed", "missed_reason": "closed"},
            inspections=[InspectionInput(units[0], FOUND)],
        )
    assert (refused.value.part, refused.value.errors[0].field) == (VISIT, "status")
    assert written(svc) == before


def test_editing_a_visit_adds_inspections_and_shows_units_moved_away_since(
    svc: Services, entry: VisitEntryService, shop: dict[str, Any], units: list[str]
) -> None:
    first = entry.record(shop["id"], {"outcome": "初访"}, inspections=[InspectionInput(units[0], FOUND)])
    visit_id = first.visit["id"]
    edited = entry.record(
        shop["id"], {"outcome": "复查"}, visit_id=visit_id,
        inspections=[InspectionInput(units[1], {**FOUND, "condition": "faulty"})],
    )
    assert edited.visit["outcome"] == "复查" and [i["condition"] for i in edited.inspections] == ["faulty"]
    assert [u.inspected for u in entry.assets_at(shop["id"], visit_id)] == [True, True]

    entry.assets.retrieve("BG-001", date=VISIT_DAY)  # the unit leaves the shop after the visit
    listed = entry.assets_at(shop["id"], visit_id)
    assert [(u.tag, u.inspected) for u in listed] == [("BG-002", True), ("BG-001", True)]
    assert [u.tag for u in entry.assets_at(shop["id"])] == ["BG-002"]  # a new visit lists what is there now
