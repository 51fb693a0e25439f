"""The `uclint` command the wheel installs (`[project.scripts]`, python/uclint/_cli.py): the
command line itself, run in-process, with the native binary's output and exit status
(`$UCLINT_BIN`), a quiet end on a closed pipe, and Ctrl-C stopping it as it stops the binary."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

import uclint
from conftest import ACME, ROOT, Cli

ENV = {**os.environ, "NO_COLOR": "1"}

#: Commands and the status both must exit with: success, findings, a file that does not load,
#: and an argument clap refuses.
SAME = [
    (["--version"], 0),
    (["rules"], 0),
    (["explain", "PRS001"], 0),
    (["check", ACME, "--format", "json"], 1),
    (["check", ACME, "--format", "sarif"], 1),
    (["check", "examples/missing.toml"], 2),
    (["check", ACME, "--no-such-option"], 2),
]


@pytest.fixture(scope="module")
def script() -> str:
    """The `uclint` script pip installed beside this interpreter."""
    scripts = sysconfig.get_path("scripts")
    found = shutil.which("uclint", path=scripts)
    assert found, f"no `uclint` in {scripts}: the tests expect the wheel installed (test.sh)"
    return found


def run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=ENV, check=False)


@pytest.mark.parametrize(("args", "status"), SAME, ids=[" ".join(a) for a, _ in SAME])
def test_output_and_status_are_the_native_binarys(script: str, cli: Cli, args: list[str], status: int) -> None:
    native = cli.run(args, expect=(status,))
    wheel = run([script, *args])
    assert (wheel.returncode, wheel.stdout, wheel.stderr) == (native.returncode, native.stdout, native.stderr)


def test_version_is_the_modules(script: str) -> None:
    assert run([script, "--version"]).stdout == f"uclint {uclint.__version__}\n"
    assert run([sys.executable, "-m", "uclint", "--version"]).stdout == f"uclint {uclint.__version__}\n"


def read_one_line(command: Sequence[str]) -> tuple[int, str]:
    """Run `command`, read one line and close the pipe, as `| head -1` does: status and stderr."""
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        return process.wait(timeout=60), stderr


def test_a_closed_pipe_ends_quietly(script: str, cli: Cli) -> None:
    # The SARIF (some 150 kB) outgrows the pipe's buffer: the command does meet the closed end.
    args = ["check", ACME, "--format", "sarif"]
    assert read_one_line([script, *args]) == read_one_line([*cli.command, *args]) == (1, "")


def interrupt_while_reading(command: Sequence[str], folder: Path) -> int:
    """Run `command check FIFO`, send SIGINT while the Rust code waits to read the FIFO, and give
    the exit status (`-SIGINT` when the signal ended it)."""
    fifo = folder / "waiting.toml"
    os.mkfifo(fifo)
    with subprocess.Popen(
        [*command, "check", str(fifo)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # A shell that starts the tests in the background leaves SIGINT ignored, and children
        # inherit that: give the command the default a terminal's Ctrl-C meets.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    ) as process:
        deadline = time.monotonic() + 30
        while True:
            # Opening for writing without blocking succeeds only once the command has the FIFO
            # open for reading: it is then in the Rust code, waiting for data that never comes.
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError as e:
                assert e.errno == errno.ENXIO, e
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "the command never opened the FIFO"
                time.sleep(0.02)
        try:
            process.send_signal(signal.SIGINT)
            return process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            # Fail, rather than wait forever on leaving the `with`.
            process.kill()
            raise
        finally:
            os.close(writer)


def test_ctrl_c_stops_it_as_it_stops_the_native_binary(script: str, cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "wheel").mkdir()
    (tmp_path / "native").mkdir()
    wheel = interrupt_while_reading([script], tmp_path / "wheel")
    native = interrupt_while_reading(cli.command, tmp_path / "native")
    assert wheel == native == -signal.SIGINT
