"""The customer list and history models, without any view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.storage.customers import HistoryRow
from fieldcrm.ui.customers.history import HistoryModel
from fieldcrm.ui.customers.list_model import COLUMNS, ID_ROLE, PAGE_SIZE, CustomerListModel
from fieldcrm.workspace import Workspace
from tests.ui.helpers import add_customers


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, workspace: Workspace, customers: CustomerService) -> None:
    add_customers(workspace, 130)
    model = CustomerListModel(customers, page_size=50)
    model.set_query(CustomerQuery())
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    model.sort(COLUMNS.index("code"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_rows_are_fetched_a_page_at_a_time(workspace: Workspace, customers: CustomerService) -> None:
    add_customers(workspace, 1000)
    model = CustomerListModel(customers)
    model.set_query(CustomerQuery())
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    fetches = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        fetches += 1
    assert model.rowCount() == 1000
    assert fetches <= 1000 // PAGE_SIZE
    assert len({model.data(model.index(row, 0), ID_ROLE) for row in range(1000)}) == 1000


def test_refresh_keeps_the_loaded_rows(workspace: Workspace, customers: CustomerService) -> None:
    add_customers(workspace, 500)
    model = CustomerListModel(customers)
    model.set_query(CustomerQuery())
    model.fetchMore(QModelIndex())
    model.refresh()
    assert model.rowCount() == 2 * PAGE_SIZE


def test_sorting_is_done_by_the_database(workspace: Workspace, customers: CustomerService) -> None:
    add_customers(workspace, 300)
    model = CustomerListModel(customers)
    model.set_query(CustomerQuery())
    name = COLUMNS.index("name")
    model.sort(name, Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "name" and model.query.descending
    # the first row is the last of all 300, although only one page is loaded
    assert model.data(model.index(0, name)) == "客户00299"
    model.sort(name, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, name)) == "客户00000"


def test_choice_codes_are_shown_as_labels(customers: CustomerService) -> None:
    customers.create({"name": "张三超市", "channel": "retail", "lifecycle": "active"})
    model = CustomerListModel(customers)
    model.set_query(CustomerQuery())
    assert model.data(model.index(0, COLUMNS.index("channel"))) == "Retail"
    assert model.data(model.index(0, COLUMNS.index("lifecycle"))) == "Active"
    assert model.headerData(COLUMNS.index("credit_grade"), Qt.Orientation.Horizontal) == "Credit grade"


def test_criteria_keep_the_sort_order(workspace: Workspace, customers: CustomerService) -> None:
    add_customers(workspace, 30)
    model = CustomerListModel(customers)
    model.sort(COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)
    model.set_criteria("客户0001", {"channel": "wholesale"}, include_deleted=False)
    names = [model.data(model.index(row, COLUMNS.index("name"))) for row in range(model.rowCount())]
    assert names and names == sorted(names, reverse=True)
    assert all(name.startswith("客户0001") for name in names)


def test_history_model(qtmodeltester: ModelTester, customers: CustomerService) -> None:
    card = customers.create({"name": "张三超市", "channel": "retail"})
    customers.update(card["id"], {"channel": "wholesale"})
    model = HistoryModel()
    model.set_rows(customers.history(card["id"]))
    qtmodeltester.check(model)
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert ["Channel", "Retail", "Wholesale", "李雷"] == rows[0][1:]
    model.set_rows([HistoryRow("deleted", 0, 1, 1 << 16, "韩梅梅")])
    assert [model.data(model.index(0, c)) for c in range(1, 5)] == ["Deleted", "no", "yes", "韩梅梅"]


def test_later_pages_start_past_the_last_row_loaded(workspace: Workspace, customers: CustomerService) -> None:
    """Keyset paging: no page repeats or skips a row, whatever the order and however many ties."""
    add_customers(workspace, 260)
    model = CustomerListModel(customers, page_size=50)
    for column in ("route", "channel", "name"):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(COLUMNS.index(column), order)
            while model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
            loaded = [model.id_at(row) for row in range(model.rowCount())]
            expected = [r["id"] for r in customers.page(model.query, 0, 1000)]
            assert loaded == expected and len(set(loaded)) == 260
