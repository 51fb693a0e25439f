"""The deployment file from the real sources, from Python: the text importers on real samples,
a zone transfer from a real NSD, a paged search of the lab's real slapd, `collect` writing and
merging files, and `diff` saying what changed, as `uclint collect` and `uclint diff` do."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import pytest

import uclint
from conftest import ROOT, Cli
from lab import running_lab
from nsd import nsd

SAMPLES = ROOT / "core" / "tests" / "fixtures" / "import"

ZONE = """$TTL 300
@ IN SOA ns.acme.com. admin.acme.com. 1 3600 600 86400 300
@ IN NS ns.acme.com.
ns IN A 127.0.0.1
cups-1 IN A 10.1.1.20
_sip._tcp IN SRV 10 60 5060 cups-1.acme.com.
"""


def sample(name: str) -> str:
    """A real sample, line endings kept (Windows output keeps its CRLF)."""
    with open(SAMPLES / name, encoding="utf-8-sig", newline="") as f:
        return f.read()


def _profile(c: uclint.Client) -> tuple[object, ...]:
    """What an imported profile says, without where it was written."""
    return (c.id, c.kind, c.dns_suffixes, c.dns_servers, c.addresses)


def test_ipconfig_becomes_the_client_profile_windows_searches_with() -> None:
    collected = uclint.import_ipconfig(sample("ipconfig-win10.txt"), client="hq-pc", origin="pc.txt")
    assert (collected.kind, collected.origin, collected.domain) == ("ipconfig", "pc.txt", None)
    (client,) = collected.clients
    assert (client.id, client.kind) == ("hq-pc", "cupc")
    assert client.dns_suffixes == ("acme.com", "emea.acme.com")
    assert client.dns_servers == ("10.1.1.53", "10.1.1.54", "fd00:10:1:1::53", "10.1.1.55")
    assert "10.1.2.37" in client.addresses
    # Its TOML loads back as the same profile.
    (back,) = uclint.Deployment.from_toml(collected.to_toml()).clients
    assert _profile(back) == _profile(client)


def test_an_unreadable_text_is_a_collect_error_naming_the_line() -> None:
    with pytest.raises(uclint.CollectError) as raised:
        uclint.import_ipconfig(sample("ipconfig-win10-french.txt"), client="pc", origin="fr.txt")
    error = raised.value
    assert (error.kind, error.origin) == ("ipconfig", "fr.txt")
    assert error.line is not None and error.line >= 1 and error.expected
    assert str(error).startswith(f"ipconfig fr.txt: line {error.line}: expected ")
    with pytest.raises(ValueError, match="not a client kind; expected one of: cupc, .*, jabber-windows, .*, webex-app"):
        uclint.import_resolv("nameserver 10.0.0.1\n", client="pc", kind="phone")  # type: ignore[arg-type]


def test_jabber_and_webex_app_profiles_import() -> None:
    kinds: list[Literal["jabber-windows", "jabber-mac", "jabber-mobile", "webex-app"]] = [
        "jabber-windows",
        "jabber-mac",
        "jabber-mobile",
        "webex-app",
    ]
    for kind in kinds:
        collected = uclint.import_resolv("nameserver 10.0.0.1\n", client="pc", kind=kind)
        assert [c.kind for c in collected.clients] == [kind]


def test_ldif_and_bat_give_users_without_any_secret() -> None:
    ldif = uclint.import_ldif(sample("ad-ldapsearch.ldif"))
    assert ldif.users and all(u.cucm_id == u.ldap_id for u in ldif.users)
    bat = uclint.import_bat(sample("bat-export-users.csv"))
    assert bat.users and any(u.digest_credential for u in bat.users)
    assert "PASSWORD" not in bat.to_json().upper().replace("DIGEST", "")


def test_collect_writes_then_merges_keeping_what_a_person_wrote(tmp_path: Path) -> None:
    client = uclint.import_ipconfig(sample("ipconfig-win10.txt"), client="hq-pc")
    users = uclint.import_ldif(sample("ad-ldapsearch.ldif"), origin="ad.ldif")
    out = tmp_path / "acme.toml"
    written = uclint.collect([client, users], out=out)
    assert isinstance(written, uclint.Deployment)
    assert [c.id for c in written.clients] == ["hq-pc"] and len(written.users) == len(users.users)
    text = out.read_text()
    assert text.startswith("# Collected by `uclint collect`.")
    assert "# - ldif ad.ldif (" in text
    # A second run may not replace the file unless asked.
    with pytest.raises(ValueError, match="exists: merge into it with --into"):
        uclint.collect([client], out=out)
    # A person adds a comment and a home node; merging the same sources again keeps both.
    first = users.users[0].cucm_id
    edited = text.replace(f'cucm_id = "{first}"\n', f'cucm_id = "{first}"\nhome_node = "cups-1"   # by hand\n', 1)
    out.write_text("# kept\n" + edited)
    merged = uclint.collect([users], into=out)
    assert merged.users[0].home_node == "cups-1"
    after = out.read_text()
    assert '# kept\n' in after and 'home_node = "cups-1"   # by hand' in after


def test_a_zone_transfer_from_a_real_nsd(tmp_path: Path) -> None:
    with nsd({"acme.com": ZONE}, tmp_path, axfr=True) as server:
        zone = uclint.collect_axfr("acme.com", server, timeout=5)
    assert zone.kind == "axfr" and zone.origin == f"acme.com@{server}"
    assert ("cups-1.acme.com.", "A", "10.1.1.20") in zone.records
    assert ("_sip._tcp.acme.com.", "SRV", "10 60 5060 cups-1.acme.com.") in zone.records
    (tmp_path / "closed").mkdir()
    with nsd({"acme.com": ZONE}, tmp_path / "closed", axfr=False) as server:
        with pytest.raises(uclint.CollectError) as raised:
            uclint.collect_axfr("acme.com", server, timeout=5)
    assert raised.value.kind == "axfr" and raised.value.line is None


def test_a_paged_search_of_the_labs_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with running_lab(tmp_path / "lab") as lab:
        text = lab.deployment.read_text()
        port = re.search(r"sync_port = (\d+)", text)
        base = re.search(r'base = "([^"]+)"', text)
        admin = re.search(r'service_account = "([^"]+)"', text)
        assert port and base and admin, text
        monkeypatch.setenv("UCLINT_LDAP_PASSWORD", "secret")
        users = uclint.collect_ldap(
            f"ldap://127.0.0.1:{port[1]}", base[1], bind=admin[1], starttls=True, ca=lab.ca, timeout=5
        )
        monkeypatch.setenv("UCLINT_LDAP_PASSWORD", "not-the-password")
        with pytest.raises(uclint.CollectError) as raised:
            uclint.collect_ldap(f"ldap://127.0.0.1:{port[1]}", base[1], bind=admin[1], starttls=True, ca=lab.ca, timeout=5)
    assert "alice" in [u.cucm_id for u in users.users]
    assert raised.value.kind == "ldap" and "not-the-password" not in str(raised.value)


def test_diff_says_what_the_command_line_says(tmp_path: Path, cli: Cli) -> None:
    acme = ROOT / "examples" / "acme.toml"
    renamed = ROOT / "examples" / f"renamed-{tmp_path.name}.toml"
    renamed.write_text(acme.read_text().replace('node_name = "cups-1"', 'node_name = "cups-9"'))
    try:
        old, new = uclint.Deployment.load(acme), uclint.Deployment.load(renamed)
        same = uclint.diff(old, old)
        changed = uclint.diff(old, new)
        expected = cli.json(["diff", str(acme), str(renamed)], expect=(1,))
    finally:
        renamed.unlink()
    assert not same and same.new_errors == 0
    assert changed and changed.new_errors > 0
    first = changed.changes[0]
    assert (first.section, first.key, first.kind) == ("servers", "cups-1", "removed")
    assert isinstance(first.item, dict) and first.item["node_name"] == "cups-1"
    assert json.loads(changed.to_json()) == expected
    assert changed.to_text().startswith("servers\n  - cups-1\n  + cups-9\n")
