"""Clearing a closed database's free pages: what ``secure_delete`` did, without SQLite writing each page."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldcrm.sync import free_pages

SECRET = "滨江区机密客户"


def _database(path: Path) -> None:
    """A file whose table of secret cards was dropped plainly, beside a table kept."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA secure_delete = OFF")  # Debian's SQLite zeroes by default
    for table in ("kept", "others"):
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, name TEXT, street TEXT)")
        conn.execute(f"CREATE INDEX {table}_name ON {table} (name)")
    conn.execute("BEGIN")
    insert = "INSERT INTO {} (name, street) VALUES (?, ?)"
    conn.executemany(insert.format("kept"), [(f"西湖区{n}", "文一路") for n in range(750)])
    conn.executemany(insert.format("others"), [(f"{SECRET}{n}", "江南大道" * 30) for n in range(3000)])
    conn.execute("COMMIT")
    conn.execute("DROP TABLE others")
    conn.close()


@pytest.mark.parametrize("punching", [True, False], ids=["holes", "zeros written"])
def test_free_pages_end_up_holding_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, punching: bool) -> None:
    if not punching:
        monkeypatch.setattr(free_pages, "_punch", None)  # a system without fallocate
    path = tmp_path / "cards.db"
    _database(path)
    assert SECRET.encode() in path.read_bytes()  # deleted plainly, the rows are still in the file
    with sqlite3.connect(path) as conn:
        listed = conn.execute("PRAGMA freelist_count").fetchone()[0]
    assert free_pages.clear(path) == listed > 100
    assert SECRET.encode() not in path.read_bytes()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM kept").fetchone() == (750,)
        conn.executemany("INSERT INTO kept (name) VALUES (?)", [(f"新店{n}",) for n in range(2000)])
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM kept WHERE name LIKE '新店%'").fetchone() == (2000,)
    finally:
        conn.close()


def test_a_file_with_no_free_pages_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "cards.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE cards (name TEXT)")
        conn.execute("INSERT INTO cards VALUES ('西湖区')")
    conn.close()
    before = path.read_bytes()
    assert free_pages.clear(path) == 0
    assert path.read_bytes() == before


def test_a_free_list_that_does_not_add_up_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cards.db"
    _database(path)
    data = bytearray(path.read_bytes())
    data[36:40] = (int.from_bytes(data[36:40], "big") + 5).to_bytes(4, "big")  # the header claims more
    path.write_bytes(bytes(data))
    with pytest.raises(free_pages.DamagedFreeList, match="header says"):
        free_pages.clear(path)
    assert path.read_bytes() == bytes(data)
