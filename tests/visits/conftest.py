"""Fixtures for the visit log: a fixed clock and the services on a rep's and a supervisor's workspace."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from fieldcrm.workspace import Workspace
from tests.visits.helpers import Clock, Services, seed_products, services_for, synced_card_update


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

