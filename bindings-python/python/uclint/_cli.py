"""The ``uclint`` command the wheel installs (``[project.scripts]``): the command line itself,
run in this process by the native module, with the same output and exit status as the native
binary."""

from __future__ import annotations

import signal
import sys

from ._uclint import run_cli


def main() -> int:
    """Run ``uclint`` with this process's arguments; give its exit status."""
    # Ctrl-C stops the command as it stops the native binary. Python's own handler would only
    # raise KeyboardInterrupt once the Rust code returned, which a probe may take minutes to do.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    # The command writes to the file descriptors directly: whatever Python buffered goes first.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    # "uclint" rather than argv[0] (a script path, or __main__.py for `python -m uclint`): the
    # name clap's usage and errors show.
    return run_cli(["uclint", *sys.argv[1:]])
