"""Every field of the customer card (客户档案卡), declared once.

The schema, validation, the CLI's ``customer fields``, the editor form and the
printed card are all driven from ``CUSTOMER_FIELDS``, so a field added here
shows up everywhere with the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from fieldcrm.domain import classifications as c
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N


class Kind(str, Enum):
    """How a value is typed in, checked and stored."""

    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # several lines
    INT = "integer"
    MONEY = "money"  # stored as integer fen (cents), shown with two decimals
    DATE = "date"  # ISO YYYY-MM-DD
    PHONES = "phones"  # one or more phone numbers
    CHOICE = "choice"
    LATITUDE = "latitude"
    LONGITUDE = "longitude"


class Section(str, Enum):
    """The four sections of the customer-file rules, plus classification and notes."""

    BASIC = "basic"
    PEOPLE = "people"
    CHARACTERISTICS = "characteristics"
    BUSINESS = "business"
    TRADING = "trading"
    CLASSIFICATION = "classification"
    NOTES = "notes"


SECTION_LABELS = {
    Section.BASIC: _N("CustomerField", "Basic data"),
    Section.PEOPLE: _N("CustomerField", "Owner, manager, legal representative"),
    Section.CHARACTERISTICS: _N("CustomerField", "Characteristics"),
    Section.BUSINESS: _N("CustomerField", "Business status"),
    Section.TRADING: _N("CustomerField", "Trading status"),
    Section.CLASSIFICATION: _N("CustomerField", "Classification"),
    Section.NOTES: _N("CustomerField", "Notes"),
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    section: Section
    label: str
    choices: type[c.Choice] | None = None
    required: bool = False
    supervisor_only: bool = False
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = 200

    @property
    def sql_type(self) -> type:
        if self.kind in (Kind.INT, Kind.MONEY):
            return int
        if self.kind in (Kind.LATITUDE, Kind.LONGITUDE):
            return float
        return str


def _text(name: str, section: Section, label: str, **kw: object) -> FieldSpec:
    return FieldSpec(name, Kind.TEXT, section, label, **kw)  # type: ignore[arg-type]


def _long(name: str, section: Section, label: str, **kw: object) -> FieldSpec:
    kw.setdefault("max_length", 4000)
    return FieldSpec(name, Kind.LONGTEXT, section, label, **kw)  # type: ignore[arg-type]


def _person(prefix: str, who: str) -> list[FieldSpec]:
    """The profile the rules ask for on each of owner, manager and legal representative."""
    s = Section.PEOPLE
    labels = {
        "owner": (
            _N("CustomerField", "Owner: name"),
            _N("CustomerField", "Owner: personality"),
            _N("CustomerField", "Owner: hobbies"),
            _N("CustomerField", "Owner: family"),
            _N("CustomerField", "Owner: education"),
            _N("CustomerField", "Owner: age"),
            _N("CustomerField", "Owner: capability"),
        ),
        "manager": (
            _N("CustomerField", "Manager: name"),
            _N("CustomerField", "Manager: personality"),
            _N("CustomerField", "Manager: hobbies"),
            _N("CustomerField", "Manager: family"),
            _N("CustomerField", "Manager: education"),
            _N("CustomerField", "Manager: age"),
            _N("CustomerField", "Manager: capability"),
        ),
        "legal_rep": (
            _N("CustomerField", "Legal representative: name"),
            _N("CustomerField", "Legal representative: personality"),
            _N("CustomerField", "Legal representative: hobbies"),
            _N("CustomerField", "Legal representative: family"),
            _N("CustomerField", "Legal representative: education"),
            _N("CustomerField", "Legal representative: age"),
            _N("CustomerField", "Legal representative: capability"),
        ),
    }[who]
    name, personality, hobbies, family, education, age, capability = labels
    return [
        _text(f"{prefix}_name", s, name),
        _long(f"{prefix}_personality", s, personality),
        _long(f"{prefix}_hobbies", s, hobbies),
        _long(f"{prefix}_family", s, family),
        _text(f"{prefix}_education", s, education),
        FieldSpec(f"{prefix}_age", Kind.INT, s, age, minimum=14, maximum=120),
        _long(f"{prefix}_capability", s, capability),
    ]


B, CH, BU, T, CL = (
    Section.BASIC,
    Section.CHARACTERISTICS,
    Section.BUSINESS,
    Section.TRADING,
    Section.CLASSIFICATION,
)

CUSTOMER_FIELDS: tuple[FieldSpec, ...] = (
    # 1. Basic data
    _text("name", B, _N("CustomerField", "Name"), required=True),
    _text("province", B, _N("CustomerField", "Province")),
    _text("city", B, _N("CustomerField", "City")),
    _text("district", B, _N("CustomerField", "District")),
    _text("street", B, _N("CustomerField", "Street address")),
    FieldSpec("phones", Kind.PHONES, B, _N("CustomerField", "Phones")),
    _long("contacts", B, _N("CustomerField", "Contact persons")),
    FieldSpec("founded_on", Kind.DATE, B, _N("CustomerField", "Founded on")),
    FieldSpec("trading_since", Kind.DATE, B, _N("CustomerField", "Trading with us since")),
    FieldSpec(
        "organisation_form", Kind.CHOICE, B, _N("CustomerField", "Organisation form"),
        choices=c.OrganisationForm,
    ),
    _text("industry", B, _N("CustomerField", "Industry")),
    FieldSpec("assets", Kind.MONEY, B, _N("CustomerField", "Assets"), minimum=0),
    *_person("owner", "owner"),
    *_person("manager", "manager"),
    *_person("legal_rep", "legal_rep"),
    # 2. Characteristics
    _long("service_area", CH, _N("CustomerField", "Service area")),
    _long("sales_capacity", CH, _N("CustomerField", "Sales capacity")),
    _long("growth_potential", CH, _N("CustomerField", "Growth potential")),
    _long("business_philosophy", CH, _N("CustomerField", "Business philosophy and policies")),
    FieldSpec("employees", Kind.INT, CH, _N("CustomerField", "Employees"), minimum=0, maximum=10_000_000),
    FieldSpec("annual_sales", Kind.MONEY, CH, _N("CustomerField", "Annual sales"), minimum=0),
    _long("management_style", CH, _N("CustomerField", "Management style")),
    # 3. Business status
    _long("sales_record", BU, _N("CustomerField", "Sales record with us")),
    _long("manager_quality", BU, _N("CustomerField", "Quality of managers")),
    _long("staff_quality", BU, _N("CustomerField", "Quality of sales staff")),
    _long("competitor_relations", BU, _N("CustomerField", "Relations with competitors")),
    _long("relationship", BU, _N("CustomerField", "Relationship with us")),
    FieldSpec(
        "cooperation_attitude", Kind.CHOICE, BU, _N("CustomerField", "Attitude to cooperation"),
        choices=c.Attitude,
    ),
    # 4. Trading status
    _long("sales_activity", T, _N("CustomerField", "Current sales activity")),
    _long("problems", T, _N("CustomerField", "Problems")),
    _long("strengths", T, _N("CustomerField", "Strengths")),
    _long("next_strategy", T, _N("CustomerField", "Next strategy")),
    _long("reputation", T, _N("CustomerField", "Reputation and image")),
    FieldSpec(
        "credit_grade", Kind.CHOICE, T, _N("CustomerField", "Credit grade"),
        choices=c.CreditGrade, supervisor_only=True,
    ),
    FieldSpec(
        "credit_limit", Kind.MONEY, T, _N("CustomerField", "Credit limit"),
        minimum=0, supervisor_only=True,
    ),
    _text("payment_terms", T, _N("CustomerField", "Payment terms")),
    _long("credit_incidents", T, _N("CustomerField", "Past credit incidents")),
    # Classification
    FieldSpec("nature", Kind.CHOICE, CL, _N("CustomerField", "Nature"), choices=c.Nature),
    FieldSpec("ownership", Kind.CHOICE, CL, _N("CustomerField", "Ownership"), choices=c.Ownership),
    FieldSpec("channel", Kind.CHOICE, CL, _N("CustomerField", "Channel"), choices=c.Channel),
    FieldSpec(
        "location_type", Kind.CHOICE, CL, _N("CustomerField", "Location type"),
        choices=c.LocationType,
    ),
    FieldSpec(
        "grade", Kind.CHOICE, CL, _N("CustomerField", "Grade"),
        choices=c.Grade, supervisor_only=True,
    ),
    FieldSpec("lifecycle", Kind.CHOICE, CL, _N("CustomerField", "Lifecycle"), choices=c.Lifecycle),
    _text("territory", CL, _N("CustomerField", "Territory")),
    _text("route", CL, _N("CustomerField", "Route")),
    _text("rep", CL, _N("CustomerField", "Responsible rep")),
    FieldSpec("latitude", Kind.LATITUDE, CL, _N("CustomerField", "Latitude")),
    FieldSpec("longitude", Kind.LONGITUDE, CL, _N("CustomerField", "Longitude")),
    # Notes
    _long("notes", Section.NOTES, _N("CustomerField", "Notes"), max_length=20000),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in CUSTOMER_FIELDS}

SUPERVISOR_ONLY_FIELDS: frozenset[str] = frozenset(
    f.name for f in CUSTOMER_FIELDS if f.supervisor_only
)

FILTERABLE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in CUSTOMER_FIELDS if f.section is Section.CLASSIFICATION and f.kind not in (Kind.LATITUDE, Kind.LONGITUDE)
) + ("credit_grade",)
