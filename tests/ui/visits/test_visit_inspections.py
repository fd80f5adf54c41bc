"""Inspecting the units in the shop from the visit form, through its widgets."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldcrm.domain.assets import AssetService
from fieldcrm.ui.assets import action_dialog
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.visits.context import VisitContext
from fieldcrm.ui.visits.inspection_section import InspectionRow
from fieldcrm.ui.visits.visit_form import VisitForm
from tests.assets.helpers import PNG, image
from tests.ui.helpers import type_text
from tests.visits.asset_helpers import files_in, place_unit
from tests.visits.helpers import counts


@pytest.fixture
def units(context: VisitContext, shop: str) -> list[str]:
    return [place_unit(context.workspace.db, shop, "BG-001"), place_unit(context.workspace.db, shop, "BG-002")]


def open_form(qtbot: QtBot, context: VisitContext, shop: str, visit_id: str | None = None) -> VisitForm:
    form = VisitForm(context, shop, visit_id=visit_id)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def fill(qtbot: QtBot, row: InspectionRow, share: str) -> None:
    """Tick the unit by keyboard and fill in what was found."""
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Space)
    assert row.isChecked()
    for name, code in (("clean", "yes"), ("display_ok", "no"), ("condition", "working")):
        row.form.set_text(name, code)
    qtbot.keyClicks(row.form.widget("share_percent"), share)
    qtbot.keyClicks(row.form.widget("temperature"), "-18")
    type_text(qtbot, row.form.widget("notes"), "陈列被挡住")


def written(context: VisitContext) -> tuple[object, ...]:
    db = context.workspace.db
    events = db.execute("SELECT count(*) FROM asset_events").fetchone()[0]
    return counts(db)["visits"], counts(db)["change"], events, files_in(context.workspace.attachments)


def test_a_unit_inspected_in_the_form_is_saved_with_the_visit(
    qtbot: QtBot, context: VisitContext, shop: str, units: list[str], bus: DataBus, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    form = open_form(qtbot, context, shop)
    section = form.assets
    assert section.isVisible() and [r.unit.tag for r in section.rows.values()] == ["BG-001", "BG-002"]
    first = section.row("BG-001")
    assert "overdue since 2024-05-31" in first.due.text() and not first.form.widget("clean").isEnabled()
    assert not form.is_dirty()

    fill(qtbot, first, "75")
    monkeypatch.setattr(action_dialog, "pick_photos", lambda parent: [str(image(tmp_path, "shelf.png"))])
    qtbot.mouseClick(first.photos.add_button, Qt.MouseButton.LeftButton)
    assert form.is_dirty() and form.windowTitle().endswith("*")
    announced: list[set[str]] = []
    bus.changed.connect(announced.append)
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.keyClick(first.form.widget("temperature"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    visit_id = saved.args[0]
    assert not form.isVisible() and form.entry is not None

    today = date.today()
    [inspection] = form.entry.inspections
    assert (inspection["visit_id"], inspection["date"], inspection["share_percent"]) == (visit_id, today.isoformat(), 75)
    assert (inspection["display_ok"], inspection["temperature"], inspection["notes"]) == ("no", -18, "陈列被挡住")
    assert [p["sha256"] for p in inspection["photos"]] == [hashlib.sha256(PNG).hexdigest()]
    unit = AssetService(context.workspace).show("BG-001")
    assert (unit["last_checked_on"], unit["due_on"], unit["overdue"]) == (
        today.isoformat(), (today + timedelta(days=30)).isoformat(), False)
    assert unit["flags"] == ["display"]
    assert AssetService(context.workspace).show("BG-002")["overdue"]  # left unticked: not inspected
    assert announced == [{"visits", "orders", "payments", "urgent_reports", "assets", "asset_events"}]


def test_a_share_outside_0_to_100_is_shown_on_its_row_and_saves_nothing(
    qtbot: QtBot, context: VisitContext, shop: str, units: list[str]
) -> None:
    form = open_form(qtbot, context, shop)
    second = form.assets.row("BG-002")
    fill(qtbot, second, "150")
    before = written(context)
    assert form.save() is False
    assert form.isVisible() and written(context) == before
    assert "100" in second.form.error("share_percent")
    assert QApplication.focusWidget() is second.form.widget("share_percent")

    second.form.set_text("share_percent", "90")
    assert form.save() is True
    assert form.entry is not None and [i["tag"] for i in form.entry.inspections] == ["BG-002"]


def test_a_photo_that_is_not_an_image_is_refused_inline(
    qtbot: QtBot, context: VisitContext, shop: str, units: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    form = open_form(qtbot, context, shop)
    row = form.assets.row("BG-001")
    fill(qtbot, row, "60")
    monkeypatch.setattr(action_dialog, "pick_photos", lambda parent: [str(image(tmp_path, "list.txt", b"no"))])
    qtbot.mouseClick(row.photos.add_button, Qt.MouseButton.LeftButton)
    before = written(context)
    assert form.save() is False
    assert written(context) == before
    assert row.photos_error.isVisible() and "is not a JPEG, PNG, WebP or HEIC image" in row.photos_error.text()


def test_a_ticked_row_left_incomplete_names_what_is_missing(
    qtbot: QtBot, context: VisitContext, shop: str, units: list[str]
) -> None:
    form = open_form(qtbot, context, shop)
    row = form.assets.row("BG-001")
    row.setChecked(True)
    before = written(context)
    assert form.save() is False and written(context) == before
    assert all(row.form.error(name) for name in ("clean", "display_ok", "share_percent", "condition"))
    row.setChecked(False)  # changed their mind: the unit is left uninspected
    assert form.save() is True
    assert form.entry is not None and form.entry.inspections == ()


def test_a_past_visit_shows_its_inspections_and_can_add_one(
    qtbot: QtBot, context: VisitContext, shop: str, units: list[str]
) -> None:
    form = open_form(qtbot, context, shop)
    fill(qtbot, form.assets.row("BG-001"), "75")
    assert form.save() is True
    assert form.entry is not None
    visit_id = form.entry.visit["id"]

    again = open_form(qtbot, context, shop, visit_id)
    shown = again.assets.recorded[units[0]]
    assert "inspected at this visit" in shown.title()
    assert "75" in shown.found.text() and "陈列被挡住" in shown.found.text()
    assert list(again.assets.rows) == [units[1]] and not again.is_dirty()
    fill(qtbot, again.assets.row("BG-002"), "40")
    assert again.save() is True
    assert again.entry is not None and [i["tag"] for i in again.entry.inspections] == ["BG-002"]
    assert len(context.entry.assets_at(shop, visit_id)) == 2
    assert all(u.inspected for u in context.entry.assets_at(shop, visit_id))


def test_a_customer_without_units_shows_no_assets_section(qtbot: QtBot, context: VisitContext, shop: str) -> None:
    form = open_form(qtbot, context, shop)
    assert form.assets.isHidden() and form.assets.inputs() == []
    assert form.save() is True
