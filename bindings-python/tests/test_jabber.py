"""Jabber and Webex App service discovery: what the client connects to when a user signs in."""

from __future__ import annotations

import json

import pytest

import uclint

# ex.com: one CUCM node, one IM and Presence node, an Expressway pair. Inside, `_cisco-uds`
# answers; on public DNS only `_collab-edge` does. Three profiles: Jabber for Windows in the
# office, Jabber for Mac travelling, and a CUPC for the negative health case.
DEPLOYMENT = """
domain = "ex.com"

[sip_proxy]
proxy_domain = "ex.com"

[[servers]]
node_name = "cucm1.ex.com"
roles = ["cucm"]
certificate = { san_dns = ["cucm1.ex.com"] }

[[servers]]
node_name = "imp1.ex.com"
roles = ["cups"]

[[servers]]
node_name = "expe.ex.com"
roles = ["expressway-e"]
certificate = { san_dns = ["expe.ex.com", "collab-edge.ex.com"] }

[[servers]]
node_name = "expc.ex.com"
roles = ["expressway-c"]
unified_cm_domains = ["ex.com"]

[[users]]
cucm_id = "jdoe"
last_name = "Doe"
home_node = "imp1.ex.com"

[dns]
records = [
  { name = "_cisco-uds._tcp.ex.com.", type = "SRV", value = "1 10 8443 cucm1.ex.com." },
  { name = "cucm1.ex.com.", type = "A", value = "10.0.0.11" },
  { name = "imp1.ex.com.", type = "A", value = "10.0.0.21" },
]

[dns.public]
records = [
  { name = "_collab-edge._tls.ex.com.", type = "SRV", value = "10 10 8443 expe.ex.com." },
  { name = "expe.ex.com.", type = "A", value = "192.0.2.10" },
]

[[clients]]
id = "office"
kind = "jabber-windows"
on_corporate_network = true

[[clients]]
id = "travel"
kind = "jabber-mac"
on_corporate_network = false

[[clients]]
id = "desk"
kind = "cupc"
"""


@pytest.fixture(scope="module")
def ex() -> uclint.Deployment:
    return uclint.Deployment.from_toml(DEPLOYMENT, name="ex.toml")


def test_inside_cisco_uds_signs_in_on_premises(ex: uclint.Deployment) -> None:
    d = uclint.jabber_discovery(ex, "office", "jdoe@ex.com")
    assert (d.client, d.kind, d.address, d.place) == ("office", "jabber-windows", "jdoe@ex.com", "inside")
    assert (d.services_domain, d.domain_from, d.lookup_domain) == ("ex.com", "sign-in", "ex.com")
    assert d.path == "on-premises"
    uds = d.queries[0]
    assert (uds.service, uds.name, uds.status, uds.answer) == ("_cisco-uds", "_cisco-uds._tcp.ex.com.", "found", None)
    [target] = uds.targets
    assert (target.target, target.port, target.priority, target.weight) == ("cucm1.ex.com", 8443, 1, 10)
    cup = next(q for q in d.queries if q.service == "_cuplogin")
    assert cup.status == "not-found" and cup.targets == () and cup.answer
    first = d.first_connection
    assert first is not None and first == d.connections[0]
    assert (first.purpose, first.host, first.port) == ("home-cluster", "cucm1.ex.com", 8443)
    assert first.url == "https://cucm1.ex.com:8443/cucm-uds/clusterUser?username=jdoe"
    assert (first.address, first.server) == ("10.0.0.11", "cucm1.ex.com")
    assert (first.trust, first.matched, first.untrusted_reason) == ("trusted", "cucm1.ex.com", None)
    assert (first.outcome, first.failure) == ("connects", None)
    assert first.certificate_names == ("cucm1.ex.com",)
    xmpp = d.connections[-1]
    assert (xmpp.purpose, xmpp.host, xmpp.port, xmpp.url) == ("xmpp", "imp1.ex.com", 5222, None)
    assert d.signs_in and not d.prompted
    assert d.message == "Signed in"
    assert d.jabber_id == "jdoe@ex.com"
    assert d.codes == () and d.issues == ()
    assert d.steps[-1] == 'The user sees: "Signed in".'


def test_outside_only_collab_edge_goes_through_mra(ex: uclint.Deployment) -> None:
    d = uclint.jabber_discovery(ex, "travel", "jdoe@ex.com")
    assert (d.place, d.path) == ("outside", "mra")
    assert [q.status for q in d.queries if q.service == "_cisco-uds"] == ["not-found"]
    first = d.first_connection
    assert first is not None
    assert (first.purpose, first.host, first.address) == ("edge-config", "expe.ex.com", "192.0.2.10")
    assert first.url == (
        "https://expe.ex.com:8443/ZXguY29t/get_edge_config?service_name=_cisco-uds&service_name=_cuplogin"
    )
    assert d.signs_in, d.steps
    assert d.message == "Signed in"


def test_no_record_for_the_domain_means_manual_entry_and_jab002(ex: uclint.Deployment) -> None:
    d = uclint.jabber_discovery(ex, "travel", "jdoe@other.com")
    assert (d.path, d.lookup_domain) == ("manual", "other.com")
    assert d.first_connection is None and d.connections == ()
    assert not d.signs_in
    assert d.message == "Cannot find your services automatically"
    assert d.codes == ("JAB002",)
    [issue] = d.issues
    assert (issue.code, issue.subject, issue.name) == ("JAB002", "client", None)
    assert "`travel`" in issue.message


def test_to_json_holds_what_the_attributes_say(ex: uclint.Deployment) -> None:
    d = uclint.jabber_discovery(ex, "travel", "jdoe@other.com")
    data = json.loads(d.to_json())
    assert data["client"] == "travel" and data["kind"] == "jabber-mac" and data["path"] == "manual"
    assert [q["name"] for q in data["queries"]] == [q.name for q in d.queries]
    assert [i["code"] for i in data["issues"]] == list(d.codes)
    assert data["steps"] == list(d.steps)
    inside = json.loads(uclint.jabber_discovery(ex, "office", "jdoe@ex.com").to_json())
    assert inside["connections"][0]["url"] == "https://cucm1.ex.com:8443/cucm-uds/clusterUser?username=jdoe"
    assert inside["connections"][0]["trust"] == {"trust": "trusted", "matched": "cucm1.ex.com"}


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("jdoe", "`jdoe` is not a sign-in address: expected user@domain"),
        ("@ex.com", "`@ex.com` has no user before the `@`"),
        ("jdoe@ex..com", "`jdoe@ex..com`: "),
        ("jdoe@", "`jdoe@`: the domain is empty"),
    ],
)
def test_a_bad_address_is_an_address_error(ex: uclint.Deployment, address: str, message: str) -> None:
    with pytest.raises(uclint.AddressError) as caught:
        uclint.jabber_discovery(ex, "office", address)
    assert isinstance(caught.value, uclint.Error)
    assert caught.value.address == address
    assert str(caught.value).startswith(message)


def test_an_unknown_client_is_not_found(ex: uclint.Deployment) -> None:
    with pytest.raises(uclint.NotFoundError, match="no client profile `nope` in the deployment; expected one of: office"):
        uclint.jabber_discovery(ex, "nope", "jdoe@ex.com")


def test_results_are_frozen_values(ex: uclint.Deployment) -> None:
    a = uclint.jabber_discovery(ex, "office", "jdoe@ex.com")
    b = uclint.jabber_discovery(ex, "office", "jdoe@ex.com")
    outside = uclint.jabber_discovery(ex, "travel", "jdoe@ex.com")
    assert a == b and a is not b and hash(a) == hash(b)
    assert a != outside and len({a, b, outside}) == 2
    assert a.connections[0] == b.connections[0] and hash(a.queries[0]) == hash(b.queries[0])
    with pytest.raises(AttributeError):
        a.path = "mra"  # type: ignore[misc]
    assert repr(a) == (
        "JabberDiscovery(client='office', address='jdoe@ex.com', path='on-premises', signs_in=True, message='Signed in')"
    )
    assert repr(a.connections[0]).startswith("Connection(purpose='home-cluster', host='cucm1.ex.com', port=8443")
    assert repr(a.queries[0].targets[0]) == "SrvTarget(target='cucm1.ex.com', port=8443, priority=1, weight=10)"
    assert uclint.JabberDiscovery.__module__ == "uclint"


def test_health_lists_jabber_sign_in_only_for_jabber_profiles(ex: uclint.Deployment) -> None:
    jabber = uclint.health(ex, "jdoe", "office")
    line = next(s for s in jabber.services if s.service == "jabber-sign-in")
    assert (line.status, line.reason) == ("ok", "Signed in (on-premises)")
    assert line.label == "Jabber sign-in"
    cupc = uclint.health(ex, "jdoe", "desk")
    assert "jabber-sign-in" not in [s.service for s in cupc.services]


def test_the_model_shows_jabber_kinds_and_expressway_roles(ex: uclint.Deployment) -> None:
    assert [c.kind for c in ex.clients] == ["jabber-windows", "jabber-mac", "cupc"]
    assert ex.server("expe.ex.com").roles == ("expressway-e",)
    assert ex.server("expc.ex.com").roles == ("expressway-c",)
