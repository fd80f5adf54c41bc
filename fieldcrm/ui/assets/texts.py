"""How asset values and messages read on screen, in the user's language.

Asset fields are declared in the "AssetField" context and share names with
customer fields (``notes``, ``type``), so ``ui.i18n``'s card labels would be
wrong here: labels, choice codes, places, money and the field named inside an
error message are all turned into text from the asset specs.
"""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from fieldcrm.domain.asset_fields import (
    ASSET_FIELDS,
    INSPECTION_FIELDS,
    PLACEMENT_FIELDS,
    RETRIEVE_FIELDS,
    WRITE_OFF_FIELDS,
    AssetStatus,
    AssetType,
    EventKind,
    FlagReason,
)
from fieldcrm.domain.asset_review import ReviewProblem
from fieldcrm.domain.classifications import Choice
from fieldcrm.domain.customer_fields import FieldSpec
from fieldcrm.errors import FieldCRMError
from fieldcrm.ui.i18n import choice_label, error_text


_translate = QCoreApplication.translate

ASSET_SPECS: dict[str, FieldSpec] = {
    s.name: s
    for specs in (ASSET_FIELDS, PLACEMENT_FIELDS, INSPECTION_FIELDS, RETRIEVE_FIELDS, WRITE_OFF_FIELDS)
    for s in specs
}


def label(spec: FieldSpec) -> str:
    return _translate("AssetField", spec.label)


def choice(choices: type[Choice], code: Any) -> str:
    """A stored code as its translated label; an unknown code (from a newer version) as it is."""
    if code is None:
        return ""
    for member in choices:
        if member.value == code:
            return choice_label(member)
    return str(code)


def status(code: Any) -> str:
    return choice(AssetStatus, code)


def asset_type(code: Any) -> str:
    return choice(AssetType, code)


def event_kind(code: Any) -> str:
    return choice(EventKind, code)


def problem(code: Any) -> str:
    return choice(ReviewProblem, code)


def flags(codes: list[str]) -> str:
    return ", ".join(choice(FlagReason, code) for code in codes)


def value(name: str, stored: Any) -> str:
    """A value of an asset or event field, choices by label."""
    if stored is None:
        return ""
    spec = ASSET_SPECS.get(name)
    if spec is not None and spec.choices is not None:
        return choice(spec.choices, stored)
    if isinstance(stored, float):
        return money(stored)
    return str(stored)


def money(yuan: float | None) -> str:
    """Yuan with two decimals and the locale's grouping."""
    return "" if yuan is None else QLocale().toString(float(yuan), "f", 2)


def place(shown: Mapping[str, Any] | None) -> str:
    """"C-7K2Q01 张三超市" for a customer, "Warehouse 总仓" for a warehouse, "" for nowhere."""
    if not shown:
        return ""
    if shown["kind"] == "customer":
        parts = (shown.get("code") or shown.get("customer_id"), shown.get("name"))
        return " ".join(str(p) for p in parts if p)
    return QCoreApplication.translate("AssetTexts", "Warehouse {name}").format(name=shown["name"])


def message(error: FieldCRMError) -> str:
    """A known error in the user's language, the field named by its asset label."""
    return error_text(error, fields=ASSET_SPECS, label=label)
