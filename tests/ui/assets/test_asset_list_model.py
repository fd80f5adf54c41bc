"""The asset table model on its own: lazy pages, filters pushed to the service, and Qt's model checks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from fieldcrm.storage import assets as store
from fieldcrm.ui.assets.context import AssetContext
from fieldcrm.ui.assets.list_model import ID_ROLE, AssetFilter, AssetListModel


def add_many(context: AssetContext, count: int) -> None:
    """Register units through the service (the only writer); tags sort in the order added."""
    for number in range(count):
        context.assets.add({"tag": f"FZ-{number:04d}", "type": "freezer" if number % 3 else "cooler"})


def test_pages_load_as_the_view_scrolls(context: AssetContext, qtmodeltester: ModelTester) -> None:
    add_many(context, 25)
    model = AssetListModel(context.assets, page_size=10)
    model.set_filter(AssetFilter())
    assert model.rowCount() == 10 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 25 and not model.canFetchMore()
    assert [model.index(r, 0).data() for r in (0, 24)] == ["FZ-0000", "FZ-0024"]
    qtmodeltester.check(model)


def test_filters_go_to_the_service(
    context: AssetContext, fleet: dict[str, dict[str, Any]], qtmodeltester: ModelTester
) -> None:
    model = AssetListModel(context.assets)
    model.set_filter(AssetFilter(type="cooler"))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["CL-001"]
    model.set_filter(AssetFilter(status="deployed", territory="西湖区"))
    assert model.rowCount() == 1
    row = {model.headerData(c, Qt.Orientation.Horizontal): model.index(0, c).data() for c in range(model.columnCount())}
    assert (row["Tag"], row["Status"], row["Customer"].split()[1], row["Last inspected"]) == (
        "BG-001", "Deployed", "张三超市", "2024-03-01",
    )
    assert row["Next inspection"].endswith("(overdue)")
    assert model.index(0, 0).data(ID_ROLE) == fleet["BG-001"]["id"]
    model.set_filter(AssetFilter(overdue=True))
    assert model.rowCount() == 1
    model.set_filter(AssetFilter(search="澳柯玛"))
    assert model.rowCount() == 1 and model.row_of(fleet["CL-001"]["id"]) == 0
    qtmodeltester.check(model)


def test_refresh_keeps_what_was_loaded(context: AssetContext) -> None:
    add_many(context, 12)
    model = AssetListModel(context.assets, page_size=5)
    model.set_filter(AssetFilter())
    model.fetchMore()
    context.assets.add({"tag": "AA-0001", "type": "signage"})
    model.refresh()
    assert model.rowCount() == 10 and model.index(0, 0).data() == "AA-0001"
    unit = store.get(context.workspace.db, model.id_at(0) or "")
    assert unit is not None and unit["type"] == "signage"
