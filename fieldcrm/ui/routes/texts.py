"""How route values and messages read on screen, in the user's language.

Route services name the fields they refuse (``customer``, ``depot``,
``pin``…) with codes that are not customer-card fields, so the labels those
messages show are declared here, in the "RouteField" context. Distances are
kilometres with one decimal, weekdays the locale's short day names.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from fieldcrm.domain.customer_fields import FieldSpec, Kind, Section
from fieldcrm.domain.route_values import Level, RouteKind, StopPin, Weekday
from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP
from fieldcrm.ui.i18n import error_text

_translate = QCoreApplication.translate


def _spec(name: str, label: str, choices: type[Level | RouteKind | StopPin] | None = None) -> FieldSpec:
    kind = Kind.CHOICE if choices is not None else Kind.TEXT
    return FieldSpec(name, kind, Section.BASIC, label, choices=choices)


ROUTE_FIELDS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        _spec("name", QT_TRANSLATE_NOOP("RouteField", "Name")),
        _spec("names", QT_TRANSLATE_NOOP("RouteField", "Route names")),
        _spec("kind", QT_TRANSLATE_NOOP("RouteField", "Kind"), RouteKind),
        _spec("level", QT_TRANSLATE_NOOP("RouteField", "Level"), Level),
        _spec("pin", QT_TRANSLATE_NOOP("RouteField", "Pin"), StopPin),
        _spec("territory", QT_TRANSLATE_NOOP("RouteField", "Territory")),
        _spec("zone", QT_TRANSLATE_NOOP("RouteField", "Zone")),
        _spec("route", QT_TRANSLATE_NOOP("RouteField", "Route")),
        _spec("routes", QT_TRANSLATE_NOOP("RouteField", "Routes")),
        _spec("customer", QT_TRANSLATE_NOOP("RouteField", "Customer")),
        _spec("depot", QT_TRANSLATE_NOOP("RouteField", "Start point")),
        _spec("days", QT_TRANSLATE_NOOP("RouteField", "Days")),
        _spec("rep", QT_TRANSLATE_NOOP("RouteField", "Rep")),
        _spec("delivery", QT_TRANSLATE_NOOP("RouteField", "Delivery person")),
        _spec("order", QT_TRANSLATE_NOOP("RouteField", "Order")),
    )
}


def field_label(spec: FieldSpec) -> str:
    return _translate("RouteField", spec.label)


def message(error: FieldCRMError) -> str:
    """A known error in the user's language, the field named by its route label."""
    return error_text(error, fields=ROUTE_FIELDS, label=field_label)


def km(metres: float | None) -> str:
    """"12.3 km" with the locale's decimal point and grouping; empty for no distance."""
    if metres is None:
        return ""
    number = QLocale().toString(metres / 1000, "f", 1)
    return QCoreApplication.translate("RouteTexts", "{km} km").format(km=number)


def day_name(day: Weekday) -> str:
    """The locale's short name of a weekday (Mon, 周一)."""
    return QLocale().dayName(day.number + 1, QLocale.FormatType.ShortFormat)


def days(chosen: Iterable[Weekday]) -> str:
    return " ".join(day_name(day) for day in chosen)


def short_date(day: date) -> str:
    """A date as the locale writes it briefly (2024/6/3, 6/3/24)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def count(number: int) -> str:
    """A whole number with the locale's grouping (1,234)."""
    return QLocale().toString(number)
