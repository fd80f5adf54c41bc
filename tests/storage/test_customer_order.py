"""The customer list's orders: every sortable column pages like a plain Python sort, and without sorting in SQL.

The Python sort is the contract: the column's values ascending or
descending, blanks (NULL) last in either direction, ties by id in the
direction asked. Pages are read the three ways callers read them (keyset
from the last row, offsets, everything at once) and with searches and
filters on every path ``storage.customers`` takes.
"""

from __future__ import annotations

import random
from typing import Any, Iterator

import pytest

from fieldcrm.storage import customers as store
from fieldcrm.storage import search
from fieldcrm.storage.customers import SORTABLE, CustomerQuery
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

Card = dict[str, Any]
PAGE = 7  # small, so pages end inside runs of equal values and across the values/blanks boundary
POOLS: dict[str, tuple[Any, ...]] = {
    "city": ("杭州", "宁波", "Hangzhou", None),
    "district": ("西湖区", "滨江区", "上城区", None),
    "channel": ("retail", "wholesale", "chain", None),
    "grade": ("key", "general", "scattered", None),
    "lifecycle": ("prospect", "active", "lost", None),
    "credit_grade": ("A", "B", "C", None, None),
    "territory": ("西湖区", "滨江区", None),
    "route": ("R01", "R02", "R03", "R10", None),
    "rep": ("李雷", "韩梅梅", "Li Lei", None),
    "nature": ("company", "individual", "government", None),
}
NAMES = ("张三超市", "李四便利店", "王五小卖部", "便利店", "Apple Store", "apple store", "超市")


def make_cards(rng: random.Random, count: int) -> list[Card]:
    """Cards with many ties and blanks in every column; ids unrelated to the order rows are written in."""
    cards = []
    for number in range(count):
        card: Card = {name: rng.choice(pool) for name, pool in POOLS.items()}
        card["id"] = f"{rng.getrandbits(80):020x}"
        card["code"] = None if number % 17 == 0 else f"C-T{rng.randrange(60):03d}"  # ties: codes from other sites
        card["name"] = None if number % 29 == 0 else rng.choice(NAMES)  # a card whose name has not arrived yet
        card["phones"] = rng.choice(("0571-8888", "138 0000 1111", "13800001111", None))
        card["deleted"] = 1 if number % 9 == 0 else 0
        cards.append(card)
    return cards


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    return make_cards(random.Random(20261122), 140)


@pytest.fixture
def filled(workspace: Workspace, cards: list[Card]) -> Workspace:
    with write_transaction(workspace.db):
        for card in cards:
            store.insert(workspace.db, card)
    return workspace


def python_order(cards: list[Card], column: str, descending: bool) -> list[str]:
    values = sorted((c for c in cards if c[column] is not None), key=lambda c: (c[column], c["id"]), reverse=descending)
    blanks = sorted((c for c in cards if c[column] is None), key=lambda c: c["id"], reverse=descending)
    return [c["id"] for c in values + blanks]


def by_keyset(ws: Workspace, query: CustomerQuery, size: int = PAGE) -> Iterator[list[str]]:
    """Pages as the list model reads them: each starts past the last row of the one before."""
    rows = store.page(ws.db, query, 0, size)
    while rows:
        yield [r["id"] for r in rows]
        if len(rows) < size:
            return
        rows = store.page(ws.db, query.following(rows[-1]), 0, size)


def by_offset(ws: Workspace, query: CustomerQuery, size: int = PAGE) -> Iterator[list[str]]:
    """Pages as the CLI's --offset reads them."""
    offset = 0
    while rows := store.page(ws.db, query, offset, size):
        yield [r["id"] for r in rows]
        offset += size


def flat(pages: Iterator[list[str]]) -> list[str]:
    return [row_id for page in pages for row_id in page]


def every_way(ws: Workspace, query: CustomerQuery) -> list[str]:
    """The order, after checking that every way of reading it agrees."""
    everything = [r["id"] for r in store.page(ws.db, query, 0, 10_000)]
    assert flat(by_keyset(ws, query)) == everything
    assert flat(by_offset(ws, query)) == everything
    assert [c["id"] for c in store.iter_cards(ws.db, query)] == everything
    return everything


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", sorted(SORTABLE))
def test_each_sort_pages_like_a_python_sort(filled: Workspace, cards: list[Card], column: str, descending: bool) -> None:
    live = [c for c in cards if not c["deleted"]]
    query = CustomerQuery(sort=column, descending=descending)
    assert every_way(filled, query) == python_order(live, column, descending)


@pytest.mark.parametrize("broad", [False, True], ids=["few-matches", "many-matches"])
@pytest.mark.parametrize(
    ("column", "filters"),
    [
        ("code", {}),
        ("route", {"territory": "西湖区"}),  # a filter on an indexed column: a set of rowids
        ("grade", {"nature": "company"}),  # a filter on a column without an index: checked on the card
        ("route", {"route": "R02", "channel": "retail"}),  # a filter on the sort column narrows the walk
        ("credit_grade", {"territory": "滨江区", "channel": "chain", "nature": "individual"}),
    ],
)
def test_searches_and_filters_keep_the_order(
    filled: Workspace, cards: list[Card], monkeypatch: pytest.MonkeyPatch,
    column: str, filters: dict[str, str], broad: bool,
) -> None:
    """Both ways a search is answered: walking the sort index (many matches) and sorting the few matches."""
    monkeypatch.setattr(search, "BROAD_MATCHES", 3 if broad else 1000)
    assert search.is_broad(filled.db, ["店"]) == broad
    wanted = [
        c for c in cards
        if not c["deleted"] and "店" in (c["name"] or "") and all(c[k] == v for k, v in filters.items())
    ]
    assert wanted
    for descending in (False, True):
        query = CustomerQuery(search="店", filters=filters, sort=column, descending=descending)
        assert every_way(filled, query) == python_order(wanted, column, descending)
        assert store.count(filled.db, query) == len(wanted)


@pytest.mark.parametrize("column", ["name", "rep"])
def test_the_deleted_cards_view_keeps_the_order(filled: Workspace, cards: list[Card], column: str) -> None:
    deleted = [c for c in cards if c["deleted"]]
    trash = CustomerQuery(sort=column, descending=True, only_deleted=True)
    assert every_way(filled, trash) == python_order(deleted, column, True)
    as_the_page_asks = CustomerQuery(sort=column, filters={"deleted": "1", "territory": "西湖区"}, include_deleted=True)
    expected = [c for c in deleted if c["territory"] == "西湖区"]
    assert every_way(filled, as_the_page_asks) == python_order(expected, column, False)
    everyone = CustomerQuery(sort=column, include_deleted=True)
    assert every_way(filled, everyone) == python_order(cards, column, False)


def test_an_offset_past_the_values_lands_in_the_blanks(filled: Workspace, cards: list[Card]) -> None:
    live = [c for c in cards if not c["deleted"]]
    order = python_order(live, "credit_grade", True)
    values = sum(1 for c in live if c["credit_grade"] is not None)
    query = CustomerQuery(sort="credit_grade", descending=True)
    for offset in (values - 2, values, values + 3, len(order) - 1, len(order), len(order) + 5):
        assert [r["id"] for r in store.page(filled.db, query, offset, 4)] == order[offset:offset + 4]


def test_a_page_after_a_blank_row_continues_with_the_blanks(filled: Workspace, cards: list[Card]) -> None:
    live = [c for c in cards if not c["deleted"]]
    order = python_order(live, "name", False)
    first_blank = next(n for n, row_id in enumerate(order) if next(c for c in live if c["id"] == row_id)["name"] is None)
    last = store.page(filled.db, CustomerQuery(), first_blank, 1)[0]
    assert last["name"] is None
    following = store.page(filled.db, CustomerQuery().following(last), 0, 100)
    assert [r["id"] for r in following] == order[first_blank + 1:]


def test_unknown_sort_is_refused(filled: Workspace) -> None:
    with pytest.raises(ValueError):
        store.page(filled.db, CustomerQuery(sort="notes"), 0, 10)


def plans(ws: Workspace, query: CustomerQuery) -> list[str]:
    """The query plans of the statements one page ran, one string each."""
    ran: list[str] = []
    ws.db.conn.set_trace_callback(ran.append)
    try:
        rows = store.page(ws.db, query, 0, PAGE)
        ws.db.conn.set_trace_callback(None)
        assert rows
        selects = [sql for sql in ran if sql.lstrip().startswith("SELECT customers.")]
        assert selects
        return [
            " | ".join(str(step[3]) for step in ws.db.execute(f"EXPLAIN QUERY PLAN {sql}")) for sql in selects
        ]
    finally:
        ws.db.conn.set_trace_callback(None)


@pytest.mark.parametrize("column", sorted(SORTABLE))
def test_every_order_is_read_from_its_index_without_sorting(
    filled: Workspace, monkeypatch: pytest.MonkeyPatch, column: str
) -> None:
    """The plain list, a later page, a filtered list and a broad search all walk customers_live_by_<column>."""
    monkeypatch.setattr(search, "BROAD_MATCHES", 3)
    first = store.page(filled.db, CustomerQuery(sort=column), 0, PAGE)
    for query in (
        CustomerQuery(sort=column),
        CustomerQuery(sort=column).following(first[-1]),
        CustomerQuery(sort=column, descending=True, filters={"territory": "西湖区", "channel": "retail"}),
        CustomerQuery(sort=column, search="店"),
    ):
        for plan in plans(filled, query):
            assert f"USING INDEX customers_live_by_{column} " in plan and "TEMP B-TREE" not in plan, plan
