"""SIP routing: routing a request URI through the deployment's SIP proxy, offline from its DNS data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import uclint
from conftest import Cli

# Static routes (user and domain, weighted, a fallback, out of service, blocked) and inline DNS
# records (SRV, A) for the RFC 3263 steps.
ROUTES = """
name = "routing"
domain = "acme.com"

[[servers]]
node_name = "cups-1.acme.com"
addresses = ["10.1.1.20"]
roles = ["cups"]

[sip_proxy]
proxy_domain = "acme.com"

[[sip_proxy.static_routes]]
pattern = "9*"
type = "user"
next_hop = "192.0.2.90"
transport = "tcp"

[[sip_proxy.static_routes]]
pattern = ".com.partner.*"
next_hop = "edge1.partner.com"
priority = 1
weight = 20

[[sip_proxy.static_routes]]
pattern = ".com.partner.*"
next_hop = "edge2.partner.com"
priority = 1
weight = 60

[[sip_proxy.static_routes]]
pattern = ".com.partner.*"
next_hop = "edge3.partner.com"
priority = 1
weight = 10
in_service = false

[[sip_proxy.static_routes]]
pattern = ".org.blocked.*"
block = true

[dns]
records = [
  { name = "edge1.partner.com.", type = "A", value = "198.51.100.1" },
  { name = "edge2.partner.com.", type = "A", value = "198.51.100.2" },
  { name = "_sip._tcp.example.net.", type = "SRV", value = "10 50 5060 sip1.example.net." },
  { name = "_sip._tcp.example.net.", type = "SRV", value = "20 50 5070 sip2.example.net." },
  { name = "sip1.example.net.", type = "A", value = "203.0.113.1" },
  { name = "sip2.example.net.", type = "A", value = "203.0.113.2" },
  { name = "plain.example.org.", type = "A", value = "203.0.113.9" },
]
"""

CASES = [
    ("sip:alice@acme.com", "local"),
    ("sip:9123@acme.com;user=phone", "local"),
    ("sip:9123@elsewhere.example", "static"),
    ("sip:bob@partner.com", "static"),
    ("sip:bob@lab.partner.com", "static"),
    ("sip:eve@blocked.org", "blocked"),
    ("sip:carol@example.net", "dns"),
    ("sip:dave@plain.example.org", "dns"),
    ("sips:carol@example.net", "unroutable"),
    ("sip:zed@nowhere.invalid", "unroutable"),
    ("sip:x@192.0.2.7:5080", "dns"),
]


@pytest.fixture(scope="module")
def routes_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("route") / "routes.toml"
    path.write_text(ROUTES)
    return path


@pytest.mark.parametrize(("uri", "decision"), CASES)
def test_same_answer_as_the_command_line(routes_file: Path, cli: Cli, uri: str, decision: str) -> None:
    deployment = uclint.Deployment.load(routes_file)
    routing = uclint.route(deployment, uri, seed=7)
    assert routing.decision == decision
    expected = cli.json(["route", uri, "-c", str(routes_file), "--seed", "7"])
    assert json.loads(routing.to_json()) == expected
    assert routing.uri == uri
    assert [t.host for t in routing.targets] == [t["host"] for t in expected["targets"]]
    assert [s.tried for s in routing.trace] == [s["tried"] for s in expected["trace"]]


def test_static_route_targets() -> None:
    deployment = uclint.Deployment.from_toml(ROUTES)
    routing = uclint.route(deployment, "sip:bob@partner.com")
    assert routing.decision == "static"
    hosts = {t.host: t for t in routing.targets}
    assert set(hosts) == {"edge1.partner.com", "edge2.partner.com"}
    edge2 = hosts["edge2.partner.com"]
    assert (edge2.address, edge2.port, edge2.transport, edge2.priority, edge2.weight) == (
        "198.51.100.2",
        5060,
        "udp",
        1,
        60,
    )
    assert edge2.share == pytest.approx(0.75)
    assert edge2.origin == "static-route"
    assert edge2.origin_name == ".com.partner.*"
    assert edge2.route_index == 2
    assert any(step.found == "matches but is out of service: skipped" for step in routing.trace)


def test_srv_targets_in_priority_order() -> None:
    deployment = uclint.Deployment.from_toml(ROUTES)
    routing = uclint.route(deployment, "sip:carol@example.net")
    assert [(t.host, t.address, t.port, t.priority) for t in routing.targets] == [
        ("sip1.example.net.", "203.0.113.1", 5060, 10),
        ("sip2.example.net.", "203.0.113.2", 5070, 20),
    ]
    assert {t.origin_name for t in routing.targets} == {"_sip._tcp.example.net."}
    assert all(t.origin == "srv" for t in routing.targets)


def test_unroutable_carries_sip002() -> None:
    deployment = uclint.Deployment.from_toml(ROUTES)
    routing = uclint.route(deployment, "sip:zed@nowhere.invalid")
    assert routing.targets == ()
    assert "SIP002" in routing.codes


def test_seed_fixes_the_weighted_order() -> None:
    deployment = uclint.Deployment.from_toml(ROUTES)
    first = uclint.route(deployment, "sip:bob@partner.com", seed=1)
    assert first == uclint.route(deployment, "sip:bob@partner.com", seed=1)
    orders = {tuple(t.host for t in uclint.route(deployment, "sip:bob@partner.com", seed=s).targets) for s in range(40)}
    assert len(orders) == 2


def test_acme_routes(acme: uclint.Deployment) -> None:
    assert uclint.route(acme, "sip:alice@partner.com").decision == "static"
    assert uclint.route(acme, "sip:4001@example.com").targets[0].host == "ccm-1.acme.com"
    assert uclint.route(acme, "sip:9555@example.com").decision == "blocked"
    assert uclint.route(acme, "sip:jdoe@ACME.COM").decision == "local"


def test_a_bad_uri_is_a_uri_error_with_the_command_line_message(acme: uclint.Deployment, cli: Cli) -> None:
    with pytest.raises(uclint.UriError) as caught:
        uclint.route(acme, "sip:al ice@x")
    error = caught.value
    stderr = cli.run(["route", "sip:al ice@x", "-c", "examples/acme.toml"], expect=(2,)).stderr
    assert stderr.splitlines()[0] == f"error: {error}"
    assert (error.uri, error.offset, error.found) == ("sip:al ice@x", 6, " ")
    assert "user name" in error.expected
    with pytest.raises(uclint.UriError) as at_end:
        uclint.route(acme, "sip:")
    assert at_end.value.found is None
