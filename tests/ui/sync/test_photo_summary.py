"""The Sync page's summary says how many inspection photos moved, and lists photo warnings to follow up."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from fieldcrm.ui.sync.summary_view import SummaryView
from tests.ui.sync.fakes import PHOTO_LATE, SUMMARY


def test_photo_counts_and_warnings_are_shown_only_when_photos_were_due(qtbot: QtBot) -> None:
    view = SummaryView()
    qtbot.addWidget(view)
    view.show()
    view.show_summary(SUMMARY)
    assert view.photos_label.isHidden() and view.issue_lines() == []

    view.show_summary(dataclasses.replace(
        SUMMARY, photos_sent=2, photos_received=5, photos_missing=1, photo_warnings=[PHOTO_LATE]))
    assert view.photos_label.isVisible()
    assert view.photos_label.text() == "Photos: 2 sent, 5 received, 1 missing"
    assert view.issue_lines() == ["2 photo(s) are not on the share yet; they are fetched at a later sync"]
