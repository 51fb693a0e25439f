#!/usr/bin/env python3
"""The presence address over 1,000,000 (node, domain) pairs from Python, three ways, in ns per item.

1. ``uclint.presence_addresses(pairs)``: one batch call, GIL released while the core derives.
2. A Python loop of ``uclint.presence_address(node, domain)``.
3. A pure-Python presence address (the address only: the node name if it is an IP address or ends with the
   domain, byte for byte, else node + "." + domain; PROXY_DOMAIN_NOT_SET when no domain).

The pairs are those of the Rust bench (core/benches/presence.rs): bare hostnames, FQDNs in and
out of the domain, IPs, mixed case, IP and unset proxy domains. When criterion's result of
``cargo bench -p uclint-core --bench presence`` is in target/criterion, the native figure and
the batch's ratio to it are printed too (target: the batch at most 3x native).

Run it against a release build (the wheel, or ``pip install ./bindings-python``):

    python bindings-python/benches/presence.py [--pairs N] [--repeat R]
"""

from __future__ import annotations

import argparse
import gc
import ipaddress
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Optional

import uclint

NOT_SET = "PROXY_DOMAIN_NOT_SET"
DOMAINS: list[Optional[str]] = ["acme.com", "emea.acme.com", "ACME.COM", "10.11.12.13", None]
CRITERION = Path(__file__).resolve().parents[2] / "target" / "criterion" / "presence_address_1m" / "d1"


def pairs(n: int) -> list[tuple[str, Optional[str]]]:
    """The Rust bench's mix, item for item."""
    out: list[tuple[str, Optional[str]]] = []
    for i in range(n):
        domain = DOMAINS[i % len(DOMAINS)]
        kind = i % 6
        if kind in (0, 1):
            node = f"cups-{i}"
        elif kind == 2:
            node = f"cups-{i}.acme.com"
        elif kind == 3:
            node = f"cups-{i}.emea.acme.com"
        elif kind == 4:
            node = f"10.{i % 250}.{(i // 250) % 250}.{i % 199}"
        else:
            node = f"CUPS-{i}.Acme.Com"
        out.append((node, domain))
    return out


def is_ip(node: str) -> bool:
    """A dotted-decimal IPv4 address, or an IPv6 literal (the presence address's decision)."""
    if node[:1].isdigit():
        parts = node.split(".")
        if len(parts) == 4 and all(p.isdigit() and len(p) <= 3 and int(p) <= 255 for p in parts):
            return True
    if ":" in node:
        try:
            ipaddress.ip_address(node.strip("[]"))
            return True
        except ValueError:
            return False
    return False


def pure_python_d1(node: str, domain: Optional[str]) -> str:
    """the presence address's address in plain Python."""
    domain = domain or NOT_SET
    if is_ip(node) or node.endswith(domain):
        return node
    return node + "." + domain


def best(run: Callable[[], object], repeat: int) -> float:
    """The best wall time of `repeat` runs, in seconds (results dropped between runs)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
        del result
    return min(times)


def native_ns() -> Optional[float]:
    """Criterion's mean for the Rust bench, in ns per derivation, if it has been run."""
    estimates = CRITERION / "new" / "estimates.json"
    if not estimates.is_file():
        return None
    mean = json.loads(estimates.read_text())["mean"]["point_estimate"]
    return float(mean) / 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--native-ns", type=float, help="the native figure to compare with (default: criterion's)")
    args = parser.parse_args()
    n, repeat = args.pairs, args.repeat
    data = pairs(n)

    # The three agree on every address.
    sample = data[: min(n, 30_000)]
    expected = [pure_python_d1(node, domain) for node, domain in sample]
    assert [p.address for p in uclint.presence_addresses(sample)] == expected
    assert [uclint.presence_address(node, domain).address for node, domain in sample] == expected

    single = uclint.presence_address

    figures = {
        "batch: presence_addresses(pairs)": best(lambda: uclint.presence_addresses(data), repeat),
        "loop: presence_address(node, domain)": best(lambda: [single(node, domain) for node, domain in data], repeat),
        "pure Python presence address (address only)": best(lambda: [pure_python_d1(node, domain) for node, domain in data], repeat),
    }
    gc.disable()
    try:
        batch_no_gc = best(lambda: uclint.presence_addresses(data), repeat)
    finally:
        gc.enable()

    print(f"The presence address over {n:,} pairs, best of {repeat} (uclint {uclint.__version__})")
    for name, seconds in figures.items():
        print(f"  {name:<40} {seconds / n * 1e9:8.1f} ns/item")
    print(f"  {'batch with the garbage collector off':<40} {batch_no_gc / n * 1e9:8.1f} ns/item")
    native = args.native_ns if args.native_ns is not None else native_ns()
    if native is None:
        print("  native (cargo bench -p uclint-core --bench presence): not run yet")
    else:
        batch = next(iter(figures.values())) / n * 1e9
        print(f"  {'native Rust (presence_address, criterion)':<40} {native:8.1f} ns/item")
        print(f"  batch / native: {batch / native:.2f}x (target: at most 3x)")


if __name__ == "__main__":
    main()
