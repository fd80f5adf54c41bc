"""How stored customer values read on screen: choice codes as translated labels.

The list and the history show values; the editor edits them. Both go
through here and through ``validation.format_value`` so a value looks the
same wherever it appears.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from fieldcrm.domain.customer_fields import FIELDS_BY_NAME, Kind
from fieldcrm.domain.validation import format_value
from fieldcrm.ui.i18n import code_label, field_label


def column_title(column: str) -> str:
    """The header of a list column or the name of a history entry's field."""
    if column == "code":
        return QCoreApplication.translate("CustomerDisplay", "Code")
    if column == "deleted":
        return QCoreApplication.translate("CustomerDisplay", "Deleted")
    if column in FIELDS_BY_NAME:
        return field_label(column)
    return column


def display_value(column: str, stored: Any) -> str:
    if stored is None:
        return ""
    if column == "deleted":
        return (
            QCoreApplication.translate("CustomerDisplay", "yes")
            if stored
            else QCoreApplication.translate("CustomerDisplay", "no")
        )
    spec = FIELDS_BY_NAME.get(column)
    if spec is None:
        return str(stored)
    if spec.kind is Kind.CHOICE:
        return code_label(spec, stored)
    return format_value(spec, stored)


def card_title(card: dict[str, Any]) -> str:
    """"C-7K2Q01 张三超市": how a card is named in titles and questions."""
    return " ".join(str(part) for part in (card.get("code"), card.get("name")) if part)
