"""How values read on paper: money, choices and field labels in the print's language."""

from __future__ import annotations

from typing import Any

from fieldcrm.domain.classifications import Choice, CreditGrade
from fieldcrm.domain.customer_fields import FieldSpec, Kind
from fieldcrm.domain.validation import format_value
from fieldcrm.printing import labels as L
from fieldcrm.printing.catalog import Translator
from fieldcrm.printing.model import CreditLine


def money(fen: int | None) -> str:
    """¥1,234.50; blank for no amount, a minus sign for credit."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"


def choice(tr: Translator, choices: type[Choice], code: str | None) -> str:
    """The translated label of a stored choice code; an unknown code (newer app) prints as it is."""
    if not code:
        return ""
    member = next((m for m in choices if m.value == code), None)
    return code if member is None else tr.tr("Choice", member.label)


def field_value(tr: Translator, spec: FieldSpec, stored: Any) -> str:
    """A customer-card value as printed: choices by label, money with the yuan sign."""
    if stored is None or stored == "":
        return ""
    if spec.kind is Kind.CHOICE and spec.choices is not None:
        return choice(tr, spec.choices, str(stored))
    if spec.kind is Kind.MONEY:
        return money(int(stored))
    return format_value(spec, stored)


def joined(*parts: str | None, sep: str = " ") -> str:
    """Non-empty parts joined: an address from its pieces, brand and model."""
    return sep.join(p.strip() for p in parts if p and p.strip())


def credit_text(credit: CreditLine, tr: Translator) -> str:
    """Grade, limit and the warnings a rep must see before taking an order."""
    parts = [choice(tr, CreditGrade, credit.grade) if credit.grade else ""]
    parts.append(f"{tr(L.CREDIT_LIMIT)} {money(credit.limit)}" if credit.limit is not None else tr(L.NO_LIMIT))
    if credit.over_limit:
        parts.append(tr(L.OVER_LIMIT))
    elif credit.left is not None:
        parts.append(f"{tr(L.CREDIT_LEFT)} {money(credit.left)}")
    if credit.overdue:
        parts.append(f"{tr(L.OVERDUE_30)} {money(credit.overdue)}")
    return ", ".join(p for p in parts if p)
