"""Print settings kept in the workspace: paper and language too, checked before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldcrm.errors import FieldCRMError, FieldError
from fieldcrm.printing import settings as print_settings
from fieldcrm.printing import settings_store as store
from fieldcrm.printing import sources
from fieldcrm.printing.progress import stage
from fieldcrm.printing.settings import DEFAULT_LANGUAGE, Paper
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace, open_workspace
from tests.printing.conftest import COMPANY, PNG, ROUTE, Populated, day


def test_paper_and_language_are_stored_and_a_print_may_override_them(supervisor_workspace: Workspace) -> None:
    ws = supervisor_workspace
    assert (print_settings.load(ws).paper, print_settings.load(ws).language) == (Paper.A4, DEFAULT_LANGUAGE)
    print_settings.save(ws, COMPANY, None, paper="letter", language="en")
    stored = print_settings.load(ws)
    assert (stored.company_name, stored.paper, stored.language) == (COMPANY, Paper.LETTER, "en")
    once = print_settings.load(ws, paper=Paper.A4, language="zh_CN")
    assert (once.company_name, once.paper, once.language) == (COMPANY, Paper.A4, "zh_CN")


@pytest.mark.parametrize(("changes", "field"), [
    ({"paper": "a5"}, "paper"), ({"language": "fr"}, "lang"), ({"company": "公" * 101}, "company_name"),
])
def test_refused_settings_change_nothing(supervisor_workspace: Workspace, changes: dict[str, str],
                                        field: str) -> None:
    ws = supervisor_workspace
    print_settings.save(ws, COMPANY, None, paper="letter")
    arguments = {"paper": "a4", "language": "en", **changes}
    with pytest.raises(FieldError) as refused:
        print_settings.save(ws, arguments.pop("company", "别的公司"), None, **arguments)
    assert refused.value.field == field
    assert (print_settings.load(ws).company_name, print_settings.load(ws).paper) == (COMPANY, Paper.LETTER)


def test_values_a_newer_version_stored_fall_back_to_the_defaults(supervisor_workspace: Workspace) -> None:
    ws = supervisor_workspace
    with write_transaction(ws.db):
        store.write(ws.db, store.PAPER, "a3")
        store.write(ws.db, store.LANGUAGE, "de")
    assert (print_settings.load(ws).paper, print_settings.load(ws).language) == (Paper.A4, DEFAULT_LANGUAGE)


def test_stage_reports_steps_as_one_bar() -> None:
    seen: list[tuple[int, int]] = []
    for index in (0, 1):
        step = stage(lambda done, total: seen.append((done, total)), index, 2)
        assert step is not None
        step(3, 4)
    assert seen == [(3, 8), (7, 8)]
    assert stage(None, 0, 2) is None


def test_a_read_only_workspace_prints_a_sheet_only_once_its_visits_are_planned(populated: Populated) -> None:
    """The preview opens the workspace read-only unless it plans; a sheet that must plan says so."""
    sources.visit_sheet(populated.workspace, ROUTE, day(3), rep="李雷")
    reader = open_workspace(populated.workspace.folder, read_only=True)
    try:
        assert len(sources.visit_sheet(reader, ROUTE, day(3), rep="李雷").stops) == 3
        with pytest.raises(FieldCRMError) as refused:
            sources.visit_sheet(reader, ROUTE, day(4), rep="李雷")
    finally:
        reader.close()
    assert refused.value.message == (
        "visit sheet: the workspace is open read-only, so the sheet's 3 new visits cannot be planned")


def test_a_logo_path_is_kept_absolute(supervisor_workspace: Workspace, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    monkeypatch.chdir(tmp_path)
    print_settings.save(supervisor_workspace, None, Path("logo.png"))
    assert print_settings.load(supervisor_workspace).logo_path == tmp_path / "logo.png"
