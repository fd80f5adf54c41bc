"""Translations: complete, placeholders kept, built files current, and Chinese actually shown."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from fieldcrm.domain.asset_fields import AssetStatus, WriteOffReason
from fieldcrm.domain.classifications import Lifecycle
from fieldcrm.domain.customers import CustomerService
from fieldcrm.errors import ValidationErrors
from fieldcrm.i18n_catalogue import live_messages
from fieldcrm.ui.customers.list_model import COLUMNS
from fieldcrm.ui.customers.list_page import CustomersPage
from fieldcrm.printing.catalog import translator
from fieldcrm.printing.wording import choice
from fieldcrm.ui.i18n import Translations, choice_label, error_text
from fieldcrm.ui.main_window import MainWindow
from fieldcrm.workspace import Workspace
from tests.ui.helpers import wait_idle

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n")


def messages(ts: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(context, source, translations) of every live message; plural messages have several."""
    for message in live_messages(ts):
        yield message.context, message.source, list(message.forms)


@pytest.fixture
def chinese() -> Iterator[None]:
    translations = Translations()
    assert translations.install(QLocale("zh_CN"))
    yield
    translations.remove()


def test_both_catalogues_exist() -> None:
    assert [p.name for p in CATALOGUES] == ["fieldcrm_en.ts", "fieldcrm_zh_CN.ts"]


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_translations_keep_their_placeholders(ts: Path) -> None:
    broken = [
        (context, source, form)
        for context, source, forms in messages(ts)
        for form in forms
        if form and sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source))
    ]
    assert broken == []


def test_every_chinese_string_is_translated() -> None:
    ts = ROOT / "resources" / "translations" / "fieldcrm_zh_CN.ts"
    unfinished = [
        (context, source) for context, source, forms in messages(ts) if not all(f.strip() for f in forms)
    ]
    assert unfinished == []
    assert 'type="unfinished"' not in ts.read_text(encoding="utf-8")


def test_mnemonics_survive_translation() -> None:
    ts = ROOT / "resources" / "translations" / "fieldcrm_zh_CN.ts"
    lost = [
        source for _, source, forms in messages(ts)
        if re.search(r"&\w", source) and not all(re.search(r"&\w", form) for form in forms)
    ]
    assert lost == []


def test_sources_and_built_files_are_up_to_date() -> None:
    """lupdate finds nothing new in the code, and lrelease rebuilds the committed .qm byte for byte."""
    script = ROOT / "scripts" / "update_translations.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_window_speaks_chinese(
    chinese: None, qtbot: QtBot, workspace: Workspace, windows: Callable[[Workspace], MainWindow],
    customers: CustomerService,
) -> None:
    customers.create({"name": "张三超市", "channel": "retail"})
    window = windows(workspace)
    page = window.pages["customers"]
    assert isinstance(page, CustomersPage)
    wait_idle(qtbot, window)
    assert window.navigation.item(0).text() == "客户"
    assert window.owner_label.text() == "李雷 · 业务员 · 西湖区"
    assert page.count_label.text() == "1 个客户"
    tabs = page.editor.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][:7] == [
        "基础资料", "老板、经理与法定代表人", "客户特征", "业务状况", "交易现状", "客户分类", "备注",
    ]
    assert page.model.headerData(COLUMNS.index("grade"), Qt.Orientation.Horizontal) == "客户等级"
    assert page.model.data(page.model.index(0, COLUMNS.index("channel"))) == "零售"
    assert page.filter_bar.combos["credit_grade"].itemText(1) == "AAA（优秀）"


def test_errors_read_in_chinese_with_field_labels(chinese: None, customers: CustomerService) -> None:
    with pytest.raises(ValidationErrors) as caught:
        customers.create({"name": " ", "founded_on": "2024-02-30", "channel": "shop"})
    texts = {error.field: error_text(error) for error in caught.value.errors}
    assert texts == {
        "name": "客户名称：必须填写",
        "founded_on": "成立日期：“2024-02-30”不是有效的日期",
        "channel": "渠道：“shop”不在可选范围内（批发, 零售, 代理, 特许加盟, 连锁, 专卖店）",
    }


def test_homonyms_keep_their_own_chinese(chinese: None) -> None:
    """"Lost" is a customer who stopped buying but a freezer nobody can find: both print and show right."""
    assert choice_label(Lifecycle.LOST) == "流失"
    assert choice_label(AssetStatus.LOST) == choice_label(WriteOffReason.LOST) == "丢失"
    printed = translator("zh_CN")
    assert (choice(printed, Lifecycle, "lost"), choice(printed, AssetStatus, "lost")) == ("流失", "丢失")


def test_english_plurals(
    qtbot: QtBot, workspace: Workspace, windows: Callable[[Workspace], MainWindow], customers: CustomerService
) -> None:
    first = customers.create({"name": "张三超市"})
    customers.create({"name": "李四便利店"})
    translations = Translations()
    assert translations.install(QLocale("en_GB"))
    try:
        window = windows(workspace)
        page = window.pages["customers"]
        assert isinstance(page, CustomersPage)
        assert page.count_label.text() == "2 customers"
        customers.delete(first["id"])
        window.session.bus.notify("customers")
        wait_idle(qtbot, window)
        assert page.count_label.text() == "1 customer"
    finally:
        translations.remove()
