"""A new file filled from a stream, written straight to the disk where the system allows.

A new laptop unpacks its snapshot's 1.1 GB image into a local file. Written
through the page cache, each byte was first copied into memory the kernel
had to find and clear: on the benchmark's VM that took 2.3–3.4 s, longer
than inflating the bytes, and the image then had to be flushed to the disk
anyway. Direct I/O (Linux's ``O_DIRECT``) sends the writer's own buffers to
the disk instead: 0.5 s, durable as they are written. It needs buffers,
offsets and lengths aligned to the disk's blocks, so the stream is read into
page-aligned blocks of ``BLOCK`` bytes; a short last block is written the
ordinary way. Where direct I/O is not offered (Windows, macOS, tmpfs and
some network file systems), or a disk refuses the alignment, the file is
written through the page cache as before.

The writes run on a thread of their own beside the reading, as both let go
of the GIL: on two cores, inflating and writing overlap.
"""

from __future__ import annotations

import errno
import itertools
import mmap
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

try:
    import fcntl
except ImportError:  # Windows: no direct I/O through os.open
    fcntl = None  # type: ignore[assignment]

BLOCK = 4 << 20
_ALIGN = 4096  # a multiple of every disk's logical block size
_BUFFERS = 3  # one being filled, two being written or waiting
_DIRECT = getattr(os, "O_DIRECT", 0)


class Readable(Protocol):
    def readinto(self, buffer: memoryview) -> int:
        """Fill what it can of ``buffer``; 0 at the end."""
        ...


def write_new_file(path: Path, source: Readable, between: Callable[[], None] = lambda: None) -> None:
    """Create ``path`` (it must not exist) and write ``source`` into it to its end.

    ``between`` runs before each block is read: it may raise to stop (Cancel).
    An ``OSError`` (disk full) is raised as it is; the partial file is the
    caller's to remove.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        # Anonymous maps are page-aligned; they go when the last view of them does.
        views = [memoryview(mmap.mmap(-1, BLOCK)) for _ in range(_BUFFERS)]
        _copy(source, views, _Output(fd), between)
    finally:
        os.close(fd)


def _copy(source: Readable, views: list[memoryview], out: _Output, between: Callable[[], None]) -> None:
    with ThreadPoolExecutor(1, "write") as writer:
        writes: deque[Future[None]] = deque()
        try:
            for number in itertools.count():
                if len(writes) == len(views):
                    writes.popleft().result()  # the block about to be refilled is on the disk
                between()
                view = views[number % len(views)]
                size = _fill(source, view)
                if size:
                    writes.append(writer.submit(out.write, view[:size]))
                if size < len(view):
                    break
            while writes:
                writes.popleft().result()
        finally:
            for write in writes:
                write.cancel()


def _fill(source: Readable, view: memoryview) -> int:
    """Read into ``view`` until it is full or the source ends; how much was read."""
    size = 0
    while size < len(view):
        got = source.readinto(view[size:])
        if not got:
            break
        size += got
    return size


class _Output:
    """Writes blocks in order, past the page cache while the file takes direct I/O."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._direct = _set_direct(fd, True)

    def write(self, data: memoryview) -> None:
        if self._direct and len(data) % _ALIGN:
            self._direct = _set_direct(self._fd, False)  # the short last block
        while data:
            try:
                written = os.write(self._fd, data)
            except OSError as error:
                if not (self._direct and error.errno == errno.EINVAL):
                    raise
                self._direct = _set_direct(self._fd, False)  # a disk with larger blocks than _ALIGN
                continue
            data = data[written:]


def _set_direct(fd: int, on: bool) -> bool:
    """Turn direct I/O on or off for ``fd``; whether it is on afterwards."""
    if fcntl is None or not _DIRECT:
        return False
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | _DIRECT if on else flags & ~_DIRECT)
    except OSError:
        return False  # not offered by this file system: stays as it was
    return on
