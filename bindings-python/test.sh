#!/usr/bin/env bash
# Builds the `uclint` Python package the way a user installs it (`pip install ./bindings-python`:
# a release, cp39-abi3 wheel) into a venv under target/py-venv, then runs its tests: pytest
# (against the command line's own output), the example scripts (from pytest), mypy --strict on
# the tests, examples and benchmark, and stubtest (the .pyi stubs against the module).
#
# Needs a Rust toolchain and python3 (3.9 or later) with venv; the first run fetches the pinned
# tools of requirements-dev.txt from PyPI. Called from scripts/test.sh; runs alone too.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

step() { printf '\n==> %s\n' "$*"; }

# One target directory for cargo, maturin and the CLI: builds are shared, not repeated.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
venv="$root/target/py-venv"
if [ ! -x "$venv/bin/python" ]; then
  step "Python venv in target/py-venv"
  "${PYTHON:-python3}" -m venv "$venv"
fi
export VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH"
export PIP_DISABLE_PIP_VERSION_CHECK=1
python -m pip install -q -r bindings-python/requirements-dev.txt

step "pip install ./bindings-python (maturin pinned by requirements-dev.txt)"
# Build isolation as on a user's machine; the constraint pins the build backend's version.
PIP_CONSTRAINT="$root/bindings-python/requirements-dev.txt" \
  python -m pip install -q --force-reinstall --no-deps ./bindings-python

# scripts/test.sh passes the command line its own test build made; alone, build it here.
if [ -z "${UCLINT_BIN:-}" ]; then
  step "the uclint command line the tests compare against"
  cargo build -q -p uclint-cli --locked
  export UCLINT_BIN="$CARGO_TARGET_DIR/debug/uclint"
fi
if [ -z "${UCLINT_LAB:-}" ]; then
  step "the loopback lab of real servers the probe tests log in to"
  cargo build -q -p uclint-test-servers --example lab --locked
  export UCLINT_LAB="$CARGO_TARGET_DIR/debug/examples/lab"
fi

step "pytest (bindings-python/tests, examples/python)"
python -m pytest -q -p no:cacheprovider bindings-python/tests

step "mypy --strict (tests, examples, benchmark)"
(cd bindings-python && python -m mypy --strict --cache-dir "$root/target/py-venv/.mypy_cache" tests benches ../examples/python)

step "stubtest (_uclint.pyi against the built module)"
(cd "$root/target" && python -m mypy.stubtest --mypy-config-file "$root/bindings-python/pyproject.toml" uclint._uclint)
