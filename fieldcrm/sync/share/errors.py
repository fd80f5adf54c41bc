"""Typed errors of the share layer, so the caller can tell what to stop.

Three families matter to a sync run:

* ``ShareUnavailable``: the share as a whole cannot be reached or trusted
  (missing, no marker, vanished mid-run, newer layout). Stop the whole sync;
  nothing was written.
* ``StreamStopped``: one site's stream cannot go on past one file (or one
  snapshot or blob is unusable). Keep that site's cursor, report the error
  (it names the file and whose it is) and carry on with the other sites.
* Writer refusals (``ShareNotWritable``, ``DiskFull``, ``NotAuthorized``,
  ``SiteTaken``, ``AlreadyPublished``, ``InitRefused``): this device cannot
  publish now; nothing partial is left under a published name.

Messages are English templates marked for translation, as everywhere in
FieldCRM (see ``fieldcrm.errors``).
"""

from __future__ import annotations

from pathlib import Path

from fieldcrm.errors import FieldCRMError
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.sync.messages import Message
from fieldcrm.sync.share.refs import FileRef


class ShareError(FieldCRMError):
    context = "Sync"

    def __str__(self) -> str:
        return self.message


class ShareUnavailable(ShareError):
    """The share cannot be used at all; stop before touching anything."""


class ShareNotFound(ShareUnavailable):
    pass


class MarkerMissing(ShareUnavailable):
    pass


class MarkerInvalid(ShareUnavailable):
    """The marker is damaged, or names another admin than the one this workspace trusts."""


class NewerShareFormat(ShareUnavailable):
    pass


class ShareVanished(ShareUnavailable):
    """The share was there when opened and is gone now (unmounted, moved, deleted)."""


class ShareNotWritable(ShareError):
    pass


class DiskFull(ShareNotWritable):
    pass


class NotAuthorized(ShareError):
    """This key may not do that: unregistered, revoked, wrong role, or not the admin key."""


class SiteTaken(ShareError):
    """The site id is claimed by another device: two workspaces share one site id."""


class InitRefused(ShareError):
    pass


class AlreadyPublished(ShareError):
    """The name is taken by a file with other content; names are never reused.

    ``existing`` is the file already on the share, so the caller can find out
    how its own publish log and the share diverged.
    """

    def __init__(self, template: str, *, existing: FileRef, **args: object) -> None:
        self.existing = existing
        super().__init__(template, **args)


class StreamStopped(ShareError):
    """A site's stream (or one snapshot or blob) cannot be used past this file.

    ``reason`` is the problem alone; ``message`` adds whose file it is, once
    the reader has located it.
    """

    site: str | None = None
    seq: int | None = None
    path: Path | None = None
    owner: str | None = None

    def locate(
        self, *, site: str | None = None, seq: int | None = None, path: Path | None = None, owner: str | None = None
    ) -> StreamStopped:
        self.site, self.seq, self.path, self.owner = site, seq, path, owner
        return self

    @property
    def reason(self) -> str:
        return self.template.format(**self.args_map)

    @property
    def message(self) -> str:
        return str(self.explained())

    def explained(self) -> Message:
        """The message as templates and arguments, so a GUI can word it in the user's language."""
        reason = Message.of_error(self)
        if self.site is None:
            return reason if self.path is None else Message.of("{path}: {reason}", path=self.path, reason=reason)
        what = (
            Message.of(_N("Sync", "file #{seq} ({path})"), seq=self.seq, path=self.path)
            if self.seq is not None
            else Message.of("{path}", path=self.path)
        )
        owner = self.owner or Message.of(_N("Sync", "owner unknown"))
        return Message.of(_N("Sync", "Site {site} ({owner}), {what}: {reason}"), site=self.site, owner=owner,
                          what=what, reason=reason)


class CorruptFile(StreamStopped):
    pass


class TruncatedFile(CorruptFile):
    pass


class BadSignature(StreamStopped):
    """Unsigned, wrongly signed, or signed by a key that may not write there."""


class UnknownSigner(BadSignature):
    pass


class RevokedSigner(BadSignature):
    pass


class ReplayedFile(StreamStopped):
    """A validly signed file under a name that is not its own (copied or replayed)."""


class GapInStream(StreamStopped):
    pass


class ForkInStream(StreamStopped):
    pass


class NewerFormat(StreamStopped):
    """Written by a newer FieldCRM: update the app to read past it.

    ``signer`` is the key that signed the file, so the reader can tell a real
    newer file from a stranger's.
    """

    signer: object = None
