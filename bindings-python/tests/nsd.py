"""A real authoritative DNS server (Debian's NSD) on 127.0.0.1 at a free high port, for the
probe tests: started with a configuration the test writes, stopped by PID afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1, above 61000 (out of the ephemeral range)."""
    for port in range(61000 + (time.monotonic_ns() // 1000) % 3000, 64999):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp, socket.socket(
            socket.AF_INET, socket.SOCK_DGRAM
        ) as udp:
            try:
                tcp.bind(("127.0.0.1", port))
                udp.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port above 61000")


@contextmanager
def nsd(zones: dict[str, str], folder: Path, axfr: bool = False) -> Iterator[str]:
    """Serve `zones` (origin -> zone text), with zone transfers to 127.0.0.1 when `axfr`; yield
    the server as `IP:PORT`."""
    binary = shutil.which("nsd") or "/usr/sbin/nsd"
    if not Path(binary).exists():
        raise RuntimeError("NSD is not installed: `apt-get install -y nsd`")
    port = _free_port()
    conf = [
        "server:",
        "  ip-address: 127.0.0.1",
        f"  port: {port}",
        '  username: ""',
        '  chroot: ""',
        f'  zonesdir: "{folder}"',
        '  database: ""',
        f'  pidfile: "{folder}/nsd.pid"',
        f'  xfrdfile: "{folder}/xfrd.state"',
        f'  zonelistfile: "{folder}/zone.list"',
        f'  logfile: "{folder}/nsd.log"',
        "remote-control:",
        "  control-enable: no",
    ]
    for origin, text in zones.items():
        (folder / f"{origin}.zone").write_text(text)
        conf += ["zone:", f'  name: "{origin}"', f'  zonefile: "{origin}.zone"']
        if axfr:
            conf.append("  provide-xfr: 127.0.0.1 NOKEY")
    (folder / "nsd.conf").write_text("\n".join(conf) + "\n")
    server = subprocess.Popen([binary, "-d", "-c", str(folder / "nsd.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    log = (folder / "nsd.log").read_text() if (folder / "nsd.log").exists() else ""
                    raise RuntimeError(f"NSD did not start on port {port}: {log}") from None
                time.sleep(0.05)
        yield f"127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
