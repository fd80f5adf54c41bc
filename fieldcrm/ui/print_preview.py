"""The print preview: a document rendered on a worker thread, shown page by page, printed or saved as PDF.

The dialog knows nothing about documents: it is given a ``render`` function
(``fieldcrm.printing``'s render functions with their data bound, or a whole
print from ``printing.jobs``) and runs it through the TaskRunner, showing
progress with a Cancel button, so a thousand-card batch never blocks the
window. The PDF stays in memory until the user saves it, and is written with
``printing.write_atomically`` (all or nothing) like the CLI's. Print… sends
it to a printer on the same runner (``ui.printing.printer``), with the same
progress bar and Cancel.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from fieldcrm import printing
from fieldcrm.errors import FieldCRMError
from fieldcrm.printing.jobs import Render
from fieldcrm.ui import prompts
from fieldcrm.ui.printing.printer import print_pdf, printer_for
from fieldcrm.ui.workers import Cancelled, Job, Progress, TaskRunner


def render_in_background(render: Render, progress: Progress) -> bytes:
    """The task run on the worker: the PDF as bytes; printing's cancellation becomes the runner's."""
    out = io.BytesIO()
    try:
        render(out, progress.report, lambda: progress.cancelled)
    except printing.Cancelled:
        raise Cancelled from None
    return out.getvalue()


class PrintPreview(QDialog):
    def __init__(
        self, tasks: TaskRunner, title: str, render: Render, suggested_name: str, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self._tasks = tasks
        self._suggested_name = suggested_name
        self._pdf = b""
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self.tr("Preparing the document…"), self)
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setEnabled(False)
        close_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(self._choose_printer_and_print)
        self.save_button.clicked.connect(self._choose_and_save)
        close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.print_job: Job | None = None
        self.job: Job = tasks.submit(lambda progress: render_in_background(render, progress))
        self.job.progress.connect(self._show_progress)
        self.job.succeeded.connect(self._show_document)
        self.job.failed.connect(self._show_failure)
        self.job.finished.connect(self._finished)

    def cancel(self) -> None:
        """Stop the document being prepared, or the pages being sent to the printer."""
        for job in (self.job, self.print_job):
            if job is not None and job.running:
                job.cancel()
                self.status.setText(self.tr("Cancelled"))

    def reject(self) -> None:
        """Closing the dialog stops a document still being prepared (pages already printing go on)."""
        if self.job.running:
            self.job.cancel()
        super().reject()

    def _show_progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _show_document(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.status.setText(self.tr("%n page(s)", "", self.document.pageCount()))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _show_failure(self, error: FieldCRMError) -> None:
        self.status.setText(self.tr("Not printed"))
        prompts.show_error(self, error)

    def _finished(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.print_button.setEnabled(bool(self._pdf))

    def _choose_printer_and_print(self) -> None:
        printer = printer_for(self.document)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> Job:
        """Send the pages to ``printer`` in the background; the job's progress and Cancel show here."""
        pdf = self._pdf
        job = self._tasks.submit(lambda progress: print_pdf(pdf, printer, progress))
        self.print_job = job
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        job.progress.connect(self._show_progress)
        job.succeeded.connect(self._show_printed)
        job.failed.connect(self._show_failure)
        job.finished.connect(self._finished)
        return job

    def _show_printed(self, pages: int) -> None:
        self.status.setText(self.tr("Sent %n page(s) to the printer", "", pages))

    def _choose_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self._suggested_name, self.tr("PDF files (*.pdf)")
        )
        if name:
            self.save(Path(name))

    def save(self, path: Path) -> bool:
        """Write the rendered PDF to ``path`` all at once; a known problem is shown, not raised."""
        try:
            printing.write_atomically(path, lambda out: out.write(self._pdf))
        except FieldCRMError as error:
            prompts.show_error(self, error)
            return False
        self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))
        return True


__all__ = ["PrintPreview", "Render", "render_in_background"]
