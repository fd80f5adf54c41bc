"""``fieldcrm print …``: exit codes, one-line errors naming the field, and never a half-written file."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldcrm.domain.customers import CustomerService
from tests.cli.conftest import Cli
from tests.printing.conftest import (
    COMPANY, MONDAY_ROUTE_2, PNG, ROUTE, Populated, Routed, day, next_weekday, page_texts, reader,
)


def run(cli: Cli, populated: Populated, *argv: str):  # type: ignore[no-untyped-def]
    return cli("--workspace", str(populated.workspace.folder), "print", *argv)


def assert_refused(result, code: int, starts: str, folder: Path) -> None:  # type: ignore[no-untyped-def]
    assert result.code == code, result.err
    assert result.err_lines == [result.err_lines[0]] and result.err_lines[0].startswith(f"error: {starts}")
    assert result.out == ""
    assert [p.name for p in folder.iterdir()] == []


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_visit_sheet_writes_the_pdf_and_prints_its_path(cli: Cli, populated: Populated, out_dir: Path) -> None:
    target = out_dir / "sheet.pdf"
    result = run(cli, populated, "visit-sheet", "--route", ROUTE, "--date", day(1), "--rep", "李雷", "-o", str(target))
    assert result.code == 0, result.err
    assert result.out == f"{target}\n" and "1 page" in result.err
    text = page_texts(target.read_bytes())[0]
    assert "拜访单" in text and ROUTE in text and "联华超市（文三路店）" in text
    assert [p.name for p in out_dir.iterdir()] == ["sheet.pdf"]


def test_visit_sheet_in_english_on_letter(cli: Cli, populated: Populated, out_dir: Path) -> None:
    target = out_dir / "sheet.pdf"
    result = run(cli, populated, "visit-sheet", "--route", ROUTE, "--date", day(1), "--rep", "李雷",
                 "-o", str(target), "--paper", "letter", "--lang", "en")
    assert result.code == 0, result.err
    assert "Visit sheet" in page_texts(target.read_bytes())[0]


def test_the_top_level_lang_applies_too(cli: Cli, populated: Populated, out_dir: Path) -> None:
    target = out_dir / "card.pdf"
    result = cli("--workspace", str(populated.workspace.folder), "--lang", "en", "print", "card",
                 populated.customer_ids[0], "-o", str(target))
    assert result.code == 0, result.err
    assert "Customer card" in page_texts(target.read_bytes())[0]


@pytest.mark.parametrize(("argv", "code", "field"), [
    (["--route", "没有这条线", "--date", "2026-11-23"], 2, "route:"),
    (["--route", ROUTE, "--date", "2026-02-30"], 2, "date:"),
    (["--route", ROUTE, "--date", "tomorrow"], 2, "date:"),
])
def test_visit_sheet_refuses_bad_input(cli: Cli, populated: Populated, out_dir: Path, argv: list[str], code: int,
                                       field: str) -> None:
    result = run(cli, populated, "visit-sheet", *argv, "-o", str(out_dir / "sheet.pdf"))
    assert_refused(result, code, field, out_dir)


def test_an_unwritable_output_is_refused_before_planning(cli: Cli, populated: Populated, out_dir: Path) -> None:
    result = run(cli, populated, "visit-sheet", "--route", ROUTE, "--date", day(1),
                 "-o", str(out_dir / "missing" / "sheet.pdf"))
    assert_refused(result, 1, "output:", out_dir)
    from fieldcrm.domain.visits import VisitService
    assert VisitService(populated.workspace).list(date=day(1)) == []


def test_an_output_that_is_a_folder_is_refused(cli: Cli, populated: Populated, out_dir: Path) -> None:
    result = run(cli, populated, "card", populated.customer_ids[0], "-o", str(out_dir))
    assert_refused(result, 1, "output:", out_dir)


def test_card_prints_customers_by_id_or_code(cli: Cli, populated: Populated, out_dir: Path) -> None:
    code = CustomerService(populated.workspace).get(populated.customer_ids[1])["code"]
    target = out_dir / "cards.pdf"
    result = run(cli, populated, "card", populated.customer_ids[0], code.lower(), "-o", str(target))
    assert result.code == 0, result.err
    texts = page_texts(target.read_bytes())
    firsts = [t for t in texts if "第 1 页" in t]
    assert len(firsts) == 2 and code in firsts[1]


def test_card_refuses_an_unknown_customer(cli: Cli, populated: Populated, out_dir: Path) -> None:
    result = run(cli, populated, "card", populated.customer_ids[0], "C-NOSUCH", "-o", str(out_dir / "c.pdf"))
    assert_refused(result, 1, "customer:", out_dir)


def test_cards_of_a_route_and_of_a_territory(cli: Cli, populated: Populated, out_dir: Path) -> None:
    for option, value in (("--route", ROUTE), ("--territory", "西湖区")):
        target = out_dir / f"{option[2:]}.pdf"
        result = run(cli, populated, "cards", option, value, "-o", str(target))
        assert result.code == 0, result.err
        assert sum("第 1 页" in t for t in page_texts(target.read_bytes())) == 3


@pytest.mark.parametrize("argv", [[], ["--route", ROUTE, "--territory", "西湖区"]])
def test_cards_needs_exactly_one_of_route_and_territory(cli: Cli, populated: Populated, out_dir: Path,
                                                        argv: list[str]) -> None:
    result = run(cli, populated, "cards", *argv, "-o", str(out_dir / "c.pdf"))
    assert_refused(result, 2, "give either --route or --territory", out_dir)


def test_cards_refuses_an_empty_territory(cli: Cli, populated: Populated, out_dir: Path) -> None:
    result = run(cli, populated, "cards", "--territory", "滨江区", "-o", str(out_dir / "c.pdf"))
    assert_refused(result, 2, "territory:", out_dir)


def test_inspection_sheet(cli: Cli, populated: Populated, out_dir: Path) -> None:
    target = out_dir / "inspection.pdf"
    result = run(cli, populated, "inspection-sheet", "--route", ROUTE, "-o", str(target))
    assert result.code == 0, result.err
    text = page_texts(target.read_bytes())[0]
    assert "资产巡检单" in text and "FZ-001" in text and "FZ-002" in text


def test_inspection_sheet_of_a_route_without_units_is_refused(cli: Cli, populated: Populated, out_dir: Path) -> None:
    result = run(cli, populated, "inspection-sheet", "--route", "拱墅-周二线", "-o", str(out_dir / "i.pdf"))
    assert_refused(result, 1, "inspection sheet:", out_dir)


def test_daily_report_as_submitted(cli: Cli, submitted: Populated, out_dir: Path) -> None:
    target = out_dir / "report.pdf"
    result = run(cli, submitted, "daily-report", "--rep", "李雷", "--date", day(-7), "-o", str(target))
    assert result.code == 0, result.err
    text = page_texts(target.read_bytes())[0]
    assert "业务日报" in text and "雨天" in text


def test_daily_report_not_submitted_is_refused(cli: Cli, populated: Populated, out_dir: Path) -> None:
    result = run(cli, populated, "daily-report", "--rep", "李雷", "--date", day(-7), "-o", str(out_dir / "r.pdf"))
    assert_refused(result, 1, "daily report:", out_dir)


@pytest.mark.parametrize("argv", [["--paper", "a5"], ["--lang", "fr"]])
def test_bad_paper_or_language_is_a_usage_error(cli: Cli, populated: Populated, out_dir: Path,
                                                argv: list[str]) -> None:
    result = run(cli, populated, "card", populated.customer_ids[0], "-o", str(out_dir / "c.pdf"), *argv)
    assert_refused(result, 2, "argument", out_dir)


def test_settings_put_the_company_and_logo_on_every_print(cli: Cli, populated: Populated, tmp_path: Path,
                                                         out_dir: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    result = run(cli, populated, "settings", "--company", COMPANY, "--logo", str(logo))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [f"company_name  {COMPANY}", f"company_logo  {logo}", "paper         a4",
                                       "language      zh_CN"]
    target = out_dir / "card.pdf"
    assert run(cli, populated, "card", populated.customer_ids[0], "-o", str(target)).code == 0
    assert COMPANY in page_texts(target.read_bytes())[0]
    pages = reader(target.read_bytes()).pages
    assert all("/XObject" in page["/Resources"] for page in pages)  # the logo, on every page
    result = run(cli, populated, "settings", "--no-logo")
    assert result.out.splitlines()[:2] == [f"company_name  {COMPANY}", "company_logo"]


def test_settings_refuse_a_logo_that_is_not_an_image(cli: Cli, populated: Populated, tmp_path: Path) -> None:
    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    result = run(cli, populated, "settings", "--logo", str(bad))
    assert result.code == 2 and result.err.startswith("error: company_logo: cannot read the image")


def test_settings_keep_the_paper_and_language_of_every_print(cli: Cli, populated: Populated, out_dir: Path) -> None:
    result = run(cli, populated, "settings", "--paper", "letter", "--language", "en")
    assert result.code == 0, result.err
    assert result.out.splitlines()[2:] == ["paper         letter", "language      en"]
    target = out_dir / "card.pdf"
    assert run(cli, populated, "card", populated.customer_ids[0], "-o", str(target)).code == 0
    first = reader(target.read_bytes()).pages[0]
    assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (612, 792)
    assert "Customer card" in page_texts(target.read_bytes())[0]
    assert run(cli, populated, "card", populated.customer_ids[0], "-o", str(target), "--paper", "a4",
               "--lang", "zh_CN").code == 0
    first = reader(target.read_bytes()).pages[0]
    assert round(float(first.mediabox.width)) == 595 and "客户档案卡" in page_texts(target.read_bytes())[0]


# -- all routes of a day ----------------------------------------------------------------------


def test_day_prints_every_route_of_the_day_each_numbered_on_its_own(cli: Cli, routed: Routed, out_dir: Path) -> None:
    target = out_dir / "day.pdf"
    result = cli("--workspace", str(routed.workspace.folder), "print", "day", "--date", routed.monday,
                 "-o", str(target))
    assert result.code == 0, result.err
    assert result.out == f"{target}\n" and "2 pages" in result.err
    texts = page_texts(target.read_bytes())
    assert ROUTE in texts[0] and MONDAY_ROUTE_2 in texts[1]
    assert all("第 1 页，共 1 页" in text for text in texts)


def test_day_of_one_rep(cli: Cli, routed: Routed, out_dir: Path) -> None:
    target = out_dir / "day.pdf"
    result = cli("--workspace", str(routed.workspace.folder), "print", "day", "--date", routed.monday,
                 "--rep", "王芳", "-o", str(target))
    assert result.code == 0, result.err
    (text,) = page_texts(target.read_bytes())
    assert MONDAY_ROUTE_2 in text and ROUTE not in text


@pytest.mark.parametrize(("argv", "code", "starts"), [
    (["--date", "2026-02-30"], 2, "date: '2026-02-30'"),
    (["--date", "monday"], 2, "date:"),
    (["--date", "SUNDAY"], 1, "date: no route with stops runs on"),
    (["--date", "MONDAY", "--rep", "韩梅梅"], 1, "date: no route of 韩梅梅 with stops runs on"),
])
def test_day_refuses_a_bad_date_or_a_day_without_routes(cli: Cli, routed: Routed, out_dir: Path, argv: list[str],
                                                        code: int, starts: str) -> None:
    argv = [{"SUNDAY": next_weekday(6), "MONDAY": routed.monday}.get(word, word) for word in argv]
    result = cli("--workspace", str(routed.workspace.folder), "print", "day", *argv, "-o", str(out_dir / "day.pdf"))
    assert_refused(result, code, starts, out_dir)
