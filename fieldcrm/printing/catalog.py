"""Translations for print, read from the app's Qt Linguist sources without Qt.

The GUI loads ``resources/translations/fieldcrm_<lang>.qm`` through Qt;
printing must not import Qt, so it parses the ``.ts`` those are built from
(the one source of truth for every label: field names, choice names, and the
"Printing" context of this package). A string the catalogue does not hold
prints as its English source text, as Qt does.

Installed from a wheel, the app must ship the .ts beside the .qm (see the
data-files in pyproject.toml); without it every print is in English.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fieldcrm.i18n import disambiguation
from fieldcrm.i18n_catalogue import live_messages
from fieldcrm.paths import resources_dir

SOURCE_LANGUAGE = "en"

Messages = dict[tuple[str, str, str | None], str]  # (context, source, disambiguation)


def catalogue_path(language: str) -> Path:
    return resources_dir() / "translations" / f"fieldcrm_{language}.ts"


def parse_ts(path: Path) -> Messages:
    """(context, source, disambiguation) -> translation for every translated, non-plural message of a .ts file."""
    return {(m.context, m.source, m.comment): m.forms[0] for m in live_messages(path) if not m.plural and m.forms[0]}


class Translator:
    """``tr(context, text)`` for one language, like ``QCoreApplication.translate``."""

    def __init__(self, language: str, messages: Messages) -> None:
        self.language = language
        self._messages = messages

    def tr(self, context: str, text: str) -> str:
        return self._messages.get((context, text, disambiguation(text)), text)

    def __call__(self, text: str) -> str:
        """Printing's own strings (context "Printing")."""
        return self._messages.get(("Printing", text, None), text)


@functools.cache
def translator(language: str) -> Translator:
    """The translator for ``language``, read once per process; English is the source language."""
    path = catalogue_path(language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return Translator(language, {})
    return Translator(language, parse_ts(path))
