"""customer add/set/show/list/delete/restore round trips, filters, search and the JSON shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS, FIELDS_BY_NAME, FILTERABLE_FIELDS, Kind
from tests.cli.conftest import FIELDS_KEYS, HISTORY_KEYS, LIST_ROW_KEYS, SHOW_KEYS, Cli, add, written

# What a user types for each kind of field, and what `show --json` gives back.
TYPED: dict[Kind, tuple[str, Any]] = {
    Kind.TEXT: ("西湖区文三路 88 号", "西湖区文三路 88 号"),
    Kind.LONGTEXT: ("性格开朗\n喜欢钓鱼", "性格开朗\n喜欢钓鱼"),
    Kind.INT: ("45", 45),
    Kind.MONEY: ("88,000.25", 88000.25),
    Kind.DATE: ("2015-06-01", "2015-06-01"),
    Kind.PHONES: ("0571-88881234；13912345678", "0571-88881234, 13912345678"),
    Kind.LATITUDE: ("30.2741", 30.2741),
    Kind.LONGITUDE: ("-120.1551", -120.1551),
}


def full_card() -> dict[str, tuple[str, Any]]:
    """Every field with a valid typed-in value and its JSON form (choices take their last code)."""
    card = {}
    for spec in CUSTOMER_FIELDS:
        if spec.choices is not None:
            code = spec.choices.codes()[-1]
            card[spec.name] = (code.upper(), code)  # codes are accepted in any case
        else:
            card[spec.name] = TYPED[spec.kind]
    card["name"] = ("张三超市", "张三超市")
    return card


def test_every_field_kind_round_trips(cli: Cli, supervisor_folder: Path) -> None:
    card = full_card()
    created = cli("customer", "add", *(f"{name}={typed}" for name, (typed, _) in card.items()))
    assert created.code == 0, created.err
    customer_id = created.out.strip()
    assert len(customer_id) == 26 and created.out == customer_id + "\n"
    assert created.err.startswith("created C-") and "张三超市" in created.err

    shown = cli("customer", "show", customer_id, "--json").json()
    assert list(shown) == SHOW_KEYS
    assert shown["id"] == customer_id and shown["code"].startswith("C-") and shown["deleted"] is False
    for name, (_, expected) in card.items():
        assert shown[name] == expected, name
    assert type(shown["owner_age"]) is int and type(shown["assets"]) is float

    text = cli("customer", "show", shown["code"].lower()).out
    assert "88000.25" in text and "0571-88881234, 13912345678" in text
    assert "  owner_personality" in text and "喜欢钓鱼" in text


def test_set_changes_and_clears_fields_by_id_or_code(cli: Cli, supervisor_folder: Path) -> None:
    card = add(cli, "name=便利店", "city=杭州", "credit_limit=1000")
    result = cli("customer", "set", card["code"], "city=宁波", "credit_limit=", "employees=12", "name=便利店")
    assert result.code == 0 and result.out == ""
    assert result.err == f"updated {card['code']} (便利店): city, credit_limit, employees\n"
    shown = cli("customer", "show", card["id"], "--json").json()
    assert (shown["city"], shown["credit_limit"], shown["employees"]) == ("宁波", None, 12)

    again = cli("customer", "set", card["id"], "city=宁波", "--json")
    assert again.json() == {"id": card["id"], "code": card["code"], "changed": []}


def test_delete_and_restore_are_tombstones_and_idempotent(cli: Cli, rep_folder: Path) -> None:
    card = add(cli, "name=要删的店")
    keep = add(cli, "name=留下的店")
    assert cli("customer", "delete", card["code"]).err == f"deleted {card['code']} (要删的店)\n"
    before = written(rep_folder)
    repeated = cli("customer", "delete", card["id"])
    assert repeated.code == 0 and "already deleted" in repeated.err and written(rep_folder) == before

    assert cli("customer", "show", card["id"], "--json").json()["deleted"] is True
    live = cli("customer", "list", "--json").json()
    assert [c["id"] for c in live["customers"]] == [keep["id"]] and live["total"] == 1
    trash = cli("customer", "list", "--deleted", "--json").json()
    assert [(c["id"], c["deleted"]) for c in trash["customers"]] == [(card["id"], True)]

    assert cli("customer", "restore", card["id"]).err == f"restored {card['code']} (要删的店)\n"
    assert cli("customer", "restore", card["id"]).err.endswith("was already live; nothing changed\n")
    assert cli("customer", "list", "--json").json()["total"] == 2
    assert cli("customer", "list", "--deleted", "--json").json() == {"total": 0, "customers": []}


def test_history_shows_who_changed_what(cli: Cli, supervisor_folder: Path) -> None:
    card = add(cli, "name=店", "credit_limit=100")
    cli("customer", "set", card["id"], "credit_limit=250.5", "city=杭州")
    cli("customer", "delete", card["id"])
    shown = cli("customer", "show", card["id"], "--history", "--json").json()
    assert list(shown) == [*SHOW_KEYS, "history"]
    history = shown["history"]
    assert all(list(entry) == HISTORY_KEYS for entry in history)
    assert {e["field"] for e in history} == {"code", "deleted", "name", "credit_limit", "city"}  # no sync bookkeeping
    assert history[0] == {**history[0], "field": "deleted", "old": False, "new": True, "user": "李雷"}
    credit = [(e["old"], e["new"]) for e in history if e["field"] == "credit_limit"]
    assert credit == [(100.0, 250.5), (None, 100.0)]
    assert history[0]["at"] >= history[-1]["at"] and history[0]["at"].endswith("+00:00")

    text = cli("customer", "show", card["code"], "--history").out
    assert "History (newest first, UTC)" in text
    assert any("credit_limit" in line and "100.00" in line and "250.50" in line for line in text.splitlines())
    assert any(" deleted " in line and "no" in line and "yes" in line for line in text.splitlines())


def test_list_json_shape_and_text_table(cli: Cli, rep_folder: Path) -> None:
    add(cli, "name=张三超市", "city=杭州", "channel=retail", "territory=西湖区")
    listed = cli("customer", "list", "--json").json()
    assert list(listed) == ["total", "customers"]
    assert [list(row) for row in listed["customers"]] == [LIST_ROW_KEYS]
    row = listed["customers"][0]
    assert (row["name"], row["channel"], row["deleted"], row["grade"]) == ("张三超市", "retail", False, None)

    lines = cli("customer", "list").out.splitlines()
    assert lines[0].split() == [
        "code", "name", "city", "district", "phones", "channel", "grade", "lifecycle",
        "credit_grade", "territory", "route", "rep",
    ]
    assert lines[1].split() == [row["code"], "张三超市", "杭州", "retail", "西湖区"]
    assert lines[0].index("city") == lines[1].index("杭州") + len("张三超市")  # CJK counts double


def test_empty_list_says_so_on_stderr(cli: Cli, rep_folder: Path) -> None:
    result = cli("customer", "list")
    assert (result.code, result.out, result.err) == (0, "", "no customers match\n")


def filter_values(name: str) -> tuple[str, str]:
    spec = FIELDS_BY_NAME[name]
    return (spec.choices.codes()[0], spec.choices.codes()[1]) if spec.choices else ("西湖区", "滨江区")


@pytest.mark.parametrize("name", FILTERABLE_FIELDS)
def test_every_classification_filters(cli: Cli, supervisor_folder: Path, name: str) -> None:
    wanted, other = filter_values(name)
    match = add(cli, "name=要的店", f"{name}={wanted}")
    add(cli, "name=别的店", f"{name}={other}")
    add(cli, "name=空的店")
    option = "--" + name.replace("_", "-")
    found = cli("customer", "list", option, wanted.lower() if FIELDS_BY_NAME[name].choices else wanted, "--json")
    assert found.code == 0, found.err
    assert [c["id"] for c in found.json()["customers"]] == [match["id"]]
    if "_" in name:  # the field's own spelling works too
        assert cli("customer", "list", f"--{name}", wanted, "--json").json()["total"] == 1


def test_filters_combine(cli: Cli, supervisor_folder: Path) -> None:
    match = add(cli, "name=甲", "channel=retail", "grade=key", "territory=西湖区")
    add(cli, "name=乙", "channel=retail", "grade=key", "territory=滨江区")
    add(cli, "name=丙", "channel=chain", "grade=key", "territory=西湖区")
    found = cli("customer", "list", "--channel", "retail", "--grade", "key", "--territory", "西湖区", "--json").json()
    assert [c["id"] for c in found["customers"]] == [match["id"]]


@pytest.mark.parametrize("query", ["zscs", "zhangsan", "张三", "88881234", "ZSCS 杭州"])
def test_search_by_pinyin_initials_phone_and_words(cli: Cli, rep_folder: Path, query: str) -> None:
    match = add(cli, "name=张三超市", "city=杭州", "phones=0571-88881234")
    add(cli, "name=李四便利店", "city=杭州", "phones=13912345678")
    found = cli("customer", "list", "--search", query, "--json").json()
    assert [c["id"] for c in found["customers"]] == [match["id"]]


def test_sort_limit_and_offset(cli: Cli, rep_folder: Path) -> None:
    for name, city in (("B店", "Shanghai"), ("A店", "Hangzhou"), ("C店", "Beijing")):
        add(cli, f"name={name}", f"city={city}")

    def names(*argv: str) -> list[str]:
        return [c["name"] for c in cli("customer", "list", "--json", *argv).json()["customers"]]

    assert names() == ["A店", "B店", "C店"]
    assert names("--desc") == ["C店", "B店", "A店"]
    assert names("--sort", "city") == ["C店", "A店", "B店"]
    assert names("--sort", "city", "--desc") == ["B店", "A店", "C店"]
    page = cli("customer", "list", "--limit", "2", "--json").json()
    assert page["total"] == 3 and [c["name"] for c in page["customers"]] == ["A店", "B店"]
    assert names("--limit", "2", "--offset", "2") == ["C店"]
    partial = cli("customer", "list", "--limit", "1")
    assert partial.err == "showing 1 of 3 customers (use --limit and --offset for more)\n"
    beyond = cli("customer", "list", "--offset", "5")
    assert (beyond.out, beyond.err) == ("", "no customers past offset 5 (of 3)\n")


def test_fields_lists_every_field_with_its_rules(cli: Cli) -> None:
    fields = cli("customer", "fields", "--json").json()
    assert [f["name"] for f in fields] == [s.name for s in CUSTOMER_FIELDS]
    assert all(list(f) == FIELDS_KEYS for f in fields)
    by_name = {f["name"]: f for f in fields}
    assert by_name["name"] == {
        "name": "name", "section": "basic", "type": "text", "label": "Name", "required": True,
        "supervisor_only": False, "minimum": None, "maximum": None, "max_length": 200, "choices": [],
    }
    assert by_name["credit_limit"]["supervisor_only"] and by_name["credit_limit"]["type"] == "money"
    assert (by_name["owner_age"]["minimum"], by_name["owner_age"]["maximum"]) == (14, 120)
    assert by_name["channel"]["choices"][1] == {"code": "retail", "label": "Retail"}
    assert {f["type"] for f in fields} == {k.value for k in Kind}

    text = cli("customer", "fields").out.splitlines()
    assert text[0].split() == ["field", "section", "type", "rules", "allowed", "values"]
    grade = next(line for line in text if line.startswith("grade "))
    assert "supervisor-only" in grade and "key=Key, general=General, scattered=Scattered" in grade
