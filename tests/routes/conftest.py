"""Fixtures for territories and routes: workspaces copied from a template, and a small zoned territory.

Creating a workspace (migrations, capture triggers) costs about a quarter of
a second, so each kind is built once per session and every test opens its
own copy of the file: same schema and owner, no shared state.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, Iterator

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.storage.database import DB_NAME
from fieldcrm.workspace import Workspace, open_workspace
from tests.conftest import make_workspace
from tests.routes.helpers import Services, Town, build_town


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    built: dict[str, Path] = {}

    def template(kind: str) -> Path:
        if kind not in built:
            folder = tmp_path_factory.mktemp(f"template-{kind}")
            ws = (
                make_workspace(folder / "ws") if kind == "rep"
                else make_workspace(folder / "ws", user="韩梅梅", role=Role.SUPERVISOR, territory=None)
            )
            ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            ws.close()
            built[kind] = folder / "ws" / DB_NAME
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
    ws = _copy(_templates("supervisor"), tmp_path / "supervisor")
    yield ws
    ws.close()


@pytest.fixture
def sup(supervisor_workspace: Workspace) -> Services:
    return Services.of(supervisor_workspace)


@pytest.fixture
def rep(workspace: Workspace) -> Services:
    return Services.of(workspace)


@pytest.fixture
def town(sup: Services) -> Town:
    """A supervisor's tree (主城分区 > 西湖区 > 北山街道, 西溪街道) with zoned, located customers."""
    return build_town(sup)
