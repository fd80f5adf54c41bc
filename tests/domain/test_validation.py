"""Every kind of card value is accepted or refused the same way everywhere."""

from __future__ import annotations

import pytest

from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS, FIELDS_BY_NAME, Kind
from fieldcrm.domain.validation import format_value, parse_fields, parse_value
from fieldcrm.errors import FieldError, ValidationErrors

F = FIELDS_BY_NAME


@pytest.mark.parametrize(
    ("field", "raw", "stored"),
    [
        ("name", "  张三   超市 ", "张三 超市"),
        ("phones", "0571-8888 1234；13800138000", "0571-8888 1234, 13800138000"),
        ("phones", "+86 (571) 8888-1234", "+86 (571) 8888-1234"),
        ("credit_limit", "50,000.5", 5_000_050),
        ("credit_limit", "¥1200", 120_000),
        ("founded_on", "2024-02-29", "2024-02-29"),
        ("latitude", "30.2741", 30.2741),
        ("longitude", "-180", -180.0),
        ("employees", "1,200", 1200),
        ("channel", "Retail", "retail"),
        ("notes", "第一行\n第二行", "第一行\n第二行"),
        ("city", "", None),
    ],
)
def test_accepted_values_are_normalised(field: str, raw: str, stored: object) -> None:
    assert parse_value(F[field], raw) == stored


@pytest.mark.parametrize(
    ("field", "raw", "fragment"),
    [
        ("founded_on", "2024-02-30", "not a real calendar date"),
        ("founded_on", "30/02/2024", "YYYY-MM-DD"),
        ("latitude", "200", "outside -90 to 90"),
        ("longitude", "181", "outside -180 to 180"),
        ("latitude", "nan", "outside -90 to 90"),
        ("latitude", "north", "not a number"),
        ("phones", "call me", "not a phone number"),
        ("phones", "123", "not a phone number"),
        ("channel", "online", "not one of"),
        ("owner_age", "7", "at least 14"),
        ("owner_age", "forty", "not a whole number"),
        ("credit_limit", "1.234", "not an amount"),
        ("credit_limit", "-5", "at least 0"),
        ("name", "   ", "required"),
        ("street", "x" * 201, "longer than 200"),
    ],
)
def test_refused_values_name_the_field(field: str, raw: str, fragment: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_value(F[field], raw)
    assert caught.value.field == field
    assert caught.value.message.startswith(f"{field}: ")
    assert fragment in caught.value.message


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationErrors) as caught:
        parse_fields({"latitude": "200", "phones": "x", "bogus": "1"}, creating=True)
    assert {e.field for e in caught.value.errors} == {"latitude", "phones", "bogus", "name"}


def test_every_kind_formats_back_to_what_parses() -> None:
    samples = {
        Kind.TEXT: "文三路", Kind.LONGTEXT: "a\nb", Kind.INT: "42", Kind.MONEY: "1200.50",
        Kind.DATE: "2020-01-31", Kind.PHONES: "13800138000", Kind.LATITUDE: "30.25",
        Kind.LONGITUDE: "120.1",
    }
    for spec in CUSTOMER_FIELDS:
        raw = spec.choices.codes()[0] if spec.kind is Kind.CHOICE else samples[spec.kind]
        if spec.kind is Kind.INT and spec.minimum:
            raw = str(spec.minimum + 1)
        stored = parse_value(spec, raw)
        assert parse_value(spec, format_value(spec, stored)) == stored, spec.name
