#!/usr/bin/env python3
"""List every user whose presence or desk phone will fail, and why.

Reads a deployment whose users come (also) from a CUCM user export: the deployment file names
the CSV with ``users_csv = "users.csv"`` (CUCM's export headers, such as ``USER ID``, are
accepted) and uclint reads it beside the file. For each user and each CUPC profile they log in
from, it predicts CUPC's Help > Show Server Health and prints the services that fail, with the
rule codes and the reason.

    python examples/python/failing_users.py examples/acme.toml
    python examples/python/failing_users.py examples/acme.toml --service presence

Exit status: 0 when nobody fails, 1 when somebody does (for cron jobs), 2 when the deployment
does not load.
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional

import uclint

SERVICES = ("presence", "desk-phone")
ALL_SERVICES = ("login", "presence", "desk-phone", "voicemail", "directory", "calendar")


def failing(deployment: uclint.Deployment, services: tuple[str, ...]) -> list[tuple[uclint.User, str, uclint.ServiceHealth]]:
    """(user, client id, failing service) for every user, CUPC profile and chosen service."""
    # One check for everybody: health() then only picks the findings that concern each user.
    report = uclint.check(deployment)
    cupc = {c.id for c in deployment.clients if c.kind == "cupc"}
    found = []
    for user in deployment.users:
        for client in user.clients:
            if client not in cupc:
                continue
            health = uclint.health(deployment, user.cucm_id, client, report=report)
            for service in health.services:
                if service.service in services and service.status == "failing":
                    found.append((user, client, service))
    return found


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("deployment", help="the deployment file (TOML, JSON or YAML)")
    parser.add_argument(
        "--service",
        action="append",
        choices=ALL_SERVICES,
        help="a service to report (repeatable; default: presence and desk-phone)",
    )
    args = parser.parse_args(argv)
    try:
        deployment = uclint.Deployment.load(args.deployment)
    except uclint.Error as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    rows = failing(deployment, tuple(args.service or SERVICES))
    users = {user.cucm_id for user, _, _ in rows}
    for user, client, service in rows:
        name = " ".join(n for n in (user.first_name, user.last_name) if n)
        codes = " ".join(service.codes)
        print(f"{user.cucm_id:<12} {name:<20} {client:<12} {service.label:<10} [{codes}] {service.reason}")
    print(f"{len(users)} of {len(deployment.users)} users will fail")
    return 1 if users else 0


if __name__ == "__main__":
    sys.exit(main())
