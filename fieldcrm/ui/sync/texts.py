"""How a sync's outcome reads on screen, in the user's language.

Kept apart from the widgets so the page, its tests and any later status-bar
line word a summary the same way. The engine's progress steps, the reasons
a site waits, rejected changes and clock and photo warnings come as
``Message`` (a template marked in the "Sync" context plus its arguments) and
are translated here; plain strings (summaries stored before) are translated
when they are a marked template, else shown as the engine worded them.

Each string of the page's own is a literal ``QCoreApplication.translate("SyncPage",
…)`` call: lupdate finds only those, so a helper taking the text as a variable
would keep it out of the catalogue.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject

from fieldcrm.sync.engine import RejectedChange, SiteProblem, SyncSummary
from fieldcrm.sync.messages import Message



def local_time(moment: datetime) -> str:
    """A moment in the user's time zone and date format; naive moments are taken as local."""
    shown = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def last_sync_line(summary: SyncSummary | None) -> str:
    if summary is None:
        return QCoreApplication.translate("SyncPage", "Not synced yet on this laptop")
    return QCoreApplication.translate("SyncPage", "Last sync: {when} with {share}, took {seconds} s").format(
        when=local_time(datetime.fromisoformat(summary.started)), share=summary.share, seconds=f"{summary.duration_s:.1f}"
    )


def sent_line(summary: SyncSummary) -> str:
    return QCoreApplication.translate("SyncPage", "Sent: {changes} in {files}").format(
        changes=_COUNTS.changes(summary.sent_changes), files=_COUNTS.files(summary.sent_files)
    )


def received_line(summary: SyncSummary) -> str:
    text = QCoreApplication.translate(
        "SyncPage", "Received: {changes} in {files}; {applied} applied, {duplicates} already here"
    )
    return text.format(
        changes=_COUNTS.changes(summary.received_changes),
        files=_COUNTS.files(summary.received_files),
        applied=summary.applied,
        duplicates=summary.duplicates,
    )


class SyncCounts(QObject):
    """The Sync page's counted phrases: lupdate records plural forms only for ``self.tr`` with a count."""

    def changes(self, count: int) -> str:
        return self.tr("%n change(s)", "", count)

    def files(self, count: int) -> str:
        return self.tr("%n file(s)", "", count)

    def conflicts(self, count: int) -> str:
        return self.tr("%n conflict(s) to review below", "", count)


_COUNTS = SyncCounts()


def conflicts_line(summary: SyncSummary) -> str:
    if not summary.conflicts_open:
        return QCoreApplication.translate("SyncPage", "No conflicts to review")
    return _COUNTS.conflicts(summary.conflicts_open)


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
    """The explanation already names the field, the record and the rule; ``reason`` is only its code."""
    summary = message_text(rejected.explained) if rejected.explained is not None else sync_reason(rejected.summary)
    text = QCoreApplication.translate("SyncPage", "Not applied, from {user}: {summary}")
    return text.format(user=rejected.user, summary=summary)


def problem_line(problem: SiteProblem) -> str:
    reason = message_text(problem.explained) if problem.explained is not None else sync_reason(problem.reason)
    text = QCoreApplication.translate("SyncPage", "Changes from {who} wait: {reason}")
    return text.format(who=problem.user or problem.site, reason=reason)


def progress_line(done: int, total: int, step: str) -> str:
    """``step`` is already in the user's language (``message_text`` on the worker)."""
    step = step or QCoreApplication.translate("SyncPage", "Syncing…")
    if not total:
        return step
    text = QCoreApplication.translate("SyncPage", "{step} ({done} of {total})")
    return text.format(step=step, done=done, total=total)
