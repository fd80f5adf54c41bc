"""The print actions through the widgets: the UI fixtures (scripted prompts, windows), and reading previews back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldcrm.ui.print_preview import PrintPreview
from tests.printing.conftest import page_texts
from tests.ui.conftest import OFFSCREEN_SIZE_HINTS, _isolated_qsettings, answers, windows  # noqa: F401 - shared fixtures

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


def rendered(qtbot: QtBot, preview: PrintPreview) -> PrintPreview:
    """The preview once its document is ready (or failed, or was cancelled)."""
    qtbot.waitUntil(lambda: not preview.job.running, timeout=30_000)
    return preview


def texts_of(preview: PrintPreview, folder: Path) -> list[str]:
    """Each page's text of the previewed PDF, saved through Save as PDF."""
    target = folder / "preview.pdf"
    assert preview.save(target)
    return page_texts(target.read_bytes())
