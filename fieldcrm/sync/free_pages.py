"""Clearing what a closed SQLite file's free pages still hold, without SQLite writing each one.

A rep's new laptop empties the tables the rep keeps only a territory of,
freeing 430 MB of other territories' cards and search index in the demo
(``snapshot_adopt.py``). SQLite's ``secure_delete`` zeroed each page as it
freed it: 430 MB more written through SQLite's cache, about 1 s of a 5 s
bootstrap. Its ``FAST`` setting zeroes deleted content only in pages it
writes anyway (a table's emptied root), and leaves free pages as they were.
Once the file is closed, its free list (SQLite's file format, section 1.5)
is read here and every free page cleared: handed back to the file system
as a hole, which reads as zeros (Linux's ``fallocate`` punching, on ext4,
xfs, btrfs and tmpfs), or, where the system cannot, overwritten with zeros
in large writes. The unused end of
each of the list's own (trunk) pages is zeroed too. SQLite never relies on
what a free page holds: it initialises a page it takes from the list.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

_HEADER = 100
_ZEROS = bytes(1 << 20)
# fallocate(2) modes: release the range's blocks, keep the file's size.
_PUNCH_HOLE = 0x02
_KEEP_SIZE = 0x01


class DamagedFreeList(Exception):
    """The free list does not add up; the file is not to be trusted."""


@dataclass(frozen=True)
class FreeList:
    page_size: int
    leaves: list[int]  # page numbers (from 1) that hold nothing
    trunks: list[tuple[int, int]]  # (page number, bytes in use at its start)


def clear(path: Path) -> int:
    """Make every free page of the closed database ``path`` read as zeros; returns how many were cleared."""
    with open(path, "r+b", buffering=0) as file:
        free = read_free_list(file)
        for first, count in _runs(sorted(free.leaves)):
            _release(file, (first - 1) * free.page_size, count * free.page_size)
        for page, used in free.trunks:
            _write_zeros(file, (page - 1) * free.page_size + used, free.page_size - used)
    return len(free.leaves) + len(free.trunks)


def read_free_list(file: BinaryIO) -> FreeList:
    """The free list of the database open in ``file`` (binary, seekable)."""
    file.seek(0)
    header = file.read(_HEADER)
    if len(header) < _HEADER or not header.startswith(b"SQLite format 3\x00"):
        raise DamagedFreeList("not an SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    trunk = int.from_bytes(header[32:36], "big")
    expected = int.from_bytes(header[36:40], "big")
    pages = os.fstat(file.fileno()).st_size // page_size
    leaves: list[int] = []
    trunks: list[tuple[int, int]] = []
    while trunk:
        if not 1 < trunk <= pages or len(trunks) + len(leaves) >= expected:
            raise DamagedFreeList(f"free-list trunk page {trunk} is out of place")
        file.seek((trunk - 1) * page_size)
        page = file.read(page_size)
        count = int.from_bytes(page[4:8], "big")
        if 8 + 4 * count > page_size:
            raise DamagedFreeList(f"free-list trunk page {trunk} lists {count} pages")
        found = struct.unpack_from(f">{count}I", page, 8)
        if any(not 1 < leaf <= pages for leaf in found):
            raise DamagedFreeList(f"free-list trunk page {trunk} lists a page beyond the file")
        trunks.append((trunk, 8 + 4 * count))
        leaves.extend(found)
        trunk = int.from_bytes(page[0:4], "big")
    if len(trunks) + len(leaves) != expected:
        raise DamagedFreeList(f"the free list holds {len(trunks) + len(leaves)} pages, the header says {expected}")
    return FreeList(page_size, leaves, trunks)


def _runs(pages: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive page numbers as (first, count)."""
    start = previous = None
    for page in pages:
        if previous is not None and page == previous + 1:
            previous = page
            continue
        if start is not None and previous is not None:
            yield start, previous - start + 1
        start = previous = page
    if start is not None and previous is not None:
        yield start, previous - start + 1


def _release(file: BinaryIO, offset: int, length: int) -> None:
    """Give the range's blocks back to the file system, or overwrite it with zeros where that is not offered."""
    if _punch is not None and _punch(file.fileno(), _PUNCH_HOLE | _KEEP_SIZE, offset, length) == 0:
        return
    _write_zeros(file, offset, length)


def _write_zeros(file: BinaryIO, offset: int, length: int) -> None:
    file.seek(offset)
    while length > 0:
        length -= file.write(_ZEROS[:min(length, len(_ZEROS))])


def _fallocate() -> Any:
    """Linux's fallocate(2), or None elsewhere; looked up among the symbols already loaded (libc's)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).fallocate
    except (OSError, AttributeError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_int64, ctypes.c_int64)
    function.restype = ctypes.c_int
    return function


_punch = _fallocate()
