"""Whole prints from a workspace folder, for a worker thread (the GUI's print preview).

A worker must not borrow the GUI thread's connection, so each print opens
the workspace for itself (read-only, unless the document plans visits),
reads the document and the print settings, closes it, and only then lays the
PDF out. Each function here returns such a print as a ``Render``: called
with the output, a progress callback and a cancel check, it writes the PDF
and returns its page count. Reading and laying out share one progress bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Callable, Optional, Protocol, Sequence, TypeVar

from fieldcrm.printing import settings as print_settings
from fieldcrm.printing.model import CustomerCardDoc
from fieldcrm.printing.progress import CancelCheck, ProgressCallback, stage
from fieldcrm.printing.settings import PrintSettings
from fieldcrm.workspace import Workspace, open_workspace

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)

Render = Callable[[BinaryIO, ProgressCallback, CancelCheck], int]
Gather = Callable[[Workspace, Optional[ProgressCallback], CancelCheck], T]


class Layout(Protocol[T_contra]):
    """A ``render_*`` function of this package."""

    def __call__(self, document: T_contra, settings: PrintSettings, out: BinaryIO, *,
                 progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None) -> int: ...


def _job(folder: Path, gather: Gather[T], layout: Layout[T], *, plans_visits: bool = False) -> Render:
    def render(out: BinaryIO, progress: ProgressCallback, cancelled: CancelCheck) -> int:
        workspace = open_workspace(folder, read_only=not plans_visits)
        try:
            document = gather(workspace, stage(progress, 0, 2), cancelled)
            settings = print_settings.load(workspace)
        finally:
            workspace.close()
        return layout(document, settings, out, progress=stage(progress, 1, 2), cancelled=cancelled)

    return render


def customer_cards(folder: Path, customer_ids: Sequence[str]) -> Render:
    """The cards of these customers, in this order, in one PDF."""
    from fieldcrm.printing import sources
    from fieldcrm.printing.customer_card import render_customer_cards

    ids = tuple(customer_ids)
    return _job(folder, lambda ws, progress, cancelled: sources.customer_cards(
        ws, ids, cancelled=cancelled, progress=progress), render_customer_cards)


def route_cards(folder: Path, route: str) -> Render:
    """The cards of a route's customers, in stop order."""
    from fieldcrm.printing import sources
    from fieldcrm.printing.customer_card import render_customer_cards

    def gather(ws: Workspace, progress: ProgressCallback | None, cancelled: CancelCheck) -> list[CustomerCardDoc]:
        ids = sources.route_members(ws, route).customer_ids
        return sources.customer_cards(ws, ids, cancelled=cancelled, progress=progress)

    return _job(folder, gather, render_customer_cards)


def visit_sheet(folder: Path, route: str, day: str) -> Render:
    """The route's visit sheet for ``day``, planning its visits (so the workspace is opened for writing)."""
    from fieldcrm.printing import sources
    from fieldcrm.printing.visit_sheet import render_visit_sheet

    return _job(folder, lambda ws, progress, cancelled: sources.visit_sheet(ws, route, day), render_visit_sheet,
                plans_visits=True)


def inspection_sheet(folder: Path, route: str, day: str | None = None) -> Render:
    from fieldcrm.printing import sources
    from fieldcrm.printing.inspection_sheet import render_inspection_sheet

    return _job(folder, lambda ws, progress, cancelled: sources.inspection_sheet(ws, route, day),
                render_inspection_sheet)


def daily_report(folder: Path, rep: str, day: str) -> Render:
    """The newest submitted version of ``rep``'s report for ``day``."""
    from fieldcrm.printing import sources
    from fieldcrm.printing.daily_report import render_daily_report

    return _job(folder, lambda ws, progress, cancelled: sources.daily_report(ws, rep, day), render_daily_report)


def day_batch(folder: Path, day: str, rep: str | None = None) -> Render:
    """Every route of ``day`` (of ``rep``, if given) as visit sheets in one PDF, planning their visits."""
    from fieldcrm.printing.day_sheets import day_sheets
    from fieldcrm.printing.visit_sheet import render_visit_sheets

    return _job(folder, lambda ws, progress, cancelled: day_sheets(
        ws, day, rep, progress=progress, cancelled=cancelled), render_visit_sheets, plans_visits=True)
