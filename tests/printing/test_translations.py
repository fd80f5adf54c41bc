"""Print labels come from the app's Qt Linguist catalogue, and nothing prints in English on a Chinese sheet."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fieldcrm.domain.customer_fields import CUSTOMER_FIELDS, SECTION_LABELS
from fieldcrm.printing import labels
from fieldcrm.printing.catalog import catalogue_path, translator


def ts_messages() -> dict[tuple[str, str], str]:
    """The zh_CN catalogue read here without the printing code: context and source to translation."""
    found = {}
    for context in ET.parse(catalogue_path("zh_CN")).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and message.get("numerus") != "yes":
                found[(context.findtext("name"), message.findtext("source"))] = translation.text
    return found


def test_field_and_section_labels_are_the_catalogue_s() -> None:
    expected = ts_messages()
    tr = translator("zh_CN")
    for text in [spec.label for spec in CUSTOMER_FIELDS] + list(SECTION_LABELS.values()):
        assert tr.tr("CustomerField", text) == expected.get(("CustomerField", text), text)
    assert tr.tr("CustomerField", "Name") != "Name"


def test_every_printing_label_has_chinese() -> None:
    """A label added to ``labels`` needs scripts/update_translations.py and a translation in the .ts."""
    tr = translator("zh_CN")
    untranslated = [text for text in labels.all_labels().values() if tr(text) == text]
    assert untranslated == []


def test_placeholders_survive_translation() -> None:
    tr = translator("zh_CN")
    assert tr(labels.PAGE_OF).format(page=1, pages=2) == "第 1 页，共 2 页"


def test_english_is_the_source_text() -> None:
    assert translator("en")(labels.VISIT_SHEET) == "Visit sheet"
    assert translator("en").tr("CustomerField", "Name") == "Name"
