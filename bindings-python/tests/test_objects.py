"""Result objects are immutable, compare and hash by value, and show themselves usefully."""

from __future__ import annotations

import gc

import pytest

import uclint


def test_results_are_frozen(acme: uclint.Deployment) -> None:
    p = uclint.presence_address("cup1", "cisco.com")
    with pytest.raises(AttributeError):
        p.address = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        p.extra = 1  # type: ignore[attr-defined]
    finding = uclint.check(acme).findings[0]
    with pytest.raises(AttributeError):
        finding.code = "X"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        acme.name = "other"  # type: ignore[misc]
    assert isinstance(finding.fixes, tuple)
    assert isinstance(p.codes, tuple) and isinstance(p.steps, tuple)


def test_equal_by_value_and_hashable(acme: uclint.Deployment) -> None:
    a = uclint.presence_address("cup1", "cisco.com", "jdoe")
    b = uclint.presence_address("cup1", "cisco.com", "jdoe")
    c = uclint.presence_address("cup1", "cisco.com", "asmith")
    assert a == b and a is not b and hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2
    assert a != "cup1.cisco.com"
    assert uclint.route(acme, "sip:a@partner.com") == uclint.route(acme, "sip:a@partner.com")
    assert uclint.resolve(acme, "cups-1", "hq-cupc") == uclint.resolve(acme, "cups-1", "hq-cupc")
    assert uclint.health(acme, "jdoe", "hq-cupc") == uclint.health(acme, "jdoe", "hq-cupc")
    assert {uclint.health(acme, "jdoe", "hq-cupc"), uclint.health(acme, "jdoe", "hq-cupc")} == {
        uclint.health(acme, "jdoe", "hq-cupc")
    }
    assert acme.users == uclint.Deployment.load("examples/acme.toml").users
    assert len(set(acme.servers)) == len(acme.servers)
    rules = uclint.rules()
    assert rules == uclint.rules() and len(set(rules)) == len(rules)


def test_reprs(acme: uclint.Deployment) -> None:
    assert repr(uclint.presence_address("cup1", "CISCO.COM", "jdoe")) == (
        "PresenceAddress(node='cup1', domain='CISCO.COM', address='cup1.CISCO.COM', "
        "uri='jdoe@cup1.CISCO.COM', method='appended', verdict='usable', codes=())"
    )
    assert repr(uclint.presence_address("cup1", None)).endswith("codes=('PRS001', 'PRS003'))")
    assert repr(acme) == "<uclint.Deployment 'ACME Corp HQ' from 'examples/acme.toml': 9 servers, 6 client profiles, 22 users>"
    assert repr(acme.server("cups-1")) == "Server(node_name='cups-1', roles=('cups',))"
    routing = uclint.route(acme, "sip:a@partner.com")
    assert repr(routing) == "Routing(uri='sip:a@partner.com', decision='static', targets=('sip.partner.com',))"
    assert repr(routing.targets[0]).startswith("Target(host='sip.partner.com', address='198.51.100.40', port=5060")
    report = uclint.check(acme)
    assert repr(report).startswith("<uclint.Report: ")
    finding = report.findings[0]
    assert repr(finding).startswith(f"Finding(code='{finding.code}', severity='{finding.severity}'")
    assert finding.location is not None
    assert str(finding.location) == f"{finding.location.file}:{finding.location.line}:{finding.location.column}"
    assert repr(finding.location).startswith("Location(file=")
    assert str(finding.subject) in repr(finding)
    assert repr(uclint.health(acme, "jdoe", "hq-cupc")).startswith("Health(user='jdoe', client='hq-cupc', login=")
    assert repr(uclint.rules()[0]).startswith("Rule(code='PRS001'")


def test_class_names_and_module() -> None:
    assert uclint.PresenceAddress.__module__ == "uclint"
    assert uclint.PresenceAddress.__name__ == "PresenceAddress"
    with pytest.raises(TypeError):
        uclint.PresenceAddress()


def test_presence_results_stay_out_of_the_cycle_collector() -> None:
    # They hold no Python objects, so the collector has nothing to find in them (see value.rs).
    assert not gc.is_tracked(uclint.presence_address("cup1", "cisco.com"))
    assert not any(gc.is_tracked(p) for p in uclint.presence_addresses([("cup1", "cisco.com")] * 10))
    p = uclint.presence_address("cup1", "cisco.com")
    del p
    gc.collect()
