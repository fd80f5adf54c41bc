"""Publishing files whole or not at all, without ever replacing one.

A file is written under a temporary name in its destination folder (a dot
name no reader accepts), flushed and fsynced, then given its final name by
``os.link``, which fails if that name exists, and the temporary name is
removed. Killing the process at any instant therefore leaves either nothing
or a complete file under the final name, plus at worst a temporary file that
readers ignore and its writer removes later (``remove_temps``).

Where hard links are not supported (SMB mounts often refuse them), the
fallback is a rename after checking that the final name is free. On POSIX a
rename silently replaces its target, so a file could appear under the name
between the check and the rename. That race is harmless here: every folder
but ``blobs/`` is written by one site only and each site publishes from one
process at a time (the caller's "sync in progress" guard), so nobody else can
create that name; in ``blobs/`` the name is the SHA-256 of the content, so
whatever won the race holds the same bytes. On Windows ``os.rename`` never
replaces, so there it is used directly.

The one replacement allowed is ``write_replacing``, for a damaged blob: its
name promises exactly the new bytes.

Nothing here maps errors: ``OSError`` propagates and the share turns it into
a typed error with the share's context.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

# errno values meaning "this filesystem cannot make hard links".
_NO_HARDLINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}
# errno values of fsync on a directory that only mean "not supported here".
_NO_DIR_FSYNC = {errno.EINVAL, errno.EBADF, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EACCES, errno.EPERM}
_TEMP_SUFFIX = ".tmp"


def temp_name(writer: str) -> str:
    """A fresh temporary name; ``writer`` lets that writer find its own leftovers."""
    return f".{writer}.{secrets.token_hex(8)}{_TEMP_SUFFIX}"


def is_temp_of(name: str, writer: str) -> bool:
    return name.startswith(f".{writer}.") and name.endswith(_TEMP_SUFFIX)


def write_new(path: Path, chunks: Iterable[bytes], *, writer: str, mode: int | None = None) -> None:
    """Publish ``path`` with the bytes of ``chunks``; ``FileExistsError`` if the name is taken.

    ``chunks`` may be a generator, so a large file streams through with
    bounded memory. On any failure the temporary file is removed. ``mode``
    forces exact permissions (a private key's 0600) whatever the umask;
    without it the umask decides, as for any file the user creates.
    """
    _publish(path, chunks, writer=writer, mode=mode, place=_link_no_replace)


def write_replacing(path: Path, chunks: Iterable[bytes], *, writer: str) -> None:
    """Publish ``path`` whole in place of the file there, which readers see before or after, never half.

    Only for a content-addressed file (a blob named by the SHA-256 of its
    bytes) whose copy is damaged: the name allows no other content, so the
    replacement cannot change what any reader was promised.
    """
    _publish(path, chunks, writer=writer, mode=None, place=os.replace)


def _publish(
    path: Path, chunks: Iterable[bytes], *, writer: str, mode: int | None, place: Callable[[Path, Path], None]
) -> None:
    """Write ``chunks`` to a temporary name beside ``path``, fsync it, then ``place`` it under ``path``."""
    tmp = path.with_name(temp_name(writer))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o666 if mode is None else mode)
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            for chunk in chunks:
                _write_all(fd, chunk)
            os.fsync(fd)
        finally:
            os.close(fd)  # on NFS and SMB, ENOSPC can surface only here
        place(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    fsync_dir(path.parent)


def move_no_replace(src: Path, dst: Path) -> None:
    """Move a published file to another folder of the same share, never replacing one."""
    _link_no_replace(src, dst)
    fsync_dir(dst.parent)
    fsync_dir(src.parent)


def fsync_dir(folder: Path) -> None:
    """Make a new name durable; filesystems that cannot fsync a folder are let be."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        if error.errno in _NO_DIR_FSYNC:
            return
        raise
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _NO_DIR_FSYNC:
            raise
    finally:
        os.close(fd)


def ensure_dir(base: Path, *parts: str) -> Path:
    """Create the folders ``parts`` below ``base``, which must already exist.

    Never creating ``base`` itself is deliberate: if the share was unmounted,
    its mount point is an empty local folder, and recreating the layout there
    would write sync files to the laptop's own disk.
    """
    if not base.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(base))
    folder = base
    for part in parts:
        folder = folder / part
        try:
            os.mkdir(folder)
        except FileExistsError:
            pass
    return folder


def remove_temps(folder: Path, writer: str) -> int:
    """Remove ``writer``'s leftover temporary files in ``folder``; how many were removed."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if is_temp_of(entry.name, writer):
            try:
                os.unlink(entry.path)
            except FileNotFoundError:
                continue
            removed += 1
    return removed


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _link_no_replace(src: Path, dst: Path) -> None:
    if os.name == "nt":
        os.rename(src, dst)  # refuses an existing target on Windows
        return
    try:
        os.link(src, dst)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_HARDLINKS:
            raise
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(dst)) from None
        os.rename(src, dst)
        return
    # Published; a temporary name that cannot be removed now is a harmless leftover.
    _unlink_quietly(src)


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
