"""The engine's progress steps, a waiting site's reason, rejected changes and clock and photo warnings
reach the Sync page in the user's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.engine import SyncError, SyncSummary
from fieldcrm.sync.share import ShareError
from fieldcrm.sync.share.keys import SigningKey
from fieldcrm.sync.share.share import Share
from fieldcrm.ui.sync.sync_page import SyncPage
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
    ("SyncPage", "Not applied, from {user}: {summary}"): "未应用（来自{user}）：{summary}",
    ("Sync", "{user} may not change {field} of {row} (supervisors only); the change was not applied"):
        "{user}无权修改{row}的{field}（仅限主管）；该修改未被应用",
    ("Sync", "{user}'s laptop clock (site {site}) runs {hours:.1f} h ahead; ask them to set it right"):
        "{user}的电脑时钟（站点{site}）快了{hours:.1f}小时；请提醒其校正时钟",
    ("Sync", "{count} photo(s) are not on the share yet; they are fetched at a later sync"):
        "{count}张照片尚未上传到共享目录，将在之后的同步中获取",
    ("Sync", "Photo {sha} on the share is damaged ({reason}); it was not kept, and the laptops holding it are asked "
             "to send it again"):
        "共享目录中的照片{sha}已损坏（{reason}）；未保存，已请保存有此照片的电脑重新发送",
    ("Sync", "the attachment's bytes do not match its name"): "附件内容与其名称不符",
    ("Sync", "{action}: the share {path} has gone (unmounted, moved or deleted)"):
        "{action}：共享目录 {path} 已不可用（已卸载、移动或删除）",
    ("Sync", "reading attachment {sha}"): "读取附件 {sha}",
    ("Sync", "{reason}"): "{reason}",
}
# What the Sync page lists under "Needs attention" for the fake engine's summary, the waiting site aside.
WARNINGS_IN_CHINESE = [
    "未应用（来自王五）：王五无权修改C-0001的grade（仅限主管）；该修改未被应用",
    "钱七的电脑时钟（站点site-7）快了24.0小时；请提醒其校正时钟",
    "2张照片尚未上传到共享目录，将在之后的同步中获取",
    "共享目录中的照片9f86d081884c已损坏（附件内容与其名称不符）；未保存，已请保存有此照片的电脑重新发送",
]


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


def test_a_rejected_change_and_clock_and_photo_warnings_show_in_chinese_also_once_stored(
    qtbot: QtBot, chinese: None, make_page: MakePage, workspace: Workspace, engine: FakeEngine
) -> None:
    """The page shows the last summary from the workspace after a restart: it must still translate."""
    engine.gate.set()
    first = make_page(workspace, engine)
    first.sync_button.click()
    qtbot.waitUntil(lambda: engine.last is not None and not first.progress_bar.isVisible())
    assert warnings(first) == WARNINGS_IN_CHINESE
    assert engine.last is not None
    engine.last = SyncSummary.from_json(engine.last.to_json())
    again = make_page(workspace, engine)
    assert any(line.endswith("：文件没有签名") for line in again.summary_view.issue_lines())
    assert warnings(again) == WARNINGS_IN_CHINESE


def warnings(page: SyncPage) -> list[str]:
    """The page's "Needs attention" lines but the waiting site's."""
    return [line for line in page.summary_view.issue_lines() if "site-9" not in line]


def test_a_failed_sync_shows_the_share_error_and_its_action_in_chinese(
    qtbot: QtBot, chinese: None, make_page: MakePage, workspace: Workspace, engine: FakeEngine, tmp_path: Path
) -> None:
    """The engine wraps the share's typed error; the page translates it whole, action included."""
    gone = tmp_path / "share"
    share = Share(gone, "share-1", SigningKey.generate().public)  # opened, then its folder went away
    with pytest.raises(ShareError) as caught, share.io_errors(_N("Sync", "reading attachment {sha}"), sha="9f86d081"):
        raise FileNotFoundError(2, "No such file or directory", str(gone / "blobs"))
    engine.error = SyncError.wrap(caught.value)
    page = make_page(workspace, engine)
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.error_label.isVisible())
    assert page.error_label.text() == f"读取附件 9f86d081：共享目录 {gone} 已不可用（已卸载、移动或删除）"
    assert str(engine.error) == f"reading attachment 9f86d081: the share {gone} has gone (unmounted, moved or deleted)"
