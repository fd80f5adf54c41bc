"""Inflating Zstandard frames into the reader's buffer, several at once."""

from __future__ import annotations

import io
import random
from collections.abc import Callable

import pytest
import zstandard

from fieldcrm.sync.share.inflate import FrameError, FrameReader, frame_end

FRAME = 64 * 1024


def content(size: int) -> bytes:
    """Compressible but not trivial bytes: words in a random order."""
    rng = random.Random(size)
    words = [f"客户{n}号 ".encode() for n in range(500)]
    return b"".join(rng.choice(words) for _ in range(size // 8))[:size]


def frames(data: bytes, size: int = FRAME, **options: bool) -> bytes:
    """``data`` as one frame per ``size`` bytes, then an empty frame, as a snapshot body is written."""
    compressor = zstandard.ZstdCompressor(level=3, **options)
    pieces = [compressor.compress(data[i:i + size]) for i in range(0, len(data), size)]
    return b"".join(pieces) + compressor.compress(b"")


def read_all(reader: FrameReader, buffer_size: int) -> bytes:
    out, buffer = bytearray(), bytearray(buffer_size)
    while size := reader.readinto(buffer):
        out += buffer[:size]
    return bytes(out)


@pytest.mark.parametrize("threads", [1, 2, 3])
@pytest.mark.parametrize("buffer_size", [1000, FRAME, FRAME + 1, 5 * FRAME - 7, 64 * FRAME])
def test_every_byte_comes_back_in_order_whatever_the_buffer(threads: int, buffer_size: int) -> None:
    data = content(17 * FRAME + 1234)
    source = io.BytesIO(frames(data))
    with FrameReader(source.read, threads) as reader:
        assert read_all(reader, buffer_size) == data


def test_the_input_may_arrive_in_any_pieces() -> None:
    """The source gives a few bytes at a time: frames are found across its reads."""
    data = content(5 * FRAME)
    packed = frames(data)
    pieces = iter(packed[i:i + 333] for i in range(0, len(packed), 333))
    with FrameReader(lambda _size: next(pieces, b""), 2) as reader:
        assert read_all(reader, 3 * FRAME) == data


def test_frame_end_needs_the_whole_frame() -> None:
    packed = frames(content(FRAME))
    first = frame_end(packed, 0)
    assert first is not None and packed[first:first + 4] == bytes.fromhex("28b52ffd")
    assert all(frame_end(packed[:cut], 0) is None for cut in (0, 5, first - 1))
    assert frame_end(packed, first) == len(packed)  # the empty end frame


def test_a_frame_with_a_content_checksum_is_measured_whole() -> None:
    data = content(3 * FRAME)
    with FrameReader(io.BytesIO(frames(data, write_checksum=True)).read, 2) as reader:
        assert read_all(reader, FRAME) == data


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda packed: b"garbage!" + packed, id="not a frame"),
        pytest.param(lambda packed: packed[:-3], id="cut inside the last frame"),
        pytest.param(lambda packed: _flip(packed, frame_end(packed, 0) or 0), id="second frame's magic flipped"),
    ],
)
def test_damaged_frames_are_refused(damage: Callable[[bytes], bytes]) -> None:
    packed = damage(frames(content(4 * FRAME)))
    with FrameReader(io.BytesIO(packed).read, 2) as reader, pytest.raises((FrameError, zstandard.ZstdError)):
        read_all(reader, 2 * FRAME)


def _flip(packed: bytes, at: int) -> bytes:
    return packed[:at] + bytes([packed[at] ^ 0x40]) + packed[at + 1:]


def test_a_frame_that_does_not_say_its_size_is_refused() -> None:
    packed = frames(content(2 * FRAME), write_content_size=False)
    with FrameReader(io.BytesIO(packed).read, 2) as reader, pytest.raises(FrameError):
        read_all(reader, 4 * FRAME)


def test_a_block_of_the_reserved_type_is_refused() -> None:
    packed = bytearray(frames(content(FRAME)))
    packed[zstandard.frame_header_size(packed)] |= 0b110  # the first block's type: 3
    with pytest.raises(FrameError):
        frame_end(packed, 0)
