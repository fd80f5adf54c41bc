"""Who is on a share: creating it, registering devices, revoking users -- the admin's side.

The admin key lives in the admin's workspace folder (``admin.key``, 0600),
next to that workspace's own device key: whoever holds the workspace can
administer the share, and nobody else can. Creating a share also registers
the admin workspace's own device, so the admin syncs like everyone else
without a second step.
"""

from __future__ import annotations

from pathlib import Path

from fieldcrm.domain.classifications import Role
from fieldcrm.i18n import QT_TRANSLATE_NOOP as _N
from fieldcrm.storage.database import write_transaction
from fieldcrm.sync import sync_state as state
from fieldcrm.sync.engine import SyncError, _share_errors, admin_key_path, device_key
from fieldcrm.sync.share import (
    Certificate,
    PublicKey,
    Revocation,
    Share,
    SigningKey,
    issue_certificate,
    revoke_user,
)
from fieldcrm.workspace import Workspace

MSG_NOT_ADMIN = _N("Sync", "This workspace does not hold the share's admin key ({path}); run this in the admin's workspace")
MSG_BAD_KEY = _N("Sync", "key: {reason}")


def init_share(workspace: Workspace, path: Path) -> Share:
    """Create the share and (if needed) the admin key; register this workspace's device; pin the share."""
    me = workspace.require_identity()
    with _share_errors():
        share = Share.init(path, admin_key_path(workspace))
        admin = SigningKey.load(admin_key_path(workspace))
        issue_certificate(share, admin, user=me.user_name, role=me.role, device_key=device_key(workspace).public,
                          territory=me.territory)
    with write_transaction(workspace.db):
        state.remember_share(workspace.db, str(Path(path).expanduser()), share.share_id, share.admin_key)
    return share


def add_user(
    workspace: Workspace, path: Path, *, user: str, role: Role, key_text: str, territory: str | None = None
) -> Certificate:
    """Register a device's public key for ``user``; a new certificate for a known key replaces its role."""
    try:
        key = PublicKey.from_text(key_text.strip())
    except ValueError as error:
        raise SyncError(MSG_BAD_KEY, reason=str(error)) from None
    share, admin = _as_admin(workspace, path)
    with _share_errors():
        return issue_certificate(share, admin, user=user, role=role, device_key=key, territory=territory)


def revoke(workspace: Workspace, path: Path, user: str) -> Revocation:
    """Revoke all of ``user``'s devices; what they published so far stays valid on every laptop."""
    share, admin = _as_admin(workspace, path)
    with _share_errors():
        return revoke_user(share, admin, user)


def _as_admin(workspace: Workspace, path: Path) -> tuple[Share, SigningKey]:
    key_file = admin_key_path(workspace)
    try:
        admin = SigningKey.load(key_file)
    except FileNotFoundError:
        raise SyncError(MSG_NOT_ADMIN, path=key_file) from None
    with _share_errors():
        share = Share.open(path, expected_admin=state.pinned_admin(workspace.db))
    if share.admin_key != admin.public:
        raise SyncError(MSG_NOT_ADMIN, path=key_file)
    return share, admin
