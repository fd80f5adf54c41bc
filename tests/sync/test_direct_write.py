"""Writing a new file straight to the disk: every byte in order, whichever way the system lets it be written."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

from fieldcrm.sync import direct_write
from fieldcrm.sync.direct_write import BLOCK, write_new_file

SIZES = [0, 1, 4096, BLOCK, 2 * BLOCK + 3 * 4096 + 17]


class Trickle:
    """A source that gives at most ``most`` bytes per read, as an inflater does."""

    def __init__(self, data: bytes, most: int = 100_003) -> None:
        self._stream = io.BytesIO(data)
        self._most = most

    def readinto(self, buffer: memoryview) -> int:
        return self._stream.readinto(buffer[: self._most])


def body(size: int) -> bytes:
    return (bytes(range(251)) * (size // 251 + 1))[:size]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("direct", [True, False], ids=["direct", "page-cache"])
def test_every_byte_lands_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, direct: bool) -> None:
    if not direct:
        monkeypatch.setattr(direct_write, "_DIRECT", 0)  # as on Windows, macOS or tmpfs
    path = tmp_path / "image.db"
    write_new_file(path, Trickle(body(size)))
    assert path.read_bytes() == body(size)


def test_a_disk_refusing_the_alignment_is_written_the_ordinary_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    refused = []

    def picky(fd: int, data: Any) -> int:
        if not refused:
            refused.append(len(data))
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        return real_write(fd, data)

    monkeypatch.setattr(direct_write.os, "write", picky)
    path = tmp_path / "image.db"
    write_new_file(path, Trickle(body(2 * BLOCK + 5)))
    assert refused and path.read_bytes() == body(2 * BLOCK + 5)


def test_a_file_in_the_way_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "image.db"
    path.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        write_new_file(path, Trickle(body(10)))
    assert path.read_bytes() == b"keep me"


def test_cancel_and_a_full_disk_stop_the_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = 0

    def cancel_at_the_third_block() -> None:
        nonlocal blocks
        blocks += 1
        if blocks == 3:
            raise KeyboardInterrupt  # what Cancel raises is the caller's; any exception stops it

    with pytest.raises(KeyboardInterrupt):
        write_new_file(tmp_path / "cancelled.db", Trickle(body(5 * BLOCK)), cancel_at_the_third_block)
    written = (tmp_path / "cancelled.db").read_bytes()  # nothing is written once it has returned
    assert len(written) <= 2 * BLOCK and written == body(5 * BLOCK)[: len(written)]

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(direct_write.os, "write", full)
    with pytest.raises(OSError) as raised:
        write_new_file(tmp_path / "full.db", Trickle(body(3 * BLOCK)))
    assert raised.value.errno == errno.ENOSPC
