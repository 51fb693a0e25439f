"""Loading: from a file with the files beside it, from TOML, JSON, YAML text and a mapping."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import uclint

SMALL_TOML = """
name = "small"
[[servers]]
node_name = "cups-1"
addresses = ["10.0.0.5"]
roles = ["cups"]
[sip_proxy]
proxy_domain = "acme.com"
[[clients]]
id = "hq"
kind = "cupc"
version = "7.0.2"
dns_suffixes = ["acme.com"]
[[users]]
cucm_id = "jdoe"
home_node = "cups-1"
clients = ["hq"]
"""

SMALL = {
    "name": "small",
    "servers": [{"node_name": "cups-1", "addresses": ["10.0.0.5"], "roles": ["cups"]}],
    "sip_proxy": {"proxy_domain": "acme.com"},
    "clients": [{"id": "hq", "kind": "cupc", "version": "7.0.2", "dns_suffixes": ["acme.com"]}],
    "users": [{"cucm_id": "jdoe", "home_node": "cups-1", "clients": ["hq"]}],
}

SMALL_YAML = """
name: small
servers:
  - node_name: cups-1
    addresses: ["10.0.0.5"]
    roles: [cups]
sip_proxy:
  proxy_domain: acme.com
clients:
  - id: hq
    kind: cupc
    version: "7.0.2"
    dns_suffixes: [acme.com]
users:
  - cucm_id: jdoe
    home_node: cups-1
    clients: [hq]
"""


def codes(deployment: uclint.Deployment) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in uclint.check(deployment)]


def test_every_format_gives_the_same_deployment() -> None:
    loaded = [
        uclint.Deployment.from_toml(SMALL_TOML),
        uclint.Deployment.from_json(json.dumps(SMALL)),
        uclint.Deployment.from_yaml(SMALL_YAML),
        uclint.Deployment.from_dict(SMALL),
    ]
    for d in loaded:
        assert d.name == "small"
        assert d.proxy_domain == "acme.com"
        assert [s.node_name for s in d.servers] == ["cups-1"]
        assert d.users[0].cucm_id == "jdoe" and d.users[0].presence_node == "cups-1"
        assert d.clients[0].dns_suffixes == ("acme.com",)
        assert codes(d) == codes(loaded[0])
    assert loaded[0].file == "<string>"
    assert loaded[3].file == "<dict>"


def test_load_reads_files_beside_it_like_the_command_line(acme: uclint.Deployment) -> None:
    assert acme.file == "examples/acme.toml"
    assert len(acme.users) == 22
    csv_user = acme.user("mchen")
    assert csv_user.location is not None and csv_user.location.file == "examples/acme-users.csv"
    assert acme.has_dns
    assert uclint.Deployment.load(Path("examples/acme.toml")).users == acme.users
    server = acme.server("cups-2.acme.com")
    assert (server.hostname, server.addresses, server.roles) == ("cups-2", ("10.1.1.21",), ("cups",))
    client = acme.client("vpn-cupc")
    assert (client.kind, client.on_corporate_network, client.addresses) == ("cupc", False, ("10.8.0.0/16",))


def test_text_with_files_given_as_a_mapping() -> None:
    text = Path("examples/acme.toml").read_text()
    files = {
        "acme-users.csv": Path("examples/acme-users.csv").read_text(),
        "acme.zone": Path("examples/acme.zone").read_text(),
    }
    d = uclint.Deployment.from_toml(text, name="acme.toml", files=files)
    assert len(d.users) == 22
    located = d.user("mchen").location
    assert located is not None and located.file == "acme-users.csv"


def test_load_with_an_explicit_format(tmp_path: Path) -> None:
    path = tmp_path / "deployment.txt"
    path.write_text(SMALL_YAML)
    assert uclint.Deployment.load(path, format="yaml").name == "small"


def test_a_deployment_is_shared_between_threads(acme: uclint.Deployment) -> None:
    expected = uclint.check(acme).to_json()
    seen: set[int] = set()

    def work(_: int) -> str:
        seen.add(threading.get_ident())
        uclint.presence_addresses([("cups-1", "acme.com")] * 1000, deployment=acme)
        return uclint.check(acme).to_json()

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(16)))
    assert results == [expected] * 16
