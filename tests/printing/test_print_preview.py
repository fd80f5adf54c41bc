"""The print preview dialog: renders off the GUI thread, shows the pages, cancels, saves all at once."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from pytestqt.qtbot import QtBot

from fieldcrm.printing import PrintSettings, render_customer_cards, render_visit_sheet
from fieldcrm.printing.model import VisitSheet
from fieldcrm.ui.print_preview import PrintPreview
from fieldcrm.ui.workers import TaskRunner
from tests.printing.conftest import make_card, page_texts

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    assert runner.shutdown()


def test_the_preview_shows_the_rendered_pages_and_saves_them(
    qtbot: QtBot, tasks: TaskRunner, sheet: VisitSheet, settings: PrintSettings, tmp_path: Path,
) -> None:
    seen: list[tuple[int, int]] = []
    preview = PrintPreview(tasks, "拜访单", lambda out, progress, cancelled: render_visit_sheet(
        sheet, settings, out, progress=progress, cancelled=cancelled), "sheet.pdf")
    qtbot.addWidget(preview)
    preview.job.progress.connect(lambda done, total, _text: seen.append((done, total)))
    with qtbot.waitSignal(preview.job.finished, timeout=20_000):
        pass
    assert preview.document.pageCount() == 2
    assert preview.save_button.isEnabled()
    assert seen and seen[-1] == (len(sheet.stops), len(sheet.stops))
    target = tmp_path / "sheet.pdf"
    assert preview.save(target)
    assert sheet.stops[0].visit_code in page_texts(target.read_bytes())[0]


def test_cancelling_the_preview_stops_the_print(qtbot: QtBot, tasks: TaskRunner, settings: PrintSettings) -> None:
    cards = [make_card(n) for n in range(300)]
    preview = PrintPreview(tasks, "cards", lambda out, progress, cancelled: render_customer_cards(
        cards, settings, out, progress=progress, cancelled=cancelled), "cards.pdf")
    qtbot.addWidget(preview)
    succeeded: list[object] = []
    preview.job.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(preview.job.finished, timeout=20_000):
        preview.cancel()
    assert succeeded == [] and preview.document.pageCount() == 0
    assert not preview.save_button.isEnabled()


def test_saving_into_a_missing_folder_is_reported_not_raised(
    qtbot: QtBot, tasks: TaskRunner, sheet: VisitSheet, settings: PrintSettings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("fieldcrm.ui.prompts.show_error", lambda parent, error: shown.append(error.message))
    preview = PrintPreview(tasks, "拜访单", lambda out, progress, cancelled: render_visit_sheet(
        sheet, settings, out), "sheet.pdf")
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.job.finished, timeout=20_000):
        pass
    assert not preview.save(tmp_path / "missing" / "sheet.pdf")
    assert shown and shown[0].startswith("output: cannot write")
