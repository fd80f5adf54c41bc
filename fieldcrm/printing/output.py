"""Writing a PDF where the user asked, all or nothing.

The PDF is rendered into a temporary file beside the target and renamed over
it only when complete, so a failed or cancelled print never leaves a
half-written PDF (nor replaces a good one): the rename is atomic on the same
file system.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, TypeVar

from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N

T = TypeVar("T")

MSG_CANNOT_WRITE = _N("Errors", "output: cannot write {path} ({reason})")
MSG_IS_FOLDER = _N("Errors", "output: {path} is a folder; give a file name")


class OutputError(FieldCRMError):
    """The PDF cannot be written where asked (missing folder, no permission, disk full)."""


def check_target(path: Path) -> Path:
    """Refuse a target that cannot be written before any work (or any planning) is done."""
    target = path.expanduser()
    if target.is_dir():
        raise OutputError(MSG_IS_FOLDER, path=target)
    folder = target.parent.resolve()
    if not folder.is_dir():
        raise OutputError(MSG_CANNOT_WRITE, path=target, reason="no such folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(MSG_CANNOT_WRITE, path=target, reason="permission denied")
    return target


def write_atomically(path: Path, render: Callable[[BinaryIO], T]) -> T:
    """Run ``render`` into a temporary file in the target folder, then move it into place."""
    target = check_target(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise OutputError(MSG_CANNOT_WRITE, path=target, reason=error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            result = render(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise OutputError(MSG_CANNOT_WRITE, path=target, reason=error.strerror or str(error)) from None
    except BaseException:
        _remove(temporary)
        raise
    return result


def _mode_for(target: Path) -> int:
    """A replaced file keeps its permissions; a new one is readable by all (mkstemp makes it owner-only)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o644


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
