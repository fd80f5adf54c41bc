"""The search box: what each kind of term finds, and that the index follows every write."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.storage import customers as store
from fieldcrm.storage import search
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace, open_workspace

ZHANG = {
    "name": "张三超市", "province": "浙江省", "city": "杭州市", "district": "西湖区", "street": "文三路128号",
    "phones": "0571-88881234, 138 1234 5678", "contacts": "王斌（仓管）181-3098-6382",
    "owner_name": "张三", "manager_name": "李娜",
}
LI = {
    "name": "李四便利店", "city": "杭州市", "district": "滨江区", "street": "江南大道 8 号",
    "phones": "13987654321", "contacts": "赵敏 15900001111",
}
OTHERS = ("果汁100%专卖", "果汁100X专卖", "A_B小吃", "AXB小吃", "7-Eleven（湖滨店）")


@pytest.fixture
def cards(supervisor_customers: CustomerService) -> dict[str, dict[str, Any]]:
    made = {"张三超市": supervisor_customers.create(ZHANG), "李四便利店": supervisor_customers.create(LI)}
    for name in OTHERS:
        made[name] = supervisor_customers.create({"name": name})
    return made


def found(ws: Workspace, text: str, *, include_deleted: bool = False) -> list[str]:
    """Names the list shows for ``text``, after checking every way of asking agrees."""
    query = CustomerQuery(search=text, include_deleted=include_deleted)
    rows = store.page(ws.db, query, 0, 1000)
    names = sorted(row["name"] for row in rows)
    assert store.count(ws.db, query) == len(rows)
    terms = search.normalise_query(text)
    if terms:
        assert search.count(ws.db, terms, include_deleted=include_deleted) == len(rows)
        clause, params = search.match_clause(terms, broad=True)
        deleted = "" if include_deleted else "deleted = 0 AND "
        walked = ws.db.execute(f"SELECT name FROM customers WHERE {deleted}{clause} ORDER BY name", params)
        assert sorted(r[0] for r in walked) == names
    return names


@pytest.mark.usefixtures("cards")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zscs", ["张三超市"]),
        ("zhangsan", ["张三超市"]),
        ("zhangsanchaoshi", ["张三超市"]),
        ("lsbld", ["李四便利店"]),
        ("zs", ["张三超市"]),
        ("wb", ["张三超市"]),  # a contact's initials
        ("zhaomin", ["李四便利店"]),
        ("ZSCS", ["张三超市"]),
        ("ＺＳＣＳ", ["张三超市"]),  # typed with a full-width keyboard
    ],
)
def test_pinyin_full_and_initials(supervisor_workspace: Workspace, text: str, expected: list[str]) -> None:
    assert found(supervisor_workspace, text) == expected


@pytest.mark.usefixtures("cards")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张", ["张三超市"]),
        ("超市", ["张三超市"]),
        ("三超市", ["张三超市"]),
        ("张三超市", ["张三超市"]),
        ("便", ["李四便利店"]),
        ("利店", ["李四便利店"]),
        ("果汁", ["果汁100%专卖", "果汁100X专卖"]),
        ("店", ["7-Eleven（湖滨店）", "李四便利店"]),
        ("eleven", ["7-Eleven（湖滨店）"]),
        ("7-el", ["7-Eleven（湖滨店）"]),
        ("(湖滨店)", ["7-Eleven（湖滨店）"]),  # half-width brackets find full-width ones
        ("不存在", []),
    ],
)
def test_chinese_and_english_substrings(supervisor_workspace: Workspace, text: str, expected: list[str]) -> None:
    assert found(supervisor_workspace, text) == expected


def test_code_whole_or_in_part(supervisor_workspace: Workspace, cards: dict[str, dict[str, Any]]) -> None:
    code = cards["李四便利店"]["code"]
    assert found(supervisor_workspace, code) == ["李四便利店"]
    assert found(supervisor_workspace, code.lower()) == ["李四便利店"]
    tail = code[2:]  # without "C-": the site tag and this card's number
    assert found(supervisor_workspace, tail) == ["李四便利店"]


@pytest.mark.usefixtures("cards")
@pytest.mark.parametrize(
    "text",
    ["88881234", "0571-8888", "057188881234", "(0571)88881234", "1381234", "138-1234-5678", "13812345678",
     "12345678", "1813098", "181-3098", "18130986382"],
)
def test_phone_fragments_with_and_without_separators(supervisor_workspace: Workspace, text: str) -> None:
    assert found(supervisor_workspace, text) == ["张三超市"]


def test_a_phone_fragment_never_spans_two_numbers(supervisor_workspace: Workspace, cards: object) -> None:
    # 0571-88881234 then 138 1234 5678: "1234138" only exists if the numbers were run together
    assert found(supervisor_workspace, "1234138") == []


@pytest.mark.usefixtures("cards")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("文三路", ["张三超市"]),
        ("西湖区", ["张三超市"]),
        ("西湖", ["张三超市"]),
        ("浙江省杭州市西湖区文三路128号", ["张三超市"]),
        ("滨江", ["李四便利店"]),
        ("江南大道", ["李四便利店"]),
        ("杭州", ["张三超市", "李四便利店"]),
    ],
)
def test_address(supervisor_workspace: Workspace, text: str, expected: list[str]) -> None:
    assert found(supervisor_workspace, text) == expected


@pytest.mark.usefixtures("cards")
@pytest.mark.parametrize(
    ("text", "expected"),
    [("王斌", ["张三超市"]), ("仓管", ["张三超市"]), ("赵敏", ["李四便利店"]), ("李娜", ["张三超市"]),
     ("15900001111", ["李四便利店"])],
)
def test_contacts_and_people(supervisor_workspace: Workspace, text: str, expected: list[str]) -> None:
    assert found(supervisor_workspace, text) == expected


@pytest.mark.usefixtures("cards")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超市 西湖", ["张三超市"]),
        ("西湖 超市", ["张三超市"]),
        ("超市 滨江", []),
        ("杭州 zscs", ["张三超市"]),
        ("  杭州   店  ", ["李四便利店"]),
    ],
)
def test_every_term_must_match(supervisor_workspace: Workspace, text: str, expected: list[str]) -> None:
    assert found(supervisor_workspace, text) == expected


@pytest.mark.usefixtures("cards")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100%", ["果汁100%专卖"]),
        ("%", ["果汁100%专卖"]),
        ("0%专", ["果汁100%专卖"]),
        ("a_b", ["A_B小吃"]),
        ("_", ["A_B小吃"]),
        ('"', []),
        ("\\", []),
    ],
)
def test_like_wildcards_and_quotes_are_literal(supervisor_workspace: Workspace, text: str, expected: list[str]) -> None:
    assert found(supervisor_workspace, text) == expected


def test_an_empty_search_shows_everyone(supervisor_workspace: Workspace, cards: dict[str, Any]) -> None:
    assert len(found(supervisor_workspace, "   ")) == len(cards)
    assert search.match_clause([]) == ("", [])


def test_edits_keep_the_index_current(
    supervisor_workspace: Workspace, supervisor_customers: CustomerService, cards: dict[str, dict[str, Any]]
) -> None:
    supervisor_customers.update(cards["张三超市"]["id"], {"name": "张三批发部", "street": "教工路1号"})
    assert found(supervisor_workspace, "超市") == []
    assert found(supervisor_workspace, "文三路") == []
    assert found(supervisor_workspace, "批发") == ["张三批发部"]
    assert found(supervisor_workspace, "zspfb") == ["张三批发部"]
    assert found(supervisor_workspace, "教工路") == ["张三批发部"]
    supervisor_customers.update(cards["张三超市"]["id"], {"notes": "周三不在"})  # not searched: index untouched
    assert found(supervisor_workspace, "周三") == []


def test_deleted_customers_are_found_only_when_asked_for(
    supervisor_workspace: Workspace, supervisor_customers: CustomerService, cards: dict[str, dict[str, Any]]
) -> None:
    supervisor_customers.delete(cards["张三超市"]["id"])
    assert found(supervisor_workspace, "zscs") == []
    assert found(supervisor_workspace, "zscs", include_deleted=True) == ["张三超市"]
    db = supervisor_workspace.db
    assert search.count(db, ["超市"], only_deleted=True) == 1
    assert search.count(db, ["店"], only_deleted=True) == 0
    assert search.count(db, ["店"]) == search.count(db, ["店"], include_deleted=True) == 2
    supervisor_customers.restore(cards["张三超市"]["id"])
    assert found(supervisor_workspace, "zscs") == ["张三超市"]


def test_sync_style_writes_with_capture_off_keep_the_index_current(
    supervisor_workspace: Workspace, cards: dict[str, dict[str, Any]]
) -> None:
    """Sync applies received rows with capture switched off, updating and even dropping rows."""
    db = supervisor_workspace.db
    with write_transaction(db):
        db.execute("UPDATE capture_mode SET applying = 1")
        db.execute("UPDATE customers SET name = ?, phones = ? WHERE id = ?",
                   ["王五烟酒店", "0571-87654321", cards["张三超市"]["id"]])
        db.execute("INSERT INTO customers (id, code, deleted, name) VALUES ('sync-1', 'C-ZZZZ01', 0, '赵六小卖部')")
        db.execute("DELETE FROM customers WHERE id = ?", [cards["李四便利店"]["id"]])
        db.execute("UPDATE capture_mode SET applying = 0")
    assert found(supervisor_workspace, "wwyjd") == ["王五烟酒店"]
    assert found(supervisor_workspace, "8765-4321") == ["王五烟酒店"]
    assert found(supervisor_workspace, "超市") == []
    assert found(supervisor_workspace, "小卖部") == ["赵六小卖部"]
    assert found(supervisor_workspace, "李四") == []
    indexed = db.execute("SELECT count(*) FROM customer_search").fetchone()[0]
    assert indexed == db.execute("SELECT count(*) FROM customers").fetchone()[0]


def test_rebuild_recreates_every_haystack(supervisor_workspace: Workspace, cards: object) -> None:
    db = supervisor_workspace.db
    with write_transaction(db):
        db.execute("DELETE FROM customer_search")
    assert found(supervisor_workspace, "zscs") == []
    with write_transaction(db):
        search.rebuild(db)
    assert found(supervisor_workspace, "zscs") == ["张三超市"]
    assert found(supervisor_workspace, "西湖") == ["张三超市"]
    # The rebuild let FTS5 hold 64 MB of entries before writing, and left no trace of it in the index.
    assert db.execute("SELECT k FROM customer_search_config WHERE k = 'hashsize'").fetchall() == []


def test_an_fts5_without_the_bulk_setting_rebuilds_its_usual_way(
    supervisor_workspace: Workspace, cards: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "_PENDING_OPTION", "no-such-setting")  # as an FTS5 that does not know it
    db = supervisor_workspace.db
    with write_transaction(db):
        search.rebuild(db)
    assert found(supervisor_workspace, "zscs") == ["张三超市"]


def test_an_index_built_by_older_rules_is_rebuilt_after_opening(tmp_path: Path) -> None:
    """A workspace from before these rules: the v1 table (detail=none, plain triggers), no digest."""
    ws = open_workspace(tmp_path / "old", create=True)
    ws.initialise("韩梅梅", Role.SUPERVISOR)
    CustomerService(ws).create(ZHANG)
    with write_transaction(ws.db):
        ws.db.execute("DROP TABLE customer_search")
        ws.db.execute("CREATE VIRTUAL TABLE customer_search USING fts5 (text, tokenize = 'trigram', detail = 'none')")
        ws.db.execute("INSERT INTO customer_search (rowid, text) SELECT rowid, lower(name) FROM customers")
        ws.db.execute("DELETE FROM meta WHERE key = 'search_digest'")
    ws.close()

    reopened = open_workspace(tmp_path / "old")
    try:
        table_sql = reopened.db.execute("SELECT sql FROM sqlite_master WHERE name = 'customer_search'").fetchone()[0]
        assert "detail = 'full'" in table_sql
        assert found(reopened, "zscs") == []  # a new table: filled after opening, in batches
        assert reopened.finish_rebuilds() is True
        assert reopened.rebuild_progress() is None
        assert found(reopened, "zscs") == ["张三超市"]
        with write_transaction(reopened.db):
            assert search.install(reopened.db) is False  # current rules: nothing to do
    finally:
        reopened.close()


def test_is_broad_counts_no_further_than_needed(
    supervisor_workspace: Workspace, cards: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "BROAD_MATCHES", 1)
    assert search.is_broad(supervisor_workspace.db, ["果汁"]) is True
    assert search.is_broad(supervisor_workspace.db, ["张三"]) is False
    assert search.is_broad(supervisor_workspace.db, []) is False


def test_query_normalisation() -> None:
    assert search.normalise_query("  ZSCS\t杭州 ") == ["zscs", "杭州"]
    assert search.normalise_query("0571-8888 (0571)1234 +86") == ["05718888", "05711234", "86"]
    assert search.normalise_query("C-7K2Q01 2024") == ["c-7k2q01", "2024"]
    assert search.normalise_query("ａ\x1fｂ") == ["a", "b"]  # control characters never reach FTS5


HAYSTACK_SAMPLE = (
    "张三超市（文三路店）", "C-7K2Q01", "0571-88881234, 138 1234 5678", "浙江省", "杭州市", "西湖区",
    "文三路128号", "王斌（仓管）181-3098-6382\n15900001111 赵敏", "张三", "李娜",
)
# What haystack() produced when RULES_VERSION was last bumped. Indexes are rebuilt only
# when the version changes, so new rules without a new version would leave them stale.
HAYSTACK_RULES = (6, "4e684052a7")


def test_the_rules_version_names_the_haystack_rules() -> None:
    text = search.haystack(*HAYSTACK_SAMPLE) + search.haystack(*HAYSTACK_SAMPLE, deleted=True)
    digest = hashlib.sha256(text.encode()).hexdigest()[:10]
    if digest != HAYSTACK_RULES[1]:
        assert search.RULES_VERSION != HAYSTACK_RULES[0], "haystack() changed: bump search.RULES_VERSION"
        pytest.fail(f"new rules: set HAYSTACK_RULES = ({search.RULES_VERSION}, {digest!r})")
    assert search.RULES_VERSION == HAYSTACK_RULES[0]


def test_haystacks_are_the_same_in_every_process() -> None:
    """Sets are ordered by a per-process hash seed; the haystack must not depend on it."""
    script = (
        "from fieldcrm.storage import search; import sys; "
        f"sys.stdout.write(search.haystack(*{HAYSTACK_SAMPLE!r}).encode('unicode_escape').decode())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
