"""Asset UI fixtures: a supervisor's office with two shops, units in stock, and the Assets page over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from fieldcrm.domain.customers import CustomerService
from fieldcrm.ui.assets.assets_page import AssetsPage
from fieldcrm.ui.assets.context import AssetContext
from fieldcrm.ui.data_bus import DataBus
from fieldcrm.ui.page import Session
from fieldcrm.ui.workers import TaskRunner
from fieldcrm.workspace import Workspace


@pytest.fixture
def session(qtbot: QtBot, supervisor_workspace: Workspace) -> Iterator[Session]:
    bus, tasks = DataBus(), TaskRunner()
    yield Session(supervisor_workspace, bus, tasks)
    tasks.shutdown()
    bus.deleteLater()
    tasks.deleteLater()


@pytest.fixture
def context(session: Session) -> AssetContext:
    return AssetContext.of(session)


@pytest.fixture
def shops(supervisor_workspace: Workspace) -> tuple[dict[str, Any], dict[str, Any]]:
    customers = CustomerService(supervisor_workspace)
    first = customers.create({"name": "张三超市", "territory": "西湖区"})
    second = customers.create({"name": "李四便利店", "territory": "滨江区"})
    return first, second


@pytest.fixture
def fleet(context: AssetContext, shops: tuple[dict[str, Any], dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """BG-001 deployed at 张三超市 (deposit 300, inspected: not clean), BG-002 and CL-001 in stock."""
    assets = context.assets
    assets.add({"tag": "BG-001", "type": "freezer", "brand": "海尔", "date": "2024-01-20"})
    assets.add({"tag": "BG-002", "type": "freezer", "brand": "海尔"})
    assets.add({"tag": "CL-001", "type": "cooler", "brand": "澳柯玛"})
    assets.deploy("BG-001", shops[0]["code"], agreement="AG-7", deposit="300", date="2024-02-01")
    assets.inspect("BG-001", {"clean": "no", "display_ok": "yes", "share_percent": "60", "condition": "working",
                              "date": "2024-03-01"})
    return {tag: assets.show(tag) for tag in ("BG-001", "BG-002", "CL-001")}


@pytest.fixture
def page(qtbot: QtBot, session: Session, fleet: dict[str, dict[str, Any]]) -> AssetsPage:
    shown = AssetsPage(session)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: session.tasks.active == 0)
    return shown


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A real (tiny) PNG, so Qt can decode the thumbnail."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = tmp_path / "freezer-front.png"
    assert image.save(str(path))
    return path
