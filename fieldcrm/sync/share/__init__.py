"""The share access layer of sync: files and bytes on a shared folder, nothing else.

No Qt, no SQLite: the database side captures and merges changes and calls
this API to publish its own site's batches and read everyone else's.
Design notes are in the module docstrings: ``layout`` (what is where, and
why the nothing-new sync costs a few stats per site), ``fsio`` (crash-safe
publishing without locks), ``frame``/``changefile``/``snapshot`` (formats),
``certificates`` (who may write), ``reader`` (what is checked).
"""

from fieldcrm.sync.share.certificates import (
    Certificate,
    Identity,
    Registry,
    Revocation,
    SiteClaim,
    issue_certificate,
    revoke_user,
)
from fieldcrm.sync.share.errors import (
    AlreadyPublished,
    BadSignature,
    CorruptFile,
    DiskFull,
    ForkInStream,
    GapInStream,
    InitRefused,
    MarkerInvalid,
    MarkerMissing,
    NewerFormat,
    NewerShareFormat,
    NotAuthorized,
    ReplayedFile,
    RevokedSigner,
    ShareError,
    ShareNotFound,
    ShareNotWritable,
    ShareUnavailable,
    ShareVanished,
    SiteTaken,
    StreamStopped,
    TruncatedFile,
    UnknownSigner,
)
from fieldcrm.sync.share.keys import PublicKey, SigningKey
from fieldcrm.sync.share.reader import ChangeBatch
from fieldcrm.sync.share.refs import START, Cursor, FileRef
from fieldcrm.sync.share.share import Share
from fieldcrm.sync.share.snapshot import SnapshotRef, VerifiedSnapshot
from fieldcrm.sync.share.writer import SiteWriter

__all__ = [
    "START", "AlreadyPublished", "BadSignature", "Certificate", "ChangeBatch", "CorruptFile", "Cursor", "DiskFull",
    "FileRef", "ForkInStream", "GapInStream", "Identity", "InitRefused", "MarkerInvalid", "MarkerMissing",
    "NewerFormat", "NewerShareFormat", "NotAuthorized", "PublicKey", "Registry", "ReplayedFile", "Revocation",
    "RevokedSigner", "Share", "ShareError", "ShareNotFound", "ShareNotWritable", "ShareUnavailable", "ShareVanished",
    "SigningKey", "SiteClaim", "SiteTaken", "SiteWriter", "SnapshotRef", "StreamStopped", "TruncatedFile",
    "UnknownSigner", "VerifiedSnapshot", "issue_certificate", "revoke_user",
]
