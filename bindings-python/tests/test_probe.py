"""Observing the real deployment from Python: `probe` and `health(live=True)` against a real
DNS server (NSD) on loopback, typed like the rest, the same JSON as `uclint probe`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import uclint
from conftest import Cli
from lab import running_lab
from nsd import nsd

ZONE = """$TTL 300
@ IN SOA ns.acme.com. admin.acme.com. 1 3600 600 86400 300
@ IN NS ns.acme.com.
ns IN A 127.0.0.1
ccm-1 IN A 127.0.0.9
"""

LAB = """
domain = "acme.com"

[[servers]]
node_name = "ccm-1"
addresses = ["127.0.0.1"]
roles = ["cucm"]

[[servers]]
node_name = "cups-1"
addresses = ["127.0.0.1"]
roles = ["cups"]

[sip_proxy]
proxy_domain = "acme.com"

[dns]
records = [
  { name = "cups-1.acme.com.", type = "A", value = "127.0.0.1" },
  { name = "ccm-1.acme.com.", type = "A", value = "127.0.0.1" },
]

[[clients]]
id = "hq"
kind = "cupc"
version = "7.0.2"
dns_suffixes = ["acme.com"]

[[clients]]
id = "phones"
kind = "ip-phone"
dns_suffixes = ["acme.com"]

[[users]]
cucm_id = "alice"
home_node = "cups-1"
digest_credential = true
clients = ["hq"]
"""


@pytest.fixture
def lab(tmp_path: Path) -> Path:
    path = tmp_path / "lab.toml"
    path.write_text(LAB)
    return path


def test_probe_is_typed_and_says_what_the_cli_says(lab: Path, tmp_path: Path, cli: Cli) -> None:
    with nsd({"acme.com": ZONE}, tmp_path) as server:
        deployment = uclint.Deployment.load(lab)
        report = uclint.probe(deployment, only=["dns"], dns_server=server, timeout=2)
        expected = cli.json(["probe", str(lab), "--only", "dns", "--dns-server", server, "--timeout", "2"], expect=(1,))
    assert isinstance(report, uclint.ProbeReport) and len(report) == 3
    by_client = {(o.subject.name, o.summary.split("`")[1]): o for o in report.observations}
    home = by_client[("hq", "cups-1")]
    # Real DNS lost the home node the file's records still resolve: NAME001, and DRIFT001.
    assert home.probe == "dns" and home.outcome == "failed" and home.codes == ("NAME001", "DRIFT001")
    assert home.service == "login"
    assert isinstance(home.target, uclint.ProbeTarget) and home.target.port == int(server.split(":")[1])
    assert [e.kind for e in home.evidence][0] == "note"
    phones = by_client[("phones", "ccm-1")]
    assert phones.codes == ("NAME004", "DRIFT001")
    assert phones.setting is not None and phones.setting.says == "127.0.0.1" and phones.setting.location is not None
    assert report.fails_at("error") and report.summary.error == 3, report.summary
    assert {f.code for f in report.findings} == {"NAME001", "PRS006", "NAME004", "DRIFT001"}
    # The same observations as the command line, elapsed times aside.
    mine = json.loads(report.to_json())
    for ours, theirs in zip(mine["observations"], expected["observations"]):
        ours.pop("elapsed_ms"), theirs.pop("elapsed_ms")
        assert ours == theirs
    assert mine["findings"] == expected["findings"]
    assert json.loads(report.to_sarif())["runs"][0]["results"]


def test_live_health_sets_prediction_beside_observation(lab: Path, tmp_path: Path) -> None:
    with nsd({"acme.com": ZONE}, tmp_path) as server:
        live = uclint.health(uclint.Deployment.load(lab), "alice", "hq", live=True, dns_server=server, timeout=2)
    assert isinstance(live, uclint.LiveHealth)
    login = live.services[0]
    assert (login.service, login.predicted.status, login.observed, login.agrees) == ("login", "ok", "failing", False)
    assert login.contradicts is not None and login.contradicts.name == "dns: cups-1.acme.com"
    assert live.services[3].observed == "not-observed"
    assert isinstance(uclint.health(uclint.Deployment.load(lab), "alice", "hq"), uclint.Health)


def test_probe_arguments_fail_clearly(lab: Path) -> None:
    deployment = uclint.Deployment.load(lab)
    with pytest.raises(ValueError, match="unknown probe `dnss`"):
        uclint.probe(deployment, only=["dnss"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="is not IP:PORT"):
        uclint.probe(deployment, dns_server="localhost")
    with pytest.raises(uclint.NotFoundError, match="no client profile `nope`"):
        uclint.probe(deployment, client="nope", dns_server="127.0.0.1:9")
    with pytest.raises(uclint.IoError, match="cannot use the CA bundle"):
        uclint.probe(deployment, ca="/nonexistent.pem", dns_server="127.0.0.1:9")


def _sent(report: uclint.ProbeReport) -> list[str]:
    """What the probes sent, as their evidence shows it."""
    return [e.text for o in report for e in o.evidence if e.kind == "sent"]


def test_imap_login_sends_the_password_from_the_environment_and_never_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_lab(tmp_path / "lab") as running:
        deployment = uclint.Deployment.load(running.deployment)

        def imap(login: bool) -> uclint.ProbeReport:
            return uclint.probe(
                deployment,
                only=["imap"],
                user="alice",
                dns_server=running.dns_server,
                ca=running.ca,
                timeout=5,
                imap_login=login,
            )

        monkeypatch.setenv("UCLINT_USER_PASSWORD", "alicepw")
        looked = imap(login=False)
        logged_in = imap(login=True)
        monkeypatch.setenv("UCLINT_USER_PASSWORD", "not-alices")
        refused = imap(login=True)
    # Without imap_login nothing logs in, whatever the environment holds.
    assert not any("LOGIN" in s for s in _sent(looked)), _sent(looked)
    imaps = [o for o in logged_in if o.summary.startswith("IMAPS")]
    assert len(imaps) == 1 and imaps[0].outcome == "ok", [o.summary for o in logged_in]
    assert "LOGIN as `alice` accepted" in imaps[0].summary
    assert any(s.endswith("LOGIN alice ********") for s in _sent(logged_in))
    assert "alicepw" not in logged_in.to_json() and "alicepw" not in logged_in.to_sarif()
    # A wrong password is the server's NO, shown without the password that was tried.
    assert any(o.outcome == "failed" for o in refused), [o.summary for o in refused]
    assert "not-alices" not in refused.to_json()


PUBLIC_ZONE = """$TTL 300
@ IN SOA ns.acme.com. admin.acme.com. 1 3600 600 86400 300
@ IN NS ns.acme.com.
ns IN A 127.0.0.1
_cisco-uds._tcp IN SRV 1 10 9 ccm-1.acme.com.
ccm-1 IN A 127.0.0.1
"""

ROAD = """
[[clients]]
id = "road"
kind = "jabber-mac"
on_corporate_network = false
"""


def test_jabber_outside_asks_the_public_dns_server(lab: Path, tmp_path: Path) -> None:
    # The deployment says nothing public answers `_cisco-uds`; the public server does (JAB001).
    path = tmp_path / "jabber.toml"
    path.write_text(lab.read_text() + "\n[dns.public]\nrecords = []\n" + ROAD)
    deployment = uclint.Deployment.load(path)
    with nsd({"acme.com": PUBLIC_ZONE}, tmp_path) as server:
        report = uclint.probe(deployment, only=["jabber"], client="road", public_dns_server=server, timeout=2)
    lookups = [o for o in report if o.probe == "jabber" and "JAB001" in o.codes]
    assert lookups, [o.summary for o in report]
    assert lookups[0].subject.name == "road"
    with pytest.raises(ValueError, match="public_dns_server `somewhere` is not IP:PORT"):
        uclint.probe(deployment, only=["jabber"], public_dns_server="somewhere")
