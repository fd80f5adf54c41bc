"""Fixtures for the asset tests: a supervisor's office with two shops and a freezer in stock."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

from fieldcrm.domain.assets import AssetService
from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.storage.database import DB_NAME
from fieldcrm.workspace import Workspace, open_workspace
from tests.assets.helpers import FREEZER, service


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated workspace without an owner, made once: copying it is ~6x faster than migrating."""
    folder = tmp_path_factory.mktemp("asset-template")
    open_workspace(folder, create=True).close()
    return folder / DB_NAME


def _copy(template: Path, folder: Path, user: str, role: Role, territory: str | None) -> Workspace:
    folder.mkdir()
    shutil.copyfile(template, folder / DB_NAME)
    ws = open_workspace(folder)
    ws.initialise(user, role, territory)  # a fresh site id for every copy
    return ws


@pytest.fixture
def supervisor_workspace(migrated_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    """The same supervisor as tests/conftest.py's fixture, from the template."""
    ws = _copy(migrated_template, tmp_path / "supervisor", "韩梅梅", Role.SUPERVISOR, None)
    yield ws
    ws.close()


@pytest.fixture
def workspace(migrated_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    """The same rep as tests/conftest.py's fixture, from the template."""
    ws = _copy(migrated_template, tmp_path / "rep", "李雷", Role.REP, "西湖区")
    yield ws
    ws.close()


@pytest.fixture
def office(supervisor_workspace: Workspace) -> AssetService:
    return service(supervisor_workspace)


@pytest.fixture
def shops(supervisor_customers: CustomerService) -> tuple[dict[str, Any], dict[str, Any]]:
    first = supervisor_customers.create({"name": "张三超市", "territory": "西湖区", "rep": "李雷"})
    second = supervisor_customers.create({"name": "李四便利店", "territory": "滨江区", "rep": "王芳"})
    return first, second


@pytest.fixture
def freezer(office: AssetService) -> dict[str, Any]:
    return office.add(FREEZER)
