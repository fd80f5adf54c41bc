"""A bulk load skips WAL's second copy only when it is alone, and always leaves the workspace in WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldcrm.storage.database import connect, write_transaction, written_once


def _mode(path: Path) -> str:
    probe = sqlite3.connect(path)
    try:
        return str(probe.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        probe.close()


def test_alone_it_loads_through_a_rollback_journal_then_returns_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    db = connect(path)
    db.execute("CREATE TABLE t (x)")
    with written_once(db):
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        with write_transaction(db):
            db.execute("INSERT INTO t VALUES (1)")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    db.close()
    assert _mode(path) == "wal"


def test_with_another_connection_open_it_stays_in_wal_without_waiting(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    db = connect(path)
    db.execute("CREATE TABLE t (x)")
    other = connect(path)
    assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    with written_once(db):
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with write_transaction(db):
            db.execute("INSERT INTO t VALUES (1)")
    assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] > 0  # the usual patience is back
    other.close()
    db.close()


def test_a_failed_load_is_rolled_back_and_the_mode_restored(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    db = connect(path)
    db.execute("CREATE TABLE t (x)")
    with pytest.raises(RuntimeError), written_once(db), write_transaction(db):
        db.execute("INSERT INTO t VALUES (1)")
        raise RuntimeError("disk trouble")
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
