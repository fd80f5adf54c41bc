"""The CLI's output: the documented JSON shapes and the text a person reads.

JSON keys come out in a fixed order (the card's order), values typed: money as
yuan, integers, floats, strings or null. The README documents these shapes;
tests assert their exact keys, so changing one is a deliberate contract change.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Iterable, Mapping, Sequence

from fieldcrm.domain.customer_fields import (
    CUSTOMER_FIELDS,
    FIELDS_BY_NAME,
    SECTION_LABELS,
    FieldSpec,
    Kind,
)
from fieldcrm.domain.customers import HistoryRow
from fieldcrm.domain.validation import format_value, money_to_json
from fieldcrm.storage.customers import LIST_COLUMNS
from fieldcrm.sync.clock import to_datetime

_TEXT_KINDS = (Kind.TEXT, Kind.LONGTEXT, Kind.PHONES)

# Every column of `customer list` except the id (the code identifies a row to
# a person and is accepted wherever an id is).
LIST_TEXT_COLUMNS: tuple[str, ...] = tuple(c for c in LIST_COLUMNS if c != "id")


def field_value_json(spec: FieldSpec, stored: Any) -> Any:
    """A stored value as JSON: money in yuan (fen / 100), everything else as stored."""
    if spec.kind is Kind.MONEY:
        return money_to_json(stored)
    return stored


def column_value_json(column: str, stored: Any) -> Any:
    """Like ``field_value_json`` for any captured column, including ``code`` and ``deleted``."""
    if column == "deleted":
        return None if stored is None else bool(stored)
    spec = FIELDS_BY_NAME.get(column)
    return field_value_json(spec, stored) if spec is not None else stored


def card_json(card: Mapping[str, Any]) -> dict[str, Any]:
    """``customer show --json``: id, code, deleted, then every card field in card order."""
    shape: dict[str, Any] = {"id": card["id"], "code": card["code"], "deleted": bool(card["deleted"])}
    for spec in CUSTOMER_FIELDS:
        shape[spec.name] = field_value_json(spec, card[spec.name])
    return shape


def history_json(rows: Iterable[HistoryRow]) -> list[dict[str, Any]]:
    """The ``history`` key of ``customer show --history --json``, newest first."""
    return [
        {
            "at": to_datetime(row.hlc).isoformat(timespec="milliseconds"),
            "user": row.user,
            "field": row.field,
            "old": column_value_json(row.field, row.old),
            "new": column_value_json(row.field, row.new),
        }
        for row in rows
    ]


def list_row_json(row: Mapping[str, Any], *, deleted: bool) -> dict[str, Any]:
    """One entry of ``customer list --json``: id, code, deleted, then the list columns."""
    shape: dict[str, Any] = {"id": row["id"], "code": row["code"], "deleted": deleted}
    shape.update((c, row[c]) for c in LIST_COLUMNS if c not in shape)
    return shape


def fields_json() -> list[dict[str, Any]]:
    """``customer fields --json``: what a script needs to generate valid FIELD=VALUE input."""
    return [
        {
            "name": spec.name,
            "section": spec.section.value,
            "type": spec.kind.value,
            "label": spec.label,
            "required": spec.required,
            "supervisor_only": spec.supervisor_only,
            "minimum": spec.minimum,
            "maximum": spec.maximum,
            "max_length": spec.max_length if spec.kind in _TEXT_KINDS else None,
            "choices": [{"code": m.value, "label": m.label} for m in spec.choices] if spec.choices else [],
        }
        for spec in CUSTOMER_FIELDS
    ]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart, padded by display width so CJK names line up."""
    body = [list(header), *(list(r) for r in rows)]
    widths = [max(display_width(r[i]) for r in body) for i in range(len(header))]
    lines = []
    for cells in body:
        padded = [c + " " * (widths[i] - display_width(c)) for i, c in enumerate(cells)]
        lines.append("  ".join(padded).rstrip())
    return lines


def text_value(column: str, stored: Any) -> str:
    """A value as a person reads it and ``set`` takes it: money with two decimals, choice codes."""
    if column == "deleted":
        return "" if stored is None else ("yes" if stored else "no")
    spec = FIELDS_BY_NAME.get(column)
    if spec is not None:
        return format_value(spec, stored)
    return "" if stored is None else str(stored)


def card_text(card: Mapping[str, Any]) -> list[str]:
    """``customer show``: every field by section, names as ``set`` takes them, blanks left blank."""
    width = max(len(s.name) for s in CUSTOMER_FIELDS) + 2
    lines = [
        f"{'id':<{width}}{card['id']}",
        f"{'code':<{width}}{card['code']}",
        f"{'deleted':<{width}}{text_value('deleted', card['deleted'])}",
    ]
    section = None
    for spec in CUSTOMER_FIELDS:
        if spec.section is not section:
            section = spec.section
            lines += ["", SECTION_LABELS[section]]
        first, *rest = text_value(spec.name, card[spec.name]).split("\n")
        lines.append(f"  {spec.name:<{width - 2}}{first}".rstrip())
        lines += [f"{'':<{width}}{more}".rstrip() for more in rest]
    return lines


def history_text(rows: Sequence[HistoryRow]) -> list[str]:
    """``customer show --history``: one line per changed field, newest first."""
    body = []
    for entry in rows:
        old, new = text_value(entry.field, entry.old), text_value(entry.field, entry.new)
        when = to_datetime(entry.hlc).strftime("%Y-%m-%d %H:%M:%S")
        body.append([when, entry.user, entry.field, _one_line(old), "->", _one_line(new)])
    return ["", "History (newest first, UTC)", *table(["at", "user", "field", "old", "", "new"], body)]


def _one_line(text: str) -> str:
    return text.replace("\n", " / ")


def fields_text() -> list[str]:
    """``customer fields``: one row per field with its rules; choices as code=Label."""
    rows = []
    for spec in CUSTOMER_FIELDS:
        rules = [r for r in ("required" if spec.required else "",
                             "supervisor-only" if spec.supervisor_only else "") if r]
        if spec.minimum is not None:
            rules.append(f">= {spec.minimum}")
        if spec.maximum is not None:
            rules.append(f"<= {spec.maximum}")
        allowed = ", ".join(f"{m.value}={m.label}" for m in spec.choices) if spec.choices else ""
        rows.append([spec.name, spec.section.value, spec.kind.value, " ".join(rules), allowed])
    return table(["field", "section", "type", "rules", "allowed values"], rows)


def list_text(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """``customer list``: the list columns as a table, blanks for empty values."""
    body = [["" if row[c] is None else str(row[c]) for c in LIST_TEXT_COLUMNS] for row in rows]
    return table(list(LIST_TEXT_COLUMNS), body)
