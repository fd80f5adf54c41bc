"""This laptop's keys and its "sync in progress" lock, both files in the workspace folder.

The share layer relies on one writer per site at a time (it takes no locks
of its own, since SMB does not honour them reliably), so the guard lives
here, on the laptop's own disk: a lock file created with O_EXCL holding the
owner's pid. A lock whose process is gone (the sync was killed) is stale and
is taken over, so a crash never blocks the next sync.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.share import SigningKey

DEVICE_KEY_NAME = "device.key"
ADMIN_KEY_NAME = "admin.key"
LOCK_NAME = "sync.lock"
# An empty or unreadable lock younger than this may be one being written right now.
_FRESH_LOCK_S = 10.0


class SyncBusy(FieldCRMError):
    context = "Sync"


def load_or_create_key(path: Path) -> SigningKey:
    """The key in ``path``, made (mode 0600) on first use; a concurrent first use keeps the winner's."""
    try:
        return SigningKey.load(path)
    except FileNotFoundError:
        pass
    try:
        SigningKey.generate().save(path)
    except FileExistsError:
        pass
    return SigningKey.load(path)


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists (Windows' os.kill would terminate it, hence the API call)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder(path: Path) -> tuple[int | None, float] | None:
    """The pid in the lock file and the file's age in seconds; None if the file is gone."""
    try:
        stat = path.stat()
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        return None
    pid = int(text) if text.isdigit() else None
    return pid, time.time() - stat.st_mtime


@contextmanager
def sync_lock(folder: Path) -> Iterator[None]:
    """Hold the workspace's sync lock; ``SyncBusy`` if a live process holds it."""
    path = folder / LOCK_NAME
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _holder(path)
            if holder is None:
                continue
            pid, age = holder
            if (pid is not None and pid_alive(pid)) or (pid is None and age < _FRESH_LOCK_S):
                raise SyncBusy(
                    _N("Sync", "A sync of this workspace is already running (process {pid}); wait for it to finish"),
                    pid=pid if pid is not None else "?",
                ) from None
            try:
                os.unlink(path)  # stale: its process died mid-sync
            except FileNotFoundError:
                pass
            continue
        with os.fdopen(fd, "w", encoding="ascii") as stream:
            stream.write(str(os.getpid()))
        break
    else:
        raise SyncBusy(_N("Sync", "Could not take the sync lock {path}; try again"), path=path)
    try:
        yield
    finally:
        holder = _holder(path)
        if holder is not None and holder[0] == os.getpid():
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
