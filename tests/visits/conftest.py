"""Fixtures for the visit log: a fixed clock and the services on a rep's and a supervisor's workspace.

Creating a workspace (migrations, a few hundred capture triggers) costs about
a quarter of a second, so each kind is built once per session and every test
opens its own copy of the file: same schema and owner, no shared state.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from fieldcrm.domain.classifications import Role
from fieldcrm.storage.database import DB_NAME
from fieldcrm.workspace import Workspace, open_workspace
from tests.conftest import make_workspace
from tests.visits.helpers import Clock, Services, seed_products, services_for, synced_card_update


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
def clock() -> Clock:
    return Clock(datetime(2024, 6, 10, 9, 30))


@pytest.fixture
def svc(workspace: Workspace, clock: Clock) -> Services:
    """Services on a rep's workspace (李雷, 西湖区) with the catalogue synced in."""
    seed_products(workspace.db)
    return services_for(workspace, clock)


@pytest.fixture
def sup(supervisor_workspace: Workspace, clock: Clock) -> Services:
    return services_for(supervisor_workspace, clock)


@pytest.fixture
def shop(svc: Services) -> dict[str, Any]:
    """A key customer on route R1 with a 5,000 yuan credit limit."""
    card = svc.customers.create({"name": "张三超市", "route": "R1", "territory": "西湖区", "rep": "李雷"})
    synced_card_update(svc.db, card["id"], {"grade": "key", "credit_limit": 500_000})
    return svc.customers.get(card["id"])

