"""Each document rendered from plain data and read back: text, pages, page numbers, embedded fonts."""

from __future__ import annotations

import io
from dataclasses import replace

from reportlab.lib.pagesizes import A4, LETTER

from fieldcrm.printing import (
    Paper, PrintSettings, render_customer_cards, render_daily_report, render_inspection_sheet, render_visit_sheet,
)
from fieldcrm.printing.catalog import parse_ts, catalogue_path
from fieldcrm.printing.model import CustomerCardDoc, DailyReportDoc, InspectionSheet, VisitSheet
from tests.printing.conftest import COMPANY, font_descriptors, make_card, make_stop, missing_glyphs, page_texts, reader


def pdf_of(render, *args, **kwargs) -> tuple[bytes, int]:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    pages = render(*args, out, **kwargs)
    return out.getvalue(), pages


def check_fonts(pdf: bytes) -> None:
    descriptors = font_descriptors(pdf)
    assert descriptors
    assert all("/FontFile2" in d for d in descriptors), "every font is an embedded TrueType subset"
    assert missing_glyphs(pdf) == []


def test_visit_sheet_shows_header_stops_codes_and_page_numbers(sheet: VisitSheet, settings: PrintSettings) -> None:
    pdf, pages = pdf_of(render_visit_sheet, sheet, settings)
    texts = page_texts(pdf)
    assert pages == len(texts) == 2
    first, whole = texts[0], "\n".join(texts)
    for expected in (COMPANY, "拜访单", "李雷", "西湖-周一线", "西湖区", "2026-11-23", "第 1 页，共 2 页"):
        assert expected in first
    assert "第 2 页，共 2 页" in texts[1]
    for stop in sheet.stops:
        assert stop.code in whole and stop.visit_code in whole and stop.name in whole
    for expected in ("到达时间", "客户签字", "主管签字", "FZ-002 冰柜 (待巡检)", "¥6,123.45", "超出信用额度", "从未拜访"):
        assert expected in whole
    check_fonts(pdf)


def test_visit_sheet_in_english_on_letter(sheet: VisitSheet) -> None:
    pdf, _ = pdf_of(render_visit_sheet, sheet, PrintSettings(paper=Paper.LETTER, language="en"))
    first = page_texts(pdf)[0]
    for expected in ("Visit sheet", "Arrival time", "Customer's signature", "Page 1 of 2", "Freezer"):
        assert expected in first
    box = reader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(v) for v in LETTER)
    check_fonts(pdf)


def test_a_long_sheet_keeps_every_stop_on_one_page(sheet: VisitSheet, settings: PrintSettings) -> None:
    big = replace(sheet, stops=tuple(make_stop(n) for n in range(1, 61)))
    pdf, pages = pdf_of(render_visit_sheet, big, settings)
    texts = page_texts(pdf)
    assert pages == len(texts) > 8
    assert f"第 {pages} 页，共 {pages} 页" in texts[-1]
    for stop in big.stops:
        holding = [n for n, text in enumerate(texts) if stop.visit_code in text]
        assert len(holding) == 1, stop.visit_code


def test_customer_card_has_every_section_and_the_shop_s_records(settings: PrintSettings) -> None:
    pdf, pages = pdf_of(render_customer_cards, [make_card(1)], settings)
    whole = "\n".join(page_texts(pdf))
    translations = parse_ts(catalogue_path("zh_CN"))
    for section in ("Basic data", "Owner, manager, legal representative", "Characteristics", "Business status",
                    "Trading status", "Classification", "Notes"):
        assert translations.get(("CustomerField", section, None), section) in whole
    for expected in ("客户档案卡", "C-CARD01", "物美便利店（1号）", "张伟", "喜欢钓鱼和乒乓球", "FZ-100", "海尔 SC-316",
                     "V-AAA01", "补货两箱", "I-AAA01", "¥800.00", "P-AAA01", "剩余额度 ¥9,200.00"):
        assert expected in whole
    assert translations.get(("Choice", "Retail", None), "Retail") in whole  # choices print by label, not code
    assert f"第 {pages} 页，共 {pages} 页" in whole
    check_fonts(pdf)


def test_each_card_of_a_batch_starts_a_page_and_is_numbered_on_its_own(settings: PrintSettings) -> None:
    cards = [make_card(n) for n in range(1, 4)]
    pdf, pages = pdf_of(render_customer_cards, cards, settings)
    texts = page_texts(pdf)
    starts = [n for n, text in enumerate(texts) if "第 1 页" in text]
    assert len(starts) == 3 and pages == len(texts)
    for card, start in zip(cards, starts):
        assert card.code in texts[start] and card.name in texts[start]
    per_card = starts[1] - starts[0]
    assert f"第 {per_card} 页，共 {per_card} 页" in texts[starts[1] - 1]


def test_notes_longer_than_a_page_flow_onto_the_next(settings: PrintSettings) -> None:
    notes = "\n".join(f"第{n}次拜访记录：老板希望增加冰柜陈列面，周末客流量大。" for n in range(1, 120))
    pdf, pages = pdf_of(render_customer_cards, [make_card(1, notes=notes)], settings)
    whole = "".join(page_texts(pdf)).replace("\n", "")
    assert pages >= 3
    assert "第1次拜访记录" in whole and "第119次拜访记录" in whole


def test_a_retired_card_says_so_and_leaves_out_visits_and_money(settings: PrintSettings) -> None:
    card: CustomerCardDoc = replace(make_card(1), retired=True, visits=(), debts=(), payments=())
    whole = "\n".join(page_texts(pdf_of(render_customer_cards, [card], settings)[0]))
    assert "已停用" in whole and "应收账款" not in whole and "最近拜访" not in whole


def test_inspection_sheet_lists_units_with_their_checklist(inspection: InspectionSheet,
                                                           settings: PrintSettings) -> None:
    pdf, pages = pdf_of(render_inspection_sheet, inspection, settings)
    whole = "\n".join(page_texts(pdf))
    translations = parse_ts(catalogue_path("zh_CN"))
    assert pages == 1
    for stop in inspection.stops:
        assert stop.code in whole and stop.name in whole
        for unit in stop.units:
            assert unit.tag in whole
    for source in ("Clean", "Display as agreed", "Share of our products (%)", "Temperature (°C)", "Working or faulty"):
        assert translations.get(("AssetField", source, None), source) in whole.replace("\n", "")
    for expected in ("资产巡检单", "已逾期", "尚未巡检", "巡检人"):
        assert expected in whole
    check_fonts(pdf)


def test_daily_report_prints_the_submitted_version(report: DailyReportDoc, settings: PrintSettings) -> None:
    pdf, _ = pdf_of(render_daily_report, report, settings)
    whole = "\n".join(page_texts(pdf))
    for expected in ("业务日报", "李雷", "2026-11-21", "2026-11-21 18:30:00", "天气不好", "V-AAA1", "店门关闭",
                     "O-AAA1", "¥2,560.00", "信用待审", "P-AAA1", "冰柜噪音大", "老板准备转让店铺", "业务员签字"):
        assert expected in whole
    check_fonts(pdf)


def test_a4_is_the_default(sheet: VisitSheet) -> None:
    pdf, _ = pdf_of(render_visit_sheet, sheet, PrintSettings())
    box = reader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(v) for v in A4)


def test_the_same_data_gives_the_same_pdf(sheet: VisitSheet, settings: PrintSettings) -> None:
    """Output is reproducible (no timestamps or random ids), so a reprint can be compared with the first."""
    assert pdf_of(render_visit_sheet, sheet, settings)[0] == pdf_of(render_visit_sheet, sheet, settings)[0]
