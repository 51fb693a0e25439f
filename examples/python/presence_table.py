#!/usr/bin/env python3
"""Print the presence address CUPC registers to for every CUPS node of a deployment.

the presence address, checked against the deployment's DNS data: the address, how CUPC formed it, whether it
is usable, and the rule codes behind the verdict. ``--domain`` asks "what if the proxy domain
were this?" before changing the Cisco UP SIP Proxy service parameter.

    python examples/python/presence_table.py examples/acme.toml
    python examples/python/presence_table.py examples/acme.toml --domain ACME.COM
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional

import uclint


def table(deployment: uclint.Deployment, domain: Optional[str]) -> list[uclint.PresenceAddress]:
    """The presence address for each CUPS node, with the deployment's proxy domain unless `domain` is given."""
    nodes = [s.node_name for s in deployment.servers if "cups" in s.roles]
    return uclint.presence_addresses([(node, domain) for node in nodes], deployment=deployment)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("deployment", help="the deployment file (TOML, JSON or YAML)")
    parser.add_argument("--domain", help="a proxy domain to try instead of the deployment's")
    args = parser.parse_args(argv)
    try:
        deployment = uclint.Deployment.load(args.deployment)
    except uclint.Error as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    domain = args.domain if args.domain is not None else deployment.proxy_domain
    rows = table(deployment, domain)
    print(f"proxy domain: {domain if domain else 'not set (' + uclint.PROXY_DOMAIN_NOT_SET + ')'}")
    header = ("node", "presence address", "method", "verdict", "codes")
    lines = [(p.node, p.address, p.method, p.verdict, " ".join(p.codes)) for p in rows]
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    for row in [header, *lines]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return 0 if all(p.usable for p in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
