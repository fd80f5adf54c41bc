"""Progress and cancellation for long prints, without Qt.

The GUI runs a batch print on a worker thread and passes plain callables: the
render functions report ``progress(done, total)`` and ask ``cancelled()``
between cards and stops, raising ``Cancelled`` so the half-built PDF is
dropped (the caller writes to a temporary file or a buffer, never in place).
A print that first reads the workspace and then lays out reports both steps
as one bar (``stage``).
"""

from __future__ import annotations

from typing import Callable

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user stopped the print; nothing was written where the PDF was to go."""


class Ticker:
    """Counts units of work (cards, stops) and relays them to the optional callbacks."""

    def __init__(self, total: int, progress: ProgressCallback | None, cancelled: CancelCheck | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled

    def tick(self) -> None:
        """One more unit started: give up if cancelled, else report the units finished so far."""
        self.check()
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.done += 1

    def finish(self) -> None:
        self.check()
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)


def stage(progress: ProgressCallback | None, index: int, count: int) -> ProgressCallback | None:
    """Progress of step ``index`` of ``count`` equal steps (gather, then lay out) as one bar over all of them."""
    if progress is None:
        return None
    report = progress

    def scaled(done: int, total: int) -> None:
        report(index * total + done, count * total)

    return scaled
