"""How a sync's outcome reads on screen, in the user's language.

Kept apart from the widgets so the page, its tests and any later status-bar
line word a summary the same way. The engine's progress steps and the
reasons a site waits come as ``Message`` (a template marked in the "Sync"
context plus its arguments) and are translated here; plain strings are
translated when they are a marked template, else shown as the engine worded
them.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from fieldcrm.sync.engine import RejectedChange, SiteProblem, SyncSummary
from fieldcrm.sync.messages import Message

CONTEXT = "SyncPage"


def _tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, "", count)


def local_time(moment: datetime) -> str:
    """A moment in the user's time zone and date format; naive moments are taken as local."""
    shown = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def last_sync_line(summary: SyncSummary | None) -> str:
    if summary is None:
        return _tr("Not synced yet on this laptop")
    return _tr("Last sync: {when} with {share}, took {seconds} s").format(
        when=local_time(datetime.fromisoformat(summary.started)), share=summary.share, seconds=f"{summary.duration_s:.1f}"
    )


def sent_line(summary: SyncSummary) -> str:
    return _tr("Sent: {changes} in {files}").format(
        changes=_tr("%n change(s)", summary.sent_changes), files=_tr("%n file(s)", summary.sent_files)
    )


def received_line(summary: SyncSummary) -> str:
    return _tr("Received: {changes} in {files}; {applied} applied, {duplicates} already here").format(
        changes=_tr("%n change(s)", summary.received_changes),
        files=_tr("%n file(s)", summary.received_files),
        applied=summary.applied,
        duplicates=summary.duplicates,
    )


def conflicts_line(summary: SyncSummary) -> str:
    if not summary.conflicts_open:
        return _tr("No conflicts to review")
    return _tr("%n conflict(s) to review below", summary.conflicts_open)


def sync_reason(reason: str) -> str:
    """An engine reason, translated when it is a marked template."""
    return QCoreApplication.translate("Sync", reason)


def message_text(message: Message | str) -> str:
    """An engine message in the user's language: its template translated, then its arguments
    filled in, those that are messages translated the same way."""
    if not isinstance(message, Message):
        return sync_reason(message)
    args = {k: message_text(v) if isinstance(v, Message) else v for k, v in message.args.items()}
    try:
        return QCoreApplication.translate(message.context, message.template).format(**args)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(message)


def rejected_line(rejected: RejectedChange) -> str:
    """``summary`` already names the field, the record and the rule; ``reason`` is only its code."""
    return _tr("Not applied, from {user}: {summary}").format(user=rejected.user, summary=rejected.summary)


def problem_line(problem: SiteProblem) -> str:
    reason = message_text(problem.explained) if problem.explained is not None else sync_reason(problem.reason)
    return _tr("Changes from {who} wait: {reason}").format(who=problem.user or problem.site, reason=reason)


def progress_line(done: int, total: int, step: str) -> str:
    """``step`` is already in the user's language (``message_text`` on the worker)."""
    step = step or _tr("Syncing…")
    return _tr("{step} ({done} of {total})").format(step=step, done=done, total=total) if total else step
