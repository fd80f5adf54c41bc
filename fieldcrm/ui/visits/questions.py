"""The questions the visit form asks, in one place so tests answer them by replacing a function."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_credit_reason(parent: QWidget | None, warning: str) -> str | None:
    """Why the order may go over the credit limit; None when the user backs out."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("VisitQuestions", "Over the credit limit"),
        QCoreApplication.translate("VisitQuestions", "{warning}\n\nWhy should it be accepted anyway?").format(
            warning=warning
        ),
        QLineEdit.EchoMode.Normal,
    )
    return text.strip() if ok and text.strip() else None
