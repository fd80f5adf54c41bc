"""The Qt binding itself must not corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 releases ``True`` once per ``Signal.emit`` and
``None`` once per call from a C++ signal into Python; after a few thousand
signals the interpreter aborts ("deallocating None"). Python 3.12+ hides it
(immortal singletons); 6.11.2 is clean. This test names the cause instead of
leaving a random crash to be debugged.
"""

from __future__ import annotations

import sys

from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QCheckBox

EMITS = 200


class Emitter(QObject):
    fired = Signal(int)


def test_signals_keep_reference_counts_balanced(qapp: QApplication) -> None:
    emitter = Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    box = QCheckBox()
    box.toggled.connect(lambda checked: None)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for number in range(EMITS):
        emitter.fired.emit(number)
        box.setChecked(not box.isChecked())
    lost_true = true_before - sys.getrefcount(True)
    lost_none = none_before - sys.getrefcount(None)
    assert len(received) == EMITS
    assert lost_true < EMITS // 2 and lost_none < EMITS // 2, (
        f"PySide6 {QtCore.__version__} on Python {sys.version.split()[0]} leaks references "
        f"({lost_true} True, {lost_none} None lost in {EMITS} signals); the app will crash. "
        "Use a PySide6-Essentials without this bug (6.11.2 is fine, 6.12.0 is not)."
    )
