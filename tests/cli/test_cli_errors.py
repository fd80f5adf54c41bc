"""Refusals: exit code, exactly one line on stderr naming the field and the problem, and nothing written."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fieldcrm import paths
from fieldcrm.domain.customers import CustomerService
from fieldcrm.storage.database import DB_NAME
from tests.cli.conftest import Cli, add, written
from tests.conftest import make_workspace

# (arguments after "customer", exit code, the whole message after "error: ").
# "{id}" is replaced by the id of an existing card.
REFUSED: list[tuple[list[str], int, str]] = [
    (["add", "name=店", "colour=red"], 2, "colour: unknown field"),
    (["add", "name=店", "city杭州"], 2, "city杭州: expected FIELD=VALUE (see 'fieldcrm customer fields')"),
    (["add", "name=店", "=杭州"], 2, "=杭州: expected FIELD=VALUE (see 'fieldcrm customer fields')"),
    (["add", "name=店", "city=杭州", "city=宁波"], 2, "city: given more than once"),
    (["add", "city=杭州"], 2, "name: is required"),
    (["add", "name=店", "phones=0571-8888x1234"], 2, "phones: '0571-8888x1234' is not a phone number"),
    (["add", "name=店", "founded_on=2024-02-30"], 2, "founded_on: '2024-02-30' is not a real calendar date"),
    (["add", "name=店", "founded_on=1/2/2024"], 2, "founded_on: '1/2/2024' is not a date in the form YYYY-MM-DD"),
    (["add", "name=店", "latitude=200"], 2, "latitude: 200 is outside -90 to 90"),
    (["add", "name=店", "longitude=east"], 2, "longitude: 'east' is not a number"),
    (["add", "name=店", "owner_age=9"], 2, "owner_age: must be at least 14"),
    (["add", "name=店", "employees=12.5"], 2, "employees: '12.5' is not a whole number"),
    (["add", "name=店", "assets=12.345"], 2, "assets: '12.345' is not an amount (for example 1200.50)"),
    (["add", "name=店", "channel=shop"], 2,
     "channel: 'shop' is not one of wholesale, retail, agent, franchise, chain, specialty"),
    (["add", "name=店", "phones=12", "founded_on=2024-02-30", "latitude=200"], 2,
     "phones: '12' is not a phone number (also wrong: founded_on, latitude)"),
    (["add", "name=店", "notes=bad\nline", "employees=many\nmore"], 2,
     "employees: 'many\\nmore' is not a whole number"),
    (["set", "{id}", "founded_on=2024-02-30", "city=宁波"], 2, "founded_on: '2024-02-30' is not a real calendar date"),
    (["set", "{id}", "colour=red"], 2, "colour: unknown field"),
    (["set", "{id}"], 2, "the following arguments are required: FIELD=VALUE (see 'fieldcrm customer set --help')"),
    (["set", "C-NOPE99", "city=宁波"], 1, "customer: no customer with id or code 'C-NOPE99'"),
    (["show", "C-NOPE99"], 1, "customer: no customer with id or code 'C-NOPE99'"),
    (["delete", "nope"], 1, "customer: no customer with id or code 'nope'"),
    (["restore", "nope"], 1, "customer: no customer with id or code 'nope'"),
    (["list", "--channel", "shop"], 2,
     "channel: 'shop' is not one of wholesale, retail, agent, franchise, chain, specialty"),
    (["list", "--credit-grade", "AAAA"], 2, "credit_grade: 'AAAA' is not one of AAA, AA, A, B, C"),
    (["list", "--sort", "notes"], 2,
     "argument --sort: invalid choice: 'notes' (choose from 'channel', 'city', 'code', 'credit_grade', 'district', "
     "'grade', 'lifecycle', 'name', 'phones', 'rep', 'route', 'territory') (see 'fieldcrm customer list --help')"),
    (["list", "--limit", "0"], 2, "argument --limit: 0 is not at least 1 (see 'fieldcrm customer list --help')"),
    (["list", "--colour", "red"], 2, "unrecognized arguments: --colour red (see 'fieldcrm --help')"),
    (["frobnicate"], 2,
     "argument ACTION: invalid choice: 'frobnicate' (choose from 'fields', 'add', 'set', 'delete', 'restore', "
     "'show', 'list') (see 'fieldcrm customer --help')"),
]


@pytest.fixture(scope="module")
def shared_rep(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One rep workspace with one card for all refusal cases: each must leave it exactly as it was."""
    folder = tmp_path_factory.mktemp("refusals") / "rep"
    workspace = make_workspace(folder)
    try:
        card_id = CustomerService(workspace).create({"name": "已有", "city": "杭州"})["id"]
    finally:
        workspace.close()
    return folder, card_id


@pytest.mark.parametrize(("argv", "code", "message"), REFUSED, ids=[" ".join(a)[:40] for a, _, _ in REFUSED])
def test_bad_input_is_one_line_and_writes_nothing(
    cli: Cli, shared_rep: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, argv: list[str], code: int, message: str
) -> None:
    folder, card_id = shared_rep
    monkeypatch.setenv("FIELDCRM_WORKSPACE", str(folder))
    before = written(folder)
    result = cli("customer", *(a.replace("{id}", card_id) for a in argv))
    assert (result.code, result.out, result.err_lines) == (code, "", [f"error: {message}"])
    assert written(folder) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "name=店", "credit_limit=1000"],
        ["set", "{id}", "city=宁波", "credit_limit=1000"],
        ["set", "{id}", "credit_limit=¥1,000"],
    ],
)
def test_a_rep_may_not_set_supervisor_only_fields(cli: Cli, rep_folder: Path, argv: list[str]) -> None:
    card = add(cli, "name=已有")
    before = written(rep_folder)
    result = cli("customer", *(a.replace("{id}", card["id"]) for a in argv))
    assert (result.code, result.out) == (1, "")
    assert result.err_lines == ["error: credit_limit: only a supervisor may change this field"]
    assert written(rep_folder) == before


def test_blank_supervisor_only_values_are_not_refused(cli: Cli, rep_folder: Path) -> None:
    """Blank supervisor-only values are not changes, so a rep's scripts can pass whole rows."""
    card = add(cli, "name=店", "credit_limit=", "grade=")
    assert cli("customer", "set", card["id"], "credit_grade=", "city=杭州").code == 0


def test_unexpected_errors_are_logged_not_shown(
    cli: Cli, rep_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: CustomerService, query: Any) -> int:
        raise RuntimeError("disk gremlin\nsecond line")

    monkeypatch.setattr(CustomerService, "count", broken)
    result = cli("customer", "list")
    log = paths.log_dir() / "cli.log"
    assert result.code == 70 and result.out == ""
    assert result.err_lines == [f"internal error: RuntimeError: disk gremlin\\nsecond line (details in {log})"]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "disk gremlin" in text and "fieldcrm customer list failed" in text
    assert "Traceback" not in result.err


def test_an_unwritable_log_folder_still_gives_one_line(
    cli: Cli, rep_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(paths, "log_dir", lambda: blocker / "log")
    monkeypatch.setattr(CustomerService, "count", lambda self, query: 1 / 0)
    result = cli("customer", "list")
    assert result.code == 70 and len(result.err_lines) == 1
    assert result.err.startswith("internal error: ZeroDivisionError: division by zero (no log written: ")


def test_ctrl_c_is_reported_as_interrupted(cli: Cli, rep_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: CustomerService, query: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(CustomerService, "count", interrupted)
    result = cli("customer", "list")
    assert (result.code, result.err) == (130, "interrupted\n")
    assert not (paths.log_dir() / "cli.log").exists()


def test_a_locked_workspace_is_a_known_error(cli: Cli, rep_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = written(rep_folder)
    holder = sqlite3.connect(rep_folder / DB_NAME, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("fieldcrm.storage.database.BUSY_TIMEOUT_MS", 50)
    try:
        result = cli("customer", "add", "name=店")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (result.code, result.out) == (1, "")
    assert result.err_lines == [
        f"error: The workspace database {rep_folder / DB_NAME} is in use by another program "
        "(Close the other FieldCRM window or program using it, then try again; "
        "Open it read-only to look without changing anything)"
    ]
    assert written(rep_folder) == before
