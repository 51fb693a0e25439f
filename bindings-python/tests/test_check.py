"""the rules (docs/rules): `check` gives the command line's findings, JSON and SARIF."""

from __future__ import annotations

import json

import pytest

import uclint
from conftest import ACME, Cli


def test_same_json_as_the_command_line(acme: uclint.Deployment, cli: Cli) -> None:
    report = uclint.check(acme)
    done = cli.run(["check", ACME, "--format", "json"], expect=(1,))
    assert report.to_json() + "\n" == done.stdout
    expected = json.loads(done.stdout)
    assert len(report) == len(expected["findings"]) > 0
    for finding, want in zip(report.findings, expected["findings"]):
        assert finding.code == want["code"]
        assert finding.severity == want["severity"]
        assert finding.message == want["message"]
        assert (finding.subject.kind, finding.subject.name) == (want["subject"]["kind"], want["subject"]["name"])
        if want["location"] is None:
            assert finding.location is None
        else:
            assert finding.location is not None
            location = want["location"]
            assert (finding.location.file, finding.location.line, finding.location.column) == (
                location["file"],
                location["line"],
                location["column"],
            )
        assert [(f.action, f.tradeoff) for f in finding.fixes] == [(f["action"], f["tradeoff"]) for f in want["fixes"]]
        assert json.loads(finding.to_json()) == want
    summary = report.summary
    assert (summary.error, summary.warning, summary.security, summary.info) == (
        expected["summary"]["error"],
        expected["summary"]["warning"],
        expected["summary"]["security"],
        expected["summary"]["info"],
    )
    assert [(s.code, s.reason) for s in report.skipped] == [(s["code"], s["reason"]) for s in expected["skipped"]]


def test_same_sarif_as_the_command_line(acme: uclint.Deployment, cli: Cli) -> None:
    sarif = uclint.check(acme).to_sarif()
    done = cli.run(["check", ACME, "--format", "sarif"], expect=(1,))
    assert sarif + "\n" == done.stdout
    log = json.loads(sarif)
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == len(uclint.check(acme))


def test_select_and_ignore_like_the_command_line(acme: uclint.Deployment, cli: Cli) -> None:
    selected = uclint.check(acme, select=["AUTH001", "ldap006"])
    assert {f.code for f in selected} == {"AUTH001", "LDAP006"}
    expected = cli.run(["check", ACME, "--format", "json", "--select", "AUTH001,LDAP006"], expect=(0, 1)).stdout
    assert selected.to_json() + "\n" == expected
    ignored = uclint.check(acme, ignore=("AUTH001",))
    assert "AUTH001" not in {f.code for f in ignored}
    assert len(ignored) == len(uclint.check(acme)) - len(uclint.check(acme, select=["AUTH001"]))


def test_unknown_codes_are_not_found(acme: uclint.Deployment) -> None:
    with pytest.raises(uclint.NotFoundError, match="unknown rule code `PRS999`"):
        uclint.check(acme, select=["PRS999"])
    with pytest.raises(TypeError):
        uclint.check(acme, select="PRS001")


def test_fails_at_like_fail_on(acme: uclint.Deployment) -> None:
    report = uclint.check(acme)
    assert report.fails_at("error")
    assert report.fails_at("info")
    clean = uclint.check(acme, select=["TLS001"])
    assert not clean.fails_at("info")
    with pytest.raises(ValueError, match="unknown severity"):
        report.fails_at("fatal")  # type: ignore[arg-type]


def test_dangling_references_become_topo003() -> None:
    text = """
[[servers]]
node_name = "cups-1"
roles = ["cups"]

[sip_proxy]
proxy_domain = "acme.com"

[[users]]
cucm_id = "jdoe"
home_node = "cups-9"
"""
    deployment = uclint.Deployment.from_toml(text, name="dangling.toml")
    assert [p.kind for p in deployment.references] == ["dangling-reference"]
    topo = [f for f in uclint.check(deployment) if f.code == "TOPO003"]
    assert len(topo) == 1
    assert topo[0].location is not None
    assert (topo[0].location.file, topo[0].location.line) == ("dangling.toml", 11)


def test_findings_iterate_and_compare(acme: uclint.Deployment) -> None:
    report = uclint.check(acme)
    assert list(report) == list(report.findings)
    assert report == uclint.check(acme)
    assert hash(report) == hash(uclint.check(acme))
    assert len(set(report.findings)) == len(report.findings)
