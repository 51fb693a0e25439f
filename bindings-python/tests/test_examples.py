"""The administrator's example scripts in examples/python/, run against examples/acme.toml."""

from __future__ import annotations

import subprocess
import sys

from conftest import ACME, ROOT, Cli

EXAMPLES = ROOT / "examples" / "python"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_presence_table_matches_the_overview(cli: Cli) -> None:
    done = run("presence_table.py", ACME)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "proxy domain: acme.com"
    assert lines[1].split() == ["node", "presence", "address", "method", "verdict", "codes"]
    rows = [line.split() for line in lines[2:]]
    expected = cli.json(["overview", ACME])["presence_nodes"]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        (p["node"], p["address"], p["method"], p["verdict"]) for p in expected
    ]


def test_presence_table_what_if() -> None:
    done = run("presence_table.py", ACME, "--domain", "ACME.COM")
    assert done.returncode == 1
    assert "cups-2.acme.com.ACME.COM  appended  unusable  PRS001 PRS004" in done.stdout


def test_failing_users() -> None:
    done = run("failing_users.py", ACME)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "13 of 22 users will fail"
    presence = [line for line in lines if " Presence " in line]
    assert [line.split()[0] for line in presence] == ["asmith", "jsilva"]
    assert all("[AUTH001]" in line for line in presence)
    desk = [line for line in lines if " Desk Phone " in line]
    assert desk and all("[AUTH004]" in line for line in desk)
    # A user from the CSV export is among them.
    assert any(line.startswith("mchen ") for line in desk)


def test_failing_users_one_service() -> None:
    done = run("failing_users.py", ACME, "--service", "presence")
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "2 of 22 users will fail"


def test_examples_report_a_bad_deployment() -> None:
    for script in ("failing_users.py", "presence_table.py"):
        done = run(script, "examples/missing.toml")
        assert done.returncode == 2
        assert done.stderr.startswith("error: cannot read `examples/missing.toml`")
