"""Visit-log UI fixtures: a rep's workspace with the catalogue synced in and a shop with a credit limit."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from pytestqt.qtbot import QtBot

from fieldcrm.domain.customers import CustomerService
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.visits.context import VisitContext
from fieldcrm.workspace import Workspace
from tests.ui.conftest import OFFSCREEN_SIZE_HINTS
from tests.visits.helpers import seed_products, synced_card_update

HERE = Path(__file__).parent
# The product picker's completion popup: the offscreen platform can neither raise it nor give it the keyboard.
OFFSCREEN_POPUP = (r"This plugin does not support raise\(\)", r"This plugin does not support grabbing the keyboard")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put this folder's ignore list first: pytest-qt reads only the closest qt_log_ignore marker."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS, *OFFSCREEN_POPUP), append=False)


@pytest.fixture
def bus(qtbot: QtBot) -> Iterator[DataBus]:
    bus = DataBus()
    yield bus
    bus.deleteLater()


@pytest.fixture
def context(workspace: Workspace, bus: DataBus) -> VisitContext:
    """Services on a rep's workspace (李雷, 西湖区) whose catalogue has arrived by sync."""
    seed_products(workspace.db)
    return VisitContext.create(workspace, bus)


@pytest.fixture
def shop(context: VisitContext) -> str:
    """张三超市 on route R1 with a 100 yuan credit limit (set by a supervisor, arrived by sync)."""
    card = CustomerService(context.workspace).create({"name": "张三超市", "route": "R1", "territory": "西湖区"})
    synced_card_update(context.workspace.db, card["id"], {"credit_limit": 10_000, "grade": "key"})
    return str(card["id"])
