"""Print… in the preview: the pages go to a QPrinter on a worker (here one that writes a PDF file)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from fieldcrm.printing import PrintSettings, render_customer_cards
from fieldcrm.ui.print_preview import PrintPreview
from fieldcrm.ui.printing.printer import chosen_pages, printer_for
from fieldcrm.ui.workers import TaskRunner
from tests.printing.conftest import make_card, reader
from tests.printing.gui.conftest import rendered


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    assert runner.shutdown()


@pytest.fixture
def preview(qtbot: QtBot, tasks: TaskRunner, settings: PrintSettings) -> PrintPreview:
    """Three cards, two pages each."""
    cards = [make_card(n) for n in range(3)]
    shown = PrintPreview(tasks, "cards", lambda out, progress, cancelled: render_customer_cards(
        cards, settings, out, progress=progress, cancelled=cancelled), "cards.pdf")
    qtbot.addWidget(shown)
    rendered(qtbot, shown)
    assert shown.document.pageCount() == 6 and shown.print_button.isEnabled()
    return shown


def pdf_printer(preview: PrintPreview, target: Path) -> QPrinter:
    printer = printer_for(preview.document)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def test_print_sends_every_page_to_the_printer(qtbot: QtBot, preview: PrintPreview, tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"
    printer = pdf_printer(preview, target)
    assert printer.pageLayout().pageSize().name() == "A4"
    seen: list[tuple[int, int]] = []
    job = preview.print_to(printer)
    job.progress.connect(lambda done, total, _text: seen.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        assert not preview.print_button.isEnabled() and preview.status.text() == "Printing…"
    assert preview.status.text() == "Sent 6 page(s) to the printer"
    printed = reader(target.read_bytes())
    assert len(printed.pages) == 6
    assert round(float(printed.pages[0].mediabox.width)) == 595  # A4, as the document
    assert seen[-1] == (6, 6) and preview.print_button.isEnabled()


def test_print_honours_the_dialog_s_page_range(qtbot: QtBot, preview: PrintPreview, tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"
    printer = pdf_printer(preview, target)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(3, 4)
    assert chosen_pages(printer, 6) == range(2, 4)
    with qtbot.waitSignal(preview.print_to(printer).finished, timeout=60_000):
        pass
    assert len(reader(target.read_bytes()).pages) == 2


def test_cancelling_a_print_stops_sending_pages(qtbot: QtBot, preview: PrintPreview, tmp_path: Path) -> None:
    printer = pdf_printer(preview, tmp_path / "printed.pdf")
    job = preview.print_to(printer)
    succeeded: list[object] = []
    job.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        preview.cancel()
    assert succeeded == [] and preview.status.text() == "Cancelled"


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # Qt's own word on the refusal
def test_a_printer_that_cannot_start_is_reported(
    qtbot: QtBot, preview: PrintPreview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("fieldcrm.ui.prompts.show_error", lambda parent, error: shown.append(error.message))
    printer = pdf_printer(preview, tmp_path / "missing" / "printed.pdf")
    with qtbot.waitSignal(preview.print_to(printer).finished, timeout=60_000):
        pass
    assert shown == [f"printer: cannot print on {tmp_path / 'missing' / 'printed.pdf'}"]
    assert preview.status.text() == "Not printed"
