"""The engine's progress steps and a waiting site's reason reach the Sync page in the user's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from fieldcrm.sync.engine import SyncSummary
from fieldcrm.workspace import Workspace
from tests.ui.sync.conftest import MakePage
from tests.ui.sync.fakes import FakeEngine

# What the lead's catalogue will hold; here, just the strings these messages use.
CHINESE = {
    ("Sync", "Read file #{seq} of {user}"): "正在读取{user}的第{seq}号文件",
    ("Sync", "Site {site} ({owner}), {what}: {reason}"): "站点{site}（{owner}），{what}：{reason}",
    ("Sync", "file #{seq} ({path})"): "第{seq}号文件（{path}）",
    ("Sync", "the file is not signed"): "文件没有签名",
    ("SyncPage", "{step} ({done} of {total})"): "{step}（{done}/{total}）",
    ("SyncPage", "Changes from {who} wait: {reason}"): "{who}的更改暂缓：{reason}",
}


class Chinese(QTranslator):
    """A translator answering from ``CHINESE``; an empty answer means "not translated"."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return CHINESE.get((context, source), "")


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    translator = Chinese()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def test_progress_and_a_waiting_site_show_in_chinese(
    qtbot: QtBot, chinese: None, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    page = make_page(workspace, engine)
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.progress_label.text() == "正在读取王五的第1号文件（0/3）")
    engine.gate.set()
    qtbot.waitUntil(lambda: not page.progress_bar.isVisible())
    waiting = [line for line in page.summary_view.issue_lines() if "site-9" in line]
    assert waiting == ["site-9的更改暂缓：站点site-9（赵六），第4号文件（sites/site-9/000000000004.chg）：文件没有签名"]


def test_a_stored_summary_keeps_the_reason_translatable(
    qtbot: QtBot, chinese: None, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    """The page shows the last summary from the workspace after a restart: it must still translate."""
    engine.gate.set()
    first = make_page(workspace, engine)
    first.sync_button.click()
    qtbot.waitUntil(lambda: engine.last is not None and not first.progress_bar.isVisible())
    assert engine.last is not None
    engine.last = SyncSummary.from_json(engine.last.to_json())
    again = make_page(workspace, engine)
    assert any(line.endswith("：文件没有签名") for line in again.summary_view.issue_lines())
