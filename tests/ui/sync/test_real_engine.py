"""The Sync page in the main window with the real engine and a real share folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldcrm.domain.classifications import Role
from fieldcrm.domain.customers import CustomerService
from fieldcrm.sync import engine, membership
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.ui.sync.sync_page import SyncPage
from fieldcrm.workspace import Workspace
from tests.conftest import make_workspace

Windows = Callable[[Workspace], MainWindow]


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Workspace]:
    """The admin's workspace, which made the share at tmp_path/share."""
    ws = make_workspace(tmp_path / "admin", "王管理", Role.ADMIN, None)
    membership.init_share(ws, tmp_path / "share")
    yield ws
    ws.close()


def sync_page(window: MainWindow) -> SyncPage:
    """Open the Sync page the way a user does, through the navigation."""
    window.show()
    assert window.show_page("sync")
    page = window.pages["sync"]
    assert isinstance(page, SyncPage)
    return page


def register(admin: Workspace, share: Path, ws: Workspace) -> None:
    me = ws.require_identity()
    membership.add_user(admin, share, user=me.user_name, role=me.role, territory=me.territory,
                        key_text=engine.device_key(ws).public.text)


def test_syncing_from_the_page_brings_a_colleagues_card_and_its_conflict(
    qtbot: QtBot, windows: Windows, workspace: Workspace, other_laptop: Workspace, admin: Workspace, tmp_path: Path
) -> None:
    share = tmp_path / "share"
    for ws in (workspace, other_laptop):
        register(admin, share, ws)
    card = CustomerService(other_laptop).create({"name": "张三超市", "city": "杭州", "territory": "西湖区"})
    engine.sync(other_laptop, share)
    window = windows(workspace)
    page = sync_page(window)
    assert page.share_edit.text() == ""  # never synced: the rep types the share in
    page.share_edit.setText(str(share))
    with qtbot.waitSignal(window.session.bus.changed, timeout=10_000) as changed:
        page.sync_button.click()
    assert "customers" in changed.args[0]
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.", timeout=10_000)
    assert CustomerService(workspace).get(card["id"])["name"] == "张三超市"
    assert page.summary_view.received_label.text().startswith("Received: ")
    assert engine.remembered_share(workspace) == share

    CustomerService(workspace).update(card["id"], {"city": "宁波"})
    CustomerService(other_laptop).update(card["id"], {"city": "温州"})
    engine.sync(other_laptop)
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.", timeout=10_000)
    assert page.conflicts.model.rowCount() == 1
    assert page.summary_view.conflicts_label.text() == "1 conflict(s) to review below"


def test_an_unregistered_laptop_sees_the_key_to_give_the_admin(
    qtbot: QtBot, windows: Windows, workspace: Workspace, admin: Workspace, tmp_path: Path
) -> None:
    page = sync_page(windows(workspace))
    page.share_edit.setText(str(tmp_path / "share"))
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.status_label.text() == "Sync failed.", timeout=10_000)
    assert "fieldcrm share add-user" in page.error_label.text()
    assert engine.device_key(workspace).public.text in page.error_label.text()


def test_a_new_laptops_first_sync_from_the_page_makes_the_snapshot_its_workspace(
    qtbot: QtBot, windows: Windows, admin: Workspace, tmp_path: Path
) -> None:
    """The window lets go of the file while the sync runs, so the image is adopted, then shows the cards."""
    share = tmp_path / "share"
    boss = make_workspace(tmp_path / "boss", "韩梅梅", Role.SUPERVISOR, None)
    fresh = make_workspace(tmp_path / "fresh", "新主管", Role.SUPERVISOR, None)
    try:
        for ws in (boss, fresh):
            register(admin, share, ws)
        service = CustomerService(boss)
        names = sorted(service.create({"name": f"店{n}", "territory": "西湖区"})["name"] for n in range(5))
        engine.write_snapshot(boss, share)
        window = windows(fresh)
        page = sync_page(window)
        page.share_edit.setText(str(share))
        before = fresh.db_path.stat().st_ino
        page.sync_button.click()
        qtbot.waitUntil(lambda: page.status_label.text() == "Sync finished.", timeout=20_000)
        assert fresh.db_path.stat().st_ino != before  # the image was renamed over the file, not loaded into it
        assert window.navigation.isEnabled() and not fresh.handed_over
        customers = window.pages["customers"]
        assert isinstance(customers, CustomersPage)
        qtbot.waitUntil(lambda: customers.model.rowCount() == len(names), timeout=10_000)
        assert [r[0] for r in fresh.db.execute("SELECT name FROM customers ORDER BY name")] == names
    finally:
        boss.close()
