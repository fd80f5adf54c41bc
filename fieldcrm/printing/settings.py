"""What a print looks like: company name and logo (stored per workspace), paper, language.

``PrintSettings`` is plain data so documents can be rendered in tests without
a workspace; ``load``/``save`` bind it to the workspace's ``meta`` table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER

from fieldcrm.errors import FieldError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.printing import settings_store as store
from fieldcrm.storage.database import write_transaction
from fieldcrm.workspace import Workspace

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"  # the paper goes to Chinese-reading reps, supervisors and customers
MAX_COMPANY_NAME = 100

MSG_LOGO = _N("Errors", "{field}: cannot read the image {path} ({reason})")
MSG_LANGUAGE = _N("Errors", "{field}: '{value}' is not one of {allowed}")
MSG_NAME_TOO_LONG = _N("Errors", "{field}: longer than {limit} characters")


class Paper(str, Enum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def size(self) -> tuple[float, float]:
        width, height = A4 if self is Paper.A4 else LETTER
        return float(width), float(height)


@dataclass(frozen=True)
class PrintSettings:
    company_name: str = ""
    logo_path: Path | None = None
    paper: Paper = Paper.A4
    language: str = DEFAULT_LANGUAGE

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise FieldError("lang", MSG_LANGUAGE, value=self.language, allowed=", ".join(LANGUAGES))


def check_logo(path: Path) -> Path:
    """The logo must be an image reportlab can draw; refused here rather than halfway through a print."""
    from reportlab.lib.utils import ImageReader  # with PIL behind it: only when a logo is set or drawn

    try:
        ImageReader(str(path)).getSize()
    except Exception as error:  # noqa: BLE001 - PIL raises many types for a bad or missing file
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise FieldError("company_logo", MSG_LOGO, path=path, reason=reason) from None
    return path


def load(workspace: Workspace, *, paper: Paper = Paper.A4, language: str = DEFAULT_LANGUAGE) -> PrintSettings:
    """The workspace's company name and logo with the paper and language of this print."""
    logo = store.read(workspace.db, store.COMPANY_LOGO)
    return PrintSettings(
        company_name=store.read(workspace.db, store.COMPANY_NAME) or "",
        logo_path=Path(logo) if logo else None,
        paper=paper,
        language=language,
    )


def save(workspace: Workspace, company_name: str | None, logo_path: Path | None) -> None:
    """Set the company name and logo printed on every document; None or blank clears one."""
    name = " ".join((company_name or "").split()) or None
    if name is not None and len(name) > MAX_COMPANY_NAME:
        raise FieldError("company_name", MSG_NAME_TOO_LONG, limit=MAX_COMPANY_NAME)
    logo = str(check_logo(logo_path.expanduser().resolve())) if logo_path else None
    with write_transaction(workspace.db):
        store.write(workspace.db, store.COMPANY_NAME, name)
        store.write(workspace.db, store.COMPANY_LOGO, logo)
