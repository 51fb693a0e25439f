"""The ACME lab (`cargo run -p uclint-test-servers --example lab`): real NSD, Kamailio, slapd,
Dovecot, Apache and TLS servers on loopback, with the deployment file that describes them. The
tests that need a real login use it rather than a second copy of each server's recipe."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT


@dataclass(frozen=True)
class Lab:
    """A running lab: its deployment file, the CA that signed its certificates, its DNS server."""

    deployment: Path
    ca: Path
    dns_server: str


def _binary() -> list[str]:
    """The lab as scripts/test.sh built it (`UCLINT_LAB`), else through cargo."""
    built = os.environ.get("UCLINT_LAB")
    if built:
        return [built]
    return ["cargo", "run", "-q", "--locked", "-p", "uclint-test-servers", "--example", "lab", "--"]


@contextmanager
def running_lab(folder: Path) -> Iterator[Lab]:
    """Start the lab writing into `folder`; stop it (closing its stdin) when done."""
    process = subprocess.Popen(
        [*_binary(), str(folder)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        printed: list[str] = []
        dns_server = None
        for line in process.stdout:
            printed.append(line)
            if dns_server is None and "--dns-server " in line:
                dns_server = line.split("--dns-server ")[1].split()[0]
            if line.startswith("Press Enter"):
                break
        if dns_server is None:
            error = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"the lab did not start:\n{''.join(printed)}{error}")
        yield Lab(folder / "lab.toml", folder / "ca.pem", dns_server)
    finally:
        if process.stdin:
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
