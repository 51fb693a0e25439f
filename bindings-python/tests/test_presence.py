"""The presence address: the presence address, one at a time and in batches."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Optional

import pytest

import uclint
from conftest import Cli

# the presence address golden table: (Proxy.Domain, Presence.Primary.Address, address, method, verdict, codes).
GOLDEN: list[tuple[Optional[str], str, str, str, str, tuple[str, ...]]] = [
    ("cisco.com", "cup1", "cup1.cisco.com", "appended", "usable", ()),
    ("cisco.com", "cup1.cisco.com", "cup1.cisco.com", "as-configured", "usable", ()),
    ("cisco.com", "10.11.12.13", "10.11.12.13", "ip", "usable", ()),
    ("10.11.12.13", "10.11.12.13", "10.11.12.13", "ip", "usable", ("PRS002",)),
    ("10.11.12.13", "cup1", "cup1.10.11.12.13", "appended", "unusable", ("PRS001", "PRS002")),
    (
        "10.11.12.13",
        "cup1.cisco.com",
        "cup1.cisco.com.10.11.12.13",
        "appended",
        "unusable",
        ("PRS001", "PRS002"),
    ),
    (
        "PROXY_DOMAIN_NOT_SET",
        "cup1.cisco.com",
        "cup1.cisco.com.PROXY_DOMAIN_NOT_SET",
        "appended",
        "unusable",
        ("PRS001", "PRS003"),
    ),
    ("CISCO.COM", "cup1.cisco.com", "cup1.cisco.com.CISCO.COM", "appended", "unusable", ("PRS001", "PRS004")),
]


@pytest.mark.parametrize("row", range(1, len(GOLDEN) + 1))
def test_golden_table(row: int) -> None:
    domain, node, address, method, verdict, codes = GOLDEN[row - 1]
    p = uclint.presence_address(node, domain, "jdoe")
    assert (p.address, p.method, p.verdict, p.codes) == (address, method, verdict, codes)
    assert p.uri == f"jdoe@{address}"
    assert p.node == node
    assert p.usable == (verdict == "usable")
    assert str(p) == address


def test_unset_domain_is_proxy_domain_not_set() -> None:
    for domain in (None, "", uclint.PROXY_DOMAIN_NOT_SET):
        p = uclint.presence_address("cup1.cisco.com", domain)
        assert p.address == "cup1.cisco.com.PROXY_DOMAIN_NOT_SET"
        assert p.domain is None
        assert p.effective_domain == "PROXY_DOMAIN_NOT_SET"
        assert p.codes == ("PRS001", "PRS003")
        assert p.uri is None


def test_steps_explain_the_decision() -> None:
    steps = uclint.presence_address("cup1.cisco.com", "CISCO.COM", "jdoe").steps
    assert "case-sensitively" in steps[1]
    assert "jdoe@cup1.cisco.com.CISCO.COM" in steps[2]
    assert "PRS004" in steps[3]


def test_same_json_as_the_command_line(cli: Cli) -> None:
    p = uclint.presence_address("cup1", "CISCO.COM", "jdoe")
    expected = cli.json(["derive", "presence-address", "--node", "cup1", "--domain", "CISCO.COM", "--user", "jdoe"])
    assert json.loads(p.to_json()) == expected


def test_with_a_deployment_dns_decides(acme: uclint.Deployment, cli: Cli) -> None:
    found = uclint.presence_address("cups-1", "acme.com", deployment=acme)
    assert found.verdict == "usable"
    assert found.resolved_addresses == ("10.1.1.20",)
    missing = uclint.presence_address("cups-9", "acme.com", deployment=acme)
    assert (missing.verdict, missing.codes) == ("unresolved", ("PRS001",))
    expected = cli.json(
        ["derive", "presence-address", "--node", "cups-9", "--domain", "acme.com", "-c", "examples/acme.toml"]
    )
    assert json.loads(missing.to_json()) == expected


def test_batch_gives_the_same_answers_in_order() -> None:
    pairs: list[tuple[str, Optional[str]]] = [(node, domain) for domain, node, *_ in GOLDEN]
    batch = uclint.presence_addresses(pairs)
    assert batch == [uclint.presence_address(node, domain) for node, domain in pairs]
    assert [p.address for p in batch] == [row[2] for row in GOLDEN]


def test_batch_takes_users_any_iterable_and_none() -> None:
    def gen() -> Iterator[tuple[str, Optional[str], Optional[str]]]:
        yield ("cup1", "cisco.com", "jdoe")
        yield ("cup2", None, None)
        yield ("cup3", "cisco.com", "asmith")

    batch = uclint.presence_addresses(gen())
    assert [p.uri for p in batch] == ["jdoe@cup1.cisco.com", None, "asmith@cup3.cisco.com"]
    assert batch[1].address == "cup2.PROXY_DOMAIN_NOT_SET"
    assert uclint.presence_addresses([]) == []
    assert uclint.presence_addresses((("cup1", "cisco.com"),))[0].address == "cup1.cisco.com"


def test_batch_shares_one_domain_object_and_still_reads_each_new_one() -> None:
    domain = "cisco.com"
    pairs: list[tuple[str, Optional[str]]] = [("a", domain), ("b", domain), ("c", "acme.com"), ("d", domain), ("e", None)]
    assert [p.address for p in uclint.presence_addresses(pairs)] == [
        "a.cisco.com",
        "b.cisco.com",
        "c.acme.com",
        "d.cisco.com",
        "e.PROXY_DOMAIN_NOT_SET",
    ]


def test_batch_with_a_deployment(acme: uclint.Deployment) -> None:
    batch = uclint.presence_addresses([("cups-1", "acme.com"), ("cups-9", "acme.com")], deployment=acme)
    assert [p.verdict for p in batch] == ["usable", "unresolved"]


@pytest.mark.parametrize(
    "bad",
    [
        [("cup1",)],
        [("cup1", "a", "b", "c")],
        ["cup1"],
        [("cup1", 3)],
        [(None, "cisco.com")],
        [("cup1", "cisco.com", 7)],
    ],
)
def test_batch_rejects_malformed_items(bad: list[object]) -> None:
    with pytest.raises(TypeError, match="item 0"):
        uclint.presence_addresses(bad)  # type: ignore[arg-type]


def test_batch_not_iterable() -> None:
    with pytest.raises(TypeError):
        uclint.presence_addresses(3)  # type: ignore[arg-type]


def test_batch_across_many_chunks_matches_single_derivations() -> None:
    domains: list[Optional[str]] = ["acme.com", "ACME.COM", "10.11.12.13", None, "emea.acme.com"]
    pairs: list[tuple[str, Optional[str], Optional[str]]] = []
    for i in range(5000):
        domain = domains[(i // 700) % len(domains)]  # runs of one domain object across chunk edges
        node = [f"cups-{i}", f"cups-{i}.acme.com", f"10.0.{i % 250}.{i % 200}", f"CUPS-{i}.Acme.Com"][i % 4]
        pairs.append((node, domain, f"user{i}" if i % 3 == 0 else None))
    batch = uclint.presence_addresses(pairs)
    assert len(batch) == len(pairs)
    assert batch == [uclint.presence_address(*pair) for pair in pairs]


def test_batch_error_names_the_item_past_the_first_chunk() -> None:
    pairs: list[object] = [("cup1", "cisco.com")] * 3000
    pairs[2500] = ("cup1", b"cisco.com")
    with pytest.raises(TypeError, match="item 2500: the domain must be a str, not bytes"):
        uclint.presence_addresses(pairs)  # type: ignore[arg-type]
