"""Shared fixtures: every test gets its own workspace and never touches the real profile."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldcrm.domain.classifications import Role  # noqa: E402
from fieldcrm.domain.customers import CustomerService  # noqa: E402
from fieldcrm.workspace import Workspace, open_workspace  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point HOME and the XDG folders (platformdirs, QSettings) at a temp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("FIELDCRM_WORKSPACE", raising=False)


def make_workspace(folder: Path, user: str = "李雷", role: Role = Role.REP, territory: str | None = "西湖区") -> Workspace:
    ws = open_workspace(folder, create=True)
    ws.initialise(user, role, territory)
    return ws


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A rep's workspace."""
    ws = make_workspace(tmp_path / "rep")
    yield ws
    ws.close()


@pytest.fixture
def supervisor_workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = make_workspace(tmp_path / "supervisor", user="韩梅梅", role=Role.SUPERVISOR, territory=None)
    yield ws
    ws.close()


@pytest.fixture
def customers(workspace: Workspace) -> CustomerService:
    return CustomerService(workspace)


@pytest.fixture
def supervisor_customers(supervisor_workspace: Workspace) -> CustomerService:
    return CustomerService(supervisor_workspace)
