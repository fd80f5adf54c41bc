"""Printing: visit sheets, customer cards, inspection sheets and daily reports as PDF.

A domain-level service (no Qt): ``sources`` builds plain data (``model``)
from the workspace's services (``day_sheets`` for all routes of a day), the
``render_*`` functions lay it out with reportlab on the embedded fonts, and
``output.write_atomically`` puts the PDF in place all at once. The CLI and
the GUI both go through these; ``jobs`` binds a whole print to a workspace
folder for the GUI's worker thread.

The names below are loaded on first use (PEP 562): importing the package,
as every ``fieldcrm`` command does through the CLI's parser, must not pay
for reportlab's layout engine.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "render_visit_sheet": "fieldcrm.printing.visit_sheet",
    "render_visit_sheets": "fieldcrm.printing.visit_sheet",
    "render_customer_cards": "fieldcrm.printing.customer_card",
    "render_inspection_sheet": "fieldcrm.printing.inspection_sheet",
    "render_daily_report": "fieldcrm.printing.daily_report",
    "write_atomically": "fieldcrm.printing.output",
    "OutputError": "fieldcrm.printing.output",
    "Cancelled": "fieldcrm.printing.progress",
    "CancelCheck": "fieldcrm.printing.progress",
    "ProgressCallback": "fieldcrm.printing.progress",
    "LANGUAGES": "fieldcrm.printing.settings",
    "Paper": "fieldcrm.printing.settings",
    "PrintSettings": "fieldcrm.printing.settings",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
