"""Running the CLI in-process: exit code, stdout and stderr of one command, and what it wrote."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

from fieldcrm.cli import main
from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS
from fieldcrm.storage.database import DB_NAME

# The documented JSON shapes, key by key and in order (README "JSON output").
SHOW_KEYS = ["id", "code", "deleted", *(f.name for f in CUSTOMER_FIELDS)]
LIST_ROW_KEYS = [
    "id", "code", "deleted", "name", "city", "district", "phones", "channel", "grade",
    "lifecycle", "credit_grade", "territory", "route", "rep",
]
FIELDS_KEYS = [
    "name", "section", "type", "label", "required", "supervisor_only", "minimum", "maximum", "max_length", "choices",
]
HISTORY_KEYS = ["at", "user", "field", "old", "new"]


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


Cli = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """``cli("customer", "list")`` runs ``fieldcrm customer list`` and captures what it printed."""

    def run(*argv: str) -> Result:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def written(folder: Path) -> tuple[int, int]:
    """(customer rows, change rows): the two things a refused command must leave as they were.

    Read with a plain read-only connection, so checking cannot itself write.
    """
    with closing(sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)) as db:
        customers = db.execute("SELECT count(*) FROM customers").fetchone()[0]
        changes = db.execute("SELECT count(*) FROM change").fetchone()[0]
    return int(customers), int(changes)


def init_workspace(cli: Cli, folder: Path, monkeypatch: pytest.MonkeyPatch, *, role: str) -> Path:
    """Initialise through the CLI and make it the default workspace (FIELDCRM_WORKSPACE)."""
    result = cli("--workspace", str(folder), "init", "--user", "李雷", "--role", role, "--territory", "西湖区")
    assert result.code == 0, result.err
    monkeypatch.setenv("FIELDCRM_WORKSPACE", str(folder))
    return folder


@pytest.fixture
def rep_folder(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A rep's workspace, the default for commands run without --workspace."""
    return init_workspace(cli, tmp_path / "rep", monkeypatch, role="rep")


@pytest.fixture
def supervisor_folder(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A supervisor's workspace (every field editable), the default for commands run without --workspace."""
    return init_workspace(cli, tmp_path / "supervisor", monkeypatch, role="supervisor")


def add(cli: Cli, *assignments: str) -> dict[str, Any]:
    """Create a card and return it as ``customer add --json`` shows it."""
    result = cli("customer", "add", "--json", *assignments)
    assert result.code == 0, result.err
    card: dict[str, Any] = result.json()
    return card
