"""One "data changed" signal for the whole window.

Whoever writes (the card editor, delete/restore, later sync and imports)
announces which tables changed; every view refreshes itself from that. Views
never call each other, so adding a page never means touching the others.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    #: the names of the tables that changed, e.g. {"customers"}
    changed = Signal(set)
    #: a page asks for a customer's card (the route map, the week plan); the main window shows it
    open_customer = Signal(str)
    #: True while a new laptop's first sync has the workspace's file to itself: nothing may be written
    handed_over = Signal(bool)

    def notify(self, *tables: str) -> None:
        self.changed.emit(set(tables))
