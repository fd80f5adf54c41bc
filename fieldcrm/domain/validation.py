"""Turning what a user typed into a stored value, or a FieldError naming the field.

The CLI, the editor and imports all go through ``parse_value`` so a value is
accepted or refused the same way everywhere.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from fieldcrm.domain.customer_fields import FIELDS_BY_NAME, FieldSpec, Kind
from fieldcrm.errors import FieldError, ValidationErrors
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N

_PHONE_SPLIT = re.compile(r"[,;，；、/\n]+")
_PHONE_OK = re.compile(r"^\+?[0-9][0-9 ()\-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

MSG_UNKNOWN_FIELD = _N("Errors", "{field}: unknown field")
MSG_REQUIRED = _N("Errors", "{field}: is required")
MSG_TOO_LONG = _N("Errors", "{field}: longer than {limit} characters")
MSG_NOT_INTEGER = _N("Errors", "{field}: '{value}' is not a whole number")
MSG_NOT_AMOUNT = _N("Errors", "{field}: '{value}' is not an amount (for example 1200.50)")
MSG_BELOW = _N("Errors", "{field}: must be at least {limit}")
MSG_ABOVE = _N("Errors", "{field}: must be at most {limit}")
MSG_DATE_FORMAT = _N("Errors", "{field}: '{value}' is not a date in the form YYYY-MM-DD")
MSG_DATE_INVALID = _N("Errors", "{field}: '{value}' is not a real calendar date")
MSG_PHONE = _N("Errors", "{field}: '{value}' is not a phone number")
MSG_CHOICE = _N("Errors", "{field}: '{value}' is not one of {allowed}")
MSG_NOT_NUMBER = _N("Errors", "{field}: '{value}' is not a number")
MSG_LATITUDE = _N("Errors", "{field}: {value} is outside -90 to 90")
MSG_LONGITUDE = _N("Errors", "{field}: {value} is outside -180 to 180")


def spec_for(name: str) -> FieldSpec:
    try:
        return FIELDS_BY_NAME[name]
    except KeyError:
        raise FieldError(name, MSG_UNKNOWN_FIELD) from None


def parse_value(spec: FieldSpec, raw: Any) -> Any:
    """Return the stored form of ``raw`` for ``spec``; blank means empty (None)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.required:
            raise FieldError(spec.name, MSG_REQUIRED)
        return None
    text = raw.strip() if isinstance(raw, str) else raw
    parser = _PARSERS[spec.kind]
    return parser(spec, text)


def _parse_text(spec: FieldSpec, value: Any) -> str:
    text = str(value)
    if spec.kind is Kind.TEXT:
        text = " ".join(text.split())
    if len(text) > spec.max_length:
        raise FieldError(spec.name, MSG_TOO_LONG, limit=spec.max_length)
    return text


def _check_range(spec: FieldSpec, number: int, shown: object) -> None:
    if spec.minimum is not None and number < spec.minimum:
        raise FieldError(spec.name, MSG_BELOW, limit=shown if spec.kind is Kind.MONEY else spec.minimum)
    if spec.maximum is not None and number > spec.maximum:
        raise FieldError(spec.name, MSG_ABOVE, limit=spec.maximum)


def _parse_int(spec: FieldSpec, value: Any) -> int:
    if isinstance(value, bool):
        raise FieldError(spec.name, MSG_NOT_INTEGER, value=value)
    if isinstance(value, int):
        number = value
    else:
        text = str(value).replace(",", "")
        if not re.fullmatch(r"[+-]?\d+", text):
            raise FieldError(spec.name, MSG_NOT_INTEGER, value=value)
        number = int(text)
    _check_range(spec, number, number)
    return number


def _parse_money(spec: FieldSpec, value: Any) -> int:
    """Money is kept in fen so sums never drift; input is yuan with up to two decimals."""
    text = str(value).replace(",", "").replace("¥", "").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise FieldError(spec.name, MSG_NOT_AMOUNT, value=value) from None
    if not amount.is_finite() or amount.as_tuple().exponent < -2 or abs(amount) >= Decimal(10) ** 13:  # type: ignore[operator]
        raise FieldError(spec.name, MSG_NOT_AMOUNT, value=value)
    fen = int(amount * 100)
    if spec.minimum is not None and fen < spec.minimum * 100:
        raise FieldError(spec.name, MSG_BELOW, limit=spec.minimum)
    return fen


def parse_date(field_name: str, value: Any) -> str:
    """An ISO calendar date; 2024-02-30 is refused, not rolled over."""
    text = str(value).strip()
    if not _DATE.match(text):
        raise FieldError(field_name, MSG_DATE_FORMAT, value=value)
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise FieldError(field_name, MSG_DATE_INVALID, value=value) from None


def _parse_date(spec: FieldSpec, value: Any) -> str:
    return parse_date(spec.name, value)


def _parse_phones(spec: FieldSpec, value: Any) -> str:
    numbers = [p.strip() for p in _PHONE_SPLIT.split(str(value)) if p.strip()]
    for number in numbers:
        digits = re.sub(r"\D", "", number)
        if not _PHONE_OK.match(number) or not 5 <= len(digits) <= 15:
            raise FieldError(spec.name, MSG_PHONE, value=number)
    text = ", ".join(numbers)
    if len(text) > spec.max_length:
        raise FieldError(spec.name, MSG_TOO_LONG, limit=spec.max_length)
    return text


def _parse_choice(spec: FieldSpec, value: Any) -> str:
    assert spec.choices is not None
    text = str(value).strip()
    for member in spec.choices:
        if text == member.value or text.lower() == member.value.lower():
            return member.value
    raise FieldError(spec.name, MSG_CHOICE, value=value, allowed=", ".join(spec.choices.codes()))


def _parse_coordinate(spec: FieldSpec, value: Any) -> float:
    try:
        number = float(str(value).strip())
    except ValueError:
        raise FieldError(spec.name, MSG_NOT_NUMBER, value=value) from None
    limit, message = (90.0, MSG_LATITUDE) if spec.kind is Kind.LATITUDE else (180.0, MSG_LONGITUDE)
    if not -limit <= number <= limit:  # also refuses NaN
        raise FieldError(spec.name, message, value=value)
    return round(number, 7)


_PARSERS = {
    Kind.TEXT: _parse_text,
    Kind.LONGTEXT: _parse_text,
    Kind.INT: _parse_int,
    Kind.MONEY: _parse_money,
    Kind.DATE: _parse_date,
    Kind.PHONES: _parse_phones,
    Kind.CHOICE: _parse_choice,
    Kind.LATITUDE: _parse_coordinate,
    Kind.LONGITUDE: _parse_coordinate,
}


def parse_fields(raw: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    """Parse a set of edits, collecting every bad field before refusing.

    ``creating`` also checks required fields that were not given at all.
    """
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, value in raw.items():
        try:
            values[name] = parse_value(spec_for(name), value)
        except FieldError as error:
            errors.append(error)
    if creating:
        for spec in FIELDS_BY_NAME.values():
            if spec.required and spec.name not in raw:
                errors.append(FieldError(spec.name, MSG_REQUIRED))
    if errors:
        raise ValidationErrors(errors)
    return values


def format_value(spec: FieldSpec, stored: Any) -> str:
    """The text a user sees and edits for a stored value (untranslated choice codes)."""
    if stored is None:
        return ""
    if spec.kind is Kind.MONEY:
        return f"{Decimal(stored) / 100:.2f}"
    return str(stored)


def money_to_json(stored: int | None) -> float | None:
    return None if stored is None else stored / 100
