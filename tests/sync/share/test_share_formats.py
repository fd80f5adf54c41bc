"""Keys, sealed documents and change files on their own: round trips and every kind of damage."""

from __future__ import annotations

import math
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldcrm.sync.share import BadSignature, CorruptFile, NewerFormat, PublicKey, SigningKey, TruncatedFile
from fieldcrm.sync.share import frame, sealed
from fieldcrm.sync.share.changefile import decode_changes, encode_changes
from fieldcrm.sync.share.errors import StreamStopped
from fieldcrm.sync.share.keys import SIGNATURE_SIZE

KEY = SigningKey.generate()
OTHER = SigningKey.generate()

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=40),
)
record = st.dictionaries(st.text(max_size=12), scalars, max_size=8)


def test_private_key_file_is_0600_and_never_overwritten(tmp_path: Path) -> None:
    KEY.save(tmp_path / "device.key")
    assert stat.S_IMODE((tmp_path / "device.key").stat().st_mode) == 0o600
    assert SigningKey.load(tmp_path / "device.key").public == KEY.public
    with pytest.raises(FileExistsError):
        OTHER.save(tmp_path / "device.key")
    assert SigningKey.load(tmp_path / "device.key").public == KEY.public
    assert [p.name for p in tmp_path.iterdir()] == ["device.key"]


def test_public_key_text_form_round_trips_and_is_short() -> None:
    text = KEY.public.text
    assert text.startswith("ed25519:") and len(text) == len("ed25519:") + 43
    assert PublicKey.from_text(text) == KEY.public
    assert len(KEY.public.fingerprint) == 19
    for bad in ("rsa:abc", "ed25519:!!!", "ed25519:" + "A" * 10):
        with pytest.raises(ValueError):
            PublicKey.from_text(bad)


def test_sign_and_verify() -> None:
    signature = KEY.sign(b"message")
    assert KEY.public.verify(signature, b"message")
    assert not KEY.public.verify(signature, b"messagE")
    assert not OTHER.public.verify(signature, b"message")
    assert not KEY.public.verify(b"\0" * 64, b"message")


def test_sealed_document_round_trip_and_damage() -> None:
    data = sealed.seal("cert", {"user": "韩梅梅", "n": 1}, KEY)
    opened = sealed.unseal(data, "cert")
    assert opened.body == {"user": "韩梅梅", "n": 1} and opened.signer == KEY.public
    with pytest.raises(CorruptFile):
        sealed.unseal(data, "revocation")  # a signature for one kind never passes for another
    with pytest.raises(BadSignature):
        sealed.unseal(data.replace("韩梅梅".encode(), "李雷雷".encode()), "cert")
    for cut in (1, 20, len(data) // 2, len(data) - 2):
        with pytest.raises(TruncatedFile):
            sealed.unseal(data[:cut], "cert")
    with pytest.raises(NewerFormat):
        sealed.unseal(data.replace(b"cert 1", b"cert 9", 1), "cert")


@settings(max_examples=100, deadline=None)
@given(st.lists(record, max_size=30), st.integers(min_value=1, max_value=10**11))
def test_change_file_round_trip(recs: list[dict[str, object]], seq: int) -> None:
    prev = "" if seq == 1 else "ab" * 32
    data, digest = encode_changes("site-1", seq, prev, recs, KEY)
    decoded = decode_changes(data)
    assert decoded.records == recs
    for got, want in zip(decoded.records, recs):
        for name, value in want.items():
            assert type(got[name]) is type(value)
            if isinstance(value, float):
                assert math.copysign(1, got[name]) == math.copysign(1, value)
    assert decoded.hash == digest == frame.file_hash(data)
    assert decoded.signer == KEY.public
    header = decoded.header
    assert (header.site, header.seq, header.prev_hash, header.count) == ("site-1", seq, prev, len(recs))


def test_unknown_keys_and_unicode_are_kept_untouched() -> None:
    recs = [{"tbl": "customers", "value": "张三超市\n\"quoted\"", "future_field": {"nested": [1, 2.5, None]}, "z": -0.0}]
    data, _ = encode_changes("s", 1, "", recs, KEY)
    assert decode_changes(data).records == recs


def test_records_that_are_not_json_are_refused_before_writing() -> None:
    with pytest.raises(ValueError):
        encode_changes("s", 1, "", [{"value": float("nan")}], KEY)
    with pytest.raises(TypeError):
        encode_changes("s", 1, "", [["not", "a", "dict"]], KEY)  # type: ignore[list-item]


def test_every_single_bit_flip_is_detected() -> None:
    data, _ = encode_changes("site-1", 7, "cd" * 32, [{"value": "张三超市", "hlc": 12345}], KEY)
    for position in range(len(data)):
        damaged = bytearray(data)
        damaged[position] ^= 1 << (position % 8)
        with pytest.raises((CorruptFile, BadSignature)):
            decode_changes(bytes(damaged))


def test_every_truncation_is_reported_as_truncated() -> None:
    data, _ = encode_changes("site-1", 7, "cd" * 32, [{"value": f"v{i}"} for i in range(50)], KEY)
    for cut in range(len(data)):
        with pytest.raises(TruncatedFile):
            decode_changes(data[:cut])


def test_appended_bytes_are_damage() -> None:
    data, _ = encode_changes("site-1", 1, "", [{"a": 1}], KEY)
    with pytest.raises(CorruptFile) as caught:
        decode_changes(data + b"x")
    assert not isinstance(caught.value, TruncatedFile)


def test_unsigned_and_wrongly_signed_files() -> None:
    data, _ = encode_changes("site-1", 1, "", [{"a": 1}], KEY)
    unsigned = data[:-SIGNATURE_SIZE] + bytes(SIGNATURE_SIZE)
    with pytest.raises(BadSignature, match="not signed"):
        decode_changes(unsigned)
    body = data[: -frame.TRAILER_SIZE]
    digest = frame.digest_of(body)
    claims_key_but_other_signature = body + digest + KEY.public.raw + OTHER.sign(b"FCRM-SYNC\0changes\0" + digest)
    with pytest.raises(BadSignature, match="does not match"):
        decode_changes(claims_key_but_other_signature)


def test_other_files_are_not_change_files() -> None:
    for data in (b"hello world\n" * 20, b"\x89PNG\r\n" + bytes(300), sealed.seal("cert", {"a": 1}, KEY)):
        with pytest.raises(CorruptFile):
            decode_changes(data)


def newer_file(key: SigningKey) -> bytes:
    content = frame.magic_line("changes", 2) + b"whatever format 2 looks like\n"
    return content + frame.trailer("changes", frame.digest_of(content), key)


def test_newer_format_is_its_own_error_and_names_its_signer() -> None:
    with pytest.raises(NewerFormat, match="update the app") as caught:
        decode_changes(newer_file(KEY))
    assert caught.value.signer == KEY.public
    flipped = bytearray(newer_file(KEY))
    flipped[len(b"FCRM-SYNC changes ")] = ord("3")  # a flipped version digit is damage, not an update notice
    with pytest.raises(CorruptFile):
        decode_changes(bytes(flipped))


def test_decoding_never_raises_anything_but_share_errors() -> None:
    data, _ = encode_changes("site-1", 1, "", [{"a": 1}], KEY)
    for junk in (b"", b"\n", b"FCRM-SYNC", b"FCRM-SYNC changes x\n" + bytes(200), b"FCRM-SYNC changes 1\n{" + bytes(300),
                 data.replace(b'"seq":1', b'"seq":"1"')):
        with pytest.raises(StreamStopped):
            decode_changes(junk)
