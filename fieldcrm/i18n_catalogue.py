"""The live messages of a Qt Linguist catalogue (``resources/translations/*.ts``).

The GUI loads the compiled ``.qm`` files through Qt; printing, which must
not import Qt, reads the ``.ts`` itself (``printing/catalog.py``), and so do
``scripts/update_translations.py`` and the translation tests. This one
reader makes them agree on what a live message is: obsolete and vanished
ones are skipped, the comment is Qt's disambiguation, and a plural message
carries one translation per form.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_DEAD = ("obsolete", "vanished")


@dataclass(frozen=True)
class CatalogueMessage:
    context: str
    source: str
    comment: str | None  # the disambiguation
    plural: bool
    forms: tuple[str, ...]  # the translation, or one per plural form; ("",) when there is none


def live_messages(ts: Path) -> Iterator[CatalogueMessage]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in _DEAD:
                continue
            forms: tuple[str, ...] = ("",)
            if translation is not None:
                forms = tuple(f.text or "" for f in translation.iter("numerusform")) or (translation.text or "",)
            source, comment = message.findtext("source", ""), message.findtext("comment")
            yield CatalogueMessage(name, source, comment, message.get("numerus") == "yes", forms)
