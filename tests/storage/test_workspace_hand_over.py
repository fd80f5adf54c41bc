"""Handing the workspace's file to another connection and taking it back (a new laptop's first sync)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerQuery, CustomerService
from fieldcrm.storage.database import connect, take_rollback_journal, write_transaction
from fieldcrm.workspace import Workspace, WorkspaceError
from tests.conftest import make_workspace


def test_handed_over_the_window_reads_a_copy_and_the_file_is_anothers_alone(workspace: Workspace) -> None:
    db = workspace.db
    workspace.hand_over()
    assert workspace.identity is not None and workspace.identity.user_name == "李雷"
    assert db.execute("SELECT count(*) FROM customers").fetchone() == (0,)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("INSERT INTO meta (key, value) VALUES ('lost', 'write')")
    with pytest.raises(WorkspaceError, match="first sync is filling this workspace"), write_transaction(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('lost', 'write')")
    assert not db.conn.in_transaction
    sole = connect(workspace.db_path)
    try:
        assert take_rollback_journal(sole)  # what adopting a snapshot asks of the file
        sole.execute("PRAGMA journal_mode = WAL")
    finally:
        sole.close()
    workspace.take_back()
    assert workspace.db is db and not workspace.handed_over
    db.execute("INSERT INTO meta (key, value) VALUES ('kept', 'write')")
    assert db.execute("SELECT value FROM meta WHERE key = 'kept'").fetchone() == ("write",)


def test_taken_back_the_window_reads_the_file_that_replaced_it(workspace: Workspace, tmp_path: Path) -> None:
    other = make_workspace(tmp_path / "other", "韩梅梅", Role.SUPERVISOR, None)
    other.db.execute("INSERT INTO meta (key, value) VALUES ('from', 'the image')")
    other.close()
    workspace.hand_over()
    os.replace(tmp_path / "other" / workspace.db_path.name, workspace.db_path)
    workspace.take_back()
    assert workspace.db.execute("SELECT value FROM meta WHERE key = 'from'").fetchone() == ("the image",)
    assert workspace.require_identity().user_name == "韩梅梅"


def test_a_file_gone_meanwhile_is_said_and_not_made_anew(workspace: Workspace) -> None:
    workspace.hand_over()
    moved = workspace.db_path.with_name("elsewhere.db")
    os.replace(workspace.db_path, moved)
    with pytest.raises(WorkspaceError, match="There is no FieldCRM workspace"):
        workspace.take_back()
    assert not workspace.db_path.exists() and workspace.handed_over
    assert workspace.require_identity().user_name == "李雷"  # the window keeps reading its copy
    os.replace(moved, workspace.db_path)
    workspace.take_back()
    assert not workspace.handed_over


def test_a_card_saved_while_handed_over_is_refused_with_a_reason(workspace: Workspace) -> None:
    """A window left open on a card before the first sync began says why its save did nothing."""
    workspace.hand_over()
    with pytest.raises(WorkspaceError, match="first sync is filling this workspace"):
        CustomerService(workspace).create({"name": "张三超市", "city": "杭州", "territory": "西湖区"})
    workspace.take_back()
    assert CustomerService(workspace).count(CustomerQuery()) == 0
