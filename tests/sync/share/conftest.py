"""Fixtures of the share tests (helpers live in share_helpers, importable by the tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from share_helpers import Fleet

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.share import Share, SigningKey


@pytest.fixture
def fleet(tmp_path: Path) -> Fleet:
    (tmp_path / "admin-workspace").mkdir()
    share = Share.init(tmp_path / "share", tmp_path / "admin-workspace" / "admin.key")
    found = Fleet(tmp_path, share, SigningKey.load(tmp_path / "admin-workspace" / "admin.key"))
    found.register("alice", Role.REP, territory="西湖区")
    found.register("bob", Role.DELIVERY)
    found.register("sue", Role.SUPERVISOR)
    return found
