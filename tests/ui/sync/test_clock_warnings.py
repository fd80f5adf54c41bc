"""Clock warnings on the Sync page: shown to supervisors, dismissed once the clock is fixed."""

from __future__ import annotations

from pathlib import Path

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.drift import list_clock_warnings
from fieldcrm.workspace import Workspace
from tests.conftest import make_workspace
from tests.ui.sync.conftest import MakePage
from tests.ui.sync.exchange import fast_clock_warning
from tests.ui.sync.fakes import FakeEngine


def test_a_supervisor_sees_a_fast_clock_and_dismisses_it(
    make_page: MakePage, supervisor_workspace: Workspace, engine: FakeEngine, tmp_path: Path
) -> None:
    fast = make_workspace(tmp_path / "fast", user="钱七", role=Role.REP, territory="西湖区")
    try:
        fast_clock_warning(supervisor_workspace, fast)
    finally:
        fast.close()
    page = make_page(supervisor_workspace, engine)
    panel = page.clocks
    assert panel is not None and not panel.isHidden()
    [line] = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert line.startswith("钱七's laptop clock runs 24 hour(s) ahead (noticed ")
    panel.dismiss_button.click()
    assert list_clock_warnings(supervisor_workspace.db) == []
    assert panel.list.count() == 0 and panel.isHidden()


def test_reps_get_no_clock_panel(make_page: MakePage, workspace: Workspace, engine: FakeEngine) -> None:
    assert make_page(workspace, engine).clocks is None
