"""Reading sites from a share: a bad file stops only its own site, with a reason naming whose it is."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone

import pytest
from share_helpers import Fleet, records

from fieldcrm.domain.classifications import Role
from fieldcrm.sync.share import (
    START,
    BadSignature,
    ChangeBatch,
    CorruptFile,
    Cursor,
    ForkInStream,
    GapInStream,
    NewerFormat,
    ReplayedFile,
    RevokedSigner,
    SigningKey,
    StreamStopped,
    TruncatedFile,
    UnknownSigner,
    revoke_user,
)
from fieldcrm.sync.share import frame, sealed
from fieldcrm.sync.share.certificates import CERT_KIND, Certificate, seal_claim


def read_all(fleet: Fleet, site: str, cursor: Cursor = START) -> tuple[list[ChangeBatch], StreamStopped | None]:
    batches: list[ChangeBatch] = []
    try:
        for batch in fleet.share.read_new(site, cursor):
            batches.append(batch)
    except StreamStopped as stop:
        return batches, stop
    return batches, None


def seqs(batches: list[ChangeBatch]) -> list[int]:
    return [b.seq for b in batches]


def test_round_trip_with_authors_from_certificates(fleet: Fleet) -> None:
    refs = fleet.publish("alice", "site-a", 3)
    batches, stop = read_all(fleet, "site-a")
    assert stop is None and seqs(batches) == [1, 2, 3]
    assert batches[0].records == records(3, "site-a-1")
    assert all(b.author.user == "alice" and b.author.role is Role.REP and b.author.territory == "西湖区" for b in batches)
    assert batches[-1].cursor == refs[-1].cursor and batches[1].prev_hash == refs[0].hash
    later, stop = read_all(fleet, "site-a", refs[0].cursor)
    assert stop is None and seqs(later) == [2, 3]
    assert read_all(fleet, "site-a", refs[-1].cursor) == ([], None)


def test_the_author_is_the_signer_never_what_the_file_says(fleet: Fleet) -> None:
    fleet.publish("bob", "site-b", 1)
    (batch,), _ = read_all(fleet, "site-b")
    assert batch.author.user == "bob" and batch.author.role is Role.DELIVERY
    # Records may claim anything; the author does not come from them.
    assert batch.records[0]["site"] == "site-b-1"


def test_a_role_change_is_a_new_certificate_for_the_same_key(fleet: Fleet) -> None:
    fleet.register("bob", Role.SUPERVISOR, territory="North")
    fleet.publish("bob", "site-b", 1)
    (batch,), _ = read_all(fleet, "site-b")
    assert batch.author.role is Role.SUPERVISOR and batch.author.territory == "North"


def cut_inside_body(data: bytes) -> bytes:
    return data[: len(data) - frame.TRAILER_SIZE - 5]


@pytest.mark.parametrize(
    ("damage", "error", "words"),
    [
        (lambda d: b"", TruncatedFile, "empty"),
        (lambda d: d[:12], TruncatedFile, "cut short"),
        (lambda d: d[:60], TruncatedFile, "cut short"),
        (cut_inside_body, TruncatedFile, "cut short"),
        (lambda d: d[:-1], TruncatedFile, "cut short"),
        (lambda d: d[:100] + bytes([d[100] ^ 0x10]) + d[101:], CorruptFile, "checksum"),
        (lambda d: d[:-64] + bytes(64), BadSignature, "not signed"),
        (lambda d: d[:-1] + bytes([d[-1] ^ 1]), BadSignature, "signature does not match"),
    ],
    ids=["empty", "cut-in-magic", "cut-in-header", "cut-in-body", "cut-in-signature", "bit-flip", "unsigned", "bad-signature"],
)
def test_a_damaged_file_stops_its_site_only(fleet: Fleet, damage, error, words) -> None:  # type: ignore[no-untyped-def]
    fleet.publish("alice", "site-a", 3)
    fleet.publish("bob", "site-b", 2)
    path = fleet.share.layout.change("site-a", 2)
    original = path.read_bytes()
    fleet.put_raw("site-a", 2, damage(original))
    batches, stop = read_all(fleet, "site-a")
    assert seqs(batches) == [1]
    assert isinstance(stop, error) and words in stop.reason
    assert (stop.site, stop.seq, stop.path) == ("site-a", 2, path)
    message = str(stop)
    assert "site-a" in message and "alice" in message and str(path) in message
    other, other_stop = read_all(fleet, "site-b")
    assert other_stop is None and seqs(other) == [1, 2]
    # The reader's cursor stays at #1 and retrying gives the same answer; repaired, it goes on.
    assert isinstance(read_all(fleet, "site-a", batches[0].cursor)[1], error)
    fleet.put_raw("site-a", 2, original)
    assert read_all(fleet, "site-a", batches[0].cursor)[1] is None


def test_copies_made_by_file_managers_are_ignored(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 2)
    shard = fleet.share.layout.change("site-a", 2).parent
    for name in ("000000000002 (1).chg", "000000000002 - Copy.chg", "000000000003.chg.conflict", ".hidden.chg"):
        shutil.copy(shard / "000000000002.chg", shard / name)
    batches, stop = read_all(fleet, "site-a")
    assert stop is None and seqs(batches) == [1, 2]


def test_a_file_duplicated_under_the_next_number_is_a_replay(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 2)
    fleet.put_raw("site-a", 3, fleet.share.layout.change("site-a", 2).read_bytes())
    batches, stop = read_all(fleet, "site-a")
    assert seqs(batches) == [1, 2]
    assert isinstance(stop, ReplayedFile) and "#2" in stop.reason and stop.seq == 3


def test_a_file_replayed_under_another_devices_name(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 1)
    fleet.publish("bob", "site-b", 2)
    fleet.put_raw("site-b", 3, fleet.share.layout.change("site-a", 1).read_bytes())
    batches, stop = read_all(fleet, "site-b")
    assert seqs(batches) == [1, 2]
    assert isinstance(stop, ReplayedFile) and "site-a" in stop.reason and "bob" in str(stop)


def test_a_file_signed_by_another_registered_device(fleet: Fleet) -> None:
    refs = fleet.publish("alice", "site-a", 1)
    fleet.put_raw("site-a", 2, fleet.forge("bob", "site-a", 2, refs[0].hash)[0])
    batches, stop = read_all(fleet, "site-a")
    assert seqs(batches) == [1]
    assert isinstance(stop, BadSignature) and "bob" in stop.reason and "belongs to another device" in stop.reason


def test_a_file_signed_by_a_stranger(fleet: Fleet) -> None:
    refs = fleet.publish("alice", "site-a", 1)
    stranger = SigningKey.generate()
    fleet.put_raw("site-a", 2, fleet.forge(stranger, "site-a", 2, refs[0].hash)[0])
    _, stop = read_all(fleet, "site-a")
    assert isinstance(stop, BadSignature) and stranger.public.fingerprint in stop.reason


def test_a_site_claimed_by_an_unregistered_device(fleet: Fleet) -> None:
    stranger = SigningKey.generate()
    fleet.share.layout.site("site-x").mkdir()
    fleet.share.layout.claim("site-x").write_bytes(seal_claim("site-x", stranger))
    fleet.put_raw("site-x", 1, fleet.forge(stranger, "site-x", 1, "")[0])
    _, stop = read_all(fleet, "site-x")
    assert isinstance(stop, UnknownSigner) and "unregistered device" in str(stop)


def test_files_without_a_claim_are_not_trusted(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 1)
    fleet.put_raw("site-y", 1, fleet.forge("alice", "site-y", 1, "")[0])
    _, stop = read_all(fleet, "site-y")
    assert isinstance(stop, BadSignature) and "no claim" in stop.reason


def test_a_certificate_bound_to_another_site(fleet: Fleet) -> None:
    carol = fleet.register("carol", Role.REP, site="site-c")
    fleet.share.layout.site("site-d").mkdir()
    fleet.share.layout.claim("site-d").write_bytes(seal_claim("site-d", carol))
    fleet.put_raw("site-d", 1, fleet.forge(carol, "site-d", 1, "")[0])
    _, stop = read_all(fleet, "site-d")
    assert isinstance(stop, BadSignature) and "site-c" in stop.reason


def test_a_revoked_user_keeps_what_was_published_before(fleet: Fleet) -> None:
    refs = fleet.publish("alice", "site-a", 2)
    revocation = revoke_user(fleet.share, fleet.admin, "alice", reason="left the company")
    assert revocation.honor == {"site-a": refs[-1].cursor}
    # A stolen laptop bypassing the app could still sign files; they are refused.
    fleet.put_raw("site-a", 3, fleet.forge("alice", "site-a", 3, refs[-1].hash)[0])
    batches, stop = read_all(fleet, "site-a")
    assert seqs(batches) == [1, 2] and all(b.author.revoked for b in batches)
    assert isinstance(stop, RevokedSigner) and "left the company" in stop.reason and stop.seq == 3
    assert fleet.share.registry.is_revoked("alice") and not fleet.share.registry.is_revoked("bob")


def test_revoking_without_honouring_refuses_everything(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 2)
    revoke_user(fleet.share, fleet.admin, "alice", reason="stolen laptop", honor_published=False)
    batches, stop = read_all(fleet, "site-a")
    assert batches == [] and isinstance(stop, RevokedSigner)


def test_a_new_certificate_after_a_revocation_readmits(fleet: Fleet) -> None:
    revoke_user(fleet.share, fleet.admin, "alice")
    fleet.register("alice", Role.REP)
    fleet.publish("alice", "site-a", 1)
    batches, stop = read_all(fleet, "site-a")
    assert stop is None and not batches[0].author.revoked and not fleet.share.registry.is_revoked("alice")


def test_a_gap_stops_the_site_and_names_the_missing_file(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 4)
    os.unlink(fleet.share.layout.change("site-a", 2))
    batches, stop = read_all(fleet, "site-a")
    assert seqs(batches) == [1]
    assert isinstance(stop, GapInStream) and stop.seq == 2 and "#3" in stop.reason


def chain(fleet: Fleet, user: str, site: str, first: int, last: int, prev: str) -> list[str]:
    """Put a valid chain of files first..last directly on the share; returns their hashes."""
    hashes = []
    for seq in range(first, last + 1):
        data, digest = fleet.forge(user, site, seq, prev)
        fleet.put_raw(site, seq, data)
        hashes.append(digest)
        prev = digest
    return hashes


def test_gaps_and_nothing_new_across_a_shard_boundary(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 1)  # claims the site
    start = Cursor(996, "ee" * 32)
    hashes = chain(fleet, "alice", "site-a", 997, 1003, start.hash)
    assert fleet.share.layout.change("site-a", 1003).parent.name == "000000001"
    batches, stop = read_all(fleet, "site-a", start)
    assert stop is None and seqs(batches) == list(range(997, 1004))
    assert seqs(read_all(fleet, "site-a", Cursor(999, hashes[2]))[0]) == [1000, 1001, 1002, 1003]
    assert read_all(fleet, "site-a", Cursor(1003, hashes[-1])) == ([], None)
    os.unlink(fleet.share.layout.change("site-a", 999))
    os.unlink(fleet.share.layout.change("site-a", 1000))
    batches, stop = read_all(fleet, "site-a", start)
    assert seqs(batches) == [997, 998]
    assert isinstance(stop, GapInStream) and stop.seq == 999 and "#1001" in stop.reason


def test_a_rewritten_history_is_a_fork(fleet: Fleet) -> None:
    refs = fleet.publish("alice", "site-a", 3)
    # The site's workspace was restored from an old backup and its files 2 and 3 replaced.
    chain(fleet, "alice", "site-a", 2, 3, refs[0].hash)
    batches, stop = read_all(fleet, "site-a", refs[1].cursor)
    assert batches == [] and isinstance(stop, ForkInStream) and stop.seq == 3 and "alice" in str(stop)
    fresh, stop = read_all(fleet, "site-a")
    assert stop is None and seqs(fresh) == [1, 2, 3]


def test_a_newer_format_asks_for_an_update(fleet: Fleet) -> None:
    refs = fleet.publish("alice", "site-a", 1)
    content = frame.magic_line("changes", 2) + b"format 2\n"
    fleet.put_raw("site-a", 2, content + frame.trailer("changes", frame.digest_of(content), fleet.keys["alice"]))
    batches, stop = read_all(fleet, "site-a")
    assert seqs(batches) == [1] and isinstance(stop, NewerFormat) and "update the app" in str(stop)
    stranger = SigningKey.generate()
    fleet.put_raw("site-a", 2, content + frame.trailer("changes", frame.digest_of(content), stranger))
    _, stop = read_all(fleet, "site-a", refs[0].cursor)
    assert isinstance(stop, BadSignature) and not isinstance(stop, NewerFormat)


def test_a_leftover_temporary_file_is_invisible(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 1)
    shard = fleet.share.layout.change("site-a", 1).parent
    (shard / ".site-a.0123456789abcdef.tmp").write_bytes(b"half a fi")
    batches, stop = read_all(fleet, "site-a")
    assert stop is None and seqs(batches) == [1]


def test_a_site_folder_that_disappears_is_not_an_empty_site(fleet: Fleet) -> None:
    refs = fleet.publish("alice", "site-a", 2)
    shutil.rmtree(fleet.share.layout.site("site-a"))
    batches, stop = read_all(fleet, "site-a", refs[-1].cursor)
    assert batches == [] and isinstance(stop, GapInStream) and "gone" in stop.reason


def test_sites_lists_only_site_folders(fleet: Fleet) -> None:
    fleet.publish("alice", "site-a", 1)
    fleet.publish("bob", "site-b", 1)
    (fleet.share.layout.sites / ".site-z.tmp").mkdir()
    (fleet.share.layout.sites / "notes.txt").write_text("x")
    assert fleet.share.sites() == ["site-a", "site-b"]


def test_registry_skips_bad_records_and_says_why(fleet: Fleet) -> None:
    certs = fleet.share.layout.certs
    (certs / "0123456789abcdef.cert").write_bytes(b"garbage")
    impostor = SigningKey.generate()
    fake = Certificate("mallory", Role.ADMIN, impostor.public, None, None, datetime.now(timezone.utc), "fedcba9876543210")
    (certs / "fedcba9876543210.cert").write_bytes(sealed.seal(CERT_KIND, fake.body(), impostor))
    fleet.share.refresh()
    registry = fleet.share.registry
    assert registry.certificate(impostor.public) is None
    assert registry.certificate(fleet.keys["alice"].public) is not None
    assert len(registry.problems) == 2 and any("not by the share's admin" in p for p in registry.problems)


def test_a_file_published_between_the_probe_and_the_listing_is_read(fleet: Fleet, monkeypatch: pytest.MonkeyPatch) -> None:
    fleet.publish("alice", "site-a", 2)
    real = fleet.share.find_change
    missed: list[int] = []

    def late(site: str, seq: int) -> object:
        if seq == 2 and not missed:
            missed.append(seq)  # not there yet when probed, there when listed
            return None
        return real(site, seq)

    monkeypatch.setattr(fleet.share, "find_change", late)
    batches, stop = read_all(fleet, "site-a")
    assert stop is None and seqs(batches) == [1, 2] and missed == [2]


def test_a_file_listed_but_not_yet_openable_waits_for_the_next_sync(fleet: Fleet, monkeypatch: pytest.MonkeyPatch) -> None:
    fleet.publish("alice", "site-a", 3)
    real = fleet.share.find_change
    with monkeypatch.context() as patch:  # an SMB client still caching "file not found"
        patch.setattr(fleet.share, "find_change", lambda site, seq: None if seq == 2 else real(site, seq))
        batches, stop = read_all(fleet, "site-a")
    assert seqs(batches) == [1] and stop is None
    assert seqs(read_all(fleet, "site-a", batches[0].cursor)[0]) == [2, 3]
