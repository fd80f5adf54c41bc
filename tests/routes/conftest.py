"""Fixtures for territories and routes: services on the shared workspaces, and a small zoned territory."""

from __future__ import annotations


import pytest

from fieldcrm.workspace import Workspace
from tests.routes.helpers import Services, Town, build_town


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
