"""Photos and other blobs, stored once by content in the workspace.

A blob lives at ``attachments/<sha[:2]>/<sha>`` (the same naming the share
uses under ``blobs/``), so the same photo attached twice is stored once and a
record only carries the hash. A file is accepted only if its first bytes are
those of a JPEG, PNG, WebP or HEIC image and it is not larger than
``MAX_BYTES``; no image library is needed for that. Copies go to a temporary
file in the same folder and are renamed into place, so a crash or a refusal
never leaves half a photo under a real name. A blob that has not arrived yet
(sync carries records before files, ``sync.photos``) is simply absent:
``path_for`` returns None and the UI shows "photo not yet received";
``store_blob`` keeps what sync fetches only if the bytes match their name.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from types import TracebackType

from fieldcrm.errors import FieldError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.workspace import Workspace

MAX_BYTES = 20 * 1024 * 1024
_CHUNK = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})

MSG_UNREADABLE = _N("Errors", "{field}: '{value}' cannot be read")
MSG_NOT_IMAGE = _N("Errors", "{field}: '{value}' is not a JPEG, PNG, WebP or HEIC image")
MSG_TOO_LARGE = _N("Errors", "{field}: '{value}' is larger than {limit} MB")


def image_format(head: bytes) -> str | None:
    """The image format ``head`` (a file's first 16 bytes or more) starts, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "heic"
    return None


def check_image(path: Path | str, field_name: str = "photos") -> Path:
    """Refuse, naming the field, anything that is not a readable image of acceptable size."""
    source = Path(path)
    try:
        size = source.stat().st_size
        with source.open("rb") as stream:
            head = stream.read(16)
    except OSError:
        raise FieldError(field_name, MSG_UNREADABLE, value=str(path)) from None
    if image_format(head) is None:
        raise FieldError(field_name, MSG_NOT_IMAGE, value=str(path))
    if size > MAX_BYTES:
        raise FieldError(field_name, MSG_TOO_LARGE, value=str(path), limit=MAX_BYTES // (1024 * 1024))
    return source


def blob_path(folder: Path, sha256: str) -> Path:
    """Where the blob named ``sha256`` lives under ``folder`` (attachments or the share's blobs)."""
    return folder / sha256[:2] / sha256


def path_for(workspace: Workspace, sha256: str) -> Path | None:
    """The stored file for ``sha256``, or None when it has not been received (or the name is bogus)."""
    if not _SHA256.match(sha256):
        return None
    path = blob_path(workspace.attachments, sha256)
    return path if path.is_file() else None


def _copy(workspace: Workspace, source: Path, field_name: str) -> tuple[str, Path | None]:
    """Copy ``source`` in; return its hash and the new file (None when it was already stored).

    Failing to read the source is the user's problem and names the field;
    failing to write (disk full) propagates as the environmental error it is.
    """
    check_image(source, field_name)
    try:
        stream = source.open("rb")
    except OSError:
        raise FieldError(field_name, MSG_UNREADABLE, value=str(source)) from None
    workspace.attachments.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=workspace.attachments)
    temp = Path(temp_name)
    try:
        copied = 0
        with os.fdopen(handle, "wb") as out, stream:
            while chunk := stream.read(_CHUNK):
                copied += len(chunk)
                if copied > MAX_BYTES:  # the file grew after it was checked
                    raise FieldError(field_name, MSG_TOO_LARGE, value=str(source), limit=MAX_BYTES // (1024 * 1024))
                digest.update(chunk)
                out.write(chunk)
        sha256 = digest.hexdigest()
        return sha256, _place(workspace, temp, sha256)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _place(workspace: Workspace, temp: Path, sha256: str) -> Path | None:
    """Give a complete temporary file its name; None (and the temporary file gone) when that blob exists."""
    target = blob_path(workspace.attachments, sha256)
    if target.is_file():
        temp.unlink()
        return None
    target.parent.mkdir(exist_ok=True)
    os.replace(temp, target)
    return target


def store_blob(workspace: Workspace, sha256: str, data: bytes) -> bool:
    """Store bytes that arrived by sync under their name; False (nothing stored) if they do not match it.

    Written to a temporary file, flushed to disk and renamed into place, like
    a photo attached here, so a crash never leaves half a photo under a real
    name and a damaged download is never kept.
    """
    if not _SHA256.match(sha256) or hashlib.sha256(data).hexdigest() != sha256:
        return False
    workspace.attachments.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=workspace.attachments)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _place(workspace, temp, sha256)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return True


def store(workspace: Workspace, path: Path | str) -> str:
    """Store one image and return its sha256 (the same file twice is stored once)."""
    return _copy(workspace, Path(path), "photos")[0]


class BlobBatch:
    """The blobs stored for one database write, removed again if that write fails.

    Only files this batch created are removed: a photo that was already stored
    belongs to earlier records too.
    """

    def __init__(self, workspace: Workspace, field_name: str = "photos") -> None:
        self.workspace = workspace
        self.field_name = field_name
        self.created: list[Path] = []

    def add(self, path: Path | str) -> str:
        sha256, created = _copy(self.workspace, Path(path), self.field_name)
        if created is not None:
            self.created.append(created)
        return sha256

    def __enter__(self) -> "BlobBatch":
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            for path in self.created:
                path.unlink(missing_ok=True)
            self.created.clear()
