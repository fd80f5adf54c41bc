"""``fieldcrm territory …`` and ``fieldcrm route …``: output, JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from fieldcrm.storage.database import DB_NAME
from tests.cli.conftest import Cli, add, cli, rep_folder, supervisor_folder  # noqa: F401 - fixtures
from tests.routes.helpers import ROUTE_TABLES

ROUTE_KEYS = ["id", "name", "kind", "territory_id", "territory", "rep", "delivery", "depot", "days", "stops", "length_m"]
SHOW_KEYS = [*(k for k in ROUTE_KEYS if k != "length_m"), "return_m", "total_m", "unlocated"]
STOP_KEYS = ["seq", "stop_id", "customer_id", "code", "name", "pin", "latitude", "longitude", "leg_m"]
OPTIMISE_KEYS = ["id", "name", "before_m", "after_m", "saved_m", "stops", "unlocated"]
NODE_KEYS = ["id", "name", "level", "manager", "customers", "routes", "children"]


def snapshot(folder: Path) -> dict[str, int]:
    """Rows of the route tables, customers and the change log, read without writing."""
    with closing(sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (*ROUTE_TABLES, "customers", "change")}


def ok(cli: Cli, *argv: str) -> str:
    result = cli(*argv)
    assert result.code == 0, result.err
    return result.out


def refused(cli: Cli, folder: Path, code: int, message: str, *argv: str) -> None:
    """The command fails with ``code`` and exactly one line ``error: <message…>``, writing nothing."""
    before = snapshot(folder)
    result = cli(*argv)
    assert result.code == code, result.err
    assert result.out == "" and len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith(f"error: {message}"), result.err
    assert snapshot(folder) == before


@pytest.fixture
def zoned(cli: Cli, supervisor_folder: Path) -> dict[str, str]:
    """A tree (主城分区 > 西湖区 > 北山街道) and three located shops in the zone, plus one without coordinates."""
    ids = {"district": ok(cli, "territory", "add", "主城分区", "--manager", "赵明").strip()}
    ids["area"] = ok(cli, "territory", "add", "西湖区", "--parent", "主城分区", "--manager", "陈志刚").strip()
    ids["zone"] = ok(cli, "territory", "add", "北山街道", "--parent", ids["area"], "--level", "zone").strip()
    for number, lon in enumerate(("120.13", "120.10", "120.12")):
        ids[f"shop{number}"] = add(cli, f"name=北山{number}号店", "latitude=30.27", f"longitude={lon}")["id"]
    ids["lost"] = add(cli, "name=没坐标小店")["code"]
    ok(cli, "territory", "assign", "北山街道", ids["shop0"], ids["shop1"], ids["shop2"], ids["lost"])
    return ids


def test_territory_add_list_and_assign(cli: Cli, zoned: dict[str, str]) -> None:
    tree = cli("territory", "list", "--json").json()
    assert [list(node) for node in tree] == [NODE_KEYS]
    (district,) = tree
    assert (district["name"], district["level"], district["manager"], district["customers"]) == ("主城分区", "district", "赵明", 4)
    zone = district["children"][0]["children"][0]
    assert zone == {"id": zoned["zone"], "name": "北山街道", "level": "zone", "manager": None, "customers": 4,
                    "routes": 0, "children": []}
    text = ok(cli, "territory", "list").splitlines()
    assert text[0].split() == ["name", "level", "manager", "customers", "routes", "id"]
    assert text[3].startswith("    北山街道  zone")
    card = cli("customer", "show", zoned["shop0"], "--json").json()
    assert card["territory"] == "西湖区"


def test_territory_errors(cli: Cli, zoned: dict[str, str], supervisor_folder: Path) -> None:
    refused(cli, supervisor_folder, 2, "level: 'region' is not one of district, area, zone",
            "territory", "add", "新区", "--parent", "主城分区", "--level", "region")
    refused(cli, supervisor_folder, 2, "name: a territory named '西湖区' already exists",
            "territory", "add", "西湖区", "--parent", "主城分区")
    refused(cli, supervisor_folder, 1, "parent: no territory with id or name '火星'", "territory", "add", "新区", "--parent", "火星")
    refused(cli, supervisor_folder, 2, "zone: '西湖区' is a area", "territory", "assign", "西湖区", zoned["shop0"])
    refused(cli, supervisor_folder, 1, "customer: no customer with id or code 'C-NOPE'", "territory", "assign", "北山街道", "C-NOPE")


def test_a_rep_may_not_add_territories(cli: Cli, rep_folder: Path) -> None:
    refused(cli, rep_folder, 1, "territory: only a supervisor may change the territory tree", "territory", "add", "新区")


def test_route_add_assign_show_and_list(cli: Cli, zoned: dict[str, str]) -> None:
    route_id = ok(cli, "route", "add", "北山线", "--territory", "北山街道", "--depot", "30.275,120.13",
                  "--days", "MON,thu", "--rep", "陈志刚", "--delivery", "郭杰").strip()
    result = cli("route", "assign", "北山线", zoned["shop0"], zoned["lost"], zoned["shop1"])
    assert result.code == 0 and result.out == "" and "3 added" in result.err
    shown = cli("route", "show", route_id, "--json").json()
    assert list(shown) == SHOW_KEYS
    assert [list(stop) for stop in shown["stops"]] == [STOP_KEYS] * 3
    assert [s["code"] for s in shown["stops"]][1] == zoned["lost"]
    assert [s["leg_m"] is None for s in shown["stops"]] == [False, True, False]
    assert all(isinstance(s["leg_m"], int) for s in (shown["stops"][0], shown["stops"][2]))
    assert shown["total_m"] == sum(s["leg_m"] or 0 for s in shown["stops"]) + shown["return_m"]
    assert (shown["days"], shown["depot"], shown["territory"]) == (["mon", "thu"], {"lat": 30.275, "lon": 120.13}, "西湖区")
    text = ok(cli, "route", "show", "北山线").splitlines()
    assert text[0].startswith("北山线  visiting  territory 西湖区  rep 陈志刚  delivery 郭杰  days mon,thu")
    assert text[-2].startswith("total ") and text[-1] == "without coordinates: 1"
    listed = cli("route", "list", "--json").json()
    assert [list(r) for r in listed] == [ROUTE_KEYS] and listed[0]["stops"] == 3
    assert listed[0]["length_m"] == shown["total_m"]
    assert cli("route", "list", "--territory", "北山街道", "--kind", "delivery", "--json").json() == []
    assert ok(cli, "route", "list").splitlines()[1].startswith("北山线  visiting")


def test_route_optimize_reports_lengths_and_keeps_the_unlocated_last(cli: Cli, zoned: dict[str, str]) -> None:
    ok(cli, "route", "add", "北山线", "--depot", "30.275,120.13")
    ok(cli, "route", "assign", "北山线", zoned["shop0"], zoned["lost"], zoned["shop1"], zoned["shop2"])
    before = cli("route", "show", "北山线", "--json").json()["total_m"]
    text = ok(cli, "route", "optimize", "北山线").splitlines()
    assert text[0].startswith(f"北山线: {before} m -> ")
    assert text[1] == f"without coordinates, kept at the end: {zoned['lost']}"
    result = cli("route", "optimize", "北山线", "--json").json()
    assert list(result) == OPTIMISE_KEYS and result["stops"] == 4
    assert result["before_m"] == result["after_m"] < before and result["saved_m"] == 0
    shown = cli("route", "show", "北山线", "--json").json()
    assert result["unlocated"] == shown["unlocated"] == [shown["stops"][-1]["customer_id"]]


def test_route_set_move_remove_pin_delete(cli: Cli, zoned: dict[str, str]) -> None:
    ok(cli, "route", "add", "一线")
    ok(cli, "route", "add", "二线", "--depot", "30.275,120.13")
    ok(cli, "route", "assign", "一线", zoned["shop0"], zoned["shop1"])
    assert "updated route 北山一线: name, depot, days" in cli(
        "route", "set", "一线", "--name", "北山一线", "--depot", "30.27,120.1", "--days", "周二").err
    assert cli("customer", "show", zoned["shop0"], "--json").json()["route"] == "北山一线"
    ok(cli, "route", "move", "二线", zoned["shop1"], "--cheapest")
    ok(cli, "route", "pin", "北山一线", zoned["shop0"], "First")
    assert cli("route", "show", "北山一线", "--json").json()["stops"][0]["pin"] == "first"
    ok(cli, "route", "remove", "二线", zoned["shop1"])
    assert cli("route", "show", "二线", "--json").json()["stops"] == []
    ok(cli, "route", "delete", "北山一线")
    assert [r["name"] for r in cli("route", "list", "--json").json()] == ["二线"]
    assert cli("customer", "show", zoned["shop0"], "--json").json()["route"] is None


def test_route_week(cli: Cli, zoned: dict[str, str]) -> None:
    ok(cli, "route", "add", "一线", "--days", "mon,thu")
    ok(cli, "route", "assign", "一线", zoned["shop0"])
    ok(cli, "route", "add", "送货线", "--kind", "delivery", "--days", "tue")
    ok(cli, "route", "add", "未排线")
    plan = cli("route", "week", "--start", "2026-10-01", "--json").json()
    assert list(plan) == ["week_start", "days", "unscheduled"] and plan["week_start"] == "2026-09-28"
    monday, tuesday = plan["days"][0], plan["days"][1]
    assert list(monday) == ["date", "weekday", "routes"] and monday["weekday"] == "mon"
    (route,) = monday["routes"]
    assert list(route) == ["id", "name", "kind", "rep", "delivery", "stops", "due"]
    assert [d["customer_id"] for d in route["due"]] == [zoned["shop0"]]  # never visited
    assert list(route["due"][0]) == ["customer_id", "code", "name", "grade", "last_visit", "due_date"]
    assert plan["days"][3]["routes"][0]["due"] == []  # planned Monday, not due again Thursday
    assert tuesday["routes"][0]["due"] is None
    assert [r["name"] for r in plan["unscheduled"]] == ["未排线"]
    text = ok(cli, "route", "week", "--start", "2026-10-01").splitlines()
    assert text[0] == "mon 2026-09-28" and text[1].startswith("  一线 (): 1 stops, 1 due: ")
    assert text[-1] == "no weekdays set: 未排线"


def test_route_errors_are_one_line_with_the_documented_code(cli: Cli, zoned: dict[str, str], supervisor_folder: Path) -> None:
    ok(cli, "route", "add", "一线")
    ok(cli, "route", "assign", "一线", zoned["shop0"])
    folder = supervisor_folder
    refused(cli, folder, 2, "depot: '91,120' is outside latitude", "route", "add", "新线", "--depot", "91,120")
    refused(cli, folder, 2, "days: 'FUNDAY' is not a weekday", "route", "add", "新线", "--days", "MON,FUNDAY")
    refused(cli, folder, 2, "kind: 'sales' is not one of visiting, delivery", "route", "add", "新线", "--kind", "sales")
    refused(cli, folder, 1, "route: no route with id or name '不存在'", "route", "show", "不存在")
    refused(cli, folder, 1, "customer: no customer with id or code 'C-NOPE'", "route", "assign", "一线", "C-NOPE")
    refused(cli, folder, 2, "customer: ", "route", "assign", "一线", zoned["shop1"], zoned["shop1"])
    refused(cli, folder, 2, "customer: ", "route", "assign", "一线", zoned["shop0"])
    refused(cli, folder, 2, "depot: route 一线 has no start point", "route", "optimize", "一线")
    refused(cli, folder, 2, "pin: 'middle' is not one of none, first, last, fixed", "route", "pin", "一线", zoned["shop0"], "middle")
    refused(cli, folder, 2, "start: '2026-02-30' is not a real calendar date", "route", "week", "--start", "2026-02-30")
    refused(cli, folder, 2, "the following arguments are required", "route", "assign", "一线")
