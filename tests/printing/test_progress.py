"""Batch prints report progress, stop when cancelled and then leave no file behind."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fieldcrm.printing import Cancelled, PrintSettings, render_customer_cards, render_visit_sheet, write_atomically
from fieldcrm.printing.model import VisitSheet
from tests.printing.conftest import make_card, page_texts


def test_progress_counts_every_card_up_to_the_total(settings: PrintSettings) -> None:
    seen: list[tuple[int, int]] = []
    render_customer_cards([make_card(n) for n in range(5)], settings, io.BytesIO(),
                          progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert {total for _, total in seen} == {5}


def test_progress_counts_stops_on_a_visit_sheet(sheet: VisitSheet, settings: PrintSettings) -> None:
    seen: list[int] = []
    render_visit_sheet(sheet, settings, io.BytesIO(), progress=lambda done, total: seen.append(done))
    assert seen == [*range(len(sheet.stops)), len(sheet.stops)]


def test_cancelling_stops_between_cards(settings: PrintSettings) -> None:
    seen: list[int] = []
    with pytest.raises(Cancelled):
        render_customer_cards([make_card(n) for n in range(20)], settings, io.BytesIO(),
                              progress=lambda done, total: seen.append(done), cancelled=lambda: len(seen) >= 3)
    assert max(seen) < 5


def test_a_cancelled_print_leaves_no_file_and_keeps_the_old_one(tmp_path: Path, settings: PrintSettings) -> None:
    target = tmp_path / "cards.pdf"
    write_atomically(target, lambda out: render_customer_cards([make_card(1)], settings, out))
    before = target.read_bytes()
    with pytest.raises(Cancelled):
        write_atomically(target, lambda out: render_customer_cards(
            [make_card(n) for n in range(10)], settings, out, cancelled=lambda: True))
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["cards.pdf"]
    assert "C-CARD01" in page_texts(before)[0]


def test_a_new_pdf_is_readable_by_others(tmp_path: Path, settings: PrintSettings) -> None:
    target = tmp_path / "card.pdf"
    write_atomically(target, lambda out: render_customer_cards([make_card(1)], settings, out))
    assert target.stat().st_mode & 0o777 == 0o644
