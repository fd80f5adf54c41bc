"""Undo for route order changes (drag and drop, Optimise), through the service like any other write.

Each change is a command holding the order before and after; undo and redo
write one of them with ``RouteService.set_order``. The service refuses an
order that no longer names exactly the route's stops (a customer was added,
removed or moved since, here or by sync); such a command is dropped from the
history and the refusal is shown, so the history never holds a step that
cannot be taken.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from fieldcrm.errors import FieldCRMError

WriteOrder = Callable[[str, tuple[str, ...]], None]
ReportError = Callable[[FieldCRMError], None]


class OrderCommand(QUndoCommand):
    def __init__(
        self, text: str, route_id: str, before: tuple[str, ...], after: tuple[str, ...],
        write: WriteOrder, report: ReportError,
    ) -> None:
        super().__init__(text)
        self.route_id = route_id
        self.before = before
        self.after = after
        self._write = write
        self._report = report

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, order: tuple[str, ...]) -> None:
        try:
            self._write(self.route_id, order)
        except FieldCRMError as error:
            self.setObsolete(True)
            self._report(error)
