"""A workspace that can't be used says what is wrong, where, and what can be done."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.errors import WorkspaceError
from fieldcrm.storage.database import DB_NAME
from fieldcrm.workspace import open_workspace
from tests.conftest import make_workspace


def test_missing_workspace(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in caught.value.message
    assert any("init" in r for r in caught.value.remedies)
    assert not (tmp_path / "nowhere").exists()


def test_empty_database_file(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"")
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(tmp_path)
    assert "empty" in caught.value.message
    ws = open_workspace(tmp_path, create=True)
    assert ws.identity is None
    ws.close()


def test_corrupt_database_file(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(tmp_path)
    assert "damaged" in caught.value.message and str(tmp_path) in caught.value.message
    assert len(caught.value.remedies) == 2


def test_locked_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_workspace(tmp_path).close()
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("fieldcrm.storage.database.BUSY_TIMEOUT_MS", 50)
    try:
        with pytest.raises(WorkspaceError) as caught:
            open_workspace(tmp_path)
        assert "in use by another program" in caught.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_database(tmp_path: Path) -> None:
    make_workspace(tmp_path).close()
    for path in tmp_path.iterdir():
        path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(WorkspaceError) as caught:
            open_workspace(tmp_path)
        assert "cannot be written" in caught.value.message
    finally:
        tmp_path.chmod(0o755)


def test_database_sqlite_cannot_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever makes the file unwritable (permissions, a read-only mount), the message is the same."""
    make_workspace(tmp_path).close()
    real_connect = sqlite3.connect

    def read_only_connect(path: str, **kwargs: object) -> sqlite3.Connection:
        kwargs.pop("uri", None)
        return real_connect(f"file:{path}?mode=ro", uri=True, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", read_only_connect)
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(tmp_path)
    assert "cannot be written" in caught.value.message
    assert len(caught.value.remedies) == 2


def test_read_only_opening_reads_without_writing(tmp_path: Path) -> None:
    make_workspace(tmp_path).close()
    ws = open_workspace(tmp_path, read_only=True)
    assert ws.require_identity().user_name == "李雷"
    with pytest.raises(sqlite3.OperationalError):
        ws.db.execute("INSERT INTO customers (id, name) VALUES ('x', 'y')")
    ws.close()


def test_identity_is_set_once(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    identity = ws.require_identity()
    assert len(identity.site_id) == 32 and len(identity.site_tag) == 4
    with pytest.raises(WorkspaceError):
        ws.initialise("someone else", Role.ADMIN)
    ws.close()


def test_workspace_without_owner_says_how_to_make_one(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path, create=True)
    with pytest.raises(WorkspaceError) as caught:
        ws.require_identity()
    assert "no owner" in caught.value.message
    ws.close()
