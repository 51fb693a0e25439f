#!/usr/bin/env python3
"""PRS001, AUTH001 and LDAP006 written the way an administrator's script would be.

The baseline uclint's `check` is compared with in benches/run.sh: plain Python, standard library
only, one pass per rule over the users of a deployment made by `uclint generate`.
Prints one JSON object: findings per code (users affected) and the seconds spent.
"""
import csv
import ipaddress
import json
import sys
import time
import tomllib
from pathlib import Path

NOT_SET = "PROXY_DOMAIN_NOT_SET"


def presence_address(node, domain):
    """The presence address: the node name when it is an IP or ends with the domain, else node.domain."""
    try:
        ipaddress.ip_address(node)
        return node
    except ValueError:
        pass
    domain = domain or NOT_SET
    if node.endswith(domain):
        return node
    return node + "." + domain


def resolves(name, records):
    return name.rstrip(".").lower() + "." in records


def main(path):
    started = time.perf_counter()
    deployment_path = Path(path)
    deployment = tomllib.loads(deployment_path.read_text())
    with open(deployment_path.parent / deployment["users_csv"], newline="") as f:
        users = list(csv.DictReader(f))
    loaded = time.perf_counter()

    proxy = deployment.get("sip_proxy", {})
    domain = proxy.get("proxy_domain")
    records = {
        r["name"].lower()
        for r in deployment.get("dns", {}).get("records", [])
        if r["type"] in ("A", "AAAA")
    }
    found = {"PRS001": 0, "AUTH001": 0, "LDAP006": 0}

    # PRS001: every user's presence address must be an IP or a name the DNS resolves.
    for user in users:
        address = presence_address(user["home_node"], domain)
        try:
            ipaddress.ip_address(address)
        except ValueError:
            if not resolves(address, records):
                found["PRS001"] += 1

    # AUTH001: blank digest credential, authentication on, client networks not in the ACL.
    if proxy.get("authentication_module", True):
        acl = [ipaddress.ip_network(p, strict=False) for p in proxy.get("incoming_acl", [])]
        clients = {c["id"]: c for c in deployment.get("clients", [])}
        for user in users:
            if user["digest_credential"] == "true":
                continue
            for client_id in user["clients"].split(";"):
                nets = [ipaddress.ip_network(a, strict=False) for a in clients[client_id]["addresses"]]
                if not all(any(net.subnet_of(p) for p in acl if p.version == net.version) for net in nets):
                    found["AUTH001"] += 1
                    break

    # LDAP006: the id CUPC adds a contact by must be the CUCM user id.
    profile = deployment.get("ldap", {}).get("cupc_profile", {})
    if profile.get("enabled"):
        attribute = profile.get("user_id_attribute", "sAMAccountName").lower()
        phone = attribute in ("telephonenumber", "ipphone", "othertelephone", "mobile")
        for user in users:
            presence_id = user["telephone_number"] if phone else user["ldap_id"]
            if presence_id and presence_id != user["cucm_id"]:
                found["LDAP006"] += 1

    done = time.perf_counter()
    print(json.dumps({"findings": found, "load_s": loaded - started, "rules_s": done - loaded, "total_s": done - started}))


if __name__ == "__main__":
    main(sys.argv[1])
