"""Sync from the command line, as an admin scripts it: share, keys, users, sync, conflicts, bootstrap."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Cli


def _init(cli: Cli, folder: Path, user: str, role: str, territory: str | None = None) -> None:
    extra = ["--territory", territory] if territory else []
    assert cli("--workspace", str(folder), "init", "--user", user, "--role", role, *extra).code == 0


def _register(cli: Cli, admin: Path, share: Path, folder: Path, user: str, role: str, territory: str | None = None) -> None:
    key = cli("--workspace", str(folder), "key")
    assert key.code == 0 and key.out.startswith("ed25519:")
    extra = ["--territory", territory] if territory else []
    added = cli("--workspace", str(admin), "share", "add-user", "--share", str(share), "--user", user,
                "--role", role, *extra, "--key", key.out.strip())
    assert added.code == 0, added.err


def test_an_office_set_up_and_synced_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    admin, rep, sup, fresh, share = (tmp_path / n for n in ("admin", "rep", "sup", "fresh", "share"))
    _init(cli, admin, "王管理", "admin")
    _init(cli, rep, "李雷", "rep", "西湖区")
    _init(cli, sup, "韩梅梅", "supervisor")
    assert cli("--workspace", str(admin), "share", "init", str(share)).code == 0

    refused = cli("--workspace", str(rep), "sync", "--share", str(share))
    assert refused.code == 1 and len(refused.err_lines) == 1
    assert refused.err.startswith("error: This device is not registered") and "share add-user" in refused.err

    _register(cli, admin, share, rep, "李雷", "rep", "西湖区")
    _register(cli, admin, share, sup, "韩梅梅", "supervisor")
    not_admin = cli("--workspace", str(rep), "share", "revoke", "--share", str(share), "--user", "韩梅梅")
    assert not_admin.code == 1 and "admin key" in not_admin.err

    card = cli("--workspace", str(sup), "customer", "add", "name=张三超市", "territory=西湖区").out.strip()
    sent = cli("--workspace", str(sup), "sync", "--share", str(share), "--json")
    assert sent.code == 0 and sent.json()["sent_files"] == 1 and sent.json()["rejected"] == []
    got = cli("--workspace", str(rep), "sync", "--share", str(share), "--json").json()
    assert got["received_changes"] == sent.json()["sent_changes"] and got["changed_tables"] == ["customers"]

    cli("--workspace", str(rep), "customer", "set", card, "city=宁波")
    cli("--workspace", str(sup), "customer", "set", card, "city=温州")
    for folder in (rep, sup, rep):
        text = cli("--workspace", str(folder), "sync")  # the share is remembered
        assert text.code == 0 and text.out.startswith("sent: ")
    assert "open conflicts: 1" in text.out
    listed = cli("--workspace", str(rep), "conflicts", "--json").json()
    assert len(listed) == 1 and {listed[0]["winner"]["value"], listed[0]["loser"]["value"]} == {"宁波", "温州"}
    assert cli("--workspace", str(sup), "conflicts").out.split()[0] == listed[0]["id"]

    bad = cli("--workspace", str(rep), "conflicts", "resolve", listed[0]["id"], "--keep", "x" * 500)
    assert bad.code == 2 and bad.err.startswith("error: city")
    assert cli("--workspace", str(rep), "conflicts", "resolve", listed[0]["id"], "--keep", "绍兴").code == 0
    gone = cli("--workspace", str(rep), "conflicts", "resolve", listed[0]["id"], "--keep", "winner")
    assert gone.code == 1 and "already resolved" in gone.err
    cli("--workspace", str(rep), "sync")
    assert cli("--workspace", str(sup), "sync", "--json").json()["conflicts_open"] == 0
    assert cli("--workspace", str(sup), "customer", "show", card, "--json").json()["city"] == "绍兴"

    snap = cli("--workspace", str(sup), "snapshot")
    assert snap.code == 0 and Path(snap.out.strip()).is_file()
    assert cli("--workspace", str(rep), "snapshot").code == 1  # reps do not write snapshots
    _init(cli, fresh, "新人", "rep", "西湖区")
    _register(cli, admin, share, fresh, "新人", "rep", "西湖区")
    booted = cli("--workspace", str(fresh), "bootstrap", "--share", str(share), "--json")
    assert booted.code == 0 and booted.json()["applied"] > 0
    assert cli("--workspace", str(fresh), "customer", "show", card, "--json").json()["city"] == "绍兴"

    assert cli("--workspace", str(admin), "share", "revoke", "--share", str(share), "--user", "新人").code == 0
    revoked = cli("--workspace", str(fresh), "sync")
    assert revoked.code == 1 and "revoked" in revoked.err


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    _init(cli, tmp_path / "admin", "王管理", "admin")
    no_share = cli("--workspace", str(tmp_path / "admin"), "sync")
    assert no_share.code == 1 and "--share" in no_share.err
    missing = cli("--workspace", str(tmp_path / "admin"), "sync", "--share", str(tmp_path / "nowhere"))
    assert missing.code == 1 and "does not exist" in missing.err
    bad_role = cli("--workspace", str(tmp_path / "admin"), "share", "add-user", "--share", "s", "--user", "x",
                   "--role", "boss", "--key", "k")
    assert bad_role.code == 2
    assert cli("--workspace", str(tmp_path / "admin"), "share", "init", str(tmp_path / "share")).code == 0
    bad_key = cli("--workspace", str(tmp_path / "admin"), "share", "add-user", "--share", str(tmp_path / "share"),
                  "--user", "x", "--role", "rep", "--key", "not-a-key")
    assert bad_key.code == 1 and bad_key.err.startswith("error: key:")
