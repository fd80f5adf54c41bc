"""How visit-log values and messages read on screen, in the user's language.

``ui.i18n`` knows the customer card's fields; the visit log's are declared in
the "VisitField" context and share names with card fields (``notes``,
``rep``), so their labels and the field names inside error messages are
looked up here, from the specs of the form that shows them.
"""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from fieldcrm.domain.customer_fields import FieldSpec, Kind
from fieldcrm.domain.validation import format_value
from fieldcrm.domain.visit_fields import (
    SECTION_LABELS,
    VISIT_FIELDS_BY_NAME,
    RecordSection,
)
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.i18n import code_label, error_text


_translate = QCoreApplication.translate


def label(spec: FieldSpec) -> str:
    return _translate("VisitField", spec.label)


def section_title(section: RecordSection) -> str:
    return _translate("VisitField", SECTION_LABELS[section])


def money(fen: int | None) -> str:
    """Yuan with two decimals and the locale's grouping (¥12,345.60 shows as 12,345.60)."""
    if fen is None:
        return ""
    return QLocale().toString(fen / 100, "f", 2)


def shown(spec: FieldSpec, stored: Any) -> str:
    """A stored value as a list shows it: choices by their translated label, money grouped."""
    if stored is None:
        return ""
    if spec.kind is Kind.CHOICE:
        return code_label(spec, stored)
    if spec.kind is Kind.MONEY:
        return money(int(stored))
    return format_value(spec, stored)


def visit_value(name: str, stored: Any) -> str:
    spec = VISIT_FIELDS_BY_NAME.get(name)
    return shown(spec, stored) if spec is not None else ("" if stored is None else str(stored))


def message(error: FieldCRMError, fields: Mapping[str, FieldSpec] = VISIT_FIELDS_BY_NAME) -> str:
    """A known error in the user's language, the field named by its label in ``fields``."""
    return error_text(error, fields=fields, label=label, contexts=("Errors", "Credit"))
