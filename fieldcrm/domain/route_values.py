"""What a territory or route field accepts, turned into its stored form or a FieldError naming the field.

The CLI and the Routes page pass what the user typed straight to the
services, which parse it here, so a depot, a weekday or a pin is accepted or
refused the same way everywhere.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from fieldcrm.domain.classifications import Choice
from fieldcrm.domain.validation import MSG_REQUIRED, MSG_TOO_LONG
from fieldcrm.errors import FieldError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.routing import LatLon, Pin

NAME_MAX = 100
PERSON_MAX = 100

C = TypeVar("C", bound=Choice)

MSG_NOT_ONE_OF = _N("Errors", "{field}: '{value}' is not one of {allowed}")
MSG_DEPOT_FORMAT = _N("Errors", "{field}: '{value}' is not a position as LATITUDE,LONGITUDE (for example 30.27,120.15)")
MSG_DEPOT_RANGE = _N("Errors", "{field}: '{value}' is outside latitude -90 to 90 or longitude -180 to 180")
MSG_WEEKDAY = _N("Errors", "{field}: '{value}' is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
MSG_WEEKDAY_TWICE = _N("Errors", "{field}: {value} is given twice")


class Level(Choice):
    """The levels of the territory tree, top down; each node's parent is one level up."""

    DISTRICT = "district", _N("Choice", "District")
    AREA = "area", _N("Choice", "Area")
    ZONE = "zone", _N("Choice", "Zone")

    @property
    def below(self) -> "Level | None":
        members = list(Level)
        index = members.index(self)
        return members[index + 1] if index + 1 < len(members) else None


class RouteKind(Choice):
    """A rep's round of visits, or a delivery run; a customer is on at most one route of each."""

    VISITING = "visiting", _N("Choice", "Visiting")
    DELIVERY = "delivery", _N("Choice", "Delivery")


class StopPin(Choice):
    """Where a stop must stay when its route is optimised (see ``fieldcrm.routing.Pin``)."""

    NONE = "none", _N("Choice", "Not pinned")
    FIRST = "first", _N("Choice", "First")
    LAST = "last", _N("Choice", "Last")
    FIXED = "fixed", _N("Choice", "Fixed place")

    @property
    def routing_pin(self) -> Pin:
        return Pin(self.value)


class Weekday(Choice):
    MON = "mon", _N("Choice", "Monday")
    TUE = "tue", _N("Choice", "Tuesday")
    WED = "wed", _N("Choice", "Wednesday")
    THU = "thu", _N("Choice", "Thursday")
    FRI = "fri", _N("Choice", "Friday")
    SAT = "sat", _N("Choice", "Saturday")
    SUN = "sun", _N("Choice", "Sunday")

    @property
    def number(self) -> int:
        """Monday is 0, as ``date.weekday()`` counts."""
        return list(Weekday).index(self)


_CHINESE_DAYS = "一二三四五六日"


def _day_words() -> dict[str, Weekday]:
    """Every spelling of each weekday a user may type, lower-cased."""
    words: dict[str, Weekday] = {}
    for day, number in zip(Weekday, range(7), strict=True):
        words[day.value] = day
        words[day.label.lower()] = day
        for prefix in ("周", "星期", "礼拜"):
            words[prefix + _CHINESE_DAYS[number]] = day
    words["周天"] = words["星期天"] = Weekday.SUN
    return words


_DAY_WORDS = _day_words()
_DAY_SPLIT = re.compile(r"[,;，；、/\s]+")


def parse_choice(field: str, raw: Any, choices: type[C]) -> C:
    text = str(raw).strip().lower()
    for member in choices:
        if text == member.value:
            return member
    raise FieldError(field, MSG_NOT_ONE_OF, value=raw, allowed=", ".join(choices.codes()))


def parse_name(field: str, raw: Any) -> str:
    """A required one-line name, spaces collapsed."""
    text = " ".join(str(raw if raw is not None else "").split())
    if not text:
        raise FieldError(field, MSG_REQUIRED)
    if len(text) > NAME_MAX:
        raise FieldError(field, MSG_TOO_LONG, limit=NAME_MAX)
    return text


def parse_person(field: str, raw: Any) -> str | None:
    """An optional person's name (manager, rep, delivery staff); blank means nobody."""
    text = " ".join(str(raw if raw is not None else "").split())
    if len(text) > PERSON_MAX:
        raise FieldError(field, MSG_TOO_LONG, limit=PERSON_MAX)
    return text or None


def parse_depot(field: str, raw: Any) -> LatLon | None:
    """``"30.27,120.15"`` or a ``(lat, lon)`` pair; blank means no start point."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, str):
        parts = [p.strip() for p in re.split(r"[,，\s]+", raw.strip()) if p.strip()]
    else:
        parts = list(raw)
    try:
        lat, lon = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise FieldError(field, MSG_DEPOT_FORMAT, value=raw) from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise FieldError(field, MSG_DEPOT_RANGE, value=raw)
    return round(lat, 7), round(lon, 7)


def parse_days(field: str, raw: str | Iterable[str] | None) -> tuple[Weekday, ...]:
    """Weekdays as codes, English names or 周一/星期一, in any order; stored Monday first."""
    if raw is None:
        return ()
    words = _DAY_SPLIT.split(raw.strip()) if isinstance(raw, str) else [str(w).strip() for w in raw]
    days: set[Weekday] = set()
    for word in (w for w in words if w):
        day = _DAY_WORDS.get(word.lower())
        if day is None:
            raise FieldError(field, MSG_WEEKDAY, value=word)
        if day in days:
            raise FieldError(field, MSG_WEEKDAY_TWICE, value=day.value)
        days.add(day)
    return tuple(sorted(days, key=lambda d: d.number))


def days_text(days: Iterable[Weekday]) -> str | None:
    """The stored form: codes joined by commas, Monday first; None for no days."""
    return ",".join(d.value for d in days) or None


def stored_days(text: str | None) -> tuple[Weekday, ...]:
    """Read the stored form back; a code this version does not know (from a newer laptop) is skipped."""
    known = {d.value: d for d in Weekday}
    return tuple(known[code] for code in (text or "").split(",") if code in known)


def stored_pin(text: str | None) -> StopPin:
    known = {p.value: p for p in StopPin}
    return known.get(text or "none", StopPin.NONE)
