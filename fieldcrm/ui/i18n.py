"""Choosing the language and translating what the domain marked.

The domain marks its labels and messages with QT_TRANSLATE_NOOP in the
contexts "CustomerField", "Choice", "Errors" and "Workspace"; this module is
the one place that turns them into text, so widgets never guess contexts.
The language is read once at start (``--lang`` beats the Settings menu beats
the system locale); a change made in the menu applies on the next start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fieldcrm.domain.classifications import Choice
from fieldcrm.domain.customer_fields import FIELDS_BY_NAME, SECTION_LABELS, FieldSpec, Section
from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import disambiguation
from fieldcrm.paths import resources_dir
from fieldcrm.ui.settings import app_settings

log = logging.getLogger(__name__)

# Not a call lupdate recognises, so it does not complain about variable arguments.
_translate = QCoreApplication.translate

LANGUAGE_KEY = "language"
#: language codes offered in the Settings menu, with their names in their own language
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
CATALOGUE = "fieldcrm"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def stored_language() -> str | None:
    """The language picked in the Settings menu, or None to follow the system."""
    value = app_settings().value(LANGUAGE_KEY, "")
    return str(value) if value in LANGUAGES else None


def store_language(code: str | None) -> None:
    settings = app_settings()
    if code:
        settings.setValue(LANGUAGE_KEY, code)
    else:
        settings.remove(LANGUAGE_KEY)


def ui_locale(lang: str | None = None) -> QLocale:
    code = lang or stored_language()
    return QLocale(code) if code else QLocale.system()


class Translations:
    """The translators installed on the application, kept so they can be taken out again."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self._previous_locale: QLocale | None = None

    def install(self, locale: QLocale) -> bool:
        """Load FieldCRM's and Qt's own catalogues for ``locale``; True when FieldCRM's was found.

        English needs its catalogue too, for plural forms ("1 customer").
        """
        self.remove()
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        self._previous_locale = QLocale()
        QLocale.setDefault(locale)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        found_ours = False
        for name, folder in ((CATALOGUE, translations_dir()), ("qtbase", Path(qt_dir))):
            translator = QTranslator(app)
            if translator.load(locale, name, "_", str(folder), ".qm"):
                app.installTranslator(translator)
                self._translators.append(translator)
                found_ours = found_ours or name == CATALOGUE
            elif name == CATALOGUE:
                log.info("no %s translation for %s in %s", name, locale.name(), folder)
        return found_ours

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
            translator.deleteLater()
        self._translators.clear()
        if self._previous_locale is not None:
            QLocale.setDefault(self._previous_locale)
            self._previous_locale = None


def translate(context: str, text: str) -> str:
    """Translate a string the domain marked with QT_TRANSLATE_NOOP(context, text)."""
    return _translate(context, text)


def field_label(field: FieldSpec | str) -> str:
    spec = FIELDS_BY_NAME[field] if isinstance(field, str) else field
    return _translate("CustomerField", spec.label)


def section_label(section: Section) -> str:
    return _translate("CustomerField", SECTION_LABELS[section])


def choice_label(choice: Choice) -> str:
    return _translate("Choice", choice.label, disambiguation(choice.label))


def code_label(spec: FieldSpec, code: object) -> str:
    """The translated label of a stored choice code; an unknown code is shown as it is."""
    if code is None:
        return ""
    assert spec.choices is not None
    for member in spec.choices:
        if member.value == code:
            return choice_label(member)
    return str(code)


def remedy_text(remedy: str) -> str:
    return _translate("Workspace", remedy)


def error_text(
    error: FieldCRMError,
    *,
    fields: Mapping[str, FieldSpec] = FIELDS_BY_NAME,
    label: Callable[[FieldSpec], str] = field_label,
    contexts: tuple[str, ...] = ("Errors", "Workspace"),
) -> str:
    """The user's language version of a known error, with the field shown by its label.

    Templates live in whichever context the raising module marked them in, so
    the error's own context is tried first, then ``contexts``. Each feature
    passes its own field specs and label function (customer, visit, asset).
    """
    template = error.template
    for context in dict.fromkeys((error.context, *contexts)):
        translated = _translate(context, error.template)
        if translated != error.template:
            template = translated
            break
    args = dict(error.args_map)
    name = args.get("field")
    if isinstance(name, str) and name in fields:
        spec = fields[name]
        args["field"] = label(spec)
        if "allowed" in args and spec.choices is not None:
            args["allowed"] = ", ".join(choice_label(c) for c in spec.choices)
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its arguments", error.template)
        return error.message
