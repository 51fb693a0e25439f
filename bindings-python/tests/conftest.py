"""Shared fixtures: the workspace's paths, the ACME example deployment, and the uclint CLI."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import uclint

#: The workspace root (bindings-python/tests/ is two levels down).
ROOT = Path(__file__).resolve().parents[2]
ACME = "examples/acme.toml"


class Cli:
    """Runs the `uclint` command line from the workspace root, as a user would."""

    def __init__(self) -> None:
        binary = os.environ.get("UCLINT_BIN")
        self.command: list[str] = (
            [binary] if binary else ["cargo", "run", "-q", "-p", "uclint-cli", "--"]
        )

    def run(self, args: Sequence[str], expect: Sequence[int] = (0,)) -> subprocess.CompletedProcess[str]:
        """Run with `args`; fail unless the exit status is one of `expect`."""
        done = subprocess.run(
            [*self.command, *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
        assert done.returncode in expect, (done.returncode, done.stdout, done.stderr)
        return done

    def json(self, args: Sequence[str], expect: Sequence[int] = (0,)) -> Any:
        """Run with `--format json` and parse what it prints."""
        return json.loads(self.run(["--format", "json", *args], expect).stdout)


@pytest.fixture(scope="session")
def cli() -> Cli:
    """The uclint command line."""
    return Cli()


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test from the workspace root, so file names read as the CLI's do."""
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="session")
def acme() -> uclint.Deployment:
    """The bundled ACME deployment, loaded as `uclint check examples/acme.toml` loads it."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return uclint.Deployment.load(ACME)
    finally:
        os.chdir(cwd)
