"""``fieldcrm share …``, ``key``, ``sync``, ``snapshot``, ``bootstrap``, ``conflicts``: sync from scripts.

Admins script laptop set-up with these, so they only parse words and print
results: the share rules live in ``fieldcrm.sync.membership`` and the sync
itself in ``fieldcrm.sync.engine``, the same code the Sync page runs.
Conflicts get a short id (a hash of the full one, stable across syncs) so it
can be typed; the full id is accepted too.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
from typing import Any

from fieldcrm.cli.common import (
    EXIT_OK,
    CliParser,
    UsageError,
    emit,
    emit_json,
    note,
    opened_workspace,
)
from fieldcrm.domain.classifications import Role
from fieldcrm.domain.validation import parse_value, spec_for
from fieldcrm.errors import NotFound
from fieldcrm.sync import engine, membership
from fieldcrm.sync.conflicts import (
    MSG_GONE,
    Conflict,
    Keep,
    Kind,
    Version,
    list_conflicts,
    resolve,
)

ROLE_BY_VALUE = {role.value: role for role in Role}
ROLES = list(ROLE_BY_VALUE)
SIDES = ("winner", "loser")


def cmd_share_init(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        share = membership.init_share(workspace, args.dir)
        me = workspace.require_identity()
        key_file = engine.admin_key_path(workspace)
    note(f"created the share {share.root}; its admin key is {key_file} (keep it safe)")
    note(f"this workspace's device is registered as {me.user_name} ({me.role.value})")
    return EXIT_OK


def cmd_key(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        key = engine.device_key(workspace).public
    emit(key.text)
    note(f"fingerprint {key.fingerprint}")
    return EXIT_OK


def cmd_add_user(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        cert = membership.add_user(workspace, args.share, user=args.user, role=ROLE_BY_VALUE[args.role], key_text=args.key,
                                   territory=args.territory)
    where = f", {cert.territory}" if cert.territory else ""
    note(f"registered {cert.user} ({cert.role.value}{where}), device {cert.key.fingerprint}")
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        revocation = membership.revoke(workspace, args.share, args.user)
    note(f"revoked every device of {revocation.user}; files they published before now stay valid")
    return EXIT_OK


def _print_summary(summary: engine.SyncSummary, as_json: bool) -> None:
    if as_json:
        emit_json(summary.to_json())
        return
    emit(f"sent: {summary.sent_changes} changes in {summary.sent_files} files")
    emit(f"received: {summary.received_changes} changes in {summary.received_files} files "
         f"({summary.applied} applied, {summary.duplicates} duplicates)")
    emit(f"rejected: {len(summary.rejected)}")
    for rejected in summary.rejected:
        emit(f"  {rejected.summary}")
    emit(f"problems: {len(summary.problems)}")
    for problem in summary.problems:
        emit(f"  {problem.reason}")
    for warning in summary.clock_warnings:
        emit(f"clock: {warning}")
    emit(f"photos: {summary.photos_sent} sent, {summary.photos_received} received, {summary.photos_missing} missing")
    for warning in summary.photo_warnings:
        emit(f"  {warning}")
    emit(f"open conflicts: {summary.conflicts_open}")


def cmd_sync(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        summary = engine.sync(workspace, args.share)
    _print_summary(summary, args.json)
    return EXIT_OK


def cmd_snapshot(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        path = engine.write_snapshot(workspace, args.share)
    emit(path)
    return EXIT_OK


def cmd_bootstrap(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        summary = engine.bootstrap(workspace, args.share)
    _print_summary(summary, args.json)
    return EXIT_OK


def short_id(conflict: Conflict) -> str:
    return hashlib.sha256(conflict.id.encode("utf-8")).hexdigest()[:10]


def _version_json(version: Version) -> dict[str, Any]:
    return {"value": version.value, "user": version.user, "at": version.at.isoformat(timespec="seconds")}


def _conflict_json(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": short_id(conflict), "full_id": conflict.id, "kind": conflict.kind.value, "table": conflict.tbl,
        "row": conflict.row_id, "field": conflict.field,
        "winner": _version_json(conflict.winner), "loser": _version_json(conflict.loser),
    }


def cmd_conflicts(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        found = list_conflicts(workspace.db)
    if args.json:
        emit_json([_conflict_json(c) for c in found])
        return EXIT_OK
    for conflict in found:
        winner, loser = conflict.winner, conflict.loser
        if conflict.kind is Kind.DELETED_WHILE_EDITED:
            what = f"deleted by {winner.user}, edited meanwhile by {loser.user} ({loser.field}={loser.value!r})"
        else:
            what = f"{winner.value!r} by {winner.user} (winner) vs {loser.value!r} by {loser.user} (loser)"
        emit(f"{short_id(conflict)}  {conflict.tbl} {conflict.row_id} {conflict.field}: {what}")
    note(f"{len(found)} open conflicts")
    return EXIT_OK


def _keep(conflict: Conflict, raw: str) -> Keep:
    """``winner``/``loser``, or a value checked as the editor would check it."""
    if raw in SIDES:
        return raw
    if conflict.kind is Kind.DELETED_WHILE_EDITED:
        raise UsageError("--keep: a deleted-while-edited conflict is resolved with winner (delete) or loser (restore)")
    if conflict.tbl == "customers":
        stored: Keep = parse_value(spec_for(conflict.field), raw)
        return stored
    return raw


def cmd_resolve(args: argparse.Namespace) -> int:
    with opened_workspace(args) as workspace:
        matches = [c for c in list_conflicts(workspace.db) if args.id in (c.id, short_id(c))]
        if not matches:
            raise NotFound(MSG_GONE)
        conflict = matches[0]
        resolve(workspace.db, conflict.id, _keep(conflict, args.keep))
    note(f"resolved {short_id(conflict)} ({conflict.tbl} {conflict.row_id} {conflict.field}); run 'fieldcrm sync' to share it")
    return EXIT_OK


def register(subcommands: argparse._SubParsersAction[CliParser]) -> None:
    """Add the share administration, sync and conflict commands."""
    share = subcommands.add_parser("share", help="create a sync share and manage who may use it (admin)")
    actions = share.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create a share in an empty folder; the admin key stays in this workspace")
    init.add_argument("dir", metavar="DIR", type=Path)
    init.set_defaults(handler=cmd_share_init)
    add_user = actions.add_parser("add-user", help="register a device's key for a user")
    add_user.add_argument("--share", metavar="DIR", type=Path, required=True)
    add_user.add_argument("--user", metavar="NAME", required=True)
    add_user.add_argument("--role", metavar="ROLE", choices=ROLES, required=True, help=f"one of {', '.join(ROLES)}")
    add_user.add_argument("--territory", metavar="T")
    add_user.add_argument("--key", metavar="KEY", required=True, help="the text 'fieldcrm key' prints on that laptop")
    add_user.set_defaults(handler=cmd_add_user)
    revoke = actions.add_parser("revoke", help="revoke every device of a user")
    revoke.add_argument("--share", metavar="DIR", type=Path, required=True)
    revoke.add_argument("--user", metavar="NAME", required=True)
    revoke.set_defaults(handler=cmd_revoke)

    key = subcommands.add_parser("key", help="print this workspace's public key, for the admin to register")
    key.set_defaults(handler=cmd_key)

    sync = subcommands.add_parser("sync", help="send this laptop's changes and receive everyone else's")
    sync.add_argument("--share", metavar="DIR", type=Path, help="the share folder (remembered after the first sync)")
    sync.add_argument("--json", action="store_true", help="print the summary as JSON (see the README)")
    sync.set_defaults(handler=cmd_sync)

    snapshot = subcommands.add_parser("snapshot", help="sync, then write a snapshot for new laptops (supervisors)")
    snapshot.add_argument("--share", metavar="DIR", type=Path)
    snapshot.set_defaults(handler=cmd_snapshot)

    bootstrap = subcommands.add_parser("bootstrap", help="fill a new laptop from the latest snapshot, then sync")
    bootstrap.add_argument("--share", metavar="DIR", type=Path, required=True)
    bootstrap.add_argument("--json", action="store_true", help="print the summary as JSON")
    bootstrap.set_defaults(handler=cmd_bootstrap)

    conflicts = subcommands.add_parser("conflicts", help="list open conflicts, or resolve one")
    conflicts.add_argument("--json", action="store_true", help="print a JSON list (see the README)")
    conflicts.set_defaults(handler=cmd_conflicts)
    conflict_actions = conflicts.add_subparsers(dest="action", metavar="ACTION")
    resolve_ = conflict_actions.add_parser("resolve", help="keep the winner, the loser, or a new value")
    resolve_.add_argument("id", metavar="ID", help="the id 'fieldcrm conflicts' prints (or the full id)")
    resolve_.add_argument("--keep", metavar="VALUE_OR_SIDE", required=True, help="winner, loser, or a value")
    resolve_.set_defaults(handler=cmd_resolve)
