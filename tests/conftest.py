"""Shared fixtures: every test gets its own workspace and never touches the real profile."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable, Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldcrm.domain.classifications import Role  # noqa: E402
from fieldcrm.domain.customers import CustomerService  # noqa: E402
from fieldcrm.storage.database import DB_NAME  # noqa: E402
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


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Each kind of workspace built once per session (migrations and a few hundred
    triggers cost about a quarter of a second); tests open their own copy."""
    built: dict[str, Path] = {}

    def template(kind: str) -> Path:
        if kind not in built:
            folder = tmp_path_factory.mktemp(f"template-{kind}") / "ws"
            ws = (
                make_workspace(folder) if kind == "rep"
                else make_workspace(folder, user="韩梅梅", role=Role.SUPERVISOR, territory=None)
            )
            ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            ws.close()
            built[kind] = folder / DB_NAME
        return built[kind]

    return template


def _copy(template: Path, folder: Path) -> Workspace:
    folder.mkdir()
    shutil.copyfile(template, folder / DB_NAME)
    return open_workspace(folder)


@pytest.fixture
def workspace(tmp_path: Path, _templates: Callable[[str], Path]) -> Iterator[Workspace]:
    """A rep's workspace (李雷, 西湖区)."""
    ws = _copy(_templates("rep"), tmp_path / "rep")
    yield ws
    ws.close()


@pytest.fixture
def supervisor_workspace(tmp_path: Path, _templates: Callable[[str], Path]) -> Iterator[Workspace]:
    """A supervisor's workspace (韩梅梅, no territory)."""
    ws = _copy(_templates("supervisor"), tmp_path / "supervisor")
    yield ws
    ws.close()


@pytest.fixture
def customers(workspace: Workspace) -> CustomerService:
    return CustomerService(workspace)


@pytest.fixture
def supervisor_customers(supervisor_workspace: Workspace) -> CustomerService:
    return CustomerService(supervisor_workspace)
