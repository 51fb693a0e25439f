"""Name resolution (resolve) and Show Server Health (health), against the command line."""

from __future__ import annotations

import json

import pytest

import uclint
from conftest import ACME, Cli


@pytest.mark.parametrize(("name", "client"), [("cups-1", "vpn-cupc"), ("cups-1", "legacy-cupc"), ("ccm-1", "hq-phones")])
def test_resolve_like_the_command_line(acme: uclint.Deployment, cli: Cli, name: str, client: str) -> None:
    resolution = uclint.resolve(acme, name, client)
    expected = cli.json(["resolve", name, "--client", client, "-c", ACME])
    assert json.loads(resolution.to_json()) == expected
    assert resolution.address == expected["address"]
    assert resolution.resolved == (expected["address"] is not None)
    assert [a.query for a in resolution.attempts] == [a["query"] for a in expected["attempts"]]
    assert [a.status for a in resolution.attempts] == [a["result"]["status"] for a in expected["attempts"]]


def test_resolve_explains_each_attempt(acme: uclint.Deployment) -> None:
    off_site = uclint.resolve(acme, "cups-1", "vpn-cupc")
    assert off_site.address is None
    assert off_site.attempts[0].source == "hosts file"
    assert any(a.query.startswith("cups-1.isp.com") for a in off_site.attempts)
    legacy = uclint.resolve(acme, "cups-1", "legacy-cupc")
    assert legacy.address == "10.1.1.20"
    assert legacy.attempts[-1].status == "found"
    assert legacy.attempts[-1].addresses == ("10.1.1.20",)


@pytest.mark.parametrize(("user", "client"), [("asmith", "vpn-cupc"), ("jdoe", "hq-cupc"), ("ekim", "hq-cupc")])
def test_health_like_the_command_line(acme: uclint.Deployment, cli: Cli, user: str, client: str) -> None:
    health = uclint.health(acme, user, client)
    expected = cli.json(["health", "--user", user, "--client", client, "-c", ACME])
    assert json.loads(health.to_json()) == expected
    assert [(s.service, s.status, s.codes) for s in health.services] == [
        (s["service"], s["status"], tuple(s["codes"])) for s in expected["services"]
    ]
    report = uclint.check(acme)
    assert uclint.health(acme, user, client, report=report) == health


def test_health_of_a_blank_digest_credential(acme: uclint.Deployment) -> None:
    health = uclint.health(acme, "asmith", "vpn-cupc")
    presence = next(s for s in health.services if s.service == "presence")
    assert presence.status == "failing"
    assert "AUTH001" in presence.codes
    assert presence.label == "Presence"


def test_unknown_user_and_client_like_the_command_line(acme: uclint.Deployment, cli: Cli) -> None:
    with pytest.raises(uclint.NotFoundError) as client:
        uclint.health(acme, "jdoe", "x")
    stderr = cli.run(["health", "--user", "jdoe", "--client", "x", "-c", ACME], expect=(2,)).stderr
    assert stderr.splitlines()[0] == f"error: {client.value}"
    with pytest.raises(uclint.NotFoundError) as user:
        uclint.health(acme, "nobody", "hq-cupc")
    stderr = cli.run(["health", "--user", "nobody", "--client", "hq-cupc", "-c", ACME], expect=(2,)).stderr
    assert stderr.splitlines()[0] == f"error: {user.value}"
    with pytest.raises(uclint.NotFoundError, match="no client profile `x`"):
        uclint.resolve(acme, "cups-1", "x")


def test_rules_and_explain(cli: Cli) -> None:
    rules = uclint.rules()
    expected = cli.json(["rules"])
    assert [r.code for r in rules] == [r["code"] for r in expected]
    assert [r.severity for r in rules] == [r["severity"] for r in expected]
    auth001 = next(r for r in rules if r.code == "AUTH001")
    assert auth001.service == "presence"
    assert len(auth001.fixes) == 3
    assert uclint.explain("auth001") + "" == cli.run(["explain", "AUTH001"]).stdout
    assert auth001.page == uclint.explain("AUTH001")
    with pytest.raises(uclint.NotFoundError, match="unknown rule code `X1`"):
        uclint.explain("X1")
