"""What a print looks like: company name, logo, paper and language, stored per workspace.

``PrintSettings`` is plain data so documents can be rendered in tests without
a workspace; ``load``/``save`` bind it to the workspace's ``meta`` table. The
GUI's Print settings dialog and ``fieldcrm print settings`` set them; a CLI
print may still pick its own paper or language for once.
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
MSG_NOT_ONE_OF = _N("Errors", "{field}: '{value}' is not one of {allowed}")
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
        parse_language(self.language)


def check_logo(path: Path) -> Path:
    """The logo must be an image reportlab can draw; refused here rather than halfway through a print."""
    from reportlab.lib.utils import ImageReader  # with PIL behind it: only when a logo is set or drawn

    try:
        ImageReader(str(path)).getSize()
    except Exception as error:  # noqa: BLE001 - PIL raises many types for a bad or missing file
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise FieldError("company_logo", MSG_LOGO, path=path, reason=reason) from None
    return path


def parse_paper(value: str | Paper) -> Paper:
    try:
        return Paper(value)
    except ValueError:
        raise FieldError("paper", MSG_NOT_ONE_OF, value=value, allowed=", ".join(p.value for p in Paper)) from None


def parse_language(value: str) -> str:
    if value not in LANGUAGES:
        raise FieldError("lang", MSG_NOT_ONE_OF, value=value, allowed=", ".join(LANGUAGES))
    return value


def load(workspace: Workspace, *, paper: Paper | None = None, language: str | None = None) -> PrintSettings:
    """The workspace's settings; ``paper`` and ``language`` given for one print beat the stored ones.

    A stored value this version does not know (written by a newer one) falls back to the default.
    """
    logo = store.read(workspace.db, store.COMPANY_LOGO)
    stored_paper = store.read(workspace.db, store.PAPER)
    stored_language = store.read(workspace.db, store.LANGUAGE)
    return PrintSettings(
        company_name=store.read(workspace.db, store.COMPANY_NAME) or "",
        logo_path=Path(logo) if logo else None,
        paper=paper or next((p for p in Paper if p.value == stored_paper), Paper.A4),
        language=language or (stored_language if stored_language in LANGUAGES else DEFAULT_LANGUAGE),
    )


def save(
    workspace: Workspace, company_name: str | None, logo_path: Path | None, *,
    paper: str | Paper = Paper.A4, language: str = DEFAULT_LANGUAGE,
) -> None:
    """Set what every print carries (all four at once); a None or blank name or logo clears it.

    Everything is checked before anything is written, so refused input changes nothing.
    """
    name = " ".join((company_name or "").split()) or None
    if name is not None and len(name) > MAX_COMPANY_NAME:
        raise FieldError("company_name", MSG_NAME_TOO_LONG, limit=MAX_COMPANY_NAME)
    logo = str(check_logo(logo_path.expanduser().resolve())) if logo_path else None
    chosen_paper = parse_paper(paper)
    chosen_language = parse_language(language)
    with write_transaction(workspace.db):
        store.write(workspace.db, store.COMPANY_NAME, name)
        store.write(workspace.db, store.COMPANY_LOGO, logo)
        store.write(workspace.db, store.PAPER, chosen_paper.value)
        store.write(workspace.db, store.LANGUAGE, chosen_language)
