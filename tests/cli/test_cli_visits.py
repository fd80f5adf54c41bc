"""Contract of the visit-log commands: visit, product, order, payment, receivables, report daily, due.

Each refused command must exit 2 with one ``error: FIELD: …`` line and leave
every visit-log table and the change log exactly as they were.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from fieldcrm.storage.database import DB_NAME
from tests.cli.conftest import Cli, add

TODAY = date.today().isoformat()
TABLES = ("visits", "orders", "order_lines", "payments", "products", "submitted_reports", "change")


def rows(folder: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)) as db:
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


@pytest.fixture
def shop(cli: Cli, supervisor_folder: Path) -> str:
    """A customer with a 100 yuan credit limit on route R1, and two products (supervisor's workspace)."""
    card = add(cli, "name=张三超市", "credit_limit=100", "route=R1", "territory=西湖区")
    for sku, name, price in (("BEV-001", "冰红茶", "36"), ("SNK-001", "薯片", "9.5")):
        result = cli("product", "add", f"code={sku}", f"name={name}", f"price={price}", "unit=箱")
        assert result.code == 0, result.err
    return str(card["code"])


def test_visit_log_and_list(cli: Cli, shop: str) -> None:
    logged = cli("visit", "log", shop, "check_in=9:05", "check_out=09:40", "outcome=补货", "--json")
    assert logged.code == 0, logged.err
    visit = logged.json()
    assert (visit["check_in"], visit["status"], visit["customer_code"]) == ("09:05", "done", shop)
    assert visit["rep"] == "李雷"
    assert visit["code"].startswith("V-")
    plain = cli("visit", "log", shop, "purpose=collection")
    assert plain.code == 0 and plain.out.strip() and "logged V-" in plain.err

    listed = cli("visit", "list", "--customer", shop, "--rep", "李雷", "--date", TODAY, "--json")
    assert listed.code == 0, listed.err
    codes = [v["code"] for v in listed.json()["visits"]]
    assert visit["code"] in codes and len(codes) == 2
    assert cli("visit", "list", "--rep", "someone else", "--json").json() == {"visits": []}
    text = cli("visit", "list")
    assert text.out.splitlines()[0].split()[:3] == ["code", "visit_date", "check_in"]
    assert "补货" not in text.out and "张三超市" in text.out


def test_products_are_listed_and_only_supervisors_add_them(
    cli: Cli, shop: str, supervisor_folder: Path, rep_folder: Path
) -> None:
    listed = cli("--workspace", str(supervisor_folder), "product", "list", "--json").json()
    assert [(p["sku"], p["price"], p["active"]) for p in listed["products"]] == [
        ("BEV-001", 36.0, True), ("SNK-001", 9.5, True),
    ]
    assert list(listed["products"][0]) == ["id", "sku", "name", "category", "unit", "price", "active"]
    before = rows(rep_folder)
    refused = cli("product", "add", "code=X-1", "name=x", "price=1")
    assert refused.code == 1 and refused.err.startswith("error: catalogue:") and len(refused.err_lines) == 1
    assert rows(rep_folder) == before


def test_order_is_priced_from_the_catalogue_and_needs_a_reason_over_the_limit(
    cli: Cli, shop: str, supervisor_folder: Path
) -> None:
    visit = cli("visit", "log", shop, "--json").json()
    placed = cli("order", "add", shop, "BEV-001:2", "snk-001:1:8", "--visit", visit["code"], "--json")
    assert placed.code == 0, placed.err
    order = placed.json()
    assert [(l["sku"], l["quantity"], l["unit_price"], l["amount"]) for l in order["lines"]] == [
        ("BEV-001", 2, 36.0, 72.0), ("SNK-001", 1, 8.0, 8.0),
    ]
    assert (order["total"], order["visit_code"], order["credit_flag"]) == (80.0, visit["code"], False)

    before = rows(supervisor_folder)
    over = cli("order", "add", shop, "BEV-001:1")
    assert over.code == 2 and over.err.startswith("error: reason: this order takes the customer 16.00 yuan over")
    assert rows(supervisor_folder) == before
    flagged = cli("order", "add", shop, "BEV-001:1", "--reason", "老客户", "--discount", "bev-001=6", "--json")
    assert flagged.code == 0, flagged.err
    assert (flagged.json()["total"], flagged.json()["credit_flag"], flagged.json()["credit_reason"]) == (
        30.0, True, "老客户",
    )


def test_payment_and_receivables(cli: Cli, shop: str) -> None:
    paid = cli("payment", "add", shop, "50.5", "--method", "cash", "--date", TODAY, "--json")
    assert paid.code == 0, paid.err
    assert (paid.json()["amount"], paid.json()["method"], paid.json()["date"]) == (50.5, "cash", TODAY)
    one = cli("receivables", "--customer", shop, "--json").json()
    assert list(one) == ["as_of", "balance", "aging", "open_debts"]
    assert (one["balance"]["outstanding"], one["aging"]["credit"]) == (-50.5, 50.5)
    everyone = cli("receivables", "--json").json()
    assert [r["customer_code"] for r in everyone["rows"]] == [shop]
    assert everyone["total"]["credit"] == 50.5
    table = cli("receivables").out.splitlines()
    assert table[0].split()[:3] == ["code", "name", "outstanding"] and table[-1].startswith("total")


def test_daily_report_and_its_submission(cli: Cli, shop: str) -> None:
    cli("visit", "log", shop, "check_in=10:00", "complaints=价格高")
    report = cli("report", "daily", "--rep", "李雷", "--date", TODAY, "--json").json()
    assert (report["customers_visited"], report["submitted_version"], len(report["complaints"])) == (1, None, 1)
    submitted = cli("report", "daily", "--rep", "李雷", "--date", TODAY, "--submit", "--json")
    assert submitted.code == 0, submitted.err
    assert (submitted.json()["version"], submitted.json()["kind"]) == (1, "daily")
    text = cli("report", "daily", "--rep", "李雷", "--date", TODAY)
    assert "as submitted version 1" in text.out and "complaints" in text.out


def test_monthly_summary_and_its_submission(cli: Cli, shop: str) -> None:
    cli("visit", "log", shop, "check_in=10:00", "complaints=价格高")
    month = TODAY[:7]
    summary = cli("report", "monthly", "--rep", "李雷", "--month", month, "--json").json()
    assert (summary["month"], summary["visits_done"], summary["complaints"], summary["submitted_version"]) == (
        month, 1, 1, None,
    )
    assert [d["date"] for d in summary["days"]] == [TODAY]
    submitted = cli("report", "monthly", "--rep", "李雷", "--month", month, "--submit", "--json")
    assert submitted.code == 0, submitted.err
    assert (submitted.json()["version"], submitted.json()["kind"]) == (1, "monthly")
    text = cli("report", "monthly", "--rep", "李雷", "--month", month)
    assert "as submitted version 1" in text.out and TODAY in text.out
    bad = cli("report", "monthly", "--rep", "李雷", "--month", "2024-13")
    assert bad.code == 2 and bad.err.startswith("error: month:") and len(bad.err.strip().splitlines()) == 1


def test_due_lists_customers_never_visited_by_route(cli: Cli, shop: str) -> None:
    add(cli, "name=李四便利店", "route=R2")
    add(cli, "name=王五商店", "route=R2")
    due = cli("due", "--route", "R1", "--json").json()
    assert due["total"] == 1 and due["customers"][0]["code"] == shop
    assert due["customers"][0]["days_overdue"] is None
    cli("visit", "log", shop)
    assert cli("due", "--route", "R1", "--date", TODAY, "--json").json()["total"] == 0
    limited = cli("due", "--limit", "1")
    assert limited.code == 0 and "showing 1 of 2" in limited.err


BAD_INPUT = [
    (("visit", "log", "{shop}", "check_in=10:00", "check_out=09:00"), "check_out"),
    (("visit", "log", "{shop}", "visit_date=2024/06/01"), "visit_date"),
    (("visit", "log", "C-NOBODY"), "customer"),
    (("visit", "list", "--date", "2024-13-01"), "date"),
    (("order", "add", "{shop}", "BEV-001:0"), "quantity"),
    (("order", "add", "{shop}", "BEV-001:-2"), "quantity"),
    (("order", "add", "{shop}", "NOPE-1:1"), "product"),
    (("order", "add", "C-NOBODY", "BEV-001:1"), "customer"),
    (("order", "add", "{shop}", "BEV-001:1", "--discount", "SNK-001=1"), "discount"),
    (("order", "add", "{shop}", "BEV-001:1", "--visit", "V-NONE"), "visit"),
    (("payment", "add", "{shop}", "0"), "amount"),
    (("payment", "add", "{shop}", "-5"), "amount"),
    (("payment", "add", "{shop}", "10", "--date", "20240601"), "date"),
    (("payment", "add", "C-NOBODY", "10"), "customer"),
    (("report", "daily", "--rep", "李雷", "--date", "2024-02-30", "--submit"), "date"),
    (("receivables", "--customer", "C-NOBODY"), "customer"),
]


@pytest.mark.parametrize(("argv", "field"), BAD_INPUT, ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_bad_input_names_the_field_and_writes_nothing(
    cli: Cli, shop: str, supervisor_folder: Path, argv: tuple[str, ...], field: str
) -> None:
    before = rows(supervisor_folder)
    result = cli(*(word.format(shop=shop) for word in argv))
    assert result.code == 2, result.err
    assert len(result.err_lines) == 1 and result.err.startswith(f"error: {field}: "), result.err
    assert result.out == ""
    assert rows(supervisor_folder) == before


def test_a_line_that_is_not_sku_and_quantity_is_a_usage_error(cli: Cli, shop: str) -> None:
    result = cli("order", "add", shop, "BEV-001")
    assert result.code == 2 and result.err == "error: BEV-001: expected SKU:QTY or SKU:QTY:PRICE\n"
